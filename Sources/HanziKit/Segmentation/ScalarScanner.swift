/// Byte-level scanning of UTF-8 text with the character classes of jieba's regular expressions.
///
/// jieba works on Python strings, one code point at a time; HanziKit works on UTF-8 bytes and
/// decodes only where a class depends on the code point. Invalid UTF-8 never stops a scan: each
/// byte that does not start a well-formed sequence is taken as a one-byte character of its own,
/// in no class (neither Han nor whitespace), so any input is segmented without crashing.
enum ScalarScanner {
    /// What an ill-formed byte decodes to: a value outside Unicode, in no class.
    static let invalid = UTF8Scalar.invalid

    /// Decodes the code point at `i` (`i < n`); see ``UTF8Scalar/decode(_:_:_:)``.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (scalar: UInt32, length: Int) {
        UTF8Scalar.decode(p, i, n)
    }

    /// The first and last code points of jieba's Han range `\u4E00-\u9FD5`.
    static let hanFirst: UInt32 = 0x4E00
    static let hanLast: UInt32 = 0x9FD5

    /// Whether `c` is in jieba's Han range `[\u4E00-\u9FD5]` (finalseg's `re_han`).
    @inline(__always)
    static func isHan(_ c: UInt32) -> Bool { c &- hanFirst <= hanLast - hanFirst }

    /// Whether the ASCII byte is in `[a-zA-Z0-9]` (jieba's `re_eng`).
    @inline(__always)
    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    /// Whether the ASCII byte is a decimal digit (`\d` on the ASCII text it is applied to).
    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Whether `c` is in `re_han_default`, `[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]`: the characters
    /// jieba segments with its dictionary; everything else is split off by character.
    @inline(__always)
    static func isSegmentable(_ c: UInt32) -> Bool {
        // Bit masks of the ASCII members: `# % & + - . 0-9` below 64, letters and `_` above.
        if c < 64 { return (0x03FF_6868_0000_0000 as UInt64) >> UInt64(c) & 1 != 0 }
        if c < 128 { return (0x07FF_FFFE_87FF_FFFE as UInt64) >> UInt64(c - 64) & 1 != 0 }
        return isHan(c)
    }

    /// Whether `c` is whitespace for Python's `\s` on `str` (`str.isspace()`): ASCII `\t\n\v\f\r`
    /// and space, the information separators U+001C–U+001F, U+0085, U+00A0, U+1680,
    /// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    @inline(__always)
    static func isWhitespace(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x20 || (c &- 0x09 < 5) || (c &- 0x1C < 4) }
        switch c {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
