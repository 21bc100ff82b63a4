import HanziKit

/// The options of the `hanzi` FTS5 tokenizer, written after its name in a table's `tokenize`
/// option, e.g. `tokenize = "hanzi fold 'none' mode 'accurate' hmm 'off'"`.
///
/// | option | values | default |
/// | --- | --- | --- |
/// | `fold` | `hans`: fold Traditional, Taiwan and Hong Kong text to one Simplified form; `none`: keep the script | `hans` |
/// | `mode` | how documents are cut: `search` (words plus their sub-words), `accurate` (words), `full` (every dictionary word) | `search` |
/// | `hmm` | `on`/`off` (also `1`/`0`, `true`/`false`): jieba's HMM for words missing from the dictionary | `on` |
/// | `user_dict` | the path of a user dictionary in jieba's format (`word [freq] [tag]` per line) | none |
///
/// Queries are always cut in accurate mode.
public struct HanziTokenizerOptions: Sendable, Hashable {
    /// Whether text is folded to one script before it is cut.
    public enum Fold: String, Sendable, CaseIterable {
        /// Traditional, Taiwan and Hong Kong characters and vocabulary become Mainland
        /// Simplified (phrase by phrase, through OpenCC's dictionaries), so that either script
        /// finds the other.
        case hans
        /// Characters are indexed as written; Traditional text is still cut by its Simplified
        /// form's word boundaries.
        case none
    }

    /// Script folding; ``Fold/hans`` by default.
    public var fold: Fold = .hans
    /// How documents are cut; ``Segmenter/Mode/search`` by default.
    public var mode: Segmenter.Mode = .search
    /// Whether jieba's HMM joins characters missing from the dictionary into words.
    public var hmm = true
    /// A user dictionary file in jieba's format, or nil.
    public var userDictionary: String?

    /// The defaults: `fold 'hans' mode 'search' hmm 'on'`, no user dictionary.
    public init() {}

    /// Parses the arguments FTS5 passes after the tokenizer's name: option names and values
    /// alternating, already unquoted.
    /// - Throws: ``HanziTokenizerOptionError`` for an unknown option or value, or an option
    ///   without a value.
    public init(arguments: [String]) throws(HanziTokenizerOptionError) {
        guard arguments.count % 2 == 0 else { throw .missingValue(arguments[arguments.count - 1]) }
        for index in stride(from: 0, to: arguments.count, by: 2) {
            let name = arguments[index], value = arguments[index + 1]
            switch name.lowercased() {
            case "fold":
                guard let fold = Fold(rawValue: value.lowercased()) else { throw .invalidValue(name, value) }
                self.fold = fold
            case "mode":
                guard let mode = Segmenter.Mode(rawValue: value.lowercased()) else { throw .invalidValue(name, value) }
                self.mode = mode
            case "hmm":
                switch value.lowercased() {
                case "on", "1", "true", "yes": hmm = true
                case "off", "0", "false", "no": hmm = false
                default: throw .invalidValue(name, value)
                }
            case "user_dict":
                guard !value.isEmpty else { throw .invalidValue(name, value) }
                userDictionary = value
            default:
                throw .unknownOption(name)
            }
        }
    }
}

/// Why a `hanzi` tokenizer's options were rejected.
public enum HanziTokenizerOptionError: Error, Equatable, CustomStringConvertible {
    /// An option HanziFTS5 does not know.
    case unknownOption(String)
    /// A known option with a value it does not take.
    case invalidValue(String, String)
    /// An option name at the end, without its value.
    case missingValue(String)

    /// A message naming the option and what it accepts.
    public var description: String {
        switch self {
        case let .unknownOption(name):
            "hanzi tokenizer: unknown option '\(name)' (options: fold, mode, hmm, user_dict)"
        case let .invalidValue(name, value):
            "hanzi tokenizer: invalid value '\(value)' for \(name) (fold: hans|none, mode: search|accurate|full, hmm: on|off, user_dict: a path)"
        case let .missingValue(name):
            "hanzi tokenizer: option '\(name)' needs a value"
        }
    }
}
