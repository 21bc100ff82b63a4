/// What a conversion does, as data: OpenCC's config model.
///
/// A config names a chain of normalization dictionaries applied to the whole text first, an
/// optional segmentation dictionary (maximum forward matching cuts the text into segments),
/// and a chain of conversion dictionaries applied in turn to each segment. Every OpenCC 1.4.2
/// config is bundled (``ConversionConfig/Name``), and any OpenCC JSON config file can be loaded
/// with ``init(contentsOf:)``, so a new variant is a data change only.
///
/// ```swift
/// let config = try ConversionConfig(named: "s2twp")
/// let mine = try ConversionConfig(contentsOf: "/path/my_s2t.json")
/// ```
public struct ConversionConfig: Sendable, Hashable {
    /// The config's `name` (OpenCC's human-readable title), or its file name when it has none.
    public var name: String
    /// Where relative dictionary file names are looked up.
    public var origin: Origin
    /// Dictionaries applied, in order, to the whole text before segmentation (OpenCC 1.4
    /// folds CJK Compatibility Ideographs here).
    public var normalization: [DictionarySpec]
    /// The dictionary whose words cut the text into segments, or nil for one segment.
    public var segmentation: DictionarySpec?
    /// Dictionaries applied, in order, to each segment.
    public var conversionChain: [DictionarySpec]

    /// Creates a config from its parts.
    public init(name: String, origin: Origin, normalization: [DictionarySpec] = [],
                segmentation: DictionarySpec? = nil, conversionChain: [DictionarySpec]) {
        self.name = name
        self.origin = origin
        self.normalization = normalization
        self.segmentation = segmentation
        self.conversionChain = conversionChain
    }

    /// Where a config comes from, which decides how its dictionary file names resolve.
    public enum Origin: Sendable, Hashable {
        /// A config bundled with HanziKit (or in the store's directory): its files are the
        /// store's `opencc/` dictionaries, an `X.ocd2` name standing for `opencc/X.txt`.
        case bundled
        /// A config file at `path`: relative file names resolve against its directory first,
        /// then against the working directory, then among the bundled dictionaries (as
        /// OpenCC falls back to its data directory).
        case file(path: String)

        /// The directory of a config file, or nil for a bundled config.
        public var directory: String? {
            guard case let .file(path) = self else { return nil }
            guard let slash = path.lastIndex(of: "/") else { return "." }
            return slash == path.startIndex ? "/" : String(path[..<slash])
        }
    }

    /// A dictionary of a config: a file, entries written in the config, or a group.
    public indirect enum DictionarySpec: Sendable, Hashable {
        /// A dictionary file as the config names it (`type` is `text`, `ocd2` or `ocd`).
        /// Binary OpenCC files are read from the text file of the same name with `.txt`.
        case file(String, type: FileType, mayOutputTofu: Bool)
        /// OpenCC's `inline` dictionary: key → target pairs written in the config.
        case inline([InlineEntry])
        /// Child dictionaries consulted together under `policy`.
        case group([DictionarySpec], policy: MatchPolicy, mayOutputTofu: Bool)

        /// Whether OpenCC marks this dictionary as possibly producing characters that fonts
        /// lack (`"may_output_tofu": true`, TSCharactersExt in the bundled configs).
        public var mayOutputTofu: Bool {
            switch self {
            case let .file(_, _, flag), let .group(_, _, flag): flag
            case .inline: false
            }
        }
    }

    /// The `type` of a dictionary file in a config.
    public enum FileType: String, Sendable, Hashable {
        /// A text dictionary, `key<TAB>target …` per line.
        case text
        /// OpenCC's binary marisa-trie format, read from the `.txt` beside it.
        case ocd2
        /// OpenCC's legacy binary darts format, read from the `.txt` beside it.
        case ocd
    }

    /// One entry of an inline dictionary.
    public struct InlineEntry: Sendable, Hashable {
        /// The text matched.
        public var key: String
        /// What it becomes.
        public var value: String
        /// Creates an entry.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// How a group chooses among its children's matches at a position.
    public enum MatchPolicy: String, Sendable, Hashable {
        /// The first child with any match wins, with its longest match (OpenCC's default):
        /// a short phrase of an earlier dictionary beats a longer one of a later dictionary.
        case shortCircuit = "short_circuit"
        /// The longest match across all children wins; the earlier child wins a tie.
        case union
    }
}

extension ConversionConfig {
    /// The name of a bundled config, e.g. `s2t`. Any `opencc/NAME.json` of the dictionary
    /// store is a valid name; the constants are the configs OpenCC 1.4.2 ships.
    public struct Name: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The config's file name without `.json`.
        public var rawValue: String
        /// Creates a name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a name from a literal.
        public init(stringLiteral value: String) { rawValue = value }
        /// The raw value.
        public var description: String { rawValue }

        /// Simplified → Traditional (OpenCC standard).
        public static let s2t: Name = "s2t"
        /// Traditional (OpenCC standard) → Simplified.
        public static let t2s: Name = "t2s"
        /// Simplified → Traditional, Taiwan standard characters.
        public static let s2tw: Name = "s2tw"
        /// Traditional, Taiwan standard → Simplified.
        public static let tw2s: Name = "tw2s"
        /// Simplified → Traditional, Taiwan characters and phrases (鼠标 → 滑鼠).
        public static let s2twp: Name = "s2twp"
        /// Traditional, Taiwan → Simplified with Mainland phrases.
        public static let tw2sp: Name = "tw2sp"
        /// Simplified → Traditional, Hong Kong characters.
        public static let s2hk: Name = "s2hk"
        /// Traditional, Hong Kong → Simplified.
        public static let hk2s: Name = "hk2s"
        /// Simplified → Traditional, Hong Kong characters and phrases.
        public static let s2hkp: Name = "s2hkp"
        /// Traditional, Hong Kong → Simplified with Mainland phrases.
        public static let hk2sp: Name = "hk2sp"
        /// Traditional (OpenCC standard) → Taiwan standard characters.
        public static let t2tw: Name = "t2tw"
        /// Taiwan standard characters → Traditional (OpenCC standard).
        public static let tw2t: Name = "tw2t"
        /// Traditional (OpenCC standard) → Hong Kong characters.
        public static let t2hk: Name = "t2hk"
        /// Hong Kong characters → Traditional (OpenCC standard).
        public static let hk2t: Name = "hk2t"
        /// Traditional (Kyūjitai) → Japanese Shinjitai.
        public static let t2jp: Name = "t2jp"
        /// Japanese Shinjitai → Traditional (Kyūjitai).
        public static let jp2t: Name = "jp2t"
    }
}
