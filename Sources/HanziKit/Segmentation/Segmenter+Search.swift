extension Segmenter {
    /// Search mode for one accurate-mode token: jieba's `cut_for_search` yields, before a word
    /// of more than two characters, its two-character substrings that are dictionary words,
    /// then, past three characters, its three-character ones, then the word itself.
    @inline(__always)
    func emitWithSubwords(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, index: CharacterIndex.Lookup?, _ emit: (Int, Int) -> Void) {
        // Fewer than three bytes cannot be more than two characters.
        if end - start > 2 {
            var count = 0
            var i = start
            while i < end {
                i += ScalarScanner.decode(p, i, end).length
                count += 1
            }
            if count > 2 { emitGrams(p, from: start, to: end, characters: count, length: 2, index: index, emit) }
            if count > 3 { emitGrams(p, from: start, to: end, characters: count, length: 3, index: index, emit) }
        }
        emit(start, end)
    }

    /// Yields, in order, the dictionary words among the `length`-character substrings of a
    /// word of `count` characters.
    private func emitGrams(
        _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, characters count: Int, length: Int,
        index: CharacterIndex.Lookup?, _ emit: (Int, Int) -> Void
    ) {
        var gramStart = start
        for _ in 0...(count - length) {
            var gramEnd = gramStart
            for _ in 0..<length { gramEnd += ScalarScanner.decode(p, gramEnd, end).length }
            if isWord(p, from: gramStart, to: gramEnd, index: index) { emit(gramStart, gramEnd) }
            gramStart += ScalarScanner.decode(p, gramStart, end).length
        }
    }
}
