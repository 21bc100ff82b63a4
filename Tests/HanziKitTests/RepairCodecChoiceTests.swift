import HanziKit
import Testing

// Repairs that depend on which bytes a character was read from: the same character can come
// from different bytes under different decoders (€ is 0x80 for code page 936 and A2 E3 for
// GB18030; browsers read "big5" with Hong Kong additions ICU's converters lack), and on what
// a lost byte most likely was. The garbled samples were made with Python's codecs, as the
// evaluation set in Benchmarks/repair is.

// MARK: The issue's article (issue #5 item 4)

@Test func theIssueArticleShiftsAreRepairedInALongerTraditionalSentence() throws {
    // "。”王晟說" shows as "?!蓖蹶烧f", "。現在" as "?,F在", and "。”<span" as "?!?span", where
    // the '?' after '!' is a pair the decoder found invalid: the trail of ” and the '<'.
    let garbled = "王晟在會上表示:\"學校這些年一直在調整課程,成效已經看得到?!蓖蹶烧f,現在的學生比過去更願意發問?,F在的問題是經費,\"我們還會努力?!?span class=\"note\">本報記者攝</span>"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "王晟在會上表示：“學校這些年一直在調整課程，成效已經看得到。”王晟說，現在的學生比過去更願意發問。現在的問題是經費，“我們還會努力。”<span class=\"note\">本報記者攝</span>")
    let shifts = fixes.filter { $0.diagnosis == .gbkOneByteShift }
    #expect(shifts.map(\.before) == ["?!蓖蹶烧f", "?,F", "?!?"])
    #expect(shifts.map(\.after) == ["。”王晟說", "。現", "。”<"])
    #expect(shifts.allSatisfy { $0.unrecovered == 0 })
}

@Test func theIssueArticleShiftsAreRepairedWhenTheDecoderWroteReplacementCharacters() throws {
    // The same article through a decoder that writes U+FFFD, not '?', for what it cannot read:
    // a U+FFFD begins a shift only before a folded mark, as lost bytes of other kinds seldom do.
    let garbled = "成效已經看得到\u{FFFD}!蓖蹶烧f,現在的學生比過去更願意發問\u{FFFD},F在的問題是經費,\"我們還會努力\u{FFFD}!\u{FFFD}span class=\"note\">"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "成效已經看得到。”王晟說，現在的學生比過去更願意發問。現在的問題是經費，“我們還會努力。”<span class=\"note\">")
    #expect(fixes.filter { $0.diagnosis == .gbkOneByteShift }.map(\.after) == ["。”王晟說", "。現", "。”<"])
    // A U+FFFD before a full-width mark is ordinary damage, left as it is.
    let damaged = "宋元公想要逃\u{FFFD}，廚邑大夫濮說。"
    #expect(try RepairFixture.repairer.get().repair(damaged).text == damaged)
}

@Test func aLostByteBeforeTextThatIsNoTagIsWrittenAsReplacementCharacter() throws {
    // The same lost pair before ordinary text: the mark is recovered, the ASCII byte lost with
    // it (a space? a digit?) cannot be, and is reported.
    let garbled = "成效已經看得到?!蓖蹶烧f,現在的學生比過去更願意發問?!?2024年"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "成效已經看得到。”王晟說，現在的學生比過去更願意發問。”\u{FFFD}2024年")
    #expect(fixes.last?.unrecovered == 1)
}

@Test func aShiftThroughAPrivateUseCharacterIsRealigned() throws {
    // "句，竟" shifted at the comma: A3 is read alone, then AC BE is a pair in GBK's
    // user-defined rows (a private-use character). Undoing Big5-as-GBK around it must not
    // swallow the shift (that is the identity, not a double mojibake).
    let garbled = "見名章雋句?\u{E0D9}钩鲋T傖夫俗吏之手,驚極而恨。"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "見名章雋句，竟出諸傖夫俗吏之手，驚極而恨。")
    #expect(fixes.first?.diagnosis == .gbkOneByteShift)
    #expect(!fixes.contains { $0.diagnosis == .doubleMojibake })
}

@Test func aShiftedLineEndingInAnUnclearMarkGetsReplacementCharacter() throws {
    // 。” at the end of a shifted line: 。 is certain (A1 A3, read as ！), the lost trail of the
    // last mark could be ” or 」 — neither clearly — so it is U+FFFD, reported.
    let garbled = "他們倆談了一個下午,他說不好?＝形疑纤\u{E425}胰\u{E68B}送盹垼\u{E0E6}龔臎]來過?!?"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "他們倆談了一個下午，他說不好。叫我上她家去喫晚飯，她從沒來過。\u{FFFD}")
    #expect(fixes.last?.unrecovered == 1)
}

