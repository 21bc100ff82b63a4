import ArgumentParser
import HanziKit

/// The options every command that loads dictionaries shares.
struct DictionaryOptions: ParsableArguments {
    @Option(name: .customLong("dictionaries"), help: ArgumentHelp(
        "A directory laid out like Dictionaries/ (opencc/, jieba/) to use instead of the embedded dictionaries.",
        valueName: "dir"))
    var directory: String?

    /// The store the command reads: --dictionaries, else HANZI_DICTIONARIES, else embedded.
    var store: DictionaryStore {
        directory.map { DictionaryStore(directory: $0) } ?? .standard
    }
}
