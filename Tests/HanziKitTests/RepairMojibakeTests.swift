@testable import HanziKit
import Testing

// Undoing mojibake: each misreading, produced here with the same ICU converters that garble
// text in the wild, and undone by the repairer.

/// One repairer for every repair test: creating one loads the dictionaries.
enum RepairFixture {
    static let repairer = Result { try Repairer() }
    static let cornerQuotes = Result { try Repairer(options: .init(quotes: .corner)) }
}

/// Expects the repairer to leave each of `lines` as it is, with nothing to report.
func expectLeftAlone(_ lines: [String]) throws {
    for line in lines {
        let (text, fixes) = try RepairFixture.repairer.get().repair(line)
        #expect(text == line)
        #expect(fixes.isEmpty, "\(line)")
    }
}

/// `text` encoded in `written` and decoded (with U+FFFD for what does not decode) in `read`.
func misread(_ text: String, writtenAs written: Charset = .utf8, readAs read: Charset) throws -> String {
    try read.decode(written.encode(text), mode: .substitute)
}

private let quoted = "他说：“今天下午我们去图书馆看书吧。”"
private let traditionalQuoted = "鴻漸道：“我們好好的謝你。”那女人講了一大串話。"

@Test func utf8ReadAsGBKIsUndone() throws {
    let garbled = try misread(quoted, readAs: .gbk)
    #expect(garbled.contains("鍥句功棣"))  // 图书馆
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == quoted)
    #expect(fixes.map(\.diagnosis) == [.utf8AsGBK])
    #expect(fixes[0].gain > 8)
}

@Test func koreanReadAsGBKIsUndoneToo() throws {
    // Hangul's UTF-8 lead bytes (EA–ED) are no sign of garbled Chinese, but a line of them is
    // still found by its rare characters.
    let garbled = try misread("안녕 친구", readAs: .gbk)
    #expect(garbled == "鞎堧厱 旃滉惮")
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "안녕 친구")
    #expect(fixes.map(\.diagnosis) == [.utf8AsGBK])
}

@Test func utf8ReadAsGBKWithTheLastByteLostRestoresTheClosingQuote() throws {
    // “你好” is E2 80 9C … E2 80 9D: the final 9D has no partner and decodes to U+FFFD.
    let garbled = try misread("“你好”", readAs: .gbk)
    #expect(garbled == "鈥滀綘濂解€\u{FFFD}")
    let (text, fixes) = try RepairFixture.repairer.get().repair("她笑着说：" + garbled)
    #expect(text == "她笑着说：“你好”")
    #expect(fixes.count == 1 && fixes[0].unrecovered == 0)
}

@Test func utf8ReadAsGBKByADecoderThatDropsWhatItCannotReadIsUndone() throws {
    // Python's gbk codec with errors="ignore": no U+FFFD says where a byte went. 说 is
    // E8 AF B4, and AF B4 is in a user-defined row, so AF is dropped (浠栬达); each line's
    // last byte, left alone, goes too (銆 and 婀 lost theirs).
    let (text, fixes) = try RepairFixture.repairer.get().repair(
        "浠栬达細鈥滄垜浠璧板惂銆傗濈劧鍚庣诲紑浜嗐\n杩欎釜娑堟伅浼犻亶浜嗗彴婀俱")
    #expect(text == "他说：“我们走吧。”然后离开了。\n这个消息传遍了台湾。")
    #expect(fixes.map(\.diagnosis) == [.utf8AsGBK, .utf8AsGBK])
    #expect(fixes.allSatisfy { $0.unrecovered == 0 })
}

@Test func aClausePastedBeforeCleanTextGetsBackTheBytesDroppedAtItsEnd() throws {
    // 我们明天再谈， read as GBK dropping what it cannot read, pasted before clean text: ， (EF BC
    // 8C) lost its 8C, and 今 re-encoded (BD F1) seems to go on with EF BC.
    let (text, _) = try RepairFixture.repairer.get().repair("他说这件事鎴戜滑鏄庡ぉ鍐嶈皥锛今天先休息吧。")
    #expect(text == "他说这件事我们明天再谈，今天先休息吧。")
}

@Test func utf8ReadAsWindows1252ByADecoderThatDropsWhatItCannotReadIsUndone() throws {
    // The five bytes windows-1252 leaves undefined are dropped: 着 (E7 9D 80) lost its 9D, ”
    // (E2 80 9D) its last byte, 息 (E6 81 AF) its middle one.
    let (text, _) = try RepairFixture.repairer.get().repair(
        "å¥¹ç¬‘ç€è¯´ï¼šâ€œä½\u{A0}å¥½â€\nè¿™ä¸ªæ¶ˆæ¯ä¼\u{A0}éäº†å°æ¹¾ã€‚")
    #expect(text == "她笑着说：“你好”\n这个消息传遍了台湾。")
}

@Test func aMarkThatLostAByteNoOneKnowsWhereIsChosenAmongMarks() throws {
    // 、 is E3 80 81; with 81 dropped, E3 80 could have lost a byte after it (、」』【〝) or
    // between (E3 81 80 …, rare characters of CJK Extension A that read far worse). Those do
    // not make the choice one of words, which would leave a lost character.
    let garbled = "ä½\u{A0}å€’è¯·ä»€ä¹ˆè‹å°å§å‘€ã€å”å°å§å‘€æ¥è¯•è¯•çœ‹ã€‚"
    let (text, _) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "你倒请什么苏小姐呀、唐小姐呀来试试看。")
}

@Test func aRareCharacterBeforeAMarkThatLostItsByteIsNotReadAsOneThatDroppedAByte() throws {
    // The decoder wrote U+FFFD for what it could not read, so it dropped nothing: 瘳 stays,
    // though its GBK bytes F1 AC begin a UTF-8 sequence that two dropped bytes would complete.
    let (text, _) = try RepairFixture.repairer.get().repair("齐侯疥锛\u{FFFD}遂痁锛\u{FFFD}期而不瘳锛\u{FFFD}诸侯之宾问疾")
    #expect(text == "齐侯疥，遂痁，期而不瘳，诸侯之宾问疾")
}

@Test func aStretchWhoseCharactersMostlyLostBytesIsNotGuessedAt() throws {
    // 子幹他們兩個人都自殺了。 read as GB2312, which lacks most rows UTF-8 read as GBK falls in:
    // nearly every character lost a byte, so none has context to be chosen in. No character
    // may come out that is neither in the input nor in the original (孫 for 瀛\u{FFFD} was).
    let garbled = "瀛\u{FFFD}骞逛\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}╁\u{FFFD}\u{FFFD}浜洪\u{FFFD}借\u{FFFD}\u{FFFD}娈轰\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
    let (text, _) = try RepairFixture.repairer.get().repair(garbled)
    let allowed = Set(garbled.unicodeScalars).union("子幹他們兩個人都自殺了。".unicodeScalars)
    #expect(text.unicodeScalars.allSatisfy(allowed.contains))
}

@Test func utf8ReadAsWindows1252IsUndone() throws {
    let garbled = try misread(quoted, readAs: .windows1252)
    #expect(garbled.hasPrefix("ä»–è¯´ï¼šâ€œ"))
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == quoted)
    #expect(fixes.map(\.diagnosis) == [.utf8AsWindows1252])
}

