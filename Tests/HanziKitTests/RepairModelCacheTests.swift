@testable import HanziKit
import Foundation
import Testing

// The repairer's per-character tables are computed once and kept in the dictionary cache;
// what is kept must be what would be computed, and a damaged copy must never be used.

private func computedModel(_ store: DictionaryStore) throws -> PlausibilityScore {
    try PlausibilityScore(lexicon: store.jiebaDictionary(),
                          traditionalToSimplified: store.lexicon("opencc/TSCharacters.txt", format: .opencc),
                          simplifiedToTraditional: store.lexicon("opencc/STCharacters.txt", format: .opencc))
}

private func keptFiles(in directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("repair-model-") }
}

private func expectSameTables(_ a: PlausibilityScore, _ b: PlausibilityScore) {
    #expect(a.table.entries == b.table.entries)
    #expect(a.simplified == b.simplified)
    #expect(a.scripts == b.scripts)
    #expect(a.variants == b.variants)
    #expect(a.scanEntries == b.scanEntries)
}

@Test func repairModelKeptInTheCacheIsTheComputedOne() throws {
    let directory = try TestDirectory("repair-model")
    let store = DictionaryStore(cacheDirectory: directory.path)
    let computed = try computedModel(store)
    let first = try PlausibilityScore(store: store)
    #expect(try keptFiles(in: directory.path).count == 1)
    let second = try PlausibilityScore(store: store)
    expectSameTables(first, computed)
    expectSameTables(second, computed)
    // The kept tables carry a character's signs and costs: 锛 is a sign of mojibake, 的 is not.
    #expect(second.table.signs("锛").contains(.gbkPunctuationMojibake))
    #expect(second.hanCost("的") < second.hanCost("鍏"))
}

@Test func damagedKeptRepairModelIsComputedAgain() throws {
    let directory = try TestDirectory("repair-model-damaged")
    let store = DictionaryStore(cacheDirectory: directory.path)
    let computed = try PlausibilityScore(store: store)
    let name = try #require(try keptFiles(in: directory.path).first)
    let path = directory.path + "/" + name
    var bytes = try FileBytes.read(path)
    bytes[0x10000 * 4 + 0x4E2D * 4] ^= 0x01 // the Simplified map's entry for 中
    try FileBytes.writeAtomically(bytes, to: path)
    expectSameTables(try PlausibilityScore(store: store), computed)
    try FileBytes.writeAtomically(Array(bytes.prefix(1000)), to: path)
    expectSameTables(try PlausibilityScore(store: store), computed)
}

@Test func runtimeIdentityNamesTheExecutableAndICU() throws {
    let runtime = try #require(FileStamp.runtime)
    let lines = runtime.split(separator: "\n")
    #expect(lines.first == Substring(try #require(FileStamp.executable).text))
    #expect(lines.contains { $0.contains("/libicuuc") })
}

@Test func keptRepairModelsLeftUnusedForAMonthAreRemoved() throws {
    let directory = try TestDirectory("repair-model-unused")
    let files = FileManager.default
    func age(_ name: String, days: Double) throws {
        try files.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -days * 86400)], ofItemAtPath: directory.path + "/" + name)
    }
    for name in ["repair-model-0ld.bin", "repair-model-recent.bin", "other-0ld.bin"] {
        #expect(files.createFile(atPath: directory.path + "/" + name, contents: Data([1, 2, 3])))
    }
    try age("repair-model-0ld.bin", days: 40)
    try age("repair-model-recent.bin", days: 20)
    try age("other-0ld.bin", days: 40)
    let store = DictionaryStore(cacheDirectory: directory.path)
    _ = try PlausibilityScore(store: store)
    let left = Set(try files.contentsOfDirectory(atPath: directory.path))
    #expect(!left.contains("repair-model-0ld.bin"))
    #expect(left.contains("repair-model-recent.bin"))
    #expect(left.contains("other-0ld.bin"))
    // A copy in use stays young: using it moves its time to now (once a day).
    let kept = try #require(left.first { $0.hasPrefix("repair-model-") && $0 != "repair-model-recent.bin" })
    try age(kept, days: 2)
    _ = try PlausibilityScore(store: store)
    let modified = try #require(try files.attributesOfItem(atPath: directory.path + "/" + kept)[.modificationDate] as? Date)
    #expect(modified.timeIntervalSinceNow > -3600)
}
