import ArgumentParser
import HanziKit
#if canImport(Glibc)
import Glibc
#endif

/// A `--config` value of `convert` and `clean`: a bundled config's name (`s2t`, or `s2t.json`
/// as OpenCC's command-line tool also accepts) or the path of an OpenCC JSON config.
struct ConversionChoice {
    var config: String
    var includesTofuRisk = true

    /// `config` as a file to read: a value with a `/` or ending in `.json` that names a file.
    var path: String? {
        (config.contains("/") || config.hasSuffix(".json")) && access(config, F_OK) == 0 ? config : nil
    }

    /// `config` as a bundled config's name.
    var name: ConversionConfig.Name {
        .init(rawValue: config.hasSuffix(".json") ? String(config.dropLast(5)) : config)
    }

    /// The script a bundled config writes: Traditional for s2t, s2tw, s2twp, s2hk …;
    /// Simplified for t2s, tw2s, tw2sp, hk2s …; nil for the others and for config files.
    var targetScript: ChineseScript? {
        guard path == nil else { return nil }
        if name.rawValue.hasPrefix("s2") { return .traditional }
        if name.rawValue.hasSuffix("2s") || name.rawValue.hasSuffix("2sp") { return .simplified }
        return nil
    }

    /// Rejects an unknown config name as a usage error, listing the available ones. A store
    /// with no configs at all is left to fail loading, as a dictionary error.
    func validate(store: DictionaryStore) throws {
        guard path == nil else { return }
        let available = ConversionConfig.availableNames(in: store)
        guard available.contains(name) || available.isEmpty else {
            throw ValidationError(ConversionConfigError.unknownConfig(config, available: available.map(\.rawValue)).description)
        }
    }

    /// The converter. A config that cannot be loaded is a dictionary error.
    func makeConverter(store: DictionaryStore) throws -> Converter {
        do {
            if let path {
                return try Converter(config: try ConversionConfig(contentsOf: path), store: store,
                                     includingTofuRiskDictionaries: includesTofuRisk)
            }
            return try Converter(name, store: store, includingTofuRiskDictionaries: includesTofuRisk)
        } catch let error as ConversionConfigError {
            if case .unknownConfig = error, let directory = store.directory {
                // Only a dictionary directory without configs gets here (see validate).
                printError("\(directory): no OpenCC config \"\(config)\" there (\(access(directory, F_OK) == 0 ? "no opencc/\(name.rawValue).json" : "No such file or directory"))")
            } else {
                printError(error.description)
            }
            throw HanziExit.dictionaryError
        }
    }
}
