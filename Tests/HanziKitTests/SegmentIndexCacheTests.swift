import Foundation
import Testing
@testable import HanziKit

/// The character index of a cached lexicon is cached beside it: written on first use, read
/// back later, and ignored (then rewritten) when it is damaged or belongs to another lexicon.
@Suite("Character index cache")
struct SegmentIndexCacheTests {
    static let text = """
        我来到北京清华大学，他来到了网易杭研大厦。
        小明硕士毕业于中国科学院计算所，后在日本京都大学深造。
        “你好，世界！”Hello, world 123 🎉 𠮷野家
        """

    /// A store with its own, empty cache directory.
    private func freshStore() throws -> (DictionaryStore, String) {
        let directory = NSTemporaryDirectory() + "hanzikit-index-\(UUID().uuidString)"
        return (DictionaryStore(cacheDirectory: directory), directory)
    }

    private func indexFile(in directory: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".hzlex.chars") }
        try #require(names.count == 1, "\(names)")
        return directory + "/" + names[0]
    }

    private func inode(_ path: String) throws -> UInt64 {
        try #require((try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    /// Builds the index of a fresh segmenter over `store` and checks its tokens in every mode.
    private func segmentsAsTheTrieDoes(_ store: DictionaryStore) throws {
        let indexed = try Segmenter(store: store)
        indexed.buildCharacterIndex()
        #expect(indexed.characterIndex.index != nil)
        let plain = try Segmenter(store: DictionaryStore(cacheDirectory: nil))
        for mode in Segmenter.Mode.allCases {
            #expect(indexed.words(in: Self.text, mode: mode, traditional: .off) == plain.words(in: Self.text, mode: mode, traditional: .off))
        }
    }

    @Test func theFirstUseWritesTheIndexAndLaterUsesReadIt() throws {
        let (store, directory) = try freshStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try segmentsAsTheTrieDoes(store)
        let path = try indexFile(in: directory)
        let written = try inode(path)
        // A new store and segmenter, as in the next process: the file is read, not rewritten.
        try segmentsAsTheTrieDoes(DictionaryStore(cacheDirectory: directory))
        #expect(try inode(path) == written)
    }

    @Test(arguments: ["a flipped byte", "a truncated file", "an empty file", "another lexicon's index"])
    func aDamagedIndexIsIgnoredAndRewritten(_ damage: String) throws {
        let (store, directory) = try freshStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Segmenter(store: store).buildCharacterIndex()
        let path = try indexFile(in: directory)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "a flipped byte": bytes[bytes.count / 2] ^= 0x40
        case "a truncated file": bytes.removeLast(1000)
        case "an empty file": bytes = []
        default: bytes[32] ^= 1  // the lexicon checksum in the header
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = try inode(path)
        try segmentsAsTheTrieDoes(DictionaryStore(cacheDirectory: directory))
        #expect(try inode(path) != damaged, "the damaged file is replaced")
        #expect(CharacterIndex.cached(at: path, for: try store.jiebaDictionary()) != nil)
    }

    /// A file whose checksums match but whose entries name a word class past the table of
    /// log frequencies would make lookups read outside it: it is refused.
    @Test(arguments: [false, true])
    func anIndexWithAWordClassOutOfRangeIsRefused(_ outOfRange: Bool) throws {
        let (store, directory) = try freshStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Segmenter(store: store).buildCharacterIndex()
        let path = try indexFile(in: directory)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        func word(_ i: Int) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self) } }
        func setWord(_ i: Int, _ value: UInt64) { withUnsafeBytes(of: value) { bytes.replaceSubrange((8 * i)..<(8 * i + 8), with: $0) } }
        let (codes, buckets, classes) = (Int(word(1)), Int(word(2)), Int(word(3)))
        let layout = try #require(CharacterIndex.Layout(buckets: buckets, classes: classes))
        let classMask: UInt64 = 1 << layout.classBits - 1
        try #require(classMask >= UInt64(classes))
        let firstSlot = 8 + codes
        let slot = try #require((firstSlot..<(firstSlot + 4 * buckets)).first { word($0) != 0 })
        if outOfRange { setWord(slot, word(slot) | classMask) }
        // The tables' checksum, recomputed as the index computes it, so that only the class is wrong.
        let tables = [(8 * 8, codes * 8), (8 * firstSlot, buckets * 32), (8 * (firstSlot + 4 * buckets), classes * 8)]
        let checksum = bytes.withUnsafeBytes { all in
            tables.reduce(UInt64(0)) { ($0 &* 0x100_0000_01B3) ^ LexiconFormat.checksum(UnsafeRawBufferPointer(rebasing: all[$1.0..<($1.0 + $1.1)])) }
        }
        setWord(5, checksum)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect((CharacterIndex.cached(at: path, for: try store.jiebaDictionary()) == nil) == outOfRange)
    }

    @Test func anIndexWithUserWordsIsNotCached() throws {
        let (store, directory) = try freshStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var segmenter = try Segmenter(store: store)
        segmenter.addWord("杭研大厦")
        segmenter.buildCharacterIndex()
        #expect(segmenter.words(in: "他来到了网易杭研大厦", traditional: .off) == ["他", "来到", "了", "网易", "杭研大厦"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".chars") }.isEmpty)
    }

    @Test func aLexiconOutsideTheCacheGetsNoIndexFile() throws {
        let directory = NSTemporaryDirectory() + "hanzikit-index-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let source = try DictionaryStore.standard.contents(of: "jieba/dict.txt")
        let path = directory + "/words.hzlex"
        try FileBytes.writeAtomically(try source.withUnsafeBytes { try DictionaryStore.compile($0, name: "dict.txt", format: .jieba) }, to: path)
        let segmenter = Segmenter(lexicon: try Lexicon(contentsOf: path), model: try Segmenter().model)
        segmenter.buildCharacterIndex()
        #expect(segmenter.characterIndex.index != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["words.hzlex"])
    }
}
