/// One way text gets garbled: bytes written in one encoding (``original``) and decoded with
/// another (``wrong``). Undoing it means encoding the garbled characters with ``wrong`` and
/// decoding the bytes with ``original``.
struct Misreading: Sendable {
    /// The encoding the garbled characters are re-encoded with.
    enum Wrong: Sendable {
        /// A charset ICU converts; characters it cannot encode are tried in `fallback`, the
        /// larger table some decoders read it with.
        case charset(Charset, fallback: Fallback?)
        /// windows-1252, with the C1 controls Latin-1 leaves for the bytes windows-1252 does not
        /// define (0x81 0x8D 0x8F 0x90 0x9D) — what browsers and most mojibake do.
        case latin
    }

    /// Where the characters a charset cannot encode are looked up.
    enum Fallback: Sendable {
        /// A superset ICU converts: browsers read "gbk" as GB18030 and "big5" as Big5-HKSCS,
        /// whose extra rows hold kana, Cyrillic and circled numbers.
        case charset(Charset)
        /// A decoder's own table: Python reads "big5" with the ETEN extensions, which put
        /// those characters in other pairs.
        case table(DecoderTable)

        /// The pair `scalar` is encoded as, or nil.
        func pair(for scalar: Unicode.Scalar) -> (UInt8, UInt8)? {
            switch self {
            case .charset(let charset):
                guard let bytes = try? charset.encode(String(scalar)), bytes.count == 2 else { return nil }
                return (bytes[0], bytes[1])
            case .table(let table):
                return table.pair(for: scalar)
            }
        }
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
    /// Whether a lone U+FFFD before rare Han characters signs a stretch too: a double-byte
    /// decoder that lost a lead byte read the rest one byte out of step, where the marks that
    /// sign it read as Han characters, mostly rare ones.
    let outOfStepSigns: Bool
    /// Whether U+FFFD before an ASCII character that may end a pair signs a stretch too (see
    /// `LineRepair.hasLostLeadsBeforeASCII`): a decoder that rejected a pair wrote U+FFFD for its
    /// lead byte and read the trail byte as ASCII (Big5's ，is A1 41, in a row Python's `gbk`
    /// lacks: �A).
    let lostLeadSigns: Bool
    /// Whether Han text of which half is rare signs a stretch too (see
    /// `LineRepair.isRareText`): the one double-byte charset read as the other turns common
    /// characters into rare ones, and a line without marks has no other sign.
    let rareTextSigns: Bool

    /// Whether the wrong decoder lost bytes one by one, each one of `lostBytes` (windows-1252
    /// does), rather than a byte it could not pair, with whatever came after it.
    var losesSingleBytes: Bool {
        if case .latin = wrong { return true }
        return false
    }

    /// The decoder that garbled the text, where it is one that writes U+FFFD for a byte it
    /// cannot read with the byte after it and goes on from that next byte (Python's and the
    /// WHATWG decoders do). A lost byte then made a pair this decoder rejects, which leaves few
    /// candidates: GBK's 人 is C8 CB, a hole in Big5-HKSCS; UTF-8's 说 is E8 AF B4, and AF B4 is
    /// in a user-defined row of GBK, which Python's `gbk` rejects. (Stored: the repair asks at
    /// every byte it decodes.)
    let wrongDecoder: LosingDecoder?

    init(diagnosis: Diagnosis, wrong: Wrong, original: Original, lostBytes: [UInt8], signs: CharacterTable.Signs,
         privateUseCounts: Bool, outOfStepSigns: Bool = false, lostLeadSigns: Bool = false, rareTextSigns: Bool = false) {
        self.diagnosis = diagnosis
        self.wrong = wrong
        self.original = original
        self.lostBytes = lostBytes
        self.signs = signs
        self.privateUseCounts = privateUseCounts
        self.outOfStepSigns = outOfStepSigns
        self.lostLeadSigns = lostLeadSigns
        self.rareTextSigns = rareTextSigns
        wrongDecoder = Self.losingDecoder(for: wrong)
    }

    private static func losingDecoder(for wrong: Wrong) -> LosingDecoder? {
        guard case .charset(let charset, let fallback) = wrong else { return nil }
        switch (charset, fallback) {
        case (.big5, .charset(let superset)?): return LosingDecoder(charset: superset, privateUseIsLost: false)
        // Python's big5 lacks the user-defined rows ICU maps to private use, but reads its own.
        case (.big5, .table(let table)?): return LosingDecoder(charset: .big5, privateUseIsLost: true, table: table)
        case (.gbk, _): return LosingDecoder(charset: .gbk, privateUseIsLost: true)
        default: return nil
        }
    }