@Test func latinTextReadAsWindows1252IsUndoneWhereTheSecondByteReadsAsALetterOrASymbol() throws {
    // Ü and ß end in 9C and 9F, which windows-1252 reads as the letters œ and Ÿ; × and the
    // no-break space end in 97 and A0, read as — and a no-break space after Ã and Â.
    for word in ["Über uns", "Die Straße ist lang", "A2×3 Format", "groupe incorrect\u{A0}: %s"] {
        let (text, fixes) = try RepairFixture.repairer.get().repair(try misread(word, readAs: .windows1252))
        #expect(text == word)
        #expect(fixes.map(\.diagnosis) == [.utf8AsWindows1252], "\(word)")
    }
    // After another capital, a mark or a no-break space is the text's own.
    for line in ["KAPCSOLÓ… FÁJL…", "l’atribut «plural=EXPRESSIÓ» manca", "DÉCONSEILLÉ\u{A0}: cette clé est ignorée."] {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}

@Test func utf8ReadAsLatin1WithC1ControlsIsUndone() throws {
    let garbled = try misread(traditionalQuoted, readAs: .latin1)
    #expect(garbled.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == traditionalQuoted)
    #expect(fixes.map(\.diagnosis) == [.utf8AsLatin1])
}

@Test func mojibakeAppliedTwiceIsUndoneTwice() throws {
    let once = try misread(quoted, readAs: .latin1)
    let twice = try misread(once, readAs: .latin1)
    let (text, fixes) = try RepairFixture.repairer.get().repair(twice)
    #expect(text == quoted)
    #expect(fixes.map(\.diagnosis) == [.doubleMojibake])
}

@Test func aLineUndoneTwiceIsLeftAsItIsWhenRepairedAgain() throws {
    // Once undone, the line writes ， and 「」: the '.' of its notation is the writer's, as it
    // was when the garbled line showed neither.
    let original = "格式是由一個或多個逗號活空格所分隔的描述，其形式為「檔案編號.域」或者"
    // UTF-8 read as GBK, then as windows-1252 by a browser, which keeps the bytes the code page
    // leaves undefined (ICU's converter would not), and the last character lost.
    let twice = "é\u{8F}\u{8D}ç…Žç´¡é\u{8F}„îˆœæ•±æ¶“â‚¬é\u{8D}Šå¬«åž¨æ¾¶æ°¬â‚¬å¬®â‚¬æ¥„æ«‰å¨²è\u{8D}¤â”–é\u{8F}\u{8D}å…¼å¢\u{8D}é\u{8D}’å—›æ®§é\u{90}¨å‹¬å¼¿æ\u{9D}©å¸®ç´\u{9D}é\u{8D}\u{8F}è·ºèˆ°å¯®å¿•å\u{81}¤éŠ†å±¾ç\u{8D}¢å¦—å\u{A0}¢æ³•é“\u{8F}ï¿½.é\u{8D}©ç†´â‚¬å¶†åž¨é‘°ï¿½"
    let repairer = try RepairFixture.repairer.get()
    let once = repairer.repair(twice).text
    #expect(once == original)
    #expect(repairer.repair(once).text == once)
}

@Test func theMarksALineDecodesToAreTheWritersOnLaterPasses() throws {
    // Big5 read as GBK, bytes lost (a fuzz finding): decoded, the line writes ， and ：, so its
    // final '?' is the writer's, as a second run on the output reads it; the first run must
    // read the line the same way, or the second changes it.
    let line = "ǒ钒瘤礛谋眔硂�y杠い钮�A硂ぃ腀種ミㄨ�癖螗L�氦＇帧G¨�A硂�H痷⊿▆み�C仇�F�H產�憾骸A临璶恨盯ㄆ�A贝钮�H產潮╬�C�u璶�k�H�i�H有?"
    let repairer = try RepairFixture.repairer.get()
    let once = repairer.repair(line).text
    #expect(once.contains("，"))
    #expect(repairer.repair(once).text == once)
}

@Test func bigFiveReadAsGBKThenReadAsLatin1IsUndoneTwice() throws {
    // The second undoing skips Big5 and GBK readings where UTF-8 readings undo everything;
    // here none does, so the Big5 one is still tried.
    let once = try misread(traditionalQuoted, writtenAs: .big5, readAs: .gbk)
    let twice = try misread(once, readAs: .latin1)
    let (text, fixes) = try RepairFixture.repairer.get().repair(twice)
    #expect(text == traditionalQuoted)
    #expect(fixes.map(\.diagnosis) == [.doubleMojibake])
}

@Test func aLongLineOfMojibakeAppliedTwiceIsUndoneWhole() throws {
    // Thirty sentences in one line, 3,420 bytes re-encoded: one stretch, undone again whole.
    let original = String(repeating: quoted, count: 30)
    let twice = try misread(misread(original, readAs: .latin1), readAs: .latin1)
    let (text, fixes) = try RepairFixture.repairer.get().repair(twice)
    #expect(text == original)
    #expect(!fixes.isEmpty && fixes.allSatisfy { $0.diagnosis == .doubleMojibake })
}

@Test func aLineOfMojibakeAppliedTwiceLongerThanOneStretchIsUndonePastTheCut() throws {
    // Forty sentences, 4,560 bytes re-encoded: the stretch is cut at 4,096 bytes, inside a
    // character of the text beneath. What follows the cut is undone too; only the character
    // the cut fell in may be lost (and is reported).
    let original = String(repeating: quoted, count: 40)
    let twice = try misread(misread(original, readAs: .latin1), readAs: .latin1)
    let (text, fixes) = try RepairFixture.repairer.get().repair(twice)
    #expect(text.hasPrefix(String(repeating: quoted, count: 35)))
    #expect(text.hasSuffix(String(repeating: quoted, count: 4)))
    #expect(!text.contains("Ã"))
    #expect(fixes.reduce(0) { $0 + $1.unrecovered } <= 1)
}

@Test func anUndoBudgetRefusesAStretchLargerThanWhatIsLeft() {
    let budget = UndoBudget(lineLength: 10)
    let total = UndoBudget.minimum + 10 * UndoBudget.perCharacter
    #expect(budget.remaining == total)
    let long = [Unicode.Scalar](repeating: "鈥", count: total - 5)
    #expect(budget.undoing(long) { ["“"] } == ["“"])
    #expect(budget.undoing(Array(repeating: "銆", count: 6)) { ["。"] } == nil)
    #expect(budget.remaining == 5)
    #expect(budget.undoing(Array(repeating: "锛", count: 5)) { nil } == nil)
    #expect(budget.remaining == 0)
}

@Test func anUndoBudgetUndoesAStretchOnceAndRemembersIt() {
    let budget = UndoBudget(lineLength: 10)
    let stretch: [Unicode.Scalar] = ["鈥", "滀", "綘"]
    var calls = 0
    let first = budget.undoing(stretch) { calls += 1; return ["“", "你"] }
    let left = budget.remaining
    let again = budget.undoing(stretch) { calls += 1; return ["？"] }
    #expect(first == ["“", "你"] && again == first)
    #expect(calls == 1)
    #expect(budget.remaining == left)
    var nothing = 0
    _ = budget.undoing(["中", "文"]) { nothing += 1; return nil }
    #expect(budget.undoing(["中", "文"]) { nothing += 1; return ["x"] } == nil)
    #expect(nothing == 1)
}

@Test func mojibakeTwiceThroughGBKIsUndoneThroughItsPrivateUseCharacters() throws {
    // 说 (E8 AF B4) read as GBK is 璇 and AF B4, a user-defined pair: a private-use character,
    // which a second reading turns into î\u{87}© (Latin-1) or 顕 (GBK again). The first undoing
    // passes through it; the second removes it.
    let original = "他说今天天气很好，我们明天再说。"
    let once = try misread(original, readAs: .gbk)
    #expect(once.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
    for twice in [try misread(once, readAs: .latin1), try misread(once, readAs: .gbk)] {
        let (text, fixes) = try RepairFixture.repairer.get().repair(twice)
        #expect(text == original)
        #expect(fixes.map(\.diagnosis) == [.doubleMojibake])
    }
}

@Test func big5ReadAsGBKIsUndone() throws {
    let garbled = try misread(traditionalQuoted, writtenAs: .big5, readAs: .gbk)
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == traditionalQuoted)
    #expect(fixes.map(\.diagnosis) == [.big5AsGBK])
}

