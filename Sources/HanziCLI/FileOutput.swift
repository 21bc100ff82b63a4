#if canImport(Glibc)
import Glibc
#endif

/// A buffered writer to a file descriptor: the commands write many small pieces, and one
/// `write(2)` per 64 KB keeps output from being the slow step.
final class FileOutput {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(capacity)
    }

    /// Standard error, unbuffered in effect: every write is flushed.
    nonisolated(unsafe) static let standardError = FileOutput(fd: 2)

    func write(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity || fd == 2 { flush() }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    func flush() {
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
