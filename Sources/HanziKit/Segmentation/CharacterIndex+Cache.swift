#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The index of a cached lexicon is cached beside it (`dict.txt-….hzlex.chars`): building it
/// costs a quarter of a second of processor time, more than segmenting megabytes, while
/// reading it back costs a few milliseconds.
///
/// The file holds the three tables as they are in memory, behind a header that names the
/// lexicon's checksum and the tables' own. A file that does not match in every respect is
/// ignored (and replaced when the index is built again); one that matches is also checked for
/// word classes out of range, so that no file can make a lookup read outside the tables.
extension CharacterIndex {
    private static let magic: UInt64 = 0x3553_5241_4843_5A48  // "HZCHARS5", little-endian
    private static let headerSize = 64

    /// Where the index of `lexicon` is cached, or nil when the lexicon is not a cache file.
    static func cachePath(for lexicon: Lexicon) -> String? {
        lexicon.isCached ? lexicon.path + ".chars" : nil
    }

    /// The header: magic, code count, bucket count, class count, the lexicon's checksum and the
    /// tables' checksum.
    private func header(lexiconChecksum: UInt64) -> [UInt64] {
        [Self.magic, UInt64(Self.codeCount), UInt64(bucketCount), UInt64(classCount), lexiconChecksum, tableChecksum(), 0, 0]
    }

    /// The tables as byte buffers, in file order.
    private var tables: [UnsafeMutableRawBufferPointer] {
        [UnsafeMutableRawBufferPointer(start: rootEntries, count: Self.codeCount * 8),
         UnsafeMutableRawBufferPointer(start: slots, count: bucketCount * 32),
         UnsafeMutableRawBufferPointer(start: classLogs, count: classCount * 8)]
    }

    private func tableChecksum() -> UInt64 {
        tables.reduce(0) { ($0 &* 0x100_0000_01B3) ^ LexiconFormat.checksum(UnsafeRawBufferPointer($1)) }
    }

    /// Writes the index to `path` (atomically) as the index of `lexicon`.
    func write(to path: String, for lexicon: Lexicon) throws {
        let header = header(lexiconChecksum: lexicon.checksum)
        try header.withUnsafeBytes { head in
            try FileBytes.writeAtomically([head] + tables.map { UnsafeRawBufferPointer($0) }, to: path)
        }
    }

    /// Reads the index of `lexicon` cached at `path`; nil when there is none, or when the file
    /// is not exactly the index of this lexicon.
    static func cached(at path: String, for lexicon: Lexicon) -> CharacterIndex? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var header = [UInt64](repeating: 0, count: headerSize / 8)
        guard header.withUnsafeMutableBytes({ readFully(fd, into: $0, at: 0) }),
              header[0] == magic, header[1] == UInt64(codeCount), header[4] == lexicon.checksum else { return nil }
        let buckets = Int(truncatingIfNeeded: header[2]), classes = Int(truncatingIfNeeded: header[3])
        var info = stat()
        guard buckets >= 1 << 8, buckets <= 1 << 24, buckets & (buckets - 1) == 0, classes >= 1, classes <= 1 << 24,
              fstat(fd, &info) == 0, Int(info.st_size) == headerSize + codeCount * 8 + buckets * 32 + classes * 8,
              let index = CharacterIndex(buckets: buckets, classes: classes) else { return nil }
        var offset = headerSize
        for table in index.tables {
            guard readFully(fd, into: table, at: offset) else { return nil }
            offset += table.count
        }
        guard index.tableChecksum() == header[5], index.isSound else { return nil }
        return index
    }

    /// Whether every word class is in range and the hash table has room, so that lookups stay
    /// inside the tables and a missing key ends its probe.
    private var isSound: Bool {
        // Without branches, so that the loops over megabytes run in vector registers.
        let classMask = lookup.classMask
        var highest: UInt64 = 0
        for code in 0..<Self.codeCount { highest = max(highest, rootEntries[code] & classMask) }
        var empty = 0
        for slot in 0..<(bucketCount * 4) {
            let value = slots[slot]
            empty &+= value == 0 ? 1 : 0
            highest = max(highest, value & classMask)
        }
        return empty > 0 && highest < UInt64(classCount)
    }

    private static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}
