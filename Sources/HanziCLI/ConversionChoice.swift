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

    /// Rejects an unknown config name as a usage error, listing the available ones.
    func validate(store: DictionaryStore) throws {
        guard path == nil else { return }
        let available = ConversionConfig.availableNames(in: store)
        guard available.contains(name) else {
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
            printError(error.description)
            throw HanziExit.dictionaryError
        }
    }
}
