import Glibc
import Testing
@testable import HanziKit

@Suite("Compiled lexicon files")
struct LexiconFileTests {
    private let scratch: TestDirectory
    var directory: String { scratch.path }

    init() throws {
        scratch = try TestDirectory("lexicon")
    }

    func sampleBytes() throws -> [UInt8] {
        var builder = LexiconBuilder()
        for (i, word) in ["中国", "中国人", "北京", "大学", "北京大学", "后来"].enumerated() {
            builder.add(word, frequency: UInt64(100 + i), tag: "n", values: ["v\(i)"])
        }
        return try builder.serialized()
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = directory + "/" + name
        try FileBytes.writeAtomically(bytes, to: path)
        return path
    }

    @Test func mappedFileAnswersLikeTheBuilderInput() throws {
        let path = try write(try sampleBytes(), "good.hzlex")
        let lexicon = try Lexicon(contentsOf: path)
        let word = try #require(lexicon.entry(for: "北京大学"))
        #expect(lexicon.frequency(of: word) == 104)
        #expect(lexicon.values(of: word) == ["v4"])
        #expect(lexicon.path == path)
    }

    @Test func everyTruncationIsRejectedWithTheFileName() throws {
        let bytes = try sampleBytes()
        for length in [0, 7, 8, 40, 63, 64, 65, bytes.count / 2, bytes.count - 1] {
            let path = try write(Array(bytes.prefix(length)), "cut-\(length).hzlex")
            do {
                _ = try Lexicon(contentsOf: path)
                Issue.record("a file cut to \(length) bytes was accepted")
            } catch let error as LexiconError {
                #expect(error.description.contains(path))
            }
        }
    }

    @Test func flippedPayloadByteIsAChecksumMismatch() throws {
        var bytes = try sampleBytes()
        for offset in [64, 100, bytes.count - 1] {
            bytes[offset] ^= 0x40
            let path = try write(bytes, "flip-\(offset).hzlex")
            #expect(throws: LexiconError.checksumMismatch(path: path)) { try Lexicon(contentsOf: path) }
            bytes[offset] ^= 0x40
        }
    }

