#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Chinese word segmentation that gives jieba 0.42.1's tokens, exactly, from its dictionary and
/// HMM model.
///
/// ```swift
/// let segmenter = try Segmenter()
/// for token in segmenter.tokens(in: "我来到北京清华大学", mode: .search) {
///     print(token.text, token.utf8Range, token.scalarRange)
/// }
/// ```
///
/// A segmenter is a value: copies share the dictionary (a memory-mapped lexicon) and the HMM
/// model, and each copy has its own user words (``addWord(_:frequency:tag:)``). It is
/// `Sendable`; segmenting never mutates it, so one segmenter serves any number of threads, each
/// with its own ``Workspace`` when using the allocation-free
/// ``forEachToken(in:mode:hmm:workspace:_:)``.
///
/// Text is read as UTF-8. Invalid bytes (possible only through the byte-level API) never stop
/// it: each byte that does not start a well-formed sequence is a one-character token of its own.
public struct Segmenter: Sendable {
    /// The base dictionary, shared by every copy.
    public let lexicon: Lexicon
    /// The HMM for words missing from the dictionary.
    public let model: HMMModel
    /// The Traditional→Simplified mapping, when the segmenter handles Traditional text.
    let folding: TraditionalFolding?
    /// Words added or removed at run time.
    private(set) var user = UserDictionary()
    /// The character index of these words, once built (replaced whenever the words change).
    private(set) var characterIndex = CharacterIndexSlot()
    /// `log(total)`, jieba's normalizer: the sum of the base dictionary's frequencies and of
    /// every frequency added since.
    private(set) var logTotal: Double

    /// A segmenter over the bundled jieba dictionary and model (or those of `store`).
    /// - Parameters:
    ///   - store: where the dictionaries come from.
    ///   - traditional: whether to load OpenCC's Traditional→Simplified dictionaries to
    ///     segment Traditional text (see ``TraditionalHandling``); without them Traditional
    ///     text is segmented as jieba does.
    /// - Throws: ``LexiconError`` when a dictionary file is missing or malformed.
    public init(store: DictionaryStore = .standard, traditional: Bool = true) throws {
        try self.init(
            lexicon: store.jiebaDictionary(), model: HMMModel(store: store),
            folding: traditional ? TraditionalFolding(store: store) : nil)
    }

    /// A segmenter over any jieba-style lexicon (words with frequencies) and model, without
    /// Traditional handling.
    public init(lexicon: Lexicon, model: HMMModel) {
        self.init(lexicon: lexicon, model: model, folding: nil)
    }

    private init(lexicon: Lexicon, model: HMMModel, folding: TraditionalFolding?) {
        self.lexicon = lexicon
        self.model = model
        self.folding = folding
        logTotal = log(Double(lexicon.totalFrequency))
    }

    /// The total of all word frequencies, jieba's `total`.
    public var totalFrequency: Int64 {
        Int64(clamping: lexicon.totalFrequency) &+ user.addedFrequency
    }

    /// Changes the user words, then recomputes what depends on them: `log(total)`, and the
    /// character index (dropped, since it would lack the change).
    mutating func updateUserWords(_ change: (inout UserDictionary) -> Void) {
        change(&user)
        logTotal = log(Double(totalFrequency))
        characterIndex = CharacterIndexSlot()
    }

    /// Builds the character index that makes segmenting about twice as fast, unless built
    /// already: about 20 MB for jieba's dictionary, worth it past about a megabyte of text.
    /// Without user words, the index of a lexicon from ``DictionaryStore``'s cache is cached
    /// beside it, so that only the first use builds it (a quarter of a second) and later ones
    /// read it (a few milliseconds).
    ///
    /// Copies of this segmenter made before or after share the index, as long as they have the
    /// same user words. Other threads may segment meanwhile; they switch to the index when it
    /// is ready. Adding or removing words drops it (build it again after).
    public func buildCharacterIndex() {
        guard !loadCachedCharacterIndex() else { return }
        guard let index = CharacterIndex(lexicon: lexicon, user: user) else { return }
        characterIndex.publish(index)
        if let cachePath = user.isEmpty ? CharacterIndex.cachePath(for: lexicon) : nil {
            try? index.write(to: cachePath, for: lexicon)
        }
    }

    /// Reads the character index from its cache beside the lexicon, if it is there: a few
    /// milliseconds, against a quarter of a second for ``buildCharacterIndex()``. Returns
    /// whether the segmenter has its index now.
    @discardableResult
    public func loadCachedCharacterIndex() -> Bool {
        guard characterIndex.index == nil else { return true }
        guard user.isEmpty, let cachePath = CharacterIndex.cachePath(for: lexicon),
              let index = CharacterIndex.cached(at: cachePath, for: lexicon) else { return false }
        characterIndex.publish(index)
        return true
    }