@Test func big5ReadByADecoderThatLosesTheLeadByteOfAPairItRejectsIsUndone() throws {
    // Python's gbk lacks the rows Big5's marks and many characters fall in: it writes U+FFFD
    // for the lead byte and reads the trail byte on (，is A1 41: �A), out of step where that
    // byte is not ASCII. (The garbled lines are Python's `s.encode('big5').decode('gbk', 'replace')`.)
    let cases = [
        ("\u{FFFD}L弧\u{FFFD}G\u{FFFD}uさぱぱ\u{FFFD}皤堞n\u{FFFD}Aи\u{FFFD}胎hそ堕\u{FFFD}a\u{FFFD}C\u{FFFD}v",
         "他說：「今天天氣很好，我們去公園吧。」"),
        ("и\u{FFFD}酞害旬v弧\u{FFFD}G\u{FFFD}u\u{FFFD}A\u{FFFD}汰n\u{FFFD}n\u{FFFD}n厩策\u{FFFD}C\u{FFFD}v",
         "我們的老師說：「你們要好好學習。」"),
    ]
    for (garbled, original) in cases {
        let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
        // Every character is the original's, or U+FFFD where no reading was clear; most are.
        let written = Array(text.unicodeScalars), expected = Array(original.unicodeScalars)
        #expect(written.count == expected.count, "\(text)")
        #expect(zip(written, expected).allSatisfy { $0 == $1 || $0 == "\u{FFFD}" }, "\(text)")
        #expect(zip(written, expected).count { $0 == $1 } >= expected.count * 3 / 4, "\(text)")
        #expect(fixes.contains { $0.diagnosis == .big5AsGBK })
    }
    // Text damaged otherwise keeps its U+FFFD: it writes its marks whole, or is Japanese.
    for line in ["這孩子又要面子，不肯轉\u{FFFD}L系轉\u{FFFD}H學。", "主鍵の有効期限\u{FFFD}Gを\u{FFFD}u変更しま\u{FFFD}Hす。"] {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}

@Test func aLineOfBig5ReadAsGBKIsUndoneToItsEdges() throws {
    // Its last characters read as kana (公平 as そキ, 貝 as ī) score about as well as what they
    // were, but a Chinese line has no other kana; its first, a bullet, reads as a bracket that
    // nothing closes (● as 〈, △ as 〉).
    for original in ["而且不簽收就不給驗貨，對客戶來說很不公平", "屏幕比較次，我這還有一個亮點，似乎這個價格也沒辦法了，省成本貝",
                     "●一九九七年，林業建設又取得了新進展，造林綠化繼續保持快速發展的好勢頭。",
                     "△杭州暫停新建專業市場。近日杭州市政府規定，“九五”期間，原則上停止審批新建商品市場。",
                     // (《 before 通知 reads better than ▲, but a line begins with a bullet as
                     // often as with anything.)
                     "▲通知你的銀行。許多銀行都提供特別適合於進出口業務的全面電子服務。"] {
        let garbled = try misread(original, writtenAs: .big5, readAs: .gbk)
        let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
        #expect(text == original, "\(garbled)")
        #expect(fixes.map(\.diagnosis) == [.big5AsGBK])
    }
    // GBK's ● read as Big5 is ♂.
    let original = "●12月27日，《国务院关于实施西部大开发若干政策措施》正式出台，标志着我国实施"
    let garbled = try misread(original, writtenAs: .gbk, readAs: .big5)
    #expect(try RepairFixture.repairer.get().repair(garbled).text == original, "\(garbled)")
}

@Test func aLineMisreadBetweenBig5AndGBKIsUndoneToItsLastCharacter() throws {
    // Read as GBK, the Big5 of 緒 is 狐 and of 符 is 才: common characters the lexicon rates
    // above the rarer ones meant, but text is misread whole, not up to its last character.
    for original in ["無法初始化健康監聽執行緒", "尋找「]]」時遇到了未預期的檔案結束符"] {
        let garbled = try misread(original, writtenAs: .big5, readAs: .gbk)
        #expect(try RepairFixture.repairer.get().repair(garbled).text == original, "\(garbled)")
    }
    // Read as Big5, the GBK of 计 is 數.
    let original = "部件的上下两端的额外空白，以像素计"
    let garbled = try misread(original, writtenAs: .gbk, readAs: .big5)
    #expect(try RepairFixture.repairer.get().repair(garbled).text == original, "\(garbled)")
}

@Test func aShortLineMisreadBetweenBig5AndGBKIsUndoneByTheLettersItSetsAmongHan() throws {
    // Menu items and titles have no mark and too few characters to be told by their rareness;
    // what shows them is a letter of another script alone among Han characters (ボ in 陪ボ瓜).
    for original in ["準備顯示的圖示集", "新檔案依賴舊內容", "啟動差異比較工具之前不提示"] {
        let garbled = try misread(original, writtenAs: .big5, readAs: .gbk)
        #expect(try RepairFixture.repairer.get().repair(garbled).text == original, "\(garbled)")
    }
    // Japanese sets kana among kanji too, but in words of two or more; Taiwan types ㄧ for 一.
    for line in ["先行書き込みログ用ディレクトリの位置", "sh-形式のコマンド出力", "在預覽視窗中選擇ㄧ欄，然後選擇要套用的資料類型。",
                 "將ㄧ小組像素連結成相同顏色的矩形區域"] {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}

@Test func gbkReadAsBig5IsUndone() throws {
    let original = "这是什么道理？借了要还的，一借一还，一本书可以做两次接触的借口。"
    let garbled = try misread(original, writtenAs: .gbk, readAs: .big5)
    #expect(!garbled.contains("\u{FFFD}"))
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == original)
    #expect(fixes.map(\.diagnosis) == [.gbkAsBig5])
}

@Test func aLineMisreadBetweenBig5AndGBKWithoutAnyMarkIsUndoneByItsRareCharacters() throws {
    // Short messages and titles have no punctuation to show the misreading: what shows it is
    // that common words became rare characters (打印版本信息并退出 as 湖荂唳掛陓洘甜豖堤).
    for original in ["打印版本信息并退出", "这个激活的动作将激活并接收更新", "文档在一个左尖括号“<”后意外结束",
                     "对一个已解锁的文件调用 unlock_db_file 方法"] {
        let garbled = try misread(original, writtenAs: .gbk, readAs: .big5)
        let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
        #expect(text == original, "\(garbled)")
        #expect(fixes.allSatisfy { $0.diagnosis == .gbkAsBig5 })
    }
    for original in ["無法設定區域設置", "列印版本資訊並退出"] {
        let garbled = try misread(original, writtenAs: .big5, readAs: .gbk)
        #expect(try RepairFixture.repairer.get().repair(garbled).text == original, "\(garbled)")
    }
}

@Test func aShortMenuItemMisreadBetweenBig5AndGBKIsUndoneWhole() throws {
    // A menu item of four or five characters is rare characters through and through once
    // misread (開啟新視窗 as 秨币穝跌怠); four rare characters inside a longer line prove nothing.
    for original in ["開啟新視窗", "鍵盤配置", "觸控板設定", "複製連結"] {
        let garbled = try misread(original, writtenAs: .big5, readAs: .gbk)
        #expect(try RepairFixture.repairer.get().repair(garbled).text == original, "\(garbled)")
    }
    try expectLeftAlone(["魑魅魍魉", "饕餮盛宴", "彳亍踟蹰", "齟齬", "囁嚅", "髑髏", "鸺鹠", "蒹葭苍苍", "则何如？蒋氏大戚，汪然出涕。"])
}

@Test func classicalTextDenseInRareCharactersIsLeftAlone() throws {
    // The Book of Songs: clauses of rare characters whose Big5 bytes read as GBK give common
    // ones (黍稷薿薿 as 读絕甬甬), but too few to prove anything, or junk.
    try expectLeftAlone(["今適南畝，或耘或耔。黍稷薿薿。攸介攸止，烝我髦士。", "鳳皇鳴矣，于彼高岡。梧桐生矣，于彼朝陽。菶菶萋萋，雝雝喈喈。",
                         "葭菼揭揭，庶姜孽孽，庶士有朅。", "氤氲叆叇，缱绻旖旎，踟蹰彳亍", "魑魅魍魉饕餮梼杌"])
}

@Test func aTableOfACharsetsCharactersInCodeOrderIsLeftAlone() throws {
    // Rows as iconv-lite's encoding tables write them: Japanese kanji in EUC-JP's order (rare
    // in Chinese, some read as common characters in Big5: 芦鯵梓圧斡扱 as 櫘圖标�篧薯) and
    // GBK's rare extension in GBK's order.
    let eucJP = try Charset("EUC-JP")
    let rows: [(Charset, UInt8, ClosedRange<UInt8>)] = [(eucJP, 0xB0, 0xA1...0xFE), (eucJP, 0xC1, 0xA1...0xFE), (eucJP, 0xD0, 0xA1...0xFE),
                                                       (.gbk, 0x81, 0x40...0xFE)]
    for (charset, lead, trails) in rows {
        let characters = trails.compactMap { try? charset.decode([lead, $0]) }.joined()
        let line = "[\"\(String(lead, radix: 16))a1\",\"\(characters)\"],"
        let (text, fixes) = try RepairFixture.repairer.get().repair(line)
        #expect(text == line)
        #expect(fixes.isEmpty)
    }
}

@Test func aListOfCharactersThatSoundAlikeIsNotReadAsBig5ReadAsGBK() throws {
    // Lines of a spelling corrector's data: a character, those that sound the same, those that
    // sound alike. Re-read as Big5 some of them give traditional junk (綵誥綺緇維說) that scores a
    // little better than a list with no words, never as much better as a garbled stretch does.
    try expectLeftAlone(["互\t户沪护\t壶许呼狐戏唬乎胡葫虎忽糊蝴弧湖", "都\t督兜\t牍肚渡堵毒杜读镀蚪赌豆抖痘斗陡逗睹度妒独",
                         "愧\t溃\t葵傀窥魁盔亏"])
}

@Test func wordsSpelledInZhuyinAreNotReadAsGBKMarksReadAsBig5() throws {
    // GBK's ， ＝ read as Big5 are ㄛ and ˊ, but ㄍㄨㄛˊ is 国 spelled out; a table of
    // initials aligns its columns with spaces.
    try expectLeftAlone(["注音风格，带声调，阴平（第一声）不标。如： 中国 -> ``ㄓㄨㄥ ㄍㄨㄛˊ``",
                         "#ㄗ         ts        煎           ㄝㄣ       en        能"])
    // A garbled mark beside ASCII is still one: ， before a Latin word, ！！ after a number.
    let garbled = try misread("设置为 zh_CN.UTF-8，zh_CN.GB18030 这些 locale 的定义，价格是100！！", writtenAs: .gbk, readAs: .big5)
    let (text, _) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "设置为 zh_CN.UTF-8，zh_CN.GB18030 这些 locale 的定义，价格是100！！")
}

