extension Lexicon {
    /// A word of a lexicon, identified by its index (words are numbered in key order).
    public struct Entry: Hashable, Sendable, Comparable {
        /// The index of the word, from 0 to `count - 1`.
        public let index: Int32
        /// Creates a reference to the word at `index`.
        @inlinable public init(index: Int32) { self.index = index }
        /// Orders entries by index, which is key order.
        @inlinable public static func < (a: Entry, b: Entry) -> Bool { a.index < b.index }
    }

    /// The child of `node` on `byte`, or -1. The range check costs one compare and keeps a
    /// corrupt file from sending a lookup outside the node array.
    @inlinable @inline(__always)
    func child(_ node: Int, _ byte: UInt8) -> Int {
        let t = Int(nodes[3 * node]) &+ Int(byte)
        guard UInt(bitPattern: t) < UInt(bitPattern: nodeCount) else { return -1 }
        return nodes[3 * t + 1] == Int32(truncatingIfNeeded: node) ? t : -1
    }

    /// The entry ending at `node`, or -1.
    @inlinable @inline(__always)
    func entryIndex(at node: Int) -> Int32 {
        let e = nodes[3 * node + 2]
        return e < Int32(truncatingIfNeeded: count) ? e : -1
    }

    /// The word spelled exactly by `key`, if it is in the lexicon.
    @inlinable
    public func entry(forUTF8 key: UnsafeBufferPointer<UInt8>) -> Entry? {
        var node = 0
        for byte in key {
            node = child(node, byte)
            if node < 0 { return nil }
        }
        let e = entryIndex(at: node)
        return e >= 0 && !key.isEmpty ? Entry(index: e) : nil
    }

    /// The word spelled exactly by `key`, if it is in the lexicon.
    public func entry(for key: String) -> Entry? {
        var key = key
        return key.withUTF8 { entry(forUTF8: $0) }
    }

    /// Calls `body` with the end offset and the entry of every word that starts at `start` in
    /// `text` and ends at or before `end`, shortest first (a common-prefix search). Allocates
    /// nothing.
    @inlinable
    public func forEachWord(
        in text: UnsafeBufferPointer<UInt8>, from start: Int, upTo end: Int? = nil,
        _ body: (_ end: Int, _ entry: Entry) throws -> Void
    ) rethrows {
        let limit = min(end ?? text.count, text.count, start + maxKeyLength)
        var node = 0
        var i = start
        while i < limit {
            node = child(node, text[i])
            if node < 0 { return }
            i += 1
            let e = entryIndex(at: node)
            if e >= 0 { try body(i, Entry(index: e)) }
        }
    }

    /// The longest word that starts at `start` in `text` and ends at or before `end`, if any.
    @inlinable
    public func longestWord(
        in text: UnsafeBufferPointer<UInt8>, from start: Int, upTo end: Int? = nil
    ) -> (end: Int, entry: Entry)? {
        let limit = min(end ?? text.count, text.count, start + maxKeyLength)
        var node = 0
        var i = start
        var found: (end: Int, entry: Entry)? = nil
        while i < limit {
            node = child(node, text[i])
            if node < 0 { break }
            i += 1
            let e = entryIndex(at: node)
            if e >= 0 { found = (i, Entry(index: e)) }
        }
        return found
    }

    /// Whether some word of the lexicon starts with `prefix` (or is `prefix`).
    @inlinable
    public func hasWord(withPrefix prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        var node = 0
        for byte in prefix {
            node = child(node, byte)
            if node < 0 { return false }
        }
        return true
    }
}

extension Lexicon {
    /// The word's UTF-8 bytes, valid as long as the lexicon lives.
    @inlinable
    public func keyUTF8(of entry: Entry) -> UnsafeBufferPointer<UInt8> {
        let i = Int(entry.index)
        let start = Int(keyOffsets[i])
        return UnsafeBufferPointer(start: keyPool + start, count: Int(keyOffsets[i + 1]) - start)
    }

    /// The word as a string.
    public func key(of entry: Entry) -> String {
        String(decoding: keyUTF8(of: entry), as: UTF8.self)
    }

    /// Whether the lexicon has frequencies (jieba-style dictionaries).
    public var hasFrequencies: Bool { frequencies != nil }

    /// The word's frequency (0 when the dictionary gives none).
    @inlinable
    public func frequency(of entry: Entry) -> UInt64 {
        frequencies.map { UInt64($0[Int(entry.index)]) } ?? 0
    }

    /// `log(frequency)`, precomputed (0 when the frequency is 0).
    @inlinable
    public func logFrequency(of entry: Entry) -> Double {
        logFrequencies?[Int(entry.index)] ?? 0
    }

    /// The word's part-of-speech tag, if any.
    public func tag(of entry: Entry) -> String? {
        guard let tagIDs else { return nil }
        let t = Int(tagIDs[Int(entry.index)])
        guard t != Int(LexiconFormat.noTag) else { return nil }
        let start = Int(tagOffsets[t])
        return String(decoding: UnsafeBufferPointer(start: tagPool + start, count: Int(tagOffsets[t + 1]) - start), as: UTF8.self)
    }

    /// The number of conversion targets of the word.
    @inlinable
    public func valueCount(of entry: Entry) -> Int {
        guard let valueStarts else { return 0 }
        let i = Int(entry.index)
        return Int(valueStarts[i + 1]) - Int(valueStarts[i])
    }

    /// The UTF-8 bytes of conversion target `i` of the word (0 is the preferred one); the
    /// word must have more than `i` targets.
    @inlinable
    public func valueUTF8(of entry: Entry, at i: Int = 0) -> UnsafeBufferPointer<UInt8> {
        let v = Int(valueStarts![Int(entry.index)]) + i
        let start = Int(valueOffsets[v])
        return UnsafeBufferPointer(start: valuePool + start, count: Int(valueOffsets[v + 1]) - start)
    }

    /// The conversion targets of the word, preferred first.
    public func values(of entry: Entry) -> [String] {
        (0..<valueCount(of: entry)).map { String(decoding: valueUTF8(of: entry, at: $0), as: UTF8.self) }
    }

    /// Every word, in key order.
    public var allEntries: some RandomAccessCollection<Entry> {
        (0..<Int32(count)).lazy.map { Entry(index: $0) }
    }
}
