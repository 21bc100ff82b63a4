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

    /// The stamps of the executable and of the libraries whose data tables the repairer's
    /// character table is computed from (ICU's converters, the Swift runtime's Unicode
    /// properties), one per line: what is computed from them may be kept until one changes.
    /// Nil where they cannot be told (no `/proc`).
    static let runtime: String? = {
        guard let executable, let maps = try? FileBytes.read("/proc/self/maps") else { return nil }
        // (Read as bytes: the String searches cost more than the rest of start-up's lookups.)
        let names = [Array("/libicu".utf8), Array("/libswiftCore".utf8)]
        var paths: Set<String> = []
        for line in maps.split(separator: 0x0A) {
            guard let slash = line.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let path = line[slash...]
            let named = names.contains { name in
                path.indices.contains { i in path[i...].starts(with: name) }
            }
            if named { paths.insert(String(decoding: path, as: UTF8.self)) }
        }
        let libraries = paths.sorted().map { path in FileStamp(path: path).map { "\(path) \($0.text)" } }
        guard !libraries.contains(nil) else { return nil }
        return ([executable.text] + libraries.compactMap { $0 }).joined(separator: "\n")
    }()

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