@Test func zhuyinInADictionarysBracketsIsNotReadAsGBKMarksReadAsBig5() throws {
    // ㄕㄜˋ and ㄩˇ are also GBK's ＆－？ and ：＞ read as Big5; a dictionary writes them after
    // pinyin, inside full-width brackets.
    try expectLeftAlone(["[juàn]1.养家畜的棚栏：~舍（shèㄕㄜˋ）。~养。", "[yà]1.〔窳（yǔ ㄩˇ）~〕（音乐声）低回。",
                         "盖，读音作gě（ㄍㄜˇ）、亦可读音作gà（ㄍㄚˋ）、gài（ㄍㄞˋ）。"])
}

@Test func wordsInSmallBracketsAreNotReadAsGBKMarksReadAsBig5() throws {
    // GBK's 。 and · read as Big5 are ﹝ and ﹞, which dictionaries converted from Big5 write
    // around words; a line of GBK read as Big5 garbles the words between them too.
    try expectLeftAlone(["语本“﹝穆叔曰﹞大上有立德，其次有立功，其次有立言。”", "明李时珍﹝释名﹞引陈藏器曰：“天蓼即水荭。”",
                         "后又有强宛之患﹝陈恢﹞乃逾城见沛公曰"])
    let original = "我们去图书馆看书了。约翰·史密斯也来了，他很高兴。"
    let garbled = try misread(original, writtenAs: .gbk, readAs: .big5)
    #expect(garbled.contains("﹝埮熔﹞"))
    #expect(try RepairFixture.repairer.get().repair(garbled).text == original)
}

@Test func cantoneseSplitIntoWordsIsNotReadAsGBKReadAsBig5() throws {
    // pycantonese's corpus sets its words apart with spaces; 啱 and 啊 re-read one by one as
    // Big5 read as GBK give 曏 摆, which the lexicon likes better.
    try expectLeftAlone(["啱 啊 啱 啊 啱 啊", "都 啱 嘅 , 都 啱 嘅"])
    // Text split into words and garbled whole still has words of two characters to read.
    let original = "我 爱 北京 天安门 ， 天安门 上 太阳 升 。"
    #expect(try RepairFixture.repairer.get().repair(try misread(original, writtenAs: .gbk, readAs: .big5)).text == original)
}

@Test func aSimplifiedLineReadAsBig5ChoosesSimplifiedCharactersForItsLostBytes() throws {
    // GBK read as Big5 looks Traditional (ㄛ 涴 岆), which must not make the lost characters of
    // a Simplified line Traditional: the characters decoded around them tell its script. The
    // garbled line is Python's big5hkscs decoder's, which lost the lead byte of 代 (B4 FA).
    let original = "辛楣道：“她父亲是先父的一位四川朋友，这次我去，最初就住在他家里。”鸿渐道：“照你这样，上代是朋友，下代结成亲眷，交情一辈子没有完的时候。"
    let garbled = "釓暽耋ㄩ※坴虜ホ岆珂虜腔珨弇侐捶攬衭ㄛ涴棒扂�奴盃豲齙邰√硪嫓甡鵅ㄐ捱頧扔壓滿啦桫蜳瑵灥界炴珕ド鯙悈疢織�賦傖ホ樺ㄛ蝠ロ珨捲赽羶衄俇腔奀緊﹝"
    #expect(try RepairFixture.repairer.get().repair(garbled).text == original)
}

@Test func onlyTheGarbledSpanOfAnOtherwiseCleanLineIsRepaired() throws {
    let clause = try misread("“现在就走”", readAs: .gbk)
    let line = "我们到了车站，他忽然说：" + clause + "，然后拉着我跑了。"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == "我们到了车站，他忽然说：“现在就走”，然后拉着我跑了。")
    #expect(fixes.count == 1)
    let prefix = "我们到了车站，他忽然说：".utf8.count
    #expect(fixes[0].range == prefix..<(prefix + clause.utf8.count))
    #expect(fixes[0].before == clause)
}

@Test func cleanTextAfterALongGarbledClauseIsNotReadAsPartOfIt() throws {
    // The GBK bytes of 为什么 (CE AA CA B2 C3 B4) are valid UTF-8 (Ϊʲô): a long garbled clause
    // before them decodes on through them, and must still end where the garbling does.
    let clause = try misread("范小姐是男女同学的学校毕业的，", readAs: .gbk)
    let (text, fixes) = try RepairFixture.repairer.get().repair("他说：" + clause + "为什么也没有嫁掉？")
    #expect(text == "他说：范小姐是男女同学的学校毕业的，为什么也没有嫁掉？")
    #expect(fixes.allSatisfy { !$0.after.contains("Ϊ") })
}

@Test func aRareCharacterAfterAGarbledClauseIsNotReadAsALetterOfAnotherAlphabet() throws {
    // 薨 is DE B0 in GBK, valid UTF-8 for the Thaana sukun: the clause's lost last byte and
    // 薨 decoded together, and a mark with nothing to sit on outscored an unknown Han character.
    let clause = try misread("凡崩、", readAs: .gbk)
    let (text, _) = try RepairFixture.repairer.get().repair("故不赴。" + clause + "薨，不赴，则不书。")
    #expect(text == "故不赴。凡崩、薨，不赴，则不书。")
}

@Test func aLostMarkClosesTheParenthesisTheLineOpened() throws {
    // 锛� is any full-width form from ！ to ？; an open （ makes it ）.
    let clause = try misread("（新華社記者王巖攝）", readAs: .gbk)
    #expect(clause.hasSuffix("锛\u{FFFD}"))
    let (text, _) = try RepairFixture.repairer.get().repair("祝願祖國繁榮昌盛。" + clause)
    #expect(text == "祝願祖國繁榮昌盛。（新華社記者王巖攝）")
}

@Test func aQuotationMarkThatLostItsByteBeforeAPathOpensTheQuotation() throws {
    // 9C, the last byte of “, has no partner before the ASCII '/', so “ and ” both fit; a
    // quotation may begin with a path or a Latin word.
    let garbled = try misread("因为环境变量 “PATH” 中包含了 “/usr/bin”。", readAs: .gbk)
    #expect(garbled.contains("鈥\u{FFFD}/usr"))
    let (text, _) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "因为环境变量 “PATH” 中包含了 “/usr/bin”。")
}

@Test func aGarbledItemOfAnEnumerationEndsInAnEnumerationComma() throws {
    // The clause before ends in 、 and the next one, as short, does too: 子伯's lost mark is 、.
    let item = try misread("子伯、", readAs: .gbk)
    let (text, _) = try RepairFixture.repairer.get().repair("公使子蟜、" + item + "子皮与孙子盟于丘宫。")
    #expect(text == "公使子蟜、子伯、子皮与孙子盟于丘宫。")
    // The next item is read to its end, past the few characters a lost character is scored in.
    let first = try misread("张三丰、", readAs: .gbk)
    #expect(try RepairFixture.repairer.get().repair("会上，" + first + "欧阳修远、王五先后发言。").text == "会上，张三丰、欧阳修远、王五先后发言。")
}

@Test func aBracketOpenedByALostMarkIsClosedByTheNextOneAroundAShortTerm() throws {
    // Every mark lost its last byte: 銆� is 《 as well as 》 and 。. Once 《 opened the title,
    // 小旻 is too short a span, without a clause mark, for the sentence to end inside it.
    let text = try RepairFixture.repairer.get().repair("晋乐王鲋曰锛�鈥�銆�小旻銆�之卒章善矣锛�吾从之銆�鈥�").text
    #expect(text == "晋乐王鲋曰：“《小旻》之卒章善矣，吾从之。”")
}

@Test func twoCharactersGarbledAloneInCleanTextAreRepaired() throws {
    // 曰： read as GBK is 鏇帮細: only 鏇 is a rare character; 帮 and 細 are common ones that
    // hold the other bytes. The three in that order still send the line to be repaired.
    let garbled = try misread("曰：", readAs: .gbk)
    #expect(garbled == "鏇帮細")
    let (text, fixes) = try RepairFixture.repairer.get().repair("赵简子令诸侯之大夫输王粟，具戍人，" + garbled + "“明年将纳王。”")
    #expect(text == "赵简子令诸侯之大夫输王粟，具戍人，曰：“明年将纳王。”")
    #expect(fixes.map(\.diagnosis) == [.utf8AsGBK])
}

