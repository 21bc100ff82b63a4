import CICU

/// A character set ("charset", "encoding") known to ICU, such as GBK, Big5 or windows-1252.
///
/// Create one with any ICU alias (`try Charset("cp936")`) or use a static member (`.gbk`).
/// Creating a charset validates the name with ICU and costs tens of microseconds (it probes the
/// charset's single bytes, see ``Mode/strict``), so keep charsets around rather than creating
/// one per call. Two charsets are equal when ICU maps them to the same converter
/// (`Charset("GBK") == Charset("cp936")`).
///
/// Converting is thread-safe: every call uses a converter owned by the calling thread.
public struct Charset: Sendable, Hashable, CustomStringConvertible {
    /// How conversions treat input they cannot convert.
    public enum Mode: Sendable, Hashable {
        /// Fail on the first problem. Decoding throws ``EncodingError/invalidSequence(offset:bytes:charset:)``
        /// for invalid, truncated or unmappable byte sequences, lone UTF-16 surrogates, and also for
        /// single bytes that ICU decodes *without an error* to a placeholder character — a
        /// private-use character (GBK `0xFF` → U+F8F5, Big5 `0xFF` → U+F8F8, and Apple's logo
        /// `0xF0` in `macintosh`) or, in charsets that do not use the ISO C1 range (byte `0x85` is
        /// not U+0085), a C1 control (windows-1252 `0x81 0x8D 0x8F 0x90 0x9D`, Big5 `0x80`).
        /// ISO-8859-x and EUC charsets keep their C1 controls; multi-byte user-defined areas that map
        /// to private use (e.g. GBK `0xAAA1`) are accepted. Encoding throws
        /// ``EncodingError/unmappable(offset:scalar:charset:)`` for characters the charset cannot
        /// represent, including those whose only encoding is such a placeholder byte.
        case strict
        /// Never fail because of the input. Decoding writes U+FFFD for each invalid sequence (as
        /// ICU delimits it) and for each placeholder byte. Encoding writes ICU's substitution
        /// bytes for the charset: `?` (0x3F) for GBK and Big5, `0x1A` for windows-1252 and
        /// ISO-8859-1, `0xA1 0x48` (？) for Big5-HKSCS, `0xFC 0xFC` for Shift_JIS; GB18030 and
        /// the UTFs can encode every scalar. Ill-formed UTF-8 input to `encode` reads as U+FFFD.
        case substitute
    }

    @usableFromInline
    final class Storage: Sendable {
        let canonicalName: String
        let standardName: String
        let cName: [CChar]
        let trapBytes: [UInt8]
        let trapUnits: [UInt16]
        let maxBytesPerChar: Int

        init(canonicalName: String, standardName: String, trapBytes: [UInt8], trapUnits: [UInt16],
             maxBytesPerChar: Int) {
            self.canonicalName = canonicalName
            self.standardName = standardName
            self.cName = Array(canonicalName.utf8CString)
            self.trapBytes = trapBytes
            self.trapUnits = trapUnits
            self.maxBytesPerChar = maxBytesPerChar
        }
    }

    @usableFromInline
    let storage: Storage

    /// ICU's canonical converter name, e.g. `windows-936-2000` for GBK or `ibm-5348_P100-1997`
    /// for windows-1252. Equality and hashing use this name.
    public var canonicalName: String { storage.canonicalName }

    /// The charset's standard name for people and protocols — its MIME name, else its IANA name,
    /// else the canonical name: `GBK`, `Big5`, `windows-1252`, `ISO-8859-1`, `Shift_JIS`.
    /// Error messages use this name.
    public var name: String { storage.standardName }

    /// The largest number of bytes one character takes in this charset (ICU's
    /// `ucnv_getMaxCharSize`: 2 for GBK, 4 for GB18030, 1 for windows-1252).
    public var maxBytesPerCharacter: Int { storage.maxBytesPerChar }

    /// The single bytes that strict decoding rejects although ICU decodes them without an error
    /// (see ``Mode/strict``), e.g. `[0xFF]` for GBK, `[0x81, 0x8D, 0x8F, 0x90, 0x9D]` for
    /// windows-1252, `[]` for GB18030.
    public var placeholderBytes: [UInt8] { storage.trapBytes }

