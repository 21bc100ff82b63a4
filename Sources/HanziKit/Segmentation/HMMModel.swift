#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// jieba's hidden Markov model for words missing from the dictionary (its `finalseg`): four
/// states B (begin), E (end), M (middle), S (single) with start, transition and emission
/// log-probabilities.
///
/// The model is read from the text form HanziKit ships (`jieba/hmm.txt`): lines
/// `start<TAB>B<TAB>logp`, `trans<TAB>B<TAB>E<TAB>logp`, `emit<TAB>B<TAB>字<TAB>logp`, the
/// numbers in Python's `repr` so they parse to the very doubles jieba uses. Pairs the file
/// leaves out take jieba's `MIN_FLOAT`, -3.14e100. Immutable and safe to share.
public final class HMMModel: @unchecked Sendable {
    // Safety of @unchecked: the parameters are never written after init, and the memory they
    // live in (a heap block or a read-only map) is released only by deinit.
    /// jieba's stand-in for log(0).
    static let minFloat = -3.14e100
    /// States in jieba's letter order, which is also its tie-breaking order: B, E, M, S.
    static let stateLetters: [UInt8] = Array("BEMS".utf8)
    static let b = 0, e = 1, m = 2, s = 3
    static let hanCount = Int(ScalarScanner.hanLast - ScalarScanner.hanFirst) + 1

    /// Where each table starts in ``parameters``.
    static let startOffset = 0, transitionOffset = 4, emissionOffset = 20
    static let parameterCount = emissionOffset + 4 * hanCount

    /// All log-probabilities in one flat table of ``parameterCount`` doubles: start by state;
    /// transition at `from * 4 + to`; emission of the Han range U+4E00…U+9FD5 (the only
    /// characters jieba's Viterbi sees) at `(codePoint - 0x4E00) * 4 + state`, so the four
    /// states of a character share a cache line.
    let parameters: UnsafePointer<Double>
    private let storage: Storage

    /// Owns the parameters' memory: a copy on the heap, or the map of a cache file.
    private enum Storage {
        case heap(UnsafeMutablePointer<Double>)
        case mapped(UnsafeMutableRawPointer, Int)
    }

    private init(parameters: [Double]) {
        let copy = UnsafeMutablePointer<Double>.allocate(capacity: Self.parameterCount)
        copy.initialize(from: parameters, count: Self.parameterCount)
        self.parameters = UnsafePointer(copy)
        storage = .heap(copy)
    }

    private init(mapped map: UnsafeMutableRawPointer, size: Int) {
        parameters = UnsafeRawPointer(map + Self.cacheHeaderSize).assumingMemoryBound(to: Double.self)
        storage = .mapped(map, size)
    }

    deinit {
        switch storage {
        case let .heap(pointer): pointer.deallocate()
        case let .mapped(pointer, size): munmap(pointer, size)
        }
    }

    /// Parses the model's text form.
    /// - Parameters:
    ///   - text: the bytes of `hmm.txt`.
    ///   - path: the file's name, for error messages.
    /// - Throws: ``LexiconError/invalidLine(path:line:reason:)`` for a malformed line.
    public convenience init(text: [UInt8], path: String = "jieba/hmm.txt") throws {
        self.init(parameters: try Self.parse(text, path: path))
    }

    /// Loads the model of a dictionary store (`jieba/hmm.txt`).
    ///
    /// Parsing the 35,000 numbers of the text takes longer than a whole short segmentation, so
    /// the parsed table is cached beside the store's compiled lexicons, keyed by the text's
    /// content, and mapped back with a checksum.
    public convenience init(store: DictionaryStore) throws {
        let name = "jieba/hmm.txt"
        // The embedded text is hashed in place; it is copied only if it must be parsed.
        let embedded = store.directory == nil ? EmbeddedFiles.dictionaries.first { $0.name == name } : nil
        let fileText = embedded == nil ? try store.contents(of: name) : []
        let digest = (embedded.map { LexiconFormat.checksum($0.bytes) } ?? fileText.withUnsafeBytes { LexiconFormat.checksum($0) })
            ^ UInt64(Self.cacheVersion)
        let cachePath = store.cacheDirectory.map { "\($0)/hmm-\(String(digest, radix: 16)).hzhmm" }
        if let cachePath, let (map, size) = Self.mapCache(cachePath) {
            self.init(mapped: map, size: size)
            return
        }
        let parameters = try Self.parse(embedded.map { Array($0.bytes) } ?? fileText, path: store.displayPath(of: name))
        if let cachePath, let directory = store.cacheDirectory {
            // A cache that cannot be written only costs the next run the parse.
            try? FileBytes.writeAtomically(Self.cacheBytes(parameters), to: cachePath, creatingDirectory: directory)
        }
        self.init(parameters: parameters)
    }

