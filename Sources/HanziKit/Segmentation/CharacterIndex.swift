import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A character-level trie of a segmenter's words, built in memory to make the DAG walk cheap.
///
/// The lexicon's trie is over bytes, so each Han character costs three dependent reads spread
/// over megabytes, nearly all cache misses, and building jieba's DAG is then most of the work.
/// Here a step is one read: the root's children sit in a table indexed by character, every
/// other edge in a hash table of four-slot buckets that a lookup reads as one piece of a cache
/// line without branching on what it finds, so that lookups for many positions can be in
/// flight at once (see `Segmenter.buildDAG`). Building it takes tens of milliseconds, so it is
/// optional (``Segmenter/buildCharacterIndex()``), and cached beside the lexicon it indexes
/// (`CharacterIndex+Cache.swift`).
///
/// Only what the DAG needs is kept: the words made of characters that can occur inside a
/// segmentable block (ASCII `[a-zA-Z0-9+#&._%-]` and Han U+4E00…U+9FD5), with their
/// `log(frequency)`. Prefixes of other words cannot add words to a DAG, so leaving them out
/// changes nothing.
final class CharacterIndex: @unchecked Sendable {
    // Safety of @unchecked: the tables are written only by init, before the index is shared.

    /// The index's code of a block character: ASCII as is, Han from 128 on; 15 bits.
    @inline(__always)
    static func code(_ p: UnsafePointer<UInt8>, _ i: Int) -> Int {
        let b = p[i]
        if b < 0x80 { return Int(b) }
        let c = Int(b & 0x0F) << 12 | Int(p[i + 1] & 0x3F) << 6 | Int(p[i + 2] & 0x3F)
        return c - Int(ScalarScanner.hanFirst) + 128
    }
    static let codeCount = 128 + Int(ScalarScanner.hanLast - ScalarScanner.hanFirst) + 1

    /// Node numbers must fit the 22 bits a slot gives them.
    static let maximumNodes = (1 << 22) - 1

    /// The root's step on each code (see ``step(_:_:)``).
    let rootSteps: UnsafeMutablePointer<Int32>
    /// Edge slots, four per bucket: `key << 23 | child << 1 | isWord`, with `key = parent << 15
    /// | code` (37 bits), 0 when empty. A bucket's slots fill in order; a full bucket spills
    /// into the next.
    let slots: UnsafeMutablePointer<UInt64>
    let bucketCount: Int
    private let bucketMask: Int
    private let bucketShift: UInt64
    /// Per node: the `log(frequency)` of the word ending there (NaN when none).
    let logFrequencies: UnsafeMutablePointer<Double>
    let nodeCount: Int
    private let slotMap: MemoryMap
    private let logMap: MemoryMap
    /// The tables as the walk reads them (see `CharacterIndex+Lookup.swift`).
    let lookup: Lookup

    /// Empty tables for `nodeCount` nodes in `buckets` buckets (a power of two); nil when
    /// memory cannot be had.
    init?(buckets: Int, nodeCount: Int) {
        guard let slotMap = MemoryMap(bytes: buckets * 32), let logMap = MemoryMap(bytes: nodeCount * 8) else { return nil }
        self.slotMap = slotMap
        self.logMap = logMap
        self.nodeCount = nodeCount
        bucketCount = buckets
        slots = slotMap.pointer.bindMemory(to: UInt64.self, capacity: buckets * 4)
        bucketMask = buckets - 1
        bucketShift = UInt64(64 - buckets.trailingZeroBitCount)
        logFrequencies = logMap.pointer.bindMemory(to: Double.self, capacity: nodeCount)
        rootSteps = .allocate(capacity: Self.codeCount)
        rootSteps.initialize(repeating: -1, count: Self.codeCount)
        lookup = Lookup(rootSteps: rootSteps, slots: slots, bucketMask: bucketMask, bucketShift: bucketShift,
                        logFrequencies: logFrequencies)
    }

    /// Builds the index of `lexicon` overlaid with `user` (whose words override the
    /// lexicon's); nil when the words need more nodes than the index can number, or memory
    /// cannot be had.
    convenience init?(lexicon: Lexicon, user: UserDictionary) {
        // Sorted keys share their prefixes with their predecessors: counting the new
        // characters of each gives the number of nodes exactly, before anything is allocated.
        var nodeCount = 1
        var previous: [Int] = []
        Self.forEachBaseWord(lexicon) { _, codes in
            let shared = zip(previous, codes).prefix { $0 == $1 }.count
            nodeCount += codes.count - shared
            previous.removeAll(keepingCapacity: true)
            previous.append(contentsOf: codes)
        }
        for word in user.words { nodeCount += word.count }
        guard nodeCount <= Self.maximumNodes else { return nil }
        // Buckets for a load of at most a half.
        var buckets = 1 << 8
        while buckets * 2 < nodeCount { buckets <<= 1 }
        self.init(buckets: buckets, nodeCount: nodeCount)

        var builder = Builder(index: self)
        if let logs = lexicon.logFrequencies {
            // In key order, a word's new characters are new edges: the path it shares with the
            // previous word is reused, and the rest is added without looking anything up.
            var path: [Int] = [0]
            previous.removeAll()
            Self.forEachBaseWord(lexicon) { entry, codes in
                let shared = zip(previous, codes).prefix { $0 == $1 }.count
                path.removeSubrange((shared + 1)...)
                for code in codes[shared...] { path.append(builder.addChild(of: path[path.count - 1], code)) }
                logFrequencies[path[path.count - 1]] = logs[entry]
                previous.removeAll(keepingCapacity: true)
                previous.append(contentsOf: codes)
            }
        }
        var codes: [Int] = []
        for word in user.words {
            word.withUnsafeBufferPointer { bytes in
                guard let userNode = user.node(bytes), Self.codes(of: bytes, into: &codes) else { return }
                let frequency = user.frequencies[Int(userNode)]
                logFrequencies[builder.insert(codes)] = frequency > 0 ? user.logFrequencies[Int(userNode)] : .nan
            }
        }
        builder.markWords()
    }

