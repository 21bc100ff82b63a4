#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The words a segmenter adds to (or removes from) its dictionary at run time: a small
/// mutable trie over UTF-8 laid over the shared, immutable base lexicon.
///
/// jieba keeps one dictionary, `FREQ`, holding every word and, with frequency 0, every prefix of
/// a word. Here `FREQ` is the union of the base lexicon and this overlay: an overlay word
/// overrides the base word of the same spelling (a removed word is an overlay word of frequency
/// 0), and a string is "in `FREQ`" when it is a prefix of a word of either. The base is never
/// copied; this struct holds plain arrays, so copying a segmenter shares them until one side
/// changes.
struct UserDictionary: Sendable {
    /// Trie edges in an open-addressing table keyed by `parent << 8 | byte`, stored plus one so
    /// that 0 marks an empty slot. A hash table rather than per-node child lists keeps each
    /// step O(1) even under the root, where every Han word shares a handful of lead bytes.
    private var edgeKeys: [UInt64] = Array(repeating: 0, count: 64)
    private var edgeTargets: [Int32] = Array(repeating: 0, count: 64)
    private var edgeCount = 0
    /// Per node (node 0 is the root): the word's frequency, or -1 when no word ends there.
    private(set) var frequencies: [Int64] = [-1]
    /// Per node: `log(frequency)`, as jieba's `calc` computes it (0 for no word or frequency 0).
    private(set) var logFrequencies: [Double] = [0]
    /// Per node: the word's part-of-speech tag.
    private(set) var tags: [String?] = [nil]
    /// Per node: whether the HMM must split the word into characters (jieba's
    /// `Force_Split_Words`, which collects every word ever given frequency 0 and never forgets).
    private(set) var forceSplit: [Bool] = [false]
    /// Whether some word is force-split, so the HMM skips the lookup otherwise.
    private(set) var hasForceSplit = false
    /// Every word set, once each, in the order first set.
    private(set) var words: [[UInt8]] = []
    /// The sum of the frequencies added, which jieba adds to its total even when a word is
    /// added twice or was already in the base dictionary.
    private(set) var addedFrequency: Int64 = 0

    /// Whether no word was ever added (the segmenter then walks the base lexicon alone).
    var isEmpty: Bool { frequencies.count == 1 }

    /// The child of `node` on `byte`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ byte: UInt8) -> Int32 {
        let key = (UInt64(UInt32(bitPattern: node)) << 8 | UInt64(byte)) &+ 1
        let mask = edgeKeys.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let k = edgeKeys[slot]
            if k == key { return edgeTargets[slot] }
            if k == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29)
    }

    /// The node spelled by `bytes`, or nil.
    func node(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var node: Int32 = 0
        for byte in bytes {
            node = child(node, byte)
            if node < 0 { return nil }
        }
        return node
    }

    /// Sets the word spelled by `bytes` (non-empty), creating its path.
    mutating func set(_ bytes: UnsafeBufferPointer<UInt8>, frequency: Int64, tag: String?) {
        var node: Int32 = 0
        for byte in bytes {
            let next = child(node, byte)
            if next >= 0 {
                node = next
            } else {
                let created = Int32(frequencies.count)
                frequencies.append(-1)
                logFrequencies.append(0)
                tags.append(nil)
                forceSplit.append(false)
                insertEdge(from: node, byte: byte, to: created)
                node = created
            }
        }
        let n = Int(node)
        if frequencies[n] < 0 { words.append(Array(bytes)) }
        frequencies[n] = frequency
        logFrequencies[n] = frequency > 0 ? log(Double(frequency)) : 0
        // jieba records a tag only when one is given, keeping an earlier one otherwise.
        if let tag, !tag.isEmpty { tags[n] = tag }
        if frequency == 0 {
            forceSplit[n] = true
            hasForceSplit = true
        }
        addedFrequency &+= frequency
    }

    private mutating func insertEdge(from parent: Int32, byte: UInt8, to target: Int32) {
        if (edgeCount + 1) * 2 > edgeKeys.count { grow() }
        let key = (UInt64(UInt32(bitPattern: parent)) << 8 | UInt64(byte)) &+ 1
        let mask = edgeKeys.count - 1
        var slot = Self.hash(key) & mask
        while edgeKeys[slot] != 0 { slot = (slot + 1) & mask }
        edgeKeys[slot] = key
        edgeTargets[slot] = target
        edgeCount += 1
    }

    private mutating func grow() {
        let oldKeys = edgeKeys, oldTargets = edgeTargets
        edgeKeys = Array(repeating: 0, count: oldKeys.count * 2)
        edgeTargets = Array(repeating: 0, count: oldKeys.count * 2)
        let mask = edgeKeys.count - 1
        for (key, target) in zip(oldKeys, oldTargets) where key != 0 {
            var slot = Self.hash(key) & mask
            while edgeKeys[slot] != 0 { slot = (slot + 1) & mask }
            edgeKeys[slot] = key
            edgeTargets[slot] = target
        }
    }
}
