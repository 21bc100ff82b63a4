#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic writes with POSIX calls and errors that name the file.
public enum FileBytes {
    /// Reads a whole file.
    /// - Throws: ``LexiconError/io(path:reason:)`` naming the file and the system's reason.
    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LexiconError.io(path: path, reason: systemError()) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw LexiconError.io(path: path, reason: "is a directory")
        }
        var result: [UInt8] = []
        result.reserveCapacity(max(Int(info.st_size), 0) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LexiconError.io(path: path, reason: systemError())
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
    }

    /// Writes `bytes` to a temporary file beside `path` and renames it over `path`, so that
    /// readers never see a half-written file.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, creatingDirectory directory: String? = nil) throws {
        try bytes.withUnsafeBytes { try writeAtomically([$0], to: path, creatingDirectory: directory) }
    }

    /// Writes `pieces` one after another to `path` as ``writeAtomically(_:to:creatingDirectory:)``
    /// does.
    static func writeAtomically(_ pieces: [UnsafeRawBufferPointer], to path: String, creatingDirectory directory: String? = nil) throws {
        if let directory { try makeDirectories(directory) }
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LexiconError.io(path: temporary, reason: systemError()) }
        let ok = pieces.allSatisfy { buffer in
            var written = 0
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
        let reason = ok ? nil : systemError()
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let why = reason ?? systemError()
            unlink(temporary)
            throw LexiconError.io(path: path, reason: why)
        }
    }

    /// Creates `path` and its missing parents.
    public static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw LexiconError.io(path: current, reason: systemError())
            }
        }
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
