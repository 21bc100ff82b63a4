#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the binary form of a lexicon from dictionary entries.
///
/// ```swift
/// var builder = LexiconBuilder()
/// builder.add("中国", frequency: 27_986, tag: "ns")
/// builder.add("后", values: ["後", "后"])
/// let bytes = try builder.serialized()
/// ```
///
/// Keys are UTF-8 strings without NUL bytes. When a key is added twice, the later entry wins
/// (as when jieba reads a dictionary or OpenCC loads a text file); ``totalFrequency`` still
/// counts every line, as jieba's total does.
public struct LexiconBuilder: Sendable {
    private var keyPool: [UInt8] = []
    private var keyRanges: [(start: Int32, length: Int32)] = []
    private var frequencies: [UInt64] = []
    private var tagIDs: [UInt16] = []
    private var valueRanges: [(start: Int32, count: Int32)] = []
    private var valueList: [(start: Int32, length: Int32)] = []
    private var valuePool: [UInt8] = []
    private var tagNames: [String] = []
    private var tagIndex: [String: UInt16] = [:]

    /// The sum of the frequencies of every entry added, duplicates included.
    public private(set) var totalFrequency: UInt64 = 0

    /// Creates an empty builder.
    public init() {}

    /// The number of entries added so far, duplicates included.
    public var count: Int { keyRanges.count }

    /// Adds an entry.
    /// - Parameters:
    ///   - key: the word, as UTF-8 bytes; must be non-empty and contain no NUL byte.
    ///   - frequency: the word's count in the corpus (jieba), 0 when unused.
    ///   - tag: a part-of-speech tag, if any.
    ///   - values: conversion targets, preferred first (OpenCC).
    public mutating func add<Key: Collection<UInt8>>(
        utf8 key: Key, frequency: UInt64 = 0, tag: String? = nil, values: [String] = []
    ) {
        precondition(!key.isEmpty, "a lexicon key cannot be empty")
        let start = Int32(keyPool.count)
        keyPool.append(contentsOf: key)
        keyRanges.append((start, Int32(key.count)))
        frequencies.append(frequency)
        totalFrequency &+= frequency
        tagIDs.append(tagID(tag))
        valueRanges.append((Int32(valueList.count), Int32(values.count)))
        for value in values {
            valueList.append((Int32(valuePool.count), Int32(value.utf8.count)))
            valuePool.append(contentsOf: value.utf8)
        }
    }

    /// The index of `tag`, registering it; tags past the 65,535th are dropped.
    private mutating func tagID(_ tag: String?) -> UInt16 {
        guard let tag, !tag.isEmpty else { return LexiconFormat.noTag }
        if let id = tagIndex[tag] { return id }
        guard tagNames.count < Int(LexiconFormat.noTag) else { return LexiconFormat.noTag }
        let id = UInt16(tagNames.count)
        tagNames.append(tag)
        tagIndex[tag] = id
        return id
    }

    /// Adds an entry keyed by a string.
    public mutating func add(_ key: String, frequency: UInt64 = 0, tag: String? = nil, values: [String] = []) {
        add(utf8: key.utf8, frequency: frequency, tag: tag, values: values)
    }

    /// Serializes the lexicon: entries sorted by key, one per distinct key, and the trie.
    /// - Throws: ``LexiconError/invalidKey(_:)`` for a key containing a NUL byte.
    public func serialized() throws -> [UInt8] {
        let order = try uniqueSortedEntries()
        var trie = DoubleArrayBuilder()
        try keyPool.withUnsafeBufferPointer { pool in
            let keys = order.map { i -> UnsafeBufferPointer<UInt8> in
                let r = keyRanges[i]
                return UnsafeBufferPointer(rebasing: pool[Int(r.start)..<Int(r.start + r.length)])
            }
            try trie.build(keys: keys)
        }
        return write(order: order, trie: trie)
    }

    /// Indices of the entries to keep, sorted by key bytes; for a repeated key, the last one.
    private func uniqueSortedEntries() throws -> [Int] {
        var order = Array(0..<keyRanges.count)
        keyPool.withUnsafeBufferPointer { pool in
            let base = pool.baseAddress
            order.sort { a, b in
                let ra = keyRanges[a], rb = keyRanges[b]
                let n = Int(min(ra.length, rb.length))
                let c = n == 0 ? 0 : memcmp(base! + Int(ra.start), base! + Int(rb.start), n)
                if c != 0 { return c < 0 }
                if ra.length != rb.length { return ra.length < rb.length }
                return a < b
            }
        }
        var unique: [Int] = []
        unique.reserveCapacity(order.count)
        try keyPool.withUnsafeBufferPointer { pool in
            for i in order {
                let r = keyRanges[i]
                let key = pool[Int(r.start)..<Int(r.start + r.length)]
                if key.contains(0) { throw LexiconError.invalidKey(String(decoding: key, as: UTF8.self)) }
                if let last = unique.last {
                    let lr = keyRanges[last]
                    if lr.length == r.length && pool[Int(lr.start)..<Int(lr.start + lr.length)].elementsEqual(key) {
                        unique[unique.count - 1] = i
                        continue
                    }
                }
                unique.append(i)
            }
        }
        return unique
    }

