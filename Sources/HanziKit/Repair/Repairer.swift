/// Repairs garbled Chinese text — mojibake and mis-decoded punctuation — without touching
/// clean text.
///
/// ```swift
/// let repairer = try Repairer()
/// let (text, fixes) = repairer.repair("他说：鈥滀綘濂解€�")
/// // text == "他说：“你好”", fixes[0].diagnosis == .utf8AsGBK
/// ```
///
/// The repairer works on spans: it looks for runs of the characters each kind of mojibake is
/// made of, re-encodes such a run with ICU in the charset it was wrongly decoded with, decodes
/// the bytes in the charset they were written in, and keeps the result only when the lexicon
/// finds it clearly more plausible than the input. Irrecoverable damage (锟斤拷, U+FFFD, '?' for
/// lost characters) is reported, never guessed at. See ``Diagnosis`` for what it repairs.
///
/// Lines (split on `\n` only) are repaired independently; a line over about a thousand
/// characters (a paragraph or a chapter) is weighed a stretch of sentences at a time. A line
/// with nothing suspicious costs one byte scan. A repairer is immutable and can be shared
/// across threads.
public struct Repairer: Sendable {
    /// What the repairer does beyond undoing mojibake.
    public struct Options: Sendable, Hashable {
        /// Which paired quotation marks replace straight double quotes around Chinese text.
        public enum QuoteStyle: String, Sendable, Hashable, CaseIterable {
            /// “ ” (and ‘ ’), as in mainland texts.
            case curly
            /// 「 」 (and 『 』), as in Taiwan, Hong Kong and Japan.
            case corner
        }

        /// Whether ASCII punctuation folded from full-width inside Chinese sentences is
        /// restored (`,` `;` `:` `?` `!` `(` `)` and straight double quotes). Default true.
        public var restoresPunctuation: Bool
        /// The quotation marks restored for straight double quotes. Default ``QuoteStyle/curly``.
        public var quotes: QuoteStyle

        /// Creates options.
        public init(restoresPunctuation: Bool = true, quotes: QuoteStyle = .curly) {
            self.restoresPunctuation = restoresPunctuation
            self.quotes = quotes
        }
    }

    /// The options this repairer was created with.
    public let options: Options
    let model: PlausibilityScore

    /// Creates a repairer scoring with the dictionaries of `store` (jieba's word frequencies,
    /// OpenCC's Traditional characters).
    /// - Throws: ``LexiconError`` when a dictionary is missing or corrupt.
    public init(options: Options = Options(), store: DictionaryStore = .standard) throws {
        self.options = options
        model = try PlausibilityScore(store: store)
    }

    /// Repairs `text` and lists every change and every piece of irrecoverable damage found.
    /// Fix ranges are UTF-8 byte offsets into `text`.
    public func repair(_ text: String) -> (text: String, fixes: [Fix]) {
        var text = text
        return text.withUTF8 { utf8 in
            var output: [UInt8] = []
            output.reserveCapacity(utf8.count)
            let fixes = repair(utf8: utf8, appendingTo: &output)
            return (String(decoding: output, as: UTF8.self), fixes)
        }
    }

    /// Repairs UTF-8 text, appending the result to `output`.
    ///
    /// - Parameters:
    ///   - text: Well-formed UTF-8 (ill-formed bytes are read as U+FFFD and reported).
    ///   - baseOffset: Added to every fix range, so a caller repairing a file piece by piece
    ///     gets offsets into the file.
    /// - Returns: The fixes, in text order. Clean text returns `[]` and costs one byte scan.
    @discardableResult
    public func repair(utf8 text: UnsafeBufferPointer<UInt8>, baseOffset: Int = 0, appendingTo output: inout [UInt8]) -> [Fix] {
        var fixes: [Fix] = []
        var start = 0
        while start <= text.count {
            let (bodyEnd, end) = Self.lineEnds(in: text, from: start)
            let line = UnsafeBufferPointer(rebasing: text[start..<bodyEnd])
            if Self.isSuspicious(line, model: model, options: options) {
                let repair = RepeatedRepair(line, model: model, options: options)
                output.append(contentsOf: repair.output)
                if bodyEnd < end { output.append(0x0D) }
                let offset = baseOffset + start
                fixes += repair.fixes.map { $0.shifted(by: offset) }
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
            }
            if end < text.count { output.append(0x0A) }
            start = end + 1
        }
        return fixes
    }

