extension Segmenter {
    /// Calls `body` for every word of jieba's DAG starting at byte `start`: the dictionary
    /// words with a nonzero frequency that start there and end at or before `end`, shortest
    /// first, with the end's byte offset, its distance in characters and the word's
    /// `log(frequency)`. The base lexicon and the user words are walked together: a fragment is
    /// in `FREQ` while either has it as a prefix, and a user word's frequency overrides the
    /// base word's.
    ///
    /// This is jieba's `get_DAG` for one position: its loop runs while the fragment is "in
    /// `FREQ`", that is while it is a prefix of some word, which is exactly while a trie walk
    /// has a node.
    func forEachWord(
        _ p: UnsafePointer<UInt8>, from start: Int, to end: Int,
        _ body: (_ end: Int, _ characters: Int, _ logFrequency: Double) -> Void
    ) {
        let lexicon = self.lexicon
        let baseFrequencies = lexicon.frequencies.flatMap { f in lexicon.logFrequencies.map { (f, $0) } }
        var baseNode = baseFrequencies == nil ? -1 : 0
        var userNode: Int32 = user.isEmpty ? -1 : 0
        var i = start
        var characters = 0
        while i < end {
            let byte = p[i]
            if baseNode >= 0 { baseNode = lexicon.child(baseNode, byte) }
            if userNode >= 0 { userNode = user.child(userNode, byte) }
            if baseNode < 0 && userNode < 0 { return }
            i += 1
            guard i == end || p[i] & 0xC0 != 0x80 else { continue }
            characters += 1
            if userNode >= 0 && user.frequencies[Int(userNode)] >= 0 {
                if user.frequencies[Int(userNode)] > 0 { body(i, characters, user.logFrequencies[Int(userNode)]) }
            } else if baseNode >= 0, let (frequencies, logFrequencies) = baseFrequencies {
                let entry = Int(lexicon.entryIndex(at: baseNode))
                if entry >= 0 && frequencies[entry] != 0 { body(i, characters, logFrequencies[entry]) }
            }
        }
    }

    /// jieba's `FREQ.get(word)`: the word's frequency; 0 for a prefix of a word that is not a
    /// word itself (jieba stores prefixes with frequency 0) or for a removed word; nil for a
    /// string that is not even a prefix.
    func storedFrequency(_ word: UnsafeBufferPointer<UInt8>) -> Int64? {
        var isPrefix = false
        if !user.isEmpty, let node = user.node(word) {
            let frequency = user.frequencies[Int(node)]
            if frequency >= 0 { return frequency }
            isPrefix = true
        }
        var node = 0
        for byte in word {
            node = lexicon.child(node, byte)
            if node < 0 { return isPrefix ? 0 : nil }
        }
        let entry = lexicon.entryIndex(at: node)
        return entry >= 0 && !word.isEmpty ? Int64(lexicon.frequency(of: Lexicon.Entry(index: entry))) : 0
    }

    /// Whether `FREQ.get(word)` is truthy: the word is in the dictionary with a nonzero
    /// frequency. Through the character index, when there is one and it has the word's characters.
    func isWord(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, index: CharacterIndex.Lookup?) -> Bool {
        if let index {
            var node = CharacterIndex.Lookup.root
            var entry: UInt64 = 0
            var i = start
            while i < end {
                let (c, length) = ScalarScanner.decode(p, i, end)
                guard ScalarScanner.isSegmentable(c) else { return hasStoredFrequency(p, from: start, to: end) }
                (node, entry) = index.step(node, CharacterIndex.code(p, i))
                if node < 0 { return false }
                i += length
            }
            return index.wordClass(entry) != 0
        }
        return hasStoredFrequency(p, from: start, to: end)
    }

    private func hasStoredFrequency(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        (storedFrequency(UnsafeBufferPointer(start: p + start, count: end - start)) ?? 0) > 0
    }

    /// Loads the character offsets and ``CharacterIndex`` codes of the block `[start, end)` into
    /// the workspace and returns the number of characters.
    @inline(__always)
    func loadCharacters(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, workspace: Workspace) -> Int {
        workspace.reserve(characters: end - start)
        // A block has at most a character per byte, so it always has room.
        return loadBlock(p, from: start, count: end, at: 0, base: start, room: end - start, workspace: workspace)?.characters ?? 0
    }