    private func write(order: [Int], trie: DoubleArrayBuilder) -> [UInt8] {
        let hasFrequencies = order.contains { frequencies[$0] != 0 }
        let hasTags = order.contains { tagIDs[$0] != LexiconFormat.noTag }
        let hasValues = order.contains { valueRanges[$0].count != 0 }
        var keyOffsets: [UInt8] = [], frequencyColumn: [UInt8] = [], logColumn: [UInt8] = []
        var tagColumn: [UInt8] = [], valueStarts: [UInt8] = [], valueOffsets: [UInt8] = []
        var newKeyPool: [UInt8] = [], newValuePool: [UInt8] = []
        newKeyPool.reserveCapacity(keyPool.count)
        keyOffsets.reserveCapacity((order.count + 1) * 4)
        var maxKeyLength = 0
        var valueCount = 0
        for i in order {
            let r = keyRanges[i]
            maxKeyLength = max(maxKeyLength, Int(r.length))
            keyOffsets.appendLittleEndian(UInt32(newKeyPool.count))
            newKeyPool.append(contentsOf: keyPool[Int(r.start)..<Int(r.start + r.length)])
            if hasFrequencies {
                let f = frequencies[i]
                frequencyColumn.appendLittleEndian(UInt32(clamping: f))
                logColumn.appendLittleEndian((f == 0 ? 0 : log(Double(UInt32(clamping: f)))).bitPattern)
            }
            if hasTags { tagColumn.appendLittleEndian(tagIDs[i]) }
            if hasValues {
                valueStarts.appendLittleEndian(UInt32(valueCount))
                let v = valueRanges[i]
                for j in Int(v.start)..<Int(v.start + v.count) {
                    valueOffsets.appendLittleEndian(UInt32(newValuePool.count))
                    let value = valueList[j]
                    newValuePool.append(contentsOf: valuePool[Int(value.start)..<Int(value.start + value.length)])
                }
                valueCount += Int(v.count)
            }
        }
        keyOffsets.appendLittleEndian(UInt32(newKeyPool.count))
        if hasValues { valueStarts.appendLittleEndian(UInt32(valueCount)) }
        valueOffsets.appendLittleEndian(UInt32(newValuePool.count))
        var tagOffsets: [UInt8] = [], tagPool: [UInt8] = []
        for name in tagNames {
            tagOffsets.appendLittleEndian(UInt32(tagPool.count))
            tagPool.append(contentsOf: name.utf8)
        }
        tagOffsets.appendLittleEndian(UInt32(tagPool.count))
        var nodes: [UInt8] = []
        nodes.reserveCapacity(trie.nodeCount * 12)
        for n in 0..<trie.nodeCount {
            nodes.appendLittleEndian(UInt32(bitPattern: trie.base[n]))
            nodes.appendLittleEndian(UInt32(bitPattern: trie.check[n]))
            // Trie leaves refer to positions in `order`, which are the entry indices.
            nodes.appendLittleEndian(UInt32(bitPattern: trie.entry[n]))
        }
        var payload: [UInt8] = []
        for section in [nodes, keyOffsets, frequencyColumn, logColumn, tagColumn, valueStarts, valueOffsets,
                        tagOffsets, newKeyPool, newValuePool, tagPool] {
            payload.append(contentsOf: section)
            payload.append(contentsOf: repeatElement(0, count: LexiconFormat.aligned(section.count) - section.count))
        }
        var header = LexiconFormat.magic
        header.appendLittleEndian(LexiconFormat.version)
        header.appendLittleEndian(UInt32(payload.count))
        header.appendLittleEndian(payload.withUnsafeBytes { LexiconFormat.checksum($0) })
        let flags = (hasFrequencies ? 1 : 0) | (hasTags ? 2 : 0) | (hasValues ? 4 : 0)
        for field in [trie.nodeCount, order.count, valueCount, tagNames.count,
                      newKeyPool.count, newValuePool.count, tagPool.count, maxKeyLength | flags << 24] {
            header.appendLittleEndian(UInt32(field))
        }
        header.appendLittleEndian(totalFrequency)
        assert(header.count == LexiconFormat.headerSize)
        return header + payload
    }
}

extension [UInt8] {
    @inline(__always)
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
