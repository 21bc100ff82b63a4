import HanziKit
import Synchronization

/// The dictionaries a `hanzi` tokenizer reads — the segmenter, and the converter that folds
/// scripts — loaded once per process for each distinct fold and user dictionary, and shared by
/// every table, connection and thread.
final class TokenizerEngine: Sendable {
    /// Cuts folded text into words.
    let segmenter: Segmenter
    /// Folds Traditional, Taiwan and Hong Kong writing to Simplified; nil for `fold 'none'`.
    let converter: Converter?

    private init(fold: HanziTokenizerOptions.Fold, userDictionary: String?) throws {
        let store = DictionaryStore.standard
        let converter = fold == .hans ? try Converter(config: Self.foldingConfig, store: store) : nil
        // Folded text is Simplified, so the segmenter's own Traditional handling is needed
        // only when text keeps its script.
        var segmenter = try Segmenter(store: store, traditional: fold == .none)
        if let userDictionary {
            let source = try FileBytes.read(userDictionary)
            if let converter {
                // Fold the user's words as documents are folded, or a Traditional entry
                // would never match.
                var folded = FoldedText()
                source.withUnsafeBufferPointer { folded.fold($0, converter: converter) }
                try segmenter.loadUserDictionary(folded.bytes, path: userDictionary)
            } else {
                try segmenter.loadUserDictionary(source, path: userDictionary)
            }
        }
        self.segmenter = segmenter
        self.converter = converter
    }

    /// Bytes left to segment before the segmenter's character index pays for itself (it takes
    /// tens of milliseconds to build and halves segmenting time): a query or two in a shell
    /// should not wait for it, indexing a corpus should have it.
    private let bytesBeforeCharacterIndex = Atomic<Int>(1 << 20)

    /// Counts text about to be segmented, building the character index on the way once enough
    /// has been (by the one call that crosses the threshold).
    func willSegment(byteCount: Int) {
        guard bytesBeforeCharacterIndex.load(ordering: .relaxed) > 0 else { return }
        let (before, after) = bytesBeforeCharacterIndex.wrappingSubtract(byteCount, ordering: .relaxed)
        if before > 0 && after <= 0 { segmenter.buildCharacterIndex() }
    }

    private struct Key: Hashable {
        var fold: HanziTokenizerOptions.Fold
        var userDictionary: String?
    }

    private static let engines = Mutex<[Key: TokenizerEngine]>([:])

    /// The process's engine for these options, loading it on first use.
    /// - Throws: ``LexiconError`` when a dictionary or the user dictionary cannot be read.
    static func shared(for options: HanziTokenizerOptions) throws -> TokenizerEngine {
        let key = Key(fold: options.fold, userDictionary: options.userDictionary)
        // Loading under the lock: connections opening at once wait for one load.
        return try engines.withLock { engines in
            if let engine = engines[key] { return engine }
            let engine = try TokenizerEngine(fold: key.fold, userDictionary: key.userDictionary)
            engines[key] = engine
            return engine
        }
    }

    /// OpenCC's tw2sp and hk2sp in one pass: Taiwan and Hong Kong phrases and variants to
    /// standard Traditional (the longest match of any of them), then Traditional to Simplified
    /// phrase by phrase. Simplified text passes through it almost untouched, and text in any of
    /// the scripts comes out in one form.
    static let foldingConfig: ConversionConfig = {
        func file(_ name: String, tofu: Bool = false) -> ConversionConfig.DictionarySpec {
            .file(name + ".ocd2", type: .ocd2, mayOutputTofu: tofu)
        }
        return ConversionConfig(
            name: "HanziFTS5 fold: Traditional, Taiwan and Hong Kong to Simplified",
            origin: .bundled,
            normalization: [file("CJK_Compatibility_Ideographs")],
            segmentation: file("TSPhrases"),
            conversionChain: [
                .group([file("TWPhrasesRev"), file("HKPhrasesRev"), file("TWVariantsRevPhrases"),
                        file("HKVariantsRevPhrases"), file("TWVariantsRev"), file("HKVariantsRev")],
                       policy: .union, mayOutputTofu: false),
                .group([file("TSPhrases"), file("TSCharactersExt", tofu: true), file("TSCharacters")],
                       policy: .shortCircuit, mayOutputTofu: false),
            ])
    }()
}
