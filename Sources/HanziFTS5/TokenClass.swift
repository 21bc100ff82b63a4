/// What a piece of text cut by the segmenter is to the index, and the form it is indexed in.
enum TokenClass {
    /// No letter, digit or ideograph — punctuation, whitespace, symbols, emoji, invalid bytes:
    /// not indexed.
    case skipped
    /// Only letters, digits and marks of alphabetic scripts (Latin, Greek, Cyrillic, kana,
    /// Hangul …). jieba cuts non-ASCII letters one by one (café → caf, é), so adjacent pieces of
    /// this class are joined back into one word.
    case alphabetic
    /// Anything else with a letter, digit or ideograph: indexed as cut.
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
            guard let scalar = Unicode.Scalar(c) else {
                onlyAlphabetic = false
                continue
            }
            let properties = scalar.properties
            if properties.isIdeographic {
                hasWordCharacter = true
                onlyAlphabetic = false
            } else if properties.isAlphabetic || properties.numericType != nil {
                hasWordCharacter = true
            } else {
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: break
                default: onlyAlphabetic = false
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
