import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Missing and corrupt dictionaries: `--dictionaries DIR` (or HANZI_DICTIONARIES) replaces the
// embedded ones, so a broken directory must give exit code 4, a message naming the file (and
// the line where there is one), nothing on standard output, and no output file. A corrupt
// compiled cache is not the user's dictionary: it is rebuilt from the text dictionary.

/// A copy of the project's Dictionaries/ in a fresh directory, to break.
func copyOfDictionaries() throws -> URL {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Dictionaries").standardizedFileURL
    let directory = try temporaryDirectory().appendingPathComponent("dicts")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for sub in ["opencc", "jieba"] {
        try FileManager.default.copyItem(at: source.appendingPathComponent(sub), to: directory.appendingPathComponent(sub))
    }
    return directory
}

@Suite("Dictionary errors")
struct DictionaryErrorTests {
    /// Every command that loads dictionaries, with an input it would handle.
    static let commands: [(arguments: [String], input: String)] = [
        (["convert", "-c", "s2t"], "后来他说头发\n"),
        (["segment"], "我来到北京清华大学\n"),
        (["repair"], "他说：鈥滀綘濂解€\u{FFFD}\n"),
        (["detect"], "他后来去了台湾\n"),
        (["clean", "-c", "s2t"], "他说:鈥滀綘濂解€\u{FFFD}\n"),
    ]

