import FuzzSupport
import HanziKit

// Segmentation never crashes, and accurate-mode tokens concatenate back to the input.
nonisolated(unsafe) let segmenter = try! Segmenter()

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
    }
    _ = segmenter.tokens(in: text, mode: .full)
    _ = segmenter.tokens(in: text, mode: .search)
    return 0
}