    /// The charset's ``name``.
    public var description: String { storage.standardName }

    /// Looks up a charset by any name or alias ICU knows ("GBK", "cp936", "big5-hkscs",
    /// "latin1", "UTF-16LE", …).
    /// - Throws: ``EncodingError/unknownCharset(_:)`` if ICU does not know the name (also for
    ///   the empty string and names containing NUL).
    public init(_ name: String) throws {
        guard !name.isEmpty, !name.utf8.contains(0) else { throw EncodingError.unknownCharset(name) }
        var info = cicu_charset_info()
        let status = name.withCString { cicu_charset_lookup($0, &info) }
        switch status {
        case CICUStatus.ok:
            break
        case CICUStatus.unknownCharset, CICUStatus.invalidArgument:
            throw EncodingError.unknownCharset(name)
        default:
            throw EncodingError.icuFailure(operation: "opening charset \"\(name)\"", status: "status \(status)")
        }
        let count = Int(info.trap_count)
        let units = withUnsafeBytes(of: info.trap_units) { raw in
            (0..<count).map { raw.load(fromByteOffset: $0 * 2, as: UInt16.self) }
        }
        storage = Storage(
            canonicalName: stringFromCArray(info.canonical_name),
            standardName: stringFromCArray(info.standard_name),
            trapBytes: bytesFromCArray(info.trap_bytes, count: count),
            trapUnits: units,
            maxBytesPerChar: Int(info.max_bytes_per_char))
    }

    /// For the static members: never traps; if ICU lacked the charset, conversions would throw
    /// ``EncodingError/unknownCharset(_:)`` instead.
    private init(builtIn name: String) {
        if let charset = try? Charset(name) {
            self = charset
        } else {
            storage = Storage(canonicalName: name, standardName: name, trapBytes: [], trapUnits: [],
                              maxBytesPerChar: 4)
        }
    }

    /// GBK (Windows code page 936, ICU `windows-936-2000`). Byte `0xFF` is rejected by strict decoding.
    public static let gbk = Charset(builtIn: "GBK")
    /// GB 18030, which can encode every Unicode scalar.
    public static let gb18030 = Charset(builtIn: "GB18030")
    /// Big5 (Windows code page 950, ICU `windows-950-2000`). Bytes `0x80` and `0xFF` are
    /// rejected by strict decoding.
    public static let big5 = Charset(builtIn: "Big5")
    /// Big5-HKSCS (ICU `ibm-1375_P100-2008`), Big5 with the Hong Kong supplementary characters.
    public static let big5HKSCS = Charset(builtIn: "Big5-HKSCS")
    /// windows-1252 (ICU `ibm-5348_P100-1997`). Its undefined bytes `0x81 0x8D 0x8F 0x90 0x9D`
    /// are rejected by strict decoding.
    public static let windows1252 = Charset(builtIn: "windows-1252")
    /// ISO-8859-1 (Latin-1): every byte maps to U+0000…U+00FF, so decoding never fails.
    public static let latin1 = Charset(builtIn: "ISO-8859-1")
    /// Shift_JIS (ICU `ibm-943_P15A-2003`, Microsoft's code page 932 variant).
    public static let shiftJIS = Charset(builtIn: "Shift_JIS")
    /// UTF-16, little-endian, no byte order mark.
    public static let utf16LE = Charset(builtIn: "UTF-16LE")
    /// UTF-16, big-endian, no byte order mark.
    public static let utf16BE = Charset(builtIn: "UTF-16BE")
    /// UTF-16 with byte order detection: decoding consumes a leading BOM (`FF FE` or `FE FF`) and
    /// assumes big-endian without one; encoding (as ICU does) writes a BOM followed by the
    /// machine's byte order — `FF FE` + little-endian on x86-64 and ARM64.
    public static let utf16 = Charset(builtIn: "UTF-16")
    /// UTF-8. Strict decoding rejects overlong forms, surrogates and values past U+10FFFF.
    public static let utf8 = Charset(builtIn: "UTF-8")

    /// Whether both charsets use the same ICU converter (same ``canonicalName``).
    public static func == (lhs: Charset, rhs: Charset) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.canonicalName == rhs.storage.canonicalName
    }

    /// Hashes the ``canonicalName``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.canonicalName)
    }
}
