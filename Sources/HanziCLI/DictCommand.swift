import ArgumentParser
import HanziKit
#if canImport(Glibc)
import Glibc
#endif

struct DictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dict",
        abstract: "Compile and inspect dictionaries.",
        discussion: """
            Examples:
              hanzi dict build                         # compile the bundled dictionaries ahead of time
              hanzi dict build my_words.txt -o my_words.hzlex
              hanzi dict info
              hanzi dict lookup 北京大学
            """,
        subcommands: [Build.self, Info.self, Lookup.self]
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
                    let lexicon = try dictionaries.lexicon(name)
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

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Look words up in a dictionary: frequency and tag (jieba), targets (OpenCC).",
            discussion: """
                Examples:
                  hanzi dict lookup 北京大学
                  hanzi dict lookup --dictionary opencc/STPhrases.txt 头发 干预
                  hanzi dict lookup --dictionary my_words.hzlex 云计算
                """
        )
        @OptionGroup var dictionaries: DictionaryOptions
        @Option(help: ArgumentHelp("A dictionary in use (e.g. opencc/TSCharacters.txt), a text dictionary file or a .hzlex file.", valueName: "name"))
        var dictionary = "jieba/dict.txt"
        @Argument(help: "Words to look up.")
        var words: [String]

        func run() throws {
            try withExitCodes {
                let lexicon = try dictionaries.lexicon(dictionary)
                var missing = 0
                for word in words {
                    guard let entry = lexicon.entry(for: word) else {
                        print("\(word)\tnot found")
                        missing += 1
                        continue
                    }
                    var fields = [word]
                    if lexicon.hasFrequencies { fields.append(String(lexicon.frequency(of: entry))) }
                    if let tag = lexicon.tag(of: entry) { fields.append(tag) }
                    fields += lexicon.values(of: entry)
                    print(fields.joined(separator: "\t"))
                }
                if missing > 0 { throw HanziExit.found }
            }
        }
    }
}

extension DictionaryOptions {
    /// A dictionary named on the command line: a compiled .hzlex file, a dictionary of the
    /// store (e.g. opencc/STPhrases.txt), or any text dictionary file.
    func lexicon(_ name: String) throws -> Lexicon {
        if name.hasSuffix(".hzlex") { return try Lexicon(contentsOf: name) }
        let store = self.store
        if directory == nil, store.fileNames().contains(name) || access(name, R_OK) != 0 {
            return try store.lexicon(name, format: name.hasPrefix("jieba/") ? .jieba : .opencc)
        }
        if access(name, R_OK) == 0 { return try store.lexicon(atPath: name) }
        return try store.lexicon(name, format: name.hasPrefix("jieba/") ? .jieba : .opencc)
    }
}

extension TextDictionaryFormat: ExpressibleByArgument {}
