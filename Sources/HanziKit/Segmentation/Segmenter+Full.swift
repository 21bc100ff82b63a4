extension Segmenter {
    /// Full mode on one block: jieba's `__cut_all`, which yields every dictionary word of the
    /// DAG longer than one character, the characters no such word covers, and runs of letters
    /// and digits glued together (its `eng_buf`), in jieba's order.
    func cutAll(
        _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, index: CharacterIndex.Lookup?, workspace: Workspace,
        _ emit: (_ start: Int, _ end: Int) -> Void
    ) {
        let m = loadCharacters(p, from: start, to: end, workspace: workspace)
        let offsets = workspace.offsets
        @inline(__always) func byte(_ character: Int) -> Int { start + Int(offsets[character]) }
        // jieba's `old_j`: the last character of the last word yielded.
        var lastEnd = -1
        // jieba's `eng_buf` as a character range; `engStart < 0` when not scanning.
        var engStart = -1
        var engEnd = -1
        var lo = 0
        while lo < m {
            let hi = min(m, lo + Workspace.dagChunk)
            buildDAG(p, blockStart: start, end: end, characters: m, positions: lo, hi, index: index, workspace: workspace)
            let rowStarts = workspace.dagStarts, ends = workspace.dagEnds
            for k in lo..<hi {
                let first = Int(rowStarts[k - lo]), last = Int(rowStarts[k - lo + 1])
                // A position without words has the character alone.
                let count = max(1, last - first)
                let isAlphanumeric = ScalarScanner.isAlphanumeric(p[byte(k)])
                if engStart >= 0 && !isAlphanumeric {
                    emit(byte(engStart), byte(engEnd))
                    engStart = -1
                }
                if count == 1 && k > lastEnd {
                    let wordEnd = first < last ? Int(ends[first]) : k + 1
                    if isAlphanumeric {
                        if engStart < 0 {
                            engStart = k
                        } else if k != engEnd {
                            // jieba would glue two pieces that are not adjacent (a longer word
                            // starting inside the run was yielded between them); a token is one
                            // range of the text, so the first piece is yielded on its own.
                            emit(byte(engStart), byte(engEnd))
                            engStart = k
                        }
                        engEnd = wordEnd
                    } else {
                        emit(byte(k), byte(wordEnd))
                    }
                    lastEnd = wordEnd - 1
                } else {
                    for q in first..<last where Int(ends[q]) > k + 1 {
                        emit(byte(k), byte(Int(ends[q])))
                        lastEnd = Int(ends[q]) - 1
                    }
                }
            }
            lo = hi
        }
        if engStart >= 0 { emit(byte(engStart), byte(engEnd)) }
    }
}
