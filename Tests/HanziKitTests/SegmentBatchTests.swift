import HanziKit
import Testing

/// With its character index, a segmenter walks the DAGs of many blocks as one batch (see
/// `Segmenter.segmentInBatches`); without it, block by block through the lexicon's trie. Both
/// must give the same tokens, wherever batches begin and end.
@Suite("Batched DAG walks give the block-by-block tokens")
struct SegmentBatchTests {
    static let clauses = ["他说：“今天下午我们去图书馆看书吧。”", "我来到北京清华大学，", "GPT-3.5 和 Python3 的 2024 年版本；",
                          "小明硕士毕业于中国科学院计算所\r\n", "😀表情🀄麻将，𠀋字！", "　全角空格　", "a", "，", "\r\n"]

    /// Text whose blocks fall across batch boundaries in many ways: short blocks enough to
    /// fill several batches, a block longer than a batch among them, one exactly as long, and
    /// a run of other characters longer than a batch.
    static let text: String = {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        for k in 0..<3000 {
            text += clauses[Int.random(in: 0..<clauses.count, using: &generator)]
            if k == 700 { text += String(repeating: "中华人民共和国", count: 900) }  // 6,300 characters
            if k == 1500 { text += String(repeating: "大学", count: 2047) + "。" }  // 4,094 + its end: a batch
            if k == 2000 { text += String(repeating: "，😀 ", count: 5000) }  // more pieces than a batch holds
        }
        return text
    }()

    @Test(arguments: [(Segmenter.Mode.accurate, true), (.accurate, false), (.search, true), (.search, false)])
    func batchedAndBlockByBlockTokensAgree(_ mode: Segmenter.Mode, _ hmm: Bool) throws {
        let indexed = try Segmenter()
        indexed.buildCharacterIndex()
        let plain = try Segmenter()
        let batched = indexed.tokens(in: Self.text, mode: mode, hmm: hmm).map { "\($0.utf8Range) \($0.text)" }
        let expected = plain.tokens(in: Self.text, mode: mode, hmm: hmm).map { "\($0.utf8Range) \($0.text)" }
        #expect(batched.count == expected.count)
        let firstDifference = zip(batched, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstDifference == nil, "first difference at token \(firstDifference ?? -1)")
    }
}
