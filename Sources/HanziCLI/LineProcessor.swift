import Dispatch
import HanziKit
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Streams text through a per-line transform: reads a file or standard input in blocks,
/// checks that it is UTF-8 (naming the byte offset of the first bad sequence), splits it into
/// lines on `\n` only, transforms the lines on `jobs` threads, and writes the results in input
/// order. Memory stays bounded by the block size, except for a single line longer than a
/// block, which is held whole.
///
/// The transform sees each line without its `\n` (a `\r` before it stays in the line) and
/// appends the line's output, without a newline, to its buffer; the processor adds `\n` where
/// the input had one. A line cut into pieces (see ``longLineCut``) reaches the transform piece
/// by piece, each with its ``LinePiece``.
struct LineProcessor {
    /// A per-line transform. Each worker thread gets its own from the factory, so it can keep
    /// scratch buffers.
    typealias Transform = (UnsafeBufferPointer<UInt8>, LinePiece, inout [UInt8]) -> Void

    /// How many threads transform lines.
    var jobs: Int = 1
    /// How many bytes of complete lines a worker transforms at a time.
    var blockSize: Int = 1 << 20
    /// With several workers, how many pieces of ``blockSize`` each gets from one read: more
    /// make the wait for the slowest at the end of a read shorter, and the read larger.
    var piecesPerWorker = 8
    /// For engines whose result does not change when a line is cut before certain characters:
    /// where a long line may be cut. A line longer than ``longLineLimit`` is then transformed
    /// piece by piece, in bounded memory; without a cut, it is held whole.
    var longLineCut: LongLineCut?
    /// How long a line may grow before it is cut (with ``longLineCut``).
    var longLineLimit = 4 << 20

    /// Processes one input to `output`, decoding it from `encoding` first when that is not
    /// UTF-8 (a legacy encoding is decoded whole, with ICU, after telling `decoding` which).
    /// - Throws: ``InputError`` for an unreadable input, invalid UTF-8, or bytes invalid in
    ///   the given encoding.
    func run(_ input: InputFile, encoding: InputEncoding = .utf8, to output: FileOutput,
             decoding: (Charset) -> Void = { _ in }, makeTransform: @Sendable () -> Transform) throws {
        let reader = try InputReader(input)
        let progress = ProgressBar.make(for: input, fd: reader.fd)
        defer { progress?.finish() }
        let cut = longLineCut.map { ($0, limit: longLineLimit) }
        let transforms = (0..<max(1, jobs)).map { _ in TransformBox(makeTransform(), cut: cut) }
        var state = StreamState()
        var validator = StreamValidator(input: input)
        // With several workers, a read holds many pieces for them to share out.
        let readSize = transforms.count == 1 ? blockSize : blockSize * transforms.count * piecesPerWorker
        var first = try reader.read(upTo: readSize)
        if let charset = try encoding.charset(for: first, complete: first.count < readSize, input: input) {
            decoding(charset)
            // Legacy encodings are decoded whole: their converters would need state carried
            // across blocks, and such files are rarely large.
            while true {
                let more = try reader.read(upTo: readSize)
                if more.isEmpty { break }
                first += more
            }
            let utf8: [UInt8]
            do {
                utf8 = try first.withUnsafeBufferPointer { try charset.decodeToUTF8($0) }
            } catch let error as EncodingError {
                throw InputError.invalidEncoding(input.displayName, error.description)
            }
            try validator.check(utf8, final: true)
            state.consume(utf8, final: true, transforms: transforms, pieceSize: blockSize, output: output, cut: nil, whileWorking: {})
            return
        }
        var block = first
        try validator.check(block, final: block.isEmpty)
        while true {
            let final = block.isEmpty
            // The next block is read and checked while the workers transform this one (or after,
            // when this one ends inside a long line and nothing is transformed yet). An error in
            // it is thrown once this block's lines are written.
            var next: [UInt8] = []
            var failure: Error?
            var readAhead = !final
            func readNext() {
                guard readAhead else { return }
                readAhead = false
                do {
                    next = try reader.read(upTo: readSize)
                    try validator.check(next, final: next.isEmpty)
                } catch {
                    failure = error
                }
            }
            state.consume(block, final: final, transforms: transforms, pieceSize: blockSize, output: output,
                          cut: longLineCut.map { ($0, longLineLimit) }, whileWorking: readNext)
            readNext()
            progress?.update(state.consumed + state.pending.count)
            if let failure { throw failure }
            if final { return }
            block = next
        }
    }

