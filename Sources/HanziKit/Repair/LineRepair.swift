/// The repair of one suspicious line: the detectors propose edits on the line's characters, the
/// accepted ones are applied, and the changes are reported as ``Fix``es with byte ranges.
///
/// Pass 1 undoes mojibake and the GBK one-byte shift on the input; pass 2 restores folded
/// punctuation on the result (so punctuation next to a repaired span sees the repaired text);
/// pass 3 reports the irrecoverable damage that is left.
struct LineRepair {
    /// A replacement of input characters `range` (indices into ``scalars``).
    struct Edit {
        var range: Range<Int>
        var replacement: [Unicode.Scalar]
        var diagnosis: Diagnosis
        var gain: Double
        var unrecovered: Int = 0
        /// How many characters of the replacement were chosen for lost bytes (``Fix/guessed``).
        var guessed: Int = 0
        /// The replacement with the likeliest character in place of each U+FFFD, for weighing
        /// a whole reading of the line; nil when it is the replacement itself.
        var estimate: [Unicode.Scalar]? = nil
    }

    let model: PlausibilityScore
    let options: Repairer.Options
    /// The input line.
    let scalars: [Unicode.Scalar]
    /// The line as UTF-8.
    let utf8: [UInt8]
    /// The UTF-8 offset of each character of ``scalars`` in the line, and the line's length.
    let offsets: [Int]
    /// How deep in mojibake-of-mojibake this repair is (0 for a line of the input).
    let depth: Int
    /// What the line may still undo again.
    let undoBudget: UndoBudget
    /// Facts about the whole line, computed once so that no detector rescans it: by the
    /// mojibake search and the one-byte shift, whose lines hold signs of mojibake, a '?' or
    /// U+FFFD. (A line of prose with folded marks only needs none: counting them was a tenth of
    /// the time spent on a long line's stretches.)
    private let knownFacts: LineFacts?
    /// ``knownFacts``, counted again if a detector asks about a line they were not counted for.
    var facts: LineFacts { knownFacts ?? LineFacts(scalars, model: model) }
    /// The full-width marks the line wrote before any pass repaired it.
    let written: WrittenMarks
    /// Whether the line has signs of mojibake or damage (``Repairer/Finding/mojibake``): the
    /// search for garbled stretches weighs every character and is skipped without them.
    private let searchesMojibake: Bool
    /// Accepted edits of the input, sorted and disjoint.
    private(set) var edits: [Edit] = []
    /// Single-character punctuation restorations of characters outside ``edits``, and the
    /// spaces typed after them, removed.
    private var punctuation: [Edit] = []
    /// Irrecoverable damage, reported with an empty change.
    private var damage: [Edit] = []

