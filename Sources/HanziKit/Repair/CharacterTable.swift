/// What the repairer needs to know about a character, looked up in a flat table on its hot path.
///
/// The class drives plausibility scoring and the punctuation rules; the signs say which kind of
/// mojibake a character is typical of. The signs are computed once per process from ICU's
/// converters (which characters the bytes of UTF-8 punctuation turn into under each misreading),
/// never typed in.
struct CharacterTable: Sendable {
    /// The broad kind of a character, for scoring and for the punctuation rules.
    enum Kind: UInt8 {
        case han, chinesePunctuation, asciiLetter, asciiDigit, asciiSpace, asciiPunctuation, control
        case latinLetter, latinSymbol, kana, hangul, fullwidthAlphanumeric
        /// Letters of the alphabets UTF-8 writes in two or three bytes after Latin and IPA:
        /// Greek, Cyrillic, Armenian, Hebrew, Arabic, Thaana, the Indic scripts, Thai, Georgian,
        /// Ethiopic … GBK pairs of rare characters read as UTF-8 land here (薨 as ް).
        case otherAlphabet
        case symbol, privateUse, replacement, combining, emoji, other
        /// IPA letters and spacing modifier letters (U+0250–U+02FF), except those Chinese text
        /// uses: the Bopomofo tone marks ˇ ˉ ˊ ˋ ˙ and GB 2312's pinyin ɑ ɡ. GBK's commonest
        /// rows (lead bytes C2–DF) read as UTF-8 land here: 说 谁 as ˵ ˭.
        case phonetic
    }

    /// Bit flags beside the kind.
    struct Signs: OptionSet, Sendable {
        let rawValue: UInt16
        /// A character GBK decodes from the first two bytes of UTF-8 punctuation — E2 80–81
        /// (U+2000–207F: “ ” … —), E3 80 (U+3000–303F: 。、「」), EF BC–BD (full-width forms:
        /// ，！？：), EF BF (U+FFFD) — that is 鈥 銆 锛 锝 锟, or from the lone byte 0x80 (€).
        /// These appear where UTF-8 punctuation was read as GBK, and hardly anywhere else.
        static let gbkPunctuationMojibake = Signs(rawValue: 1 << 0)
        /// Any other character GBK decodes from a UTF-8 lead byte E0–EF and a continuation byte:
        /// mostly rare characters, the body of UTF-8-as-GBK mojibake. Clean text has them one at
        /// a time; mojibake has them every other character.
        static let gbkTextMojibake = Signs(rawValue: 1 << 1)
        /// U+00C2–U+00F4: a UTF-8 lead byte read as Latin-1 or windows-1252.
        static let latinLead = Signs(rawValue: 1 << 2)
        /// A UTF-8 continuation byte read as Latin-1 or windows-1252: U+0080–U+00BF and the
        /// characters windows-1252 puts at 0x80–0x9F.
        static let latinContinuation = Signs(rawValue: 1 << 3)
        /// What common Chinese punctuation becomes when Big5 is read as GBK or GBK as Big5 (the
        /// symbols, not the Han characters among them).
        static let crossMojibake = Signs(rawValue: 1 << 4)
        /// A private-use character: where GBK's user-defined rows put Big5 punctuation read as
        /// GBK — and what some fonts' special glyphs are, so one alone proves nothing.
        static let privateUse = Signs(rawValue: 1 << 9)
        /// U+FFFD and 锟, the first character of 锟斤拷 (U+FFFD's UTF-8 bytes read as GBK).
        static let damage = Signs(rawValue: 1 << 5)
        /// Wide (East Asian) text: Han, Chinese punctuation, kana, hangul, full-width forms.
        static let wide = Signs(rawValue: 1 << 6)
        /// Punctuation that opens a clause: “ ‘ 「 『 （ 《 【 〈 〔.
        static let opening = Signs(rawValue: 1 << 7)
        /// Punctuation that closes a clause or a quotation: ” ’ 」 』 ） 》 】 〉 〕 and the
        /// sentence and clause marks 。 ， 、 ； ： ？ ！ ….
        static let closing = Signs(rawValue: 1 << 8)
        /// A character GBK decodes from a UTF-8 continuation byte and a three-byte lead
        /// (80–BF, E0–EF): where UTF-8 read as GBK, one character's end and the next one's start.
        static let gbkStraddle = Signs(rawValue: 1 << 10)
        /// A character GBK decodes from two UTF-8 continuation bytes (80–BF, 80–BF).
        static let gbkContinuations = Signs(rawValue: 1 << 11)
        /// A character GBK decodes from a UTF-8 continuation byte and an ASCII byte (80–BF,
        /// 40–7E): where UTF-8 read as GBK, a character's last byte and the ASCII after it.
        static let gbkASCIITrail = Signs(rawValue: 1 << 12)
        /// Beside ``gbkTextMojibake`` or ``gbkStraddle``: the UTF-8 lead byte in the character's
        /// GBK bytes starts a character Chinese text does not use (E0–E1: U+0800–1FFF, Indic to
        /// Greek; EA–EE: Yi, hangul, private use; EF 80–A3: private use). Such a character is no
        /// sign of garbled Chinese: clean Chinese has 陳 (EA 90) and 於 (EC B6) all the time.
        static let gbkForeignLead = Signs(rawValue: 1 << 13)
        /// A letter Chinese text never sets alone among Han characters: katakana, small or
        /// obsolete hiragana (ぃ ゑ), bopomofo, Greek, Cyrillic, pieces of boxes. Big5's and
        /// GBK's commonest characters read as the other's rows A4–A9 give them (準備 as 非称,
        /// 顯示的 as 陪ボ): in a line with no mark, the one sign of the misreading. (Not ㄧ,
        /// which Taiwan types for 一, nor the lines and diagonals that stand for dashes and
        /// slashes.)
        static let strayLetter = Signs(rawValue: 1 << 14)

