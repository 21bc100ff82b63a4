import Foundation
import HanziKit
import Testing

@Suite("Cleaner")
struct CleanerTests {
    static let repairer = try! Repairer()
    static let detector = try! ScriptDetector()
    /// The first 400 lines of 围城 (Simplified, with folded punctuation and swapped quotes).
    static let novel: [String]? = {
        let url = SegmentGoldenTests.root.appendingPathComponent("../shared/data/corpus/weicheng.txt").standardized
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return Array(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(400).map(String.init))
    }()

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
        // (Several lines at once too: a line's hangul keeps its own ASCII marks, not the next
        // line's, on both paths.)
        let lines = ["她笑着说:鈥滀綘濂解€\u{FFFD}", "鼠标坏了,怎么办?", "â€œä½ å¥½â€\u{9D}，她回答。", "锟斤拷", "干净。", "",
                     "出口43亿美셃,增长很快。\n2,第二间房:一开门\n"]
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

    /// s2t is not idempotent on its own output (家伙 → 傢伙, 傢伙 → 傢夥); a cleaner that knows
    /// the script its conversion writes leaves converted lines alone, and converts a Simplified
    /// text exactly as repairing and then converting it would.
    @Test(.enabled(if: novel != nil, "../shared/data/corpus/weicheng.txt is absent"), arguments: ["s2t", "s2twp", "t2s"])
    func cleaningANovelTwiceChangesNothing(config: String) throws {
        let converter = try Converter(ConversionConfig.Name(rawValue: config))
        let target: ChineseScript = config.hasPrefix("s2") ? .traditional : .simplified
        let cleaner = Cleaner(repairer: Self.repairer, converter: converter, targetScript: (target, Self.detector))
        var changedLines = 0
        for line in Self.novel ?? [] {
            let once = cleaner.clean(line).text
            #expect(cleaner.clean(once).text == once, "\(config): \(line.prefix(40))")
            if target == .traditional {
                #expect(once == converter.convert(Self.repairer.repair(line).text), "\(line.prefix(40))")
            }
            if once != line { changedLines += 1 }
        }
        #expect(changedLines > (target == .traditional ? 200 : 0))
    }

    @Test func aLineAlreadyInTheTargetScriptIsNotConvertedAgain() throws {
        let converter = try Converter(.s2t)
        let plain = Cleaner(repairer: Self.repairer, converter: converter)
        let guarded = Cleaner(repairer: Self.repairer, converter: converter, targetScript: (.traditional, Self.detector))
        let converted = converter.convert("那家伙来了")
        #expect(converted == "那傢伙來了")
        #expect(plain.clean(converted).text == "那傢夥來了")
        #expect(guarded.clean(converted).text == converted)
        #expect(guarded.clean("那家伙来了").text == converted)
    }
}
