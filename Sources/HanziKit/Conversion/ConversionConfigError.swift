/// Why a conversion config could not be loaded.
public enum ConversionConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bundled config has this name.
    case unknownConfig(String, available: [String])
    /// The config file is not a valid OpenCC config (bad JSON, missing or mistyped property).
    case invalid(path: String, reason: String)
    /// The config asks for something HanziKit does not do (a segmentation plugin).
    case unsupported(path: String, reason: String)
    /// A dictionary file the config names was found nowhere.
    case dictionaryNotFound(config: String, file: String, tried: [String])

    /// A message for people, naming the config and what to do.
    public var description: String {
        switch self {
        case let .unknownConfig(name, available):
            return "unknown config \"\(name)\"; available: \(available.joined(separator: ", ")) (or the path of an OpenCC JSON config)"
        case let .invalid(path, reason):
            return "\(path): not a valid OpenCC config: \(reason)"
        case let .unsupported(path, reason):
            return "\(path): \(reason)"
        case let .dictionaryNotFound(config, file, tried):
            return "\(config): dictionary \"\(file)\" not found (looked for \(tried.joined(separator: ", "))); "
                + "a binary .ocd2 dictionary is read from the text dictionary beside it: "
                + "dump it with `opencc_dict -i X.ocd2 -o X.txt -f ocd2 -t text`"
        }
    }
}
