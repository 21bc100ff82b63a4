/// Lenient UTF-8 decoding for the tokenizer, which must accept any bytes SQLite hands it.
enum UTF8Scalar {
    /// What an ill-formed byte decodes to: a value outside Unicode, in no character class.
    static let invalid: UInt32 = 0xFFFF_FFFF

    /// The code point starting at `i` (`i < n`) and its length in bytes; a byte that does not
    /// start a well-formed sequence gives (``invalid``, 1), so scanning always moves on.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (scalar: UInt32, length: Int) {
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
        guard i + length <= n, p[i + 1] >= low, p[i + 1] <= high else { return (invalid, 1) }
        var c = UInt32(b0) & (0xFF >> UInt32(length + 1))
        for k in 1..<length {
            let b = p[i + k]
            guard b & 0xC0 == 0x80 else { return (invalid, 1) }
            c = c << 6 | UInt32(b & 0x3F)
        }
        return (c, length)
    }
}
