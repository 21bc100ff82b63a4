#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled dictionary: a double-array trie over UTF-8 with, per word, a frequency, a
/// part-of-speech tag and conversion targets.
///
/// One format serves conversion (OpenCC dictionaries: word → targets) and segmentation
/// (jieba's dictionary: word → frequency, tag). A lexicon is read from a memory-mapped file
/// without copying, or from bytes just built; it is immutable and safe to share across threads.
///
/// ```swift
/// let lexicon = try Lexicon(contentsOf: "/path/jieba.hzlex")
/// if let word = lexicon.entry(for: "北京") { print(lexicon.frequency(of: word)) }
/// ```
public final class Lexicon: @unchecked Sendable {
    // Safety of @unchecked: every stored property is immutable after init, and the memory they
    // point into is never written while the object lives.

    /// Where the lexicon came from, for error messages.
    public let path: String
    @usableFromInline let nodes: UnsafePointer<Int32>
    @usableFromInline let nodeCount: Int
    /// The number of distinct words.
    public let count: Int
    @usableFromInline let keyOffsets: UnsafePointer<UInt32>
    @usableFromInline let frequencies: UnsafePointer<UInt32>?
    @usableFromInline let logFrequencies: UnsafePointer<Double>?
    @usableFromInline let tagIDs: UnsafePointer<UInt16>?
    @usableFromInline let valueStarts: UnsafePointer<UInt32>?
    @usableFromInline let valueOffsets: UnsafePointer<UInt32>
    @usableFromInline let tagOffsets: UnsafePointer<UInt32>
    @usableFromInline let keyPool: UnsafePointer<UInt8>
    @usableFromInline let valuePool: UnsafePointer<UInt8>
    @usableFromInline let tagPool: UnsafePointer<UInt8>
    let tagCount: Int
    /// The length in bytes of the longest key.
    public let maxKeyLength: Int
    /// The sum of the frequencies of every dictionary line, as jieba counts its total.
    public let totalFrequency: UInt64
    /// The checksum of the serialized lexicon, which identifies its content.
    let checksum: UInt64
    /// Whether the lexicon was mapped from ``DictionaryStore``'s cache, where data derived
    /// from it may be cached beside it.
    let isCached: Bool
    private let storage: Storage

    /// Owns the bytes: a memory map or a heap copy.
    private enum Storage {
        case mapped(UnsafeMutableRawPointer, Int)
        case heap(UnsafeMutableRawPointer)
    }

    /// Maps a compiled lexicon file.
    /// - Throws: ``LexiconError`` naming the file when it is missing, truncated, corrupt or of
    ///   another format version.
    public convenience init(contentsOf path: String) throws {
        try self.init(contentsOf: path, verifyingChecksum: true)
    }

