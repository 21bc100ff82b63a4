import HanziKit
import Testing

@Suite("Cleaner")
struct CleanerTests {
    static let repairer = try! Repairer()

    @Test func cleanTextWithoutAConverterComesBackUnchanged() {
        let cleaner = Cleaner(repairer: Self.repairer)
        for text in ["", "\n", "他说：“你好”。", "English, with \"quotes\": fine.", "😀𠀀字\r", "GPT-3.5 很好用。"] {
            let (cleaned, changes) = cleaner.clean(text)
            #expect(cleaned == text)
            #expect(changes.isEmpty)
        }
    }

    @Test func everyStageReportsItsChangesAgainstTheInput() throws {
        let cleaner = Cleaner(repairer: Self.repairer, converter: try Converter(.s2t))
        let input = "头发,他说：鈥滃ご鍙戔€\u{FFFD}"
        let (cleaned, changes) = cleaner.clean(input)
        #expect(cleaned == "頭髮，他說：“頭髮”")
        let bytes = Array(input.utf8)
        let garbled = "头发,他说：".utf8.count..<bytes.count
        #expect(changes.map(\.description) == [
            "bytes 0..<6: \"头发\" → \"頭髮\" (conversion: \(changes.first?.detail ?? ""))",
            "bytes 6..<7: \",\" → \"，\" (punctuation: asciiPunctuationInChinese)",
            "bytes 10..<13: \"说\" → \"說\" (conversion: \(changes.first?.detail ?? ""))",
            "bytes \(garbled): \"鈥滃ご鍙戔€\u{FFFD}\" → \"“头发”\" (repair: utf8AsGBK)",
            // The conversion of repaired text points at the garbled bytes it came from.
            "bytes \(garbled): \"头发\" → \"頭髮\" (conversion: \(changes.first?.detail ?? ""))",
        ])
        #expect(changes.first { $0.stage == .repair }?.fix?.diagnosis == .utf8AsGBK)
    }

    @Test func theFastPathAndTheExplainingPathAgree() throws {
        let cleaner = Cleaner(repairer: Self.repairer, converter: try Converter(.s2twp))
        let lines = ["她笑着说:鈥滀綘濂解€\u{FFFD}", "鼠标坏了,怎么办?", "â€œä½ å¥½â€\u{9D}，她回答。", "锟斤拷", "干净。", ""]
        for line in lines {
            var text = line
            text.withUTF8 { utf8 in
                var fast: [UInt8] = [], explained: [UInt8] = []
                var scratch = Cleaner.Scratch()
                cleaner.clean(utf8: utf8, into: &fast, scratch: &scratch)
                cleaner.clean(utf8: utf8, explainingInto: &explained)
                #expect(fast == explained, "\(line)")
            }
        }
    }

    @Test func cleaningTwiceChangesNothingTheSecondTime() throws {
        let cleaner = Cleaner(repairer: Self.repairer, converter: try Converter(.s2t))
        let lines = ["她笑着说:鈥滀綘濂解€\u{FFFD}", "鼠标坏了,怎么办?他说:\"换(新的)!\"", "â€œä½ å¥½â€\u{9D}，她回答。",
                     "後來他說:\"好!\"", "see https://example.com/?a=1, \"ok\"."]
        for line in lines {
            let once = cleaner.clean(line).text
            let (twice, changes) = cleaner.clean(once)
            #expect(twice == once)
            #expect(changes.filter(\.changesText).isEmpty, "\(line): \(changes)")
        }
    }
}
