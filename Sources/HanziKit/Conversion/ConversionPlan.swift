/// The steps of a converter and the loops that run them, OpenCC 1.4.2's algorithm on UTF-8
/// bytes:
///
/// 1. each normalization dictionary converts the whole text;
/// 2. the segmentation dictionary cuts it by maximum forward matching into words and the
///    unmatched runs between them;
/// 3. each dictionary of the chain converts each segment in turn, by longest-prefix matching
///    that never crosses the segment's end.
///
/// Where no word matches, a character, or a whole ideographic description sequence, is
/// copied. Segments are never materialized: a segment is a range, and its end only limits
/// the prefix search.
struct ConversionPlan {
    /// One dictionary applied by longest-prefix matching.
    struct Stage {
        /// The root of its tree in the matcher, or -1 for a stage that changes nothing.
        var root: Int
        /// Per byte value: whether the loop stops at that byte to look for a word (it can
        /// begin one) or a description sequence (0xE2); other bytes are copied in bulk.
        var examine: UnsafePointer<Bool>
        /// The tree's answers at single characters (nil for a stage that changes nothing).
        var index: StageIndex?
    }

    let matcher: DictionaryMatcher
    let normalization: [Stage]
    let segmentation: Stage?
    /// The chain for the unmatched runs between segmentation words.
    let runChain: [Stage]
    /// The chain for segmentation words.
    let wordChain: [Stage]
    /// Whether the first conversion of the chain is already done for a segmentation word: it
    /// is the word's own target. True when the first chain dictionary is the segmentation
    /// dictionary, or a short-circuit group led by it (s2tw, s2twp, s2hk …); then ``wordChain``
    /// holds the rest of the chain, and ``runChain`` starts with the group minus its leader,
    /// which can match nowhere in an unmatched run.
    let wordsStartConverted: Bool

    /// Reusable buffers for normalized text and for chains of several steps.
    struct Scratch {
        var normalized: [UInt8] = []
        var normalizedSpare: [UInt8] = []
        var stageInput: [UInt8] = []
        var stageOutput: [UInt8] = []
    }