    /// The end of the block of segmentable characters starting at `i`: a run of Han characters
    /// and of ASCII `[a-zA-Z0-9+#&._%-]`, as jieba's `re_han_default` matches. Blocks are
    /// capped at ``maximumBlock`` bytes so that offsets fit the workspace's 32-bit columns;
    /// only a run of over 64 MB without a space or punctuation is cut.
    @inline(__always)
    func blockEnd(_ p: UnsafePointer<UInt8>, from i: Int, count n: Int) -> Int {
        let limit = Self.blockLimit(from: i, count: n)
        var j = i
        while j < limit, let length = Self.blockCharacterLength(p, at: j, count: n) { j += length }
        return j
    }

    /// Where a block starting at `i` must end at the latest.
    @inline(__always)
    static func blockLimit(from i: Int, count n: Int) -> Int {
        n - i > maximumBlock ? i + maximumBlock : n
    }

    /// The length of the character at `j` when it belongs in a block, else nil.
    @inline(__always)
    static func blockCharacterLength(_ p: UnsafePointer<UInt8>, at j: Int, count n: Int) -> Int? {
        blockCharacter(p, at: j, count: n)?.length
    }

    /// The length and ``CharacterIndex`` code of the character at `j` when it belongs in a
    /// block, else nil: decoded once, for both.
    @inline(__always)
    static func blockCharacter(_ p: UnsafePointer<UInt8>, at j: Int, count n: Int) -> (length: Int, code: Int)? {
        let b = p[j]
        if b < 0x80 { return ScalarScanner.isSegmentable(UInt32(b)) ? (1, Int(b)) : nil }
        // Han U+4E00…U+9FD5 is E4 B8 80 … E9 BF 95: three well-formed bytes with a lead of E4…E9.
        guard b &- 0xE4 <= 5, j + 3 <= n, p[j + 1] & 0xC0 == 0x80, p[j + 2] & 0xC0 == 0x80 else { return nil }
        let c = UInt32(b & 0x0F) << 12 | UInt32(p[j + 1] & 0x3F) << 6 | UInt32(p[j + 2] & 0x3F)
        guard ScalarScanner.isHan(c) else { return nil }
        return (3, CharacterIndex.code(ofHan: c))
    }

    /// Finds the block starting at byte `i` and loads it at character index `first` of the
    /// workspace (offsets from byte `base`) in the same pass, as ``loadCharacters`` would. Returns
    /// the block's end byte and the index after its last character; nil when it has more than
    /// `room` characters.
    @inline(__always)
    func loadBlock(_ p: UnsafePointer<UInt8>, from i: Int, count n: Int, at first: Int, base: Int, room: Int,
                   workspace: Workspace) -> (end: Int, characters: Int)? {
        let offsets = workspace.offsets, codes = workspace.codes
        let limit = Self.blockLimit(from: i, count: n)
        var m = first
        var j = i
        while j < limit, let (length, code) = Self.blockCharacter(p, at: j, count: n) {
            guard m - first < room else { return nil }
            offsets[m] = UInt32(truncatingIfNeeded: j - base)
            codes[m] = UInt16(truncatingIfNeeded: code)
            m += 1
            j += length
        }
        offsets[m] = UInt32(truncatingIfNeeded: j - base)
        // The walk reads the code after a block's last character, and ignores it.
        codes[m] = 0
        (workspace.limits + first).update(repeating: Int32(truncatingIfNeeded: m), count: m - first)
        return (j, m)
    }

