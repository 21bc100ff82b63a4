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
/// Everything a walk needs about a node is in its one 64-bit entry, read by the step that
/// reaches it (see ``Layout``): whether a word ends there and its `log(frequency)` (as a class,
/// an index into a small table of the distinct values), and a filter of the characters its
/// children are on. Most walks end on a character no child has, and the filter tells most of
/// those without reading memory. A node is numbered by its entry: the slot of its edge, or for
/// a child of the root, the slot count plus its character's code.
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
        return code(ofHan: UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F))
    }

    /// The code of a Han character of jieba's range.
    @inline(__always)
    static func code(ofHan c: UInt32) -> Int { Int(c - ScalarScanner.hanFirst) + 128 }
    static let codeCount = 128 + Int(ScalarScanner.hanLast - ScalarScanner.hanFirst) + 1
    static let codeBits = 15

    /// The entries of the root's children, by code; 0 where the root has no child.
    let rootEntries: UnsafeMutablePointer<UInt64>
    /// Edge slots, four per bucket, 0 when empty: the child's entry, with the edge's key
    /// `parent << 15 | code` in its high bits. A bucket's slots fill in order; a full bucket
    /// spills into the next.
    let slots: UnsafeMutablePointer<UInt64>
    let bucketCount: Int
    /// `log(frequency)` by word class; class 0 is no word.
    let classLogs: UnsafeMutablePointer<Double>
    let classCount: Int
    let layout: Layout
    private let slotMap: MemoryMap
    /// The tables as the walk reads them (see `CharacterIndex+Lookup.swift`).
    let lookup: Lookup

    /// Where an entry keeps what: the class in the low bits, the filter above it, then a bit
    /// that only a bucket's last slot uses (a key whose home is this bucket lies beyond it), and
    /// the key (in slots) at the top. The widths follow from the table's size and the number of
    /// classes.
    struct Layout {
        let classBits: Int
        let filterBits: Int
        /// Where the key starts: `64 - keyBits`.
        let keyShift: Int
        /// The overflow bit: `keyShift - 1`.
        var overflowBit: Int { keyShift - 1 }

        /// The layout for `buckets` buckets and `classes` classes (class 0 included); nil when
        /// no bit would be left for the filter.
        init?(buckets: Int, classes: Int) {
            let nodeIDs = 4 * buckets + CharacterIndex.codeCount
            let parentBits = Int.bitWidth - (nodeIDs - 1).leadingZeroBitCount
            classBits = max(1, Int.bitWidth - (classes - 1).leadingZeroBitCount)
            keyShift = 64 - parentBits - CharacterIndex.codeBits
            filterBits = keyShift - 1 - classBits
            guard filterBits >= 1 else { return nil }
        }
    }

    /// Empty tables for `buckets` buckets (a power of two) and `classes` word classes; nil when
    /// memory cannot be had or the entries cannot hold the numbers.
    init?(buckets: Int, classes: Int) {
        guard let layout = Layout(buckets: buckets, classes: classes),
              let slotMap = MemoryMap(bytes: buckets * 32) else { return nil }
        self.slotMap = slotMap
        self.layout = layout
        bucketCount = buckets
        classCount = classes
        slots = slotMap.pointer.bindMemory(to: UInt64.self, capacity: buckets * 4)
        rootEntries = .allocate(capacity: Self.codeCount)
        rootEntries.initialize(repeating: 0, count: Self.codeCount)
        classLogs = .allocate(capacity: classes)
        classLogs.initialize(repeating: .nan, count: classes)
        lookup = Lookup(rootEntries: rootEntries, slots: slots, classLogs: classLogs, buckets: buckets, layout: layout)
    }

    /// Builds the index of `lexicon` overlaid with `user` (whose words override the
    /// lexicon's); nil when the entries cannot number its nodes and classes, or memory cannot
    /// be had.
    convenience init?(lexicon: Lexicon, user: UserDictionary) {
        // Sorted keys share their prefixes with their predecessors: counting the new
        // characters of each gives the number of nodes exactly, before anything is allocated.
        var nodeCount = 1
        var previous: [Int] = []
        var classes: [UInt64: Int] = [:]
        let logs = lexicon.logFrequencies
        Self.forEachBaseWord(lexicon) { entry, codes in
            let shared = zip(previous, codes).prefix { $0 == $1 }.count
            nodeCount += codes.count - shared
            previous.removeAll(keepingCapacity: true)
            previous.append(contentsOf: codes)
            if let logs { Self.addClass(logs[entry], to: &classes) }
        }
        for word in user.words { nodeCount += word.count }
        for (n, frequency) in user.frequencies.enumerated() where frequency > 0 {
            Self.addClass(user.logFrequencies[n], to: &classes)
        }
        // Buckets for a load of at most a half.
        var buckets = 1 << 8
        while buckets * 2 < nodeCount { buckets <<= 1 }
        self.init(buckets: buckets, classes: classes.count + 1)
        for (bits, wordClass) in classes { classLogs[wordClass] = Double(bitPattern: bits) }

        var builder = Builder(index: self)
        if let logs {
            // In key order, a word's new characters are new edges: the path it shares with the
            // previous word is reused, and the rest is added without looking anything up.
            var path: [Int] = [Lookup.root]
            previous.removeAll()
            Self.forEachBaseWord(lexicon) { entry, codes in
                let shared = zip(previous, codes).prefix { $0 == $1 }.count
                path.removeSubrange((shared + 1)...)
                for code in codes[shared...] { path.append(builder.addChild(of: path[path.count - 1], code)) }
                builder.setClass(of: path[path.count - 1], to: classes[logs[entry].bitPattern]!)
                previous.removeAll(keepingCapacity: true)
                previous.append(contentsOf: codes)
            }
        }
        var codes: [Int] = []
        for word in user.words {
            word.withUnsafeBufferPointer { bytes in
                guard let userNode = user.node(bytes), Self.codes(of: bytes, into: &codes) else { return }
                let frequency = user.frequencies[Int(userNode)]
                let wordClass = frequency > 0 ? classes[user.logFrequencies[Int(userNode)].bitPattern]! : 0
                builder.setClass(of: builder.insert(codes), to: wordClass)
            }
        }
    }

    deinit {
        rootEntries.deallocate()
        classLogs.deallocate()
    }

    /// Numbers a `log(frequency)` not seen before with the next class.
    private static func addClass(_ log: Double, to classes: inout [UInt64: Int]) {
        if classes[log.bitPattern] == nil { classes[log.bitPattern] = classes.count + 1 }
    }

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

        /// Adds the path of a word (its codes), returning its last node.
        mutating func insert(_ codes: [Int]) -> Int {
            var node = Lookup.root
            for code in codes {
                let existing = index.lookup.step(node, code).node
                node = existing >= 0 ? existing : addChild(of: node, code)
            }
            return node
        }

        /// Adds a child, known to be missing, to `node` on `code`, and sets the bit of `code`
        /// in the node's filter.
        mutating func addChild(of node: Int, _ code: Int) -> Int {
            let layout = index.layout
            let created: Int
            if node == Lookup.root {
                created = index.lookup.rootNode(code)
            } else {
                let key = UInt64(node) << CharacterIndex.codeBits | UInt64(code)
                var slot = 4 * index.lookup.bucket(of: key)
                while index.slots[slot] != 0 {
                    // Leaving a full bucket: its misses must look further.
                    if slot & 3 == 3 { index.slots[slot] |= 1 << layout.overflowBit }
                    slot = (slot + 1) & (4 * index.bucketCount - 1)
                }
                index.slots[slot] = key << layout.keyShift
                created = slot
                update(node) { $0 |= 1 << (layout.classBits + index.lookup.filterBit(code)) }
            }
            // A node without word or children has an entry of 0, like no node: every node
            // gets one or the other before the word being added is done.
            return created
        }

        /// Makes the node a word of `wordClass` (0: no word).
        mutating func setClass(of node: Int, to wordClass: Int) {
            let mask: UInt64 = 1 << index.layout.classBits - 1
            update(node) { $0 = $0 & ~mask | UInt64(wordClass) }
        }

        private func update(_ node: Int, _ change: (inout UInt64) -> Void) {
            if node >= 4 * index.bucketCount {
                change(&index.rootEntries[node - 4 * index.bucketCount])
            } else {
                change(&index.slots[node])
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