    /// Converts `text`, appending the result to `output`.
    func convert(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], scratch: inout Scratch) {
        guard !text.isEmpty else { return }
        guard !normalization.isEmpty else {
            convertNormalized(text, into: &output, scratch: &scratch)
            return
        }
        // The buffers move out of `scratch` so that reading one while writing `scratch` is
        // not an overlapping access.
        var normalized = scratch.normalized, spare = scratch.normalizedSpare
        defer { (scratch.normalized, scratch.normalizedSpare) = (normalized, spare) }
        var isNormalized = false  // whether the text now lives in `normalized`
        for stage in normalization {
            let changed = isNormalized
                ? normalized.withUnsafeBufferPointer { normalize($0, with: stage, into: &spare) }
                : normalize(text, with: stage, into: &spare)
            if changed {
                swap(&normalized, &spare)
                isNormalized = true
            }
        }
        if isNormalized {
            normalized.withUnsafeBufferPointer { convertNormalized($0, into: &output, scratch: &scratch) }
        } else {
            convertNormalized(text, into: &output, scratch: &scratch)
        }
    }

    /// Writes `source` normalized by `stage` to `result`, unless nothing in it matches.
    /// - Returns: whether `result` now holds the normalized text.
    private func normalize(_ source: UnsafeBufferPointer<UInt8>, with stage: Stage, into result: inout [UInt8]) -> Bool {
        // Most text holds nothing to normalize: find the first match before copying anything.
        let first = firstMatch(stage, in: source, from: 0, to: source.count)
        guard first < source.count else { return false }
        result.removeAll(keepingCapacity: true)
        result.append(contentsOf: UnsafeBufferPointer(rebasing: source[0..<first]))
        run(stage, on: source, from: first, to: source.count, into: &result)
        return true
    }

    private func convertNormalized(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], scratch: inout Scratch) {
        guard !text.isEmpty else { return }  // normalization may have deleted everything
        forEachSegment(of: text) { start, end in
            apply(runChain, to: text, from: start, to: end, into: &output, scratch: &scratch)
        } word: { start, word in
            convert(word: word, at: start, of: text, into: &output, scratch: &scratch)
        }
    }

    /// Calls `run` for each run of text between segmentation words and `word` for each word,
    /// in text order (without a segmentation dictionary, the whole text is one run).
    @inline(__always)
    private func forEachSegment(of text: UnsafeBufferPointer<UInt8>, run: (_ start: Int, _ end: Int) -> Void,
                                word: (_ start: Int, DictionaryMatcher.Match) -> Void) {
        guard let segmentation else {
            run(0, text.count)
            return
        }
        let bytes = text.baseAddress!
        let end = text.count
        var p = 0
        var runStart = 0
        while p < end {
            let lead = bytes[p]
            if segmentation.examine[Int(lead)], let found = longestMatch(segmentation, in: text, at: p, end: end) {
                if runStart < p { run(runStart, p) }
                word(p, found)
                p = found.end
                runStart = p
                continue
            }
            p += unmatchedLength(text, at: p, end: end)
            // Skip the bytes no word can start with (ASCII, most punctuation) in one go.
            while p < end, !segmentation.examine[Int(bytes[p])] { p += 1 }
        }
        if runStart < end { run(runStart, end) }
    }

    /// Converts the segmentation word `word` found at `start` of `text`.
    @inline(__always)
    private func convert(word: DictionaryMatcher.Match, at start: Int, of text: UnsafeBufferPointer<UInt8>,
                         into output: inout [UInt8], scratch: inout Scratch) {
        if wordsStartConverted {
            apply(wordChain, to: word.value, from: 0, to: word.value.count, into: &output, scratch: &scratch)
        } else {
            apply(wordChain, to: text, from: start, to: word.end, into: &output, scratch: &scratch)
        }
    }

    /// The segments of `text` that converting changes, each with its conversion: concatenating
    /// the unchanged text and the replacements gives ``convert(_:into:scratch:)``'s output.
    /// With normalization, which rewrites the whole text first, a changed text is one segment.
    func replacements(in text: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> [(range: Range<Int>, value: [UInt8])] {
        guard !text.isEmpty else { return [] }
        var found: [(range: Range<Int>, value: [UInt8])] = []
        var converted: [UInt8] = []
        func note(_ start: Int, _ end: Int) {
            if !converted.elementsEqual(text[start..<end]) {
                converted.withUnsafeBufferPointer { after in
                    for (old, new) in Self.differences(UnsafeBufferPointer(rebasing: text[start..<end]), after) {
                        found.append(((start + old.lowerBound)..<(start + old.upperBound), Array(after[new])))
                    }
                }
            }
            converted.removeAll(keepingCapacity: true)
        }
        guard normalization.isEmpty else {
            convert(text, into: &converted, scratch: &scratch)
            note(0, text.count)
            return found
        }
        forEachSegment(of: text) { start, end in
            apply(runChain, to: text, from: start, to: end, into: &converted, scratch: &scratch)
            note(start, end)
        } word: { start, word in
            convert(word: word, at: start, of: text, into: &converted, scratch: &scratch)
            note(start, word.end)
        }
        return found
    }

    /// Where `after` differs from `before`, as pairs of byte ranges: the common head and tail
    /// are left out, and when what remains has as many characters on both sides (as in most
    /// conversions, character for character), each run of differing characters is one pair.
    static func differences(_ before: UnsafeBufferPointer<UInt8>, _ after: UnsafeBufferPointer<UInt8>)
        -> [(Range<Int>, Range<Int>)] {
        func starts(_ text: UnsafeBufferPointer<UInt8>) -> [Int] {
            var offsets = text.indices.filter { text[$0] & 0xC0 != 0x80 }
            offsets.append(text.count)
            return offsets
        }
        let (a, b) = (starts(before), starts(after))
        func same(_ i: Int, _ j: Int) -> Bool {
            before[a[i]..<a[i + 1]].elementsEqual(after[b[j]..<b[j + 1]])
        }
        var head = 0
        while head < a.count - 1 && head < b.count - 1 && same(head, head) { head += 1 }
        var tail = 0
        while tail < a.count - 1 - head && tail < b.count - 1 - head && same(a.count - 2 - tail, b.count - 2 - tail) { tail += 1 }
        let (aEnd, bEnd) = (a.count - 1 - tail, b.count - 1 - tail)
        guard aEnd - head == bEnd - head else { return [(a[head]..<a[aEnd], b[head]..<b[bEnd])] }
        var pairs: [(Range<Int>, Range<Int>)] = []
        var i = head
        while i < aEnd {
            guard !same(i, i) else { i += 1; continue }
            var j = i + 1
            while j < aEnd && !same(j, j) { j += 1 }
            pairs.append((a[i]..<a[j], b[i]..<b[j]))
            i = j
        }
        return pairs
    }

    /// Applies `stages` in turn to `text[start..<end]`, appending the last one's output.
    @inline(__always)
    private func apply(_ stages: [Stage], to text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                       into output: inout [UInt8], scratch: inout Scratch) {
        switch stages.count {
        case 0:
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
        case 1:
            run(stages[0], on: text, from: start, to: end, into: &output)
        default:
            var input = scratch.stageInput, result = scratch.stageOutput
            input.removeAll(keepingCapacity: true)
            run(stages[0], on: text, from: start, to: end, into: &input)
            for stage in stages.dropFirst().dropLast() {
                result.removeAll(keepingCapacity: true)
                input.withUnsafeBufferPointer { run(stage, on: $0, from: 0, to: $0.count, into: &result) }
                swap(&input, &result)
            }
            input.withUnsafeBufferPointer { run(stages[stages.count - 1], on: $0, from: 0, to: $0.count, into: &output) }
            scratch.stageInput = input
            scratch.stageOutput = result
        }
    }

    /// Converts `text[start..<end]` with one dictionary: at each position the longest match
    /// replaces its text, else one character or description sequence is copied.
    private func run(_ stage: Stage, on text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into output: inout [UInt8]) {
        guard start < end else { return }  // an empty target, or text an earlier step deleted
        guard stage.root >= 0 else {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
            return
        }
        let bytes = text.baseAddress!
        var p = start
        var copied = start  // text[copied..<p] is still to be copied verbatim
        while p < end {
            let lead = bytes[p]
            if stage.examine[Int(lead)], let found = longestMatch(stage, in: text, at: p, end: end) {
                if copied < p { output.append(contentsOf: UnsafeBufferPointer(start: bytes + copied, count: p - copied)) }
                output.append(contentsOf: found.value)
                p = found.end
                copied = p
                continue
            }
            p += unmatchedLength(text, at: p, end: end)
            while p < end, !stage.examine[Int(bytes[p])] { p += 1 }
        }
        if copied < end { output.append(contentsOf: UnsafeBufferPointer(start: bytes + copied, count: end - copied)) }
    }

    /// The position of the first match of `stage` in `text[start..<end]`, or `end`.
    private func firstMatch(_ stage: Stage, in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard stage.root >= 0, start < end else { return end }
        let bytes = text.baseAddress!
        var p = start
        while p < end {
            if stage.examine[Int(bytes[p])], longestMatch(stage, in: text, at: p, end: end) != nil { return p }
            p += unmatchedLength(text, at: p, end: end)
            while p < end, !stage.examine[Int(bytes[p])] { p += 1 }
        }
        return end
    }

    /// The longest match of `stage` at `p`, ending by `end`: settled by the stage index at a
    /// three-byte character where no longer word can begin, else by the full tree match.
    @inline(__always)
    private func longestMatch(_ stage: Stage, in text: UnsafeBufferPointer<UInt8>, at p: Int, end: Int) -> DictionaryMatcher.Match? {
        let bytes = text.baseAddress!
        if let index = stage.index, let scalar = FirstCharacterIndex.scalar(bytes, at: p, end: end) {
            switch index.outcome(bytes, scalar: scalar, at: p, end: end) {
            case let .word(value): return DictionaryMatcher.Match(end: p + 3, value: value)
            case .none: return nil
            case .undecided: break
            }
        }
        return matcher.match(stage.root, in: text, at: p, end: end)
    }

    /// How many bytes OpenCC copies at `p` when nothing matches there: a whole ideographic
    /// description sequence, else one character (never past `end`).
    @inline(__always)
    private func unmatchedLength(_ text: UnsafeBufferPointer<UInt8>, at p: Int, end: Int) -> Int {
        let bytes = text.baseAddress!
        let lead = bytes[p]
        if lead == 0xE2 {
            let sequence = TextUnit.descriptionSequenceLength(bytes, at: p, end: end)
            if sequence > 0 { return sequence }
        }
        return min(TextUnit.length(lead: lead), end - p)
    }
}
