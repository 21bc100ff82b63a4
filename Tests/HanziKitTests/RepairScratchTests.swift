@testable import HanziKit
import Testing

@Test func scratchScores() throws {
    let model = try PlausibilityScore(store: .standard)
    var opts: [(Unicode.Scalar, Double)] = []
    for b in UInt8(0x80)...0xBF { if let s = LineRepair.utf8Scalar([0xE4, 0xB8, b]) { opts.append((s, model.score(Array("是一".unicodeScalars) + [s] + Array("测试。".unicodeScalars)))) } }
    opts.sort { $0.1 > $1.1 }
    print(opts.prefix(6).map { "\($0.0) \($0.1)" })
}