    /// Builds the DAG rows of positions `[lo, hi)` of a block (at most
    /// ``Workspace/dagChunk``) into the workspace: jieba's `get_DAG` for those positions, each
    /// row's words shortest first, as ``forEachWord(_:from:to:_:)`` gives them.
    ///
    /// With the segmenter's ``CharacterIndex`` (`index`), the walk goes through it; else through
    /// the lexicon's trie (and the user words' when there are some).
    func buildDAG(
        _ p: UnsafePointer<UInt8>, blockStart start: Int, end: Int, characters m: Int, positions lo: Int, _ hi: Int,
        index: CharacterIndex.Lookup?, workspace: Workspace
    ) {
        let offsets = workspace.offsets
        let rowStarts = workspace.dagStarts
        var total = 0
        rowStarts[0] = 0
        @inline(__always) func append(_ end: Int, _ logFrequency: Double) {
            workspace.reserveDAG(entries: total + 1)
            workspace.dagEnds[total] = Int32(truncatingIfNeeded: end)
            workspace.dagLogs[total] = logFrequency
            total += 1
        }
        if let index {
            total = buildDAG(index: index, positions: lo, hi, workspace: workspace)
            return
        }
        guard user.isEmpty, let logFrequencies = lexicon.logFrequencies, let frequencies = lexicon.frequencies else {
            for k in lo..<hi {
                forEachWord(p, from: start + Int(offsets[k]), to: end) { _, characters, logFrequency in
                    append(k + characters, logFrequency)
                }
                rowStarts[k - lo + 1] = UInt32(truncatingIfNeeded: total)
            }
            return
        }
        let lexicon = self.lexicon
        let nodes = lexicon.nodes, nodeCount = lexicon.nodeCount, entryCount = Int32(truncatingIfNeeded: lexicon.count)
        for k in lo..<hi {
            // forEachWord without the user words, the trie's steps written out so that the
            // optimizer keeps everything in registers.
            var node = 0
            var i = start + Int(offsets[k])
            var characters = 0
            while i < end {
                let t = Int(nodes[3 * node]) &+ Int(p[i])
                guard UInt(bitPattern: t) < UInt(bitPattern: nodeCount), nodes[3 * t + 1] == Int32(truncatingIfNeeded: node) else { break }
                node = t
                i += 1
                guard i == end || p[i] & 0xC0 != 0x80 else { continue }
                characters += 1
                let entry = nodes[3 * node + 2]
                guard entry >= 0 && entry < entryCount else { continue }
                // log(frequency) is 0 for frequencies 1 and 0; only then is the frequency read,
                // to leave out the words of frequency 0 as jieba's DAG does.
                let logFrequency = logFrequencies[Int(entry)]
                if logFrequency != 0 || frequencies[Int(entry)] != 0 { append(k + characters, logFrequency) }
            }
            rowStarts[k - lo + 1] = UInt32(truncatingIfNeeded: total)
        }
    }

