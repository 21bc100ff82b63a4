import Foundation
import HanziKit
import Testing

/// Whole corpora against jieba 0.42.1's own output: `Tests/Golden/<corpus>.<mode>.jsonl` holds,
/// per input line, the JSON array of jieba's tokens (written by Benchmarks/peers/jieba_golden.py
/// from the shared SIGHAN 2005 PKU test set and the novel 围城).
@Suite("Segmentation matches jieba on whole corpora")
struct SegmentGoldenTests {
    /// The package's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Case: CustomTestStringConvertible, Sendable {
        let corpus: String
        let input: String
        let mode: String
        /// Whether the segmenter walks its character index rather than the lexicon's trie.
        let indexed: Bool
        var testDescription: String { "\(corpus) \(mode)\(indexed ? " indexed" : "")" }
        var golden: URL { SegmentGoldenTests.root.appendingPathComponent("Tests/Golden/\(corpus).\(mode).jsonl") }
        var inputURL: URL { SegmentGoldenTests.root.appendingPathComponent("../shared/data/\(input)").standardized }
        var isAvailable: Bool {
            FileManager.default.isReadableFile(atPath: golden.path) && FileManager.default.isReadableFile(atPath: inputURL.path)
        }
    }

    static let cases: [Case] = [("pku_test", "sighan2005/pku_test.utf8"), ("weicheng", "corpus/weicheng.txt")].flatMap { corpus, input in
        ["accurate", "accurate-nohmm", "full", "search"].flatMap { mode in
            [false, true].map { Case(corpus: corpus, input: input, mode: mode, indexed: $0) }
        }
    }

    static let availability: Bool = cases.allSatisfy(\.isAvailable)

    @Test(
        "every line is segmented as jieba does",
        .enabled(if: availability, "goldens (Tests/Golden) or the shared corpora (../shared/data) are absent"),
        arguments: cases)
    func linesMatchJieba(_ c: Case) throws {
        let segmenter = try Segmenter()
        if c.indexed { segmenter.buildCharacterIndex() }
        let text = try String(contentsOf: c.inputURL, encoding: .utf8)
        // Split on the byte: a Character split would keep "\r\n" whole.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        // A final newline ends the last line rather than starting an empty one.
        if text.utf8.last == 0x0A { lines.removeLast() }
        let goldenLines = try String(contentsOf: c.golden, encoding: .utf8).utf8.split(separator: 0x0A).map { Substring($0) }
        try #require(goldenLines.count == lines.count, "golden \(c.golden.lastPathComponent) has \(goldenLines.count) lines, input \(lines.count)")
        let mode: Segmenter.Mode = c.mode == "full" ? .full : c.mode == "search" ? .search : .accurate
        var identical = 0
        var differences: [String] = []
        for (line, golden) in zip(lines, goldenLines) {
            // Full mode leaves out the empty strings jieba yields beside whitespace.
            let expected = try (JSONSerialization.jsonObject(with: Data(golden.utf8)) as! [String]).filter { !$0.isEmpty || mode != .full }
            let got = segmenter.words(in: String(line), mode: mode, hmm: c.mode != "accurate-nohmm")
            if got == expected {
                identical += 1
            } else if differences.count < 5 {
                let i = zip(got, expected).prefix { $0 == $1 }.count
                differences.append("jieba: \(expected[i...].prefix(8)) hanzi: \(got[i...].prefix(8))")
            }
        }
        let share = Double(identical) / Double(lines.count) * 100
        print("segment golden \(c.testDescription): \(identical)/\(lines.count) lines identical (\(String(format: "%.3f", share))%)")
        #expect(identical == lines.count, "\(lines.count - identical) lines differ, e.g. \(differences)")
    }
}