@Test func interrobangsAndDoubledQuestionMarksInLinesWithoutAShiftStay() throws {
    for line in ["真的?!?", "吗??", "這是什麼??"] {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}

// MARK: € from two decoders

@Test func aEuroSignReadFromTheGB18030PairA2E3IsUndone() throws {
    // 呢。 is E5 91 A2 E3 80 82: read as GB18030 with 0x80 as € (as browsers and code page 936
    // do), A2 E3 is € and so is the lone 80. ICU's GBK encodes € as 0x80 only; the first must
    // be A2 E3 for the UTF-8 to be valid.
    let garbled = "浠栬繕浼氬敱姝屽効鍛€€傚挶浠\u{E101}槸涓\u{E15E}浗涔′笅濠嗗﹩锛屼綘璇村憿"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "他还会唱歌儿呢。咱们是中国乡下婆婆，你说呢")
    #expect(fixes.map(\.diagnosis) == [.utf8AsGBK])
    #expect(fixes[0].unrecovered == 0)
}

// MARK: Bytes Python's gbk decoder lost

@Test func aByteLostInsideACharacterIsOneTheDecoderCouldNotRead() throws {
    // "他说：“我们明天再去北京吧。”" as UTF-8 read by Python's gbk with errors="replace": AF B4
    // (inside 说, E8 AF B4) lies in a user-defined row Python's gbk lacks, so AF became U+FFFD.
    // Of the 64 continuation bytes that could stand there, only those the decoder could not
    // read before B4 remain (80, AA–AF: 耴 誴 諴 謴 譴 讴 说), and 说 is clear in context; so is
    // 们 (E4 BB AC, AC lost before 明's E6).
    let garbled = "浠栬\u{FFFD}达細鈥滄垜浠\u{FFFD}鏄庡ぉ鍐嶅幓鍖椾含鍚с\u{FFFD}傗\u{FFFD}\u{FFFD}"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "他说：“我们明天再去北京吧。”")
    #expect(fixes.map(\.diagnosis) == [.utf8AsGBK])
}

@Test func twoBytesLostInARowWereBothUnreadableWithTheByteAfterEach() throws {
    // "他们都很喜欢你。" read by Python's gbk: 欢 (E6 AC A2) kept only E6. AC A2 and A2 E4 lie in
    // rows Python's gbk lacks, so it dropped AC, then A2, and read on from 你's E4. The pair
    // filling the gap must be one the decoder rejects, and so must its second byte before E4:
    // 是 (E6 98 AF) fits before E4 alone and context alone chose it, but 98 AF is a
    // character the decoder would have read.
    let garbled = "浠栦滑閮藉緢鍠滄\u{FFFD}\u{FFFD}浣犮\u{FFFD}\u{FFFD}"
    #expect(try RepairFixture.repairer.get().repair(garbled).text == "他们都很喜欢你。")
}

@Test func aHanCharactersLostLastByteIsNarrowedByTheGarbledMarkAfterIt() throws {
    // "你们到底在找什么人呢？" read by Python's gbk: 呢 (E5 91 A2) lost A2, and ？ (EF BC 9F)
    // lost 9F at the end. The decoder read 呢 and ？ in one stream, so A2 is a byte it could not
    // read before EF; 员 (E5 91 98) is not, since 98 EF is a character.
    let garbled = "浣犱滑鍒板簳鍦ㄦ壘浠\u{FFFD}涔堜汉鍛\u{FFFD}锛\u{FFFD}"
    #expect(try RepairFixture.repairer.get().repair(garbled).text == "你们到底在找什么人呢？")
}

@Test func aLostByteBetweenTwoFormsOfOneCharacterChoosesTheOneConversionWrites() throws {
    // "老師說我們明天再來。" read by Python's gbk: 說 (E8 AA AA) lost its last AA. 說 and its
    // variant 説 (E8 AA AC) both fit and read alike; OpenCC writes 說 for 说, so 說 it is,
    // where the two used to tie and leave U+FFFD.
    let garbled = "鑰佸斧瑾\u{FFFD}鎴戝\u{FFFD}戞槑澶╁啀渚嗐\u{FFFD}\u{FFFD}"
    #expect(try RepairFixture.repairer.get().repair(garbled).text == "老師說我們明天再來。")
}

@Test func aMarkGarbledOnItsOwnBeforeCleanTextIsNotNarrowedByThatText() throws {
    // ， garbled alone (EF BC 8C read as 锛 and a lost 8C) before clean 陳無 (GBK EA 90 9F 6F):
    // the decoder never saw EA after 8C, so EA does not narrow what the lost byte was, though
    // EA 90 9F happens to be valid UTF-8.
    let garbled = "慶封在萊地打獵锛\u{FFFD}陳無宇跟從。"
    #expect(try RepairFixture.repairer.get().repair(garbled).text == "慶封在萊地打獵，陳無宇跟從。")
}

@Test func aLostCharacterBeforeAQuestionMarkIsItsParticle() throws {
    // 吗 (E5 90 97) read as windows-1252 loses 0x90; 偗 南 受 吗 块 could stand there, and the
    // lexicon alone likes 受 (难受) about as well. A question mark after it settles 吗.
    let garbled = "æ˜¯å¾ˆéš¾äº†å\u{FFFD}—ï¼Ÿâ€\u{FFFD}"
    #expect(try RepairFixture.repairer.get().repair(garbled).text == "是很难了吗？”")
}

