import HanziKit
import Testing

// Clean text comes out byte-identical, and irrecoverable damage is reported, never guessed at.

@Test func cleanTextInManyScriptsComesOutByteIdentical() throws {
    let paragraph = """
        钱钟书《围城》：“城外的人想冲进去，城里的人想逃出来。”这本书整整写了两年。
        鴻漸道：「我們好好的謝你。」那女人講了一大串話，又快又脆。
        The quick brown fox jumps over the lazy dog; café, naïve, São Paulo — “quoted” text…
        Python の開発は、1990 年ごろから開始されています。「ABC」の開発に参加していました。
        파이썬(Python)은 배우기 쉽고, 강력한 프로그래밍 언어입니다.
        今天天气很好😀🎉，我们去公园吧👍 𠀀𪚥 are rare characters.
        let url = "https://example.com/a?b=1&c=2"; x = f(3.5, "GPT-3.5")
        行内有U+0085\u{85}和U+2028\u{2028}也是普通字符，不是换行。
        """
    let (text, fixes) = try RepairFixture.repairer.get().repair(paragraph)
    #expect(text == paragraph)
    #expect(fixes.isEmpty)
}

@Test func cleanChineseIsNotEvenLookedAtClosely() throws {
    var line = "这本书整整写了两年。两年里忧世伤生，屡想中止。“城外的人想冲进去。”"
    let suspicious = try line.withUTF8 { try RepairFixture.repairer.get().isSuspicious($0) }
    #expect(!suspicious)
}

@Test func cleanChineseWithRareCharactersSideBySideIsNotLookedAtClosely() throws {
    // Characters GBK holds at a UTF-8 lead byte and a continuation byte come every third
    // character in UTF-8 read as GBK, never side by side, and every second only with a pair
    // ending in ASCII between them.
    let repairer = try RepairFixture.repairer.get()
    for var line in ["夜裡她睡在妯娌家裡", "他喃喃地说", "二十年春，公至自於陳。"] {
        #expect(!line.withUTF8 { repairer.isSuspicious($0) }, "\(line)")
    }
}

@Test func namesWhoseCharactersFallLikeTwoGarbledCharactersAreNotLookedAtClosely() throws {
    // 楣鸿渐 falls as 曰： read as GBK does (鏇帮細: a lead and continuation byte, a continuation
    // and a lead byte, two continuation bytes), but its GBK bytes read as UTF-8 are 鹺轥, which
    // no Chinese text writes. 围城 names 辛楣鸿渐 on almost every page.
    let repairer = try RepairFixture.repairer.get()
    for var line in ["辛楣鸿渐同时努嘴做个鬼脸", "他拿出一本《拼盘姘伴》来", "妯娌间暗争愈烈", "辛楣辩护道"] {
        #expect(!line.withUTF8 { repairer.isSuspicious($0) }, "\(line)")
    }
    var garbled = "具戍人，鏇帮細“明年将纳王。”"
    #expect(garbled.withUTF8 { repairer.isSuspicious($0) })
}

@Test func cleanChineseWhoseGBKBytesSpellHangulIsNotLookedAtClosely() throws {
    // 陳侯、 in GBK is EA 90 BA EE A1 A2: laid out as UTF-8 read as GBK, it would be a Yi
    // letter and a private-use character, no Chinese. Clean Traditional text has such runs
    // in every paragraph.
    let repairer = try RepairFixture.repairer.get()
    for var line in ["秋，翬帥師會宋公、陳侯、蔡人、衛人伐鄭。", "邾人滅須句，須句子來奔，因成風也。", "臧孫許及晉侯盟於赤棘。"] {
        #expect(!line.withUTF8 { repairer.isSuspicious($0) }, "\(line)")
    }
}

@Test func japaneseAndKoreanWithASCIIMarksAreNotLookedAtClosely() throws {
    // Their ASCII marks are as written; only a '?' beside them may stand for a lost character.
    let repairer = try RepairFixture.repairer.get()
    for var line in ["%s 失敗: 終了コード %d", "新しい パスワード:", "처리 중 (잠시만 기다리십시오)", "현재 암호:"] {
        #expect(!line.withUTF8 { repairer.isSuspicious($0) }, "\(line)")
    }
    for var line in ["異なるロールを入力しますか?", "文件名:不存在", "请输入新的 パスワード?", "ok? ファイル: x", "see (附录)"] {
        #expect(line.withUTF8 { repairer.isSuspicious($0) }, "\(line)")
    }
}

@Test func mojibakeWithASCIIBetweenCharactersIsLookedAtClosely() throws {
    // 点x到y as UTF-8 read as GBK: 点's last byte pairs with x (箈), then 到's lead byte with
    // its first continuation byte.
    let repairer = try RepairFixture.repairer.get()
    var line = "鐐箈鍒皔"
    #expect(line.withUTF8 { repairer.isSuspicious($0) })
    #expect(repairer.repair(line).text == "点x到y")
}

@Test func emptyInputAndEmptyLinesArePreserved() throws {
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair("").text == "")
    #expect(repairer.repair("").fixes.isEmpty)
    #expect(repairer.repair("\n\n").text == "\n\n")
    #expect(repairer.repair("第一行\n\n第三行\n").text == "第一行\n\n第三行\n")
}

