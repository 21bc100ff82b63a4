import HanziKit
/// What a piece of text cut by the segmenter is to the index, and the form it is indexed in.
enum TokenClass {
    /// Not indexed: no letter, digit or ideograph (punctuation, whitespace, symbols, emoji,
    /// invalid bytes), or any character besides those, marks and the joiners jieba keeps inside
    /// words (`+#&._%-`) — full mode's pieces of non-Chinese text run up to whitespace
    /// (`hello,world!`), and FTS5 must never get a token with a control character in it.
    case skipped
    /// Only letters, digits and marks of alphabetic scripts (Latin, Greek, Cyrillic, kana,
    /// Hangul …). jieba cuts non-ASCII letters one by one (café → caf, é), so adjacent pieces of
    /// this class are joined back into one word.
    case alphabetic
    /// Words with an ideograph or a joiner (中国, C++, 3.14): indexed as cut.
    case word

    /// The class of `p[start..<end]`.
    static func of(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> TokenClass {
        var hasWordCharacter = false
        var onlyAlphabetic = true
        var i = start
        while i < end {
            let b = p[i]
            if b < 0x80 {
                if (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 {
                    hasWordCharacter = true
                } else {
                    // + # & . _ % -
                    guard b == 0x2B || b == 0x23 || b == 0x26 || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2D else { return .skipped }
                    onlyAlphabetic = false
                }
                i += 1
                continue
            }
            let (c, length) = UTF8Scalar.decode(p, i, end)
            i += length
            if c >= 0x4E00 && c <= 0x9FFF {
                // The common case, decided without looking up properties.
                hasWordCharacter = true
                onlyAlphabetic = false
                continue
            }
            guard let scalar = Unicode.Scalar(c) else { return .skipped }
            let properties = scalar.properties
            if properties.isIdeographic {
                hasWordCharacter = true
                onlyAlphabetic = false
            } else if properties.isAlphabetic || properties.numericType != nil {
                hasWordCharacter = true
            } else {
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: break
                default: return .skipped
                }
            }
        }
        return !hasWordCharacter ? .skipped : onlyAlphabetic ? .alphabetic : .word
    }

    /// Appends `p[start..<end]` lower-cased: ASCII byte by byte, other scripts through
    /// Unicode's lowercase mapping; Chinese is copied as it is.
    static func appendCaseFolded(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, into token: inout [UInt8]) {
        var i = start
        while i < end {
            let b = p[i]
            if b < 0x80 {
                token.append(b &- 0x41 < 26 ? b | 0x20 : b)
                i += 1
                continue
            }
            let (c, length) = UTF8Scalar.decode(p, i, end)
            if c < 0x4E00 || c > 0x9FFF, let scalar = Unicode.Scalar(c), scalar.properties.changesWhenLowercased {
                token.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                token.append(contentsOf: UnsafeBufferPointer(start: p + i, count: length))
            }
            i += length
        }
    }
}