    /// Whether `stretch` has the signs this misreading needs; without `countingPrivateUse`,
    /// whether it has them besides private-use characters.
    func isSigned(_ stretch: some Collection<Unicode.Scalar>, table: CharacterTable, countingPrivateUse: Bool = true) -> Bool {
        var privateUse = 0
        for scalar in stretch {
            let found = table.signs(scalar)
            if !found.isDisjoint(with: signs) { return true }
            if privateUseCounts && countingPrivateUse && found.contains(.privateUse) {
                privateUse += 1
                if privateUse >= 2 { return true }
            }
        }
        return false
    }

    /// Every misreading the repairer undoes.
    static let all: [Misreading] = [
        Misreading(diagnosis: .utf8AsGBK, wrong: .charset(.gbk, fallback: .charset(.gb18030)), original: .utf8,
                   lostBytes: Array(0x80...0xFE), signs: [.gbkPunctuationMojibake, .gbkTextMojibake], privateUseCounts: false),
        // Only the five bytes windows-1252 leaves undefined can be lost by a windows-1252 decoder.
        Misreading(diagnosis: .utf8AsWindows1252, wrong: .latin, original: .utf8,
                   lostBytes: [0x81, 0x8D, 0x8F, 0x90, 0x9D], signs: [.latinLead], privateUseCounts: false),
        Misreading(diagnosis: .big5AsGBK, wrong: .charset(.gbk, fallback: .charset(.gb18030)), original: .charset(.big5),
                   lostBytes: Array(0x81...0xFE), signs: [.crossMojibake], privateUseCounts: true, lostLeadSigns: true, rareTextSigns: true),
        Misreading(diagnosis: .gbkAsBig5, wrong: .charset(.big5, fallback: .charset(.big5HKSCS)), original: .charset(.gbk),
                   lostBytes: Array(0x81...0xFE), signs: [.crossMojibake], privateUseCounts: true, outOfStepSigns: true, rareTextSigns: true),
        // The same, read by Python: GBK's 其 (C6 E4) reads as む, which Big5-HKSCS puts at C7 67.
        Misreading(diagnosis: .gbkAsBig5, wrong: .charset(.big5, fallback: .table(.pythonBig5)), original: .charset(.gbk),
                   lostBytes: Array(0x81...0xFE), signs: [.crossMojibake], privateUseCounts: true, outOfStepSigns: true, rareTextSigns: true),
        // GBK and Big5 read as windows-1252 or Latin-1, as Western software shows Chinese from
        // before Unicode (ÄãºÃ for 你好). Every pair becomes two letters or symbols of Latin-1,
        // where UTF-8's lead bytes are: those sign it, and so do the marks' lead bytes (¡ for A1,
        // £ for A3). windows-1252's five undefined bytes are in GBK's extension rows, where
        // Traditional characters are (濟 is 9D FA), so a decoder that lost them lost bytes of
        // such text; Big5 has none of them.
        Misreading(diagnosis: .gbkAsWindows1252, wrong: .latin, original: .charset(.gbk),
                   lostBytes: [0x81, 0x8D, 0x8F, 0x90, 0x9D], signs: [.latinLead, .latinContinuation], privateUseCounts: false),
        Misreading(diagnosis: .big5AsWindows1252, wrong: .latin, original: .charset(.big5),
                   lostBytes: [], signs: [.latinLead, .latinContinuation], privateUseCounts: false),
    ]

    /// What a character the wrong charset cannot encode may stand for inside a garbled run:
    /// for Big5 read by a browser, the pairs of Big5-HKSCS's rows that ICU decodes only to a
    /// private-use character while newer mapping tables (Python's, the WHATWG index) give them
    /// standard ones (GBK's 取 is C8 A1, which those read as 龰 U+9FB0). Empty: such a character
    /// ends the run.
    var unencodablePairs: [(UInt8, UInt8)] {
        if case .charset(.big5, .charset(.big5HKSCS)?) = wrong { return Self.hkscsPrivateUsePairs }
        return []
    }

    /// The pairs ICU's Big5-HKSCS decodes to a private-use character, in the rows where most
    /// pairs decode to standard characters (not the user-defined rows, private use throughout).
    static let hkscsPrivateUsePairs: [(UInt8, UInt8)] = {
        var pairs: [(UInt8, UInt8)] = []
        let trails = Array(UInt8(0x40)...0x7E) + Array(UInt8(0xA1)...0xFE)
        for lead in UInt8(0x81)...0xFE {
            var privateUse: [(UInt8, UInt8)] = []
            var standard = 0
            for trail in trails {
                guard let scalar = Charset.big5HKSCS.decodePair(lead, trail) else { continue }
                if (0xE000...0xF8FF).contains(scalar.value) {
                    privateUse.append((lead, trail))
                } else {
                    standard += 1
                }
            }
            if standard > privateUse.count { pairs += privateUse }
        }
        return pairs
    }()

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
