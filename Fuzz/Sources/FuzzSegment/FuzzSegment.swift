import FuzzSupport
import HanziKit

// Segmentation never crashes, accurate-mode tokens concatenate back to the input, and the
// batched walk through the character index gives the tokens of the block-by-block walk through
// the lexicon's trie in every mode.
let segmenter = try! Segmenter()
let indexed: Segmenter = {
    let segmenter = try! Segmenter()
    segmenter.buildCharacterIndex()
    return segmenter
}()

@_cdecl("FuzzSegment_main")
func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    for hmm in [true, false] {
        let tokens = segmenter.tokens(in: text, mode: .accurate, hmm: hmm)
        precondition(tokens.map { String($0.text) }.joined() == text, "tokens do not concatenate to the input")
        var end = 0
        for token in tokens {
            precondition(token.utf8Range.lowerBound == end, "tokens are not contiguous")
            end = token.utf8Range.upperBound
        }
        precondition(indexed.tokens(in: text, mode: .accurate, hmm: hmm).map(\.utf8Range) == tokens.map(\.utf8Range),
                     "indexed accurate tokens differ")
    }
    for mode in [Segmenter.Mode.full, .search] {
        precondition(indexed.tokens(in: text, mode: mode).map(\.utf8Range) == segmenter.tokens(in: text, mode: mode).map(\.utf8Range),
                     "indexed \(mode) tokens differ")
    }
    return 0
}
