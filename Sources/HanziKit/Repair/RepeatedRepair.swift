/// Repairs a line until a further pass changes nothing, and reports the passes as one set of
/// fixes against the original line.
///
/// One pass is usually enough, but a repair can change what its neighbours read like: a lost
/// byte is chosen more surely once the clause around it is no longer garbled, and a folded
/// quotation mark's direction depends on the marks restored before it. Repeating until nothing
/// changes makes the repairer idempotent — repairing its own output changes nothing — which
/// `hanzi clean` promises and the fuzz target checks.
struct RepeatedRepair {
    /// How many passes a line may take; text still changing after that is left as it is then.
    static let maximumPasses = 8

    /// The repaired line.
    private(set) var output: [UInt8]
    /// The fixes, with byte ranges into the original line.
    private(set) var fixes: [Fix]

    init(_ line: UnsafeBufferPointer<UInt8>, model: PlausibilityScore, options: Repairer.Options) {
        var pass = Self.pass(over: line, model: model, options: options, settled: [])
        (output, fixes) = (pass.output, pass.fixes)
        guard fixes.contains(where: \.changesText) else { return }
        let input = Array(line)
        // The marks the line was written with: as given, with what the first pass decoded from
        // mojibake (its marks were the writer's too), but not the marks it restored, nor those a
        // repair of the one-byte shift wrote full-width for marks folded with the line. A later
        // run on the output reads them so, and must find nothing more to do.
        var decoded: [UInt8] = []
        var copied = 0
        for fix in fixes where fix.changesText && fix.diagnosis != .asciiPunctuationInChinese && fix.diagnosis != .gbkOneByteShift {
            decoded += input[copied..<fix.range.lowerBound]
            decoded += fix.after.utf8
            copied = fix.range.upperBound
        }
        decoded += input[copied...]
        let written = WrittenMarks(String(decoding: decoded, as: UTF8.self).unicodeScalars)
        var changes = fixes.filter(\.changesText)
        var damage: [Fix] = []
        for _ in 1..<Self.maximumPasses {
            let settled = pass.settled
            pass = output.withUnsafeBufferPointer { Self.pass(over: $0, model: model, options: options, settled: settled, written: written) }
            damage = pass.fixes.filter { !$0.changesText }
            let more = pass.fixes.filter(\.changesText)
            guard !more.isEmpty else { break }
            changes = Self.compose(input: input, first: changes, intermediate: output, second: more, final: pass.output)
            output = pass.output
        }
        // Damage is reported as the last pass found it, where no change covers it.
        fixes = (changes + Self.mapDamage(damage, through: changes))
            .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// A stretch a pass left as it was, with the damage it found there (ranges from the
    /// stretch's start). The next pass reads the same bytes at `range` and need not look again.
    private struct SettledStretch {
        var range: Range<Int>
        var damage: [Fix]
    }

    /// One pass over `line`: each stretch of it (``Repairer/stretchEnd(in:from:table:)``) that is
    /// suspicious, or the whole line when it is one stretch, repaired by a ``LineRepair``.
    /// Stretches `settled` by the pass before are taken as they are. (Passes repeat over the
    /// whole line, so its stretches settle together.) After the first pass, `written` are the
    /// marks of the line as given.
    private static func pass(over line: UnsafeBufferPointer<UInt8>, model: PlausibilityScore, options: Repairer.Options,
                             settled: [SettledStretch], written: WrittenMarks? = nil) -> (output: [UInt8], fixes: [Fix], settled: [SettledStretch]) {
        var output: [UInt8] = []
        var fixes: [Fix] = []
        var nowSettled: [SettledStretch] = []
        output.reserveCapacity(line.count)
        var next = settled.makeIterator()
        var candidate = next.next()
        var start = 0
        repeat {
            let end = Repairer.stretchEnd(in: line, from: start, table: model.table)
            let stretch = UnsafeBufferPointer(rebasing: line[start..<end])
            while let known = candidate, known.range.lowerBound < start { candidate = next.next() }
            var found: [Fix] = []
            var repaired: [UInt8]?
            if let known = candidate, known.range == start..<end {
                found = known.damage
            } else if case let finding = Repairer.finding(in: stretch, model: model, options: options),
                      finding != .nothing || end - start == line.count {
                var repair = LineRepair(stretch, model: model, options: options, searchesMojibake: finding == .mojibake, written: written)
                repair.run()
                found = repair.fixes(baseOffset: 0)
                if found.contains(where: \.changesText) { repaired = repair.outputUTF8 }
            }
            fixes += found.map { $0.shifted(by: start) }
            if let repaired {
                output += repaired
            } else {
                output += stretch
                nowSettled.append(SettledStretch(range: output.count - stretch.count..<output.count, damage: found))
            }
            start = end
        } while start < line.count
        return (output, fixes, nowSettled)
    }

    /// The changes of two passes as changes of the original: `first` turned `input` into
    /// `intermediate`, `second` turned that into `final`. Overlapping changes merge into one.
    static func compose(input: [UInt8], first: [Fix], intermediate: [UInt8], second: [Fix], final: [UInt8]) -> [Fix] {
        struct Span {
            var range: Range<Int>
            var delta: Int
            var diagnosis: Diagnosis
            var gain: Double
            var guessed: Int
        }
        var spans = first.map { Span(range: $0.range, delta: $0.after.utf8.count - $0.range.count, diagnosis: $0.diagnosis, gain: $0.gain,
                                     guessed: $0.guessed) }
        for fix in second {
            let range = inputRange(of: fix.range, through: first)
            spans.append(Span(range: range, delta: fix.after.utf8.count - fix.range.count, diagnosis: fix.diagnosis, gain: fix.gain,
                              guessed: fix.guessed))
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var merged: [Span] = []
        for span in spans {
            if var last = merged.last, span.range.lowerBound < last.range.upperBound {
                last.range = last.range.lowerBound..<max(last.range.upperBound, span.range.upperBound)
                last.delta += span.delta
                if span.gain > last.gain { last.diagnosis = span.diagnosis }
                last.gain += span.gain
                last.guessed += span.guessed
                merged[merged.count - 1] = last
            } else {
                merged.append(span)
            }
        }
        // Outside the merged spans the final text is the input: offsets differ by the deltas so far.
        var shift = 0
        return merged.map { span in
            let start = span.range.lowerBound + shift
            let end = start + span.range.count + span.delta
            shift += span.delta
            let before = String(decoding: input[span.range], as: UTF8.self)
            let after = String(decoding: final[start..<end], as: UTF8.self)
            let lost = after.unicodeScalars.count { $0 == "\u{FFFD}" } - before.unicodeScalars.count { $0 == "\u{FFFD}" }
            return Fix(range: span.range, before: before, after: after, diagnosis: span.diagnosis, gain: span.gain,
                       unrecovered: max(0, lost), guessed: span.guessed)
        }
    }

    /// The range of the original covering `range` of the text `changes` produced: a position
    /// inside a replacement widens to the whole replaced range.
    static func inputRange(of range: Range<Int>, through changes: [Fix]) -> Range<Int> {
        func map(_ position: Int, upper: Bool) -> Int {
            var shift = 0
            for change in changes {
                let start = change.range.lowerBound + shift
                let end = start + change.after.utf8.count
                if position <= start { return position - shift }
                if position < end { return upper ? change.range.upperBound : change.range.lowerBound }
                shift += change.after.utf8.count - change.range.count
            }
            return position - shift
        }
        let lower = map(range.lowerBound, upper: false)
        return lower..<max(lower, map(range.upperBound, upper: true))
    }

    /// Damage found in the final text, as ranges of the original; damage inside a change is
    /// already counted by that change (``Fix/unrecovered``).
    static func mapDamage(_ damage: [Fix], through changes: [Fix]) -> [Fix] {
        damage.compactMap { report in
            var shift = 0
            for change in changes {
                let start = change.range.lowerBound + shift
                let end = start + change.after.utf8.count
                if report.range.upperBound <= start { break }
                if report.range.lowerBound < end { return nil }
                shift += change.after.utf8.count - change.range.count
            }
            let range = (report.range.lowerBound - shift)..<(report.range.upperBound - shift)
            return Fix(range: range, before: report.before, after: report.after, diagnosis: report.diagnosis, gain: 0)
        }
    }
}