@Test func aLostByteBeforeACharacterGBKEncodesToNothingIsNoShift() throws {
    // A '?' or U+FFFD may begin a GBK one-byte shift, whose characters are re-encoded to GBK;
    // ICU encodes the soft hyphen to no bytes at all, which must end the stretch, not trap.
    for line in ["\u{FFFD}\u{AD}", "我们\u{FFFD}\u{AD}中文", "鈥滀綘濂解€?\u{AD}中文", "我们说:\"好?\u{AD}中文\""] {
        let (text, _) = try RepairFixture.repairer.get().repair(line)
        #expect(text.unicodeScalars.contains("\u{AD}"), "\(line)")
    }
}

@Test func garbledPunctuationInsideCleanTextIsRepaired() throws {
    // Quotation marks pasted from a page read as windows-1252, the Chinese typed in cleanly.
    let line = "他说：" + (try misread("“", readAs: .windows1252)) + "我们走吧。" + (try misread("”", readAs: .windows1252, )).replacingOccurrences(of: "\u{FFFD}", with: "\u{9D}")
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == "他说：“我们走吧。”")
    #expect(fixes.allSatisfy { $0.diagnosis == .punctuationMojibake })
}

@Test func fixRangesAreOffsetsIntoTheWholeTextAcrossLines() throws {
    let garbled = try misread("“好”", readAs: .windows1252)
    let input = "第一行很干净。\n第二行：" + garbled
    let (text, fixes) = try RepairFixture.repairer.get().repair(input)
    #expect(text == "第一行很干净。\n第二行：“好”")
    let start = "第一行很干净。\n第二行：".utf8.count
    #expect(fixes.first?.range == start..<input.utf8.count)
}

/// Each punctuation mark garbled on its own through GBK, keeping two of its three bytes.
private func garblePunctuation(_ text: String, marks: String = "，。：“”！？、") throws -> String {
    var garbled = ""
    for character in text {
        let isMark = character.unicodeScalars.allSatisfy { marks.unicodeScalars.contains($0) }
        garbled += isMark ? try misread(String(character), readAs: .gbk) : String(character)
    }
    return garbled
}

/// Expects each of `originals`, its `marks` garbled on their own through GBK (losing a byte, so
/// that 銆� stands for one of 、。「」…), to be repaired back to itself.
private func expectLostMarksRestored(_ originals: [String], marks: String,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws {
    let repairer = try RepairFixture.repairer.get()
    for original in originals {
        let garbled = try garblePunctuation(original, marks: marks)
        #expect(garbled.contains("銆\u{FFFD}"), sourceLocation: sourceLocation)
        #expect(repairer.repair(garbled).text == original, sourceLocation: sourceLocation)
    }
}

@Test func aLineBeginningInsideAQuotationGetsItsLostQuotationMarksTheRightWayRound() throws {
    // Cut from a paragraph, the line begins inside a quotation: its first mark closes it.
    let original = "你嫁了我要挨饿的。”她说：“我本来也不要你养活。”"
    let garbled = try garblePunctuation(original)
    #expect(garbled.hasPrefix("你嫁了我要挨饿的銆�鈥�她说锛�鈥�"))
    #expect(try RepairFixture.repairer.get().repair(garbled).text == original)
}

@Test func aLostMarkThatBeginsALineOpensWhatFollows() throws {
    // 銆� is 。、「」《》【】… that lost a byte: a line seldom begins with 。 or 、, often with
    // an opening mark that the line closes. (Which pair, the bytes cannot tell: 「」 is the
    // commonest.)
    let quoted = "「遲緩鍵」無障礙功能是否開啟。"
    #expect(try RepairFixture.repairer.get().repair(try garblePunctuation(quoted, marks: "。「」")).text == quoted)
    for (original, close) in [("【传】元年春己亥，围宋彭城。", 2), ("《紅樓夢》是一部長篇小說。", 4)] {
        let text = try RepairFixture.repairer.get().repair(try garblePunctuation(original, marks: "，。【】《》")).text
        let scalars = Array(text.unicodeScalars), expected = Array(original.unicodeScalars)
        #expect(scalars.count == expected.count, "\(text)")
        #expect(["「」", "【】", "《》"].contains(String(scalars[0]) + String(scalars[close])), "\(text)")
        #expect(String(String.UnicodeScalarView(scalars[(close + 1)...])) == String(String.UnicodeScalarView(expected[(close + 1)...])),
                "\(text)")
    }
}

@Test func aQuotationMarkAfterAnOpenQuotationIsNotReadAsOpeningAnother() throws {
    // ：“ introduces a quotation only where none is open; here ？” closes the one open.
    let original = "鸿渐道：“好房间为什么不让给孙小姐？”辛楣指壁上道：“你瞧罢。”"
    let text = try RepairFixture.repairer.get().repair(try garblePunctuation(original)).text
    #expect(text.hasPrefix("鸿渐道：“好房间为什么不让给孙小姐"))
    #expect(text.hasSuffix("”辛楣指壁上道：“你瞧罢。”"))
}

@Test func aHanCharacterBeforeGarbledPunctuationIsNotReadAsAModifierLetter() throws {
    // 谁 is CB AD in GBK, which is also ˭ in UTF-8: 谁 + 锛� must not become ˭ + ，.
    let text = try RepairFixture.repairer.get().repair("辛楣问谁锛�鸿渐满以为要说到自己").text
    #expect(text.hasPrefix("辛楣问谁"))
    #expect(!text.unicodeScalars.contains { (0x250...0x2FF).contains($0.value) })
}

@Test func aPunctuationMarkThatLostItsLastByteIsChosenEvenWhenTheClauseIsInDoubt() throws {
    // 锛� is ，！？：；（） or a full-width digit. After a clause with 谁 the question mark
    // comes close to the comma, but a wrong mark would keep the meaning, so the likelier one
    // is written instead of leaving the garbling in place.
    let original = "谁知道他发了半天脾气，阿刘出现了。"
    let text = try RepairFixture.repairer.get().repair(try garblePunctuation(original)).text
    #expect(text == original)
}

@Test func aLostMarkTiedBetweenTwoClauseMarksIsStillRepaired() throws {
    // After an interjection ！ and ， tie (both are common there); either reads better than the
    // garbling, so the commoner comma is written.
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair(try garblePunctuation("唉，我累得很。")).text == "唉，我累得很。")
    #expect(repairer.repair(try garblePunctuation("太好了，太好了，是什么人？")).text == "太好了，太好了，是什么人？")
}

@Test func aLostMarkEndingARunOfExclamationMarksIsAnotherOne() throws {
    // ！ is EF BC 81, ？ EF BC 9F: the final one lost its last byte. Reviews repeat ！ (非常棒！！),
    // which, unlike 。。 or ，、, is no slip.
    let garbled = try misread("书很好，非常棒！！", readAs: .gbk)
    #expect(garbled.hasSuffix("\u{FFFD}"))
    #expect(try RepairFixture.repairer.get().repair(garbled).text == "书很好，非常棒！！")
}

@Test func aLostMarkAfterAClauseEndingInAQuestionParticleIsAQuestionMark() throws {
    // 锛� before ” reads most easily as ， (“…，”他说); a clause that ends in 么, 吗 or 呢 asks.
    for original in ["蘇小姐道：“老實說，那詩還過得去麼？”曹先生笑了。", "他问：“你明天还来吗？”我没有回答。"] {
        let text = try RepairFixture.repairer.get().repair(try garblePunctuation(original)).text
        #expect(text == original)
    }
}

@Test func aLostMarkEndingAQuestionBeforeAClosingQuoteIsAQuestionMark() throws {
    // A line cut inside a quotation: the first 锛�鈥� reads as ，“ (a quotation opening) unless
    // the clause before asks; one that asks (要不要, 怎么) and closes an utterance ends in ？”.
    for original in ["你们到底要不要命？”船上的人一个传一个地喊着，声音越来越大。", "你怎么知道他爱打牌的？”她笑了笑，没有回答。"] {
        let text = try RepairFixture.repairer.get().repair(try garblePunctuation(original)).text
        #expect(text == original)
    }
}

@Test func aLostMarkAfterClassicalQuestionParticleIsAQuestionMark() throws {
    // 乎 at a clause's end asks (不亦說乎), as 吗 does; the comma the lexicon prefers is wrong.
    let original = "子曰：“學而時習之，不亦說乎？有朋自遠方來，不亦樂乎？”"
    #expect(try RepairFixture.repairer.get().repair(try garblePunctuation(original)).text == original)
}