    /// ``buildDAG(_:blockStart:end:characters:positions:_:workspace:)`` through the character
    /// index, one depth at a time: first every position's first character, then the second
    /// character of the positions still walking, and so on. A position that goes on has the
    /// bucket of its next step requested as soon as its node is known, and read only at the next
    /// depth, after the requests of all the others: the processor overlaps those cache misses
    /// where it would wait on each in turn, and nothing branches on what they bring. A walk stops
    /// at its position's limit (the end of its block), so the positions of many short blocks
    /// are walked as one batch, with that many more lookups in flight. Rows are then gathered
    /// from the words found, shortest first. Returns the number of DAG entries.
    func buildDAG(index: CharacterIndex.Lookup, positions lo: Int, _ hi: Int, workspace: Workspace) -> Int {
        let n = hi - lo
        let codes = workspace.codes
        let limits = workspace.limits
        let nodes = workspace.batchNodes
        var walking = workspace.batchActive, following = workspace.batchFollowing
        // Words found, in order of depth: row, end (character index of the block), class.
        var found = 0
        var count = 0
        workspace.reserveWords(n)
        do {
            // The first step reads the root's table, which stays in cache. A block's end is a
            // position too, with no character of its own: it finds nothing.
            let rows = workspace.wordRows, ends = workspace.wordEnds, classes = workspace.wordClasses
            for r in 0..<n {
                let c = lo + r
                let limit = Int(limits[c])
                let inside = c < limit
                let code = inside ? Int(codes[c]) : 0
                let entry = inside ? index.rootEntry(code) : 0
                let wordClass = index.wordClass(entry)
                rows[found] = Int32(truncatingIfNeeded: r)
                ends[found] = Int32(truncatingIfNeeded: c + 1)
                classes[found] = Int32(truncatingIfNeeded: wordClass)
                found += wordClass != 0 ? 1 : 0
                let node = index.rootNode(code)
                let nextCode = Int(codes[min(c + 1, limit)])
                let goesOn = (c + 1 < limit) && index.mayGoOn(entry, nextCode)
                nodes[r] = Int32(truncatingIfNeeded: node)
                walking[count] = Int32(truncatingIfNeeded: r)
                count += goesOn ? 1 : 0
                index.prefetch(node, nextCode, if: goesOn)
            }
        }
        var depth = 2
        while count > 0 {
            workspace.reserveWords(found + count)
            let rows = workspace.wordRows, ends = workspace.wordEnds, classes = workspace.wordClasses
            var next = 0
            for q in 0..<count {
                let r = Int(walking[q])
                let c = lo &+ r &+ depth &- 1
                let (node, entry) = index.step(Int(nodes[r]), Int(codes[c]))
                let wordClass = index.wordClass(entry)
                rows[found] = Int32(truncatingIfNeeded: r)
                ends[found] = Int32(truncatingIfNeeded: c + 1)
                classes[found] = Int32(truncatingIfNeeded: wordClass)
                found += wordClass != 0 ? 1 : 0
                let nextCode = Int(codes[c + 1])
                let goesOn = (c + 1 < Int(limits[c])) && index.mayGoOn(entry, nextCode)
                nodes[r] = Int32(truncatingIfNeeded: node)
                following[next] = Int32(truncatingIfNeeded: r)
                next += goesOn ? 1 : 0
                index.prefetch(node, nextCode, if: goesOn)
            }
            swap(&walking, &following)
            count = next
            depth += 1
        }
        // Rows by counting sort; a stable scatter keeps each row's words shortest first.
        let rowStarts = workspace.dagStarts
        rowStarts.update(repeating: 0, count: n + 1)
        let rows = workspace.wordRows, ends = workspace.wordEnds, classes = workspace.wordClasses
        for i in 0..<found { rowStarts[Int(rows[i]) + 1] += 1 }
        for r in 0..<n { rowStarts[r + 1] += rowStarts[r] }
        workspace.reserveDAG(entries: found)
        let dagEnds = workspace.dagEnds, dagLogs = workspace.dagLogs
        let cursor = nodes
        for r in 0..<n { cursor[r] = Int32(bitPattern: rowStarts[r]) }
        for i in 0..<found {
            let r = Int(rows[i])
            let slot = Int(cursor[r])
            cursor[r] += 1
            dagEnds[slot] = ends[i]
            dagLogs[slot] = index.logFrequency(ofClass: Int(classes[i]))
        }
        return found
    }

    /// jieba's `calc`: for each character from the last to the first, the most probable route
    /// to the block's end, as the maximum of `(log(freq) - log(total) + route[next], next)`
    /// over the DAG's words — ties going to the longer word, as Python's tuple comparison
    /// does. Without words, the character alone, with `log(1)`.
    func computeRoute(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, characters m: Int, index: CharacterIndex.Lookup?,
                      workspace: Workspace) {
        workspace.probabilities[m] = 0
        workspace.next[m] = Int32(truncatingIfNeeded: m)
        var hi = m
        while hi > 0 {
            let lo = max(0, hi - Workspace.dagChunk)
            buildDAG(p, blockStart: start, end: end, characters: m, positions: lo, hi, index: index, workspace: workspace)
            computeRoute(positions: lo, hi, dagStart: lo, workspace: workspace)
            hi = lo
        }
    }

    /// ``computeRoute(_:from:to:characters:index:workspace:)`` for positions `[lo, hi)`, from
    /// the route at `hi` and the DAG rows in the workspace, whose first is position `dagStart`'s.
    func computeRoute(positions lo: Int, _ hi: Int, dagStart: Int, workspace: Workspace) {
        let probabilities = workspace.probabilities
        let next = workspace.next
        let logTotal = self.logTotal
        let rowStarts = workspace.dagStarts, ends = workspace.dagEnds, logs = workspace.dagLogs
        var idx = hi - 1
        while idx >= lo {
            let first = Int(rowStarts[idx - dagStart]), last = Int(rowStarts[idx - dagStart + 1])
            var best = (0 - logTotal) + probabilities[idx + 1]
            var bestEnd = idx + 1
            if first < last {
                best = -Double.infinity
                for q in first..<last {
                    let x = Int(ends[q])
                    let candidate = (logs[q] - logTotal) + probabilities[x]
                    // Ends arrive in increasing order, so `>=` keeps the larger end on a tie.
                    if candidate >= best {
                        best = candidate
                        bestEnd = x
                    }
                }
            }
            probabilities[idx] = best
            next[idx] = Int32(truncatingIfNeeded: bestEnd)
            idx -= 1
        }
    }

