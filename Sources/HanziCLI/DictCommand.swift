import ArgumentParser
import HanziKit

struct DictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dict",
        abstract: "Compile and inspect dictionaries.",
        subcommands: [Build.self, Info.self]
    )

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile text dictionaries to HanziKit's binary lexicon format.",
            discussion: """
                Without FILE, compiles every dictionary in use (embedded, or --dictionaries) into the \
                cache (HANZI_CACHE_DIR, else ~/.cache/hanzikit), as hanzi would on first use.
                With FILEs, compiles each text dictionary (OpenCC `key<TAB>targets` or jieba \
                `word [freq] [tag]`) to FILE.hzlex, or to --output.

                Examples:
                  hanzi dict build
                  hanzi dict build my_words.txt --format jieba
                  hanzi dict build MyPhrases.txt -o MyPhrases.hzlex
                """
        )
        @OptionGroup var dictionaries: DictionaryOptions
        @Option(help: "The text format of FILE (default: guessed, tabs mean opencc).")
        var format: TextDictionaryFormat?
        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the compiled lexicon (one FILE only).", valueName: "file"))
        var output: String?
        @Argument(help: "Text dictionaries to compile.")
        var files: [String] = []

        func validate() throws {
            if output != nil && files.count != 1 { throw ValidationError("--output needs exactly one FILE") }
        }

        func run() throws {
            try withExitCodes {
                if files.isEmpty {
                    let store = dictionaries.store
                    for name in store.fileNames() where name.hasSuffix(".txt") && name != "jieba/hmm.txt" {
                        let start = ContinuousClock.now
                        let lexicon = try store.lexicon(name, format: name.hasPrefix("jieba/") ? .jieba : .opencc)
                        print("\(name): \(lexicon.count) entries, \(ContinuousClock.now - start)")
                    }
                    if let cache = store.cacheDirectory { print("cache: \(cache)") }
                    return
                }
                for file in files {
                    let start = ContinuousClock.now
                    let source = try FileBytes.read(file)
                    let bytes = try source.withUnsafeBytes {
                        try DictionaryStore.compile($0, name: file, format: format ?? .guess($0))
                    }
                    let target = output ?? (file.hasSuffix(".txt") ? String(file.dropLast(4)) : file) + ".hzlex"
                    try FileBytes.writeAtomically(bytes, to: target)
                    let lexicon = try Lexicon(contentsOf: target)
                    print("\(target): \(lexicon.count) entries, \(bytes.count) bytes, \(ContinuousClock.now - start)")
                }
            }
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Describe dictionaries: entries, longest key, total frequency.",
            discussion: """
                NAME is a compiled .hzlex file, a text dictionary file, or the name of a dictionary \
                in use (e.g. opencc/STPhrases.txt, jieba/dict.txt). Without NAME, lists them.

                Examples:
                  hanzi dict info
                  hanzi dict info jieba/dict.txt
                  hanzi dict info MyPhrases.hzlex
                """
        )
        @OptionGroup var dictionaries: DictionaryOptions
        @Argument(help: "Dictionaries to describe.")
        var names: [String] = []

        func run() throws {
            try withExitCodes {
                let store = dictionaries.store
                guard !names.isEmpty else {
                    print("dictionaries: \(store.locationDescription)")
                    for name in store.fileNames() { print("  \(name)") }
                    return
                }
                for name in names {
                    let lexicon: Lexicon
                    if name.hasSuffix(".hzlex") {
                        lexicon = try Lexicon(contentsOf: name)
                    } else if store.fileNames().contains(name) {
                        lexicon = try store.lexicon(name, format: name.hasPrefix("jieba/") ? .jieba : .opencc)
                    } else {
                        lexicon = try store.lexicon(atPath: name)
                    }
                    print("""
                        \(name)
                          entries: \(lexicon.count)
                          longest key: \(lexicon.maxKeyLength) bytes
                          total frequency: \(lexicon.totalFrequency)
                        """)
                }
            }
        }
    }
}

extension TextDictionaryFormat: ExpressibleByArgument {}
