/// How plausible a piece of text is as Chinese (or as the other text found beside Chinese),
/// measured as a log-likelihood in nats: higher is more plausible.
///
/// Han runs are segmented with jieba's word frequencies (the most probable segmentation, as
/// jieba does), after mapping Traditional characters to Simplified with OpenCC's
/// `TSCharacters` so that both scripts score alike. Everything else scores by kind: common
/// Chinese punctuation is cheap, Latin words cost per word, and the characters mojibake is made
/// of — C1 controls, private-use characters, stray Latin-1 symbols, U+FFFD — cost a lot.
///
/// A repair is kept only when its text scores clearly higher than the input it replaces, in
/// the same context.
final class PlausibilityScore: Sendable {
    let lexicon: Lexicon
    private let logTotal: Double
    /// Traditional → Simplified for BMP characters (0 where the character maps to itself).
    let simplified: [UInt32]
    /// Per BMP character: 1 if only Traditional text uses it, 2 if only Simplified text does.
    let scripts: [UInt8]
    /// Per BMP character: whether it is a Traditional variant that converting Simplified text
    /// never writes (説 beside 說): it scores as its Simplified form, like the standard one.
    let variants: [Bool]
    /// The character table's entries with ``hanCost(_:)`` in their top byte (0 if the
    /// character is not Han, else its score negated and rounded): the scan for suspicious lines
    /// reads a character's signs and cost with one load.
    let scanEntries: [UInt32]
    let table: CharacterTable

    /// The log-frequency below which a Han character is rare: fewer than about 1,000 in
    /// jieba's 60 million (陓 豖 are rare; 龍 說 are not).
    static let rareCharacterScore = -11.0

    /// The mean ``characterScore(_:)`` at or below which Han text reads as a double-byte
    /// charset misread as the other: such mojibake is made of rare characters (打印版本信息 as
    /// 湖荂唳掛陓洘, −12 or lower); about one clean line in 230, of classical poetry mostly,
    /// comes as low.
    static let rareTextScore = -11.0

    /// Which of the two Chinese scripts a character belongs to, if only one uses it.
    enum ChineseScript {
        case traditional, simplified, both
    }

    /// Costs (log-likelihoods in nats) of what is not a dictionary word.
    enum Cost {
        static let unknownHan = -19.0
        /// Characters whose frequency in jieba's dictionary is inflated because the corpus it was
        /// counted on contained mojibake (鈥 銆 锛 are "frequent" there) score as if rare.
        static let mojibakeSign = -17.0
        /// Full-width and CJK marks outside the common set (＂ ＃ 〃 〖 …).
        static let rarePunctuation = -11.0
        static let asciiWordStart = -7.0
        static let asciiWordContinuation = -0.3
        static let latinLetterInWord = -4.5
        static let latinLetterAlone = -10.0
        /// A UTF-8 lead byte and continuation byte read as windows-1252 (Ã©, Ãœ).
        static let latinMojibakePair = -10.0
        static let asciiSpace = -3.0
        static let asciiPunctuation = -5.0
        static let kanaOrHangulStart = -8.0
        static let kanaOrHangulContinuation = -2.5
        static let otherAlphabet = -12.0
        static let fullwidthAlphanumeric = -9.0
        static let emoji = -10.0
        static let symbol = -14.0
        static let latinSymbol = -14.0
        static let combining = -14.0
        static let phonetic = -20.0
        static let garbage = -30.0
        /// A clause mark right after another (。， ，、): hardly ever written.
        static let doubledClauseMark = -6.0
        /// An opening quotation mark before a clause mark, ASCII or the end of the text.
        static let misplacedOpeningQuote = -3.0
        /// A clause mark or closing quote right after an opening quotation mark or bracket (“，
        /// 《。 『”): a clause that ends before it begins.
        static let clauseMarkAfterOpening = -6.0
        /// A closing quotation mark right after a colon (曰：”): a colon introduces a quotation.
        static let closingQuoteAfterColon = -3.0
        /// A comma, enumeration comma or semicolon right before a closing quotation mark (来了，”):
        /// a quotation ends with its sentence, 。” outnumbering ，” 13:1 in a novel (weicheng) and
        /// 2000:1 in the Zuozhuan.
        static let clauseMarkBeforeClosingQuote = -2.5
        /// A middle dot (·) that joins nothing: it stands between the parts of a name (阿卜杜拉·
        /// 親王), never beside a mark. (路 is · read as GBK, so a stray one is often 路 repaired.)
        static let strayMiddleDot = -6.0
    }

