/// The mapping table of a double-byte decoder ICU has no converter for, read from a generated
/// file of `Dictionaries/encodings/`: which character each pair decodes to, and back.
struct DecoderTable: Sendable {
    /// The pair (lead << 8 | trail) each character was decoded from.
    private let pairs: [UInt32: UInt16]
    /// Every pair the table decodes.
    private let decoded: Set<UInt16>

    /// Reads lines `PAIR<TAB>CHARACTER` (four hex digits, then one character); `#` lines are
    /// comments. Where two pairs decode to one character, the first is kept.
    init(text: some Collection<UInt8>) {
        var pairs: [UInt32: UInt16] = [:]
        var decoded: Set<UInt16> = []
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let pair = UInt16(fields[0], radix: 16), fields[1].unicodeScalars.count == 1 else { continue }
            let scalar = fields[1].unicodeScalars.first!
            if pairs[scalar.value] == nil { pairs[scalar.value] = pair }
            decoded.insert(pair)
        }
        self.pairs = pairs
        self.decoded = decoded
    }

    /// The pair `scalar` was decoded from, or nil when the table has no such character.
    func pair(for scalar: Unicode.Scalar) -> (UInt8, UInt8)? {
        pairs[scalar.value].map { (UInt8($0 >> 8), UInt8($0 & 0xFF)) }
    }

    /// Whether the table decodes the pair `lead` `trail`.
    func decodes(_ lead: UInt8, _ trail: UInt8) -> Bool {
        decoded.contains(UInt16(lead) << 8 | UInt16(trail))
    }

    /// Python's `big5` codec, which scrapers decode "big5" pages with: it places kana,
    /// Cyrillic and circled numbers (rows C6–C7) and a few symbols elsewhere than ICU's Big5
    /// converters do.
    static let pythonBig5 = DecoderTable(text: EmbeddedFiles.bytes(of: "encodings/python-big5.txt").map { Array($0) } ?? [])
}
