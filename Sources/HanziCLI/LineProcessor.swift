import Dispatch
import HanziKit
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
/// the input had one.
struct LineProcessor {
    /// A per-line transform. Each worker thread gets its own from the factory, so it can keep
    /// scratch buffers.
    typealias Transform = (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void

    /// How many threads transform lines.
    var jobs: Int = 1
    /// How many bytes of complete lines to gather before transforming them.
    var blockSize: Int = 1 << 20

    /// Processes one input to `output`.
    /// - Throws: ``InputError`` for an unreadable input or invalid UTF-8.
    func run(_ input: InputFile, to output: FileOutput, makeTransform: @Sendable () -> Transform) throws {
        let fd: Int32
        if let path = input.path {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw InputError.unreadable(input.displayName, String(cString: strerror(errno))) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw InputError.unreadable(input.displayName, "is a directory")
            }
        } else {
            fd = 0
        }
        defer { if input.path != nil { close(fd) } }

        let workers = max(1, jobs)
        let transforms = (0..<workers).map { _ in TransformBox(makeTransform()) }
        var pending: [UInt8] = []
        var consumed = 0  // bytes of the input before `pending`
        var line = 1      // line number of the first line in `pending`
        let readSize = blockSize * workers
        var chunk = [UInt8](repeating: 0, count: readSize)
        var finished = false
        while !finished {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, readSize) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(input.displayName, String(cString: strerror(errno)))
            }
            if n == 0 { finished = true } else { pending.append(contentsOf: chunk[0..<n]) }
            // Transform the complete lines gathered so far (all of them at the end of input).
            let end = finished ? pending.count : (pending.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
            guard end > 0 else { continue }
            try pending.withUnsafeBufferPointer { all in
                let block = UnsafeBufferPointer(rebasing: all[0..<end])
                if let bad = UTF8Validation.firstInvalidOffset(UnsafeRawBufferPointer(block)) {
                    throw InputError.invalidUTF8(input.displayName, offset: consumed + bad,
                                                 line: line + block[0..<bad].count(where: { $0 == 0x0A }))
                }
                Self.transform(block, with: transforms, to: output)
                line += block.count(where: { $0 == 0x0A })
            }
            consumed += end
            pending.removeSubrange(0..<end)
        }
    }

    /// Transforms the lines of `block` (split across the workers at line boundaries) and
    /// writes the results in order.
    private static func transform(_ block: UnsafeBufferPointer<UInt8>, with transforms: [TransformBox], to output: FileOutput) {
        let pieces = split(block, into: transforms.count)
        if pieces.count == 1 {
            var result: [UInt8] = []
            result.reserveCapacity(block.count + block.count / 2)
            transforms[0].apply(to: UnsafeBufferPointer(rebasing: block[pieces[0]]), into: &result)
            output.write(result)
            return
        }
        let results = ResultSlots(count: pieces.count)
        // The block outlives concurrentPerform, which returns only when every iteration is done.
        nonisolated(unsafe) let block = block
        DispatchQueue.concurrentPerform(iterations: pieces.count) { i in
            var result: [UInt8] = []
            result.reserveCapacity(pieces[i].count + pieces[i].count / 2)
            transforms[i].apply(to: UnsafeBufferPointer(rebasing: block[pieces[i]]), into: &result)
            results.store(result, at: i)
        }
        for result in results.values { output.write(result) }
    }

    /// Cuts `block` into at most `parts` ranges of whole lines of similar size.
    private static func split(_ block: UnsafeBufferPointer<UInt8>, into parts: Int) -> [Range<Int>] {
        guard parts > 1, block.count > 4096 else { return [0..<block.count] }
        var ranges: [Range<Int>] = []
        var start = 0
        for p in 1..<parts {
            var cut = max(start, block.count * p / parts)
            while cut < block.count && block[cut] != 0x0A { cut += 1 }
            if cut < block.count { cut += 1 }
            if cut > start { ranges.append(start..<cut); start = cut }
        }
        if start < block.count { ranges.append(start..<block.count) }
        return ranges
    }
}

/// One worker's transform, applied line by line.
private final class TransformBox: @unchecked Sendable {
    // @unchecked: each box is used by exactly one concurrentPerform iteration at a time.
    private let transform: LineProcessor.Transform
    init(_ transform: @escaping LineProcessor.Transform) { self.transform = transform }

    func apply(to text: UnsafeBufferPointer<UInt8>, into result: inout [UInt8]) {
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && text[end] != 0x0A { end += 1 }
            transform(UnsafeBufferPointer(rebasing: text[start..<end]), &result)
            if end < text.count { result.append(0x0A) }
            start = end + 1
        }
    }
}

/// Per-iteration results of a concurrentPerform, each slot written by one iteration only.
private final class ResultSlots: @unchecked Sendable {
    // @unchecked: iteration i writes slot i only; values are read after concurrentPerform returns.
    private(set) var values: [[UInt8]]
    init(count: Int) { values = Array(repeating: [], count: count) }
    func store(_ value: [UInt8], at i: Int) {
        values.withUnsafeMutableBufferPointer { $0[i] = value }
    }
}

/// An input of a command: a file, or standard input.
struct InputFile {
    /// The path, or nil for standard input.
    var path: String?
    /// The name used in messages.
    var displayName: String { path ?? "<stdin>" }
}

/// Why an input could not be processed (exit code 3).
enum InputError: Error, CustomStringConvertible {
    case unreadable(String, String)
    case invalidUTF8(String, offset: Int, line: Int)

    var description: String {
        switch self {
        case let .unreadable(name, reason):
            return "\(name): cannot read: \(reason)"
        case let .invalidUTF8(name, offset, line):
            return "\(name): invalid UTF-8 at byte offset \(offset) (line \(line)); convert the file to UTF-8 first, e.g. with iconv"
        }
    }
}