    @Test func otherFormatVersionAndForeignFilesAreNamed() throws {
        var bytes = try sampleBytes()
        bytes[8] = 99
        let old = try write(bytes, "old.hzlex")
        #expect(throws: LexiconError.unsupportedVersion(path: old, found: 99, supported: LexiconFormat.version)) {
            try Lexicon(contentsOf: old)
        }
        let text = try write(Array("中国\t中國\n后\t後\n".utf8) + Array(repeating: 0x20, count: 80), "text.hzlex")
        #expect(throws: LexiconError.notALexicon(path: text)) { try Lexicon(contentsOf: text) }
        #expect(throws: LexiconError.self) { try Lexicon(contentsOf: directory + "/missing.hzlex") }
    }

    @Test func forgedChecksumOverGarbageNeverCrashes() throws {
        // Garbage sections with a valid checksum: the reader must refuse or answer, never crash.
        var bytes = try sampleBytes()
        var generator = SplitMix64(seed: 7)
        for round in 0..<200 {
            var copy = bytes
            for _ in 0..<8 {
                let offset = 64 + Int(generator.next() % UInt64(copy.count - 64))
                copy[offset] = UInt8(truncatingIfNeeded: generator.next())
            }
            let checksum = copy[64...].withUnsafeBytes { LexiconFormat.checksum($0) }
            withUnsafeBytes(of: checksum.littleEndian) { copy.replaceSubrange(16..<24, with: $0) }
            guard let lexicon = try? Lexicon(bytes: copy) else { continue }
            for word in ["中国", "北京大学", "后来", "x"] {
                if let entry = lexicon.entry(for: word) { _ = lexicon.key(of: entry) }
            }
            _ = round
        }
        bytes.removeAll()
    }

    @Test func textDictionaryCompilesAndCachesByContent() throws {
        let dictionary = try write(Array("云计算 5 n\n韩玉赏鉴 3 nz\n".utf8), "user.txt")
        let store = DictionaryStore(directory: directory, cacheDirectory: directory + "/cache")
        let first = try store.lexicon(atPath: dictionary)
        #expect(first.frequency(of: try #require(first.entry(for: "韩玉赏鉴"))) == 3)
        #expect(first.path.hasPrefix(directory + "/cache/"))
        _ = try write(Array("云计算 7 n\n".utf8), "user.txt")
        let second = try store.lexicon(atPath: dictionary)
        #expect(second.frequency(of: try #require(second.entry(for: "云计算"))) == 7)
        #expect(second.entry(for: "韩玉赏鉴") == nil)
    }

    @Test func corruptedCacheFileIsDetectedAndRebuilt() throws {
        let dictionary = try write(Array("云计算 5 n\n".utf8), "cached.txt")
        let cache = directory + "/cache-corrupt"
        _ = try DictionaryStore(directory: directory, cacheDirectory: cache).lexicon(atPath: dictionary)
        // A second load trusts the verified, unchanged file; corrupt it in place, as a
        // failing disk or another program would.
        let compiled = try #require(try listDirectory(cache).first { $0.hasSuffix(".hzlex") })
        var bytes = try FileBytes.read(cache + "/" + compiled)
        bytes[bytes.count - 1] ^= 0x01
        let fd = open(cache + "/" + compiled, O_WRONLY)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        close(fd)
        let lexicon = try DictionaryStore(directory: directory, cacheDirectory: cache).lexicon(atPath: dictionary)
        #expect(lexicon.frequency(of: try #require(lexicon.entry(for: "云计算"))) == 5)
        #expect(throws: Never.self) { try Lexicon(contentsOf: cache + "/" + compiled) }
    }

    @Test func keptCompiledCopiesAndMemosLeftUnusedForAMonthAreRemoved() throws {
        // Each dictionary change compiles a new copy, and each build of a program writes its own
        // digest memos: whatever has gone unused for 30 days goes when a new one is written.
        let cache = directory + "/cache-unused"
        #expect(mkdir(cache, 0o755) == 0)
        func touch(_ name: String, daysAgo days: Int) throws {
            let path = try write([1, 2, 3], "cache-unused/" + name)
            var times = [timeval(tv_sec: time(nil) - days * 86400, tv_usec: 0), timeval(tv_sec: time(nil) - days * 86400, tv_usec: 0)]
            #expect(utimes(path, &times) == 0)
        }
        for name in ["aging.txt-0ld.hzlex", "aging.txt-0ld.hzlex.verified", "other.txt-0ld.hzlex", "STCharacters.txt.0ld.digest"] {
            try touch(name, daysAgo: 40)
        }
        try touch("aging.txt-recent.hzlex", daysAgo: 20)
        let dictionary = try write(Array("云计算 5 n\n".utf8), "aging.txt")
        _ = try DictionaryStore(directory: directory, cacheDirectory: cache).lexicon(atPath: dictionary)
        _ = try DictionaryStore(cacheDirectory: cache).lexicon("opencc/STCharacters.txt", format: .opencc)
        let left = Set(try listDirectory(cache))
        #expect(!left.contains("aging.txt-0ld.hzlex") && !left.contains("aging.txt-0ld.hzlex.verified"))
        #expect(!left.contains("STCharacters.txt.0ld.digest"))
        #expect(left.isSuperset(of: ["aging.txt-recent.hzlex", "other.txt-0ld.hzlex"]))
        // A copy in use stays young: loading it moves its time to now (once a day).
        let kept = try #require(left.first { $0.hasPrefix("aging.txt-") && $0.hasSuffix(".hzlex") && !$0.contains("recent") })
        var times = [timeval(tv_sec: time(nil) - 2 * 86400, tv_usec: 0), timeval(tv_sec: time(nil) - 2 * 86400, tv_usec: 0)]
        #expect(utimes(cache + "/" + kept, &times) == 0)
        _ = try DictionaryStore(directory: directory, cacheDirectory: cache).lexicon(atPath: dictionary)
        var info = stat()
        #expect(stat(cache + "/" + kept, &info) == 0 && info.st_mtim.tv_sec > time(nil) - 3600)
    }

    func listDirectory(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) })
        }
        return names
    }

    @Test func badTextDictionaryLineIsNamed() throws {
        let dictionary = try write(Array("中国\t中國\n没有制表符\n".utf8), "bad.txt")
        let store = DictionaryStore(directory: directory, cacheDirectory: nil)
        #expect(throws: LexiconError.invalidLine(path: dictionary, line: 2, reason: "expected `key<TAB>target …`")) {
            try store.lexicon(atPath: dictionary, format: .opencc)
        }
        let invalid = try write([0xE4, 0xB8, 0xAD, 0x20, 0x31, 0x0A, 0xFF, 0x0A], "invalid.txt")
        #expect(throws: LexiconError.invalidLine(path: invalid, line: 2, reason: "invalid UTF-8 at byte offset 6")) {
            try store.lexicon(atPath: invalid, format: .jieba)
        }
    }
}

@Suite("Dictionary text formats")
struct TextDictionaryFormatTests {
    @Test(arguments: [
        ("北京大学 2053 nt", "北京大学", UInt64?(2053), "nt"),
        ("云计算", "云计算", nil, nil),
        ("创新办 3 i", "创新办", 3, "i"),
        ("Apple Inc 5 nz", "Apple Inc", 5, "nz"),
        ("台中", "台中", nil, nil),
        ("\u{FEFF}石墨烯 8\r", "石墨烯", 8, nil),
        ("a b", "a", nil, "b"),
    ] as [(String, String, UInt64?, String?)])
    func jiebaLinesParseLikeJiebasUserDictionaryPattern(line: String, word: String, frequency: UInt64?, tag: String?) throws {
        let parsed = try #require(JiebaDictionaryLine(Substring(line)))
        #expect(parsed.word == Substring(word))
        #expect(parsed.frequency == frequency)
        #expect(parsed.tag.map(String.init) == tag)
    }

    @Test func blankJiebaLineIsSkipped() {
        #expect(JiebaDictionaryLine("   ") == nil)
    }
}

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    @Test(arguments: [
        ([UInt8](), Int?.none),
        (Array("中文 text 😀".utf8), nil),
        ([0x61, 0xFF], 1),
        ([0xE4, 0xB8], 0),
        ([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0xC0, 0x80], 9),
        ([0xED, 0xA0, 0x80], 0),
        ([0xF4, 0x90, 0x80, 0x80], 0),
        ([0xE4, 0xB8, 0xAD, 0xE4, 0xB8, 0x41], 3),
        (Array("퀀 힣 한국어".utf8), nil),
        (Array("힣 ".utf8) + [0xED, 0xA0, 0x80], 4),
        (Array("한 ".utf8) + [0xED, 0xBF, 0xBF, 0x41], 4),
    ] as [([UInt8], Int?)])
    func firstInvalidOffsetIsReported(bytes: [UInt8], offset: Int?) {
        #expect(UTF8Validation.firstInvalidOffset(bytes) == offset)
        #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil))
    }
}
