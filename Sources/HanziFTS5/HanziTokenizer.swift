import HanziKit

/// The `hanzi` FTS5 tokenizer as a Swift object: what the SQLite extension runs for every
/// document, query and `highlight()` call.
///
/// ```swift
/// let tokenizer = try HanziTokenizer(options: HanziTokenizerOptions(arguments: ["fold", "hans"]))
/// for token in tokenizer.tokens(in: "我們後來用軟體", for: .document) {
///     print(token.text, token.range, token.colocated)   // 我们 0..<6 false, 后来 6..<12 false …
/// }
/// ```
///
/// Text is folded (see ``HanziTokenizerOptions/Fold``), cut by HanziKit's ``Segmenter``, and each
/// word reported with the byte offsets of the text it came from in the *original* text, so that
/// FTS5's `highlight()` and `snippet()` mark the characters written even when folding changed
/// them. Latin letters are lower-cased, full-width letters and digits made ASCII, numbers kept
/// whole (1,000 is the token 1000), and punctuation, whitespace, symbols and invalid bytes
/// dropped. Any bytes are accepted.
///
/// Documents are cut in search mode, and each word's sub-words are reported *colocated* with
/// it (FTS5_TOKEN_COLOCATED: at the word's position, as synonyms are). Positions then count
/// words, as in the accurate cut of a query, so a query phrase matches wherever its words stand
/// in a row — also when one of them is a sub-word (共和国成立 finds 中华人民共和国成立) — and
/// bm25 sees each document's length in words. Reported as tokens of their own instead, the
/// sub-words would push the word away from its neighbours, and a query quoting the text
/// (成立中华人民共和国) would miss it. The price: `highlight()` marks a position's first token,
/// so a match on a sub-word marks the whole word containing it (人民 marks 中华人民共和国).
///
/// The dictionaries are loaded once per process (see ``HanziTokenizerOptions``); the tokenizer
/// holds reusable working memory, so use one per thread.
public final class HanziTokenizer {
    /// What the text being tokenized is.
    public enum Purpose: Sendable {
        /// A document being indexed, or re-read by an auxiliary function such as
        /// `highlight()`: cut in the options' mode, sub-words colocated.
        case document
        /// A query: cut in accurate mode, so its words line up with the documents' positions.
        case query
    }

    /// The options this tokenizer was created with.
    public let options: HanziTokenizerOptions
    private let engine: TokenizerEngine
    private let workspace = Segmenter.Workspace()
    private var folded = FoldedText()
    /// Folded-text ranges of the pieces cut, as start, end pairs, each word after its sub-words.
    private var spans: [Int32] = []
    /// Per piece: whether it is a word (a position) rather than a sub-word colocated with the
    /// next word.
    private var isPrimary: [Bool] = []
    /// Full mode's accurate cut, which decides the positions.
    private var accurate: [Int32] = []
    private var token: [UInt8] = []
    /// Set while tokenizing, so that a call made from inside the callback gets its own memory.
    private var busy = false

    /// A tokenizer with `options`, loading the dictionaries on the process's first use of the
    /// fold and user dictionary they name.
    /// - Throws: ``LexiconError`` when a dictionary or the user dictionary cannot be read.
    public init(options: HanziTokenizerOptions = HanziTokenizerOptions()) throws {
        self.options = options
        engine = try TokenizerEngine.shared(for: options)
    }

    private init(options: HanziTokenizerOptions, engine: TokenizerEngine) {
        self.options = options
        self.engine = engine
    }

