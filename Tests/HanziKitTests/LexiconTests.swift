import Glibc
import Testing
@testable import HanziKit

/// A lexicon built in memory from `(key, frequency, tag, values)` rows.
func makeLexicon(_ rows: [(String, UInt64, String?, [String])]) throws -> Lexicon {
    var builder = LexiconBuilder()
    for (key, frequency, tag, values) in rows { builder.add(key, frequency: frequency, tag: tag, values: values) }
    return try Lexicon(bytes: try builder.serialized())
}

@Suite("Lexicon builder and reader")
struct LexiconTests {
    @Test func exactLookupFindsEveryWordWithItsFields() throws {
        let lexicon = try makeLexicon([
            ("中国", 27_986, "ns", []), ("中", 243_191, "f", []), ("中国人", 4_470, "n", []),
            ("后", 0, nil, ["後", "后"]), ("𠀀", 5, nil, ["𠀀"]), ("AT&T", 3, "nz", []),
        ])
        #expect(lexicon.count == 6)
        let china = try #require(lexicon.entry(for: "中国"))
        #expect(lexicon.key(of: china) == "中国")
        #expect(lexicon.frequency(of: china) == 27_986)
        #expect(lexicon.logFrequency(of: china) == log(27_986.0))
        #expect(lexicon.tag(of: china) == "ns")
        let hou = try #require(lexicon.entry(for: "后"))
        #expect(lexicon.values(of: hou) == ["後", "后"])
        #expect(lexicon.frequency(of: hou) == 0)
        #expect(lexicon.tag(of: hou) == nil)
        #expect(lexicon.values(of: try #require(lexicon.entry(for: "𠀀"))) == ["𠀀"])
        #expect(lexicon.entry(for: "AT&T") != nil)
        #expect(lexicon.entry(for: "中华") == nil)
        #expect(lexicon.entry(for: "") == nil)
        #expect(lexicon.maxKeyLength == "中国人".utf8.count)
    }

    @Test func repeatedKeyKeepsTheLastLineButTotalCountsBoth() throws {
        let lexicon = try makeLexicon([("B超", 3, "n", []), ("超", 10, "v", []), ("B超", 5, "nz", [])])
        let word = try #require(lexicon.entry(for: "B超"))
        #expect(lexicon.count == 2)
        #expect(lexicon.frequency(of: word) == 5)
        #expect(lexicon.tag(of: word) == "nz")
        #expect(lexicon.totalFrequency == 18)
    }

    @Test func emptyLexiconAnswersNothing() throws {
        let lexicon = try Lexicon(bytes: try LexiconBuilder().serialized())
        #expect(lexicon.count == 0)
        #expect(lexicon.entry(for: "中") == nil)
        var text = Array("中文".utf8)
        var found = 0
        text.withUnsafeMutableBufferPointer { buffer in
            lexicon.forEachWord(in: UnsafeBufferPointer(buffer), from: 0) { _, _ in found += 1 }
        }
        #expect(found == 0)
    }

    @Test func keyWithNulByteIsRejected() {
        var builder = LexiconBuilder()
        builder.add("a\u{0}b")
        #expect(throws: LexiconError.invalidKey("a\u{0}b")) { try builder.serialized() }
    }

    @Test func commonPrefixSearchListsWordsShortestFirstAndRespectsTheLimit() throws {
        let lexicon = try makeLexicon([("北", 1, nil, []), ("北京", 1, nil, []), ("北京大学", 1, nil, []), ("京", 1, nil, [])])
        let text = Array("北京大学生".utf8)
        var ends: [Int] = []
        text.withUnsafeBufferPointer { buffer in
            lexicon.forEachWord(in: buffer, from: 0) { end, _ in ends.append(end) }
            #expect(lexicon.longestWord(in: buffer, from: 0)?.end == 12)
            #expect(lexicon.longestWord(in: buffer, from: 0, upTo: 9)?.end == 6)
            #expect(lexicon.longestWord(in: buffer, from: 12) == nil)
        }
        #expect(ends == [3, 6, 12])
    }
}

