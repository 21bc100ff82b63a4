import CICU

/// Guesses the charset of bytes with ICU's detector (`ucsdet`).
///
/// Traps, measured with ICU 72:
/// - **Short input is unreliable.** With a few dozen bytes the answers are often wrong (8 GBK
///   bytes come out as UTF-16BE); use a few hundred bytes and a confidence threshold, and
///   confirm with a strict ``Charset/decode(_:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
/// - **GBK is reported as "GB18030"** (ICU has no GBK recognizer). Decoding GBK bytes as
///   GB18030 gives the same text except for the single byte 0x80 (€ in GBK, invalid in
///   GB18030) and 82 rare two-byte codes (e.g. `A2E3`, `A989`…`A995`, `FE50`…) that ICU's GBK
///   maps to private-use characters and GB18030 to real ones (€, ideographic description
///   characters, CJK radicals).
/// - Pure ASCII is reported as "ISO-8859-1" (or "UTF-8" when it has a BOM).
/// - It costs about 7 ms per 64 KB.
///
/// All functions are thread-safe.
public enum CharsetDetector {
    /// All charsets ICU considers possible for `bytes`, best first. Empty for empty input
    /// (for which ICU itself would answer "UTF-8" with confidence 15).
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> [CharsetMatch] {
        if bytes.isEmpty { return [] }
        var count: Int32 = 0
        var capacity: Int32 = 32
        for _ in 0..<2 {
            var matches = [cicu_charset_match](repeating: cicu_charset_match(), count: Int(capacity))
            let status = matches.withUnsafeMutableBufferPointer { buffer in
                cicu_detect(bytes.baseAddress, bytes.count, buffer.baseAddress, capacity, &count)
            }
            if status == CICUStatus.bufferOverflow {
                capacity = count
                continue
            }
            guard status == CICUStatus.ok else { return [] }
            return matches.prefix(Int(min(count, capacity))).map { match in
                let language = stringFromCArray(match.language)
                return CharsetMatch(name: stringFromCArray(match.name),
                                    confidence: Int(match.confidence),
                                    language: language.isEmpty ? nil : language)
            }
        }
        return []
    }

    /// All charsets ICU considers possible for a byte sequence (`[UInt8]`, `Data`, …), best first.
    @inlinable
    public static func detect(_ bytes: some Sequence<UInt8>) -> [CharsetMatch] {
        if let result = bytes.withContiguousStorageIfAvailable({ detect($0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { detect($0) }
    }

    /// The best match if its confidence is at least `minimumConfidence`, else nil.
    public static func best(_ bytes: UnsafeBufferPointer<UInt8>, minimumConfidence: Int = 0) -> CharsetMatch? {
        guard let first = detect(bytes).first, first.confidence >= minimumConfidence else { return nil }
        return first
    }

    /// The best match for a byte sequence if its confidence is at least `minimumConfidence`.
    @inlinable
    public static func best(_ bytes: some Sequence<UInt8>, minimumConfidence: Int = 0) -> CharsetMatch? {
        if let result = bytes.withContiguousStorageIfAvailable({ best($0, minimumConfidence: minimumConfidence) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { best($0, minimumConfidence: minimumConfidence) }
    }
}