    /// Maps a compiled lexicon file; without `verifyingChecksum`, only the header and the
    /// offsets are checked (for cache files already verified and unchanged since, see
    /// `FileStamp`).
    convenience init(contentsOf path: String, verifyingChecksum: Bool, cached: Bool = false) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LexiconError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LexiconError.io(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        guard size >= LexiconFormat.headerSize else {
            throw size >= 8 ? LexiconError.truncated(path: path, expected: LexiconFormat.headerSize, actual: size)
                : LexiconError.notALexicon(path: path)
        }
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0),
              map != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw LexiconError.io(path: path, reason: "cannot map: \(String(cString: strerror(errno)))")
        }
        do {
            try self.init(storage: .mapped(map, size), bytes: UnsafeRawBufferPointer(start: map, count: size), path: path,
                          verifyingChecksum: verifyingChecksum, cached: cached)
        } catch {
            munmap(map, size)
            throw error
        }
    }

    /// Reads a lexicon from serialized bytes (as written by ``LexiconBuilder/serialized()``),
    /// copying them.
    public convenience init(bytes: [UInt8], path: String = "<memory>") throws {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        do {
            try self.init(storage: .heap(memory), bytes: UnsafeRawBufferPointer(start: memory, count: bytes.count), path: path)
        } catch {
            memory.deallocate()
            throw error
        }
    }

    private convenience init(storage: Storage, bytes: UnsafeRawBufferPointer, path: String, verifyingChecksum: Bool = true,
                             cached: Bool = false) throws {
        // Everything that can fail happens before the object exists, so a failure never runs
        // deinit on half-checked storage (the callers release it).
        let mapped = if case .mapped = storage { true } else { false }
        self.init(storage: storage, layout: try Layout(bytes, path: path, releasingPages: mapped, verifyingChecksum: verifyingChecksum),
                  path: path, cached: cached)
    }

    private init(storage: Storage, layout: Layout, path: String, cached: Bool) {
        self.storage = storage
        self.path = path
        isCached = cached
        checksum = layout.checksum
        nodes = layout.nodes
        nodeCount = layout.nodeCount
        count = layout.count
        keyOffsets = layout.keyOffsets
        frequencies = layout.frequencies
        logFrequencies = layout.logFrequencies
        tagIDs = layout.tagIDs
        valueStarts = layout.valueStarts
        valueOffsets = layout.valueOffsets
        tagOffsets = layout.tagOffsets
        keyPool = layout.keyPool
        valuePool = layout.valuePool
        tagPool = layout.tagPool
        tagCount = layout.tagCount
        maxKeyLength = layout.maxKeyLength
        totalFrequency = layout.totalFrequency
    }

    /// The checked header and section pointers of a lexicon's bytes.
    private struct Layout {
        var nodes: UnsafePointer<Int32>
        var nodeCount: Int
        var count: Int
        var keyOffsets: UnsafePointer<UInt32>
        var frequencies: UnsafePointer<UInt32>?
        var logFrequencies: UnsafePointer<Double>?
        var tagIDs: UnsafePointer<UInt16>?
        var valueStarts: UnsafePointer<UInt32>?
        var valueOffsets: UnsafePointer<UInt32>
        var tagOffsets: UnsafePointer<UInt32>
        var keyPool: UnsafePointer<UInt8>
        var valuePool: UnsafePointer<UInt8>
        var tagPool: UnsafePointer<UInt8>
        var tagCount: Int
        var maxKeyLength: Int
        var totalFrequency: UInt64
        var checksum: UInt64

        init(_ bytes: UnsafeRawBufferPointer, path: String, releasingPages: Bool, verifyingChecksum: Bool) throws {
            let size = bytes.count
            guard size >= LexiconFormat.headerSize else {
                throw LexiconError.truncated(path: path, expected: LexiconFormat.headerSize, actual: size)
            }
            guard bytes.prefix(8).elementsEqual(LexiconFormat.magic) else { throw LexiconError.notALexicon(path: path) }
            func u32(_ offset: Int) -> Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
            func u64(_ offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            typealias F = LexiconFormat.Field
            let version = UInt32(u32(F.version))
            guard version == LexiconFormat.version else {
                throw LexiconError.unsupportedVersion(path: path, found: version, supported: LexiconFormat.version)
            }
            let payloadSize = u32(F.payloadSize)
            guard size >= LexiconFormat.headerSize + payloadSize else {
                throw LexiconError.truncated(path: path, expected: LexiconFormat.headerSize + payloadSize, actual: size)
            }
            let payload = UnsafeRawBufferPointer(rebasing: bytes[LexiconFormat.headerSize..<(LexiconFormat.headerSize + payloadSize)])
            guard !verifyingChecksum || LexiconFormat.checksum(payload, releasingPages: releasingPages) == u64(F.checksum) else {
                throw LexiconError.checksumMismatch(path: path)
            }
            nodeCount = u32(F.nodeCount)
            count = u32(F.entryCount)
            let valueCount = u32(F.valueCount)
            tagCount = u32(F.tagCount)
            let packed = u32(F.maxKeyLength)
            maxKeyLength = packed & 0xFF_FFFF
            totalFrequency = u64(F.totalFrequency)
            checksum = u64(F.checksum)
            let shape = LexiconFormat.Shape(
                nodes: nodeCount, entries: count, values: valueCount, tags: tagCount,
                keyPool: u32(F.keyPoolSize), valuePool: u32(F.valuePoolSize), tagPool: u32(F.tagPoolSize),
                hasFrequencies: packed >> 24 & 1 != 0, hasTags: packed >> 24 & 2 != 0, hasValues: packed >> 24 & 4 != 0)
            let sizes = shape.sectionSizes
            guard sizes.reduce(0, +) == payloadSize, nodeCount > LexiconFormat.nodePadding else {
                throw LexiconError.malformed(path: path, reason: "section sizes do not add up to the payload")
            }
            var sections: [UnsafeRawPointer] = []
            var position = payload.baseAddress!
            for size in sizes {
                sections.append(position)
                position += size
            }
            nodes = sections[0].assumingMemoryBound(to: Int32.self)
            keyOffsets = sections[1].assumingMemoryBound(to: UInt32.self)
            frequencies = shape.hasFrequencies ? sections[2].assumingMemoryBound(to: UInt32.self) : nil
            logFrequencies = shape.hasFrequencies ? sections[3].assumingMemoryBound(to: Double.self) : nil
            tagIDs = shape.hasTags ? sections[4].assumingMemoryBound(to: UInt16.self) : nil
            valueStarts = shape.hasValues ? sections[5].assumingMemoryBound(to: UInt32.self) : nil
            valueOffsets = sections[6].assumingMemoryBound(to: UInt32.self)
            tagOffsets = sections[7].assumingMemoryBound(to: UInt32.self)
            keyPool = sections[8].assumingMemoryBound(to: UInt8.self)
            valuePool = sections[9].assumingMemoryBound(to: UInt8.self)
            tagPool = sections[10].assumingMemoryBound(to: UInt8.self)
            try validate(shape, path: path)
        }

        /// Checks the offset columns the accessors follow, so that even a file whose checksum
        /// was forged cannot make an accessor read outside the bytes. (Trie transitions and
        /// entry indices are bounds-checked where they are followed.)
        private func validate(_ shape: LexiconFormat.Shape, path: String) throws {
            func monotonic(_ column: UnsafePointer<UInt32>, _ n: Int, limit: Int) -> Bool {
                var previous: UInt32 = 0
                for i in 0...n {
                    if column[i] < previous { return false }
                    previous = column[i]
                }
                return Int(previous) <= limit
            }
            guard monotonic(keyOffsets, count, limit: shape.keyPool),
                  monotonic(valueOffsets, shape.values, limit: shape.valuePool),
                  monotonic(tagOffsets, shape.tags, limit: shape.tagPool),
                  valueStarts.map({ monotonic($0, count, limit: shape.values) }) ?? true
            else { throw LexiconError.malformed(path: path, reason: "offsets out of range") }
            if let tagIDs {
                for i in 0..<count where tagIDs[i] != LexiconFormat.noTag && Int(tagIDs[i]) >= tagCount {
                    throw LexiconError.malformed(path: path, reason: "tag of entry \(i) out of range")
                }
            }
        }
    }

    deinit {
        switch storage {
        case let .mapped(pointer, size): munmap(pointer, size)
        case let .heap(pointer): pointer.deallocate()
        }
    }
}
