import Foundation
@testable import HanziKit
import Testing

// The files of Dictionaries/ are compiled into the binary (Sources/HanziDictionaryData lists
// them one by one), so a file regenerate.sh adds must be listed there too. jieba's idf.txt,
// for keyword extraction, is kept for reference and not embedded: nothing reads it.

/// Dictionaries/ of this checkout.
private let dictionariesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Dictionaries").standardizedFileURL

@Test func everyGeneratedFileOfDictionariesIsEmbeddedUnchanged() throws {
    var onDisk: [String] = []
    for folder in ["opencc", "jieba", "encodings"] {
        let names = try FileManager.default.contentsOfDirectory(atPath: dictionariesFolder.appendingPathComponent(folder).path)
        onDisk += names.filter { !$0.hasPrefix(".") }.map { "\(folder)/\($0)" }.filter { $0 != "jieba/idf.txt" }
    }
    #expect(onDisk.sorted() == EmbeddedFiles.all.map(\.name).sorted())
    for file in EmbeddedFiles.all {
        let data = try Data(contentsOf: dictionariesFolder.appendingPathComponent(file.name))
        #expect(Array(data) == Array(file.bytes), "\(file.name) differs from the embedded copy")
    }
}

@Test func encodingTablesAreNotListedAsDictionaries() {
    let names = DictionaryStore(directory: nil, cacheDirectory: nil).fileNames()
    #expect(names.contains("jieba/dict.txt"))
    #expect(!names.contains { $0.hasPrefix("encodings/") })
}