@Test func aLostByteOfAHanCharacterStillNeedsAClearWinner() throws {
    // UTF-8 read as windows-1252 loses 0x81 0x8D 0x8F 0x90 0x9D: 渐 (E6 B8 90) could be 渁 渍
    // 渏 渐 渝. Inside the name 鸿渐 no option is clearly likeliest, so it stays U+FFFD and is
    // reported rather than guessed.
    let garbled = try misread("鸿渐想不到苏小姐会来电话。", readAs: .windows1252)
    #expect(garbled.contains("\u{FFFD}"))
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == "鸿\u{FFFD}想不到苏小姐会来电话。")
    #expect(fixes.contains { $0.unrecovered == 1 })
}

@Test func aLostCharacterBeforeALatinWordIsAPrepositionWhereNoWordEndsThere() throws {
    // As Python's gbk codec reads UTF-8 with errors="replace": 為 is E7 82 BA, and BA before
    // the space is lost (鐐�), so E7 82 could be 為 炎 炒 炊 炸 … The lexicon alone rates them too
    // alike to choose; before TRUE a preposition sets the word in the sentence.
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair("濡傛灉鐐� TRUE锛屽墖椤�绀鸿�栫獥").text == "如果為 TRUE，則顯示視窗")
    // Where another option ends a word with the characters before it (使得, 设备), no
    // preposition breaks that word: 得 is still chosen, and 备 (which the lexicon cannot tell
    // from 处 复 外) is left unrecovered rather than read as 对.
    #expect(repairer.repair("姝ｈ�忚〃绀哄紡銆傞�欎娇寰� mirror 涓嶈兘澶犺�嬪埌鏈�鍦扮殑").text == "正規表示式。這使得 mirror 不能夠見到本地的")
    #expect(repairer.repair("鐒跺悗锛屾寜涓嬮潰鐨勬柟寮忕粰绗涓涓 PPPoE 璁惧 eth0 澧炲姞").text.contains("设\u{FFFD} eth0"))
}

@Test func questionWordsThatAskNothingDoNotMakeAQuestionMark() {
    // Indirect questions, "any", and the 么 of 这么 and 那么 ask nothing.
    for clause in ["不知怎样发脾气才好", "无论谁来", "他什么都不管", "谁也不理", "这么好", "那么多人"] {
        #expect(!LineRepair.asksQuestion(clause.unicodeScalars), "\(clause)")
    }
    for clause in ["你去不去呢", "他肯去么", "这是什么", "你怎么来了", "谁在外面", "好吗", "是何祥也"] {
        #expect(LineRepair.asksQuestion(clause.unicodeScalars), "\(clause)")
    }
}

@Test func twoLostDashesNoReadingDecidesAreNotReadAsQuotationMarks() throws {
    // Each — lost its last byte (鈥�鈥�). Together they read as —— or …… alike; resolved one
    // by one, the first would become ” and the second “. Left as they are, and reported.
    let dash = try misread("—", readAs: .gbk)
    #expect(dash.unicodeScalars.last == "\u{FFFD}")
    let garbled = "你省省我的气力罢" + dash + dash + "可是事实上她把声音提高了"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(!text.contains("“") && !text.contains("”"))
    #expect(fixes.contains { $0.diagnosis.isIrrecoverable })
}

@Test func aCleanCharacterBetweenTwoGarbledMarksIsNotSwallowedByTheirRepair() throws {
    // 锛�说锛�鈥�: the GBK bytes of 说 (CB B5) are valid UTF-8 (˵), so the two garbled marks
    // and 说 decode as one stretch, ，˵：“. Repaired apart, they read ，说：“.
    let original = "鸿渐再熬不住，说：“那么，请你别再开口！”"
    let garbled = try garblePunctuation(original)
    #expect(garbled.contains("说"))
    let text = try RepairFixture.repairer.get().repair(garbled).text
    #expect(text.hasPrefix("鸿渐再熬不住，说：“那么"))
    #expect(!text.unicodeScalars.contains { (0x250...0x2FF).contains($0.value) })
}

@Test func mojibakeAfterAGarbledPrivateUseCharacterIsStillRepaired() throws {
    // Texts write a rare character they cannot encode with a private-use one (weicheng.txt's
    // U+E7FE). A repair never writes one, but the text after it is a stretch of its own.
    // (Read as Latin-1, which loses no byte, as browsers read windows-1252.)
    let original = "老先生剛佔了個周易神卦，求得\u{E7FE}≡，是“小畜”卦，什麼“密雲不雨”，“輿脫輻，夫妻反目”。"
    let garbled = try misread(original, readAs: .latin1)
    let text = try RepairFixture.repairer.get().repair(garbled).text
    #expect(text.hasPrefix("老先生剛佔了個周易神卦，求得"))
    #expect(text.hasSuffix("≡，是“小畜”卦，什麼“密雲不雨”，“輿脫輻，夫妻反目”。"))
}

@Test func aLostQuotationMarkAfterAFullStopClosesAQuotation() throws {
    // Only the first clause was garbled, and the last byte of its 」 was lost: 「 or 」? After
    // 。 a quotation mark closes far more often than it opens, even in a line that opened none.
    let garbled = try misread("你別講出去。」", readAs: .gbk) + "鴻漸閉住呼吸，險的窒息，忙退後幾步，連聲說是。"
    #expect(garbled.unicodeScalars.contains("\u{FFFD}"))
    let text = try RepairFixture.repairer.get().repair(garbled).text
    #expect(text == "你別講出去。」鴻漸閉住呼吸，險的窒息，忙退後幾步，連聲說是。")
}

@Test func aLostQuotationMarkAfterAFullStopOpensOnceTheLineHasClosedAQuotation() throws {
    // A line that opened a quotation and closed it began inside none: after its next 。 a
    // lost quotation mark opens (当中。“/usr”), where a line that opened none may close one.
    let garbled = try garblePunctuation("rpm会将那个软件的信息存在“/var” 当中。“/usr” 当然就是应用程序的目录。")
    #expect(garbled.contains("銆\u{FFFD}鈥\u{FFFD}/usr"))
    let text = try RepairFixture.repairer.get().repair(garbled).text
    #expect(text == "rpm会将那个软件的信息存在“/var” 当中。“/usr” 当然就是应用程序的目录。")
}

@Test func quotationMarksRestoredInOneGarbledStretchCountForTheNextStretch() throws {
    // Each mark garbled on its own, with clean text between: the line begins inside a
    // quotation, so its first lost quotation mark closes and the one after 道 opens. Resolved
    // stretch by stretch without what the earlier ones restored, 呀：“ and 道，” came out.
    let garbled = try garblePunctuation("我很好呀！”鸿渐道：“那就好。”")
    let text = try RepairFixture.repairer.get().repair(garbled).text
    #expect(text.hasSuffix("”鸿渐道：“那就好。”"))
}

@Test func lostMarksBetweenShortItemsAreEnumerationCommas() throws {
    // 銆� is 。 or 、 (or 《 》 「 」 …) when its last byte is lost. Between items of one or
    // two characters it is the enumeration comma; short sentences keep their full stops.
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair(try garblePunctuation("桌上有苹果、梨、桃、杏，都很新鲜。")).text.contains("梨、桃、杏，"))
    #expect(repairer.repair(try garblePunctuation("他笑了。我走了。你呢？")).text == "他笑了。我走了。你呢？")
}

@Test func aLostMarkAfterAShortItemThatFollowsTheLinesOwnEnumerationCommaIsOneToo() throws {
    // An item of a few characters after a 、 the line has is followed by another 、, however
    // long the next item (焰火晚会) or whatever follows it, as where only a run's last byte was
    // lost. A list's number (１、) begins no enumeration, and a 、 that was itself chosen for a
    // lost byte is too unsure to pass on (the marks of 他笑了。我走了。 are all lost).
    let repairer = try RepairFixture.repairer.get()
    let lost = try misread("、", readAs: .gbk)
    for (line, expected) in [("节日期间推出了民间艺术表演、书画展、春节灯会\(lost)除夕元宵焰火晚会等活动。",
                              "节日期间推出了民间艺术表演、书画展、春节灯会、除夕元宵焰火晚会等活动。"),
                             ("来自各部委、省\(lost)市的代表出席了会议。", "来自各部委、省、市的代表出席了会议。"),
                             ("１、服务很差\(lost)我订的是大床房。", "１、服务很差。我订的是大床房。")] {
        #expect(line.contains("銆\u{FFFD}"))
        #expect(repairer.repair(line).text == expected)
    }
    try expectLostMarksRestored(["１、服务很差。我订的是大床房。", "他笑了。我走了。大家都很好。"], marks: "、。")
}