    /// The tokens of `text`.
    /// - Parameters:
    ///   - mode: ``Mode/accurate`` (jieba `cut`), ``Mode/full`` (`cut(cut_all=True)`) or
    ///     ``Mode/search`` (`cut_for_search`).
    ///   - hmm: whether runs of characters missing from the dictionary go through the HMM
    ///     (jieba's `HMM=True`, the default); full mode never uses it.
    ///   - traditional: whether to segment Traditional text through its Simplified form.
    /// - Returns: the tokens in jieba's order. In accurate mode they cover the text exactly,
    ///   in order. In full and search mode they overlap; full mode leaves out the empty strings
    ///   jieba yields beside whitespace.
    public func tokens(
        in text: String, mode: Mode = .accurate, hmm: Bool = true, traditional: TraditionalHandling = .auto
    ) -> [Token] {
        var contiguous = text
        contiguous.makeContiguousUTF8()
        let source = contiguous
        let workspace = Workspace()
        var tokens: [Token] = []
        _ = source.utf8.withContiguousStorageIfAvailable { bytes in
            var counter = ScalarCounter(bytes)
            segment(bytes, mode: mode, hmm: hmm, traditional: traditional, workspace: workspace) { start, end in
                let scalarStart = counter.scalarOffset(ofByte: start)
                let scalarEnd = counter.scalarOffset(ofByte: end)
                tokens.append(Token(source: source, utf8Range: start..<end, scalarRange: scalarStart..<scalarEnd))
            }
        }
        return tokens
    }

    /// The tokens' texts, as jieba's `lcut` returns them.
    public func words(
        in text: String, mode: Mode = .accurate, hmm: Bool = true, traditional: TraditionalHandling = .auto
    ) -> [String] {
        tokens(in: text, mode: mode, hmm: hmm, traditional: traditional).map { String($0.text) }
    }

    /// Calls `body` with the UTF-8 byte range of every token of `text`, in jieba's order,
    /// allocating nothing once `workspace` has grown to the text's longest run of word
    /// characters.
    /// - Parameters:
    ///   - text: UTF-8 bytes; invalid sequences are tolerated (see ``Segmenter``).
    ///   - mode: the segmentation mode.
    ///   - hmm: whether to use the HMM for unknown words.
    ///   - traditional: whether to segment Traditional text through its Simplified form.
    ///   - workspace: scratch memory, one per thread.
    ///   - body: called with each token's byte offsets in `text`.
    public func forEachToken(
        in text: UnsafeBufferPointer<UInt8>, mode: Mode = .accurate, hmm: Bool = true,
        traditional: TraditionalHandling = .auto, workspace: Workspace, _ body: (Range<Int>) -> Void
    ) {
        segment(text, mode: mode, hmm: hmm, traditional: traditional, workspace: workspace) { body($0..<$1) }
    }

    /// Splits `text` into jieba's blocks — runs of `re_han_default` characters, segmented with
    /// the dictionary, and the characters between them — and segments each.
    func segment(
        _ text: UnsafeBufferPointer<UInt8>, mode: Mode, hmm: Bool, workspace: Workspace,
        _ emit: (_ start: Int, _ end: Int) -> Void
    ) {
        guard let p = text.baseAddress else { return }
        // Read once per call (the slot's load goes through generic metadata) and passed down as
        // plain pointers. The slot, which `self` holds, keeps the index alive: an index once
        // published is never removed from its slot.
        let index = characterIndex.index?.lookup
        let n = text.count
        if let index, mode != .full {
            segmentInBatches(p, count: n, mode: mode, hmm: hmm, index: index, workspace: workspace, emit)
            return
        }
        var i = 0
        while i < n {
            let (c, length) = ScalarScanner.decode(p, i, n)
            var j = i + length
            if ScalarScanner.isSegmentable(c) {
                j = blockEnd(p, from: i, count: n)
                switch mode {
                case .accurate:
                    cutBlock(p, from: i, to: j, hmm: hmm, index: index, workspace: workspace, emit)
                case .search:
                    cutBlock(p, from: i, to: j, hmm: hmm, index: index, workspace: workspace) { start, end in
                        emitWithSubwords(p, from: start, to: end, index: index, emit)
                    }
                case .full:
                    cutAll(p, from: i, to: j, index: index, workspace: workspace, emit)
                }
            } else if mode == .full {
                while j < n {
                    let (c2, l2) = ScalarScanner.decode(p, j, n)
                    if ScalarScanner.isSegmentable(c2) { break }
                    j += l2
                }
                splitOnWhitespace(p, from: i, to: j, emit)
            } else {
                // jieba yields the other characters one by one, keeping "\r\n" together.
                if c == 0x0D && j < n && p[j] == 0x0A { j += 1 }
                emit(i, j)
            }
            i = j
        }
    }

    static let maximumBlock = 1 << 26

