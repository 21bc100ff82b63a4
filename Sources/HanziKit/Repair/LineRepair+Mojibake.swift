extension LineRepair {
    /// The smallest gain (nats) at which a candidate is kept. Real repairs gain far more: one
    /// garbled quotation mark gains 20 or more, a garbled sentence hundreds.
    static let minimumGain = 8.0
    /// The smallest gain per non-ASCII input character at which a stretch of Big5 read as GBK,
    /// or GBK as Big5, is kept. (The dev split's 1,192 such repairs gain 4.2 to 30 per
    /// character of their stretch, ASCII included; median 8.6.)
    static let minimumCrossGainPerCharacter = 3.0
    /// How much better than the runner-up the best candidate for a lost byte must score to be
    /// chosen; otherwise the character is left as U+FFFD.
    static let choiceMargin = 2.0
    /// The margin for a lost byte none of whose options is part of a word: the punctuation
    /// marks and full-width forms of 鈥� 銆� 锛�. A wrong mark keeps the meaning, where a wrong
    /// character would not, and leaving the garbling in place is worse than either; only a
    /// near tie (—— or ……) stays undecided.
    static let punctuationChoiceMargin = 0.25
    /// The kinds of character that carry words, which ``punctuationChoiceMargin`` never picks.
    static let wordKinds: Set<CharacterTable.Kind> = [.han, .kana, .hangul, .latinLetter, .otherAlphabet]
    /// The marks that end a clause, for telling whether a clause asks a question.
    static let clauseMarks = ScalarSet("，。！？；：、")
    /// How many levels of mojibake-of-mojibake are undone.
    static let maximumDepth = 2
    /// The most bytes one stretch decodes before it is cut (it continues as the next stretch).
    static let maximumStretch = 4096

    /// A character decoded from re-encoded bytes.
    enum Unit {
        /// Decoded from known bytes.
        case known(Unicode.Scalar)
        /// Decoded from bytes one of which was lost: the characters it may have been.
        case choice([Unicode.Scalar])
        /// Decoded from bytes too many of which were lost.
        case lost
    }

    /// A decoding of re-encoded bytes from a start: its characters, and the places where it
    /// ends on a character boundary of the input.
    struct Decoding {
        var units: [Unit] = []
        /// The byte where each unit starts.
        var unitStarts: [Int] = []
        /// (byte end, number of units, number of multi-byte units) at each input boundary.
        var ends: [(byte: Int, units: Int, multibyte: Int)] = []
        /// Where the first private-use character starts, when the decoding kept it.
        var privateUseStart: Int? = nil
    }

    /// Proposals that undo mojibake, from every misreading.
    func mojibakeEdits(protecting protected: [Range<Int>]) -> [Edit] {
        var proposals: [Edit] = []
        for misreading in Misreading.all {
            // Cheap test first: a run needs characters typical of the misreading.
            guard isSigned(scalars.indices, for: misreading) else { continue }
            // Undone a second time, text that UTF-8 readings undo whole (but for characters lost
            // already, or cut) was UTF-8 mojibake: its characters also read as Big5 and GBK
            // misread as each other, but only as junk, and weighing that junk was most of the
            // work of a second undoing. (Text a UTF-8 reading leaves is still read so: Big5 read
            // as GBK, then as Latin-1.)
            if depth > 0, case .charset = misreading.original, leavesNoStretch(undoing: proposals) { continue }
            var runs = Reencoding.runs(of: scalars, utf8: utf8, offsets: offsets, wrong: misreading.wrong, protected: protected,
                                       unencodablePairs: misreading.unencodablePairs)
            if case .utf8 = misreading.original {
                for r in runs.indices { runs[r].splitEuroSigns(scalars) }
            }
            let signed = runs.filter { isSigned($0.owner, for: misreading) }
            let found = editsWeighingQuotations(in: signed, misreading: misreading, startsNear: signNeighbourhood(for: misreading))
            proposals += found.isEmpty ? found : editsRestoringDroppedBytes(in: signed, misreading: misreading, over: found)
        }
        return proposals
    }

    /// How far from a character that signs it a stretch of a misreading whose every garbled
    /// stretch holds such characters may begin: UTF-8 read as GBK has one in every three
    /// characters or so (the pair of a UTF-8 lead byte and a continuation byte), read as
    /// windows-1252 one in every character's first two.
    static let signReach = 8

    /// For a misreading whose garbled stretches are all dense with its signs (UTF-8 read as GBK
    /// or windows-1252), whether a stretch may begin at each character: within ``signReach``
    /// characters of a sign. Nil for one told by rare text, lost leads or a shift out of step,
    /// whose stretches may begin anywhere. Prose holds such a sign now and then (辛楣鸿渐 is
    /// valid UTF-8 in GBK), and its line is then searched: near the sign, not every character
    /// of a long stretch of clean text.
    private func signNeighbourhood(for misreading: Misreading) -> [Bool]? {
        guard !misreading.privateUseCounts, !misreading.outOfStepSigns, !misreading.lostLeadSigns, !misreading.rareTextSigns else {
            return nil
        }
        var near = [Bool](repeating: false, count: scalars.count)
        for (k, scalar) in scalars.enumerated() where !model.table.signs(scalar).isDisjoint(with: misreading.signs) {
            for j in max(0, k - Self.signReach)..<min(scalars.count, k + Self.signReach + 1) { near[j] = true }
        }
        return near
    }

    /// Whether `edits` together replace every character of the line but ASCII, U+FFFD and at
    /// most two others in a row (the first of a stretch undone again may be part of a
    /// character cut in two).
    private func leavesNoStretch(undoing edits: [Edit]) -> Bool {
        var covered = [Bool](repeating: false, count: scalars.count)
        for edit in edits { for i in edit.range { covered[i] = true } }
        var left = 0
        for (i, scalar) in scalars.enumerated() {
            left = covered[i] || scalar.isASCII || scalar == "\u{FFFD}" ? 0 : left + 1
            if left > 2 { return false }
        }
        return true
    }

    /// `found`, or the repairs of `runs` with the bytes a decoder dropped put back
    /// (``Reencoding/restoringDroppedBytes(droppable:mayDrop:)``), the runs whole or cut where
    /// clean text may follow, whichever reading makes the line read clearly better than `found`:
    /// 鈥滀綘濂解 (“你好” read as GBK, dropping what it could not read) is “你 and 濂解 without them.
    /// Only a line already found garbled is tried, so clean text costs nothing; and not one with
    /// U+FFFD, which a decoder that drops nothing wrote (a rare clean character before 锛� is
    /// no character that lost a byte).
    private func editsRestoringDroppedBytes(in runs: [Reencoding], misreading: Misreading, over found: [Edit]) -> [Edit] {
        guard case .utf8 = misreading.original, !scalars.contains("\u{FFFD}") else { return found }
        // UTF-8 that lost only windows-1252's five undefined bytes still has a continuation
        // byte after most lead bytes (十, E5 8D 81, loses both). Text read so where a third of
        // them have none was never UTF-8 (GBK read as windows-1252: ËûËµ), and putting back
        // what it could have dropped was most of the work of such a line. (A GBK decoder drops
        // more.)
        if case .latin = misreading.wrong {
            var leads = 0, bare = 0
            for run in runs {
                let counted = run.utf8Leads
                leads += counted.all
                bare += counted.withoutContinuation
            }
            if bare >= 2 && bare * 3 > leads { return found }
        }
        // (A windows-1252 decoder drops its five undefined bytes wherever they stand.)
        let decoder = misreading.wrongDecoder
        let continuations = misreading.lostBytes.filter { $0 & 0xC0 == 0x80 }
        func restoring(_ runs: [Reencoding]) -> [Reencoding]? {
            var changed = false
            let restored = runs.map { run in
                let restored = run.restoringDroppedBytes(droppable: continuations) { byte, next in
                    guard let decoder, let next else { return true }
                    return decoder.mayLose(byte, before: next)
                }
                guard let restored else { return run }
                changed = true
                return restored
            }
            return changed ? restored : nil
        }
        guard let restored = restoring(runs) else { return found }
        var best = found, bestScore = lineScore(with: found, openQuotes: 0) + Self.choiceMargin
        func consider(_ runs: [Reencoding]) {
            let repaired = editsWeighingQuotations(in: runs, misreading: misreading, startsNear: nil)
            let score = lineScore(with: repaired, openQuotes: 0)
            if score > bestScore { (best, bestScore) = (repaired, score) }
        }
        consider(restored)
        // A garbled clause pasted before clean text lost its last bytes at the clause's end,
        // where the bytes of the clean text re-encoded may seem to complete its sequence (鐗╁畼锛
        // 官修: 锛 lost 8C, and 官 is B9 D9): the run is also read cut one or two characters after
        // each repair of the best reading so far that the run goes on from.
        let edited = best.map(\.range)
        for leftover in 1...2 {
            let cuts = Set(edited.compactMap { range -> Int? in
                let cut = range.upperBound + leftover
                return cut < scalars.count && !edited.contains(where: { $0.overlaps(range.upperBound..<(cut + 1)) }) ? cut : nil
            })
            guard !cuts.isEmpty, let pieces = restoring(runs.flatMap { $0.split(before: cuts) }) else { continue }
            consider(pieces)
        }
        return best
    }

    /// Whether `scalar` is common in Chinese prose (a mark, a digit or a Han character that is
    /// not rare), U+FFFD or a private-use character.
    private func isCommonOrPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        let kind = model.table.kind(scalar)
        if kind == .privateUse || kind == .replacement || kind == .chinesePunctuation || ("0"..."9").contains(scalar) { return true }
        return kind == .han && !model.isRareHan(scalar)
    }

    /// Whether `scalar` belongs in Chinese prose: Chinese, digits, or U+FFFD for a character
    /// not recovered.
    private func isChineseProse(_ scalar: Unicode.Scalar) -> Bool {
        isChinese(scalar) || ("0"..."9").contains(scalar) || scalar == "\u{FFFD}"
    }

    /// Whether the characters at `indices` have the signs `misreading` needs.
    private func isSigned(_ indices: some Collection<Int>, for misreading: Misreading) -> Bool {
        misreading.isSigned(indices.lazy.map { scalars[$0] }, table: model.table)
            || misreading.outOfStepSigns && isOutOfStepAfterLostByte(indices)
            || misreading.rareTextSigns && !facts.hasQuestionMarkBesideWide && (isRareText(indices) || hasStrayLetters(indices))
            || misreading.lostLeadSigns && hasLostLeadsBeforeASCII(indices)
    }

    /// Whether, among the characters at `indices`, a lone U+FFFD is followed by an ASCII
    /// character that can end a double-byte pair (0x40–0x7E) twice, more often than a Chinese
    /// mark stands whole, beside a Greek, Cyrillic or bopomofo letter: GBK's rows A6–A8 hold
    /// them, where many of Big5's commonest characters fall (我 is A7 DA, read as и). Every Big5
    /// mark read so loses its lead byte, while clean text keeps its marks; and text damaged
    /// otherwise (a U+FFFD before a letter) has no reason to hold those alphabets. (Kana, of
    /// GBK's rows A4–A5, do not count: Japanese is full of them.)
    private func hasLostLeadsBeforeASCII(_ indices: some Collection<Int>) -> Bool {
        // (Counted over the whole line first: the detectors ask of many stretches of a long one.)
        guard facts.lostLeadsBeforeASCII >= 2 else { return false }
        var found = 0
        var alphabet = 0
        var marks = 0
        var last = -1
        for i in indices where i != last {
            last = i
            let kind = model.table.kind(scalars[i])
            if kind == .otherAlphabet || (0x3105...0x3129).contains(scalars[i].value) { alphabet += 1 }
            if kind == .chinesePunctuation { marks += 1 }
            if LineFacts.isLostLeadBeforeASCII(scalars, at: i) { found += 1 }
        }
        return found >= 2 && found > marks && alphabet >= 1
    }

    /// Whether the characters at `indices` (in order) set letters of other scripts alone among
    /// Han characters (``StrayLetterCount``): Big5 read as GBK or GBK as Big5 in a line with no
    /// mark.
    private func hasStrayLetters(_ indices: some Collection<Int>) -> Bool {
        var count = StrayLetterCount()
        var previous: Int? = nil
        for i in indices {
            if previous != i - 1 { count.breakRun() }
            count.add(model.table.kind(scalars[i]), model.table.signs(scalars[i]))
            previous = i
        }
        return count.showsMisreading
    }

    /// Whether the characters at `indices` are Han text mostly of rare characters: what a whole
    /// line of Big5 read as GBK or GBK read as Big5 looks like without a mark in it (打印版本信息并
    /// 退出 as 湖荂唳掛陓洘甜豖堤). See ``PlausibilityScore/rareTextScore``. (Not in a line whose
    /// decoder wrote '?' for pairs it lost: what is left between them reads no better.)
    private func isRareText(_ indices: some Collection<Int>) -> Bool {
        isRareText(indices.lazy.map { scalars[$0] }, score: PlausibilityScore.rareTextScore,
                   minimum: indices.count == scalars.count ? Self.rareLineMinimum : Self.rareTextMinimum)
    }

    /// Whether `text` has `minimum` Han characters or more, whose mean
    /// ``PlausibilityScore/characterScore(_:)`` is `score` or lower, and kana or hangul for fewer
    /// than a quarter of them.
    private func isRareText(_ text: some Collection<Unicode.Scalar>, score: Double, minimum: Int = rareTextMinimum) -> Bool {
        var han = 0
        var cost = 0
        var foreign = 0
        for scalar in text {
            let c = model.hanCost(scalar)
            if c != 0 {
                han += 1
                cost += Int(c)
            } else if model.table.isKanaOrHangul(scalar) {
                foreign += 1
            }
        }
        // (Japanese and Korean write characters Chinese seldom uses, among kana or hangul.)
        return han >= minimum && Double(cost) >= -score * Double(han) && foreign * 4 < han
    }

    /// The fewest Han characters ``isRareText(_:)`` judges in part of a line: fewer prove
    /// nothing, as four rare ones side by side in clean text (汪然出涕, 大戚) are no misreading.
    static let rareTextMinimum = 6
    /// The fewest a whole line needs: a program's messages and menus are that short (開啟新視窗
    /// read as GBK is 秨币穝跌怠), and a re-reading of the whole line is weighed as a whole.
    static let rareLineMinimum = 4

    /// The mean character score a repair found by its input's rare characters alone must stay
    /// above: clean prose averages about −7.5.
    static let proseScore = -10.0

    /// Whether, among the characters at `indices` (in order), a lone U+FFFD is followed by
    /// what a double-byte decoder that lost a lead byte writes, reading on one byte out of
    /// step: four Han characters of which three are rare, or six non-ASCII characters of which
    /// four are rare Han characters or other letters and symbols (kana, ﹝) but not Chinese
    /// marks. U+FFFD in runs, as damage leaves it, does not count, nor does one before
    /// ordinary text.
    private func isOutOfStepAfterLostByte(_ indices: some Collection<Int>) -> Bool {
        let all = Array(indices)
        for (n, i) in all.enumerated() where scalars[i] == "\u{FFFD}" {
            guard n == 0 || scalars[all[n - 1]] != "\u{FFFD}" else { continue }
            let next = all[(n + 1)...].prefix(6).map { scalars[$0] }
            let four = next.prefix(4)
            if four.count == 4, four.allSatisfy({ model.table.kind($0) == .han }), four.count(where: model.isRareHan) >= 3 { return true }
            guard next.count == 6, next.allSatisfy({ !$0.isASCII && $0 != "\u{FFFD}" }) else { continue }
            let odd = next.count { scalar in
                let kind = model.table.kind(scalar)
                return kind == .han ? model.isRareHan(scalar) : kind != .chinesePunctuation
            }
            if odd >= 4 { return true }
        }
        return false
    }

    /// ``edits(in:from:upTo:misreading:quoteShift:splitting:)`` for the runs of a line in order, weighing whether
    /// the line began inside a quotation. Quotation marks that lost a byte are told apart by
    /// whether a quotation is open, and a line cut from a paragraph may begin inside one
    /// (的。”她说：“…。”): when the repairs restored quotation marks, the stretches are
    /// resolved again as if one were open at the start, and that reading is kept when the
    /// whole line reads clearly better.
    private func editsWeighingQuotations(in runs: [Reencoding], misreading: Misreading, startsNear: [Bool]?) -> [Edit] {
        let plain = edits(in: runs, misreading: misreading, openQuotes: 0, startsNear: startsNear)
        let quotes = "“”「」".unicodeScalars
        guard !misreading.lostBytes.isEmpty, let first = runs.first?.owner.first, facts.openQuotes[first] == 0,
              plain.contains(where: { $0.replacement.contains { quotes.contains($0) } }) else { return plain }
        let inside = edits(in: runs, misreading: misreading, openQuotes: 1, startsNear: startsNear)
        return lineScore(with: inside, openQuotes: 1) - lineScore(with: plain, openQuotes: 0) >= Self.choiceMargin ? inside : plain
    }

    /// The repairs of `runs` in order, with `openQuotes` quotations open at the line's start
    /// besides those the line shows; the quotation marks each run's repairs restore count for
    /// the runs after it.
    private func edits(in runs: [Reencoding], misreading: Misreading, openQuotes: Int, startsNear: [Bool]?) -> [Edit] {
        var all: [Edit] = []
        var quoteShift = openQuotes
        for run in runs {
            let found = edits(in: run, from: 0, upTo: run.count, misreading: misreading, quoteShift: quoteShift, splitting: true,
                              prior: [all], startsNear: startsNear)
            all += found.edits
            quoteShift = found.quoteShift
        }
        return all
    }

    /// How well the line reads with `edits` (in order, not overlapping) applied, its
    /// punctuation weighed as lost marks are chosen, from the line's start with `openQuotes`
    /// quotations open.
    private func lineScore(with edits: [Edit], openQuotes: Int) -> Double {
        let line = text(applying: edits, within: 0..<scalars.count, estimated: true)
        var score = model.score(line)
        var quotes = openQuotes
        var unclosed: [Unicode.Scalar] = openQuotes > 0 ? ["“"] : []
        var clause: [Unicode.Scalar] = []
        var quoted = false
        for (n, scalar) in line.enumerated() {
            score += quoteBias(scalar, after: n > 0 ? line[n - 1] : nil, openQuotes: quotes, innermost: unclosed.last, quotedBefore: quoted)
                + punctuationBias(scalar, next: n + 1 < line.count ? line[n + 1] : nil, clause: clause, openQuotes: quotes,
                                  nextSegment: segmentLength(line[(n + 1)...]))
                + pairingBias(scalar, unclosed: unclosed.last)
            quotes = quoteBalance([scalar], from: quotes)
            Self.track(scalar, unclosed: &unclosed)
            quoted = quoted || Self.opensQuotation(scalar)
            if Self.clauseMarks.contains(scalar) { clause.removeAll() } else { clause.append(scalar) }
        }
        return score + lineEndBias(ofText: line)
    }

    /// Finds the garbled stretches of `run` that begin in bytes `start..<limit`, left to right,
    /// with `initialShift` quotations open besides those the line shows; the quotation marks
    /// each repair restores count for the stretches after it. Returns the repairs, the byte
    /// where the last one ends, and the quotations then open besides those the line shows.
    /// With `splitting`, a long repair is checked against repairing its pieces apart
    /// (``splitReading(of:among:in:misreading:quoteShift:prior:)``). `prior` are the repairs
    /// made before `start`, in order (lists of them, not joined: a long line has thousands),
    /// which lost characters are chosen beside.
    private func edits(in run: Reencoding, from start: Int, upTo limit: Int, misreading: Misreading, quoteShift initialShift: Int,
                       splitting: Bool, prior: [[Edit]], startsNear: [Bool]? = nil) -> (edits: [Edit], end: Int, quoteShift: Int) {
        // The repairs before each stretch: `prior`, then those found here (built once, not at
        // every byte tried).
        var context = prior + [[]]
        var quoteShift = initialShift
        func nextStart(after i: Int) -> Int {
            var j = i + 1
            while j < run.count && !run.startsCharacter[j] { j += 1 }
            return j
        }
        // Where a stretch was cut at its longest (``maximumStretch``): the cut may fall inside a
        // character of the text beneath, so the stretches just after it are tried byte by byte.
        var cut: Int? = nil
        var i = start
        while i < limit {
            guard run.startsCharacter[i], run.bytes[i] >= 0x80 || run.isLost[i], startsNear?[run.owner[i]] ?? true else {
                i += 1
                continue
            }
            let (all, reach) = candidates(in: run, from: i, misreading: misreading, quoteShift: quoteShift, prior: context)
            let found = all.filter { !$0.keepsInput }
            // (Only Big5 and GBK misread as each other pay for a run's last characters.)
            let farthest: Int? = if case .charset = misreading.original { found.map(\.end).max() } else { nil }
            func junctionCost(_ c: Candidate) -> Double {
                guard let farthest, c.end < farthest else { return 0 }
                return self.junctionCost(keeping: run.characters(c.end, farthest), before: farthest, in: run, misreading: misreading)
            }
            guard var best = found.max(by: { $0.edit.gain - junctionCost($0) < $1.edit.gain - junctionCost($1) }) else {
                // A long decoding that reads no better needs no second look from inside it. Nor
                // does a stretch of lost characters that no reading decides (鈥�鈥�: —— or ……):
                // resolved one by one, its pieces would read as something else (”“).
                let undecided = all.filter(\.keepsInput).map(\.end).max() ?? i
                let resumesCut = cut.map { i - $0 <= 8 } ?? false
                i = reach - i > 64 && !resumesCut ? reach : max(undecided, nextStart(after: i))
                continue
            }
            // The first character may be clean text whose bytes happen to decode together with
            // the garbled ones that follow (说 + 锛� reads as ˵，): when the repair begins with
            // something other than Chinese, compare with starting one or two characters later,
            // scoring every candidate over the same stretch of the line. (A middle dot too: ·
            // read as GBK is 路, so clean 路 before a garbled mark decodes as one.) So when a
            // stretch read as windows-1252 begins with a Chinese mark, which that encodes too (”
            // as 94): a clause of GBK read so after 。” decodes from it out of step (。”ÈÃ²· as
            // 。斎貌).
            let beginsWithMark: Bool = if case .latin = misreading.wrong {
                model.table.kind(scalars[best.edit.range.lowerBound]) == .chinesePunctuation
            } else { false }
            var alternatives = found
            // (Not a bullet that begins the line: lists begin so, ● 一九九七年… or ③ 陝北….)
            if let first = best.edit.replacement.first,
               !isChinese(first) || first == "·" || beginsWithMark,
               !(best.edit.range.lowerBound == 0 && Self.isBullet(first)) {
                var s = i
                for _ in 0..<2 {
                    s = nextStart(after: s)
                    guard s < best.end else { break }
                    alternatives += candidates(in: run, from: s, misreading: misreading, quoteShift: quoteShift,
                                               prior: context).found
                }
            }
            if alternatives.count > 1 {
                let union = alternatives.map(\.edit.range.lowerBound).min()!..<alternatives.map(\.edit.range.upperBound).max()!
                func weighed(_ c: Candidate) -> Double { plausibility(of: c, over: union) - junctionCost(c) }
                best = alternatives.max { weighed($0) < weighed($1) }!
                // The stretch that reads best begins later and was lost: nothing here to repair.
                if best.keepsInput {
                    i = nextStart(after: i)
                    continue
                }
            }
            var chosen = (edits: [best.edit], end: best.end)
            // (Not a stretch undone twice: its second undoing found the stretches inside it, and
            // splitting it would undo each piece again, half the work of such a line.)
            if splitting, best.edit.diagnosis != .doubleMojibake,
               let split = splitReading(of: best, among: alternatives, in: run, misreading: misreading, quoteShift: quoteShift,
                                        prior: context) {
                chosen = split
            }
            for edit in chosen.edits {
                context[context.count - 1].append(edit)
                quoteShift = shifted(quoteShift, by: edit)
            }
            if chosen.end - i >= Self.maximumStretch - 3 { cut = chosen.end }
            i = chosen.end
        }
        return (context.removeLast(), i, quoteShift)
    }

    /// What leaving the characters `kept` in place costs a repair of text misread between Big5
    /// and GBK, when they are the last one or two (ASCII aside) of its run of bytes, which ends
    /// at byte `end`: such text is misread whole, and the lexicon rates a common character left
    /// at the end (結束才 for 結束符) above the rarer one meant.
    private func junctionCost(keeping kept: Range<Int>, before end: Int, in run: Reencoding, misreading: Misreading) -> Double {
        guard case .charset = misreading.original, end == run.count || run.bytes[end] < 0x80 else { return 0 }
        return (1...2).contains(kept.count { !scalars[$0].isASCII }) ? Self.junctionCost : 0
    }

    /// What leaving a run's last one or two characters misread costs (nats). Of the sets'
    /// Big5 and GBK mix-ups, 8 gained 14 rows and lost none; 4 gained 10.
    static let junctionCost = 8.0

    /// The quotations a repair opens beyond those the input shows, after `edit`.
    private func shifted(_ quoteShift: Int, by edit: Edit) -> Int {
        let range = edit.range
        return quoteBalance(edit.replacement, from: max(0, facts.openQuotes[range.lowerBound] + quoteShift))
            - facts.openQuotes[range.upperBound]
    }

    /// The repair of `best`'s bytes in pieces, when that reads better. Two garbled marks with a
    /// clean character between them may decode as one stretch: in 锛�说銆�, the GBK bytes of 说
    /// are valid UTF-8 (˵), so ，˵。 outscores the input though ，说。 is meant. When a shorter
    /// stretch from the same start was found, the bytes after it up to `best`'s end are
    /// repaired on their own, and both readings are scored over the same characters.
    private func splitReading(of best: Candidate, among found: [Candidate], in run: Reencoding, misreading: Misreading,
                              quoteShift: Int, prior: [[Edit]]) -> (edits: [Edit], end: Int)? {
        let start = best.edit.range.lowerBound
        guard let short = found.filter({ $0.end < best.end && $0.edit.range.lowerBound == start })
            .min(by: { $0.end < $1.end }) else { return nil }
        let rest = edits(in: run, from: short.end, upTo: best.end, misreading: misreading,
                         quoteShift: shifted(quoteShift, by: short.edit), splitting: false, prior: prior + [[short.edit]])
        // A short stretch of lost marks only is left in place (and reported), but it is read as
        // what it most likely was, as the long stretch reads it.
        let pieces = (short.keepsInput ? [] : [short.edit]) + rest.edits
        let scored = [short.edit] + rest.edits
        let union = start..<max(best.edit.range.upperBound, scored.last!.range.upperBound)
        let covered = pieces.last?.range.upperBound ?? start
        let uncovered = covered..<max(covered, best.edit.range.upperBound)
        guard readingScore(of: scored, over: union) - keptCost(of: scored, over: union)
                - junctionCost(keeping: uncovered, before: best.end, in: run, misreading: misreading)
                > readingScore(of: [best.edit], over: union) - keptCost(of: [best.edit], over: union) else { return nil }
        return (pieces, max(rest.end, short.end))
    }

    /// The score of the line's characters `union` (and some context) with `edits` applied.
    private func readingScore(of edits: [Edit], over union: Range<Int>) -> Double {
        let window = max(0, union.lowerBound - Self.contextLength)..<min(scalars.count, union.upperBound + Self.contextLength)
        return model.score(text(applying: edits, within: window, estimated: false))
    }

    /// What the characters of `union` that `edits` (in order, inside it) leave in place cost:
    /// letters of a script the line, so repaired, lacks (``foreignLetters(in:outside:besides:)``),
    /// and brackets or quotation marks it leaves without a partner. Big5's bullets read as GBK
    /// are such marks (● ▲ △ as 〈 《 〉): a stretch that begins after one is no better for it.
    private func keptCost(of edits: [Edit], over union: Range<Int>) -> Double {
        var kept: [Unicode.Scalar] = []
        var unpaired = 0.0
        var position = union.lowerBound
        func keep(upTo end: Int, editsFrom e: Int) {
            for k in position..<end {
                kept.append(scalars[k])
                if let (partner, opens) = Self.markPartner(scalars[k]), !hasPartner(partner, of: k, opens: opens, editsFrom: e) {
                    unpaired += "“”‘’".unicodeScalars.contains(partner) ? Self.unpairedQuoteCost : Self.unpairedBracketCost
                }
            }
        }
        // Whether `partner` stands after (or before) `k` in the line with `edits` applied: its
        // last (or first) place outside them, found once for each (a line may hold thousands).
        var farthest: [Unicode.Scalar: Int] = [:]
        func hasPartner(_ partner: Unicode.Scalar, of k: Int, opens: Bool, editsFrom e: Int) -> Bool {
            let others = opens ? edits[e...] : edits[..<e]
            if others.contains(where: { $0.replacement.contains(partner) }) { return true }
            let j = farthest[partner] ?? {
                let outside = { (j: Int) in self.scalars[j] == partner && !edits.contains { $0.range.contains(j) } }
                let found = (opens ? scalars.indices.last(where: outside) : scalars.indices.first(where: outside)) ?? (opens ? -1 : .max)
                farthest[partner] = found
                return found
            }()
            return opens ? j > k : j < k
        }
        for (e, edit) in edits.enumerated() {
            keep(upTo: edit.range.lowerBound, editsFrom: e)
            position = edit.range.upperBound
        }
        keep(upTo: union.upperBound, editsFrom: edits.count)
        let foreign = foreignLetters(in: kept, outside: union, besides: edits.flatMap { $0.estimate ?? $0.replacement })
        return Self.foreignLetterCost * Double(foreign) + unpaired
    }

    /// What a bracket a repair leaves without a partner costs it: of the 14,000 《》「」『』【】
    /// of the evaluation's clean text and originals, 1 in 300 to 1 in 800 has none in its line.
    static let unpairedBracketCost = 6.0
    /// The same for a quotation mark: 1 in 7 of the 51,000 “ ” has none (a line begins or
    /// ends inside a quotation).
    static let unpairedQuoteCost = 2.0

    /// The partner of a bracket or quotation mark, and whether the mark opens.
    static func markPartner(_ scalar: Unicode.Scalar) -> (Unicode.Scalar, Bool)? {
        switch scalar {
        case "〈": ("〉", true)
        case "〉": ("〈", false)
        case "《": ("》", true)
        case "》": ("《", false)
        case "「": ("」", true)
        case "」": ("「", false)
        case "『": ("』", true)
        case "』": ("『", false)
        case "〔": ("〕", true)
        case "〕": ("〔", false)
        case "〖": ("〗", true)
        case "〗": ("〖", false)
        case "【": ("】", true)
        case "】": ("【", false)
        case "（": ("）", true)
        case "）": ("（", false)
        case "“": ("”", true)
        case "”": ("“", false)
        case "‘": ("’", true)
        case "’": ("‘", false)
        default: nil
        }
    }

    /// The line's characters `window` with `edits` (in order, inside the window) applied; with
    /// `estimated`, each with the likeliest character where its replacement has U+FFFD.
    private func text(applying edits: [Edit], within window: Range<Int>, estimated: Bool) -> [Unicode.Scalar] {
        var text: [Unicode.Scalar] = []
        var position = window.lowerBound
        for edit in edits {
            text += scalars[position..<edit.range.lowerBound] + (estimated ? edit.estimate ?? edit.replacement : edit.replacement)
            position = edit.range.upperBound
        }
        return text + scalars[position..<window.upperBound]
    }

    /// The line's last characters before `index` (enough for context, quotation marks and
    /// all), with the repairs `prior` made there, each read as its likeliest text; and for each
    /// character, whether it comes from a repair that chose characters for lost bytes.
    private func repairedText(before index: Int, with prior: [[Edit]]) -> (text: [Unicode.Scalar], chosen: [Bool]) {
        var start = max(0, index - 120)
        var edits: [Edit] = []
        // From the last repair back, to the first that ends before the window.
        search: for list in prior.reversed() {
            for edit in list.reversed() where edit.range.upperBound <= index {
                guard edit.range.upperBound > start else { break search }
                if edit.range.lowerBound < start {
                    start = edit.range.upperBound
                    break search
                }
                edits.append(edit)
            }
        }
        var chosen: [Bool] = []
        var position = start
        for edit in edits.reversed() {
            chosen += repeatElement(false, count: edit.range.lowerBound - position)
            chosen += repeatElement(edit.guessed > 0, count: (edit.estimate ?? edit.replacement).count)
            position = edit.range.upperBound
        }
        chosen += repeatElement(false, count: index - position)
        return (text(applying: edits.reversed(), within: start..<index, estimated: true), chosen)
    }

    /// The score of the line's characters `union` (and some context) with a candidate's
    /// estimate in place of its stretch.
    private func plausibility(of candidate: Candidate, over union: Range<Int>) -> Double {
        let range = candidate.edit.range
        let left = scalars[max(0, union.lowerBound - Self.contextLength)..<union.lowerBound]
        let right = scalars[union.upperBound..<min(scalars.count, union.upperBound + Self.contextLength)]
        let text = left + scalars[union.lowerBound..<range.lowerBound] + candidate.estimate + scalars[range.upperBound..<union.upperBound] + right
        return model.score(text) - Self.foreignLetterCost * Double(foreignLetters(in: candidate.estimate, outside: range))
            - keptCost(of: [candidate.edit], over: union)
    }

    /// Whether `scalar` is a list's bullet: ● ○ ■ □ ▲ △ ★ ☆ ◆ ◇ ◎ or a circled or
    /// parenthesized number (① ⑴ ⒈ ㈠).
    static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
        "●○■□▲△★☆◆◇◎".unicodeScalars.contains(scalar) || (0x2460...0x249B).contains(scalar.value)
            || (0x3220...0x3229).contains(scalar.value)
    }

    /// A repair of a stretch that may be proposed.
    struct Candidate {
        var edit: Edit
        /// The byte of the run where the stretch ends.
        var end: Int
        /// The replacement with the likeliest character for each lost one, to weigh it.
        var estimate: [Unicode.Scalar]
        /// A stretch of lost characters only, which is left as it is: never proposed, but it
        /// may show that a stretch beginning earlier begins too early.
        var keepsInput: Bool
    }

    /// The repairs of the stretch starting at byte `start` of `run`, one per plausible end,
    /// and how far the bytes decoded.
    private func candidates(in run: Reencoding, from start: Int, misreading: Misreading,
                            quoteShift: Int, prior: [[Edit]]) -> (found: [Candidate], reach: Int) {
        var decoding: Decoding
        switch misreading.original {
        case .utf8:
            // Mojibake of mojibake may pass through a private-use character: UTF-8 read as GBK
            // (说 as 璇\u{E1E9}, GBK's user-defined AF B4), then read as windows-1252 (î‡©). The
            // repair of the repair undoes it.
            decoding = decodeUTF8(run, from: start, lostBytes: misreading.lostBytes, wrongDecoder: misreading.wrongDecoder,
                                  keepingPrivateUse: depth < Self.maximumDepth)
        case .charset(let charset):
            decoding = decodeDoubleByte(run, from: start, charset: charset, misreading: misreading)
        }
        // A stretch through a private-use character is tried, but the next one starts after it.
        let reach = decoding.ends.last { $0.byte <= decoding.privateUseStart ?? .max }?.byte ?? start + 1
        // Bytes lost at the end of a stretch are left as they are (and reported), not turned
        // into U+FFFD.
        while let last = decoding.units.last, case .lost = last {
            decoding.units.removeLast()
            let byte = decoding.unitStarts.removeLast()
            decoding.ends.removeAll { $0.units > decoding.units.count }
            if byte == run.count || run.startsCharacter[byte] {
                decoding.ends.append((byte, decoding.units.count, decoding.ends.last?.multibyte ?? 0))
            }
        }
        guard let longest = decoding.ends.last, longest.multibyte > 0 else { return ([], reach) }
        let whole = run.characters(start, longest.byte)
        let openQuotes = max(0, facts.openQuotes[whole.lowerBound] + quoteShift)
        let (lineBefore, chosenBefore) = repairedText(before: whole.lowerBound, with: prior)
        let longestReading = resolve(Array(decoding.units[0..<longest.units]), lineBefore: lineBefore, chosenBefore: chosenBefore, replacing: whole,
                                     openQuotes: openQuotes)
        var found: [Candidate] = []
        // The longest ends, and the shortest: a garbled mark may be followed by clean text
        // whose bytes happen to decode too (锛� before 只有, D6 BB being valid UTF-8).
        // And, of a long one, the ends where its reading turns from Chinese into other letters:
        // the garbled clause may end in the middle, before clean text whose bytes decode too
        // (…的，为什么 with 为什么 read as Ϊʲô).
        var ends = decoding.ends.count <= 6 ? decoding.ends[...] : decoding.ends.prefix(3) + decoding.ends.suffix(3)
        if decoding.ends.count > 6 {
            let middle = decoding.ends.dropFirst(3).dropLast(3).filter { end in
                end.units > 0 && end.units < longest.units && isChinese(longestReading.text[end.units - 1])
                    && longestReading.text[end.units].value >= 0x80 && !isChineseProse(longestReading.text[end.units])
            }
            ends = decoding.ends.prefix(3) + middle.suffix(3) + decoding.ends.suffix(3)
        }
        for end in ends where end.multibyte > 0 {
            var range = run.characters(start, end.byte)
            guard range.count >= 2, isSigned(range, for: misreading) else { continue }
            // Lost characters are chosen in the longest reading's context, unless it goes on
            // past this end into what is not Chinese: then it garbled clean text there (魏 read
            // as κ after 韩銆�), and they are chosen again beside the marks it read before that
            // (说锛� before 鈥�, read as “) or else the line's own characters.
            let rest = longestReading.text[end.units...]
            var (text, guess) = longestReading
            if !rest.allSatisfy({ [CharacterTable.Kind.han, .chinesePunctuation, .replacement].contains(model.table.kind($0)) }) {
                let marks = rest.prefix { model.table.kind($0) == .chinesePunctuation }
                (text, guess) = resolve(Array(decoding.units[0..<end.units]), lineBefore: lineBefore, chosenBefore: chosenBefore, replacing: range,
                                        marksAfter: Array(marks), openQuotes: openQuotes)
            }
            // Where most characters of a stretch lost bytes, two or more of them Han characters
            // (not marks, which the quotations and clauses around them tell), each was chosen
            // beside others as unsure: a guess, not a repair (UTF-8 read as GB2312, which lacks
            // most of GBK's rows).
            let guessed = (0..<end.units).count { u in
                switch decoding.units[u] {
                case .known: return false
                case .lost: return true
                case .choice: return model.table.kind(guess[u]) == .han
                }
            }
            guard guessed < 2 || guessed * 2 <= end.units else { continue }
            var replacement = Array(text[0..<end.units])
            // Trailing ASCII decodes to itself: leave it outside the edit.
            while let last = replacement.last, last.value < 0x80, range.count > 1, scalars[range.upperBound - 1] == last {
                replacement.removeLast()
                range = range.lowerBound..<(range.upperBound - 1)
            }
            // A Han character is never garbled alone, but clean Han characters beside a lone
            // U+FFFD re-encode to what a common one that lost a byte would (绛� as 等, 楣呵� as
            // 鹺�): Han characters with a lost byte that repair to at most one Han character
            // must repair to marks only (锛� as ，), a lost character included: 電�路 is no
            // lost Hangul syllable (EB 8A) before a middle dot (路, C2 B7).
            let estimate = Array(guess[0..<replacement.count])
            let kinds = estimate.map { model.table.kind($0) }
            if range.contains(where: { scalars[$0] == "\u{FFFD}" }),
               range.allSatisfy({ scalars[$0] == "\u{FFFD}" || model.table.kind(scalars[$0]) == .han }),
               kinds.count(where: { $0 == .han }) <= 1, !kinds.allSatisfy({ $0 == .chinesePunctuation || $0 == .replacement }) {
                continue
            }
            // A stretch whose only non-ASCII content is lost characters is left as it is and
            // reported: turning 銆� into � would only hide what it was. It still competes, by
            // what it most likely was, with stretches that begin before it.
            guard replacement.contains(where: { $0.value >= 0x80 && $0 != "\u{FFFD}" }) else {
                found.append(Candidate(edit: Edit(range: range, replacement: estimate, diagnosis: misreading.diagnosis, gain: -.infinity),
                                       end: end.byte, estimate: estimate, keepsInput: true))
                continue
            }
            var diagnosis = misreading.diagnosis
            // Mojibake of mojibake: the first undoing gives mojibake again (with the C1
            // controls of Latin-1 mojibake, which only the final text must be free of).
            var gain = isAcceptableText(replacement) ? self.gain(replacing: range, with: replacement) : -.infinity
            // A stretch signed only as out of step after a lost byte, or by its rare characters,
            // may be clean text (beside a U+FFFD, or classical), whose re-reading gives junk that
            // still beats it: its repair must be Chinese prose, with no letters or symbols but
            // ASCII the input had (a trail byte read alone is junk too), and not rare text
            // itself.
            if !misreading.isSigned(scalars[range], table: model.table),
               !replacement.allSatisfy({ isChineseProse($0) || $0.isASCII })
                || !Self.isSubsequence(replacement.filter(\.isASCII), of: scalars[range].filter(\.isASCII))
                || isRareText(replacement, score: Self.proseScore) {
                gain = -.infinity
            }
            // So may a stretch whose only odd characters are private-use ones: clean text from a
            // GBK source has them (its decoders write A3A0, a full-width space, as U+E5E5). Its
            // repair must be common Chinese, the ASCII between them aside (two symbols of a
            // private font around a number are no 玥(023)1234599疚).
            if !misreading.isSigned(scalars[range], table: model.table, countingPrivateUse: false),
               scalars[range].allSatisfy({ $0.isASCII || isCommonOrPrivateUse($0) }),
               !replacement.allSatisfy({ $0.isASCII || isCommonOrPrivateUse($0) }) {
                gain = -.infinity
            }
            // A UTF-8 reading makes ASCII the input lacked where the wrong decoder paired an ASCII
            // byte with the one before; a Chinese mark (“ls) or Chinese words come back beside
            // it. Two characters of a list of characters (婵婳) read so give a rare one and a
            // letter (濋O).
            if case .utf8 = misreading.original,
               !Self.isSubsequence(replacement.filter(\.isASCII), of: scalars[range].filter(\.isASCII)),
               !replacement.contains(where: { model.table.kind($0) == .chinesePunctuation }),
               replacement.count(where: { model.table.kind($0) == .han && !model.isRareHan($0) }) < 2 {
                gain = -.infinity
            }
            // GBK or Big5 read as windows-1252 gives bytes UTF-8 would make nothing of, but a
            // pair of them now and then is a UTF-8 character too (路 is C2 B7, ·): there it was
            // UTF-8, which the line's other mojibake shows (闪Â·陶姆, 首领ï¼Œ).
            // European text read so pairs an accented letter with the letter or space beside it
            // (« %s » as 珷%s牷, entrée as entr閑, « { » as «爗牷): rare Han characters, or ones
            // alone among Latin letters. Chinese read back makes a word: two common Han
            // characters side by side, or one beside a mark, inside the stretch or at its edge,
            // of bytes the input has (a guess for a U+FFFD makes a word of anything: �hëm as
            // 漢雖). (The word is asked first: it builds no string.)
            if case .latin = misreading.wrong, case .charset = misreading.original,
               !holdsChineseWord(replacement.indices.map { u in
                   if case .known = decoding.units[u] { return replacement[u] } else { return "\u{FFFD}" }
               }, after: range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil,
                  before: range.upperBound < scalars.count ? scalars[range.upperBound] : nil)
                || run.isShapedAsUTF8(start..<end.byte) { continue }
            // (Only UTF-8 mojibake is written back and misread again: undoing Big5-as-GBK inside
            // GBK-as-Big5 is the identity, and would let a long span swallow its neighbours.)
            if depth < Self.maximumDepth, case .utf8 = misreading.original, let deeper = undoAgain(replacement),
               isAcceptableText(deeper) {
                let deeperGain = self.gain(replacing: range, with: deeper)
                if deeperGain > gain {
                    replacement = deeper
                    gain = deeperGain
                    diagnosis = .doubleMojibake
                }
            }
            guard gain >= Self.minimumGain else { continue }
            // A Chinese line that shows accented letters' mojibake standing alone, touching no
            // letter, shows mojibake (無法顯示 “Ã©” 或 “Ã§”): a garbled European word has its
            // other letters beside the accented one (cafÃ©).
            if case .utf8 = misreading.original, standsApartFromLetters(replacement, replacing: range),
               facts.kindCounts[Int(CharacterTable.Kind.han.rawValue)] > 0 { continue }
            // Big5 and GBK misread as each other give Han characters, so a list of characters
            // (胡葫虎忽糊蝴弧, pycorrector's sound-alikes) reads a little better re-read as junk
            // (綵誥綺緇維說): 2 to 3 nats a character, where a garbled stretch gains 4 or more.
            if case .charset = misreading.original,
               gain < Self.minimumCrossGainPerCharacter * Double(range.count { !scalars[$0].isASCII }) { continue }
            // Nor are characters that stand alone between spaces, a corpus split into words
            // (pycantonese's 啱 啊 啱 啊): re-read one by one, rare words give common junk (曏 摆).
            // (A lead byte lost before an ASCII trail, �A for ，, is a pair of its own; and read
            // as Latin-1, each character of Big5 is a pair: 你瞧， as §AÁ@¡A.)
            if case .charset = misreading.wrong, case .charset = misreading.original, !range.contains(where: { scalars[$0] == "\u{FFFD}" }),
               !range.dropLast().contains(where: { !scalars[$0].isASCII && !scalars[$0 + 1].isASCII }) { continue }
            let unrecovered = replacement.count { $0 == "\u{FFFD}" }
            let chosen = (0..<end.units).count { u in
                if case .known = decoding.units[u] { return false }
                return text[u] != "\u{FFFD}"
            }
            if diagnosis == misreading.diagnosis {
                diagnosis = refine(diagnosis, input: scalars[range], replacement: replacement)
            }
            found.append(Candidate(edit: Edit(range: range, replacement: replacement, diagnosis: diagnosis, gain: gain,
                                              unrecovered: unrecovered, guessed: chosen, estimate: unrecovered > 0 ? estimate : nil),
                                   end: end.byte, estimate: diagnosis == .doubleMojibake ? replacement : estimate, keepsInput: false))
        }
        return (found, reach)
    }

    /// Whether `replacement` of the characters `range` is accented Latin letters and ASCII only,
    /// none of its accented letters beside an ASCII letter (in it, or just outside `range`).
    private func standsApartFromLetters(_ replacement: [Unicode.Scalar], replacing range: Range<Int>) -> Bool {
        let kinds = replacement.map { model.table.kind($0) }
        guard kinds.contains(.latinLetter), replacement.indices.allSatisfy({ replacement[$0].isASCII || kinds[$0] == .latinLetter }) else {
            return false
        }
        func isLetter(_ j: Int) -> Bool {
            let scalar = j < 0 ? (range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil)
                : j >= replacement.count ? (range.upperBound < scalars.count ? scalars[range.upperBound] : nil) : replacement[j]
            return scalar.map { $0.isASCII && $0.properties.isAlphabetic || model.table.kind($0) == .latinLetter } == true
        }
        return kinds.indices.allSatisfy { j in kinds[j] != .latinLetter || !isLetter(j - 1) && !isLetter(j + 1) }
    }

    /// Whether `text` sets two Han characters side by side, or a Han character beside a Chinese
    /// mark, none of them rare; or begins or ends with one such beside `previous` or `next`, a
    /// common Han character (測試 before ¡C, 。 once undone). (Not a mark outside: Europe's
    /// quotation marks are windows-1252's too, and „e” reads as 別”.)
    private func holdsChineseWord(_ text: [Unicode.Scalar], after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Bool {
        func isCommonHan(_ scalar: Unicode.Scalar) -> Bool { model.table.kind(scalar) == .han && !model.isRareHan(scalar) }
        func isMark(_ scalar: Unicode.Scalar) -> Bool { model.table.kind(scalar) == .chinesePunctuation }
        func isWord(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool { isCommonHan(a) && (isCommonHan(b) || isMark(b)) || isMark(a) && isCommonHan(b) }
        if let first = text.first, let previous, isCommonHan(previous), isWord(previous, first) { return true }
        if let last = text.last, let next, isCommonHan(next), isWord(last, next) { return true }
        return zip(text, text.dropFirst()).contains(where: isWord)
    }

    /// Whether `part` is `whole` with some elements left out (a lead byte's loss ends a pair
    /// with an ASCII byte: �A reads as ，).
    private static func isSubsequence(_ part: [Unicode.Scalar], of whole: [Unicode.Scalar]) -> Bool {
        var rest = whole[...]
        for scalar in part {
            guard let k = rest.firstIndex(of: scalar) else { return false }
            rest = rest[(k + 1)...]
        }
        return true
    }

    /// The more precise name of a repair: Latin-1 when the input has C1 controls but none of
    /// windows-1252's own characters, punctuation mojibake when only punctuation was garbled.
    private func refine(_ diagnosis: Diagnosis, input: ArraySlice<Unicode.Scalar>, replacement: [Unicode.Scalar]) -> Diagnosis {
        let table = model.table
        if diagnosis == .utf8AsWindows1252, input.contains(where: { (0x80...0x9F).contains($0.value) }),
           !input.contains(where: { Misreading.windows1252High[$0.value] != nil && $0.value > 0xFF }) {
            return .utf8AsLatin1
        }
        if replacement.allSatisfy({ table.kind($0) == .chinesePunctuation || $0 == "\u{FFFD}" }) {
            return .punctuationMojibake
        }
        return diagnosis
    }

    /// Whether repaired text is text: no controls or private-use characters (U+FFFD stands for
    /// an unrecovered character and is allowed).
    private func isAcceptableText(_ text: [Unicode.Scalar]) -> Bool {
        text.allSatisfy { scalar in
            switch model.table.kind(scalar) {
            case .control: return scalar == "\t"
            case .privateUse: return false
            default: return true
            }
        }
    }

    /// Repairs a repaired stretch once more, for mojibake of mojibake, while the line's
    /// ``undoBudget`` lasts.
    private func undoAgain(_ text: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let mojibake = CharacterTable.Signs.triggers.subtracting(.damage)
        guard text.contains(where: { !model.table.signs($0).isDisjoint(with: mojibake) }) else { return nil }
        return undoBudget.undoing(text) {
            var inner = LineRepair(scalars: text, model: model, options: options, depth: depth + 1)
            inner.run()
            return inner.edits.isEmpty ? nil : inner.repairedText().scalars
        }
    }

    // MARK: Decoding

    /// Decodes `run` from byte `start` as UTF-8 for as long as it is valid. An unknown byte
    /// inside a sequence may be any of `lostBytes` that completes a valid character and that
    /// `wrongDecoder` may have lost.
    private func decodeUTF8(_ run: Reencoding, from start: Int, lostBytes: [UInt8], wrongDecoder: LosingDecoder?,
                            keepingPrivateUse: Bool = false) -> Decoding {
        decode(run, from: start, keepingPrivateUse: keepingPrivateUse) { j in
            Self.utf8Sequence(run, at: j, lostBytes: lostBytes, wrongDecoder: wrongDecoder)
        }
    }

    /// Decodes `run` from byte `start` in a double-byte charset, pair by pair with ICU, for as
    /// long as it is valid. A lost byte may be any of `lostBytes` that makes a valid pair.
    ///
    /// A decoder that meets a pair it cannot read writes U+FFFD for the lead byte alone and goes
    /// on from the trail (Python's and the WHATWG decoders do): a lost lead followed by a known
    /// byte made a pair `wrongDecoder` cannot decode, which leaves few leads (GBK's 人 is C8 CB,
    /// a hole in Big5-HKSCS).
    private func decodeDoubleByte(_ run: Reencoding, from start: Int, charset: Charset, misreading: Misreading) -> Decoding {
        decode(run, from: start) { j in
            Self.doubleByteSequence(run, at: j, charset: charset, lostBytes: misreading.lostBytes,
                                    losesSingleBytes: misreading.losesSingleBytes, wrongDecoder: misreading.wrongDecoder)
        }
    }

    /// Decodes sequence after sequence with `sequence` (which returns the unit at a byte and
    /// its length, or nil where the bytes stop being valid), noting the input boundaries.
    /// Unless `keepingPrivateUse`, a private-use character ends the decoding; else the first one's
    /// start is noted.
    private func decode(_ run: Reencoding, from start: Int, keepingPrivateUse: Bool = false,
                        sequence: (Int) -> (unit: Unit, length: Int)?) -> Decoding {
        var result = Decoding()
        var multibyte = 0
        var j = start
        // A stretch longer than this is repaired in pieces: each piece is scored on its own,
        // which keeps a long line's work linear.
        let limit = min(run.count, start + Self.maximumStretch)
        while j < limit, let (unit, length) = sequence(j) {
            // A private-use character is never accepted in a repair: the stretch ends before it,
            // so that what follows it is repaired as a stretch of its own.
            if case let .known(scalar) = unit, model.table.kind(scalar) == .privateUse {
                guard keepingPrivateUse else { break }
                if result.privateUseStart == nil { result.privateUseStart = j }
            }
            result.units.append(unit)
            result.unitStarts.append(j)
            if length > 1 { multibyte += 1 }
            j += length
            if j == run.count || run.startsCharacter[j] {
                result.ends.append((j, result.units.count, multibyte))
            }
        }
        return result
    }

    /// The UTF-8 sequence at byte `j` of `run`.
    private static func utf8Sequence(_ run: Reencoding, at j: Int, lostBytes: [UInt8],
                                     wrongDecoder: LosingDecoder?) -> (unit: Unit, length: Int)? {
        // Whether the bytes after byte `k` go on with a Han character or a Chinese punctuation
        // mark: text the decoder read in the same stream, where clean Chinese pasted after a
        // garbled mark re-encodes to GBK pairs that seldom form one. A character that lost a
        // byte itself counts when it can only be Han, since marks garbled one by one each lose
        // one; after a Han character that lost a byte, a mark that lost one counts too, since
        // the decoder read the Han character, so the text was not garbled mark by mark.
        func continuesGarbled(after k: Int, fromHan: Bool) -> Bool {
            guard k + 3 < run.count, !run.isUnknown(k + 1) else { return false }
            var lowest = Array(run.bytes[(k + 1)...(k + 3)]), highest = lowest
            var ranges = Self.chineseTextRanges
            for m in 1...2 {
                if run.isUnknown(k + 1 + m) {
                    (lowest[m], highest[m]) = (0x80, 0xBF)
                    if !fromHan { ranges = [Self.hanRange] }
                } else if run.bytes[k + 1 + m] & 0xC0 != 0x80 {
                    return false
                }
            }
            guard let low = utf8Scalar(lowest), let high = utf8Scalar(highest) else { return false }
            return ranges.contains { $0.contains(low.value) && $0.contains(high.value) }
        }
        // The bytes that may stand at unknown byte `k`, where byte `k + 1` was read in the same
        // stream: those the wrong decoder could have lost before it, if any fits. (The byte after
        // a character's last may begin clean text pasted after a mark garbled on its own.)
        func candidates(at k: Int, among bytes: [UInt8]) -> [UInt8] {
            guard let wrongDecoder, k + 1 < run.count, !run.isUnknown(k + 1) else { return bytes }
            let next = run.bytes[k + 1]
            let possible = bytes.filter { wrongDecoder.mayLose($0, before: next) }
            return possible.isEmpty ? bytes : possible
        }
        if let options = run.droppedOptions[j] {
            let length = run.bytes[j] >= 0xF0 ? 4 : run.bytes[j] >= 0xE0 ? 3 : 2
            guard !options.isEmpty, j + length <= run.count else { return nil }
            return (options.count == 1 ? .known(options[0]) : .choice(options), length)
        }
        if run.isLost[j] {
            // A lost lead byte: the continuation bytes after it say how long the sequence was.
            var k = 0
            while j + 1 + k < run.count && k < 3 && !run.isUnknown(j + 1 + k) && run.bytes[j + 1 + k] & 0xC0 == 0x80 { k += 1 }
            guard k > 0 else { return nil }
            let leads: ClosedRange<UInt8> = k == 1 ? 0xC2...0xDF : k == 2 ? 0xE0...0xEF : 0xF0...0xF4
            let tail = Array(run.bytes[(j + 1)...(j + k)])
            let options = candidates(at: j, among: lostBytes.filter { leads.contains($0) }).compactMap { utf8Scalar([$0] + tail) }
            guard !options.isEmpty else { return nil }
            return (options.count == 1 ? .known(options[0]) : .choice(options), k + 1)
        }
        let lead = run.bytes[j]
        if lead < 0x80 { return (.known(Unicode.Scalar(lead)), 1) }
        let length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
        guard length > 0, j + length <= run.count else { return nil }
        var unknown: [Int] = []
        for k in 1..<length {
            if run.isUnknown(j + k) {
                unknown.append(k)
            } else if run.bytes[j + k] & 0xC0 != 0x80 {
                return nil
            }
        }
        var bytes = Array(run.bytes[j..<(j + length)])
        switch unknown.count {
        case 0:
            return utf8Scalar(bytes).map { (.known($0), length) }
        case 1, 2:
            // Every way of filling the unknown bytes with continuation bytes that may be lost.
            let continuations = lostBytes.filter { $0 & 0xC0 == 0x80 }
            var lowest = bytes, highest = bytes
            for k in unknown { (lowest[k], highest[k]) = (0x80, 0xBF) }
            let isHan = [lowest, highest].allSatisfy { utf8Scalar($0).map { Self.hanRange.contains($0.value) } ?? false }
            let choices = unknown.map { k in
                k < length - 1 || continuesGarbled(after: j + k, fromHan: isHan) ? candidates(at: j + k, among: continuations) : continuations
            }
            // Two unknown bytes in a row were both lost only if the decoder could read neither
            // with the byte after it: it went on from the second after rejecting the first.
            let pairedUnknown = unknown.count == 2 && unknown[1] == unknown[0] + 1 ? wrongDecoder : nil
            var options: [Unicode.Scalar] = [], unpaired: [Unicode.Scalar] = []
            func fill(_ k: Int) {
                guard k < unknown.count else {
                    guard let scalar = utf8Scalar(bytes) else { return }
                    if let decoder = pairedUnknown, !decoder.mayLose(bytes[unknown[0]], before: bytes[unknown[1]]) {
                        unpaired.append(scalar)
                    } else {
                        options.append(scalar)
                    }
                    return
                }
                for byte in choices[k] {
                    bytes[unknown[k]] = byte
                    fill(k + 1)
                }
            }
            fill(0)
            if options.isEmpty { options = unpaired }
            guard !options.isEmpty else { return nil }
            return (options.count == 1 ? .known(options[0]) : .choice(options), length)
        default:
            return (.lost, length)
        }
    }

    /// The double-byte sequence at byte `j` of `run`.
    private static func doubleByteSequence(_ run: Reencoding, at j: Int, charset: Charset, lostBytes: [UInt8],
                                           losesSingleBytes: Bool, wrongDecoder: LosingDecoder?) -> (unit: Unit, length: Int)? {
        if !run.isLost[j] && run.bytes[j] < 0x80 { return (.known(Unicode.Scalar(run.bytes[j])), 1) }
        // (Where the wrong decoder loses no byte, a U+FFFD or a '?' is none of the text's.)
        guard j + 1 < run.count, !lostBytes.isEmpty || !run.isLost[j] && !run.isUnknown(j + 1) else { return nil }
        if let pairs = run.pairOptions[j] {
            var options: [Unicode.Scalar] = []
            for (lead, trail) in pairs {
                if let scalar = charset.decodePair(lead, trail), !options.contains(scalar) { options.append(scalar) }
            }
            guard !options.isEmpty else { return nil }
            return (options.count == 1 ? .known(options[0]) : .choice(options), 2)
        }
        let options: [Unicode.Scalar]
        switch (run.isLost[j], run.isUnknown(j + 1)) {
        case (false, false):
            return charset.decodePair(run.bytes[j], run.bytes[j + 1]).map { (.known($0), 2) }
        case (true, false):
            let trail = run.bytes[j + 1]
            options = lostBytes.compactMap { lead in
                if let wrongDecoder, !wrongDecoder.mayLose(lead, before: trail) { return nil }
                return charset.decodePair(lead, trail)
            }
        case (false, true):
            // The lost byte was where the wrong decoder tried a pair with the byte after it.
            let next: UInt8? = j + 2 < run.count && !run.isUnknown(j + 2) ? run.bytes[j + 2] : nil
            // A single-byte decoder lost only bytes it leaves undefined; a double-byte one lost
            // the trail with the lead it could not pair it with, so any trail.
            options = (losesSingleBytes ? lostBytes : Array(0x40...0xFE)).compactMap { trail in
                if let wrongDecoder, let next, !wrongDecoder.mayLose(trail, before: next) { return nil }
                return charset.decodePair(run.bytes[j], trail)
            }
        case (true, true):
            // Two bytes a single-byte decoder lost are a pair of its few undefined bytes.
            guard losesSingleBytes else { return (.lost, 2) }
            options = lostBytes.flatMap { lead in lostBytes.compactMap { charset.decodePair(lead, $0) } }
        }
        guard !options.isEmpty else { return nil }
        return (options.count == 1 ? .known(options[0]) : .choice(options), 2)
    }

    /// The three-byte characters of Chinese text: general punctuation (“ ” …), CJK symbols
    /// and punctuation (。、《》), the unified ideographs and the full-width forms (，：！).
    static let chineseTextRanges: [ClosedRange<UInt32>] = [0x2000...0x206F, 0x3000...0x303F, hanRange, 0xFF00...0xFFEF]
    /// The CJK unified ideographs of the BMP.
    static let hanRange: ClosedRange<UInt32> = 0x4E00...0x9FFF

    /// The scalar a complete UTF-8 sequence encodes, or nil if it is ill-formed.
    static func utf8Scalar(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case let .scalarValue(scalar) = decoder.decode(&iterator), iterator.next() == nil else { return nil }
        return scalar
    }

    // MARK: Choosing lost bytes

    /// Turns units into text, choosing for each lost byte the character that reads best in
    /// context, with `openQuotes` quotations open where the units begin; a character no
    /// candidate clearly wins becomes U+FFFD. Choices close to each other are made together, so
    /// that two lost bytes in one word are chosen as a word; a second round retries what the
    /// first left open, with its neighbours now chosen. `guess` is the text with the best
    /// option in place of each U+FFFD of a choice, for weighing the stretch against others.
    /// The units replace the line's characters `stretch`; the line goes on after it, or with
    /// `marksAfter` where a longer reading showed them.
    private func resolve(_ units: [Unit], lineBefore: [Unicode.Scalar], chosenBefore: [Bool], replacing stretch: Range<Int>, marksAfter: [Unicode.Scalar] = [],
                         openQuotes: Int) -> (text: [Unicode.Scalar], guess: [Unicode.Scalar]) {
        let end = stretch.upperBound
        var text: [Unicode.Scalar] = units.map { unit in
            if case let .known(scalar) = unit { return scalar }
            return "\u{FFFD}"
        }
        var open = units.indices.filter { if case .choice = units[$0] { true } else { false } }
        let lean = scriptLean(units, replacing: stretch)
        var guess = text
        for _ in 0..<2 where !open.isEmpty {
            var isOpen = [Bool](repeating: false, count: units.count)
            for u in open { isOpen[u] = true }
            var c = 0
            var stillOpen: [Int] = []
            while c < open.count {
                // A cluster: open choices with at most one character between neighbours.
                var cluster = [open[c]]
                c += 1
                while c < open.count && open[c] - cluster.last! <= 2 && cluster.count < 4 {
                    cluster.append(open[c])
                    c += 1
                }
                let chosen = choose(cluster, units: units, text: text, isOpen: isOpen, lineBefore: lineBefore, chosenBefore: chosenBefore,
                                    after: end, marksAfter: marksAfter, lean: lean,
                                    openQuotes: openQuotes)
                for (n, u) in cluster.enumerated() {
                    guess[u] = chosen[n].best
                    if let scalar = chosen[n].chosen {
                        text[u] = scalar
                        isOpen[u] = false
                    } else {
                        stillOpen.append(u)
                    }
                }
            }
            open = stillOpen
        }
        for u in open { text[u] = "\u{FFFD}" }
        return (text, guess)
    }

    /// Chooses the characters of a cluster of choices: every combination of the shortlisted
    /// options is scored in context, and each choice is made where the best combination beats
    /// every combination that differs there by ``choiceMargin``; `best` is the best
    /// combination's pick either way (U+FFFD when there is none).
    private func choose(_ cluster: [Int], units: [Unit], text: [Unicode.Scalar], isOpen: [Bool], lineBefore: [Unicode.Scalar], chosenBefore: [Bool],
                        after end: Int, marksAfter: [Unicode.Scalar], lean: PlausibilityScore.ChineseScript,
                        openQuotes initialQuotes: Int) -> [(chosen: Unicode.Scalar?, best: Unicode.Scalar)] {
        let perChoice = [16, 8, 5, 3][cluster.count - 1]
        let options = cluster.map { u -> [Unicode.Scalar] in
            guard case let .choice(all) = units[u] else { return [] }
            return shortlist(all, count: perChoice, lean: lean)
        }
        let none = cluster.map { _ in (chosen: Unicode.Scalar?.none, best: Unicode.Scalar("\u{FFFD}")) }
        guard options.allSatisfy({ !$0.isEmpty }) else { return none }
        let first = cluster.first!, last = cluster.last!
        var leftText: [Unicode.Scalar] = []
        for u in stride(from: first - 1, through: 0, by: -1) where leftText.count < Self.contextLength {
            guard !isOpen[u] else { break }
            leftText.insert(text[u], at: 0)
        }
        let before = Array((lineBefore.suffix(Self.contextLength) + leftText).suffix(Self.contextLength))
        // The `limit` characters after the cluster, up to the next open choice, and whether
        // they reach past the stretch (where the line goes on with its own characters).
        func lookAhead(_ limit: Int, showingMarks: Bool = false) -> (text: [Unicode.Scalar], reachesEnd: Bool) {
            var after: [Unicode.Scalar] = []
            for u in (last + 1)..<units.count {
                guard !isOpen[u], after.count < limit else {
                    // (An open choice among marks still ends the clause: shown as the mark
                    // garbled on its own, 銆 for 、。「」, so that the next item's length is seen.)
                    if showingMarks, isOpen[u], let garbled = garbledForm(of: units[u]) { after.append(garbled) }
                    return (after, false)
                }
                after.append(text[u])
            }
            after += marksAfter.isEmpty ? scalars[end..<min(scalars.count, end + limit - after.count)]
                : marksAfter.prefix(limit - after.count)
            return (after, true)
        }
        let (after, reachesEnd) = lookAhead(Self.contextLength)
        // Further on, for what the next clause is like (an enumeration's next item).
        let following = lookAhead(Self.clauseLookAhead, showingMarks: true).text
        let endsLine = reachesEnd && marksAfter.isEmpty && end == scalars.count
        let startsLine = first == 0 && lineBefore.isEmpty
        // Whether an opening mark that begins the line may be closed further on: by its
        // partner, by an open choice that may be it, or by a mark garbled as it would be.
        // (Asked of every combination of picks, answered once per mark.)
        var closedAheadFor: [Unicode.Scalar: Bool] = [:]
        func closedAhead(_ scalar: Unicode.Scalar) -> Bool {
            if let known = closedAheadFor[scalar] { return known }
            let closed = findClosedAhead(scalar)
            closedAheadFor[scalar] = closed
            return closed
        }
        func findClosedAhead(_ scalar: Unicode.Scalar) -> Bool {
            guard let (partner, opens) = Self.markPartner(scalar), opens else { return false }
            for u in (first + 1)..<units.count {
                if isOpen[u], case let .choice(all) = units[u] {
                    if all.contains(partner) { return true }
                } else if text[u] == partner {
                    return true
                }
            }
            let bytes = Array(String(partner).utf8)
            let garbled = Charset.gbk.decodePair(bytes[0], bytes[1])
            return scalars[end...].contains { $0 == partner || $0 == garbled }
        }
        // The clause before the cluster: back to the previous clause mark (looking a sentence back).
        let textBefore = Array(lineBefore.suffix(40)) + text[..<first]
        // Whether the character at `k` of `textBefore` and the cluster after it was chosen for
        // lost bytes, here or by a repair before this stretch (`chosenBefore`, beside `lineBefore`).
        let stretchStart = textBefore.count - first
        func isChosen(_ k: Int) -> Bool {
            guard k >= stretchStart else { return chosenBefore[chosenBefore.count - stretchStart + k] }
            guard case .choice = units[k - stretchStart] else { return false }
            return true
        }
        let clauseBefore = Array(clause(endingAt: textBefore))
        let openQuotes = quoteBalance(text[..<first], from: initialQuotes)
        // (Over the line as repaired so far: the stretches before this one chose their marks.)
        var unclosedBefore: [Unicode.Scalar] = []
        let lineSoFar = lineBefore + text[..<first]
        for scalar in lineSoFar { Self.track(scalar, unclosed: &unclosedBefore) }
        let parenthesesBefore = Self.parenthesisBalance(lineSoFar, from: 0)
        let quotedBefore = lineSoFar.contains(where: Self.opensQuotation)
        // What an opening mark's partner would enclose, where it comes within a short span
        // after the cluster, before any clause mark: as a character, as an open choice that may
        // be it, or as a mark garbled on its own further on whose first two bytes are the
        // partner's (銆 for 」, read as GBK), before any other garbled mark; and the two
        // characters after the partner, as far as they are known.
        // (Asked of every combination of picks, answered once per partner.)
        var spansAhead: [Unicode.Scalar: BracketSpan?] = [:]
        func spanAhead(closedBy partner: Unicode.Scalar) -> BracketSpan? {
            if let known = spansAhead[partner] { return known }
            let span = findSpanAhead(closedBy: partner)
            spansAhead[partner] = .some(span)
            return span
        }
        func findSpanAhead(closedBy partner: Unicode.Scalar) -> BracketSpan? {
            let bytes = Array(String(partner).utf8)
            let garbled = bytes.count == 3 ? Charset.gbk.decodePair(bytes[0], bytes[1]) : nil
            var span: [Unicode.Scalar] = []
            func ends(_ scalar: Unicode.Scalar) -> Bool? {
                if scalar == partner { return true }
                span.append(scalar)
                return Self.clauseMarks.contains(scalar) || !isShortSpan(span) ? false : nil
            }
            let rest: ArraySlice<Unicode.Scalar> = marksAfter.isEmpty ? scalars[end...] : marksAfter[...]
            for u in (last + 1)..<units.count {
                if isOpen[u] {
                    guard case let .choice(all) = units[u], all.contains(partner) else { return nil }
                    // (After an open choice, only the known characters up to the next one.)
                    let after = u + 1 == units.count ? Array(rest.prefix(2)) : Array(text[(u + 1)...].prefix { $0 != "\u{FFFD}" }.prefix(2))
                    return BracketSpan(content: span, after: after)
                }
                if let found = ends(text[u]) { return found ? BracketSpan(content: span, after: Array(text[(u + 1)...].prefix(2))) : nil }
            }
            for (k, scalar) in zip(rest.indices, rest) {
                // (The garbled partner is two characters: 銆 and what its lost byte left.)
                if scalar == garbled {
                    let lost = k + 1 < rest.endIndex && rest[k + 1] == "\u{FFFD}"
                    return BracketSpan(content: span, after: lost ? Array(rest[(k + 2)...].prefix(2)) : [])
                }
                if model.table.signs(scalar).contains(.gbkPunctuationMojibake) || scalar == "\u{FFFD}" { return nil }
                if let found = ends(scalar) { return found ? BracketSpan(content: span, after: Array(rest[(k + 1)...].prefix(2))) : nil }
            }
            return nil
        }
        // (Every option, not the shortlist: a word the lexicon knows may end with a rarer one.)
        var allOptions: [Int: [Unicode.Scalar]] = [:]
        for u in cluster { if case let .choice(all) = units[u] { allOptions[u] = all } }
        var results: [(score: Double, picks: [Unicode.Scalar])] = []
        var picks = [Unicode.Scalar](repeating: " ", count: cluster.count)
        func search(_ k: Int) {
            guard k < cluster.count else {
                var middle = Array(text[first...last])
                for (n, u) in cluster.enumerated() { middle[u - first] = picks[n] }
                var score = model.score(before + middle + after)
                var quotes = openQuotes
                var unclosed = unclosedBefore
                var parentheses = parenthesesBefore
                var quoted = quotedBefore
                for (n, scalar) in middle.enumerated() {
                    let next = n + 1 < middle.count ? middle[n + 1] : after.first
                    let previous = n > 0 ? middle[n - 1] : before.last
                    // (A partner picked in the cluster itself comes first.)
                    func ahead(_ partner: Unicode.Scalar) -> BracketSpan? {
                        Self.span(in: middle[(n + 1)...], closedBy: partner, then: after) ?? spanAhead(closedBy: partner)
                    }
                    score += quoteBias(scalar, after: previous, openQuotes: quotes, innermost: unclosed.last, quotedBefore: quoted)
                        + scriptBias(scalar, lean: lean)
                        + punctuationBias(scalar, next: next, clause: Array(clause(endingAt: clauseBefore + middle[..<n])),
                                          openQuotes: quotes, nextSegment: segmentLength(middle[(n + 1)...] + after),
                                          markBefore: mark(before: textBefore + middle[..<n], chosen: isChosen), following: Array(middle[(n + 1)...] + following))
                        + pairingBias(scalar, unclosed: unclosed.last)
                        + numberBias(scalar, after: previous, following: Array(middle[(n + 1)...] + following))
                        + tokenBias(scalar, before: textBefore + middle[..<n], following: middle[(n + 1)...] + following,
                                    options: allOptions[first + n] ?? [])
                        + bracketBias(scalar, openParentheses: parentheses, before: textBefore + middle[..<n], spanAhead: ahead)
                        + spanBias(scalar, before: textBefore + middle[..<n], innermost: unclosed.last, spanAhead: ahead)
                    quotes = quoteBalance([scalar], from: quotes)
                    parentheses = Self.parenthesisBalance([scalar], from: parentheses)
                    Self.track(scalar, unclosed: &unclosed)
                    quoted = quoted || Self.opensQuotation(scalar)
                }
                if endsLine { score += lineEndBias(ofText: middle + after) }
                if startsLine { score += lineStartBias(middle[0], closedAhead: closedAhead(middle[0])) }
                // Of two forms of one character, the one conversion writes (說, not 説).
                score -= Self.variantCost * Double(picks.count(where: model.isVariant))
                results.append((score, picks))
                return
            }
            for option in options[k] {
                picks[k] = option
                search(k + 1)
            }
        }
        search(0)
        guard let best = results.max(by: { $0.score < $1.score }) else { return none }
        return cluster.indices.map { n in
            // A rare variant of the chosen character is no rival: the text means the same.
            let rival = results.filter { result in
                result.picks[n] != best.picks[n] && !(model.isVariant(result.picks[n])
                    && model.simplifiedForm(of: result.picks[n]) == model.simplifiedForm(of: best.picks[n]))
            }.max { $0.score < $1.score }
            // (What is at stake is the best pick against its rival: a rare character that
            // scored below both does not make a choice between two marks one of words.)
            let stakes = [best.picks[n]] + (rival.map { [$0.picks[n]] } ?? options[n])
            var margin = stakes.contains(where: { Self.wordKinds.contains(model.table.kind($0)) }) ? Self.choiceMargin
                : Self.punctuationChoiceMargin
            // Between two clause marks (唉，or 唉！) even a tie is decided, for the commoner
            // mark, which the options list first: either keeps the sentence readable.
            if let rival, Self.clauseMarks.contains(best.picks[n]) && Self.clauseMarks.contains(rival.picks[n]) { margin = 0 }
            return (best.score - (rival?.score ?? -.infinity) >= margin ? best.picks[n] : nil, best.picks[n])
        }
    }

    /// The span `middle` holds up to `partner`, picked in the same cluster (「-」 garbled whole):
    /// nil where a clause mark comes first or `middle` ends, or where the span closes something
    /// else (「下」) picked as 「下《)》).
    private static func span(in middle: ArraySlice<Unicode.Scalar>, closedBy partner: Unicode.Scalar,
                             then after: [Unicode.Scalar]) -> BracketSpan? {
        guard let end = middle.firstIndex(where: { $0 == partner || clauseMarks.contains($0) }), middle[end] == partner else { return nil }
        let content = middle[..<end]
        guard !content.contains(where: { $0 == ")" || $0 == "）" || closingQuotes.contains($0) }) else { return nil }
        return BracketSpan(content: Array(content), after: Array((middle[(end + 1)...] + after).prefix(2)))
    }

    /// How a choice among marks looks garbled on its own, where all its options share their
    /// first two bytes of UTF-8 and those read as GBK are such a sign (銆 for 、。「」).
    private func garbledForm(of unit: Unit) -> Unicode.Scalar? {
        guard case let .choice(options) = unit, let first = options.first, model.table.kind(first) == .chinesePunctuation else { return nil }
        let lead = Array(String(first).utf8.prefix(2))
        guard lead.count == 2, options.allSatisfy({ Array(String($0).utf8.prefix(2)) == lead }) else { return nil }
        let garbled = Self.garbledLead(of: first)
        return model.table.signs(garbled).contains(.gbkPunctuationMojibake) ? garbled : nil
    }

    /// The clause `text` ends with: what follows its last clause mark (or mark garbled on its
    /// own, 锛� or 銆�, which still ends a clause).
    private func clause(endingAt text: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        let start = text.lastIndex(where: {
            Self.clauseMarks.contains($0) || $0 == "\u{FFFD}" || model.table.signs($0).contains(.gbkPunctuationMojibake)
        }).map { $0 + 1 } ?? 0
        return text[start...]
    }

    /// The clause mark that ends the clause before the one `text` ends with, if any, and
    /// whether it was `chosen` for lost bytes. (Not the 、 of a list's number, which begins a
    /// sentence rather than an enumeration: １、服务很差。)
    private func mark(before text: [Unicode.Scalar], chosen: (Int) -> Bool) -> MarkBefore? {
        let start = clause(endingAt: text).startIndex
        guard start > 0, Self.clauseMarks.contains(text[start - 1]),
              !(text[start - 1] == "、" && start >= 2 && Self.isDigit(text[start - 2])) else { return nil }
        return MarkBefore(mark: text[start - 1], chosen: chosen(start - 1))
    }

    /// What a Traditional variant conversion never writes costs against its standard form.
    static let variantCost = 0.5

    /// The `count` options most plausible on their own (acceptable text only).
    private func shortlist(_ options: [Unicode.Scalar], count: Int, lean: PlausibilityScore.ChineseScript) -> [Unicode.Scalar] {
        let acceptable = options.filter { isAcceptableText([$0]) }
        guard acceptable.count > count else { return acceptable }
        return acceptable.map { ($0, model.characterScore($0) + scriptBias($0, lean: lean)) }
            .sorted { $0.1 > $1.1 }.prefix(count).map(\.0)
    }

    /// Which Chinese script the line leans to with the known characters of `units` in place of
    /// its characters `stretch`: garbled characters lean to Traditional whatever the line was
    /// (鍏 鐨 濂; GBK read as Big5: ㄛ 涴 岆), so they do not count.
    private func scriptLean(_ units: [Unit], replacing stretch: Range<Int>) -> PlausibilityScore.ChineseScript {
        var traditional = facts.traditional, simplified = facts.simplified
        for scalar in scalars[stretch] {
            switch model.script(of: scalar) {
            case .traditional: traditional -= 1
            case .simplified: simplified -= 1
            case .both: break
            }
        }
        for unit in units {
            guard case let .known(scalar) = unit else { continue }
            switch model.script(of: scalar) {
            case .traditional: traditional += 1
            case .simplified: simplified += 1
            case .both: break
            }
        }
        if traditional >= simplified + 2 { return .traditional }
        if simplified >= traditional + 2 { return .simplified }
        return .both
    }

    /// Characters of the other script read badly in a text that leans to one.
    private func scriptBias(_ scalar: Unicode.Scalar, lean: PlausibilityScore.ChineseScript) -> Double {
        guard lean != .both else { return 0 }
        let script = model.script(of: scalar)
        return script != .both && script != lean ? -3 : 0
    }
}