    /// Checks that the input is UTF-8 as it arrives, block by block, before any of it is
    /// transformed: a bad input stops at once, even inside a long line that has no place to cut.
    private struct StreamValidator {
        let input: InputFile
        /// The start of a character whose last bytes are in the next block.
        private var carry: [UInt8] = []
        /// Bytes and lines of the input checked so far (before `carry`).
        private var offset = 0
        private var line = 1

        init(input: InputFile) { self.input = input }

        /// Checks `block`, all but an unfinished character at its end unless it is the last.
        mutating func check(_ block: [UInt8], final: Bool) throws {
            var start = 0
            if let lead = carry.first {
                // First the character the last block cut, completed from this one's first bytes
                // (the block itself is not copied).
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                start = min(length - carry.count, block.count)
                let head = carry + block[0..<start]
                carry = []
                if head.count < length && !final {
                    carry = head
                    return
                }
                try check(head[...])
            }
            var end = block.count
            if !final {
                // Back up over the start of a character whose last bytes are still to come.
                var first = end
                while first > max(start, end - 3) && block[first - 1] & 0xC0 == 0x80 { first -= 1 }
                if first > start {
                    let lead = block[first - 1]
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                    if length > end - (first - 1) { end = first - 1 }
                }
            }
            try check(block[start..<end])
            carry = Array(block[end...])
        }

        /// Checks `bytes`, which follow the bytes checked so far.
        private mutating func check(_ bytes: ArraySlice<UInt8>) throws {
            try bytes.withUnsafeBufferPointer { checked in
                if let bad = UTF8Validation.firstInvalidOffset(UnsafeRawBufferPointer(checked)) {
                    throw InputError.invalidUTF8(input.displayName, offset: offset + bad,
                                                 line: line + UnsafeBufferPointer(rebasing: checked[0..<bad]).newlineCount())
                }
                line += checked.newlineCount()
            }
            offset += bytes.count
        }
    }

    /// The bytes not yet transformed and where they are in the input.
    private struct StreamState {
        var pending: [UInt8] = []
        var consumed = 0  // bytes of the input before `pending`
        /// Where `pending`'s first line starts, when an earlier piece of it was transformed.
        var continued: LinePiece?
        /// How much of `pending` is known to hold no place to cut a long line, so that a long
        /// line is searched once, not again with every block.
        var searched = 0

        /// Appends `bytes` (checked already) and transforms the complete lines gathered so far
        /// (all of them when `final`), and the pieces of a line that grew longer than the cut's
        /// limit. `whileWorking` runs on the calling thread while the workers transform.
        mutating func consume(_ bytes: [UInt8], final: Bool, transforms: [TransformBox], pieceSize: Int,
                              output: FileOutput, cut: (LongLineCut, limit: Int)?, whileWorking: () -> Void) {
            pending += bytes
            let end = final ? pending.count : (pending.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
            if end > 0 {
                transform(upTo: end, final: final, transforms: transforms, pieceSize: pieceSize, output: output,
                          whileWorking: whileWorking)
                searched = 0
                return
            }
            guard let (cut, limit) = cut else { return }
            // A line longer than the limit: transform its head up to a safe cut, piece by
            // piece; the rest waits for more input. A separator of up to three bytes may end
            // where the last search stopped.
            while pending.count > limit {
                let from = max(0, searched - 3)
                guard let end = pending.withUnsafeBufferPointer({ cut.offset(in: $0, from: from, limit: limit) }) else {
                    searched = pending.count
                    return
                }
                transform(upTo: end, final: false, transforms: transforms, pieceSize: pieceSize, output: output,
                          whileWorking: whileWorking)
                searched = 0
            }
        }

        /// Transforms `pending[..<end]`, which ends at a newline, at the end of the input
        /// (`final`) or at a cut inside a long line.
        private mutating func transform(upTo end: Int, final: Bool, transforms: [TransformBox],
                                        pieceSize: Int, output: FileOutput, whileWorking: () -> Void) {
            let continued = self.continued
            let next = pending.withUnsafeBufferPointer { all -> LinePiece? in
                let block = UnsafeBufferPointer(rebasing: all[0..<end])
                // A head cut from a long line ends without a newline (none is written); the
                // rest of its line follows as a continuation.
                let cutsLine = !final && block.last != 0x0A
                LineProcessor.transform(block, first: continued ?? LinePiece(), lastEndsLine: !cutsLine,
                                        pieceSize: pieceSize, with: transforms, to: output, whileWorking: whileWorking)
                guard cutsLine else { return nil }
                let lastNewline = block.lastIndex(of: 0x0A)
                let lastPiece = UnsafeBufferPointer(rebasing: block[((lastNewline ?? -1) + 1)...])
                return (lastNewline != nil ? LinePiece() : continued ?? LinePiece()).followed(by: lastPiece)
            }
            self.continued = next
            self.consumed += end
            pending.removeSubrange(0..<end)
        }
    }

