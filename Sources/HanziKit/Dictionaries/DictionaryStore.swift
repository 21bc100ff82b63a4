import HanziDictionaryData
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where HanziKit finds its text dictionaries, and the cache of their compiled lexicons.
///
/// The dictionaries of `Dictionaries/` are embedded in the binary, so a `hanzi` copied anywhere
/// still has them. A directory laid out the same way (`opencc/*.txt`, `opencc/*.json`,
/// `jieba/dict.txt`, `jieba/hmm.txt`) replaces them: pass it to ``init(directory:cacheDirectory:)``,
/// or set `HANZI_DICTIONARIES` and use ``standard``.
///
/// A text dictionary is compiled on first use and the result cached, keyed by the text's
/// content, so an edited dictionary is recompiled and an unchanged one loads by a memory map.
/// A copy unused for 30 days goes when a newer one of the same dictionary is written.
/// Each store loads a lexicon once; the instance is safe to share across threads.
public final class DictionaryStore: Sendable {
    /// The directory replacing the embedded dictionaries, or nil for the embedded ones.
    public let directory: String?
    /// Where compiled lexicons are cached, or nil to compile in memory every time.
    public let cacheDirectory: String?
    private let loaded = Mutex<[String: Lexicon]>([:])

    /// A store over `directory`, or over the embedded dictionaries when `directory` is nil.
    public init(directory: String? = nil, cacheDirectory: String? = DictionaryStore.defaultCacheDirectory) {
        self.directory = directory.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.cacheDirectory = cacheDirectory
    }

    /// The process-wide store: `HANZI_DICTIONARIES` when set, else the embedded dictionaries.
    public static let standard = DictionaryStore(directory: environment("HANZI_DICTIONARIES"))

    /// `HANZI_CACHE_DIR`, else `$XDG_CACHE_HOME/hanzikit`, else `~/.cache/hanzikit`.
    public static var defaultCacheDirectory: String? {
        if let dir = environment("HANZI_CACHE_DIR") { return dir }
        if let dir = environment("XDG_CACHE_HOME") { return dir + "/hanzikit" }
        if let home = environment("HOME") { return home + "/.cache/hanzikit" }
        return nil
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let s = String(cString: value)
        return s.isEmpty ? nil : s
    }

    /// A description of where the dictionaries come from, for messages.
    public var locationDescription: String { directory ?? "<embedded dictionaries>" }