    /// Tokenizes `text` (UTF-8; any bytes are accepted), calling `body` with each token's
    /// bytes, its byte range in `text`, and whether it is colocated with the token before.
    /// Word ranges never overlap and come in order. `body` returns false to stop.
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, for purpose: Purpose,
        _ body: (_ token: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ colocated: Bool) -> Bool
    ) {
        guard !busy else {
            return HanziTokenizer(options: options, engine: engine).tokenize(text, for: purpose, body)
        }
        busy = true
        defer { busy = false }
        engine.willSegment(byteCount: text.count)
        folded.fold(text, converter: engine.converter)
        let mode = purpose == .query ? .accurate : options.mode
        let bytes = folded.bytes
        bytes.withUnsafeBufferPointer { bytes in
            cut(bytes, mode: mode)
            if let p = bytes.baseAddress { report(p, body) }
        }
    }

    /// The tokens of `text`.
    public func tokens(in text: String, for purpose: Purpose) -> [IndexToken] {
        var text = text
        var tokens: [IndexToken] = []
        text.withUTF8 { bytes in
            tokenize(bytes, for: purpose) { token, range, colocated in
                tokens.append(IndexToken(text: String(decoding: token, as: UTF8.self), range: range, colocated: colocated))
                return true
            }
        }
        return tokens
    }

    /// Fills ``spans`` and ``isPrimary`` with the pieces of the folded text.
    private func cut(_ bytes: UnsafeBufferPointer<UInt8>, mode: Segmenter.Mode) {
        spans.removeAll(keepingCapacity: true)
        isPrimary.removeAll(keepingCapacity: true)
        let segmenter = engine.segmenter
        let traditional: Segmenter.TraditionalHandling = options.fold == .hans ? .off : .auto
        let hmm = options.hmm
        switch mode {
        case .accurate:
            segmenter.forEachToken(in: bytes, mode: .accurate, hmm: hmm, traditional: traditional, workspace: workspace) {
                spans.append(Int32(truncatingIfNeeded: $0.lowerBound))
                spans.append(Int32(truncatingIfNeeded: $0.upperBound))
                isPrimary.append(true)
            }
        case .search:
            // jieba yields a word's sub-words just before it, all inside it: walking back, a
            // piece inside the word that follows it is a sub-word of that word.
            segmenter.forEachToken(in: bytes, mode: .search, hmm: hmm, traditional: traditional, workspace: workspace) {
                spans.append(Int32(truncatingIfNeeded: $0.lowerBound))
                spans.append(Int32(truncatingIfNeeded: $0.upperBound))
                isPrimary.append(false)
            }
            var word = -1
            for i in stride(from: isPrimary.count - 1, through: 0, by: -1) {
                if word >= 0 && spans[2 * i] >= spans[2 * word] && spans[2 * i + 1] <= spans[2 * word + 1] { continue }
                isPrimary[i] = true
                word = i
            }
        case .full:
            // Positions come from the accurate cut; every dictionary word of the full cut is
            // colocated with the word it starts in.
            accurate.removeAll(keepingCapacity: true)
            segmenter.forEachToken(in: bytes, mode: .accurate, hmm: hmm, traditional: traditional, workspace: workspace) {
                accurate.append(Int32(truncatingIfNeeded: $0.lowerBound))
                accurate.append(Int32(truncatingIfNeeded: $0.upperBound))
            }
            var w = 0
            segmenter.forEachToken(in: bytes, mode: .full, hmm: hmm, traditional: traditional, workspace: workspace) {
                let start = Int32(truncatingIfNeeded: $0.lowerBound), end = Int32(truncatingIfNeeded: $0.upperBound)
                while w + 1 < accurate.count && accurate[w + 1] <= start {
                    spans.append(accurate[w])
                    spans.append(accurate[w + 1])
                    isPrimary.append(true)
                    w += 2
                }
                guard w + 1 < accurate.count, (start, end) != (accurate[w], accurate[w + 1]) else { return }
                spans.append(start)
                spans.append(end)
                isPrimary.append(false)
            }
            while w + 1 < accurate.count {
                spans.append(accurate[w])
                spans.append(accurate[w + 1])
                isPrimary.append(true)
                w += 2
            }
        }
    }

    /// Reports the pieces: each word, then its sub-words colocated; adjacent alphabetic pieces
    /// joined; pieces without letters, digits or ideographs left out.
    private func report(_ p: UnsafePointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool) {
        var previousEnd: Int32 = 0
        var held: (start: Int, end: Int)?
        var subwordsStart = 0

        // Reports a word; false when `body` asked to stop.
        func word(_ start: Int, _ end: Int) -> Bool {
            // Widening to the boundaries folding kept can reach back into the previous word;
            // highlight() needs words in order and apart.
            let originalStart = max(folded.originalStart(start), previousEnd)
            let originalEnd = max(folded.originalEnd(end), originalStart)
            previousEnd = originalEnd
            return emit(p, start, end, Int(originalStart)..<Int(originalEnd), colocated: false, body)
        }

        for i in isPrimary.indices where isPrimary[i] {
            let start = Int(spans[2 * i]), end = Int(spans[2 * i + 1])
            let subwords = subwordsStart..<i
            subwordsStart = i + 1
            let kind = TokenClass.of(p, from: start, to: end)
            if kind == .alphabetic && subwords.isEmpty {
                if let pending = held, pending.end == start {
                    held = (pending.start, end)
                } else {
                    if let pending = held, !word(pending.start, pending.end) { return }
                    held = (start, end)
                }
                continue
            }
            if let pending = held {
                held = nil
                if !word(pending.start, pending.end) { return }
            }
            guard kind != .skipped else { continue }
            if !word(start, end) { return }
            for j in subwords {
                let subStart = Int(spans[2 * j]), subEnd = Int(spans[2 * j + 1])
                guard (subStart, subEnd) != (start, end), TokenClass.of(p, from: subStart, to: subEnd) != .skipped else { continue }
                let range = Int(folded.originalStart(subStart))..<Int(folded.originalEnd(subEnd))
                if !emit(p, subStart, subEnd, range, colocated: true, body) { return }
            }
        }
        if let pending = held { _ = word(pending.start, pending.end) }
    }

    /// Reports the folded text `p[start..<end]`, lower-cased, at `range` of the original.
    private func emit(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ range: Range<Int>, colocated: Bool,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool
    ) -> Bool {
        token.removeAll(keepingCapacity: true)
        TokenClass.appendCaseFolded(p, from: start, to: end, into: &token)
        return token.withUnsafeBufferPointer { body($0, range, colocated) }
    }
}
