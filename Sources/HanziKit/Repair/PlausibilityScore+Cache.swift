extension PlausibilityScore {
    /// The layout of the kept model: the character table's entries, the Simplified map and the
    /// scan entries (`UInt32` each), then the scripts and the variants (a byte each), for every
    /// BMP character. Raise it when the layout changes.
    static let keptLayoutVersion: UInt64 = 2
    private static let keptLength = 0x10000 * (4 + 4 + 4 + 1 + 1)

    /// Loads jieba's dictionary and OpenCC's `TSCharacters` and `STCharacters` from `store`.
    ///
    /// The per-character tables take a third of the repairer's start-up to compute (the
    /// character table asks ICU's converters and Unicode's properties about every BMP
    /// character, the costs ask the lexicon), so the store keeps them, computed once per
    /// dictionary content, executable and ICU and Swift runtime.
    convenience init(store: DictionaryStore) throws {
        let lexicon = try store.jiebaDictionary()
        let traditionalToSimplified = try store.lexicon("opencc/TSCharacters.txt", format: .opencc)
        let simplifiedToTraditional = try store.lexicon("opencc/STCharacters.txt", format: .opencc)
        let inputs = [lexicon.checksum, traditionalToSimplified.checksum, simplifiedToTraditional.checksum, Self.keptLayoutVersion]
        let bytes = store.derivedData(named: "repair-model", from: inputs, length: Self.keptLength) {
            PlausibilityScore(lexicon: lexicon, traditionalToSimplified: traditionalToSimplified,
                              simplifiedToTraditional: simplifiedToTraditional).keptBytes
        }
        self.init(lexicon: lexicon, keptBytes: bytes)
    }

    /// The model's per-character tables in the kept layout.
    var keptBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.keptLength)
        for words in [table.entries, simplified, scanEntries] { words.withUnsafeBytes { bytes += $0 } }
        bytes += scripts
        bytes += variants.map { $0 ? 1 : 0 }
        return bytes
    }

    /// The model of `lexicon` with the tables `bytes` keeps (``keptBytes``).
    convenience init(lexicon: Lexicon, keptBytes bytes: ArraySlice<UInt8>) {
        precondition(bytes.count == Self.keptLength)
        let count = 0x10000
        func words(_ n: Int) -> [UInt32] {
            [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[(n * 4 * count)..<((n + 1) * 4 * count)]))
                }
                initialized = count
            }
        }
        let start = bytes.startIndex
        let scripts = Array(bytes[(start + 12 * count)..<(start + 13 * count)])
        let variants = bytes[(start + 13 * count)...].map { $0 != 0 }
        self.init(lexicon: lexicon, table: CharacterTable(entries: words(0)), simplified: words(1), scripts: scripts,
                  variants: variants, scanEntries: words(2))
    }
}
