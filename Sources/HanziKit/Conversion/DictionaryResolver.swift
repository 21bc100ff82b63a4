#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the dictionary specs of a config into trees of lexicons.
struct DictionaryResolver {
    let config: ConversionConfig
    let configPath: String
    let store: DictionaryStore
    let includesTofuRisk: Bool
    /// Lexicons already loaded, by resolved path, so that a file a config names twice (s2twp
    /// names STPhrases in its segmentation and in its chain) is one lexicon, which lets the
    /// converter see that the two dictionaries are the same.
    private var loaded: [String: Lexicon] = [:]

    init(config: ConversionConfig, store: DictionaryStore, includesTofuRisk: Bool) {
        self.config = config
        self.store = store
        self.includesTofuRisk = includesTofuRisk
        if case let .file(path) = config.origin { configPath = path } else { configPath = config.name }
    }

    /// The tree of `spec`, or nil when tofu filtering leaves nothing of it (OpenCC then drops
    /// the chain step or group member, as its loader does).
    /// - Parameter keepingTofuRisk: include dictionaries marked `may_output_tofu` whatever the
    ///   option says (OpenCC always does for segmentation).
    mutating func resolve(_ spec: ConversionConfig.DictionarySpec, keepingTofuRisk: Bool = false) throws -> DictionaryTree? {
        if spec.mayOutputTofu && !includesTofuRisk && !keepingTofuRisk { return nil }
        switch spec {
        case let .file(name, type, _):
            return .lexicon(try lexicon(file: name, type: type))
        case let .inline(entries):
            var builder = LexiconBuilder()
            for entry in entries { builder.add(entry.key, values: [entry.value]) }
            return .lexicon(try Lexicon(bytes: try builder.serialized(), path: "\(configPath) (inline dictionary)"))
        case let .group(children, policy, _):
            var trees: [DictionaryTree] = []
            for child in children {
                if let tree = try resolve(child, keepingTofuRisk: keepingTofuRisk) { trees.append(tree) }
            }
            return trees.isEmpty ? nil : .group(trees, policy)
        }
    }

    /// The lexicon of a dictionary file named in the config.
    private mutating func lexicon(file: String, type: ConversionConfig.FileType) throws -> Lexicon {
        // A binary OpenCC dictionary is read from its text form beside it.
        var textName = file
        if type != .text, let dot = file.lastIndex(of: "."), !file[dot...].contains("/") {
            textName = file[..<dot] + ".txt"
        } else if type != .text {
            textName = file + ".txt"
        }
        let baseName = textName.split(separator: "/").last.map(String.init) ?? textName
        let bundledName = "opencc/" + baseName
        switch config.origin {
        case .bundled:
            return try cached(bundledName, bundled: true)
        case .file:
            let directory = config.origin.directory ?? "."
            var candidates = textName.hasPrefix("/") ? [textName] : [directory + "/" + textName, textName]
            if candidates.count == 2 && candidates[0] == "./" + textName { candidates.removeFirst() }
            for path in candidates where access(path, R_OK) == 0 {
                return try cached(path, bundled: false)
            }
            if store.fileNames().contains(bundledName) {
                return try cached(bundledName, bundled: true)
            }
            throw ConversionConfigError.dictionaryNotFound(config: configPath, file: file, tried: candidates + [bundledName])
        }
    }

    /// The lexicon of a store dictionary (`bundled`) or of a file path, loaded once.
    private mutating func cached(_ key: String, bundled: Bool) throws -> Lexicon {
        if let lexicon = loaded[key] { return lexicon }
        let lexicon = bundled ? try store.lexicon(key, format: .opencc) : try store.lexicon(atPath: key, format: .opencc)
        loaded[key] = lexicon
        return lexicon
    }
}