    /// Where the line that starts at `start` ends: its text (a CRLF line's \r belongs to its line
    /// ending, not to the text the rules look at), and its \n or the end of `text`.
    private static func lineEnds(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> (body: Int, line: Int) {
        let end = text.index(of: 0x0A, from: start, to: text.count)
        return (end > start && text[end - 1] == 0x0D ? end - 1 : end, end)
    }

    /// A line longer than twice this many characters is repaired a stretch of sentences at a
    /// time, and only where a stretch holds something suspicious: a paragraph held on one line
    /// (a whole chapter of a novel) with one folded mark would otherwise be weighed whole.
    static let stretchLength = 512

    /// Where the stretch of `line` that begins at byte `start` ends: after the first ， or ；
    /// (or `,` `;`, which a repair may restore as them) followed by a Han character, at least
    /// ``stretchLength`` characters on, with no quotation open; or the line's end.
    ///
    /// A repair turns the line's folded marks and straight quotes into full-width ones, and the
    /// line is read again until nothing changes: cut by characters, at marks either way, and
    /// counting “ ” with straight quotes, the line is cut in the same places each time, so each
    /// later pass reads again only the stretches the one before changed. (Cut where the marks
    /// fell after a repair, a stretch's quotations moved with every pass, and a chapter of
    /// dialogue was read five or six times.) A stretch ends with a clause mark outside any
    /// quotation, so straight quotes pair as they do in the line.
    static func stretchEnd(in line: UnsafeBufferPointer<UInt8>, from start: Int, table: CharacterTable) -> Int {
        let n = line.count
        // (The rest of the line must hold two stretches, else it is one: counted only where its
        // length in bytes does not tell, a character being one to four bytes.)
        if n - start <= 2 * stretchLength { return n }
        if n - start <= 8 * stretchLength {
            var k = start, remaining = 0
            while k < n && remaining <= 2 * stretchLength {
                if line[k] & 0xC0 != 0x80 { remaining += 1 }
                k += 1
            }
            guard remaining > 2 * stretchLength else { return n }
        }
        func followedByHan(_ j: Int) -> Bool {
            guard j < n, line[j] >= 0x80 else { return false }
            let (next, _) = UTF8Scalar.decodeWellFormed(line, at: j)
            return Unicode.Scalar(next).map { table.kind($0) == .han } ?? false
        }
        // Every byte of a long line passes here, in every pass: one byte loop, the character
        // table asked only after a mark.
        var characters = 0
        var quoteOpen = false
        var i = start
        while i < n {
            let b = line[i]
            if b & 0xC0 != 0x80 { characters += 1 }
            if b == UInt8(ascii: "\"") {
                quoteOpen.toggle()
            } else if b == 0xE2, i + 2 < n, line[i + 1] == 0x80, line[i + 2] == 0x9C || line[i + 2] == 0x9D {
                quoteOpen.toggle()
            } else if characters > stretchLength && !quoteOpen {
                if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") {
                    if followedByHan(i + 1) { return i + 1 }
                } else if b == 0xEF, i + 2 < n, line[i + 1] == 0xBC, line[i + 2] == 0x8C || line[i + 2] == 0x9B {
                    if followedByHan(i + 3) { return i + 3 }
                }
            }
            i += 1
        }
        return n
    }

    /// Whether `text` contains anything the repairer would look at more closely: characters
    /// typical of mojibake, damage, or ASCII punctuation touching Chinese. False means
    /// ``repair(utf8:baseOffset:appendingTo:)`` returns the text unchanged without further work.
    public func isSuspicious(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Line by line, as repair reads it: a line's kana or hangul keep its own ASCII marks, not
        // the next line's.
        var start = 0
        while start <= text.count {
            let (bodyEnd, end) = Self.lineEnds(in: text, from: start)
            if Self.isSuspicious(UnsafeBufferPointer(rebasing: text[start..<bodyEnd]), model: model, options: options) { return true }
            start = end + 1
        }
        return false
    }

    /// ``isSuspicious(_:)`` of one line for a repairer of `model` and `options`.
    static func isSuspicious(_ text: UnsafeBufferPointer<UInt8>, model: PlausibilityScore, options: Options) -> Bool {
        scan(text, model: model, foldedMarks: options.restoresPunctuation, stopsAtPunctuation: true) != .nothing
    }

    /// What the byte scan finds in a line, the weightier finding first.
    enum Finding {
        /// Signs of mojibake or damage: the line is searched for garbled stretches.
        case mojibake
        /// ASCII punctuation touching Chinese (or '?', which may stand for a lost character or
        /// the one-byte shift), and no sign of mojibake: the line is looked at for folded marks,
        /// the shift and damage only.
        case punctuation
        /// Nothing: the line is left as it is.
        case nothing
    }

