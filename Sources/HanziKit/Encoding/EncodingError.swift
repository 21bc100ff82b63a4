/// An error from HanziKit's ICU-backed encoding layer: charset lookup, decoding and encoding.
///
/// Messages name the byte offset and the charset, e.g.
/// `invalid GBK byte sequence 0xFF at byte offset 12`.
public enum EncodingError: Error, CustomStringConvertible, Sendable, Hashable {
    /// ICU does not know a charset of this name (the name as it was given).
    case unknownCharset(String)

    /// Strict decoding met a byte sequence that is invalid, truncated or unmappable in
    /// `charset` (or a byte ICU decodes silently to a placeholder; see ``Charset/Mode/strict``).
    /// `offset` is the byte offset of the sequence in the input, `bytes` the sequence itself.
    /// When the input of an encode call is ill-formed UTF-8, `charset` is `"UTF-8"`.
    case invalidSequence(offset: Int, bytes: [UInt8], charset: String)

    /// Strict encoding met a character `charset` cannot represent; `offset` is the UTF-8
    /// byte offset of the character in the input.
    case unmappable(offset: Int, scalar: Unicode.Scalar, charset: String)

    /// ICU failed for a reason other than the input (out of memory, missing data, …);
    /// `status` is ICU's error name, e.g. `U_MEMORY_ALLOCATION_ERROR`.
    case icuFailure(operation: String, status: String)

    /// A human-readable message naming the offset and the charset.
    public var description: String {
        switch self {
        case .unknownCharset(let name):
            return "unknown charset \"\(name)\""
        case .invalidSequence(let offset, let bytes, let charset):
            let hex = bytes.isEmpty ? "(empty)" : bytes.map(Self.hex).joined(separator: " ")
            return "invalid \(charset) byte sequence \(hex) at byte offset \(offset)"
        case .unmappable(let offset, let scalar, let charset):
            let code = String(scalar.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return "character U+\(padded) at UTF-8 byte offset \(offset) cannot be encoded in \(charset)"
        case .icuFailure(let operation, let status):
            return "ICU failure \(status) while \(operation)"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
