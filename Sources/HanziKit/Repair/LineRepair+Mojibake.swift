extension LineRepair {
    /// The smallest gain (nats) at which a candidate is kept. Real repairs gain far more: one
    /// garbled quotation mark gains 20 or more, a garbled sentence hundreds.
    static let minimumGain = 8.0
    /// The gain at which a run is repaired although none of its characters is typical of the
    /// misreading (a garbled run without punctuation).
    static let strongGain = 24.0
    /// How much better than the runner-up the best candidate for a lost byte must score to be
    /// chosen; otherwise the character is left as U+FFFD.
    static let choiceMargin = 2.0
    /// How many levels of mojibake-of-mojibake are undone.
    static let maximumDepth = 2

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
    }

    /// Proposals that undo mojibake, from every misreading.
    func mojibakeEdits(protecting protected: [Range<Int>]) -> [Edit] {
        var proposals: [Edit] = []
        for misreading in Misreading.all {
            let runs = Reencoding.runs(of: scalars, utf8: utf8, offsets: offsets, wrong: misreading.wrong, protected: protected)
            for run in runs {
                proposals += edits(in: run, misreading: misreading)
            }
        }
        return proposals
    }

    /// Finds the garbled stretches of one re-encoded run, left to right.
    private func edits(in run: Reencoding, misreading: Misreading) -> [Edit] {
        var proposals: [Edit] = []
        var i = 0
        while i < run.count {
            guard run.startsCharacter[i], run.bytes[i] >= 0x80 || run.isLost[i] else {
                i += 1
                continue
            }
            // Try the first few starts: the first character may be clean text that happens to
            // encode to bytes the original decoder accepts.
            var best: Edit? = nil
            var bestEnd = 0
            var starts = 0
            var s = i
            while s < run.count && starts < 3 {
                if run.startsCharacter[s] {
                    starts += 1
                    for (edit, end) in candidates(in: run, from: s, misreading: misreading) where edit.gain > (best?.gain ?? -.infinity) {
                        best = edit
                        bestEnd = end
                    }
                }
                s += 1
            }
            if let best, best.gain >= Self.minimumGain {
                proposals.append(best)
                i = bestEnd
            } else {
                i += 1
            }
        }
        return proposals
    }

    /// The candidate repairs of the stretch starting at byte `start` of `run`, one per
    /// plausible end, with the byte where each ends.
    private func candidates(in run: Reencoding, from start: Int, misreading: Misreading) -> [(Edit, Int)] {
        let decoding: Decoding
        switch misreading.original {
        case .utf8: decoding = decodeUTF8(run, from: start, lostBytes: misreading.lostBytes)
        case .charset(let charset): decoding = decodeDoubleByte(run, from: start, charset: charset, lostBytes: misreading.lostBytes)
        }
        var result: [(Edit, Int)] = []
        for end in decoding.ends.suffix(3) where end.multibyte > 0 {
            var units = Array(decoding.units[0..<end.units])
            var byteEnd = end.byte
            // Bytes lost at the end of a stretch are left as they are (and reported), not
            // turned into U+FFFD.
            while case .lost = units.last ?? .known(" ") {
                byteEnd = decoding.unitStarts[units.count - 1]
                units.removeLast()
            }
            guard !units.isEmpty, byteEnd > start, byteEnd == run.count || run.startsCharacter[byteEnd] else { continue }
            var range = run.characters(start, byteEnd)
            guard range.count >= 2 else { continue }
            var (replacement, unrecovered) = resolve(units, before: range.lowerBound, atLineEnd: range.upperBound == scalars.count)
            // Trailing ASCII decodes to itself: leave it outside the edit.
            while let last = replacement.last, last.value < 0x80, range.count > 1, scalars[range.upperBound - 1] == last {
                replacement.removeLast()
                range = range.lowerBound..<(range.upperBound - 1)
            }
            guard !replacement.isEmpty, isAcceptableText(replacement) else { continue }
            var diagnosis = misreading.diagnosis
            var gain = self.gain(replacing: range, with: replacement)
            if depth < Self.maximumDepth, let deeper = undoAgain(replacement) {
                let deeperGain = self.gain(replacing: range, with: deeper.text)
                if deeperGain > gain {
                    replacement = deeper.text
                    unrecovered += deeper.unrecovered
                    gain = deeperGain
                    diagnosis = .doubleMojibake
                }
            }
            let hasSign = scalars[range].contains { !model.table.signs($0).isDisjoint(with: misreading.signs) }
            guard gain >= (hasSign ? Self.minimumGain : Self.strongGain) else { continue }
            if diagnosis == misreading.diagnosis {
                diagnosis = refine(diagnosis, input: scalars[range], replacement: replacement)
            }
            result.append((Edit(range: range, replacement: replacement, diagnosis: diagnosis, gain: gain,
                                unrecovered: unrecovered), byteEnd))
        }
        return result
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

    /// Repairs a repaired stretch once more, for mojibake of mojibake.
    private func undoAgain(_ text: [Unicode.Scalar]) -> (text: [Unicode.Scalar], unrecovered: Int)? {
        let mojibake = CharacterTable.Signs.triggers.subtracting(.damage)
        guard text.contains(where: { !model.table.signs($0).isDisjoint(with: mojibake) }) else { return nil }
        var inner = LineRepair(scalars: text, model: model, options: options, depth: depth + 1)
        inner.run()
        guard !inner.edits.isEmpty else { return nil }
        return (inner.repairedText().scalars, inner.edits.reduce(0) { $0 + $1.unrecovered })
    }

    // MARK: Decoding

    /// Decodes `run` from byte `start` as UTF-8 for as long as it is valid. An unknown byte
    /// inside a sequence may be any of `lostBytes` that completes a valid character.
    private func decodeUTF8(_ run: Reencoding, from start: Int, lostBytes: [UInt8]) -> Decoding {
        decode(run, from: start) { j in Self.utf8Sequence(run, at: j, lostBytes: lostBytes) }
    }

    /// Decodes `run` from byte `start` in a double-byte charset, pair by pair with ICU, for as
    /// long as it is valid. A lost byte may be any of `lostBytes` that makes a valid pair.
    private func decodeDoubleByte(_ run: Reencoding, from start: Int, charset: Charset, lostBytes: [UInt8]) -> Decoding {
        decode(run, from: start) { j in Self.doubleByteSequence(run, at: j, charset: charset, lostBytes: lostBytes) }
    }

    /// Decodes sequence after sequence with `sequence` (which returns the unit at a byte and
    /// its length, or nil where the bytes stop being valid), noting the input boundaries.
    private func decode(_ run: Reencoding, from start: Int, sequence: (Int) -> (unit: Unit, length: Int)?) -> Decoding {
        var result = Decoding()
        var multibyte = 0
        var j = start
        while j < run.count, let (unit, length) = sequence(j) {
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
    private static func utf8Sequence(_ run: Reencoding, at j: Int, lostBytes: [UInt8]) -> (unit: Unit, length: Int)? {
        if run.isLost[j] {
            // A lost lead byte: the continuation bytes after it say how long the sequence was.
            var k = 0
            while j + 1 + k < run.count && k < 3 && !run.isUnknown(j + 1 + k) && run.bytes[j + 1 + k] & 0xC0 == 0x80 { k += 1 }
            guard k > 0 else { return nil }
            let leads: ClosedRange<UInt8> = k == 1 ? 0xC2...0xDF : k == 2 ? 0xE0...0xEF : 0xF0...0xF4
            let tail = Array(run.bytes[(j + 1)...(j + k)])
            let options = lostBytes.filter { leads.contains($0) }.compactMap { utf8Scalar([$0] + tail) }
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
            var options: [Unicode.Scalar] = []
            func fill(_ k: Int) {
                guard k < unknown.count else {
                    if let scalar = utf8Scalar(bytes) { options.append(scalar) }
                    return
                }
                for byte in continuations {
                    bytes[unknown[k]] = byte
                    fill(k + 1)
                }
            }
            fill(0)
            guard !options.isEmpty else { return nil }
            return (options.count == 1 ? .known(options[0]) : .choice(options), length)
        default:
            return (.lost, length)
        }
    }

    /// The double-byte sequence at byte `j` of `run`.
    private static func doubleByteSequence(_ run: Reencoding, at j: Int, charset: Charset, lostBytes: [UInt8]) -> (unit: Unit, length: Int)? {
        if !run.isLost[j] && run.bytes[j] < 0x80 { return (.known(Unicode.Scalar(run.bytes[j])), 1) }
        guard j + 1 < run.count else { return nil }
        let options: [Unicode.Scalar]
        switch (run.isLost[j], run.isUnknown(j + 1)) {
        case (false, false):
            return decodePair(run.bytes[j], run.bytes[j + 1], charset).map { (.known($0), 2) }
        case (true, false):
            options = lostBytes.compactMap { decodePair($0, run.bytes[j + 1], charset) }
        case (false, true):
            options = (UInt8(0x40)...0xFE).compactMap { decodePair(run.bytes[j], $0, charset) }
        case (true, true):
            return (.lost, 2)
        }
        guard !options.isEmpty else { return nil }
        return (options.count == 1 ? .known(options[0]) : .choice(options), 2)
    }

    /// The scalar a complete UTF-8 sequence encodes, or nil if it is ill-formed.
    static func utf8Scalar(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case let .scalarValue(scalar) = decoder.decode(&iterator), iterator.next() == nil else { return nil }
        return scalar
    }

    /// The character a two-byte sequence decodes to in `charset` (ICU, strict), or nil.
    static func decodePair(_ lead: UInt8, _ trail: UInt8, _ charset: Charset) -> Unicode.Scalar? {
        let pair = [lead, trail]
        let decoded: Unicode.Scalar? = pair.withUnsafeBufferPointer { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { output in
                guard let length = try? charset.decode(bytes, into: output, mode: .strict), length <= 4 else { return nil }
                return utf8Scalar(Array(output[0..<length]))
            }
        }
        return decoded
    }

    // MARK: Choosing lost bytes

    /// Turns units into text, choosing for each lost byte the character that reads best in
    /// context; a character no candidate clearly wins becomes U+FFFD. Choices close to each
    /// other are made together, so that two lost bytes in one word are chosen as a word; a
    /// second round retries what the first left open, with its neighbours now chosen.
    private func resolve(_ units: [Unit], before index: Int, atLineEnd: Bool) -> (text: [Unicode.Scalar], unrecovered: Int) {
        var text: [Unicode.Scalar] = units.map { unit in
            if case let .known(scalar) = unit { return scalar }
            return "\u{FFFD}"
        }
        var open = units.indices.filter { if case .choice = units[$0] { true } else { false } }
        let lostCount = units.count { if case .lost = $0 { true } else { false } }
        let lean = scriptLean(units)
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
                let chosen = choose(cluster, units: units, text: text, isOpen: isOpen, before: index, atLineEnd: atLineEnd, lean: lean)
                for (n, u) in cluster.enumerated() {
                    if let scalar = chosen[n] {
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
        return (text, lostCount + open.count)
    }

    /// Chooses the characters of a cluster of choices: every combination of the shortlisted
    /// options is scored in context, and each choice is made where the best combination beats
    /// every combination that differs there by ``choiceMargin``.
    private func choose(_ cluster: [Int], units: [Unit], text: [Unicode.Scalar], isOpen: [Bool], before index: Int,
                        atLineEnd: Bool, lean: PlausibilityScore.ChineseScript) -> [Unicode.Scalar?] {
        let perChoice = [16, 8, 5, 3][cluster.count - 1]
        let options = cluster.map { u -> [Unicode.Scalar] in
            guard case let .choice(all) = units[u] else { return [] }
            return shortlist(all, count: perChoice, lean: lean)
        }
        guard options.allSatisfy({ !$0.isEmpty }) else { return cluster.map { _ in nil } }
        let first = cluster.first!, last = cluster.last!
        var leftText: [Unicode.Scalar] = []
        for u in stride(from: first - 1, through: 0, by: -1) where leftText.count < Self.contextLength {
            guard !isOpen[u] else { break }
            leftText.insert(text[u], at: 0)
        }
        let before = Array((scalars[max(0, index - Self.contextLength)..<index] + leftText).suffix(Self.contextLength))
        var after: [Unicode.Scalar] = []
        for u in (last + 1)..<units.count {
            guard !isOpen[u], after.count < Self.contextLength else { break }
            after.append(text[u])
        }
        let endsLine = atLineEnd && last == units.count - 1
        let openQuotes = quoteBalance(scalars[..<index] + text[..<first])
        var results: [(score: Double, picks: [Unicode.Scalar])] = []
        var picks = [Unicode.Scalar](repeating: " ", count: cluster.count)
        func search(_ k: Int) {
            guard k < cluster.count else {
                var middle = Array(text[first...last])
                for (n, u) in cluster.enumerated() { middle[u - first] = picks[n] }
                var score = model.score(before + middle + after)
                var quotes = openQuotes
                for scalar in middle {
                    score += quoteBias(scalar, openQuotes: quotes) + scriptBias(scalar, lean: lean)
                    quotes = quoteBalance([scalar], from: quotes)
                }
                if endsLine, let final = middle.last { score += lineEndBias(final) }
                results.append((score, picks))
                return
            }
            for option in options[k] {
                picks[k] = option
                search(k + 1)
            }
        }
        search(0)
        guard let best = results.max(by: { $0.score < $1.score }) else { return cluster.map { _ in nil } }
        return cluster.indices.map { n in
            let rival = results.filter { $0.picks[n] != best.picks[n] }.map(\.score).max() ?? -.infinity
            return best.score - rival >= Self.choiceMargin ? best.picks[n] : nil
        }
    }

    /// At the end of a line, marks that end a sentence read well and marks that open or join
    /// clauses read badly.
    private func lineEndBias(_ scalar: Unicode.Scalar) -> Double {
        let signs = model.table.signs(scalar)
        if signs.contains(.opening) || "，、；：".unicodeScalars.contains(scalar) { return -3 }
        return signs.contains(.closing) ? 1.5 : 0
    }

    /// The `count` options most plausible on their own (acceptable text only).
    private func shortlist(_ options: [Unicode.Scalar], count: Int, lean: PlausibilityScore.ChineseScript) -> [Unicode.Scalar] {
        let acceptable = options.filter { isAcceptableText([$0]) }
        guard acceptable.count > count else { return acceptable }
        return acceptable.map { ($0, model.score([$0]) + scriptBias($0, lean: lean)) }
            .sorted { $0.1 > $1.1 }.prefix(count).map(\.0)
    }

    /// Which Chinese script the known characters of `units` and of the line lean to.
    private func scriptLean(_ units: [Unit]) -> PlausibilityScore.ChineseScript {
        var traditional = 0, simplified = 0
        func count(_ scalar: Unicode.Scalar) {
            switch model.script(of: scalar) {
            case .traditional: traditional += 1
            case .simplified: simplified += 1
            case .both: break
            }
        }
        for unit in units { if case let .known(scalar) = unit { count(scalar) } }
        for scalar in scalars { count(scalar) }
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

    /// How many quotations are open after `text`, starting with `open` (“ minus ”, 「 minus 」).
    private func quoteBalance(_ text: some Sequence<Unicode.Scalar>, from open: Int = 0) -> Int {
        var open = open
        for scalar in text {
            switch scalar {
            case "“", "「", "『": open += 1
            case "”", "」", "』": open = max(0, open - 1)
            default: break
            }
        }
        return open
    }

    /// Opening quotation marks read badly inside an open quotation, closing ones outside.
    private func quoteBias(_ scalar: Unicode.Scalar, openQuotes: Int) -> Double {
        switch scalar {
        case "“", "「", "『", "‘": return openQuotes > 0 ? -4 : 0
        case "”", "」", "』", "’": return openQuotes > 0 ? 0 : -4
        default: return 0
        }
    }
}