    /// What `text` holds for a repairer of `model` and `options`, read in one scan.
    static func finding(in text: UnsafeBufferPointer<UInt8>, model: PlausibilityScore, options: Options) -> Finding {
        scan(text, model: model, foldedMarks: options.restoresPunctuation, stopsAtPunctuation: false)
    }

    /// The byte scan behind ``isSuspicious(_:)``: ASCII marks beside Chinese count with
    /// `foldedMarks` ('?' always), signs of mojibake and damage always. With
    /// `stopsAtPunctuation` it returns at the first '?' beside Chinese, without looking on for
    /// mojibake.
    ///
    /// A line with kana or hangul keeps its ASCII marks (Japanese and Korean have conventions
    /// of their own, and pass 2 leaves them), so there only a '?' counts: it may stand for a
    /// lost character or begin the one-byte shift. A quarter of Japanese and Korean messages
    /// have a mark beside a kana or a hangul syllable.
    private static func scan(_ text: UnsafeBufferPointer<UInt8>, model: PlausibilityScore, foldedMarks: Bool,
                             stopsAtPunctuation: Bool) -> Finding {
        // (Every character of every line is looked up: in place, with no bounds check.)
        model.scanEntries.withUnsafeBufferPointer { entries in
            scan(text, entries: entries, foldedMarks: foldedMarks, stopsAtPunctuation: stopsAtPunctuation)
        }
    }

