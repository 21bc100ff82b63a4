/// One way text gets garbled: bytes written in one encoding (``original``) and decoded with
/// another (``wrong``). Undoing it means encoding the garbled characters with ``wrong`` and
/// decoding the bytes with ``original``.
struct Misreading: Sendable {
    /// The encoding the garbled characters are re-encoded with.
    enum Wrong: Sendable {
        /// A charset ICU converts; characters it cannot encode are tried in `fallback`, a
        /// superset some decoders use instead (browsers read "gbk" as GB18030 and "big5" as
        /// Big5-HKSCS, whose extra rows hold kana, Cyrillic and circled numbers).
        case charset(Charset, fallback: Charset?)
        /// windows-1252, with the C1 controls Latin-1 leaves for the bytes windows-1252 does not
        /// define (0x81 0x8D 0x8F 0x90 0x9D) — what browsers and most mojibake do.
        case latin
    }

    /// The encoding the bytes were written in.
    enum Original: Sendable {
        /// UTF-8, decoded by structure so lost bytes can be enumerated cheaply.
        case utf8
        /// A double-byte charset decoded pair by pair with ICU.
        case charset(Charset)
    }

    /// The name of repairs undoing this misreading.
    let diagnosis: Diagnosis
    /// The encoding the text was wrongly decoded with.
    let wrong: Wrong
    /// The encoding the text was written in.
    let original: Original
    /// The bytes a wrong decoder may have lost (written as U+FFFD or '?'): the candidates for
    /// each lost byte.
    let lostBytes: [UInt8]
    /// Characters of which at least one must be in a garbled stretch before it is repaired.
    let signs: CharacterTable.Signs
    /// Whether two private-use characters may stand in for a sign (Big5 punctuation read as
    /// GBK lands in GBK's user-defined rows; clean text sometimes has one such character).
    let privateUseCounts: Bool

    /// Whether `stretch` has the signs this misreading needs.
    func isSigned(_ stretch: some Collection<Unicode.Scalar>, table: CharacterTable) -> Bool {
        var privateUse = 0
        for scalar in stretch {
            let found = table.signs(scalar)
            if !found.isDisjoint(with: signs) { return true }
            if privateUseCounts && found.contains(.privateUse) {
                privateUse += 1
                if privateUse >= 2 { return true }
            }
        }
        return false
    }

    /// Every misreading the repairer undoes.
    static let all: [Misreading] = [
        Misreading(diagnosis: .utf8AsGBK, wrong: .charset(.gbk, fallback: .gb18030), original: .utf8,
                   lostBytes: Array(0x80...0xFE), signs: [.gbkPunctuationMojibake, .gbkTextMojibake], privateUseCounts: false),
        // Only the five bytes windows-1252 leaves undefined can be lost by a windows-1252 decoder.
        Misreading(diagnosis: .utf8AsWindows1252, wrong: .latin, original: .utf8,
                   lostBytes: [0x81, 0x8D, 0x8F, 0x90, 0x9D], signs: [.latinLead], privateUseCounts: false),
        Misreading(diagnosis: .big5AsGBK, wrong: .charset(.gbk, fallback: .gb18030), original: .charset(.big5),
                   lostBytes: Array(0x81...0xFE), signs: [.crossMojibake], privateUseCounts: true),
        Misreading(diagnosis: .gbkAsBig5, wrong: .charset(.big5, fallback: .big5HKSCS), original: .charset(.gbk),
                   lostBytes: Array(0x81...0xFE), signs: [.crossMojibake], privateUseCounts: true),
    ]

    /// windows-1252's characters at 0x80–0x9F and their bytes, as ICU decodes them.
    static let windows1252High: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for byte in UInt8(0x80)...0x9F {
            if let text = try? Charset.windows1252.decode([byte]), let scalar = text.unicodeScalars.first {
                map[scalar.value] = byte
            }
        }
        return map
    }()
}
