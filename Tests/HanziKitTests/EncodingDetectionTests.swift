import Testing
import HanziKit

// Charset detection with ICU's ucsdet.

private let simplifiedParagraph = """
    中华人民共和国是世界上人口最多的国家之一，拥有悠久的历史和灿烂的文化。汉字是世界上最古老的文字之一，\
    已有数千年的历史。随着计算机技术的发展，中文信息处理成为一个重要的研究领域，包括分词、编码转换和繁简转换等任务。\
    我们今天在这里讨论的是如何正确地识别文本的编码，以及如何修复乱码。
    """

private let traditionalParagraph = """
    中華民國的首都是臺北市，擁有悠久的歷史和燦爛的文化。漢字是世界上最古老的文字之一，已有數千年的歷史。\
    隨著電腦技術的發展，中文資訊處理成為一個重要的研究領域，包括斷詞、編碼轉換和繁簡轉換等任務。\
    我們今天在這裡討論的是如何正確地識別文字的編碼，以及如何修復亂碼。
    """

private let japaneseParagraph = """
    日本語の文章です。東京は日本の首都であり、世界で最も人口の多い都市の一つです。私たちは毎日新しいことを\
    学んでいます。今日はとても良い天気ですね。文字コードの自動判定は、短い文章では難しいことがあります。\
    ひらがなとカタカナと漢字が混ざった文章を使って試してみましょう。
    """

@Test func detectsGBKChineseAsGB18030() throws {
    let bytes = try Charset.gbk.encode(simplifiedParagraph)
    #expect(bytes.count > 250)
    let best = try #require(CharsetDetector.best(bytes))
    #expect(best.name == "GB18030")
    #expect(best.language == "zh")
    #expect(best.confidence >= 50)
}

@Test func detectsBig5TraditionalChinese() throws {
    let bytes = try Charset.big5.encode(traditionalParagraph)
    let best = try #require(CharsetDetector.best(bytes))
    #expect(best.name == "Big5")
    #expect(best.language == "zh")
}

@Test func detectsUTF8Chinese() throws {
    let best = try #require(CharsetDetector.best(Array(simplifiedParagraph.utf8)))
    #expect(best.name == "UTF-8")
    #expect(best.confidence >= 80)
}

@Test func detectsShiftJISJapanese() throws {
    let bytes = try Charset.shiftJIS.encode(japaneseParagraph)
    let best = try #require(CharsetDetector.best(bytes))
    #expect(best.name == "Shift_JIS")
    #expect(best.language == "ja")
}

@Test func detectReturnsAllMatchesBestFirst() throws {
    let matches = CharsetDetector.detect(try Charset.gbk.encode(simplifiedParagraph))
    #expect(matches.count > 1)
    #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.confidence >= $1.confidence })
    #expect(matches.allSatisfy { (0...100).contains($0.confidence) })
    #expect(matches.first?.charset == .gb18030)
}

@Test func minimumConfidenceFiltersTheBestMatch() throws {
    let bytes = try Charset.gbk.encode(simplifiedParagraph)
    #expect(CharsetDetector.best(bytes, minimumConfidence: 101) == nil)
    #expect(CharsetDetector.best(bytes, minimumConfidence: 10) != nil)
}

@Test func emptyInputHasNoMatches() {
    #expect(CharsetDetector.detect([UInt8]()).isEmpty)
    #expect(CharsetDetector.best([UInt8]()) == nil)
}