    /// ``scan(_:model:foldedMarks:stopsAtPunctuation:)`` over the model's scan entries.
    private static func scan(_ text: UnsafeBufferPointer<UInt8>, entries: UnsafeBufferPointer<UInt32>, foldedMarks: Bool,
                             stopsAtPunctuation: Bool) -> Finding {
        // (The signs sit above the kind's byte of a scan entry.)
        func entrySigns(_ entry: UInt32) -> CharacterTable.Signs { CharacterTable.Signs(rawValue: UInt16(truncatingIfNeeded: entry >> 8)) }
        var previousWide = false
        var previousFoldable = false
        var previousTypedStop = false
        // Where the last character of UTF-8-as-GBK mojibake was seen, counted in characters.
        var characters = 0
        var lastGBKSign = Int.min / 2
        var lastGBKSignStart = 0
        var lastStraddle = Int.min / 2
        var lastASCIITrail = Int.min / 2
        // Han characters, and their costs added up: a line of Big5 read as GBK (or the
        // reverse) with no mark in it is mostly rare characters.
        var han = 0
        var hanCost = 0
        var punctuation = false
        var questionMark = false
        var kanaOrHangul = 0
        // (Letters of other scripts are counted apart, in the few lines that have one.)
        var strayLetter = false
        // Latin-1 characters in a row, and the byte where the last one ended.
        var latinRun = 0
        var latinRunEnd = Int.min / 2
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            characters += 1
            if b < 0x80 && !previousWide {
                // ASCII after ASCII or the line's start touches nothing Chinese: a run of it
                // (English, code) is stepped over whole, minding only its '?' and its last byte.
                var end = i + 1
                while end < n && text[end] < 0x80 { end += 1 }
                questionMark = questionMark || text.index(of: UInt8(ascii: "?"), from: i, to: end) < end
                characters += end - i - 1
                previousFoldable = isFoldable(text[end - 1]) && (foldedMarks || text[end - 1] == UInt8(ascii: "?"))
                i = end
                continue
            }
            if b < 0x80 {
                // A '.' after a Chinese character may be a typed 。: what follows it (走吧.")
                // still counts as following Chinese, and Chinese after it is a sign (用了.它).
                if b == UInt8(ascii: ".") && previousWide && foldedMarks {
                    previousTypedStop = true
                    i += 1
                    continue
                }
                // (So may one typed with a space after it, as English is typed: 不好看. 我.)
                if b == UInt8(ascii: " ") && previousTypedStop && text[i - 1] == UInt8(ascii: ".") {
                    previousWide = false
                    i += 1
                    continue
                }
                questionMark = questionMark || b == UInt8(ascii: "?")
                let foldable = isFoldable(b) && (foldedMarks || b == UInt8(ascii: "?"))
                if foldable && previousWide {
                    if stopsAtPunctuation && b == UInt8(ascii: "?") { return .punctuation }
                    punctuation = true
                }
                previousFoldable = foldable
                previousWide = false
                previousTypedStop = false
                i += 1
                continue
            }
            let (value, length) = UTF8Scalar.decodeWellFormed(text, at: i)
            let start = i
            i += length
            guard value < 0x10000 else {
                previousWide = value >= 0x20000 && value < 0x40000
                if previousWide && (previousFoldable || previousTypedStop) {
                    punctuation = true
                }
                previousFoldable = false
                previousTypedStop = false
                continue
            }
            // GBK or Big5 read as windows-1252 or Latin-1 makes each character two of Latin-1's
            // (你好 as ÄãºÃ; 不過 as ¤£¹L, Big5's second byte often ASCII): three in a row, one
            // ASCII letter or sign at most between each two. A European word sets its accented
            // letters among more ASCII ones (déjà, Größe).
            if value &- 0x80 < 0x80 {
                let gap = start - latinRunEnd
                latinRun = gap == 0 || gap == 1 && (0x40...0x7E).contains(text[start - 1]) ? latinRun + 1 : 1
                latinRunEnd = i
                // (So does ¡ or £ after a Chinese character: GBK's and Big5's marks begin with
                // A1 or A3, and Chinese text sets neither there.)
                if latinRun >= 3 || previousWide && (value == 0xA1 || value == 0xA3) { return .mojibake }
            }
            let entry = entries[Int(value)]
            let signs = entrySigns(entry)
            let kind = UInt8(truncatingIfNeeded: entry)
            if kind == CharacterTable.Kind.kana.rawValue || kind == CharacterTable.Kind.hangul.rawValue { kanaOrHangul += 1 }
            // Two characters garbled alone leave one rare character only, then the two that
            // hold their other bytes (曰： read as 鏇帮細): that sequence is a sign too, where
            // its bytes spell two characters of Chinese.
            if signs.contains(.gbkStraddle) && !signs.contains(.gbkForeignLead) && characters == lastGBKSign + 1 {
                lastStraddle = characters
            }
            if signs.contains(.gbkContinuations) && characters == lastStraddle + 1
                && readsAsTwoCharacters(UnsafeBufferPointer(rebasing: text[lastGBKSignStart..<i]), entries: entries) { return .mojibake }
            if signs.contains(.gbkASCIITrail) { lastASCIITrail = characters }
            if !signs.isDisjoint(with: triggersOrStray) {
                strayLetter = strayLetter || signs.contains(.strayLetter)
                if !signs.isDisjoint(with: [.gbkPunctuationMojibake, .crossMojibake, .privateUse, .damage]) { return .mojibake }
                // Rare characters come one at a time in clean text; in mojibake every third
                // character is one (a UTF-8 lead byte paired with a continuation byte), and the
                // two between hold the rest (see above). With ASCII after a character, its other
                // continuation byte pairs with the first ASCII byte, and the next one comes a
                // character or two later (字a字, 字ab字). Clean text has such characters side by
                // side or close (於陳, 喃喃), but not after a pair that ends in ASCII.
                if signs.contains(.gbkTextMojibake) && !signs.contains(.gbkForeignLead) {
                    if characters - lastGBKSign <= 3 && lastASCIITrail == lastGBKSign + 1 { return .mojibake }
                    lastGBKSign = characters
                    lastGBKSignStart = start
                }
                // A Latin-1 letter is mojibake only when a continuation-like character follows.
                if signs.contains(.latinLead), i < n, text[i] >= 0x80 {
                    let (next, _) = UTF8Scalar.decodeWellFormed(text, at: i)
                    if next < 0x10000 && entrySigns(entries[Int(next)]).contains(.latinContinuation) { return .mojibake }
                }
            }
            let cost = Int(entry >> 24)
            han &+= cost == 0 ? 0 : 1
            hanCost &+= cost
            let wide = signs.contains(.wide)
            if wide && (previousFoldable || previousTypedStop) {
                punctuation = true
            }
            previousWide = wide
            previousFoldable = false
            previousTypedStop = false
        }
        // A line that ends a Chinese sentence with '.' and quotes with corner brackets may have
        // typed its full stops so (使用「info bash」來獲得資訊.): pass 2 weighs it.
        // So may one that ends it after a particle of speech (已经倒下了.).
        if previousTypedStop && foldedMarks && kanaOrHangul == 0 && (containsCornerBrackets(text) || endsWithSpeechParticle(text)) {
            punctuation = true
        }
        let foldedPunctuation = punctuation && (questionMark || kanaOrHangul == 0)
        // Big5 read as GBK (or the reverse) in a line with no mark and too few characters to
        // be told by their rareness: letters of other scripts alone among Han characters
        // (準備顯示的 as 非称陪ボ), where the line writes no kana words.
        if strayLetter && han >= 4 && hasStrayLetters(text, entries: entries) { return .mojibake }
        guard han >= LineRepair.rareLineMinimum && Double(hanCost) >= -PlausibilityScore.rareTextScore * Double(han) else {
            return foldedPunctuation ? .punctuation : .nothing
        }
        // Japanese and Korean write characters Chinese seldom uses, among kana or hangul; the
        // mojibake has a kana at most here and there.
        return kanaOrHangul * 4 < han ? .mojibake : foldedPunctuation ? .punctuation : .nothing
    }

    /// Whether three characters that GBK decodes from a UTF-8 character's first two bytes, from
    /// its last byte and the next one's first, and from that one's last two (鏇帮細), are two
    /// characters of Chinese read as GBK: their GBK bytes read as UTF-8 give characters of
    /// Chinese text, none of them rare (曰：). Names in a novel make the same sequence of byte
    /// classes by chance: 辛楣鸿渐's 楣鸿渐 would be 鹺轥, 妯娌间暗's 娌间暗 a character of
    /// extension A.
    private static func readsAsTwoCharacters(_ three: UnsafeBufferPointer<UInt8>, entries: UnsafeBufferPointer<UInt32>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
            guard let count = try? Charset.gbk.encode(utf8: three, into: buffer), count == 6,
                  let decoded = String(validating: buffer[0..<6], as: UTF8.self) else { return false }
            return decoded.unicodeScalars.allSatisfy { scalar in
                guard scalar.value < 0x10000 else { return false }
                let entry = entries[Int(scalar.value)]
                switch CharacterTable.Kind(rawValue: UInt8(truncatingIfNeeded: entry)) {
                case .chinesePunctuation: return true
                case .han: return entry >> 24 <= Self.commonCharacterCost
                default: return false
                }
            }
        }
    }

    /// The highest cost (``PlausibilityScore/scanEntries``) of a character
    /// ``readsAsTwoCharacters(_:entries:)`` takes for Chinese text: 友 costs 11 and 沽 12 (each is
    /// more often part of a word than one), 鹺 and 氰 14, a character the dictionary lacks 19.
    private static let commonCharacterCost: UInt32 = 13

    /// The signs that send a character to a closer look in the scan.
    private static let triggersOrStray = CharacterTable.Signs.triggers.union(.strayLetter)

    /// Whether `text` sets letters of other scripts alone among Han characters
    /// (``StrayLetterCount``).
    private static func hasStrayLetters(_ text: UnsafeBufferPointer<UInt8>, entries: UnsafeBufferPointer<UInt32>) -> Bool {
        var count = StrayLetterCount()
        var i = 0
        while i < text.count {
            let (value, length) = text[i] < 0x80 ? (UInt32(text[i]), 1) : UTF8Scalar.decodeWellFormed(text, at: i)
            i += length
            let entry = value < 0x10000 ? entries[Int(value)] : 0
            count.add(CharacterTable.Kind(rawValue: UInt8(truncatingIfNeeded: entry)) ?? .other,
                      CharacterTable.Signs(rawValue: UInt16(truncatingIfNeeded: entry >> 8)))
        }
        return count.showsMisreading
    }

    /// Whether the line ends with '.' after one of ``LineRepair/speechFinalParticles``.
    private static func endsWithSpeechParticle(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 4, text[text.count - 1] == UInt8(ascii: "."), text[text.count - 4] >= 0xE0 else { return false }
        let (value, length) = UTF8Scalar.decodeWellFormed(text, at: text.count - 4)
        return length == 3 && Unicode.Scalar(value).map(LineRepair.speechFinalParticles.contains) == true
    }

    /// Whether `text` holds an opening and a closing corner bracket: 「 or 『 (E3 80 8C, E3 80 8E)
    /// and 」 or 』 (E3 80 8D, E3 80 8F).
    private static func containsCornerBrackets(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var opening = false, closing = false
        var i = text.index(of: 0xE3, from: 0, to: text.count)
        while i + 2 < text.count {
            if text[i + 1] == 0x80 {
                switch text[i + 2] {
                case 0x8C, 0x8E: opening = true
                case 0x8D, 0x8F: closing = true
                default: break
                }
            }
            i = text.index(of: 0xE3, from: i + 1, to: text.count)
        }
        return opening && closing
    }

    /// `, ; : ? ! ( ) "`: the ASCII punctuation that may stand for folded full-width marks.
    /// (A switch, not a table: the scan asks for every ASCII byte.)
    @inline(__always)
    static func isFoldable(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "!"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""): true
        default: false
        }
    }
}