    /// The repair of `line`; `searchesMojibake` says whether the line has signs of mojibake or
    /// damage (``Repairer/Finding/mojibake``). `written` are the marks of the line as given,
    /// where `line` is what an earlier pass made of it.
    init(_ line: UnsafeBufferPointer<UInt8>, model: PlausibilityScore, options: Repairer.Options, searchesMojibake: Bool,
         written: WrittenMarks? = nil) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(line.count)
        offsets.reserveCapacity(line.count + 1)
        var i = 0
        while i < line.count {
            offsets.append(i)
            if line[i] < 0x80 {
                scalars.append(Unicode.Scalar(line[i]))
                i += 1
            } else {
                let (value, length) = UTF8Scalar.decodeWellFormed(line, at: i)
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                i += length
            }
        }
        offsets.append(line.count)
        self.init(scalars: scalars, utf8: Array(line), offsets: offsets, model: model, options: options, depth: 0,
                  searchesMojibake: searchesMojibake, written: written)
    }

    init(scalars: [Unicode.Scalar], model: PlausibilityScore, options: Repairer.Options, depth: Int) {
        var offsets: [Int] = [0]
        var utf8: [UInt8] = []
        offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            UTF8.encode(scalar) { utf8.append($0) }
            offsets.append(utf8.count)
        }
        self.init(scalars: scalars, utf8: utf8, offsets: offsets, model: model, options: options, depth: depth,
                  searchesMojibake: true, written: nil)
    }

    private init(scalars: [Unicode.Scalar], utf8: [UInt8], offsets: [Int], model: PlausibilityScore,
                 options: Repairer.Options, depth: Int, searchesMojibake: Bool, written: WrittenMarks?) {
        self.scalars = scalars
        self.utf8 = utf8
        self.offsets = offsets
        self.model = model
        self.options = options
        self.depth = depth
        undoBudget = UndoBudget(lineLength: scalars.count)
        self.searchesMojibake = searchesMojibake
        knownFacts = searchesMojibake || scalars.contains(where: Self.writesLostByte) ? LineFacts(scalars, model: model) : nil
        self.written = written ?? WrittenMarks(scalars)
    }

    /// Runs the three passes.
    mutating func run() {
        let protected = damageSpans() + zhuyinSpans() + smallBracketSpans()
        let proposals = (searchesMojibake ? mojibakeEdits(protecting: protected) : []) + oneByteShiftEdits(protecting: protected)
        // (Asked only of a line with something to undo: the test encodes characters.)
        if proposals.isEmpty || !listsCharactersInCodeOrder() { accept(proposals) }
        if edits.contains(where: { $0.diagnosis == .gbkOneByteShift }) {
            accept(oneByteShiftEdits(protecting: protected, inShiftedLine: true))
        }
        if options.restoresPunctuation && depth == 0 && (!edits.isEmpty || !isCleanButForReplacementCharacters()) { restorePunctuation() }
        if depth == 0 { reportDamage() }
    }

    /// Whether the line is one the byte scan would leave alone, were each U+FFFD a character:
    /// clean text that lost a byte or two, whose marks are as written, as they are in the same
    /// line without the U+FFFD ("/et�c/” 下 keeps its straight quote).
    private func isCleanButForReplacementCharacters() -> Bool {
        guard scalars.contains("\u{FFFD}") else { return false }
        // (A Han character of the same UTF-8 length stands in: 一 is E4 B8 80, U+FFFD EF BF BD.)
        var bytes = utf8
        var k = 0
        while k + 2 < bytes.count {
            if bytes[k] == 0xEF && bytes[k + 1] == 0xBF && bytes[k + 2] == 0xBD {
                (bytes[k], bytes[k + 1], bytes[k + 2]) = (0xE4, 0xB8, 0x80)
                k += 3
            } else {
                k += 1
            }
        }
        return bytes.withUnsafeBufferPointer { Repairer.finding(in: $0, model: model, options: options) } == .nothing
    }

    /// Keeps the best of overlapping proposals: highest gain first.
    private mutating func accept(_ proposals: [Edit]) {
        // (Edits already accepted stay; new proposals fill the gaps between them.) The accepted
        // edits are kept in order, by start and then end, so that only the neighbours of a
        // proposal's place need a look: a long line may have thousands.
        func key(_ range: Range<Int>) -> (Int, Int) { (range.lowerBound, range.upperBound) }
        func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool { !(a.upperBound <= b.lowerBound || b.upperBound <= a.lowerBound) }
        edits.sort { key($0.range) < key($1.range) }
        for proposal in proposals.sorted(by: { $0.gain > $1.gain }) {
            let range = proposal.range
            var low = 0, high = edits.count
            while low < high {
                let middle = (low + high) / 2
                if key(edits[middle].range) <= key(range) { low = middle + 1 } else { high = middle }
            }
            let taken = low > 0 && overlap(edits[low - 1].range, range)
                || edits[low...].prefix(while: { $0.range.lowerBound < range.upperBound }).contains { overlap($0.range, range) }
            if !taken { edits.insert(proposal, at: low) }
        }
    }

    // MARK: The repaired text

    /// Where a character of the repaired text came from.
    enum Origin {
        /// Unchanged input character `index`.
        case input(Int)
        /// Character `offset` of the replacement of edit `edit`.
        case edit(Int, Int)
    }

    /// The line after pass 1, with the origin of every character.
    func repairedText() -> (scalars: [Unicode.Scalar], origins: [Origin]) {
        var result: [Unicode.Scalar] = []
        var origins: [Origin] = []
        result.reserveCapacity(scalars.count)
        origins.reserveCapacity(scalars.count)
        var i = 0
        for (e, edit) in edits.enumerated() {
            while i < edit.range.lowerBound {
                result.append(scalars[i])
                origins.append(.input(i))
                i += 1
            }
            for (k, scalar) in edit.replacement.enumerated() {
                result.append(scalar)
                origins.append(.edit(e, k))
            }
            i = edit.range.upperBound
        }
        while i < scalars.count {
            result.append(scalars[i])
            origins.append(.input(i))
            i += 1
        }
        return (result, origins)
    }

    /// The repaired line, every pass applied.
    var outputScalars: [Unicode.Scalar] {
        let (result, origins) = repairedText()
        guard !punctuation.isEmpty else { return result }
        var byInput = [[Unicode.Scalar]?](repeating: nil, count: scalars.count)
        for edit in punctuation { byInput[edit.range.lowerBound] = edit.replacement }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(result.count)
        for (k, origin) in origins.enumerated() {
            if case let .input(i) = origin, let replacement = byInput[i] { output += replacement } else { output.append(result[k]) }
        }
        return output
    }

    /// The repaired line as UTF-8.
    var outputUTF8: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(offsets.last! + 16)
        for scalar in outputScalars { UTF8.encode(scalar) { bytes.append($0) } }
        return bytes
    }

    /// Every change and damage report, in text order, with byte ranges offset by `baseOffset`.
    func fixes(baseOffset: Int) -> [Fix] {
        var all = edits + punctuation + damage
        all.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        // (Most fixes are one mark for another: a lone scalar makes its string directly.)
        func string(_ text: some Collection<Unicode.Scalar>) -> String {
            text.count == 1 ? String(text.first!) : String(String.UnicodeScalarView(text))
        }
        return all.map { edit in
            let before = string(scalars[edit.range])
            let after = edit.diagnosis.isIrrecoverable ? before : string(edit.replacement)
            return Fix(range: (offsets[edit.range.lowerBound] + baseOffset)..<(offsets[edit.range.upperBound] + baseOffset),
                       before: before, after: after, diagnosis: edit.diagnosis, gain: edit.gain,
                       unrecovered: edit.unrecovered, guessed: edit.guessed)
        }
    }

    // MARK: Pass 2 bookkeeping

    /// Records the restoration of punctuation at `index` of the repaired text.
    mutating func replaceRepaired(at index: Int, with scalar: Unicode.Scalar, origins: [Origin]) {
        switch origins[index] {
        case let .input(i):
            punctuation.append(Edit(range: i..<(i + 1), replacement: [scalar], diagnosis: .asciiPunctuationInChinese, gain: 0))
        case let .edit(e, k):
            edits[e].replacement[k] = scalar
        }
    }

    /// Removes the space at `index` of the repaired text, which a typist set after an ASCII
    /// mark that pass 2 restored full-width (a space of a repair's own text stays).
    mutating func removeRepaired(at index: Int, origins: [Origin]) {
        if case let .input(i) = origins[index] {
            punctuation.append(Edit(range: i..<(i + 1), replacement: [], diagnosis: .asciiPunctuationInChinese, gain: 0))
        }
    }

    /// Records damage in input characters `range`.
    mutating func reportDamage(_ range: Range<Int>, _ diagnosis: Diagnosis) {
        damage.append(Edit(range: range, replacement: Array(scalars[range]), diagnosis: diagnosis, gain: 0))
    }

    /// Whether input character `index` lies inside an accepted edit.
    func isEdited(_ index: Int) -> Bool {
        edits.contains { $0.range.contains(index) }
    }

    /// Whether `scalar` is Chinese: Han, a Chinese punctuation mark, or □ (which Chinese texts
    /// write for a character they cannot show).
    func isChinese(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar == "□" { return true }
        let kind = model.table.kind(scalar)
        return kind == .han || kind == .chinesePunctuation
    }

    /// Whether pass 2 restored the punctuation mark at input character `index`.
    func isRestored(_ index: Int) -> Bool {
        punctuation.contains { $0.range.lowerBound == index }
    }

    // MARK: Scoring in context

    /// How many characters of context on each side a candidate is scored with.
    static let contextLength = 4
    /// How many characters after a lost mark are read for what the next clause is like.
    static let clauseLookAhead = 8

    /// The gain in plausibility of replacing input characters `range` by `candidate`, both
    /// scored between the same few characters of context. A candidate that brings letters of
    /// another script into a Chinese line pays for each, and one made mostly of them is
    /// refused: clean rare characters sometimes decode to a hangul syllable or two.
    func gain(replacing range: Range<Int>, with candidate: [Unicode.Scalar]) -> Double {
        let foreign = foreignLetters(in: candidate, outside: range)
        if foreign > 0 && candidate.count(where: { model.table.kind($0) == .han }) < 2 * foreign { return -.infinity }
        let left = scalars[max(0, range.lowerBound - Self.contextLength)..<range.lowerBound]
        let right = scalars[range.upperBound..<min(scalars.count, range.upperBound + Self.contextLength)]
        return model.score(left + candidate + right) - model.score(left + scalars[range] + right)
            - Self.foreignLetterCost * Double(foreign)
    }

    /// What each letter of a script the rest of a Chinese line does not use costs a candidate:
    /// a repair that puts one hangul syllable or Greek letter into Chinese text is suspect.
    static let foreignLetterCost = 6.0

    /// How many characters of `candidate` are kana, hangul, Greek, Cyrillic, Latin-1 letters or
    /// full-width letters when the line outside `range`, with `besides` in it, is Chinese (or
    /// Japanese or Korean) and has none of that kind.
    func foreignLetters(in candidate: some Collection<Unicode.Scalar>, outside range: Range<Int>,
                        besides: [Unicode.Scalar] = []) -> Int {
        let table = model.table
        // (Full-width digits are no script: Chinese text writes its numbers with them.)
        let kinds = candidate.compactMap { scalar -> CharacterTable.Kind? in
            let kind = table.kind(scalar)
            return LineFacts.foreign.contains(kind) && !("０"..."９").contains(scalar) ? kind : nil
        }
        guard !kinds.isEmpty else { return 0 }
        var counts = facts.kindCounts
        for scalar in scalars[range] { counts[Int(table.kind(scalar).rawValue)] -= 1 }
        for scalar in besides { counts[Int(table.kind(scalar).rawValue)] += 1 }
        // (Japanese and Korean lines count as CJK too: 解釈で� does not become 解ዤ�.)
        guard counts[Int(CharacterTable.Kind.han.rawValue)] + counts[Int(CharacterTable.Kind.kana.rawValue)]
                + counts[Int(CharacterTable.Kind.hangul.rawValue)] >= 2 else { return 0 }
        // Latin-1 letters belong with ASCII words.
        counts[Int(CharacterTable.Kind.latinLetter.rawValue)] += counts[Int(CharacterTable.Kind.asciiLetter.rawValue)]
        return kinds.count { counts[Int($0.rawValue)] == 0 }
    }
}
