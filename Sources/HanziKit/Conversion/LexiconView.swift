/// The arrays of a lexicon that the conversion loop reads, as plain pointers: reading them
/// through the `Lexicon` object would retain and release it at every character. Valid while
/// the lexicon lives (the converter keeps it).
struct LexiconView {
    private let nodes: UnsafePointer<Int32>
    private let nodeCount: Int
    private let count: Int32
    private let valueStarts: UnsafePointer<UInt32>?
    private let valueOffsets: UnsafePointer<UInt32>
    private let valuePool: UnsafePointer<UInt8>
    /// The length in bytes of the longest key.
    let maxKeyLength: Int

    init(_ lexicon: Lexicon) {
        nodes = lexicon.nodes
        nodeCount = lexicon.nodeCount
        count = Int32(truncatingIfNeeded: lexicon.count)
        valueStarts = lexicon.valueStarts
        valueOffsets = lexicon.valueOffsets
        valuePool = lexicon.valuePool
        maxKeyLength = lexicon.maxKeyLength
    }

    /// The child of `node` on `byte`, or -1 (the same double-array step as ``Lexicon``'s).
    @inline(__always)
    func child(_ node: Int, _ byte: UInt8) -> Int {
        let t = Int(nodes[3 * node]) &+ Int(byte)
        guard UInt(bitPattern: t) < UInt(bitPattern: nodeCount) else { return -1 }
        return nodes[3 * t + 1] == Int32(truncatingIfNeeded: node) ? t : -1
    }

    /// The entry ending at `node`, or -1.
    @inline(__always)
    func entry(at node: Int) -> Int32 {
        let e = nodes[3 * node + 2]
        return e < count ? e : -1
    }

    /// The longest key that starts at `p` and ends by `end`: its end and entry.
    @inline(__always)
    func longestWord(_ bytes: UnsafePointer<UInt8>, at p: Int, end: Int) -> (end: Int, entry: Int32)? {
        longestWord(bytes, from: 0, at: p, end: min(end, p + maxKeyLength), found: nil)
    }

    /// Continues a walk from `node` at byte `i`, up to `limit`, keeping the longest key seen.
    @inline(__always)
    func longestWord(_ bytes: UnsafePointer<UInt8>, from node: Int, at i: Int, end limit: Int,
                     found: (end: Int, entry: Int32)?) -> (end: Int, entry: Int32)? {
        var node = node, i = i, found = found
        while i < limit {
            node = child(node, bytes[i])
            if node < 0 { break }
            i += 1
            let e = entry(at: node)
            if e >= 0 { found = (i, e) }
        }
        return found
    }

    /// The preferred target of `entry`; empty when the dictionary line gave none (OpenCC
    /// then deletes the matched text).
    @inline(__always)
    func value(of entry: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let valueStarts else { return UnsafeBufferPointer(start: nil, count: 0) }
        let v = Int(valueStarts[Int(entry)])
        guard v < Int(valueStarts[Int(entry) + 1]) else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = Int(valueOffsets[v])
        return UnsafeBufferPointer(start: valuePool + start, count: Int(valueOffsets[v + 1]) - start)
    }
}