    /// Runs `arguments` over `dictionaries` (by option, or by environment), with `-o FILE` for
    /// the commands that take it, and checks that it failed as a dictionary error naming
    /// `file` (and `fragment`), writing nothing.
    func expectDictionaryError(_ arguments: [String], input: String, dictionaries: String, byEnvironment: Bool = false,
                               naming file: String, _ fragment: String? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("out.txt")
        let takesOutput = arguments[0] != "detect"
        let options = byEnvironment ? [] : ["--dictionaries", dictionaries]
        let environment = byEnvironment ? ["HANZI_DICTIONARIES": dictionaries] : [:]
        let result = try hanzi(arguments + options + (takesOutput ? ["-o", output.path] : []), input: Array(input.utf8),
                               environment: environment)
        #expect(result.status == 4, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("hanzi: "), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(file), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        if let fragment {
            #expect(result.stderr.contains(fragment), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(result.stdout.isEmpty, "\(arguments)", sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [], "\(arguments)",
                sourceLocation: sourceLocation)
        // Standard output too: nothing written before the failure.
        let toStandardOutput = try hanzi(arguments + options, input: Array(input.utf8), environment: environment)
        #expect(toStandardOutput.status == 4, "\(arguments): \(toStandardOutput.stderr)", sourceLocation: sourceLocation)
        #expect(toStandardOutput.stdout.isEmpty, "\(arguments)", sourceLocation: sourceLocation)
    }

    // MARK: Missing

    @Test func missingDictionaryDirectoryIsADictionaryError() throws {
        let missing = "/nonexistent/hanzi-dictionaries"
        for (arguments, input) in Self.commands {
            // convert names the directory through the config it cannot find there.
            let reason = arguments[0] == "convert" ? "s2t" : "No such file or directory"
            try expectDictionaryError(arguments, input: input, dictionaries: missing, naming: missing, reason)
            try expectDictionaryError(arguments, input: input, dictionaries: missing, byEnvironment: true, naming: missing)
        }
    }

    @Test func missingFilesInADictionaryDirectoryAreDictionaryErrors() throws {
        let dictionaries = try copyOfDictionaries()
        try FileManager.default.removeItem(at: dictionaries.appendingPathComponent("jieba/hmm.txt"))
        try FileManager.default.removeItem(at: dictionaries.appendingPathComponent("opencc/STPhrases.txt"))
        try expectDictionaryError(["segment"], input: "我来到北京清华大学\n", dictionaries: dictionaries.path,
                                  naming: dictionaries.path + "/jieba/hmm.txt", "No such file or directory")
        try expectDictionaryError(["convert", "-c", "s2t"], input: "后来\n", dictionaries: dictionaries.path,
                                  naming: dictionaries.path + "/opencc/STPhrases.txt", "No such file or directory")
        // The commands that need neither still work from the directory.
        let repaired = try hanzi(["repair", "--dictionaries", dictionaries.path], input: "他说：鈥滀綘濂解€\u{FFFD}\n")
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.text == "他说：“你好”\n")
        let converted = try hanzi(["convert", "-c", "t2s", "--dictionaries", dictionaries.path], input: "後來\n")
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(converted.text == "后来\n")
    }

    // MARK: Corrupt text dictionaries

    @Test func truncatedJiebaDictionaryIsADictionaryError() throws {
        // Cut inside a character, as a copy interrupted mid-file leaves it: the last line ends
        // with an incomplete UTF-8 sequence.
        let dictionaries = try copyOfDictionaries()
        let file = dictionaries.appendingPathComponent("jieba/dict.txt")
        var bytes = Array(try Data(contentsOf: file).prefix(1_000_000))
        while bytes.last! & 0xC0 == 0x80 { bytes.removeLast() }
        #expect(bytes.last! >= 0xE0)  // a lead byte without its continuation bytes
        let offset = bytes.count - 1
        let line = bytes.count(where: { $0 == 0x0A }) + 1
        try Data(bytes).write(to: file)
        for (arguments, input) in Self.commands where ["segment", "repair"].contains(arguments[0]) {
            try expectDictionaryError(arguments, input: input, dictionaries: dictionaries.path,
                                      naming: "\(file.path):\(line):", "invalid UTF-8 at byte offset \(offset)")
        }
        // convert and detect do not read jieba's dictionary.
        for (arguments, input) in Self.commands where ["convert", "detect"].contains(arguments[0]) {
            let result = try hanzi(arguments + ["--dictionaries", dictionaries.path], input: input)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test func binaryGarbageAsJiebaDictionaryIsADictionaryError() throws {
        let dictionaries = try copyOfDictionaries()
        let file = dictionaries.appendingPathComponent("jieba/dict.txt")
        // A deterministic byte soup: one good line (12 bytes), then bytes F8–FF, never UTF-8.
        let garbage = Array("北京 3 ns\n".utf8) + (0..<4096).map { UInt8(truncatingIfNeeded: scattered($0) >> 56) | 0xF8 }
        try Data(garbage).write(to: file)
        try expectDictionaryError(["segment"], input: "我来到北京清华大学\n", dictionaries: dictionaries.path,
                                  naming: file.path + ":2:", "invalid UTF-8 at byte offset 12")
    }

    @Test func malformedOpenCCDictionaryIsADictionaryErrorForEveryCommandThatReadsIt() throws {
        // STCharacters.txt is read by convert (s2t), segment (Traditional folding), repair
        // (plausibility) and detect (script evidence).
        let dictionaries = try copyOfDictionaries()
        let file = dictionaries.appendingPathComponent("opencc/STCharacters.txt")
        try Data("万\t萬\n这一行没有制表符\n".utf8).write(to: file)
        for (arguments, input) in Self.commands {
            try expectDictionaryError(arguments, input: input, dictionaries: dictionaries.path,
                                      naming: file.path + ":2:", "expected `key<TAB>target")
        }
        // Without Traditional folding, segment reads no OpenCC dictionary.
        let result = try hanzi(["segment", "--traditional", "off", "--dictionaries", dictionaries.path], input: "我来到北京清华大学\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == "我 / 来到 / 北京 / 清华大学\n")
    }

    @Test func malformedHMMModelIsADictionaryError() throws {
        let dictionaries = try copyOfDictionaries()
        let file = dictionaries.appendingPathComponent("jieba/hmm.txt")
        var text = try String(contentsOf: file, encoding: .utf8)
        // Keep the file whole but break one line in the middle.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let broken = lines.count / 2
        lines[broken] = "emit\tB\t中\tnot-a-number"
        text = lines.joined(separator: "\n")
        try Data(text.utf8).write(to: file)
        try expectDictionaryError(["segment"], input: "我来到北京清华大学\n", dictionaries: dictionaries.path,
                                  naming: "\(file.path):\(broken + 1):", "expected a number")
    }

    @Test func brokenConversionConfigsAreDictionaryErrors() throws {
        let dictionaries = try copyOfDictionaries()
        // A bundled config that is not JSON.
        let config = dictionaries.appendingPathComponent("opencc/s2t.json")
        try Data(#"{"name": "broken", "conversion_chain": ["#.utf8).write(to: config)
        try expectDictionaryError(["convert", "-c", "s2t"], input: "后来\n", dictionaries: dictionaries.path,
                                  naming: config.path, "not a valid OpenCC config")
        // A config of one's own naming a dictionary that is not there.
        let own = try temporaryDirectory().appendingPathComponent("mine.json")
        try Data(#"{"name": "mine", "conversion_chain": [{"dict": {"type": "text", "file": "NoSuchPhrases.txt"}}]}"#.utf8).write(to: own)
        try expectDictionaryError(["convert", "-c", own.path], input: "后来\n", dictionaries: dictionaries.path,
                                  naming: "NoSuchPhrases.txt")
        // One naming a dictionary that is malformed.
        let bad = own.deletingLastPathComponent().appendingPathComponent("Bad.txt")
        try Data("后\t後\n来 来\n".utf8).write(to: bad)
        let badConfig = own.deletingLastPathComponent().appendingPathComponent("bad.json")
        try Data(#"{"name": "bad", "conversion_chain": [{"dict": {"type": "text", "file": "Bad.txt"}}]}"#.utf8).write(to: badConfig)
        try expectDictionaryError(["convert", "-c", badConfig.path], input: "后来\n", dictionaries: dictionaries.path,
                                  naming: bad.path + ":2:")
    }

    @Test func anExistingOutputFileSurvivesADictionaryError() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("article.txt")
        try Data("原来的内容\n".utf8).write(to: output)
        for (arguments, input) in Self.commands where arguments[0] != "detect" {
            let result = try hanzi(arguments + ["--dictionaries", "/nonexistent/dicts", "-o", output.path], input: input)
            #expect(result.status != 0, "\(arguments)")
            #expect(try Data(contentsOf: output) == Data("原来的内容\n".utf8), "\(arguments)")
        }
        // --in-place too: the file and no backup.
        let result = try hanzi(["segment", "--dictionaries", "/nonexistent/dicts", "--in-place", output.path])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(try Data(contentsOf: output) == Data("原来的内容\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["article.txt"])
    }

    @Test func emptyJiebaDictionaryIsADictionaryError() throws {
        // A copy that failed: jieba too refuses a dictionary whose total frequency is 0.
        let dictionaries = try copyOfDictionaries()
        try Data().write(to: dictionaries.appendingPathComponent("jieba/dict.txt"))
        for command in [["segment"], ["repair"]] {
            try expectDictionaryError(command, input: "我来到北京清华大学\n", dictionaries: dictionaries.path,
                                      naming: "jieba/dict.txt", "no word has a frequency")
        }
    }

    // MARK: The compiled cache

    /// The cache file whose name starts with `prefix` (e.g. `STCharacters.txt-`): the largest,
    /// since other tests compile small dictionaries of the same name into the shared cache.
    func cacheFile(_ prefix: String, suffix: String = ".hzlex", in cache: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }
        let sizes = names.map { name in
            ((try? FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(name).path))?[.size] as? Int) ?? 0
        }
        let largest = try #require(zip(names, sizes).max { $0.1 < $1.1 }, "\(prefix)*\(suffix) in \(cache.path)")
        return cache.appendingPathComponent(largest.0)
    }

    @Test func corruptCompiledCacheIsRebuilt() throws {
        let cache = try warmCache()
        let environment = ["HANZI_CACHE_DIR": cache.path]
        let characters = try cacheFile("STCharacters.txt-", in: cache)
        let good = try Data(contentsOf: characters)
        #expect(good.prefix(8) == Data("HanziLex".utf8))
        for (name, corrupt) in [
            ("garbage", Data(repeating: 0x5A, count: good.count)),
            ("truncated", good.prefix(good.count / 2)),
            ("payload changed", { var d = good; for i in stride(from: 100, to: d.count, by: 997) { d[i] ^= 0xFF }; return d }()),
            ("empty", Data()),
        ] {
            try corrupt.write(to: characters)
            let result = try hanzi(["convert", "-c", "s2t"], input: "后来他说头发\n", environment: environment)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.text == "後來他說頭髮\n", "\(name)")
            #expect(try Data(contentsOf: characters) == good, "\(name): the cache file is rebuilt")
        }
    }

    @Test func corruptHMMCacheIsRebuilt() throws {
        let cache = try warmCache()
        let model = try cacheFile("hmm-", suffix: ".hzhmm", in: cache)
        let good = try Data(contentsOf: model)
        var corrupt = good
        for i in stride(from: 64, to: corrupt.count, by: 4093) { corrupt[i] ^= 0x40 }
        try corrupt.write(to: model)
        // 杭研 is no dictionary word: the HMM decides how it is cut.
        let result = try hanzi(["segment"], input: "他来到了网易杭研大厦\n", environment: ["HANZI_CACHE_DIR": cache.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == "他 / 来到 / 了 / 网易 / 杭研 / 大厦\n")
        #expect(try Data(contentsOf: model) == good)
    }

    @Test func cacheCorruptedInPlaceWithItsStampKeptNeverCrashes() throws {
        // A cache file is verified once, then trusted while its device, inode, size and
        // modification time are unchanged. Damage that keeps them (a disk error, a tool writing
        // in place and restoring the time) is not seen — but must not crash: the trie walk is
        // bounds-checked. (Observed: exit 0 with different tokens; see the report.)
        let cache = try warmCache()
        let lexicon = try cacheFile("dict.txt-", in: cache)
        var info = stat()
        #expect(stat(lexicon.path, &info) == 0)
        let handle = try FileHandle(forUpdating: lexicon)
        let size = UInt64(info.st_size)
        for i in 0..<20_000 {
            try handle.seek(toOffset: 64 + (scattered(2 * i) >> 16) % (min(size, 15_000_000) - 64))
            handle.write(Data([UInt8(truncatingIfNeeded: scattered(2 * i + 1) >> 56)]))
        }
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, lexicon.path, &times, 0) == 0)
        var after = stat()
        #expect(stat(lexicon.path, &after) == 0)
        #expect(after.st_ino == info.st_ino && after.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
        let text = String(repeating: "我来到北京清华大学，研究自然语言处理。工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作\n", count: 50)
        for mode in ["accurate", "full", "search"] {
            let result = try hanzi(["segment", "--mode", mode], input: text, environment: ["HANZI_CACHE_DIR": cache.path])
            #expect(result.status == 0 || result.status == 4, "\(mode): \(result.status) \(result.stderr)")
            if result.status == 0 {
                #expect(result.text.split(separator: "\n").count == 50, "\(mode)")
            }
        }
        let repaired = try hanzi(["repair"], input: "他说：鈥滀綘濂解€\u{FFFD}\n", environment: ["HANZI_CACHE_DIR": cache.path])
        #expect(repaired.status == 0 || repaired.status == 4, "\(repaired.status) \(repaired.stderr)")
    }

    @Test func unusableCacheDirectoryOnlyCostsTime() throws {
        // HANZI_CACHE_DIR is a regular file: nothing can be cached, everything still works.
        let file = try temporaryDirectory().appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: file)
        let environment = ["HANZI_CACHE_DIR": file.path]
        let converted = try hanzi(["convert", "-c", "s2t"], input: "后来他说头发\n", environment: environment)
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(converted.text == "後來他說頭髮\n")
        let detected = try hanzi(["detect"], input: "他后来去了台湾\n", environment: environment)
        #expect(detected.status == 0, "\(detected.stderr)")
        #expect(detected.text.contains("simplified"))
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }
}


/// Deterministic, well-spread bits for test data: Fibonacci hashing of `i` (its high bits
/// are the spread ones).
private func scattered(_ i: Int) -> UInt64 {
    UInt64(truncatingIfNeeded: i &+ 1) &* 0x9E37_79B9_7F4A_7C15
}
