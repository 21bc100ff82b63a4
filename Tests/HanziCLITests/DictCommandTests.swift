import Foundation
import Testing

@Suite("hanzi dict")
struct DictCommandTests {
    @Test func versionAndHelpWork() throws {
        let version = try hanzi(["--version"])
        #expect(version.status == 0)
        #expect(version.text.hasPrefix("0."))
        // Every command and subcommand shows examples in its help.
        let commands = [[], ["clean"], ["convert"], ["detect"], ["repair"], ["segment"], ["dict"], ["dict", "build"],
                        ["dict", "info"], ["dict", "lookup"], ["index"], ["index", "add"], ["index", "search"]]
        for command in commands {
            let help = try hanzi(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.text.contains("USAGE"), "\(command)")
            #expect(help.text.contains("Examples:"), "\(command)")
        }
    }

    @Test func lookupFindsJiebaWordsAndOpenCCTargets() throws {
        let jieba = try hanzi(["dict", "lookup", "北京大学"])
        #expect(jieba.status == 0)
        #expect(jieba.text == "北京大学\t2053\tnt\n")
        let opencc = try hanzi(["dict", "lookup", "--dictionary", "opencc/STPhrases.txt", "头发"])
        #expect(opencc.text == "头发\t頭髮\n")
        let missing = try hanzi(["dict", "lookup", "不存在的词语"])
        #expect(missing.status == 1)
    }

    @Test func buildCompilesAUserDictionaryThatLookupReads() throws {
        let directory = try temporaryDirectory()
        let source = directory.appendingPathComponent("words.txt")
        try Array("云计算 5 n\n韩玉赏鉴 3 nz\n".utf8).withUnsafeBytes { try Data($0).write(to: source) }
        let build = try hanzi(["dict", "build", source.path])
        #expect(build.status == 0, "\(build.stderr)")
        let compiled = directory.appendingPathComponent("words.hzlex").path
        let lookup = try hanzi(["dict", "lookup", "--dictionary", compiled, "韩玉赏鉴"])
        #expect(lookup.text == "韩玉赏鉴\t3\tnz\n")
    }

    @Test func corruptCompiledDictionaryIsADictionaryError() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("broken.hzlex")
        try Data("HanziLex but not really a lexicon file at all, just text padding it out".utf8).write(to: file)
        let result = try hanzi(["dict", "lookup", "--dictionary", file.path, "中"])
        #expect(result.status == 4)
        #expect(result.stderr.contains(file.path))
    }

    @Test func missingDictionaryDirectoryIsADictionaryError() throws {
        let result = try hanzi(["dict", "lookup", "--dictionaries", "/nonexistent/dicts", "--dictionary", "jieba/dict.txt", "中"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("/nonexistent/dicts"))
    }

    @Test func dictionaryDirectoryReplacesTheEmbeddedOnes() throws {
        // A directory laid out like Dictionaries/, with one word's frequency changed.
        let directory = try temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("jieba"), withIntermediateDirectories: true)
        try Data("北京大学 7 nt\n".utf8).write(to: directory.appendingPathComponent("jieba/dict.txt"))
        let byOption = try hanzi(["dict", "lookup", "--dictionaries", directory.path, "北京大学"])
        #expect(byOption.text == "北京大学\t7\tnt\n", "\(byOption.stderr)")
        let byEnvironment = try hanzi(["dict", "lookup", "北京大学"], environment: ["HANZI_DICTIONARIES": directory.path])
        #expect(byEnvironment.text == "北京大学\t7\tnt\n", "\(byEnvironment.stderr)")
    }

    @Test func copiedBinaryStillFindsItsDictionaries() throws {
        let directory = try temporaryDirectory()
        let copy = directory.appendingPathComponent("hanzi")
        try FileManager.default.copyItem(at: hanziExecutable, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["dict", "lookup", "--dictionary", "opencc/TSCharacters.txt", "後"]
        var env = ProcessInfo.processInfo.environment
        env["HANZI_CACHE_DIR"] = directory.appendingPathComponent("cache").path
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output == "後\t后\n")
    }
}
