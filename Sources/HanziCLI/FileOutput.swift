#if canImport(Glibc)
import Glibc
#endif

/// A buffered writer to a file descriptor: the commands write many small pieces, and one
/// `write(2)` per 64 KB keeps output from being the slow step.
final class FileOutput {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    private var closed = false
    /// The first write error, so a command can fail instead of leaving a short file.
    private(set) var writeError: String?

    init(fd: Int32, closesOnFlushAndDeinit: Bool = false) {
        self.fd = fd
        ownsDescriptor = closesOnFlushAndDeinit
        buffer.reserveCapacity(capacity)
    }

    /// Standard error; every write is flushed at once.
    nonisolated(unsafe) static let standardError = FileOutput(fd: 2)

    func write(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity || fd == 2 { flush() }
    }

    func flush() {
        guard !closed else { return }
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if writeError == nil { writeError = String(cString: strerror(errno)) }
                    break
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a descriptor this writer owns, closes it.
    func close() {
        flush()
        if ownsDescriptor && !closed { Glibc.close(fd) }
        closed = true
    }

    deinit { close() }
}