    /// Transforms the lines of `block` and writes the results in order. The block is cut at
    /// line boundaries into pieces of about `pieceSize` bytes, which the workers take one after
    /// another, so that no worker waits long for a slower one at the end of the block.
    /// `first` describes the block's first line, which may continue a line cut before;
    /// `lastEndsLine` is false when the block's last line is cut after it.
    fileprivate static func transform(_ block: UnsafeBufferPointer<UInt8>, first: LinePiece, lastEndsLine: Bool,
                                      pieceSize: Int, with transforms: [TransformBox], to output: FileOutput,
                                      whileWorking: () -> Void) {
        let pieces = transforms.count == 1 ? [0..<block.count] : split(block, pieceSize: pieceSize)
        let results = ResultSlots(count: pieces.count)
        let taken = Atomic<Int>(0)
        // The block outlives the group, which is waited for before returning.
        nonisolated(unsafe) let block = block
        @Sendable func work(_ worker: Int) {
            while true {
                let i = taken.add(1, ordering: .relaxed).oldValue
                guard i < pieces.count else { return }
                var result: [UInt8] = []
                result.reserveCapacity(pieces[i].count + pieces[i].count / 2)
                transforms[worker].apply(to: UnsafeBufferPointer(rebasing: block[pieces[i]]), first: i == 0 ? first : LinePiece(),
                                         lastEndsLine: lastEndsLine, into: &result)
                results.store(result, at: i)
            }
        }
        let group = DispatchGroup()
        for worker in 1..<min(transforms.count, pieces.count) {
            DispatchQueue.global().async(group: group) { work(worker) }
        }
        // The other workers have started: what the calling thread does first (reading the next
        // block) no longer holds them up.
        whileWorking()
        work(0)
        group.wait()
        for result in results.values { output.write(result) }
    }

    /// Cuts `block` into ranges of whole lines of about `pieceSize` bytes (a longer line is one
    /// range).
    private static func split(_ block: UnsafeBufferPointer<UInt8>, pieceSize: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while block.count - start > pieceSize + pieceSize / 2 {
            var cut = block.newline(from: start + pieceSize)
            if cut < block.count { cut += 1 }
            ranges.append(start..<cut)
            start = cut
        }
        if start < block.count { ranges.append(start..<block.count) }
        return ranges
    }
}

/// One worker's transform, applied line by line.
private final class TransformBox: @unchecked Sendable {
    // @unchecked: each box is used by one worker thread at a time.
    private let transform: LineProcessor.Transform
    /// Where lines longer than the limit are cut, so that the transform never sees more.
    private let cut: (LongLineCut, limit: Int)?

    init(_ transform: @escaping LineProcessor.Transform, cut: (LongLineCut, limit: Int)?) {
        self.transform = transform
        self.cut = cut
    }

