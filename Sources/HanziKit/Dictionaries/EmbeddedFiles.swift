import HanziDictionaryData

/// The dictionary files compiled into the binary (see `Sources/HanziDictionaryData`).
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
}
