/// Maps Traditional Chinese text onto its Simplified form for segmentation, keeping track of
/// where each Simplified character came from.
///
/// The mapping is OpenCC's `t2s` conversion: at each position the longest phrase of
/// `TSPhrases`, else the character's entry in `TSCharacters` (or `TSCharactersExt`), else the
/// character itself; the preferred (first) target is taken. OpenCC's entries keep the number
/// of characters, so every Simplified character boundary has an original one; for a
/// dictionary whose entry does not, the boundaries inside it map to none.
final class TraditionalFolding: Sendable {
    private let phrases: Lexicon
    private let characters: [Lexicon]
    /// For each BMP code point: 1 when only Traditional writing uses it (a key of
    /// `TSCharacters` not among its own targets), 2 when only Simplified writing does (the same
    /// in `STCharacters`), else 0.
    private let scripts: [UInt8]

    init(store: DictionaryStore) throws {
        phrases = try store.lexicon("opencc/TSPhrases.txt", format: .opencc)
        let traditional = try store.lexicon("opencc/TSCharacters.txt", format: .opencc)
        let simplified = try store.lexicon("opencc/STCharacters.txt", format: .opencc)
        characters = [traditional] + (store.fileNames().contains("opencc/TSCharactersExt.txt")
            ? [try store.lexicon("opencc/TSCharactersExt.txt", format: .opencc)] : [])
        var scripts = [UInt8](repeating: 0, count: 0x10000)
        for (lexicon, mark) in [(traditional, UInt8(1)), (simplified, UInt8(2))] {
            for entry in lexicon.allEntries {
                let key = lexicon.keyUTF8(of: entry)
                let (c, length) = ScalarScanner.decode(key.baseAddress!, 0, key.count)
                guard length == key.count, c < 0x10000 else { continue }
                let changes = (0..<lexicon.valueCount(of: entry)).allSatisfy { !lexicon.valueUTF8(of: entry, at: $0).elementsEqual(key) }
                if changes { scripts[Int(c)] |= mark }
            }
        }
        self.scripts = scripts
    }

    /// Whether a line has Traditional-only characters, at least as many as Simplified-only ones
    /// (so mixed text counts as Traditional, and a Simplified line quoting one Traditional name
    /// does not).
    func looksTraditional(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = text.baseAddress else { return false }
        var traditional = 0
        var simplified = 0
        var i = 0
        let n = text.count
        scripts.withUnsafeBufferPointer { scripts in
            // Only three-byte sequences (U+0800…U+FFFF) can be Han characters of the BMP. The
            // counts are added without branching on the table: this runs over every line.
            while i + 2 < n {
                let b = p[i]
                if b & 0xF0 == 0xE0 {
                    let c = Int(b & 0x0F) << 12 | Int(p[i + 1] & 0x3F) << 6 | Int(p[i + 2] & 0x3F)
                    let mark = scripts[c]
                    traditional &+= Int(mark & ~(mark >> 1) & 1)
                    simplified &+= Int(mark >> 1 & ~mark & 1)
                    i += 3
                } else {
                    i += 1
                }
            }
        }
        return traditional > 0 && traditional >= simplified
    }

    /// Writes the Simplified form of `text` to `folded`, and to `origins`, for each byte of
    /// it that starts a character, the offset in `text` of the character it comes from (-1
    /// for the other bytes, and for boundaries no original boundary matches), with the end of
    /// `text` after the end of `folded`.
    func fold(_ text: UnsafeBufferPointer<UInt8>, into folded: inout [UInt8], origins: inout [Int32]) {
        folded.removeAll(keepingCapacity: true)
        origins.removeAll(keepingCapacity: true)
        guard let p = text.baseAddress else {
            origins.append(0)
            return
        }
        let n = text.count
        var i = 0
        while i < n {
            if p[i] < 0x80 {
                folded.append(p[i])
                origins.append(Int32(truncatingIfNeeded: i))
                i += 1
                continue
            }
            if let (end, entry) = phrases.longestWord(in: text, from: i), phrases.valueCount(of: entry) > 0 {
                append(phrases.valueUTF8(of: entry), for: p, from: i, to: end, folded: &folded, origins: &origins)
                i = end
                continue
            }
            let length = ScalarScanner.decode(p, i, n).length
            let character = UnsafeBufferPointer(start: p + i, count: length)
            if let target = characters.lazy.compactMap({ lexicon in
                lexicon.entry(forUTF8: character).flatMap { lexicon.valueCount(of: $0) > 0 ? lexicon.valueUTF8(of: $0) : nil }
            }).first {
                append(target, for: p, from: i, to: i + length, folded: &folded, origins: &origins)
            } else {
                // Copied as is, with the boundaries the segmenter will see (an ill-formed byte
                // is a character of its own there, even a continuation byte).
                folded.append(contentsOf: character)
                origins.append(Int32(truncatingIfNeeded: i))
                origins.append(contentsOf: repeatElement(-1, count: length - 1))
            }
            i += length
        }
        origins.append(Int32(truncatingIfNeeded: n))
    }

    /// Appends `target` (well-formed UTF-8 from a dictionary), the Simplified form of
    /// `text[start..<end]`, pairing their characters when they have as many.
    private func append(
        _ target: UnsafeBufferPointer<UInt8>, for p: UnsafePointer<UInt8>, from start: Int, to end: Int,
        folded: inout [UInt8], origins: inout [Int32]
    ) {
        let pairs = Self.scalarCount(target) == Self.scalarCount(UnsafeBufferPointer(start: p + start, count: end - start))
        var original = start
        var first = true
        for b in target {
            folded.append(b)
            if b & 0xC0 == 0x80 {
                origins.append(-1)
            } else if pairs || first {
                origins.append(Int32(truncatingIfNeeded: original))
                original += ScalarScanner.decode(p, original, end).length
            } else {
                origins.append(-1)
            }
            first = false
        }
    }

    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }
}
