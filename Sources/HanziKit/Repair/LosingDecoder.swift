/// A decoder that writes U+FFFD for a byte it cannot read together with the byte after it,
/// and goes on from that next byte. What it rejects says which bytes it may have lost.
struct LosingDecoder: Sendable {
    /// The charset the decoder reads, through ICU.
    let charset: Charset
    /// Whether a pair ICU decodes to a private-use character counts as rejected: some decoders
    /// lack the user-defined rows ICU maps there (Python's `gbk` lacks GBK's AAA1–AFFE, F8A1–FEFE
    /// and A140–A7A0), while others read them.
    let privateUseIsLost: Bool
    /// The decoder's own table, where it reads pairs ICU does not (or reads otherwise).
    var table: DecoderTable? = nil

    /// Whether the decoder may have lost `byte` where `next` followed it: it cannot read the
    /// two as a character (a pair, or `byte` alone followed by `next`'s character).
    func mayLose(_ byte: UInt8, before next: UInt8) -> Bool {
        if let table, table.decodes(byte, next) { return false }
        guard let scalar = charset.decodePair(byte, next) else { return true }
        return privateUseIsLost && (0xE000...0xF8FF).contains(scalar.value)
    }
}
