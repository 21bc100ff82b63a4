import HanziDictionaryData

/// The files of `Dictionaries/` compiled into the binary (see `Sources/HanziDictionaryData`).
enum EmbeddedFiles {
    // @unchecked: the bytes are the binary's read-only data, never written, alive for the process.
    struct File: @unchecked Sendable {
        let name: String
        let bytes: UnsafeRawBufferPointer
    }

    static let all: [File] = (0..<hanzi_embedded_file_count()).map { i in
        let file = hanzi_embedded_file(i)
        return File(name: String(cString: file.name), bytes: UnsafeRawBufferPointer(start: file.bytes, count: file.size))
    }

    /// The dictionaries, under `opencc/` and `jieba/` (the layout a replacement directory has);
    /// the others are encoding tables.
    static let dictionaries = all.filter { $0.name.hasPrefix("opencc/") || $0.name.hasPrefix("jieba/") }

    /// The bytes of the embedded file `name`, e.g. `encodings/python-big5.txt`.
    static func bytes(of name: String) -> UnsafeRawBufferPointer? {
        all.first { $0.name == name }?.bytes
    }
}
