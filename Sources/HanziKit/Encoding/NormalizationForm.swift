import CICU

/// A Unicode normalization form (UAX #15).
public enum NormalizationForm: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Canonical composition: `e` + U+0301 → `é`.
    case nfc
    /// Canonical decomposition: `é` → `e` + U+0301.
    case nfd
    /// Compatibility composition: also folds full-width `Ａ１，！？；：（）` to ASCII and
    /// `㈱` → `(株)`, but leaves the ideographic `。` and `、` alone.
    case nfkc
    /// Compatibility decomposition.
    case nfkd

    /// "NFC", "NFD", "NFKC" or "NFKD".
    public var description: String {
        switch self {
        case .nfc: "NFC"
        case .nfd: "NFD"
        case .nfkc: "NFKC"
        case .nfkd: "NFKD"
        }
    }

    var cicuForm: Int32 {
        switch self {
        case .nfc: Int32(CICU_NFC)
        case .nfd: Int32(CICU_NFD)
        case .nfkc: Int32(CICU_NFKC)
        case .nfkd: Int32(CICU_NFKD)
        }
    }
}
