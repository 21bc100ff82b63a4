import Foundation
import HanziKit
import Testing

@Suite("hanzi segment on a single huge line")
struct SegmentLongLineTests {
    /// Over 4 MB without a newline, in both scripts, with English, numbers and emoji: the line
    /// is segmented in pieces cut before whitespace or full-width punctuation.
    static let line: String = {
        let unit = "我来到北京清华大学，小明硕士毕业于中国科学院计算所。他說：「這個軟體的版本是 GPT-3.5 嗎？」😀 𠀀字 "
        return String(repeating: unit, count: 4_600_000 / unit.utf8.count)
    }()

    @Test(arguments: [Segmenter.Mode.accurate, .search, .full])
    func piecesGiveTheTokensOfTheWholeLine(mode: Segmenter.Mode) throws {
        let line = Self.line
        #expect(line.utf8.count > 4 << 20)
        let result = try hanzi(["segment", "--mode", "\(mode)", "--separator", "|"], input: line + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try Segmenter().words(in: line, mode: mode).joined(separator: "|") + "\n"
        #expect(result.text == expected)
    }

    @Test func jsonOffsetsCountFromTheStartOfTheWholeLine() throws {
        let line = Self.line
        let result = try hanzi(["segment", "--format", "jsonl"], input: line)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.text.split(separator: "\n")
        #expect(rows.count == 1)
        let tokens = try JSONSerialization.jsonObject(with: Data(rows[0].utf8)) as! [[String: Any]]
        let bytes = Array(line.utf8)
        var byte = 0, scalar = 0
        for token in tokens {
            let (start, end) = (token["start"] as! Int, token["end"] as! Int)
            // Accurate tokens follow one another; stop at the first gap rather than report thousands.
            guard start == byte, token["scalarStart"] as! Int == scalar,
                  String(decoding: bytes[start..<end], as: UTF8.self) == token["text"] as! String else {
                Issue.record("token \(token) does not continue at byte \(byte), scalar \(scalar)")
                break
            }
            byte = end
            scalar = token["scalarEnd"] as! Int
        }
        #expect(byte == bytes.count)
        #expect(scalar == line.unicodeScalars.count)
    }
}
