@testable import HanziKit
import Testing

// The repairer's character table classifies every BMP character once per process, by ranges
// where Unicode's property lookups would cost too much at start-up.

@Test func characterTableCallsHanExactlyTheUnifiedIdeographsBetween3400And9FFF() {
    let table = CharacterTable.shared
    for value in UInt32(0x3400)...0x9FFF {
        let scalar = Unicode.Scalar(value)!
        #expect((table.kind(scalar) == .han) == scalar.properties.isUnifiedIdeograph, "U+\(String(value, radix: 16, uppercase: true))")
    }
    #expect(table.kind("䷀") == .symbol)
}