// MARK: GBK read as Big5 the way browsers read it

@Test func consecutiveCharactersOnlyBig5HKSCSHasAreReencoded() throws {
    // 日期 (C8D5 C6DA) read as Big5-HKSCS is ゜ヽ: two characters in a row that plain Big5
    // cannot encode, each re-encoded with ICU's Big5-HKSCS.
    let garbled = try misread("恨恨！又及。”写了当天的日期。", writtenAs: .gbk, readAs: .big5HKSCS)
    #expect(garbled.hasSuffix("゜ヽ﹝"))
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "恨恨！又及。”写了当天的日期。")
    #expect(fixes.map(\.diagnosis) == [.gbkAsBig5])
}

@Test func aCharacterICUsBig5HKSCSCannotEncodeIsChosenAmongItsPrivateUsePairs() throws {
    // GBK's 取 is C8 A1, which newer Big5-HKSCS tables (Python's, browsers') read as 龰
    // U+9FB0 and ICU's only as a private-use character: 龰 is one of the pairs ICU maps to
    // private use, chosen in context (采取, 取得).
    let garbled = "淉葬眒冪粒龰渠囥ㄛ龰腕賸隴珆傖虴﹝"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "政府已经采取措施，取得了明显成效。")
    #expect(fixes.map(\.diagnosis) == [.gbkAsBig5])
}

// MARK: GBK read as Big5 the way Python reads it

@Test func gbkReadWithPythonsBig5TableIsUndone() throws {
    // Python's big5 codec reads GBK's 其 (C6 E4) as む and 请求亲戚千 as ③⑴оべロ, pairs where
    // Big5-HKSCS has other characters: re-encoded with Big5-HKSCS they give 莋 and 疲偏萪莁情.
    for (original, garbled) in [("今失其行，乱其纪纲，乃灭而亡。", "踏囮む俴ㄛ觴む槨詼ㄛ騰鏢奧厗﹝"),
                                ("他们请求亲戚千万不要再来。", "坻蠅③⑴оべロ勀祥猁婬懂﹝")] {
        let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
        #expect(text == original)
        #expect(fixes.map(\.diagnosis) == [.gbkAsBig5])
    }
}

@Test func aLoneCompatibilityIdeographInCleanTextStays() throws {
    for line in ["龰是一个部首。", "他写了龰字，又写了⺈字。"] {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}

@Test func aStretchReadOutOfStepAfterALostBig5LeadIsRepaired() throws {
    // "他是个好人，大家都喜欢他。" in GBK read by Python's big5hkscs: 人 (C8 CB) is a hole in
    // Big5, so the decoder wrote U+FFFD for C8 and read on from CB, one byte out of step: the
    // comma's bytes went into two Han characters, and the stretch shows none of the symbols
    // GBK-as-Big5 is known by. Its U+FFFD before rare characters (芄炭騧珔) signs it instead.
    let garbled = "坻岆跺疑\u{FFFD}芄炭騧珔樞祥傷\u{2163E}\u{FFFD}"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    // 人 is written as itself only if context settles it among the characters ending in CB.
    #expect(["他是个好人，大家都喜欢他。", "他是个好\u{FFFD}，大家都喜欢他。"].contains(text))
    #expect(fixes.map(\.diagnosis) == [.gbkAsBig5])
}

@Test func cleanTextAfterALoneReplacementCharacterIsNotReadOutOfStep() throws {
    // A character lost before rare names in clean classical text: re-paired as Big5 read out of
    // step, 捷菑 gives junk that still scores better than U+FFFD; it must stay as it is.
    let line = "秋七月，有星孛入于北斗。公至自会。晋人纳\u{FFFD}捷菑于邾。弗克纳。九月甲申，公孙敖卒于齐。齐公子商人弑其君舍。"
    #expect(try RepairFixture.repairer.get().repair(line).text == line)
}

// MARK: Folded punctuation

@Test func aQuoteAfterAFullStopOpensWhenTheNextQuoteSurelyCloses() throws {
    let (text, _) = try RepairFixture.repairer.get().repair("他說這裏好像個進口,一無可去的去處。\"撇下一切希望罷,你們這些進來的人!\"")
    #expect(text == "他說這裏好像個進口，一無可去的去處。“撇下一切希望罷，你們這些進來的人！”")
}

@Test func aQuoteAfterAFullStopStillClosesAnOpenQuotation() throws {
    let (text, _) = try RepairFixture.repairer.get().repair("他說:\"我們走吧。\"她點頭說:\"好。\"")
    #expect(text == "他說：“我們走吧。”她點頭說：“好。”")
}

@Test func parenthesesAfterTheMissingCharacterSquareAreRestored() throws {
    // □ stands for a character the text could not show: Chinese, as far as punctuation goes.
    let (text, _) = try RepairFixture.repairer.get().repair("□(辶＋豚)翁夫婦一天上午也來看佈置好的房間。")
    #expect(text == "□（辶＋豚）翁夫婦一天上午也來看佈置好的房間。")
}
