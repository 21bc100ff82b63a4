import Synchronization

/// Converts Chinese text between scripts and regional standards exactly as OpenCC 1.4.2 does
/// (Simplified ↔ Traditional, Taiwan, Hong Kong, Japanese Shinjitai), on UTF-8 bytes.
///
/// A converter is immutable and safe to share across threads. Its dictionaries are the
/// compiled lexicons of a ``DictionaryStore``, memory-mapped, so creating one is cheap after
/// the first use of a config.
///
/// ```swift
/// let converter = try Converter(.s2twp)
/// converter.convert("鼠标里面的硅二极管坏了")   // "滑鼠裡面的矽二極體壞了"
/// ```
///
/// Input that is not valid UTF-8 never crashes a converter: bytes that begin no character
/// are copied one by one.
public final class Converter: Sendable {
    /// The config this converter runs.
    public let config: ConversionConfig
    /// Whether dictionaries marked `may_output_tofu` are used (see ``init(config:store:includingTofuRiskDictionaries:)``).
    public let includesTofuRiskDictionaries: Bool
    /// The dictionaries; it also keeps alive the lexicons the programs read without counting
    /// references.
    private let layout: ConversionLayout
    private let plain: ConversionProgram
    /// The address of the indexed program once built (retained), else 0.
    private let indexed = Atomic<UInt>(0)
    /// Bytes converted without the indexes, which decides when to build them.
    private let unindexedBytes = Atomic<Int>(0)

    /// A converter for a bundled config, e.g. `try Converter(.s2t)`.
    /// - Throws: ``ConversionConfigError`` for an unknown config, ``LexiconError`` when a
    ///   dictionary is missing or corrupt.
    public convenience init(_ name: ConversionConfig.Name, store: DictionaryStore = .standard,
                            includingTofuRiskDictionaries: Bool = true) throws {
        try self.init(config: try ConversionConfig(named: name, store: store), store: store,
                      includingTofuRiskDictionaries: includingTofuRiskDictionaries)
    }

    /// A converter for any config.
    /// - Parameters:
    ///   - config: the config, bundled or loaded from an OpenCC JSON file.
    ///   - store: where bundled dictionaries come from and compiled lexicons are cached.
    ///   - includingTofuRiskDictionaries: use the dictionaries a config marks
    ///     `may_output_tofu` (TSCharactersExt in t2s, tw2s, tw2sp, hk2s, hk2sp), which map rare
    ///     Traditional characters to Simplified ones that many fonts lack. OpenCC's library
    ///     and Python module use them by default, as here, and its test cases expect them;
    ///     OpenCC's command-line tool skips them unless given `--include-tofu-risk-dictionaries`.
    /// - Throws: ``ConversionConfigError`` when a dictionary file is found nowhere,
    ///   ``LexiconError`` when one is unreadable or corrupt.
    public init(config: ConversionConfig, store: DictionaryStore = .standard,
                includingTofuRiskDictionaries: Bool = true) throws {
        self.config = config
        includesTofuRiskDictionaries = includingTofuRiskDictionaries
        var resolver = DictionaryResolver(config: config, store: store, includesTofuRisk: includingTofuRiskDictionaries)
        let normalization = try config.normalization.compactMap { try resolver.resolve($0) }
        // OpenCC always segments with the whole dictionary, tofu-risk members included.
        let segmentation = try config.segmentation.flatMap { try resolver.resolve($0, keepingTofuRisk: true) }
        let chain = try config.conversionChain.compactMap { try resolver.resolve($0) }
        layout = ConversionLayout(normalization: normalization, segmentation: segmentation, chain: chain)
        plain = ConversionProgram(layout, indexed: false)
    }

    deinit {
        if let program = UnsafeRawPointer(bitPattern: indexed.load(ordering: .acquiring)) {
            Unmanaged<ConversionProgram>.fromOpaque(program).release()
        }
    }

