/// Lenient UTF-8 decoding for scanners that must accept any bytes (the segmenter, the FTS5
/// tokenizer, validation): a byte that does not start a well-formed sequence decodes to
/// ``invalid`` with length 1, so a scan always moves on.
public enum UTF8Scalar {
    /// What an ill-formed byte decodes to: a value outside Unicode, in no character class.
    public static let invalid: UInt32 = 0xFFFF_FFFF

    /// Decodes the code point at `i` (`i < n`), returning it and its length in bytes; an
    /// ill-formed sequence gives (``invalid``, 1).
    @inlinable @inline(__always)
    public static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (scalar: UInt32, length: Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        let length: Int
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return (invalid, 1)
        }
        guard i + length <= n else { return (invalid, 1) }
        let b1 = p[i + 1]
        guard b1 >= low && b1 <= high else { return (invalid, 1) }
        switch length {
        case 2:
            return (UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F), 2)
        case 3:
            let b2 = p[i + 2]
            guard b2 & 0xC0 == 0x80 else { return (invalid, 1) }
            return (UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), 3)
        default:
            let b2 = p[i + 2], b3 = p[i + 3]
            guard b2 & 0xC0 == 0x80 && b3 & 0xC0 == 0x80 else { return (invalid, 1) }
            return (UInt32(b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(b2 & 0x3F) << 6 | UInt32(b3 & 0x3F), 4)
        }
    }

    /// Decodes the scalar at `i` of text already validated as UTF-8, as the repairer's lines
    /// are, returning it and its length in bytes: only the lead byte is told apart (with
    /// ``decode(_:_:_:)``'s range checks, repairing clean text took a tenth longer). A byte that still
    /// starts no sequence (ASCII included: callers step over it first) gives (U+FFFD, 1).
    @inline(__always)
    static func decodeWellFormed(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(text[i])
        let n = text.count
        if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n && text[i + 1] & 0xC0 == 0x80 {
            return ((b0 & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F), 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n && text[i + 1] & 0xC0 == 0x80 && text[i + 2] & 0xC0 == 0x80 {
            return ((b0 & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0 && b0 < 0xF5 && i + 3 < n && text[i + 1] & 0xC0 == 0x80 && text[i + 2] & 0xC0 == 0x80
            && text[i + 3] & 0xC0 == 0x80 {
            return ((b0 & 0x07) << 18 | UInt32(text[i + 1] & 0x3F) << 12 | UInt32(text[i + 2] & 0x3F) << 6
                    | UInt32(text[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }
}