@Test func kunJinKaoIsReportedAndLeftAlone() throws {
    let line = "文件打开后全是锟斤拷锟斤拷，什么也看不清。"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == line)
    #expect(fixes.map(\.diagnosis) == [.kunJinKao])
    #expect(fixes[0].before == "锟斤拷锟斤拷")
    #expect(!fixes[0].changesText && fixes[0].diagnosis.isIrrecoverable)
}

@Test func replacementCharacterRunsAreReportedAndLeftAlone() throws {
    let line = "这一段有\u{FFFD}\u{FFFD}\u{FFFD}读不出来的字。"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == line)
    #expect(fixes.map(\.diagnosis) == [.replacementCharacters])
    #expect(fixes[0].range == "这一段有".utf8.count..<("这一段有".utf8.count + 9))
}

@Test func cleanTextBesideALoneReplacementCharacterIsLeftAlone() throws {
    // One byte lost in otherwise clean text. Re-encoded, the characters beside the U+FFFD read
    // as mojibake that lost a byte (绛� as 等, 楣呵� as 鹺�) or as a GBK shift before an ASCII
    // mark ("�(" as "。╫"), and each such reading gained merely by writing something where the
    // U+FFFD was. Only the U+FFFD is reported.
    let lines = [
        "晋侯以魏绛\u{FFFD}为能以刑佐民矣。",
        "辛楣呵\u{FFFD}呵大笑道：“好！”",
        // 電�路 re-encoded as GBK reads as UTF-8 for a lost Hangul syllable and a middle dot.
        "模板可能包含預定義的電\u{FFFD}路板邊框，連接器位置。",
        "从此妯娌\u{FFFD}间暗争愈烈。",
        "    def __eq\u{FFFD}__(self, other):",
        "cannot format\u{FFFD}(object) here",
        "Continue? \u{FFFD}(y/N)",
        // Japanese: 釈で� re-encoded as GBK reads as UTF-8 for an Ethiopic letter, foreign here.
        "ifconfig: オプション`%s'を解釈で\u{FFFD}きません.",
        // Its marks are as written, as in the line without the U+FFFD: a straight quote that
        // touches no Chinese does not pair with a curly one (Debian's reference manual).
        "系统配置文件：在 \"/et\u{FFFD}c/” 下的数据",
        "安装（“apt install ...”、“aptitude install ...\" 或者 \"apt-g\u{FFFD}et install …” ）：",
        // After a closing mark, the U+FFFD may stand for no character (LibreOffice's help writes
        // 「值」: 要舍入的数字。).
        "「值」:\u{FFFD} 要舍入的数字。",
        // A line that names a field by Chinese words and dots keeps its dots.
        "数据库.表格\u{FFFD}.公司",
    ]
    for line in lines {
        let (text, fixes) = try RepairFixture.repairer.get().repair(line)
        #expect(text == line)
        #expect(fixes.map(\.diagnosis) == [.replacementCharacters])
    }
}

@Test func questionMarksForLostCharactersAreReportedAndLeftAlone() throws {
    // Text squeezed through GBK, whose encoder writes '?' for what GBK lacks (Extension B).
    let line = try Charset.gbk.decode(try Charset.gbk.encode("他們的祖先𠀀𪚥住在這裏", mode: .substitute))
    #expect(line == "他們的祖先??住在這裏")
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == line)
    #expect(!fixes.isEmpty && fixes.allSatisfy { $0.diagnosis == .lostCharacters })
}