    /// Text from which on indexes pay: below this much in one call, and in all calls together,
    /// converting without them costs less than building them.
    private static let indexingThreshold = 32 << 10

    /// The program to convert `count` bytes with: the indexed one when built or worth
    /// building now, else the one without indexes.
    private func program(for count: Int) -> ConversionProgram {
        if let program = UnsafeRawPointer(bitPattern: indexed.load(ordering: .acquiring)) {
            return Unmanaged<ConversionProgram>.fromOpaque(program).takeUnretainedValue()
        }
        guard count >= Self.indexingThreshold
                || unindexedBytes.add(count, ordering: .relaxed).newValue >= Self.indexingThreshold else { return plain }
        // Threads that get here at once each build one; the first to publish wins.
        let built = Unmanaged.passRetained(ConversionProgram(layout, indexed: true))
        let (exchanged, current) = indexed.compareExchange(expected: 0, desired: UInt(bitPattern: built.toOpaque()),
                                                           ordering: .acquiringAndReleasing)
        if exchanged { return built.takeUnretainedValue() }
        built.release()
        return Unmanaged<ConversionProgram>.fromOpaque(UnsafeRawPointer(bitPattern: current)!).takeUnretainedValue()
    }

    /// Converts a string.
    public func convert(_ text: String) -> String {
        var text = text
        var scratch = ConversionPlan.Scratch()
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count + input.count / 4)
            program(for: input.count).plan.convert(input, into: &output, scratch: &scratch)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Converts UTF-8 text, appending the result to `output`. Allocates nothing per
    /// character; buffers grow only with the size of the text.
    public func convert(utf8 text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var scratch = ConversionPlan.Scratch()
        program(for: text.count).plan.convert(text, into: &output, scratch: &scratch)
    }

    /// Converts UTF-8 text, appending the result to `output`, with buffers kept in `scratch`
    /// between calls: converting many lines one by one then allocates nothing once the
    /// buffers have grown to the longest line.
    public func convert(utf8 text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], scratch: inout Scratch) {
        program(for: text.count).plan.convert(text, into: &output, scratch: &scratch.buffers)
    }

    /// What converting `text` changes, segment by segment: each replacement is a dictionary
    /// word of the config's segmentation (or a run of text between such words) and its
    /// conversion. The text outside the replacements is unchanged, so this explains
    /// ``convert(utf8:into:)`` change by change, e.g. for `hanzi clean --explain`.
    ///
    /// ```swift
    /// let converter = try Converter(.s2twp)
    /// var text = "鼠标坏了"
    /// let changes = text.withUTF8 { converter.replacements(in: $0) }
    /// // [0..<6: "鼠标" → "滑鼠", 6..<9: "坏" → "壞"]
    /// ```
    public func replacements(in text: UnsafeBufferPointer<UInt8>) -> [Replacement] {
        var scratch = ConversionPlan.Scratch()
        return program(for: text.count).plan.replacements(in: text, scratch: &scratch).map {
            Replacement(range: $0.range, before: String(decoding: text[$0.range], as: UTF8.self),
                        after: String(decoding: $0.value, as: UTF8.self))
        }
    }

    /// One change a conversion makes: a segment of the input and what it becomes.
    public struct Replacement: Sendable, Hashable, CustomStringConvertible {
        /// The UTF-8 byte range of the segment in the input.
        public let range: Range<Int>
        /// The segment.
        public let before: String
        /// Its conversion.
        public let after: String

        /// `bytes 0..<6: "鼠标" → "滑鼠"`.
        public var description: String {
            "bytes \(range.lowerBound)..<\(range.upperBound): \"\(before)\" → \"\(after)\""
        }
    }

    /// Reusable working memory for ``convert(utf8:into:scratch:)``; one per thread.
    public struct Scratch: Sendable {
        var buffers = ConversionPlan.Scratch()
        /// Creates empty buffers.
        public init() {}
    }
}