    /// The names of the dictionary files available, e.g. `opencc/STPhrases.txt`.
    public func fileNames() -> [String] {
        guard let directory else { return EmbeddedFiles.dictionaries.map(\.name).sorted() }
        var names: [String] = []
        for sub in ["opencc", "jieba"] {
            guard let dir = opendir(directory + "/" + sub) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if !name.hasPrefix(".") { names.append(sub + "/" + name) }
            }
        }
        return names.sorted()
    }

    /// The bytes of a dictionary file, e.g. `opencc/s2t.json`.
    /// - Throws: ``LexiconError/io(path:reason:)`` when there is no such file.
    public func contents(of name: String) throws -> [UInt8] {
        if let directory { return try FileBytes.read(directory + "/" + name) }
        guard let file = EmbeddedFiles.dictionaries.first(where: { $0.name == name }) else {
            throw LexiconError.io(path: name, reason: "no such dictionary among the embedded ones")
        }
        return Array(file.bytes)
    }

    /// The path or name used in messages about `name`.
    public func displayPath(of name: String) -> String {
        directory.map { $0 + "/" + name } ?? name
    }

    /// The compiled lexicon of a text dictionary of this store, e.g. `opencc/STPhrases.txt`.
    public func lexicon(_ name: String, format: TextDictionaryFormat) throws -> Lexicon {
        let key = "\(format.rawValue):\(name)"
        // Loading under the lock: threads asking for the same dictionary wait for one compile
        // instead of each doing it.
        return try loaded.withLock { cache in
            if let lexicon = cache[key] { return lexicon }
            let lexicon: Lexicon
            if directory == nil, let file = EmbeddedFiles.dictionaries.first(where: { $0.name == name }) {
                lexicon = try compile(file.bytes, name: name, format: format)
            } else {
                let bytes = try contents(of: name)
                lexicon = try bytes.withUnsafeBytes { try compile($0, name: displayPath(of: name), format: format) }
            }
            cache[key] = lexicon
            return lexicon
        }
    }

    /// jieba's dictionary, `jieba/dict.txt`, which the segmenter and the repairer's scoring
    /// read.
    /// - Throws: ``LexiconError`` when it is missing or malformed, or when no word has a
    ///   frequency (an empty or foreign file), which jieba too refuses.
    public func jiebaDictionary() throws -> Lexicon {
        let lexicon = try lexicon("jieba/dict.txt", format: .jieba)
        guard lexicon.totalFrequency > 0 else {
            throw LexiconError.malformed(path: displayPath(of: "jieba/dict.txt"),
                                         reason: "no word has a frequency; each line should be `word frequency [tag]`")
        }
        return lexicon
    }

    /// The compiled lexicon of any text dictionary file, cached like the store's own.
    public func lexicon(atPath path: String, format: TextDictionaryFormat? = nil) throws -> Lexicon {
        let bytes = try FileBytes.read(path)
        return try bytes.withUnsafeBytes { try compile($0, name: path, format: format ?? .guess($0)) }
    }

    /// Loads the cached compiled form of `source`, or compiles it and caches the result.
    private func compile(_ source: UnsafeRawBufferPointer, name: String, format: TextDictionaryFormat) throws -> Lexicon {
        let baseName = name.split(separator: "/").last.map(String.init) ?? name
        let digest = sourceDigest(source, baseName: baseName) ^ UInt64(LexiconFormat.version) ^ (format == .jieba ? 0x5A : 0)
        let cachePath = cacheDirectory.map { "\($0)/\(baseName)-\(String(digest, radix: 16)).hzlex" }
        if let cachePath, access(cachePath, R_OK) == 0, let lexicon = try? Self.loadVerifiedOnce(cachePath) {
            Self.markUsed(cachePath)
            return lexicon
        }
        let bytes = try Self.compile(source, name: name, format: format)
        if let cacheDirectory, let cachePath, (try? FileBytes.writeAtomically(bytes, to: cachePath, creatingDirectory: cacheDirectory)) != nil,
           let lexicon = try? Self.loadVerifiedOnce(cachePath) {
            // Each change of a dictionary or of the format compiles a new copy.
            Self.removeUnused(prefix: baseName + "-", suffix: ".hzlex", in: cacheDirectory, except: cachePath)
            return lexicon
        }
        return try Lexicon(bytes: bytes, path: name)
    }

    /// The content digest that keys a source's compiled form. An embedded source can change
    /// only with the executable, so its digest is remembered per executable instead of
    /// hashing megabytes on every start.
    private func sourceDigest(_ source: UnsafeRawBufferPointer, baseName: String) -> UInt64 {
        guard directory == nil, let cacheDirectory, let executable = FileStamp.executable else {
            return LexiconFormat.checksum(source)
        }
        // One memo per executable, so that two programs sharing the cache do not overwrite
        // each other's.
        let memo = "\(cacheDirectory)/\(baseName).\(String(LexiconFormat.checksum(executable.text), radix: 16)).digest"
        if let recalled = executable.recalled(from: memo), let digest = UInt64(recalled, radix: 16) {
            Self.markUsed(memo)
            return digest
        }
        let digest = LexiconFormat.checksum(source, releasingPages: true)
        executable.remember(String(digest, radix: 16), at: memo)
        // Each build of a program writes its own memos.
        Self.removeUnused(prefix: baseName + ".", suffix: ".digest", in: cacheDirectory, except: memo)
        return digest
    }

    /// Bytes computed from the runtime (``FileStamp/runtime``) and `inputs` (checksums of what
    /// else they were computed from), kept in the cache directory under `name` until any of
    /// them changes: `build` runs only where no intact copy of exactly `length` bytes is kept
    /// (or where nothing can be kept).
    func derivedData(named name: String, from inputs: [UInt64], length: Int, build: () -> [UInt8]) -> ArraySlice<UInt8> {
        guard let cacheDirectory, let runtime = FileStamp.runtime else { return build()[...] }
        let key = LexiconFormat.checksum(runtime + "\n" + name + inputs.map { "\n" + String($0, radix: 16) }.joined())
        let path = "\(cacheDirectory)/\(name)-\(String(key, radix: 16)).bin"
        func checksum(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            withUnsafeBytes(of: bytes.withUnsafeBytes { LexiconFormat.checksum($0) }.littleEndian) { Array($0) }
        }
        if let kept = try? FileBytes.read(path), kept.count == length + 8,
           checksum(kept[..<length]) == Array(kept[length...]) {
            Self.markUsed(path)
            return kept[..<length]
        }
        let bytes = build()
        precondition(bytes.count == length, "\(name): built \(bytes.count) bytes, expected \(length)")
        if (try? FileBytes.writeAtomically(bytes + checksum(bytes[...]), to: path, creatingDirectory: cacheDirectory)) != nil {
            Self.removeUnused(prefix: name + "-", suffix: ".bin", in: cacheDirectory, except: path)
        }
        return bytes[...]
    }

    /// How long a kept file (derived data, a compiled lexicon, a digest memo) goes unused
    /// before it is removed: each build of a program and each dictionary change writes its own
    /// copy, and nothing else would remove the old ones.
    static let unusedKeptFileAge = 30 * 24 * 3600

    /// Sets the modification time of a kept file to now once a day it is used, so that
    /// ``removeUnused(prefix:suffix:in:except:)`` tells files in use by their time.
    private static func markUsed(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0, info.st_mtim.tv_sec < time(nil) - 24 * 3600 { utimes(path, nil) }
    }

    /// Removes the files of `directory` but `path` named `prefix`…`suffix` that have gone
    /// unused for ``unusedKeptFileAge``, with the memo of their verification.
    private static func removeUnused(prefix: String, suffix: String, in directory: String, except path: String) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        let cutoff = time(nil) - unusedKeptFileAge
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            // The name is read in place: an entry is allocated only as long as its name, so
            // copying the whole `dirent` would read past it.
            let file = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            let candidate = directory + "/" + file
            var info = stat()
            guard file.hasPrefix(prefix), file.hasSuffix(suffix), candidate != path,
                  stat(candidate, &info) == 0, info.st_mtim.tv_sec < cutoff else { continue }
            unlink(candidate)
            unlink(candidate + ".verified")
        }
    }

    /// Maps a cached lexicon, verifying its checksum the first time and again whenever the
    /// file has changed since (its stamp is remembered beside it), so that the usual start
    /// does not read the whole file.
    private static func loadVerifiedOnce(_ path: String) throws -> Lexicon {
        let memo = path + ".verified"
        guard let stamp = FileStamp(path: path) else { return try Lexicon(contentsOf: path, verifyingChecksum: true, cached: true) }
        if stamp.recalled(from: memo) == "ok" { return try Lexicon(contentsOf: path, verifyingChecksum: false, cached: true) }
        let lexicon = try Lexicon(contentsOf: path, verifyingChecksum: true, cached: true)
        stamp.remember("ok", at: memo)
        return lexicon
    }

    /// Compiles a text dictionary to the bytes of a lexicon file.
    /// - Throws: ``LexiconError/invalidLine(path:line:reason:)`` for a malformed line, or for
    ///   text that is not UTF-8.
    public static func compile(_ source: UnsafeRawBufferPointer, name: String, format: TextDictionaryFormat) throws -> [UInt8] {
        guard let text = String(validating: source, as: UTF8.self) else {
            let offset = UTF8Validation.firstInvalidOffset(source) ?? 0
            let line = 1 + source[..<offset].count(where: { $0 == 0x0A })
            throw LexiconError.invalidLine(path: name, line: line, reason: "invalid UTF-8 at byte offset \(offset)")
        }
        var builder = LexiconBuilder()
        try builder.addEntries(of: text, format: format, path: name)
        return try builder.serialized()
    }
}
