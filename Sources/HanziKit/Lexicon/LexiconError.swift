/// Why a compiled or text dictionary could not be used.
public enum LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is shorter than its header says.
    case truncated(path: String, expected: Int, actual: Int)
    /// The file does not start with the lexicon magic number: it is not a compiled lexicon.
    case notALexicon(path: String)
    /// The file was written by another version of the format.
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    /// The payload does not match its checksum: the file is corrupt.
    case checksumMismatch(path: String)
    /// The header or a section is inconsistent.
    case malformed(path: String, reason: String)
    /// A key that cannot be stored (empty, or containing a NUL byte).
    case invalidKey(String)
    /// A text dictionary line that cannot be parsed.
    case invalidLine(path: String, line: Int, reason: String)
    /// The file could not be read or written.
    case io(path: String, reason: String)

    /// A message for people, naming the file and what to do.
    public var description: String {
        switch self {
        case let .truncated(path, expected, actual):
            return "\(path): compiled dictionary is truncated (\(actual) bytes, expected \(expected)); rebuild it with `hanzi dict build`"
        case let .notALexicon(path):
            return "\(path): not a compiled HanziKit dictionary (bad magic number)"
        case let .unsupportedVersion(path, found, supported):
            return "\(path): compiled dictionary has format version \(found), this hanzi reads version \(supported); rebuild it with `hanzi dict build`"
        case let .checksumMismatch(path):
            return "\(path): compiled dictionary is corrupt (checksum mismatch); rebuild it with `hanzi dict build`"
        case let .malformed(path, reason):
            return "\(path): dictionary is malformed: \(reason)"
        case let .invalidKey(key):
            return "invalid dictionary key \(key.debugDescription): keys must be non-empty and contain no NUL"
        case let .invalidLine(path, line, reason):
            return "\(path):\(line): \(reason)"
        case let .io(path, reason):
            return "\(path): \(reason)"
        }
    }
}
