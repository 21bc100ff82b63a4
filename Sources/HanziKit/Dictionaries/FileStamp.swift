#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's identity and last change — device, inode, size, modification time — so that work
/// done on a file (hashing, verifying a checksum) can be remembered until the file changes,
/// as git's index remembers file hashes.
struct FileStamp: Equatable, Sendable {
    let text: String

    /// The stamp of the file at `path` (following links), or nil when it cannot be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        text = "\(info.st_dev)-\(info.st_ino)-\(info.st_size)-\(info.st_mtim.tv_sec)-\(info.st_mtim.tv_nsec)"
    }

    /// The stamp of the running executable: the embedded dictionaries change only with it.
    static let executable = FileStamp(path: "/proc/self/exe")

    /// The memo stored at `path`, if it was written for this stamp.
    func recalled(from path: String) -> String? {
        guard let bytes = try? FileBytes.read(path) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", maxSplits: 1)
        return lines.count == 2 && lines[0] == text ? String(lines[1]) : nil
    }

    /// Stores `memo` for this stamp at `path`; failures only cost the work next time.
    func remember(_ memo: String, at path: String) {
        try? FileBytes.writeAtomically(Array("\(text)\n\(memo)".utf8), to: path)
    }
}