    /// Accurate mode on one block: jieba's `__cut_DAG` (with the HMM) or `__cut_DAG_NO_HMM`.
    func cutBlock(
        _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, hmm: Bool, index: CharacterIndex.Lookup?, workspace: Workspace,
        _ emit: (_ start: Int, _ end: Int) -> Void
    ) {
        let m = loadCharacters(p, from: start, to: end, workspace: workspace)
        computeRoute(p, from: start, to: end, characters: m, index: index, workspace: workspace)
        // The DAG of a block longer than a chunk was built chunk by chunk, and only the first
        // chunk's rows are left.
        emitRoute(p, base: start, characters: 0, m, rows: m <= Workspace.dagChunk ? m : 0, hmm: hmm, index: index,
                  workspace: workspace, emit)
    }

    /// Yields the words of the route of the block whose characters are `[first, m)` in the
    /// workspace, with offsets from byte `base`: jieba's `__cut_DAG` (with the HMM) or
    /// `__cut_DAG_NO_HMM` once the route is known. The DAG rows of positions `[0, rows)` are
    /// still in the workspace.
    func emitRoute(
        _ p: UnsafePointer<UInt8>, base start: Int, characters first: Int, _ m: Int, rows: Int, hmm: Bool,
        index: CharacterIndex.Lookup?, workspace: Workspace, _ emit: (_ start: Int, _ end: Int) -> Void
    ) {
        let offsets = workspace.offsets
        let next = workspace.next
        @inline(__always) func byte(_ character: Int) -> Int { start + Int(offsets[character]) }
        var x = first
        // The run of single characters not yet yielded (jieba's `buf`), from `pending` to `x`.
        var pending = -1
        if hmm {
            while x < m {
                let y = Int(next[x])
                if y - x == 1 {
                    if pending < 0 { pending = x }
                } else {
                    if pending >= 0 {
                        flushSingles(p, from: pending, to: x, blockStart: start, rows: rows, index: index, workspace: workspace, emit)
                        pending = -1
                    }
                    emit(byte(x), byte(y))
                }
                x = y
            }
            if pending >= 0 { flushSingles(p, from: pending, to: m, blockStart: start, rows: rows, index: index, workspace: workspace, emit) }
        } else {
            while x < m {
                let y = Int(next[x])
                if y - x == 1 && ScalarScanner.isAlphanumeric(p[byte(x)]) {
                    // Single letters and digits are glued together (jieba's `re_eng` buffer).
                    if pending < 0 { pending = x }
                } else {
                    if pending >= 0 {
                        emit(byte(pending), byte(x))
                        pending = -1
                    }
                    emit(byte(x), byte(y))
                }
                x = y
            }
            if pending >= 0 { emit(byte(pending), byte(m)) }
        }
    }

    /// Yields jieba's `buf` of single characters `[from, to)` (character indices): one character
    /// as is; a run that is itself a dictionary word character by character; any other run
    /// through the HMM. Whether the run is a word is read from its first character's DAG row
    /// when that is among the `rows` still in the workspace: the row holds exactly the words
    /// `FREQ.get` finds, and reading it spares a walk of dependent cache misses.
    private func flushSingles(
        _ p: UnsafePointer<UInt8>, from first: Int, to last: Int, blockStart: Int, rows: Int, index: CharacterIndex.Lookup?,
        workspace: Workspace, _ emit: (_ start: Int, _ end: Int) -> Void
    ) {
        let offsets = workspace.offsets
        let start = blockStart + Int(offsets[first])
        let end = blockStart + Int(offsets[last])
        if last - first == 1 {
            emit(start, end)
        } else if first < rows ? workspace.dagRow(first, hasWordEndingAt: last) : isWord(p, from: start, to: end, index: index) {
            for c in first..<last { emit(blockStart + Int(offsets[c]), blockStart + Int(offsets[c + 1])) }
        } else {
            cutUnknown(p, from: start, to: end, workspace: workspace, emit)
        }
    }
}