@Test func lostMarksAroundATermWithoutHanCharactersAreCornerBrackets() throws {
    // 銆� is 「 or 」 as well as 。 or 、: around an option or a command they are a pair
    // (。--help。 would end a sentence of no Chinese at all).
    let repairer = try RepairFixture.repairer.get()
    // (A command is a term however long: 「git sparse-checkout reapply」.)
    for original in ["您可以藉由傳遞「--help」給子指令來查詢子指令專屬的選項資訊。",
                     "「msgexec 0」的輸出適用於作為「xargs -0」的輸入。",
                     "修正以上路徑後，您可能想要執行「git sparse-checkout reapply」。"] {
        let garbled = try garblePunctuation(original, marks: "「」。")
        #expect(garbled.contains("銆\u{FFFD}--help銆\u{FFFD}") || garbled.hasPrefix("銆\u{FFFD}msgexec") || garbled.contains("銆\u{FFFD}git"))
        #expect(repairer.repair(garbled).text == original)
    }
}

@Test func lostMarksAroundHanTextAreBracketsWhereWhatFollowsEndsNoClause() throws {
    // Around Han text the lexicon cannot tell 「白毛旋風」 from 。白毛旋風。: the marks split the
    // characters alike. A particle after the second mark (的, 之) or a comma begins no clause.
    let repairer = try RepairFixture.repairer.get()
    try expectLostMarksRestored(["被當地人稱為「白毛旋風」的狂風暴雪襲擊了通往災區的唯一通道。",
                                 "並非人人都是「經濟動物」，只會賺錢，不會求知。",
                                 "濤瀾掀到半天空，哪有不出「喜」之理"], marks: "「」，。")
    // Followed by a clause, the same span is left to the marks' frequencies.
    let sentences = try garblePunctuation("他已經走了。我們都很想念。大家都哭了。", marks: "。")
    #expect(repairer.repair(sentences).text == "他已經走了。我們都很想念。大家都哭了。")
}

@Test func lostMarksAroundHanTextAfterAPrepositionOrAConjunctionAreBrackets() throws {
    // A preposition or a conjunction ends neither a sentence nor an enumeration's first item:
    // the span after it, closed by another mark of the row before more Han text, is a term.
    let repairer = try RepairFixture.repairer.get()
    try expectLostMarksRestored(["纸张类型和名片尺寸显示在「格式」区域的底部。", "用在「關於」方塊標誌的具名圖示。",
                                 "如果目标文本文档含有区域，您可以在「区域」框中选择要插入的区域。"], marks: "「」，。")
    // After a noun it stays an enumeration: 建设、宏观调控、落实.
    let items = "加强市场体系建设、宏观调控、落实市长负责制等项工作。"
    #expect(repairer.repair(try garblePunctuation(items, marks: "、。")).text == items)
}

@Test func lostBracketsAroundOneCharacterPairAsAroundLongerTerms() throws {
    // 「-」 garbled as one stretch: the closing mark is a choice of the same cluster as the
    // opening one, and the span between weighs for the pair all the same (not 。-。).
    let repairer = try RepairFixture.repairer.get()
    try expectLostMarksRestored(["或是用「-」列印至標準輸出", "指令中間結束：發現了「{」但沒有對稱的字。", "用「v」列印至", "用「vv」列印至"],
                                marks: "「」。")
    // A span that closes another bracket is no term: 「下」) stays so, not 「下《)》.
    let closing = "進行點選動作的方向 (「左」、「右」、「上」、「下」)。"
    #expect(repairer.repair(try misread(closing, readAs: .gbk)).text == closing)
}

@Test func lostMarksBeforeShortItemsEndingAlikeAreEnumerationCommas() throws {
    // A lost mark followed by a short item, another lost mark and another short item begins an
    // enumeration, however long the clause before it (運用貨幣、): in modern prose 、 five
    // times in six or more. Not where the item begins with an adverb or a preposition, which begin
    // clauses (也可以按「放映」按钮).
    let repairer = try RepairFixture.repairer.get()
    let items = "並綜合運用貨幣、財政、投資、進出口等方面的政策和措施。"
    #expect(repairer.repair(try garblePunctuation(items, marks: "、。")).text == items)
    let clause = try garblePunctuation("显示动画中对象的预览。也可以按「放映」按钮查看动画。", marks: "「」。")
    #expect(!repairer.repair(clause).text.contains("预览、也可以"))
    // Two names of one kind are items too; the same name twice is no enumeration.
    let names = "一八四八年二月，馬克思、恩格斯為共產主義者同盟起草綱領。"
    #expect(repairer.repair(try garblePunctuation(names, marks: "、。")).text == names)
    let sentences = "季康子患盗，问于孔子。孔子对曰：“苟子之不欲，虽赏之不窃。”"
    #expect(repairer.repair(try garblePunctuation(sentences)).text == sentences)
}

@Test func lostMarksAroundALatinTermAreParentheses() throws {
    // 锛� is （ or ） as well as ， or ！: around a Latin term they are a pair, as translated
    // messages gloss (，stdout， would set it off as a clause).
    let repairer = try RepairFixture.repairer.get()
    let original = "如果未指定此选项且输出目标为标准输出（stdout），将会显示当前位置。"
    let garbled = try garblePunctuation(original, marks: "（），")
    #expect(garbled.contains("锛\u{FFFD}stdout锛\u{FFFD}"))
    #expect(repairer.repair(garbled).text == original)
    // Digits are no term: a time (23：30) is as likely there.
    let time = try garblePunctuation("航班到达时间是23：30，预约时告知有免费接送。", marks: "：，")
    #expect(!repairer.repair(time).text.contains("（30）"))
}

@Test func aLostClosingMarkClosesTheInnermostQuotation() throws {
    // The line ends inside “…‘…: its last byte lost, the final mark is ’ (E2 80 99) rather than
    // the commoner ” (E2 80 9D).
    let original = "仲尼曰：“周任有言曰：‘爲政者不賞私勞，不罰私怨。’"
    let garbled = try misread(original, readAs: .gbk)
    #expect(garbled.hasSuffix("\u{FFFD}"))
    #expect(try RepairFixture.repairer.get().repair(garbled).text == original)
}

@Test func aLostCharacterAfterANumberLeansToAUnit() throws {
    // Read as GB18030, 、 and 年 each lose their last byte to the digits after them (81 32 and
    // B4 31 are no pairs): after a list's number the mark is 、, after a number the character
    // a unit.
    let garbled = try misread("1、2000年12月31日夜，成千上萬俄羅斯人聚集在紅場。", readAs: .gb18030)
    #expect(garbled.unicodeScalars.contains("\u{FFFD}"))
    #expect(try RepairFixture.repairer.get().repair(garbled).text.hasPrefix("1、2000年12"))
}

@Test func aLostCharacterBetweenTheNumbersOfADateIsTheUnitTheDateNeeds() throws {
    // 月 (E6 9C 88) loses 88 to the digit after it; 有 (E6 9C 89) is commoner on its own, but
    // before a number that 日 ends, a date needs 月.
    let garbled = try misread("（新华社北京1月1日电）", readAs: .gb18030)
    #expect(garbled.unicodeScalars.contains("\u{FFFD}"))
    #expect(try RepairFixture.repairer.get().repair("谢谢大家！" + garbled).text == "谢谢大家！（新华社北京1月1日电）")
}

@Test func aLostColonBeforeANestedQuotationIsAColon() throws {
    // Inside “…”, 曰 introduces a quotation in single marks: 曰：‘…’, as 曰：“…” outside.
    let original = "仲尼曰：“周任有言曰：‘爲政者不賞私勞，不罰私怨。’"
    let text = try RepairFixture.repairer.get().repair(try garblePunctuation(original)).text
    #expect(text.contains("有言曰：‘爲政者"))
}

@Test func anEnumerationIsNotCutShortByTheMarksChosenBeforeIt() throws {
    // Lost marks a character apart are chosen together; each 、 ends an item, so the last one
    // weighs a clause of one character (韩), not 虞、虢、焦、滑 as one long clause.
    let text = try RepairFixture.repairer.get().repair(try garblePunctuation("虞、虢、焦、滑、霍、扬、韩、魏，皆姬姓也。")).text
    #expect(text == "虞、虢、焦、滑、霍、扬、韩、魏，皆姬姓也。")
}

@Test func cleanLuBeforeAGarbledMarkIsNotReadAsAMiddleDot() throws {
    // 路 is C2 B7 in GBK, the UTF-8 of ·: beside a garbled mark the two decode as one stretch.
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair(try garblePunctuation("走到半路，只让他带着两辆车子走。")).text == "走到半路，只让他带着两辆车子走。")
    #expect(repairer.repair(try garblePunctuation("英雄的身后留下一条长长的血路。")).text == "英雄的身后留下一条长长的血路。")
}

