import Foundation
import Testing

@Suite("hanzi convert on a single huge line")
struct ConvertLongLineTests {
    /// Where `hanzi convert` may cut a long line (Sources/HanziCLI/LongLineCut.swift).
    static let separators = [" ", "\t", "，", "。", "、", "；", "：", "？", "！", "「", "」", "『", "』",
                             "（", "）", "“", "”", "‘", "’", ",", ".", ";", ":", "?", "!", "《", "》", "…"]

    @Test func noBundledDictionaryWordContainsACutCharacter() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Dictionaries/opencc").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
        #expect(files.count >= 20)
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let key = line.split(separator: "\t", maxSplits: 1)[0]
                #expect(!Self.separators.contains { key.contains($0) }, "\(file): \(key)")
            }
        }
    }

    @Test func lineLongerThanTheCutLimitConvertsAsAWhole() throws {
        // 9 MB without a newline: converted in pieces cut before punctuation, same result.
        let unit = "后来他说：“这个软件的头发问题，干预不了。” "
        let count = 9_000_000 / unit.utf8.count
        let line = String(repeating: unit, count: count)
        let result = try hanzi(["convert", "-c", "s2t"], input: line)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = String(repeating: "後來他說：“這個軟件的頭髮問題，干預不了。” ", count: count)
        #expect(result.text == expected)
    }
}
