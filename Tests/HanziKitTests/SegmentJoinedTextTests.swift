import HanziKit
import Testing

/// `appendJoinedTokens`, which writes segmented text without a call per token, must give
/// exactly the tokens `tokens(in:)` gives, joined.
@Suite("Segment joined text")
struct SegmentJoinedTextTests {
    static let lines = [
        "我来到北京清华大学，研究自然语言处理",
        "我們後來在臺北的軟體公司工作",
        SegmentOffsetTests.mixed,
        "supercalifragilisticexpialidocious和Pneumonoultramicroscopicsilicovolcanoconiosis",
        "👨‍👩‍👧‍👦𠮷",
        "",
    ]

    static func joined(_ segmenter: Segmenter, _ text: String, separator: String, first: Bool = false,
                       mode: Segmenter.Mode = .accurate, into output: [UInt8] = []) -> [UInt8] {
        var output = output
        let workspace = Segmenter.Workspace()
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            Array(separator.utf8).withUnsafeBufferPointer { separator in
                segmenter.appendJoinedTokens(of: bytes, separator: separator, separatorFirst: first, mode: mode,
                                             workspace: workspace, to: &output)
            }
        }
        return output
    }

    @Test("joined tokens are the tokens, joined", arguments: Segmenter.Mode.allCases)
    func joinedTokensAreTheTokens(_ mode: Segmenter.Mode) throws {
        let segmenter = try Segmenter()
        for line in Self.lines {
            let expected = segmenter.words(in: line, mode: mode).joined(separator: " / ")
            #expect(String(decoding: Self.joined(segmenter, line, separator: " / ", mode: mode), as: UTF8.self) == expected)
        }
    }

    @Test func aContinuingPieceStartsWithTheSeparatorAndOutputIsAppended() throws {
        let segmenter = try Segmenter()
        let output = Self.joined(segmenter, "研究自然语言", separator: "|", first: true, into: Array("我来到".utf8))
        #expect(String(decoding: output, as: UTF8.self) == "我来到|研究|自然语言")
    }

    @Test func anEmptySeparatorGivesTheTextBack() throws {
        let segmenter = try Segmenter()
        for line in Self.lines {
            #expect(Self.joined(segmenter, line, separator: "") == Array(line.utf8))
        }
    }

    @Test func oneWorkspaceServesLongAndShortLinesInTurn() throws {
        let segmenter = try Segmenter()
        let workspace = Segmenter.Workspace()
        let long = String(repeating: "他说：“我们明天再去北京吧。” ", count: 2000)
        for text in [long, "你好", long, ""] {
            var output: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                Array(" ".utf8).withUnsafeBufferPointer { separator in
                    segmenter.appendJoinedTokens(of: bytes, separator: separator, workspace: workspace, to: &output)
                }
            }
            #expect(String(decoding: output, as: UTF8.self) == segmenter.words(in: text).joined(separator: " "))
        }
    }
}
