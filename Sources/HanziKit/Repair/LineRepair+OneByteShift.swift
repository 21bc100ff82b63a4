extension LineRepair {
    /// The lead bytes of GBK's rows of punctuation and symbols (A1–A9), among which the lost
    /// lead of a one-byte shift is looked for: the shift happens at a punctuation mark.
    static let shiftLeads: [UInt8] = Array(0xA1...0xA9)
    /// How many characters after the '?' a shifted stretch may span before an ASCII byte
    /// realigns the decoder. Prose with no ASCII runs long: a news paragraph stayed out of step
    /// for 56 characters. (Each '?' costs time in proportion, on any line.)
    static let maximumShiftLength = 160
    /// How many ASCII marks of one stretch may be tried as folded full-width marks.
    static let maximumUnfolded = 3
    /// How many characters of one stretch may be made with a lost byte.
    static let maximumLostBytes = 2
    /// How much better than every other mark the mark whose trail byte a shifted line's end
    /// lost must read to be chosen (else U+FFFD). Its lead byte is known, so the choice is
    /// among the marks of one GBK row, by the sentence it ends: on the dev split a margin of 1
    /// (with a closing quote only where its quotation is open) chose 23 marks right and 2 wrong
    /// that a margin of 2 left as U+FFFD.
    static let lostFinalMarkMargin = 1.0

    /// Proposals that undo the GBK one-byte shift.
    ///
    /// Traditional text stored as GBK: at a punctuation mark the decoder read the lead byte
    /// alone ('?'), then paired each trail byte with the next lead byte until an ASCII byte
    /// put it back in step, and full-width punctuation was folded to ASCII afterwards:
    /// "。”王晟說" (A1A3 A1B1 CDF5 EAC9 D566) became "?" + "！蓖蹶烧" + "f", then "?!蓖蹶烧f".
    /// Undoing it: re-encode the characters after the '?' with ICU (an ASCII mark may be a
    /// folded full-width one), put a candidate lead byte in front, decode pair by pair until the
    /// pairs end where an input character ends, and keep the most plausible reading.
    ///
    /// `minimumGain` is lowered (``minimumGainInShiftedLine``) once the line has been found
    /// shifted elsewhere: then a '?' that only garbled punctuation ("發問?!?span" for
    /// "發問。”<span") needs less evidence than in a line nothing else is wrong with.
    func oneByteShiftEdits(protecting protected: [Range<Int>], inShiftedLine: Bool = false) -> [Edit] {
        guard !lostCharactersToAnEncoder() else { return [] }
        var proposals: [Edit] = []
        var lostByteChoices: LostByteChoices = [:]
        let finalShift = inShiftedLine ? nil : finalShiftStart()
        for q in scalars.indices where mayBeginShift(at: q) && !protected.contains(where: { $0.contains(q) }) {
            // (The line's last mark is weighed as in a line shifted elsewhere.)
            let shifted = inShiftedLine || q == finalShift
            if let edit = shiftEdit(at: q, inShiftedLine: shifted, lostByteChoices: &lostByteChoices) { proposals.append(edit) }
        }
        return proposals
    }

    /// Whether the line lost characters to an encoder that wrote '?' for each: it has two signs
    /// of it before its end. A sign is a run of "??" or more beside Han characters, or a lone '?'
    /// where the shift leaves none: between a Han character and ，。；：、 (the shift misaligns
    /// what follows its '?'), or before a Han character at the line's start, after ，。、；： or
    /// after an opening mark (「?案).
    /// (One alone proves little: 。 shifted before a character whose lead byte is 0xBA reads
    /// "?：".) A shift leaves its '?' alone (or two at the end of a line), so no '?' of such a
    /// line begins one: GBK text read as Big5 that lost its unreadable pairs ("??攴蛂癫善")
    /// would read as shifts of junk (。筷吠r), Traditional text written to GB 2312 (王人?告?，)
    /// as shifts of its lost characters (王人「鎬，). Nor does a line with eight '?' or more, one
    /// every four characters or closer: a shift's '?' stand at marks, and few marks shift.
    private func lostCharactersToAnEncoder() -> Bool {
        let table = model.table
        let doubled = Self.questionMarkRuns(in: scalars).count { run in
            run.count >= 2 && run.upperBound < scalars.count
                && (table.kind(scalars[run.upperBound]) == .han || run.lowerBound > 0 && table.kind(scalars[run.lowerBound - 1]) == .han)
        }
        let single = scalars.indices.dropLast().count { k in
            guard scalars[k] == "?", scalars[k + 1] != "?", k == 0 || scalars[k - 1] != "?" else { return false }
            let before = k > 0 ? scalars[k - 1] : nil, after = scalars[k + 1]
            return before.map { table.kind($0) == .han } == true && Self.marksBesideLostCharacters.contains(after)
                || table.kind(after) == .han && before.map { Self.marksBesideLostCharacters.contains($0) || table.signs($0).contains(.opening) } != false
        }
        let questionMarks = scalars.count { $0 == "?" }
        return doubled + single >= 2 || questionMarks >= 8 && scalars.count < 4 * questionMarks
    }

    /// The marks a '?' beside them shows lost characters: one before them after a Han character,
    /// or one after them before a Han character (the shift leaves neither).
    private static let marksBesideLostCharacters = ScalarSet("，。、；：")

    /// Where the shift at the line's last mark begins, when nothing before it was shifted but
    /// the line ends as such a shift leaves it: in "??" (the lead byte of its last mark read
    /// alone, the trail left without a partner) or "?!?" (。” with ！ folded), after a Han
    /// character or a full-width mark (。), in a clause with no question word (如何?? is a
    /// doubled question mark, even after 不知道) that is no short cry, and with its punctuation
    /// folded to ASCII as a shifted line's is: a mark after a Han character and before another
    /// or a quote (道:"), and no full-width mark that folding folds. After 。, "??" is enough.
    private func finalShiftStart() -> Int? {
        let n = scalars.count
        guard n >= 5, scalars[n - 1] == "?" else { return nil }
        let start = scalars[n - 2] == "?" ? n - 2 : scalars[n - 2] == "!" && scalars[n - 3] == "?" ? n - 3 : n
        // Inside a quotation, "。??" is no writer's: the closing mark lost both bytes (。” as
        // 。??), folded or not. (Elsewhere "??" may be two characters an encoder lost: 😂😂.)
        if start == n - 2 && scalars[start - 1] == "。" && quotationsOpen(before: start) > 0 { return start }
        let table = model.table
        guard start < n, start >= 3, table.kind(scalars[start - 1]) == .han || table.signs(scalars[start - 1]).contains(.closing),
              !scalars.contains(where: Self.foldedForms.contains) else { return nil }
        let folded = (1..<(start - 1)).contains { k in
            ",;:!".unicodeScalars.contains(scalars[k]) && table.kind(scalars[k - 1]) == .han
                && (table.kind(scalars[k + 1]) == .han || scalars[k + 1] == "\"")
        }
        let clause = scalars[..<start].reversed().prefix { !",;:!?。".unicodeScalars.contains($0) }.reversed()
            .filter { table.kind($0) == .han }
        // (Nor is a short cry: 真的?!? 我不信??)
        let cry = table.kind(scalars[start - 1]) == .han && clause.count < 4
        return folded && !cry && !clause.contains(where: Self.questionWords.contains) && !Self.endsAsking(clause) ? start : nil
    }

    /// How many quotations are open before input character `k`: curly ones, and straight ones
    /// (folded) counted in pairs.
    private func quotationsOpen(before k: Int) -> Int {
        facts.openQuotes[k] + scalars[..<k].count { $0 == "\"" } % 2
    }

    /// Whether `scalar` is what decoders write for bytes they cannot read: '?', or U+FFFD.
    static func writesLostByte(_ scalar: Unicode.Scalar) -> Bool { scalar == "?" || scalar == "\u{FFFD}" }

    /// Whether the lead byte a shift lost may be at `q`: a '?' before something; or a U+FFFD
    /// (which lost bytes of every other kind leave too) before the full-width mark that the
    /// trail of the lost mark and the next lead byte make, folded to ASCII ("。現" as "�,F").
    ///
    /// Not a '?' before a full-width mark folding folds: the shifted line was folded, and a
    /// character before such a mark was lost to an encoder (名?；, Traditional text written to
    /// GB 2312).
    func mayBeginShift(at q: Int) -> Bool {
        guard q + 1 < scalars.count else { return false }
        switch scalars[q] {
        case "?":
            return !Self.foldedForms.contains(scalars[q + 1])
        case "\u{FFFD}":
            // (After Chinese text: a lone U+FFFD in code or English is no lost lead of a mark.)
            return Self.fullwidthBytes(of: scalars[q + 1]) != nil && q > 0 && isChinese(scalars[q - 1])
        default: return false
        }
    }

    /// The marks that open a quotation each closing quotation mark closes (a straight quote
    /// is a folded “).
    private static let openers: [Unicode.Scalar: Set<Unicode.Scalar>] = ["”": ["“", "\""], "」": ["「"], "』": ["『"], "’": ["‘"]]

    /// The gain a shift repair needs in a line with another shift repair.
    static let minimumGainInShiftedLine = 1.0

    /// The best reading of the stretch after the '?' at `q`, if it is clearly better.
    /// `lostByteChoices` keeps, for the line, each choice of a character one of whose bytes was lost.
    private func shiftEdit(at q: Int, inShiftedLine: Bool, lostByteChoices: inout LostByteChoices) -> Edit? {
        let minimumGain = inShiftedLine ? Self.minimumGainInShiftedLine : Self.minimumGain
        // The GBK bytes each character after the '?' may have come from. (Only as far as a
        // reading can go: past an ASCII letter, digit or space no pair goes on, and past ASCII
        // marks and lost characters only as many as may be unfolded or have lost a byte. On a
        // line of '?' after '?', reading to the cap from each cost a hundred times the work.)
        var choices: [[[UInt8]]] = []
        var crossings = 0
        for scalar in scalars[(q + 1)...].prefix(Self.maximumShiftLength) {
            if scalar.isASCII || Self.writesLostByte(scalar) {
                crossings += 1
                if crossings > Self.maximumLostBytes + Self.maximumUnfolded + 1 { break }
            }
            if scalar == "\u{FFFD}" {
                // Only a lost pair: U+FFFD was never a byte of the text.
                choices.append([])
            } else if scalar.value < 0x80 {
                var options = [[UInt8(scalar.value)]]
                if let folded = Self.fullwidthBytes(of: scalar) ?? Self.foldedPairBytes(of: scalar) { options.append(folded) }
                options += Self.curlyQuoteBytes[scalar] ?? []
                choices.append(options)
                if options.count == 1 { break }
            } else if let bytes = try? Charset.gbk.encode(String(scalar)), !bytes.isEmpty {
                // (ICU encodes a few characters, such as the soft hyphen, to nothing.)
                // GBK writes € as the lone byte 0x80; a GB18030 decoder read it from the pair A2 E3.
                if bytes.count == 1, let pair = try? Charset.gb18030.encode(String(scalar)), pair.count == 2 {
                    choices.append([bytes, pair])
                } else {
                    choices.append([bytes])
                }
            } else if let bytes = try? Charset.gb18030.encode(String(scalar)), bytes.count == 2 {
                // A GB18030 decoder maps a few more pairs (to Extension A) than GBK has.
                choices.append([bytes])
            } else {
                break
            }
        }
        // The first pair is the lost mark's: its trail byte is no ASCII byte ("?D" is no 〥).
        guard let first = choices.first?.filter({ $0[0] >= 0x80 }), !first.isEmpty else { return nil }
        choices[0] = first
        // Which of them a decoder wrote for a pair it could not read.
        let lost = scalars[(q + 1)...].prefix(choices.count).map(Self.writesLostByte)
        let endsLine = q + 1 + choices.count == scalars.count && scalars.last.map(Self.writesLostByte) == true
        // (Open quotations matter only for a mark at the end of the line.)
        let openQuotes = endsLine ? quotationsOpen(before: q) : 0
        var unclosedBefore: [Unicode.Scalar] = []
        if endsLine { for scalar in scalars[..<q] { Self.track(scalar, unclosed: &unclosedBefore) } }
        // Readings are accepted by their gain and chosen by their preference, which also weighs
        // a lost final mark by the mark before it.
        var scored: [(edit: Edit, reading: ShiftedReading, preference: Double)] = []
        // Every reading, however little it gains: a lost mark needs a margin over all of them.
        var all: [(edit: Edit, reading: ShiftedReading, preference: Double)] = []
        for lead in Self.shiftLeads {
            for var reading in shiftedReadings(lead: lead, choices: choices, lost: lost, endsWithLostByte: endsLine,
                                               markMayBeLost: inShiftedLine) {
                chooseLostBytes(of: &reading, at: q, memo: &lostByteChoices)
                let range = q..<(q + 1 + reading.consumed)
                guard reading.text.contains(where: { $0.value >= 0x80 && $0 != Self.lostASCII }), Array(scalars[range]) != reading.text else { continue }
                // A lost ASCII byte scores as the '?' it was written as.
                var gain = self.gain(replacing: range, with: reading.text.map { $0 == Self.lostASCII ? "?" : $0 })
                    + shiftedLetterGain(in: range)
                var preference = gain
                if reading.lostTrail, let mark = reading.text.last {
                    // The mark that ends the line is chosen as the lost bytes of a mojibake run are.
                    let quotes = quoteBalance(reading.text.dropLast(), from: openQuotes)
                    let before = Array(scalars[max(0, q - 40)..<q] + reading.text.dropLast())
                    var unclosed = unclosedBefore
                    for scalar in reading.text.dropLast() { Self.track(scalar, unclosed: &unclosed) }
                    // (A bracket closes a span only as written: one with lost bytes may hide its
                    // closing mark in a shift repaired apart.)
                    var innermost = unclosed.last
                    if let opening = innermost, let k = before.lastIndex(of: opening), before[(k + 1)...].contains(where: Self.writesLostByte) {
                        innermost = nil
                    }
                    gain += lineEndBias(mark) + quoteBias(mark, after: nil, openQuotes: quotes)
                        + punctuationBias(mark, next: nil, clause: Array(scalars[max(0, q - 20)..<q] + reading.text.dropLast()), openQuotes: quotes)
                        + spanBias(mark, before: before, innermost: innermost, spanAhead: { _ in nil })
                    // A closing mark after 。 is likelier, but it is no evidence of a shift: it
                    // would lift "真的?!?" over the gain a shift needs.
                    let previous = reading.text.dropLast().last ?? (q > 0 ? scalars[q - 1] : nil)
                    preference = gain + quoteBias(mark, after: previous, openQuotes: quotes) - quoteBias(mark, after: nil, openQuotes: quotes)
                }
                all.append((Edit(range: range, replacement: reading.text, diagnosis: .gbkOneByteShift, gain: gain), reading,
                            preference))
                if gain >= minimumGain { scored.append(all[all.count - 1]) }
            }
        }
        guard let top = scored.max(by: { $0.preference < $1.preference }) else { return nil }
        var edit = top.edit
        if top.reading.lostTrail {
            // The lost mark is kept only where it is clearly the likeliest; else U+FFFD.
            let prefix = edit.replacement.dropLast()
            let rival = all.filter { $0.edit.range == edit.range && $0.edit.replacement.dropLast() == prefix
                && $0.edit.replacement.last != edit.replacement.last }.map(\.preference).max() ?? -.infinity
            // A closing quotation mark needs a quotation of its kind opened in the line: else
            // ” over 」 is only the habit of the text the costs were read from.
            let opened = edit.replacement.last.flatMap { Self.openers[$0] }
                .map { openers in (scalars[..<q] + prefix).contains(where: openers.contains) } ?? true
            if top.preference - rival < Self.lostFinalMarkMargin || !opened {
                edit.replacement[edit.replacement.count - 1] = "\u{FFFD}"
                edit.unrecovered += 1
            } else {
                edit.guessed += 1
            }
        }
        for lost in top.reading.lostBytes {
            if lost.isClear {
                edit.guessed += 1
            } else {
                edit.replacement[lost.index] = "\u{FFFD}"
                edit.unrecovered += 1
            }
        }
        if let k = edit.replacement.firstIndex(of: Self.lostASCII) {
            let byte = lostASCIIByte(before: edit.range.upperBound)
            edit.replacement[k] = byte.map { Unicode.Scalar($0) } ?? "\u{FFFD}"
            edit.unrecovered += byte == nil ? 1 : 0
            edit.guessed += byte == nil ? 0 : 1
        }
        return edit
    }

    /// What removing letters of a script the rest of the line does not use gains a shift
    /// repair: the trail byte of 。 (A1 A3) pairs with the next lead byte in GBK's row of
    /// full-width ASCII, so "。莊公" shows as "?Ｇf公", whose Ｇ the lexicon hardly weighs.
    ///
    /// An ASCII letter alone between two Chinese characters counts too: a trail byte below 0x80
    /// pairs as a letter (蘇 is CC 4B: "」蘇小姐" shows as "?固K小姐"). So do ～ and ＿ that
    /// folding made of the stretch's misaligned pairs, which Chinese sets nowhere between its
    /// characters, and a trail byte alone after them: ！獸 (A3A1 AB46) shows as "?~F", 。這
    /// (A1A3 DF40) as "?_@".
    private func shiftedLetterGain(in range: Range<Int>) -> Double {
        let symbols = range.dropFirst().count { Self.foldedSymbols.contains(scalars[$0]) }
        let lone = range.count { k in
            guard (0x40...0x7E).contains(scalars[k].value) && !Self.foldedSymbols.contains(scalars[k]) && k > range.lowerBound,
                  k + 1 < scalars.count, isChinese(scalars[k + 1]) else { return false }
            var j = k - 1
            while j > range.lowerBound && Self.foldedSymbols.contains(scalars[j]) { j -= 1 }
            return isChinese(scalars[j]) || j < k - 1
        }
        return Self.foreignLetterCost * Double(foreignLetters(in: Array(scalars[range]), outside: range) + lone + symbols)
    }

    /// ～ (A1 AB) and ＿ (A3 DF) folded: what a misaligned pair of GBK's rows of marks makes
    /// that prose never sets between Chinese characters.
    private static let foldedSymbols = ScalarSet("~_")

    /// Chooses each character `reading` made with a lost byte, among the Han characters its
    /// known byte ends or begins, by how each reads with the two characters on either side.
    /// Readings of a line share most of their text: `memo` keeps the choice for each context.
    private func chooseLostBytes(of reading: inout ShiftedReading, at q: Int, memo: inout LostByteChoices) {
        for n in reading.lostBytes.indices {
            let lost = reading.lostBytes[n]
            let i = lost.index
            let left = Array((scalars[..<q] + reading.text[..<i]).suffix(2)), right = Array(reading.text[(i + 1)...].prefix(2))
            let key = left + [Unicode.Scalar(lost.known), lost.leadIsLost ? "<" : ">"] + right
            if memo[key] == nil {
                var best: (scalar: Unicode.Scalar, score: Double)?, second = -Double.infinity
                let options = lost.leadIsLost ? Self.gbkCharacters(endingWith: lost.known) : Self.gbkCharacters(beginningWith: lost.known)
                // (One window, its middle character replaced: a line of junk has a context per
                // lost byte and some 190 options for each.)
                var window = left + [" "] + right
                for scalar in options where model.table.kind(scalar) == .han {
                    window[left.count] = scalar
                    let score = model.score(window)
                    if let top = best, score <= top.score {
                        second = max(second, score)
                    } else {
                        second = best?.score ?? second
                        best = (scalar, score)
                    }
                }
                memo[key] = best.map { ($0.scalar, $0.score - second >= Self.choiceMargin) } ?? ("\u{FFFD}", false)
            }
            if let (scalar, isClear) = memo[key] {
                (reading.text[i], reading.lostBytes[n].isClear) = (scalar, isClear)
            }
        }
    }

    /// For each context (two characters, the known byte and which it is, two characters), the
    /// character chosen for a lost byte and whether context settled it.
    typealias LostByteChoices = [[Unicode.Scalar]: (Unicode.Scalar, Bool)]

    /// The characters GBK writes with each trail byte, by trail byte.
    private static let gbkCharactersByTrail: [[Unicode.Scalar]] = (0...0xFF).map { trail in
        trail < 0x40 ? [] : (UInt8(0x81)...0xFE).compactMap { Charset.gbk.decodePair($0, UInt8(trail)) }
    }

    /// The characters GBK writes with each lead byte, by lead byte.
    private static let gbkCharactersByLead: [[Unicode.Scalar]] = (0...0xFF).map { lead in
        lead < 0x81 || lead == 0xFF ? [] : (UInt8(0x40)...0xFE).compactMap { Charset.gbk.decodePair(UInt8(lead), $0) }
    }

    static func gbkCharacters(endingWith trail: UInt8) -> [Unicode.Scalar] { gbkCharactersByTrail[Int(trail)] }

    static func gbkCharacters(beginningWith lead: UInt8) -> [Unicode.Scalar] { gbkCharactersByLead[Int(lead)] }

    /// A reading of the stretch after a shift's '?': its text, how many input characters it
    /// replaces, and which of its characters were made with a lost byte.
    struct ShiftedReading {
        var text: [Unicode.Scalar]
        var consumed: Int
        /// The last character is a mark whose trail byte was lost at the end of the line.
        var lostTrail = false
        /// The characters made with a byte lost in an invalid pair.
        var lostBytes: [LostByte] = []
    }

    /// A character of a shifted reading one of whose bytes was lost in an invalid pair.
    struct LostByte {
        /// Where it stands in the reading.
        var index: Int
        /// Its byte that is known: the trail where the lead was lost, else the lead.
        var known: UInt8
        /// Whether the lost byte is the lead.
        var leadIsLost: Bool
        /// Whether the character chosen for it is clearly the likeliest of those it could be.
        var isClear = false
    }

    /// Stands, in a shifted reading, for the ASCII byte lost with the pair it made invalid.
    static let lostASCII: Unicode.Scalar = "\u{FFFF}"

    /// The ASCII byte a decoder lost in an invalid pair just before input character `next`
    /// (it was below 0x40: a space, digit or mark), when the line tells which: before a tag
    /// name whose tag closes with '>' before any other '<' opens (`?span class="x">`), the '<'
    /// of an HTML tag. Nil when nothing tells.
    func lostASCIIByte(before next: Int) -> UInt8? {
        var k = next
        if k < scalars.count && scalars[k] == "/" { k += 1 }
        let nameStart = k
        while k < scalars.count, scalars[k].isASCII, scalars[k].properties.isAlphabetic || (k > nameStart && ("0"..."9").contains(scalars[k])) {
            k += 1
        }
        guard k > nameStart, k < scalars.count, scalars[k] == " " || scalars[k] == ">" || scalars[k] == "/" else { return nil }
        for scalar in scalars[k...].prefix(256) {
            if scalar == ">" { return UInt8(ascii: "<") }
            if scalar == "<" || !scalar.isASCII && model.table.kind(scalar) == .han { return nil }
        }
        return nil
    }

    /// The readings of `lead` followed by the bytes of `choices`, pair by pair, up to the first
    /// place where a pair ends with a character (`consumed` characters after the '?').
    ///
    /// When the shift ran to the end of the line, the last lead byte had no trail and was
    /// written as '?' too (`endsWithLostByte`): its pair is then completed with each trail that
    /// makes a punctuation mark, as lines end with one.
    /// With `markMayBeLost`, a line that ends in "??" ends in a mark both of whose bytes were
    /// lost (its lead read alone, its trail left without a partner).
    private func shiftedReadings(lead: UInt8, choices: [[[UInt8]]], lost: [Bool], endsWithLostByte: Bool,
                                 markMayBeLost: Bool) -> [ShiftedReading] {
        var readings: [ShiftedReading] = []
        // `leadIsLost`: the pending lead was lost; its character stands as U+FFFD, chosen later.
        // `endsBeforeLostByte`: a letter was unfolded after a Han character's lead byte, so the
        // reading must end before the next '?' (see below).
        func walk(_ k: Int, pending: UInt8?, leadIsLost: Bool = false, text: [Unicode.Scalar], unfolded: Int,
                  lostBytes: [LostByte] = [], endsBeforeLostByte: Bool = false) {
            func reading(_ text: [Unicode.Scalar], lostTrail: Bool = false, lostBytes: [LostByte]) -> ShiftedReading {
                ShiftedReading(text: text, consumed: k + 1, lostTrail: lostTrail, lostBytes: lostBytes)
            }
            guard k < choices.count, !(endsBeforeLostByte && lost[k]) else { return }
            if k == choices.count - 1, endsWithLostByte, let lead = pending, !text.isEmpty || markMayBeLost {
                for trail in UInt8(0x40)...0xFE {
                    if let mark = Charset.gbk.decodePair(lead, trail), model.table.kind(mark) == .chinesePunctuation {
                        readings.append(reading(text + [mark], lostTrail: true, lostBytes: lostBytes))
                    }
                }
                return
            }
            // A '?' (or U+FFFD) in the stretch may be a pair the decoder found invalid and lost
            // both bytes of: the trail of the pending lead (a punctuation mark, as at the '?'
            // that began the shift) and an ASCII byte below 0x40, after which the decoder was
            // back in step.
            if let lead = pending, !text.isEmpty, k > 0, lost[k] {
                for trail in UInt8(0x81)...0xFE {
                    if let mark = Charset.gbk.decodePair(lead, trail), model.table.kind(mark) == .chinesePunctuation {
                        readings.append(reading(text + [mark, Self.lostASCII], lostBytes: lostBytes))
                    }
                }
                // Or the trail of a character (the pending lead began it) went with the ASCII
                // byte: 它將被 touch (… B1 BB 20 74 …) as ⒈?touch. The character is chosen among
                // those the lead begins.
                if lostBytes.count < Self.maximumLostBytes {
                    readings.append(reading(text + ["\u{FFFD}", Self.lostASCII],
                                            lostBytes: lostBytes + [LostByte(index: text.count, known: lead, leadIsLost: false)]))
                }
                // Or the pending lead's trail was 0x80 (個 is 82 80, 還 DF 80), which no
                // decoder reads as a lead: read alone, it put the decoder back in step; read
                // with the next lead byte as an invalid pair, it took that byte along, and the
                // character that lead began is chosen among all it could have been.
                if let character = Charset.gbk.decodePair(lead, 0x80), model.table.kind(character) != .chinesePunctuation {
                    readings.append(reading(text + [character], lostBytes: lostBytes))
                    if lostBytes.count < Self.maximumLostBytes {
                        walk(k + 1, pending: nil, leadIsLost: true, text: text + [character], unfolded: unfolded, lostBytes: lostBytes)
                    }
                }
            }
            for (n, bytes) in choices[k].enumerated() {
                let unfolding = n > 0
                guard !unfolding || unfolded < Self.maximumUnfolded else { continue }
                // A folded letter or digit is a misaligned pair only (in step it was the
                // writer's), whose first byte ended a mark (the A3 of 。) or a Han character (危 is
                // CE A3: 危險 shows as 嫖kU). After a Han character's lead byte the letter is as
                // likely a trail byte that put the decoder back in step (右鍵， shows as 右益I?,
                // whose I is 鍵's trail): read on from there, the stretch must end before the next
                // '?', else it makes junk of the text up to the next shift and past it.
                let unfoldsLetter = unfolding && Self.isLetterOrDigit(choices[k][0][0])
                guard !unfoldsLetter || pending != nil else { continue }
                let afterHan = unfoldsLetter
                    && pending.flatMap({ Charset.gbk.decodePair($0, bytes[0]) }).map({ model.table.kind($0) == .chinesePunctuation }) != true
                var pending = pending, leadIsLost = leadIsLost, lostBytes = lostBytes
                var text = text
                var valid = true
                for byte in bytes {
                    if leadIsLost {
                        guard byte >= 0x40 && byte != 0x7F else { valid = false; break }
                        lostBytes.append(LostByte(index: text.count, known: byte, leadIsLost: true))
                        text.append("\u{FFFD}")
                        leadIsLost = false
                    } else if let lead = pending {
                        guard let scalar = Charset.gbk.decodePair(lead, byte) else { valid = false; break }
                        // The first pair is the punctuation mark whose lead was lost.
                        if text.isEmpty && model.table.kind(scalar) != .chinesePunctuation { valid = false; break }
                        text.append(scalar)
                        pending = nil
                    } else if byte < 0x80 {
                        text.append(Unicode.Scalar(byte))
                    } else {
                        pending = byte
                    }
                }
                guard valid else { continue }
                if pending == nil && !leadIsLost {
                    readings.append(reading(text, lostBytes: lostBytes))
                } else {
                    walk(k + 1, pending: pending, leadIsLost: leadIsLost, text: text, unfolded: unfolded + (unfolding ? 1 : 0),
                         lostBytes: lostBytes, endsBeforeLostByte: endsBeforeLostByte || afterHan)
                }
            }
        }
        walk(0, pending: lead, text: [], unfolded: 0)
        return readings
    }

    /// The GBK bytes of the curly quotation marks folding made straight: the misaligned pair
    /// A1 B0 decodes as “ (要緊?腿胱"桑 is "，就入住吧，").
    private static let curlyQuoteBytes: [Unicode.Scalar: [[UInt8]]] = [
        "\"": ["“", "”"].compactMap { try? Charset.gbk.encode($0) },
        "'": ["‘", "’"].compactMap { try? Charset.gbk.encode($0) },
    ]

    /// The GBK bytes of the full-width form of an ASCII letter or digit (`N` → Ｎ, A3 CE), which
    /// folding (NFKC, as much of the web's text went through) made of a misaligned pair: the
    /// trail of 。 (A1 A3) and the next lead byte make one, so "。我們" (A1A3 CED2 82C3) shows
    /// as "?Ｎ覀", then "?N覀".
    private static func foldedPairBytes(of scalar: Unicode.Scalar) -> [UInt8]? {
        guard scalar.isASCII, isLetterOrDigit(UInt8(scalar.value)) else { return nil }
        return fullwidthFormBytes(of: scalar)
    }

    /// Whether ASCII `byte` is a letter or a digit.
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The GBK bytes of the full-width form of an ASCII punctuation mark (`,` → ，), which
    /// folding to ASCII may have replaced.
    static func fullwidthBytes(of scalar: Unicode.Scalar) -> [UInt8]? {
        guard scalar.isASCII, !isLetterOrDigit(UInt8(scalar.value)) else { return nil }
        return fullwidthFormBytes(of: scalar)
    }

    /// The GBK bytes of the full-width form (U+FF01–FF5E) of printable ASCII `scalar`.
    private static func fullwidthFormBytes(of scalar: Unicode.Scalar) -> [UInt8]? {
        guard (0x21...0x7E).contains(scalar.value), let fullwidth = Unicode.Scalar(0xFF01 + scalar.value - 0x21) else { return nil }
        return try? Charset.gbk.encode(String(fullwidth))
    }
}