    deinit { rootSteps.deallocate() }

    /// Calls `body` with the entry index and the codes of every base word of nonzero frequency
    /// made of block characters, in key order.
    private static func forEachBaseWord(_ lexicon: Lexicon, _ body: (Int, [Int]) -> Void) {
        guard let frequencies = lexicon.frequencies else { return }
        var codes: [Int] = []
        for e in 0..<lexicon.count where frequencies[e] != 0 {
            if Self.codes(of: lexicon.keyUTF8(of: Lexicon.Entry(index: Int32(e))), into: &codes) { body(e, codes) }
        }
    }

    /// The codes of a word's characters; false when one cannot occur in a block.
    private static func codes(of word: UnsafeBufferPointer<UInt8>, into codes: inout [Int]) -> Bool {
        codes.removeAll(keepingCapacity: true)
        guard let p = word.baseAddress, !word.isEmpty else { return false }
        var i = 0
        while i < word.count {
            let (c, length) = ScalarScanner.decode(p, i, word.count)
            guard ScalarScanner.isSegmentable(c) else { return false }
            codes.append(code(p, i))
            i += length
        }
        return true
    }


    /// Inserts words into the index's tables.
    private struct Builder {
        let index: CharacterIndex
        var nodeCount = 1

        init(index: CharacterIndex) {
            self.index = index
            index.logFrequencies[0] = .nan
        }

        /// Adds the path of a word (its codes), returning its last node.
        mutating func insert(_ codes: [Int]) -> Int {
            var node = 0
            for code in codes {
                node = child(node, code)
            }
            return node
        }

        /// The child of `node` on `code`, created if missing.
        private mutating func child(_ node: Int, _ code: Int) -> Int {
            let existing = index.lookup.step(node, code)
            return existing >= 0 ? existing >> 1 : addChild(of: node, code)
        }

        /// Adds a child, known to be missing, to `node` on `code`.
        mutating func addChild(of node: Int, _ code: Int) -> Int {
            let created = newNode()
            if node == 0 {
                index.rootSteps[code] = Int32(created << 1)
                return created
            }
            let key = UInt64(node) << 15 | UInt64(code)
            var slot = 4 * index.lookup.bucket(of: key)
            while index.slots[slot] != 0 { slot = (slot + 1) & (4 * index.bucketMask + 3) }
            index.slots[slot] = key << 23 | UInt64(created) << 1
            return created
        }

        private mutating func newNode() -> Int {
            index.logFrequencies[nodeCount] = .nan
            nodeCount += 1
            return nodeCount - 1
        }

        /// Marks the steps into nodes where words end (once every word is in).
        func markWords() {
            for i in 0..<(4 * (index.bucketMask + 1)) where index.slots[i] != 0 {
                if !index.logFrequencies[Int(index.slots[i] & 0x7F_FFFF) >> 1].isNaN { index.slots[i] |= 1 }
            }
            for code in 0..<CharacterIndex.codeCount where index.rootSteps[code] >= 0 {
                if !index.logFrequencies[Int(index.rootSteps[code] >> 1)].isNaN { index.rootSteps[code] |= 1 }
            }
        }
    }
}

/// Anonymous memory advised to use transparent huge pages: the index's lookups land anywhere
/// in megabytes, and with 4 KB pages nearly every one would also miss the TLB.
final class MemoryMap: @unchecked Sendable {
    // Safety of @unchecked: the owner writes the memory only before sharing it.
    let pointer: UnsafeMutableRawPointer
    private let map: UnsafeMutableRawPointer
    private let size: Int
    private static let hugePage = 2 << 20

    /// Zeroed memory of `bytes` bytes, aligned to a huge page; nil when it cannot be mapped.
    init?(bytes: Int) {
        let size = (max(bytes, 1) + Self.hugePage - 1) / Self.hugePage * Self.hugePage + Self.hugePage
        guard let map = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              map != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        let offset = (Self.hugePage - Int(bitPattern: map) % Self.hugePage) % Self.hugePage
        madvise(map + offset, size - offset, MADV_HUGEPAGE)
        self.map = map
        self.size = size
        pointer = map + offset
    }

    deinit { munmap(map, size) }
}

/// Where a segmenter keeps its character index once built: shared by the copies of a segmenter
/// that have the same words, published once, read without a lock.
final class CharacterIndexSlot: Sendable {
    private let reference = AtomicLazyReference<CharacterIndex>()

    /// The index, if built.
    var index: CharacterIndex? { reference.load() }

    /// Publishes `index` unless another thread did first.
    func publish(_ index: CharacterIndex) {
        _ = reference.storeIfNil(index)
    }
}