    private static func parse(_ text: [UInt8], path: String) throws -> [Double] {
        var parameters = [Double](repeating: minFloat, count: parameterCount)
        // strtod needs a terminator after the last number.
        let bytes = text + [0]
        try bytes.withUnsafeBufferPointer { buffer in
            let p = buffer.baseAddress!
            let n = buffer.count - 1
            var lineStart = 0
            var lineNumber = 0
            while lineStart < n {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < n && p[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var end = lineEnd
                if end > lineStart && p[end - 1] == 0x0D { end -= 1 }
                if end == lineStart || p[lineStart] == UInt8(ascii: "#") { continue }
                var fields: [Range<Int>] = []
                var fieldStart = lineStart
                for i in lineStart...end where i == end || p[i] == 0x09 {
                    fields.append(fieldStart..<i)
                    fieldStart = i + 1
                }
                func fail(_ reason: String) -> LexiconError {
                    .invalidLine(path: path, line: lineNumber, reason: reason)
                }
                func state(_ field: Range<Int>) throws -> Int {
                    guard field.count == 1, let s = stateLetters.firstIndex(of: p[field.lowerBound]) else {
                        throw fail("expected a state B, E, M or S")
                    }
                    return s
                }
                func number(_ field: Range<Int>) throws -> Double {
                    var stop: UnsafeMutablePointer<CChar>? = nil
                    let first = UnsafeRawPointer(p + field.lowerBound).assumingMemoryBound(to: CChar.self)
                    let value = strtod(first, &stop)
                    guard !field.isEmpty, let stop, stop - UnsafeMutablePointer(mutating: first) == field.count else {
                        throw fail("expected a number")
                    }
                    return value
                }
                func isKind(_ kind: StaticString) -> Bool {
                    let f = fields[0]
                    return f.count == kind.utf8CodeUnitCount && memcmp(p + f.lowerBound, kind.utf8Start, f.count) == 0
                }
                if isKind("start") && fields.count == 3 {
                    let from = try state(fields[1])
                    parameters[startOffset + from] = try number(fields[2])
                } else if isKind("trans") && fields.count == 4 {
                    let (from, to) = (try state(fields[1]), try state(fields[2]))
                    parameters[transitionOffset + from * 4 + to] = try number(fields[3])
                } else if isKind("emit") && fields.count == 4 {
                    let character = fields[2]
                    let (c, length) = ScalarScanner.decode(p, character.lowerBound, character.upperBound)
                    guard c != ScalarScanner.invalid, length == character.count else { throw fail("expected one character") }
                    let s = try state(fields[1])
                    let value = try number(fields[3])
                    // Characters outside jieba's Han range never reach its Viterbi.
                    if ScalarScanner.isHan(c) { parameters[emissionOffset + Int(c - ScalarScanner.hanFirst) * 4 + s] = value }
                } else {
                    throw fail("expected `start`, `trans` or `emit` with their fields")
                }
            }
        }
        return parameters
    }

    // The cache file: "HanziHMM", version (UInt32), parameter count (UInt32), checksum of the
    // payload (UInt64), then the parameters as little-endian doubles.
    private static let cacheMagic = Array("HanziHMM".utf8)
    private static let cacheVersion: UInt32 = 1
    private static let cacheHeaderSize = 24

    private static func cacheBytes(_ parameters: [Double]) -> [UInt8] {
        let payload = parameters.withUnsafeBytes { Array($0) }
        var bytes = cacheMagic
        bytes.appendLittleEndian(cacheVersion)
        bytes.appendLittleEndian(UInt32(parameters.count))
        bytes.appendLittleEndian(payload.withUnsafeBytes { LexiconFormat.checksum($0) })
        return bytes + payload
    }

    /// The map of a valid cache file, or nil when the file is missing, of another version or
    /// damaged.
    private static func mapCache(_ path: String) -> (UnsafeMutableRawPointer, Int)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        let size = cacheHeaderSize + 8 * parameterCount
        guard fstat(fd, &info) == 0, Int(info.st_size) == size,
              let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != UnsafeMutableRawPointer(bitPattern: -1) else {
            return nil
        }
        let raw = UnsafeRawBufferPointer(start: map, count: size)
        guard raw.prefix(8).elementsEqual(cacheMagic),
              raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == cacheVersion,
              Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self)) == parameterCount,
              LexiconFormat.checksum(UnsafeRawBufferPointer(rebasing: raw[cacheHeaderSize...]))
                == raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) else {
            munmap(map, size)
            return nil
        }
        return (map, size)
    }
}