        /// The signs of mojibake and damage (``gbkTextMojibake`` sends a line to the slow path
        /// only when two come close together).
        static let triggers: Signs = [.gbkPunctuationMojibake, .gbkTextMojibake, .latinLead, .crossMojibake, .privateUse, .damage]
    }

    /// Kind and signs of every BMP scalar: kind in the low byte, signs above.
    /// (Bits 24–31 are free: ``PlausibilityScore/scanEntries`` puts character costs there.)
    let entries: [UInt32]

    static let shared = CharacterTable()

    /// A table of `entries` as ``entries`` holds them (kept from an earlier computation).
    init(entries: [UInt32]) {
        precondition(entries.count == 0x10000)
        self.entries = entries
    }

    private init() {
        var entries = [UInt32](repeating: 0, count: 0x10000)
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else {
                entries[value] = UInt32(Kind.other.rawValue)
                continue
            }
            var signs = Signs()
            let kind = Self.classify(scalar)
            if kind == .han || kind == .chinesePunctuation || kind == .kana || kind == .hangul || kind == .fullwidthAlphanumeric {
                signs.insert(.wide)
            }
            if (0xC2...0xF4).contains(value) { signs.insert(.latinLead) }
            if (0x80...0xBF).contains(value) { signs.insert(.latinContinuation) }
            if kind == .privateUse { signs.insert(.privateUse) }
            if value == 0xFFFD { signs.insert(.damage) }
            entries[value] = UInt32(kind.rawValue) | UInt32(signs.rawValue) << 8
        }
        for value in Self.strayLetters {
            Self.add(.strayLetter, to: Unicode.Scalar(value)!, in: &entries)
        }
        for scalar in Self.openingPunctuation.unicodeScalars { Self.add(.opening, to: scalar, in: &entries) }
        for scalar in Self.closingPunctuation.unicodeScalars { Self.add(.closing, to: scalar, in: &entries) }
        Self.addConverterSigns(to: &entries)
        self.entries = entries
    }

    /// The kind of `scalar`.
    @inline(__always)
    func kind(_ scalar: Unicode.Scalar) -> Kind {
        scalar.value < 0x10000 ? Kind(rawValue: UInt8(truncatingIfNeeded: entries[Int(scalar.value)]))!
            : Self.classifySupplementary(scalar.value)
    }

    /// The signs of `scalar` (supplementary-plane scalars have none but `.wide` for Han).
    @inline(__always)
    func signs(_ scalar: Unicode.Scalar) -> Signs {
        scalar.value < 0x10000 ? Signs(rawValue: UInt16(truncatingIfNeeded: entries[Int(scalar.value) ] >> 8))
            : (Self.classifySupplementary(scalar.value) == .han ? .wide : [])
    }

    /// Whether `scalar` is kana or hangul.
    func isKanaOrHangul(_ scalar: Unicode.Scalar) -> Bool {
        let kind = kind(scalar)
        return kind == .kana || kind == .hangul
    }

    /// Signs of a BMP scalar value, for the byte scan (no Unicode.Scalar construction).
    @inline(__always)
    func signs(bmp value: Int) -> Signs {
        Signs(rawValue: UInt16(truncatingIfNeeded: entries[value] >> 8))
    }

    // MARK: Building

    /// Marks that Chinese text uses all the time; other punctuation and symbols score as rare.
    static let chinesePunctuation = "，。、；：？！“”‘’「」『』《》〈〉（）【】〔〕…—–·．～"
    static let openingPunctuation = "“‘「『（《【〈〔"
    static let closingPunctuation = "”’」』）》】〉〕。，、；：？！…"
    /// ``chinesePunctuation`` for lookups: the table's build asks about every BMP scalar.
    private static let chinesePunctuationSet = ScalarSet(chinesePunctuation)

    private static func add(_ sign: Signs, to scalar: Unicode.Scalar, in entries: inout [UInt32]) {
        entries[Int(scalar.value)] |= UInt32(sign.rawValue) << 8
    }

    private static func classify(_ scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        switch v {
        case 0x30...0x39: return .asciiDigit
        case 0x41...0x5A, 0x61...0x7A: return .asciiLetter
        case 0x20, 0x09: return .asciiSpace
        case 0x21...0x7E: return .asciiPunctuation
        case 0x00...0x1F, 0x7F...0x9F: return .control
        case 0xFFFD: return .replacement
        default: break
        }
        if chinesePunctuationSet.contains(scalar) || v == 0x3000 { return .chinesePunctuation }
        let properties = scalar.properties
        // The BMP's unified ideographs are two blocks, every code point of them assigned since
        // Unicode 14 (between them lie the Yijing hexagrams, 4DC0–4DFF). Asking Unicode's
        // property for each of their 27,000 characters was a tenth of the repairer's start.
        if (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x2E80...0x2FDF).contains(v) || v == 0x3007 {
            return .han
        }
        switch v {
        case 0xC0...0xFF where v != 0xD7 && v != 0xF7: return .latinLetter
        case 0xA0...0xBF, 0xD7, 0xF7: return .latinSymbol
        case 0x100...0x24F: return .latinLetter
        case 0x2C7, 0x2C9...0x2CB, 0x2D9, 0x251, 0x261: return .symbol
        case 0x250...0x2FF: return .phonetic
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
        case 0x370...0x1FFF where properties.isAlphabetic: return .otherAlphabet
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .fullwidthAlphanumeric
        // Full-width forms of ASCII's rarest symbols (＠ ［ ＼ ］ ＾ ＿ ｀ ｛ ｜ ｝) are no marks of
        // Chinese prose; GBK's row A3 makes them when a shifted trail byte pairs with a lead.
        case 0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF5D: return .symbol
        case 0xE000...0xF8FF: return .privateUse
        case 0x3001...0x303F, 0xFF01...0xFF65: return .chinesePunctuation
        case 0x2600...0x27BF: return .emoji
        default: break
        }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .combining
        case .unassigned, .surrogate, .privateUse, .format, .control: return .control
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter: return .latinLetter
        default: return .symbol
        }
    }

    private static func classifySupplementary(_ v: UInt32) -> Kind {
        switch v {
        case 0x20000...0x3FFFF: return .han
        case 0x1F000...0x1FAFF: return .emoji
        case 0xF0000...0x10FFFF: return .privateUse
        default: return .other
        }
    }

    /// The code points of ``Signs/strayLetter``: katakana; ぁぃぅぇぉゎゐゑ; bopomofo but ㄧ
    /// (U+3127); Greek; Cyrillic; box drawing but ─━│┃ and the diagonals.
    private static let strayLetters: [UInt32] = Array(0x30A1...0x30FA) + [0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x308E, 0x3090, 0x3091]
        + Array(0x3105...0x3126) + [0x3128, 0x3129] + Array(0x391...0x3C9) + Array(0x410...0x44F) + Array(0x2504...0x2570)

    /// Symbols clean Chinese text uses on their own (° § ※ ○ ● ★ ▲ …): not signs of mojibake
    /// even though some punctuation turns into them.
    private static func isCommonSymbol(_ scalar: Unicode.Scalar) -> Bool {
        (0xA0...0xFF).contains(scalar.value) || (0x2190...0x27BF).contains(scalar.value) || scalar == "※"
    }

    /// Whether a UTF-8 character beginning with `lead` (and `continuation`, when known) lies
    /// where Chinese text has no characters: U+0800–1FFF or U+A000–F8FF.
    private static func isForeignLead(_ lead: UInt8, _ continuation: UInt8?) -> Bool {
        switch lead {
        case 0xE0, 0xE1, 0xEA...0xEE: true
        case 0xEF: continuation.map { $0 < 0xA4 } ?? false
        default: false
        }
    }

    /// Asks ICU what UTF-8 and Chinese punctuation turn into under each misreading.
    private static func addConverterSigns(to entries: inout [UInt32]) {
        // UTF-8 read as GBK: a 3-byte lead E0–EF followed by a continuation byte.
        for lead in UInt8(0xE0)...0xEF {
            for trail in UInt8(0x80)...0xBF {
                guard let scalar = Charset.gbk.decodePair(lead, trail), scalar.value < 0x10000 else { continue }
                let punctuation = (lead == 0xE2 && trail <= 0x81) || (lead == 0xE3 && trail == 0x80)
                    || (lead == 0xEF && (trail == 0xBC || trail == 0xBD || trail == 0xBF))
                add(punctuation ? .gbkPunctuationMojibake : .gbkTextMojibake, to: scalar, in: &entries)
                if isForeignLead(lead, trail) { add(.gbkForeignLead, to: scalar, in: &entries) }
            }
        }
        add(.gbkPunctuationMojibake, to: "€", in: &entries)
        // The other two characters of two three-byte UTF-8 characters read as GBK (曰： is
        // E6 9B B0 EF BC 9A, read as 鏇 帮 細).
        for lead in UInt8(0x80)...0xBF {
            for (trails, sign) in [(UInt8(0xE0)...0xEF, Signs.gbkStraddle), (UInt8(0x80)...0xBF, Signs.gbkContinuations),
                                   (UInt8(0x40)...0x7E, Signs.gbkASCIITrail)] {
                for trail in trails {
                    guard let scalar = Charset.gbk.decodePair(lead, trail), scalar.value < 0x10000 else { continue }
                    add(sign, to: scalar, in: &entries)
                    if sign == .gbkStraddle && isForeignLead(trail, nil) { add(.gbkForeignLead, to: scalar, in: &entries) }
                }
            }
        }
        // 锟斤拷: U+FFFD U+FFFD in UTF-8 (EF BF BD EF BF BD) read as GBK.
        if let kunJinKao = try? Charset.gbk.decode([0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD]), let first = kunJinKao.unicodeScalars.first {
            add(.damage, to: first, in: &entries)
        }
        // Big5 read as GBK and GBK read as Big5: what the common punctuation becomes.
        for mark in chinesePunctuation.unicodeScalars {
            for (from, to) in [(Charset.big5, Charset.gbk), (Charset.gbk, Charset.big5)] {
                guard let bytes = try? from.encode(String(mark)), let text = try? to.decode(bytes),
                      let scalar = text.unicodeScalars.first, scalar.value < 0x10000,
                      !chinesePunctuationSet.contains(scalar), classify(scalar) != .han,
                      !isCommonSymbol(scalar) else { continue }
                add(.crossMojibake, to: scalar, in: &entries)
            }
        }
        // windows-1252's characters at 0x80–0x9F are continuation bytes read as windows-1252.
        for byte in UInt8(0x80)...0x9F {
            guard let text = try? Charset.windows1252.decode([byte]), let scalar = text.unicodeScalars.first,
                  scalar.value < 0x10000 else { continue }
            add(.latinContinuation, to: scalar, in: &entries)
        }
    }
}
