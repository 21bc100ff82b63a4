import CICU

/// Unicode normalization with ICU's `Normalizer2`, working directly on UTF-8.
///
/// ```swift
/// Normalizer.nfkc.normalize("ＡＢＣ１２３，你好！")   // "ABC123,你好!"
/// Normalizer.nfc.normalize("e\u{301}")              // "é"
/// ```
///
/// NFKC folds the full-width punctuation `，！？；：（）` to ASCII but keeps `。` and `、`; decide
/// on purpose whether that is what a Chinese text pipeline wants. Thread-safe.
public struct Normalizer: Sendable, Hashable {
    /// The form this normalizer produces.
    public let form: NormalizationForm

    /// A normalizer for `form`.
    public init(_ form: NormalizationForm) {
        self.form = form
    }

    /// Canonical composition.
    public static let nfc = Normalizer(.nfc)
    /// Canonical decomposition.
    public static let nfd = Normalizer(.nfd)
    /// Compatibility composition.
    public static let nfkc = Normalizer(.nfkc)
    /// Compatibility decomposition.
    public static let nfkd = Normalizer(.nfkd)

    /// `text` in this normalization form. Returns `text` itself (no copy) when it is already
    /// normalized.
    public func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            if isNormalized(utf8: utf8) { return nil }
            let (result, status) = makeString(estimate: utf8.count + utf8.count / 2 + 16) { buffer in
                fill(utf8, buffer)
            }
            return status == CICUStatus.ok ? result : nil
        } ?? text
    }

    /// The UTF-8 bytes of `utf8` in this normalization form. Ill-formed UTF-8 should not be
    /// passed (ICU keeps it as is in NFC/NFKC and turns it into U+FFFD in NFD/NFKD).
    /// If ICU fails (out of memory, missing data) the input is returned unchanged.
    public func normalize(utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if isNormalized(utf8: utf8) { return Array(utf8) }
        let (result, status) = makeBytes(estimate: utf8.count + utf8.count / 2 + 16) { buffer in
            fill(utf8, buffer)
        }
        return status == CICUStatus.ok ? result : Array(utf8)
    }

    /// The UTF-8 bytes of a UTF-8 byte sequence in this normalization form.
    @inlinable
    public func normalize(utf8: some Sequence<UInt8>) -> [UInt8] {
        if let result = utf8.withContiguousStorageIfAvailable({ normalize(utf8: $0) }) { return result }
        return Array(utf8).withUnsafeBufferPointer { normalize(utf8: $0) }
    }

    /// Whether `text` is already in this normalization form.
    public func isNormalized(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isNormalized(utf8: $0) }
    }

    /// Whether the UTF-8 bytes are already in this normalization form (false if ICU fails).
    public func isNormalized(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var result: Int32 = 0
        let status = cicu_is_normalized_utf8(form.cicuForm, utf8.baseAddress, utf8.count, &result)
        return status == CICUStatus.ok && result != 0
    }

    private func fill(_ source: UnsafeBufferPointer<UInt8>,
                      _ buffer: UnsafeMutableBufferPointer<UInt8>) -> (status: Int32, required: Int) {
        var required = 0
        let status = cicu_normalize_utf8(form.cicuForm, source.baseAddress, source.count,
                                         buffer.baseAddress, buffer.count, &required)
        return (status, required)
    }
}
