/// Finds where bytes stop being well-formed UTF-8, so errors can name the byte offset
/// (the standard library only says whether a buffer is valid).
public enum UTF8Validation {
    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence
    /// (overlong forms, surrogates, values past U+10FFFF and truncated sequences are
    /// ill-formed), or nil when the whole buffer is valid.
    public static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var i = 0
        while i < count {
            // Skip ASCII eight bytes at a time.
            while i + 8 <= count && bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < count else { break }
            let p = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            // Most Chinese, Japanese and Korean text is three-byte characters led by E1…EF,
            // whose two continuation bytes are all there is to check (E0 and ED limit their
            // second byte: ED A0–BF would be surrogates; hangul syllables from 퀀 on are ED 80–9E).
            let lead = p[i]
            // (Spaces and marks between words come one or two at a time.)
            if lead < 0x80 {
                i += 1
                continue
            }
            if i + 3 <= count && lead &- 0xE1 < 0x0F && (p[i + 1] & p[i + 2]) >= 0x80
                && (p[i + 1] | p[i + 2]) < 0xC0 && (lead != 0xED || p[i + 1] < 0xA0) {
                i += 3
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(p, i, count)
            if scalar == UTF8Scalar.invalid { return i }
            i += length
        }
        return nil
    }

    /// The offset of the first ill-formed sequence in `bytes`, or nil.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { firstInvalidOffset($0) }
    }
}