    /// A model of `lexicon` with the per-character tables computed from it, the character maps
    /// and `table` (see ``init(lexicon:traditionalToSimplified:simplifiedToTraditional:table:)``).
    init(lexicon: Lexicon, table: CharacterTable, simplified: [UInt32], scripts: [UInt8], variants: [Bool], scanEntries: [UInt32]) {
        self.lexicon = lexicon
        self.table = table
        logTotal = Self.logTotal(of: lexicon)
        self.simplified = simplified
        self.scripts = scripts
        self.variants = variants
        self.scanEntries = scanEntries
    }

    /// Computes the model of `lexicon` with OpenCC's character maps (`TSCharacters`,
    /// `STCharacters`) and `table`.
    convenience init(lexicon: Lexicon, traditionalToSimplified: Lexicon, simplifiedToTraditional: Lexicon, table: CharacterTable = .shared) {
        var simplified = [UInt32](repeating: 0, count: 0x10000)
        var scripts = [UInt8](repeating: 0, count: 0x10000)
        // The first scalar of UTF-8 text, and whether it is all of it (read in place: the
        // character dictionaries have thousands of entries).
        func firstScalar(_ utf8: UnsafeBufferPointer<UInt8>) -> (value: UInt32, isWhole: Bool)? {
            guard !utf8.isEmpty else { return nil }
            let (value, length) = UTF8Scalar.decodeWellFormed(utf8, at: 0)
            return (value, length == utf8.count)
        }
        // A character that converts to a different one is used by one script only.
        func forEachMapping(_ map: Lexicon, _ body: (Int, UInt32) -> Void) {
            for entry in map.allEntries where map.valueCount(of: entry) > 0 {
                guard let (from, isWhole) = firstScalar(map.keyUTF8(of: entry)), isWhole, from < 0x10000,
                      let (to, _) = firstScalar(map.valueUTF8(of: entry)), to != from else { continue }
                body(Int(from), to)
            }
        }
        forEachMapping(traditionalToSimplified) { from, to in
            simplified[from] = to
            scripts[from] |= 1
        }
        forEachMapping(simplifiedToTraditional) { from, _ in scripts[from] |= 2 }
        var written = [Bool](repeating: false, count: 0x10000)
        for entry in simplifiedToTraditional.allEntries {
            for i in 0..<simplifiedToTraditional.valueCount(of: entry) {
                if let (value, isWhole) = firstScalar(simplifiedToTraditional.valueUTF8(of: entry, at: i)), isWhole, value < 0x10000 {
                    written[Int(value)] = true
                }
            }
        }
        let variants = (0..<0x10000).map { simplified[$0] != 0 && !written[$0] }
        let logTotal = Self.logTotal(of: lexicon)
        let hanCosts: [UInt8] = (0..<0x10000).map { value in
            guard let scalar = Unicode.Scalar(UInt32(value)), table.kind(scalar) == .han else { return 0 }
            let score = Self.hanScore(scalar, simplified: simplified, lexicon: lexicon, logTotal: logTotal, table: table)
            return UInt8(min(max(-score.rounded(), 1), -Cost.unknownHan))
        }
        self.init(lexicon: lexicon, table: table, simplified: simplified, scripts: scripts, variants: variants,
                  scanEntries: zip(table.entries, hanCosts).map { $0 | UInt32($1) << 24 })
    }

    /// The log of the lexicon's total frequency, which a word's log-frequency is divided by.
    private static func logTotal(of lexicon: Lexicon) -> Double { log(Double(max(lexicon.totalFrequency, 1))) }

    /// Whether `scalar` is a rare Han character: its score, rounded, is below
    /// ``rareCharacterScore``.
    @inline(__always)
    func isRareHan(_ scalar: Unicode.Scalar) -> Bool {
        Double(hanCost(scalar)) > -Self.rareCharacterScore
    }

