/// One candidate charset reported by ``CharsetDetector``.
public struct CharsetMatch: Sendable, Hashable, CustomStringConvertible {
    /// ICU's detector name for the charset: "UTF-8", "GB18030", "Big5", "Shift_JIS",
    /// "EUC-KR", "ISO-8859-1", "windows-1252", "UTF-16LE", … (never "GBK": GBK text is
    /// reported as "GB18030"; see ``CharsetDetector``).
    public let name: String

    /// How sure the detector is, 0…100. Not a probability; compare within one result list.
    public let confidence: Int

    /// The ISO 639 code of the language the detector guessed ("zh", "ja", "ko", …), if any.
    public let language: String?

    /// Creates a match (mostly for tests; ``CharsetDetector`` creates them from ICU).
    public init(name: String, confidence: Int, language: String?) {
        self.name = name
        self.confidence = confidence
        self.language = language
    }

    /// The ``Charset`` for ``name``, or nil if ICU cannot convert it.
    public var charset: Charset? { try? Charset(name) }

    /// E.g. `GB18030 (zh) 100`.
    public var description: String {
        "\(name)\(language.map { " (\($0))" } ?? "") \(confidence)"
    }
}
