import HanziKit
import Testing

/// Offsets for indexers, mixed scripts, and inputs that must not break segmentation.
@Suite("Segment offsets and unusual input")
struct SegmentOffsetTests {
    static let mixed = "Swift 6发布了！🎉 𠮷野家的牛丼¥380，café au lait ☕️ 和 ＡＩ。\r\n第二行\u{3000}空格\u{A0}與「繁體」"

    @Test("every token's byte and scalar ranges give back its text", arguments: Segmenter.Mode.allCases)
    func offsetsRoundTrip(_ mode: Segmenter.Mode) throws {
        let segmenter = try Segmenter()
        let text = Self.mixed
        let bytes = Array(text.utf8)
        let scalars = Array(text.unicodeScalars)
        let tokens = segmenter.tokens(in: text, mode: mode)
        #expect(!tokens.isEmpty)
        for token in tokens {
            #expect(String(decoding: bytes[token.utf8Range], as: UTF8.self) == String(token.text))
            var fromScalars = String.UnicodeScalarView()
            fromScalars.append(contentsOf: scalars[token.scalarRange])
            #expect(String(fromScalars) == String(token.text))
        }
    }

    @Test func accurateTokensTileTheText() throws {
        let segmenter = try Segmenter()
        for traditional in Segmenter.TraditionalHandling.allCases {
            for hmm in [true, false] {
                let tokens = segmenter.tokens(in: Self.mixed, hmm: hmm, traditional: traditional)
                #expect(tokens.map(\.text).joined() == Self.mixed)
                #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.utf8Range.upperBound == $1.utf8Range.lowerBound })
                #expect(tokens.first?.utf8Range.lowerBound == 0)
                #expect(tokens.last?.utf8Range.upperBound == Self.mixed.utf8.count)
            }
        }
    }

    @Test func mixedScriptsSplitAsJiebaDoes() throws {
        let segmenter = try Segmenter()
        // jieba 0.42.1: emoji, symbols and Latin letters with accents go one scalar at a time;
        // a variation selector is a token of its own.
        #expect(segmenter.words(in: "牛丼¥380，café ☕️", traditional: .off)
            == ["牛", "丼", "¥", "380", "，", "caf", "é", " ", "☕", "\u{FE0F}"])
        #expect(segmenter.tokens(in: "𠮷野家").map(\.scalarRange) == [0..<1, 1..<3])
        #expect(segmenter.tokens(in: "𠮷野家").map(\.utf8Range) == [0..<4, 4..<10])
    }

    @Test func emptyTextHasNoTokens() throws {
        let segmenter = try Segmenter()
        for mode in Segmenter.Mode.allCases {
            #expect(segmenter.tokens(in: "", mode: mode).isEmpty)
        }
    }

    @Test func invalidBytesNeverStopTheByteLevelAPI() throws {
        let segmenter = try Segmenter()
        let workspace = Segmenter.Workspace()
        var generator = SplitMix64(seed: 42)
        let pieces: [[UInt8]] = [
            Array("中文分词".utf8), Array("abc 12.5%".utf8), [0xFF], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80],
            [0xF0, 0x9F, 0x98], [0x80, 0x80], Array("😀".utf8), [0x0D, 0x0A], [0xE4, 0xB8, 0xAD, 0xFE],
        ]
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            for _ in 0..<Int(generator.next() % 4) { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
            bytes.withUnsafeBufferPointer { buffer in
                for mode in Segmenter.Mode.allCases {
                    var covered = 0
                    segmenter.forEachToken(in: buffer, mode: mode, traditional: .on, workspace: workspace) { range in
                        #expect(range.lowerBound >= 0 && range.upperBound <= buffer.count && !range.isEmpty)
                        if mode == .accurate {
                            #expect(range.lowerBound == covered)
                            covered = range.upperBound
                        }
                    }
                    if mode == .accurate { #expect(covered == buffer.count) }
                }
            }
        }
    }

    @Test func aTenMegabyteLineIsSegmentedWhole() throws {
        let segmenter = try Segmenter()
        let sentence = Array("小明硕士毕业于中国科学院计算所，后在日本京都大学深造。他来到了网易杭研大厦 iPhone 15 ".utf8)
        let line = [UInt8]().reserved(10_000_000, repeating: sentence)
        var count = 0
        var covered = 0
        line.withUnsafeBufferPointer { buffer in
            segmenter.forEachToken(in: buffer, traditional: .off, workspace: Segmenter.Workspace()) { range in
                if range.lowerBound == covered { covered = range.upperBound }
                count += 1
            }
        }
        #expect(line.count >= 10_000_000)
        #expect(covered == line.count)
        #expect(count == line.count / sentence.count * 23)
    }

    @Test func aLongRunWithoutPunctuationIsOneBlock() throws {
        // jieba's route spans a whole run of Han characters; over 4,096 characters the DAG is
        // built in chunks, which must not change the tokens.
        let segmenter = try Segmenter()
        let unit = "我来到北京清华大学他来到了网易杭研大厦"
        let run = String(repeating: unit, count: 800)
        let expected = Array(repeating: ["我", "来到", "北京", "清华大学", "他", "来到", "了", "网易", "杭研", "大厦"], count: 800).flatMap { $0 }
        #expect(segmenter.words(in: run, traditional: .off) == expected)
        segmenter.buildCharacterIndex()
        #expect(segmenter.words(in: run, traditional: .off) == expected)
        #expect(segmenter.words(in: run, mode: .full, traditional: .off).count == 800 * segmenter.words(in: unit, mode: .full, traditional: .off).count)
    }

    @Test func oneWorkspaceServesSegmentersWithDifferentWords() throws {
        let plain = try Segmenter()
        var custom = plain
        custom.addWord("杭研大厦", frequency: 1_000)
        let workspace = Segmenter.Workspace()
        var text = Array("网易杭研大厦".utf8)
        func words(_ segmenter: Segmenter) -> [String] {
            var result: [String] = []
            text.withUnsafeMutableBufferPointer { buffer in
                segmenter.forEachToken(in: UnsafeBufferPointer(buffer), workspace: workspace) {
                    result.append(String(decoding: buffer[$0], as: UTF8.self))
                }
            }
            return result
        }
        #expect(words(custom) == ["网易", "杭研大厦"])
        #expect(words(plain) == ["网易", "杭研", "大厦"])
    }
}

extension Array where Element == UInt8 {
    /// `self` followed by copies of `unit` until at least `count` bytes.
    func reserved(_ count: Int, repeating unit: [UInt8]) -> [UInt8] {
        var result = self
        result.reserveCapacity(count + unit.count)
        while result.count < count { result += unit }
        return result
    }
}