    /// 0 if `scalar` is not Han, else its ``characterScore(_:)`` negated and rounded (1 … 19).
    @inline(__always)
    func hanCost(_ scalar: Unicode.Scalar) -> UInt8 {
        scalar.value < 0x10000 ? UInt8(truncatingIfNeeded: scanEntries[Int(scalar.value)] >> 24)
            : table.kind(scalar) == .han ? UInt8(-Cost.unknownHan) : 0
    }

    /// The Chinese script `scalar` belongs to.
    func script(of scalar: Unicode.Scalar) -> ChineseScript {
        guard scalar.value < 0x10000 else { return .both }
        switch scripts[Int(scalar.value)] {
        case 1: return .traditional
        case 2: return .simplified
        default: return .both
        }
    }

    /// Whether `scalar` is a Traditional variant that converting Simplified text never writes.
    func isVariant(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x10000 && variants[Int(scalar.value)] }

    /// The Simplified form of `scalar` (itself where it has none).
    func simplifiedForm(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        let mapped = scalar.value < 0x10000 ? simplified[Int(scalar.value)] : 0
        return mapped != 0 ? Unicode.Scalar(mapped) ?? scalar : scalar
    }

    /// The log-likelihood of one character on its own (no allocation): for shortlisting.
    func characterScore(_ scalar: Unicode.Scalar) -> Double {
        let kind = table.kind(scalar)
        guard kind == .han else {
            return kind == .chinesePunctuation ? punctuationCost(scalar, after: " ", before: scalar) : cost(of: scalar, kind: kind, after: nil)
        }
        return Self.hanScore(scalar, simplified: simplified, lexicon: lexicon, logTotal: logTotal, table: table)
    }