@Test func aLineEndingInAQuotationEndsItsSentenceBeforeTheClosingMark() throws {
    // 吧！” and 吧。” end a line; 吧，” does not, though ， is the commonest mark of all.
    let original = "丢弃天命了，恐怕回不来了吧！”"
    #expect(try RepairFixture.repairer.get().repair(try garblePunctuation(original)).text == original)
}

@Test func aLostQuotationMarkInsideAQuotationOpensANestedOne() throws {
    // 鈥� may be “ ” ‘ or ’. Inside “…”, after 曰：, it opens a nested quotation with ‘, which
    // then closes with ’; a closing mark right after a colon reads badly.
    let repairer = try RepairFixture.repairer.get()
    for original in ["仲尼曰：“周任有言曰：‘爲政者不賞私勞，不罰私怨。’", "魏子曰：“吾聞諸伯叔，諺曰：‘唯食忘憂。’"] {
        let garbled = try garblePunctuation(original, marks: "，。：“”‘’")
        #expect(repairer.repair(garbled).text == original)
    }
}

@Test func aLostQuotationMarkRightAfterAnOpeningOneOpensANestedQuotation() throws {
    // Two lost 鈥� in a row before a path: “” would end the quotation before it began, so the
    // second is ‘, which ’ then closes.
    let original = "如果安裝程序要劃分 “‘/boot’ 分區”，那麼也是將某個分區作爲根目錄"
    let garbled = try garblePunctuation(original, marks: "，“”‘’")
    #expect(try RepairFixture.repairer.get().repair(garbled).text == original)
}

@Test func aLostMarkBeforeAClosingQuotationMarkEndsTheSentence() throws {
    // 锛�鈥� before 子驷说 may be ，” or ？”: a quotation ends with its sentence (。” outnumbers ，”
    // 13:1 in a novel), and 怎么办 asks.
    let original = "得罪了晋国，又得罪了楚国，国家怎么办？”子驷说：“国家已经很困乏了。”"
    #expect(try RepairFixture.repairer.get().repair(try garblePunctuation(original)).text == original)
}

@Test func aClauseThatAsksEndsAQuotationRatherThanIntroducingOne() throws {
    // 锛�鈥� after 乎 reads as 乎？” or 乎：“: a colon introduces a quotation after a verb of
    // saying (問：“), not after a question.
    let repairer = try RepairFixture.repairer.get()
    for original in ["孟武伯問：“子路仁乎？”子曰：“不知也。”又問。", "言善於禮，不亦遠乎？”君子謂：“叔侯於是乎知禮。”"] {
        #expect(repairer.repair(try garblePunctuation(original)).text == original)
    }
}

@Test func aQuotationClosedMidSentenceAfterACommaIsNotReadAsANestedOne() throws {
    // A novel closes speech with ，” before the action goes on (我要睡了，”进浴室); 鈥� there is
    // ” closing the quotation, not ‘ opening another that never closes. Nested quotations open
    // after a colon (曰：‘).
    let repairer = try RepairFixture.repairer.get()
    for original in ["柔嘉不等他开口，说：“我要睡了，”进浴室漱口洗脸去，随手带上了门。", "顾先生道：“让我走个样子给你们看，”从容不迫过了桥，站在桥堍。"] {
        #expect(repairer.repair(try garblePunctuation(original)).text == original)
    }
}

@Test func aParagraphOnOneLineIsRepairedWhereItIsGarbled() throws {
    // A chapter held on one line is repaired a stretch of sentences at a time: the garbled
    // mark near its end is found, with its offset in the line.
    let sentence = "他走到窗前，看了看外面的雨，又回到桌边坐下。"
    let clean = String(repeating: sentence, count: 60)
    let line = clean + "她说：鈥滀綘濂解€�"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == clean + "她说：“你好”")
    #expect(fixes.count == 1)
    #expect(fixes.first?.range.lowerBound == (clean + "她说：").utf8.count)
}

@Test func damageFarFromARepairInALongLineIsReportedOnceWhereItIs() throws {
    // The repair near the start makes a second pass over the line; the stretches it leaves
    // as they were keep their damage report, at its place in the original line.
    let sentence = "他走到窗前，看了看外面的雨，又回到桌边坐下。"
    let middle = String(repeating: sentence, count: 80)
    let line = "她说：鈥滀綘濂解€�" + middle + "文件里全是锟斤拷，" + middle
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == "她说：“你好”" + middle + "文件里全是锟斤拷，" + middle)
    #expect(fixes.map(\.diagnosis) == [.utf8AsGBK, .kunJinKao])
    let damageStart = ("她说：鈥滀綘濂解€�" + middle + "文件里全是").utf8.count
    #expect(fixes.last?.range == damageStart..<damageStart + "锟斤拷".utf8.count)
}

@Test func aLongQuotationInALongLineIsRestoredAsOnePair() throws {
    // The stretches a long line is read in never part a straight quotation: its closing quote
    // is read with its opening one, as in a short line.
    let sentence = "他走到窗前，看了看外面的雨，又回到桌边坐下。"
    let speech = "这场雨下了三天，" + String(repeating: "路上没有行人，", count: 80) + "真是少见。"
    let before = String(repeating: sentence, count: 40) + "他说：", after = String(repeating: sentence, count: 40)
    let (text, _) = try RepairFixture.repairer.get().repair(before + "\"" + speech + "\"" + after)
    #expect(text == before + "“" + speech + "”" + after)
}

@Test func theStretchesOfALongLineEndAfterAClauseMarkOutsideStraightQuotes() throws {
    let sentence = "他走到窗前，看了看外面的雨，又回到桌边坐下。"
    let before = String(repeating: sentence, count: 40) + "他说：\"这场雨下了三天，"
    let line = before + String(repeating: "路上没有行人，", count: 80) + "真是少见。\"他走了，" + String(repeating: sentence, count: 80)
    let utf8 = Array(line.utf8)
    let table = try RepairFixture.repairer.get().model.table
    let cuts = utf8.withUnsafeBufferPointer { line in
        var cuts: [Int] = []
        var start = 0
        while start < line.count {
            start = Repairer.stretchEnd(in: line, from: start, table: table)
            cuts.append(start)
        }
        return cuts
    }
    let quotation = before.utf8.count..<utf8.count - (String(repeating: sentence, count: 80).utf8.count + "他走了，".utf8.count)
    #expect(cuts.count > 2)
    #expect(cuts.last == utf8.count)
    var previous = 0
    for cut in cuts.dropLast() {
        #expect(!quotation.contains(cut), "cut at \(cut) inside the quotation \(quotation)")
        #expect(Array(utf8[cut - 3..<cut]) == Array("，".utf8))
        #expect(String(decoding: utf8[previous..<cut], as: UTF8.self).unicodeScalars.count > Repairer.stretchLength)
        previous = cut
    }
}

@Test func aLongLineIsCutInTheSamePlacesOnceItsMarksAreRestored() throws {
    // The line is read again after a repair: cut where the repair's marks fell, its stretches
    // would move with every pass. Folded marks and straight quotes cut it as their full-width
    // forms do, in characters.
    let sentence = "他说：\"我们明天再来，今天太晚了。\"她点了点头，又回到桌边坐下；"
    let folded = String(repeating: sentence.replacingOccurrences(of: "，", with: ",").replacingOccurrences(of: "；", with: ";"), count: 60)
    let restored = String(repeating: sentence.replacingOccurrences(of: "：\"", with: "：“").replacingOccurrences(of: "。\"", with: "。”"), count: 60)
    let table = try RepairFixture.repairer.get().model.table
    func cuts(_ line: String) -> [Int] {
        let utf8 = Array(line.utf8)
        return utf8.withUnsafeBufferPointer { buffer in
            var cuts: [Int] = []
            var start = 0
            while start < buffer.count {
                start = Repairer.stretchEnd(in: buffer, from: start, table: table)
                cuts.append(String(decoding: utf8[..<start], as: UTF8.self).unicodeScalars.count)
            }
            return cuts
        }
    }
    #expect(cuts(folded).count > 2)
    #expect(cuts(folded) == cuts(restored))
    #expect(cuts(folded) == cuts(String(repeating: sentence, count: 60)))
}

@Test func aByteLostByWindows1252IsChosenAndSaidToBe() throws {
    // ” is E2 80 9D, and 9D is undefined in windows-1252: â€� lost a byte, which the open “
    // tells.
    let original = "他说：“你好，世界”。"
    let garbled = try misread(original, readAs: .windows1252)
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == original, "\(garbled)")
    #expect(fixes.reduce(0) { $0 + $1.guessed } == 1)
    #expect(fixes.allSatisfy { $0.unrecovered == 0 })
}
