#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The on-disk layout of a compiled lexicon (`.hzlex`).
///
/// A file is a 64-byte header followed by 8-byte-aligned sections; every integer is
/// little-endian. The header carries a magic number, a format version and a checksum of the
/// payload, so a truncated, corrupt or outdated file is rejected before any lookup. Sections are
/// columns, so a lexicon without frequencies (OpenCC) or without targets (jieba) stores nothing
/// for them, and a lookup touches only the columns it reads.
///
/// | section | element | meaning |
/// | --- | --- | --- |
/// | nodes | 3 × Int32 | double-array trie over UTF-8 bytes: base, check (parent), entry (-1 if none) |
/// | keyOffsets | UInt32 × (count + 1) | where each key starts in the key pool (keys in byte order) |
/// | frequencies | UInt32 × count | jieba frequency (empty when the lexicon has none) |
/// | logFrequencies | Float64 × count | `log(frequency)`, precomputed for segmentation (idem) |
/// | tagIDs | UInt16 × count | index of the part-of-speech tag, `0xFFFF` for none (empty when no tags) |
/// | valueStarts | UInt32 × (count + 1) | each entry's first conversion target (empty when none) |
/// | valueOffsets | UInt32 × (values + 1) | where each target starts in the value pool |
/// | tagOffsets | UInt32 × (tags + 1) | where each tag starts in the tag pool |
/// | key pool, value pool, tag pool | bytes | UTF-8 |
@usableFromInline
enum LexiconFormat {
    static let magic: [UInt8] = Array("HanziLex".utf8)
    /// Bump whenever the layout or the meaning of a field changes; cached files of another
    /// version are rebuilt.
    static let version: UInt32 = 2
    static let headerSize = 64
    @usableFromInline static let unitsPerNode = 3
    /// Free cells after the last node, so that `base + byte` stays inside the node array for
    /// every well-formed file.
    static let nodePadding = 256
    @usableFromInline static let noTag: UInt16 = .max

    /// Header field offsets.
    enum Field {
        static let version = 8
        static let payloadSize = 12
        static let checksum = 16
        static let nodeCount = 24
        static let entryCount = 28
        static let valueCount = 32
        static let tagCount = 36
        static let keyPoolSize = 40
        static let valuePoolSize = 44
        static let tagPoolSize = 48
        static let maxKeyLength = 52
        static let totalFrequency = 56
    }

    /// Header flag-like facts derived from section sizes.
    struct Shape: Equatable {
        var nodes, entries, values, tags, keyPool, valuePool, tagPool: Int
        var hasFrequencies: Bool
        var hasTags: Bool
        var hasValues: Bool

        /// Section sizes in bytes, in file order; shared by writer and reader so they agree.
        var sectionSizes: [Int] {
            [
                aligned(nodes * unitsPerNode * 4),
                aligned((entries + 1) * 4),
                aligned(hasFrequencies ? entries * 4 : 0),
                aligned(hasFrequencies ? entries * 8 : 0),
                aligned(hasTags ? entries * 2 : 0),
                aligned(hasValues ? (entries + 1) * 4 : 0),
                aligned((values + 1) * 4),
                aligned((tags + 1) * 4),
                aligned(keyPool),
                aligned(valuePool),
                aligned(tagPool),
            ]
        }
    }

    static func aligned(_ n: Int) -> Int { (n + 7) & ~7 }

    /// A fast 64-bit hash of a byte buffer (four independent multiply-rotate lanes), used as
    /// the file checksum and to key the compiled-dictionary cache by source content. It
    /// detects corruption; it is not meant to resist forgery.
    ///
    /// With `releasingPages`, the buffer is read a megabyte at a time and each page-aligned
    /// stretch already hashed is handed back to the kernel (`MADV_DONTNEED`), so hashing a
    /// memory-mapped file does not raise the process's peak resident memory by its size.
    static func checksum(_ buffer: UnsafeRawBufferPointer, releasingPages: Bool = false) -> UInt64 {
        var hasher = ChecksumHasher()
        guard let base = buffer.baseAddress else { return hasher.finish(tail: buffer, total: 0) }
        let chunk = 1 << 20
        var offset = 0
        while buffer.count - offset > chunk {
            hasher.update(UnsafeRawBufferPointer(start: base + offset, count: chunk))
            if releasingPages { release(base + offset, count: chunk) }
            offset += chunk
        }
        let whole = (buffer.count - offset) & ~31
        hasher.update(UnsafeRawBufferPointer(start: base + offset, count: whole))
        return hasher.finish(tail: UnsafeRawBufferPointer(start: base + offset + whole, count: buffer.count - offset - whole),
                             total: buffer.count)
    }

    /// The checksum of a string's UTF-8.
    static func checksum(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { checksum($0) }
    }

    /// Drops the whole pages inside a read-only mapped range from resident memory.
    private static func release(_ start: UnsafeRawPointer, count: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: start) + page - 1) & ~(page - 1)
        let last = (Int(bitPattern: start) + count) & ~(page - 1)
        if last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) {
            madvise(pointer, last - first, MADV_DONTNEED)
        }
    }

    struct ChecksumHasher {
        static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
        static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var a: UInt64 = 0x1234_5678_9ABC_DEF1, b: UInt64 = p1, c: UInt64 = p2, d: UInt64 = 0x0F1E_2D3C_4B5A_6978

        @inline(__always) static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
            let mixed = acc &+ input &* p2
            return ((mixed << 31) | (mixed >> 33)) &* p1
        }

        /// Hashes a block whose length is a multiple of 32 bytes.
        mutating func update(_ block: UnsafeRawBufferPointer) {
            guard let base = block.baseAddress else { return }
            var offset = 0
            while offset + 32 <= block.count {
                a = Self.round(a, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                b = Self.round(b, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                c = Self.round(c, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                d = Self.round(d, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
        }

        func finish(tail: UnsafeRawBufferPointer, total: Int) -> UInt64 {
            var h = a ^ (b << 1 | b >> 63) ^ (c << 7 | c >> 57) ^ (d << 12 | d >> 52) ^ UInt64(total)
            for byte in tail { h = Self.round(h, UInt64(byte)) }
            h ^= h >> 33
            h = h &* Self.p2
            h ^= h >> 29
            h = h &* Self.p1
            h ^= h >> 32
            return h
        }
    }
}

// Sections are read in place as arrays of little-endian integers and doubles.
#if _endian(big)
#error("HanziKit's compiled lexicon format assumes a little-endian machine")
#endif