    /// ``characterScore(_:)`` of a Han character, from the parts the initializer has built.
    private static func hanScore(_ scalar: Unicode.Scalar, simplified: [UInt32], lexicon: Lexicon, logTotal: Double,
                                 table: CharacterTable) -> Double {
        if !table.signs(scalar).isDisjoint(with: [.gbkPunctuationMojibake, .damage]) { return Cost.mojibakeSign }
        let mapped = scalar.value < 0x10000 ? simplified[Int(scalar.value)] : 0
        let target = mapped != 0 ? Unicode.Scalar(mapped) ?? scalar : scalar
        var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &bytes) { raw in
            UTF8.encode(target) { raw[count] = $0; count += 1 }
        }
        return withUnsafeBytes(of: &bytes) { raw in
            let key = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
            guard let entry = lexicon.entry(forUTF8: key) else { return Cost.unknownHan }
            return max(lexicon.logFrequency(of: entry) - logTotal, Cost.unknownHan)
        }
    }

    /// The log-likelihood of `scalars`.
    func score(_ scalars: some Collection<Unicode.Scalar>) -> Double {
        var total = 0.0
        // Where the run of Han characters being read began, if one is.
        var hanStart: Int? = nil
        var previous: CharacterTable.Kind? = nil
        var previousScalar: Unicode.Scalar = " "
        let scalars = Array(scalars)
        for (i, scalar) in scalars.enumerated() {
            defer { previousScalar = scalar }
            let kind = table.kind(scalar)
            if kind == .han {
                if hanStart == nil { hanStart = i }
                previous = kind
                continue
            }
            if let start = hanStart {
                total += scoreHan(scalars[start..<i])
                hanStart = nil
            }
            if kind == .chinesePunctuation {
                total += punctuationCost(scalar, after: previousScalar, before: i + 1 < scalars.count ? scalars[i + 1] : " ")
            } else {
                total += cost(of: scalar, kind: kind, after: previous)
            }
            // A continuation byte read as Latin-1 or windows-1252 right after a lead byte read as
            // a letter is how UTF-8 garbles: Ãœ is Ü, ÃŸ is ß. A mark or a no-break space may
            // follow a capital in clean text (KAPCSOLÓ…, «EXPRESSIÓ», DÉCONSEILLÉ :), but not Â
            // or Ã: Ã— is ×, Â  a no-break space.
            if previous == .latinLetter && table.signs(scalar).contains(.latinContinuation)
                && table.signs(previousScalar).contains(.latinLead)
                && (kind == .latinLetter || previousScalar == "Â" || previousScalar == "Ã") {
                total += Cost.latinMojibakePair
            }
            previous = kind
        }
        if let start = hanStart { total += scoreHan(scalars[start...]) }
        return total
    }

    /// Rough log-frequencies of the marks in Chinese prose: the comma is the commonest
    /// character of all; paired marks and the doubled ones (…… ——) are rarer.
    private static func frequencyCost(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "，": -3.0
        case "。": -3.5
        case "“", "”": -4.5
        case "、": -5.0
        case "：": -5.5
        case "？", "！", "「", "」": -6.0
        case "；", "（", "）", "《", "》": -6.5
        case "『", "』", "‘", "’", "·", "【", "】": -8.0
        default: Cost.rarePunctuation
        }
    }

    /// The cost of a Chinese punctuation mark. … and — come in pairs (…… ——): the second of
    /// a pair is nearly free, a lone one is rare.
    private func punctuationCost(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar, before next: Unicode.Scalar) -> Double {
        if scalar == "…" || scalar == "—" {
            if previous == scalar { return -1.0 }
            return next == scalar ? -6.5 : -10.0
        }
        var cost = Self.frequencyCost(scalar)
        if scalar == "·" && (Self.marks.contains(previous) || Self.marks.contains(next)) {
            cost += Cost.strayMiddleDot
        }
        // (So is a closing quote there, as in 『” or an empty “”.)
        if Self.openings.contains(previous) && (Self.clauseMarks.contains(scalar) || Self.closingQuotes.contains(scalar)) {
            cost += Cost.clauseMarkAfterOpening
        }
        if previous == "：" && Self.closingQuotes.contains(scalar) {
            cost += Cost.closingQuoteAfterColon
        }
        if Self.closingQuotes.contains(next) && "，、；".unicodeScalars.contains(scalar) {
            cost += Cost.clauseMarkBeforeClosingQuote
        }
        // An opening quotation mark opens text: not a mark, a space or the line's end (a Latin
        // word or a path may begin a quotation: “PATH”, “/usr/bin”).
        if Self.openingQuotes.contains(scalar) && (Self.endsQuotation.contains(next) || Self.clauseMarks.contains(next)) {
            cost += Cost.misplacedOpeningQuote
        }
        // The same quotation mark twice (”” ““) is a slip; —— and …… are not.
        if previous == scalar && Self.quotes.contains(scalar) { return cost + Cost.doubledClauseMark }
        // Two clause marks in a row (。， ，、 ？？) hardly occur in prose; ？！ and ！？ do, and
        // ！！ (非常棒！！) in what readers write. (A mark folded to ASCII counts as the mark it
        // was: 真虧他!。 reads as badly as ！。)
        let previous = previous.isASCII ? LineRepair.fullwidthMark(for: previous) ?? previous : previous
        if Self.clauseMarks.contains(previous) && Self.clauseMarks.contains(scalar)
            && !(Self.sentenceMarks.contains(previous) && Self.sentenceMarks.contains(scalar) && previous != "。" && scalar != "。"
                && (previous != scalar || scalar == "！")) {
            return cost + Cost.doubledClauseMark
        }
        return cost
    }

    /// Quotation marks.
    private static let quotes = ScalarSet("“”‘’「」『』")
    /// Opening quotation marks.
    private static let openingQuotes = ScalarSet("“‘「『")
    /// Closing quotation marks.
    private static let closingQuotes = ScalarSet("”’」』")
    /// Opening quotation marks and brackets.
    private static let openings = ScalarSet("“‘「『《（【〈〔")
    /// The marks a middle dot never touches: clause marks, quotation marks and brackets.
    private static let marks = ScalarSet("，。、；：？！“”‘’「」『』《》（）【】〈〉〔〕")
    /// ASCII that no quotation begins with: spaces (and the end of the text, scored as one),
    /// clause marks and closing brackets.
    private static let endsQuotation = ScalarSet(" \t,;:!?)]}>\"'")
    /// Marks that end a clause or sentence.
    private static let clauseMarks = ScalarSet("，。、；：？！")
    /// Marks that end a sentence.
    private static let sentenceMarks = ScalarSet("。？！")

    /// The cost of one character that is not Han, given the kind of the character before it.
    private func cost(of scalar: Unicode.Scalar, kind: CharacterTable.Kind, after previous: CharacterTable.Kind?) -> Double {
        let inWord = previous == .asciiLetter || previous == .latinLetter || previous == .asciiDigit
        switch kind {
        case .han: return Cost.unknownHan
        case .chinesePunctuation: return Cost.rarePunctuation
        case .asciiLetter, .asciiDigit: return inWord ? Cost.asciiWordContinuation : Cost.asciiWordStart
        case .latinLetter: return inWord ? Cost.latinLetterInWord : Cost.latinLetterAlone
        case .asciiSpace: return Cost.asciiSpace
        case .asciiPunctuation: return Cost.asciiPunctuation
        case .kana, .hangul: return previous == kind ? Cost.kanaOrHangulContinuation : Cost.kanaOrHangulStart
        case .otherAlphabet: return Cost.otherAlphabet
        case .fullwidthAlphanumeric: return Cost.fullwidthAlphanumeric
        case .emoji: return Cost.emoji
        case .symbol, .other: return Cost.symbol
        case .latinSymbol: return Cost.latinSymbol
        // A combining mark of an alphabet with no letter to sit on is garbling (the GBK bytes
        // of a rare character read as UTF-8); variation selectors after Han or emoji are not.
        case .combining:
            return scalar.value < 0x2000 && !inWord && previous != .otherAlphabet ? Cost.garbage : Cost.combining
        case .phonetic: return Cost.phonetic
        // U+FFFD stands for a character that was there: writing anything in its place gains no
        // more than replacing an unknown symbol would, or clean text beside a lone U+FFFD
        // would be "repaired" into garbling that merely removes it.
        case .replacement: return Cost.symbol
        case .control, .privateUse: return scalar == "\t" ? Cost.asciiSpace : Cost.garbage
        }
    }

    /// The log-likelihood of a run of Han characters: the best segmentation into dictionary
    /// words, unknown characters scoring ``Cost/unknownHan``.
    private func scoreHan(_ run: ArraySlice<Unicode.Scalar>) -> Double {
        let n = run.count, base = run.startIndex
        // Scratch space on the stack: this runs for every candidate of every choice.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n * 4) { bytes in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: n + 1 + n * 4 + 1) { indices in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: n + 1) { best in
                    // UTF-8 of the run with Traditional characters mapped to Simplified, where each
                    // character starts in it, and which character starts at each byte (-1 inside one).
                    var count = 0
                    let starts = UnsafeMutableBufferPointer(rebasing: indices[0...n])
                    for (i, scalar) in run.enumerated() {
                        starts[i] = count
                        let mapped = scalar.value < 0x10000 ? simplified[Int(scalar.value)] : 0
                        let target = mapped != 0 ? Unicode.Scalar(mapped) ?? scalar : scalar
                        for byte in UTF8.encode(target)! {
                            bytes[count] = byte
                            count += 1
                        }
                    }
                    starts[n] = count
                    let charIndex = UnsafeMutableBufferPointer(rebasing: indices[(n + 1)...(n + 1 + count)])
                    charIndex.update(repeating: -1)
                    for i in 0...n { charIndex[starts[i]] = i }
                    let text = UnsafeBufferPointer(rebasing: bytes[0..<count])
                    best[n] = 0
                    for i in stride(from: n - 1, through: 0, by: -1) {
                        var value = singleCost(run[base + i], in: text, from: starts[i], to: starts[i + 1]) + best[i + 1]
                        lexicon.forEachWord(in: text, from: starts[i]) { end, entry in
                            let j = charIndex[end]
                            guard j > i + 1 else { return }
                            value = max(value, lexicon.logFrequency(of: entry) - logTotal + best[j])
                        }
                        best[i] = value
                    }
                    return best[0]
                }
            }
        }
    }

    private func singleCost(_ scalar: Unicode.Scalar, in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double {
        if !table.signs(scalar).isDisjoint(with: [.gbkPunctuationMojibake, .damage]) {
            return Cost.mojibakeSign
        }
        guard let entry = lexicon.entry(forUTF8: UnsafeBufferPointer(rebasing: text[start..<end])) else {
            return Cost.unknownHan
        }
        let value = lexicon.logFrequency(of: entry) - logTotal
        return value == -logTotal ? Cost.unknownHan : max(value, Cost.unknownHan)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