@Suite("Lexicon on the bundled dictionaries")
struct BundledLexiconTests {
    @Test func everyJiebaEntryRoundTrips() throws {
        let store = DictionaryStore.standard
        let lexicon = try store.lexicon("jieba/dict.txt", format: .jieba)
        let text = String(decoding: try store.contents(of: "jieba/dict.txt"), as: UTF8.self)
        var expected: [Substring: (UInt64, Substring?)] = [:]
        var total: UInt64 = 0
        for line in text.utf8.split(separator: 0x0A) {
            let entry = try #require(JiebaDictionaryLine(Substring(line)))
            expected[entry.word] = (entry.frequency ?? 0, entry.tag)
            total += entry.frequency ?? 0
        }
        #expect(lexicon.count == expected.count)
        #expect(lexicon.totalFrequency == total)
        var mismatches = 0
        for (word, (frequency, tag)) in expected {
            guard let entry = lexicon.entry(for: String(word)),
                  lexicon.frequency(of: entry) == frequency,
                  lexicon.tag(of: entry) == tag.map(String.init),
                  lexicon.key(of: entry) == String(word)
            else { mismatches += 1; continue }
        }
        #expect(mismatches == 0)
    }

    @Test func everyOpenCCEntryRoundTripsWithItsTargets() throws {
        let store = DictionaryStore.standard
        for name in ["opencc/STPhrases.txt", "opencc/CJK_Compatibility_Ideographs.txt", "opencc/TSCharacters.txt"] {
            let lexicon = try store.lexicon(name, format: .opencc)
            let text = String(decoding: try store.contents(of: name), as: UTF8.self)
            var count = 0
            var mismatches: [String] = []
            for line in text.utf8.split(separator: 0x0A) {
                let parts = line.split(separator: 0x09, maxSplits: 1)
                let key = Array(parts[0])
                let values = parts[1].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
                count += 1
                let entry = key.withUnsafeBufferPointer { lexicon.entry(forUTF8: $0) }
                if entry == nil || lexicon.values(of: entry!) != values || Array(lexicon.keyUTF8(of: entry!)) != key {
                    mismatches.append(String(decoding: key, as: UTF8.self))
                }
            }
            #expect(lexicon.count == count, "\(name)")
            #expect(mismatches.isEmpty, "\(name): \(mismatches.prefix(5))")
        }
    }

    @Test func prefixSearchAgreesWithNaiveScanOnRandomText() throws {
        let store = DictionaryStore.standard
        let lexicon = try store.lexicon("jieba/dict.txt", format: .jieba)
        let words = lexicon.allEntries.map { Array(lexicon.keyUTF8(of: $0)) }
        let keys = Set(words)
        // Random text made of dictionary words, single characters and ASCII, so that long
        // matches, partial matches and misses all occur.
        var generator = SplitMix64(seed: 20_261_129)
        var text: [UInt8] = []
        while text.count < 200_000 {
            switch generator.next() % 4 {
            case 0, 1: text += words[Int(generator.next() % UInt64(words.count))]
            case 2: text += Array(String(Unicode.Scalar(0x4E00 + UInt32(generator.next() % 0x5000))!).utf8)
            default: text += Array("a1 ,".utf8)[Int(generator.next() % 4)...].prefix(1)
            }
        }
        var disagreements = 0
        text.withUnsafeBufferPointer { buffer in
            for start in 0..<buffer.count where buffer[start] & 0xC0 != 0x80 {
                var fast: [Int] = []
                lexicon.forEachWord(in: buffer, from: start) { end, entry in
                    fast.append(end)
                    if Array(lexicon.keyUTF8(of: entry)) != Array(buffer[start..<end]) { disagreements += 1 }
                }
                var naive: [Int] = []
                var end = start + 1
                while end <= min(buffer.count, start + lexicon.maxKeyLength) {
                    if keys.contains(Array(buffer[start..<end])) { naive.append(end) }
                    end += 1
                }
                if fast != naive { disagreements += 1 }
            }
        }
        #expect(disagreements == 0)
    }
}

/// A small deterministic generator, so a failing random test can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