@Test func questionMarksWhereNoQuestionMarkStandsShowTheLinesQuestionMarksAreLostCharacters() throws {
    // No question mark opens a quotation, follows 、 or begins a line: the '?' there stood for
    // characters, and so did the line's others, which a question would end (七分?”, 一?）) or
    // which a question word precedes (是否可用?出, 何添?、).
    let lines = [
        "他所?的“?她三分”，不是“三分流水七分?”的“三分”，而是“天下只有三分月色”的“三分”。",
        "何添?、?文正、??超、?守信、?文?、??通、?金烈、?祖庇、???（女）、周?楣（女）",
        "?示物件?型（可以是 “blob”、“tree”、“commit”、“tag” 等其中一?）",
        "?? fnmatch() 是否可用?出?。",
        // Nor does a run of them before 。 (LibreOffice's help squeezed through GB 2312), and
        // 任何 ("any") asks nothing.
        "切?到「排文和分?」????。",
        "文件?未遭到任何其他使用者?定。",
    ]
    for line in lines {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}

@Test func aRepairedLineIsLeftAloneTheSecondTime() throws {
    let repairer = try RepairFixture.repairer.get()
    let garbled = try misread("他说：“今天下午我们去图书馆看书吧。”", readAs: .gbk) + "\n" + "他说:\"好!\""
    let once = repairer.repair(garbled).text
    let twice = repairer.repair(once)
    #expect(twice.text == once)
    #expect(twice.fixes.isEmpty)
}

/// Found by FuzzRepair: each pass restored one more quote of a run, as the one before it had
/// become a curly quotation mark, so repairing the output changed it again.
@Test func aRunOfStraightQuotesIsRepairedOnceAndForAll() throws {
    let repairer = try RepairFixture.repairer.get()
    for line in ["後來\"\"\"\"\"\"\"\"\"\"\" \"他說：「天氣很好」", "他说:\"\"\"\"好\"\"\"\"", String(repeating: "好\"", count: 50)] {
        let once = repairer.repair(line).text
        #expect(repairer.repair(once).text == once, "\(line)")
    }
    // Quotes at a nested level still close after the inner marks.
    #expect(repairer.repair("她说:\"‘走’\"").text == "她说：“‘走’”")
}

@Test func aRepairerWorksFromManyThreadsAtOnce() async throws {
    let repairer = try RepairFixture.repairer.get()
    let garbled = try misread("他说：“今天下午我们去图书馆看书吧。”", readAs: .windows1252)
    let expected = repairer.repair(garbled).text
    let results = await withTaskGroup(of: String.self) { group in
        for _ in 0..<16 { group.addTask { repairer.repair(garbled).text } }
        return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.allSatisfy { $0 == expected })
}

@Test func fixesDescribeExactlyTheChangesMade() throws {
    let repairer = try RepairFixture.repairer.get()
    let inputs = [
        try misread("他说：“今天下午我们去图书馆看书吧。”", readAs: .gbk) + "然后他笑了,说:\"好!\"",
        "柔嘉鼻梁皱一皱，做个厌恶表情道锛\u{FFFD}鈥\u{FFFD}去，去，去：“丑媳妇见公婆”",
        "记者问他，他笑了?!蓖蹶烧f：「没有的事」，文件里全是锟斤拷。",
    ]
    for input in inputs {
        let (text, fixes) = repairer.repair(input)
        // Applying the changing fixes to the input, back to front, gives the output.
        var bytes = Array(input.utf8)
        for fix in fixes.reversed() where fix.changesText {
            #expect(String(decoding: bytes[fix.range], as: UTF8.self) == fix.before)
            bytes.replaceSubrange(fix.range, with: Array(fix.after.utf8))
        }
        #expect(String(decoding: bytes, as: UTF8.self) == text, "\(input)")
        #expect(repairer.repair(text).text == text)
    }
}

@Test func aListOfCharactersIsNotReadAsUTF8ThatSwallowedALetter() throws {
    // hanziconv's tables: 婵婳 read as UTF-8 are 濋O, 鍠廩 are 喏[; nothing Chinese around the
    // letter says a decoder paired it with a byte before.
    try expectLeftAlone(["赏贤账质赒婵婳娇娆妩娴谄调诽课谅论请谇谁谂谈诿谊诹诤谆诼厂废广庙庑彻征齿冲卫䦷阃",
                         "膁鬨瀠颻襆鏍閎憖丟眥氳漵媼饑鯒齕虯瘺湊奐緓寧薘輟鰩脫蓴鏌貟鮋瑤輈琺兌鍠廩撚羨闤奧"])
    // A quotation mark before a Latin word is what such a pairing garbles: 鈥渓s is “ls.
    let garbled = "试一试，鈥渓s lR /鈥 :)"
    #expect(try RepairFixture.repairer.get().repair(garbled).text == "试一试，“ls lR /” :)")
}

@Test func privateUseSymbolsAroundANumberAreLeftAlone() throws {
    // LibreOffice's business cards set a phone and a fax number between symbols of a private
    // font (U+E014, U+E018); read as Big5 they would be 玥 and 疚, Han characters that make no
    // word with the digits between them.
    let line = "杭州市西湖路 111号, 邮政编码：250020☎(023)12345678\u{E014}(023)1234599\u{E018}xinhua@hangzhou.bsp"
    try expectLeftAlone([line])
}

@Test func fullWidthSpacesAGB18030DecoderWroteAsPrivateUseAreLeftAlone() throws {
    // GB18030 decoders write A3A0, GBK's full-width space, as U+E5E5. A paragraph indented with
    // two is clean text from a GBK source, not GBK read as Big5 (捖捖).
    let indent = try Charset.gb18030.decode([0xA3, 0xA0, 0xA3, 0xA0])
    #expect(indent == "\u{E5E5}\u{E5E5}")
    let line = "这是何等美妙的人生境界。" + indent + "时光匆匆，我们已经回不到过去。"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == line)
    #expect(fixes.isEmpty)
}

@Test func chineseTextThatShowsAccentedLettersMojibakeAsAnExampleIsLeftAlone() throws {
    // A manual explaining mojibake quotes it: lone letters, no word around them.
    let line = "因此，法文的內容看起來正常，祗是無法顯示 “Ã©” 或 Ã¨” 或 “Ã§” 等重音字母與符號。"
    #expect(try RepairFixture.repairer.get().repair(line).text == line)
    // A garbled European word in Chinese is repaired: its letters stand beside the accent.
    #expect(try RepairFixture.repairer.get().repair("这家 cafÃ© 的 crÃ¨me brÃ»lÃ©e 很好吃").text == "这家 café 的 crème brûlée 很好吃")
}