    /// Transforms the lines of `text`: `first` describes its first line, and `lastEndsLine`
    /// whether a last line without `\n` ends there.
    func apply(to text: UnsafeBufferPointer<UInt8>, first: LinePiece, lastEndsLine: Bool, into result: inout [UInt8]) {
        var start = 0
        while start < text.count {
            let end = text.newline(from: start)
            let line = UnsafeBufferPointer(rebasing: text[start..<end])
            var piece = start == 0 ? first : LinePiece()
            var done = 0
            if let (cut, limit) = cut {
                while line.count - done > limit, let next = cut.offset(in: line, from: done + 1, limit: done + limit) {
                    let head = UnsafeBufferPointer(rebasing: line[done..<next])
                    piece.endsLine = false
                    transform(head, piece, &result)
                    piece = piece.followed(by: head)
                    done = next
                }
            }
            piece.endsLine = end < text.count || lastEndsLine
            transform(UnsafeBufferPointer(rebasing: line[done...]), piece, &result)
            if end < text.count { result.append(0x0A) }
            start = end + 1
        }
    }
}

/// Where the text a transform sees lies in its line: the whole line, or one piece of a line too
/// long to hold whole (see ``LineProcessor/longLineCut``).
struct LinePiece {
    /// Bytes of the line before this piece.
    var byteOffset = 0
    /// Unicode scalars of the line before this piece.
    var scalarOffset = 0
    /// Whether the line ends with this piece.
    var endsLine = true

    /// Whether earlier pieces of the line were transformed.
    var continuesLine: Bool { byteOffset > 0 }

    /// The piece that follows this one when this one is `text`.
    func followed(by text: UnsafeBufferPointer<UInt8>) -> LinePiece {
        LinePiece(byteOffset: byteOffset + text.count,
                  scalarOffset: scalarOffset + text.count(where: { $0 & 0xC0 != 0x80 }), endsLine: true)
    }
}

/// The results of a block's pieces, each slot written by the worker that took the piece.
private final class ResultSlots: @unchecked Sendable {
    // @unchecked: slot i is written by one worker only, through the slots' own memory (never
    // by mutating a shared Array); values are read after all have finished.
    private let slots: UnsafeMutableBufferPointer<[UInt8]>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func store(_ value: [UInt8], at i: Int) { slots[i] = value }
    var values: UnsafeMutableBufferPointer<[UInt8]> { slots }
}

/// An input of a command: a file, or standard input.
struct InputFile {
    /// The path, or nil for standard input.
    var path: String?
    /// Whether a long run may draw a progress bar (on a terminal only).
    var showsProgress = true
    /// The name used in messages.
    var displayName: String { path ?? "<stdin>" }
}

/// Reads an input file or standard input in blocks.
private final class InputReader {
    let fd: Int32
    private let name: String
    private let owned: Bool

    init(_ input: InputFile) throws {
        name = input.displayName
        guard let path = input.path else {
            fd = 0
            owned = false
            return
        }
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError.unreadable(name, String(cString: strerror(errno))) }
        owned = true
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputError.unreadable(name, "is a directory")
        }
    }

    /// Up to `count` bytes; fewer only at the end of the input; empty at its end.
    func read(upTo count: Int) throws -> [UInt8] {
        // Uninitialized capacity: zero-filling megabytes per call would cost cold runs.
        var failure: InputError?
        let result = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, count - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = InputError.unreadable(name, String(cString: strerror(errno)))
                    return
                }
                if n == 0 { return }
                filled += n
            }
        }
        if let failure { throw failure }
        return result
    }

    deinit { if owned { close(fd) } }
}

/// Why an input could not be processed (exit code 3).
enum InputError: Error, CustomStringConvertible {
    case unreadable(String, String)
    case invalidUTF8(String, offset: Int, line: Int)
    case invalidEncoding(String, String)
    case unknownEncoding(String, String)

    var description: String {
        switch self {
        case let .unreadable(name, reason):
            return "\(name): cannot read: \(reason)"
        case let .invalidUTF8(name, offset, line):
            return "\(name): invalid UTF-8 at byte offset \(offset) (line \(line)); if the file is in another encoding, pass --encoding (e.g. gbk, big5, auto)"
        case let .invalidEncoding(name, reason):
            return "\(name): \(reason)"
        case let .unknownEncoding(name, reason):
            return "\(name): \(reason)"
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `\n` at or after `start`, or `count` when there is none.
    func newline(from start: Int) -> Int {
        index(of: 0x0A, from: start, to: count)
    }

    /// How many `\n` there are.
    func newlineCount() -> Int {
        var n = 0
        var i = newline(from: 0)
        while i < count {
            n += 1
            i = newline(from: i + 1)
        }
        return n
    }
}
