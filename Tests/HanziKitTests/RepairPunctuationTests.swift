import HanziKit
import Testing

// Full-width punctuation folded to ASCII inside Chinese (issue #5 item 7), restored only where
// it belongs to Chinese.

@Test func foldedPunctuationBetweenChineseCharactersIsRestored() throws {
    let (text, fixes) = try RepairFixture.repairer.get().repair("他说:\"你好!\"她问:\"你去吗?\"我不去,太远了(真的)。")
    #expect(text == "他说：“你好！”她问：“你去吗？”我不去，太远了（真的）。")
    #expect(fixes.allSatisfy { $0.diagnosis == .asciiPunctuationInChinese && $0.changesText })
}

@Test func straightQuotesBecomeCornerQuotesOnRequest() throws {
    let (text, _) = try RepairFixture.cornerQuotes.get().repair("他說:\"我們走吧。\"")
    #expect(text == "他說：「我們走吧。」")
}

@Test func asciiThatBelongsToEnglishNumbersCodeAndURLsStays() throws {
    for line in [
        "GPT-3.5的价格是3.5元, 比GPT-4便宜。",
        "访问https://example.com/search?q=中文&page=1,2查看结果。",
        "print(\"你好\")  # 输出问候",
        "{\"name\": \"张三\", \"city\": \"北京\"}",
        "参考 Python (一种语言) 的文档: docs.python.org",
        "价格从1,000元涨到1,200元。",
    ] {
        let (text, fixes) = try RepairFixture.repairer.get().repair(line)
        #expect(text == line, "\(line)")
        #expect(fixes.allSatisfy { !$0.changesText }, "\(line)")
    }
}

@Test func aQuestionMarkStandingForALostCharacterIsReportedNotRestored() throws {
    // zuozhuan.txt writes characters its encoder lacked as '?': "子?在" is a name.
    let line = "陈国辕涛涂、秦国小子?在翟泉结盟。"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == line)
    #expect(fixes.map(\.diagnosis) == [.lostCharacters])
    #expect(fixes[0].before == "?")
}

@Test func japaneseAndKoreanKeepTheirOwnPunctuation() throws {
    for line in ["すごい!本当に?", "東京(とうきょう)に行きます。", "파이썬(Python)은 배우기 쉽고,강력합니다!"] {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}