    /// Accurate and search modes through the character index, several blocks at a time.
    ///
    /// Blocks average seven characters in prose (they end at every punctuation mark), so a DAG
    /// walk of one block has only a handful of lookups in flight and waits on memory at each
    /// depth. Here the blocks of up to ``Workspace/dagChunk`` characters are walked together,
    /// then each gets its route and its words, in order, with the characters between blocks.
    private func segmentInBatches(
        _ p: UnsafePointer<UInt8>, count n: Int, mode: Mode, hmm: Bool, index: CharacterIndex.Lookup, workspace: Workspace,
        _ emit: (_ start: Int, _ end: Int) -> Void
    ) {
        var i = 0
        workspace.reserve(characters: Workspace.dagChunk)
        while i < n {
            // Gather the pieces, blocks loaded as they are found, and the other characters one
            // by one. Each block takes a position more, for its end. A batch holds as many
            // pieces as positions, so that a long run of other characters stays in bounds too.
            workspace.batch.removeAll(keepingCapacity: true)
            var m = 0
            let base = i
            while i < n && workspace.batch.count < 3 * Workspace.dagChunk {
                let (c, length) = ScalarScanner.decode(p, i, n)
                var j = i + length
                if ScalarScanner.isSegmentable(c) {
                    guard let (end, last) = loadBlock(p, from: i, count: n, at: m, base: base, room: Workspace.dagChunk - 1 - m,
                                                      workspace: workspace) else { break }
                    workspace.batch.append(i)
                    workspace.batch.append(end)
                    workspace.batch.append(m)
                    // The block's end is a position of its own, where no walk starts.
                    workspace.limits[last] = Int32(truncatingIfNeeded: last)
                    m = last + 1
                    j = end
                } else {
                    // jieba yields the other characters one by one, keeping "\r\n" together.
                    if c == 0x0D && j < n && p[j] == 0x0A { j += 1 }
                    workspace.batch.append(i)
                    workspace.batch.append(j)
                    workspace.batch.append(-1)
                }
                i = j
            }
            if workspace.batch.isEmpty {
                // A block too long for a batch goes alone, its DAG built chunk by chunk.
                let j = blockEnd(p, from: i, count: n)
                cutBlock(p, from: i, to: j, hmm: hmm, index: index, workspace: workspace) { start, end in
                    mode == .search ? emitWithSubwords(p, from: start, to: end, index: index, emit) : emit(start, end)
                }
                i = j
                continue
            }
            _ = buildDAG(index: index, positions: 0, m, workspace: workspace)
            for piece in stride(from: 0, to: workspace.batch.count, by: 3) {
                let start = workspace.batch[piece], end = workspace.batch[piece + 1], first = workspace.batch[piece + 2]
                guard first >= 0 else {
                    emit(start, end)
                    continue
                }
                let last = Int(workspace.limits[first])
                workspace.probabilities[last] = 0
                computeRoute(positions: first, last, dagStart: 0, workspace: workspace)
                // Two calls rather than one through a local function choosing per word: passing
                // that function down made the whole segmentation 70% slower.
                if mode == .search {
                    emitRoute(p, base: base, characters: first, last, rows: m, hmm: hmm, index: index, workspace: workspace) { start, end in
                        emitWithSubwords(p, from: start, to: end, index: index, emit)
                    }
                } else {
                    emitRoute(p, base: base, characters: first, last, rows: m, hmm: hmm, index: index, workspace: workspace, emit)
                }
            }
        }
    }

    /// Full mode's split of a run of other characters: jieba splits it on whitespace
    /// (`(\r\n|\s)`) and yields the pieces and the separators; the empty pieces it also yields
    /// are left out.
    private func splitOnWhitespace(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, _ emit: (Int, Int) -> Void) {
        var pieceStart = start
        var q = start
        while q < end {
            let (c, length) = ScalarScanner.decode(p, q, end)
            guard ScalarScanner.isWhitespace(c) else {
                q += length
                continue
            }
            var separatorEnd = q + length
            if c == 0x0D && separatorEnd < end && p[separatorEnd] == 0x0A { separatorEnd += 1 }
            if q > pieceStart { emit(pieceStart, q) }
            emit(q, separatorEnd)
            q = separatorEnd
            pieceStart = q
        }
        if pieceStart < end { emit(pieceStart, end) }
    }
}

/// Converts UTF-8 byte offsets to Unicode-scalar offsets for offsets that arrive roughly in
/// order, by counting scalar starts between the previous offset and the next.
struct ScalarCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var byte = 0
    private var scalar = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func scalarOffset(ofByte target: Int) -> Int {
        if target >= byte {
            for i in byte..<target where bytes[i] & 0xC0 != 0x80 { scalar += 1 }
        } else {
            for i in target..<byte where bytes[i] & 0xC0 != 0x80 { scalar -= 1 }
        }
        byte = target
        return scalar
    }
}
