import CICU

/// A Unicode script (the Script property, ISO 15924), as ICU's `UScriptCode`.
///
/// ```swift
/// Script(of: "中") == .han          // shortName "Hani", name "Han"
/// Script(of: "あ") == .hiragana
/// Script(of: "1") == .common
/// Script(of: "\u{301}") == .inherited
/// ```
///
/// Punctuation shared by several scripts (`。`, `、`, `ー`) has the script Common or Inherited;
/// ``extensions(of:)`` (Script_Extensions) says which scripts use it.
public struct Script: Sendable, Hashable, CustomStringConvertible {
    /// ICU's `UScriptCode` value (stable across ICU versions): 17 for Han, 25 for Latin, …
    public let code: Int32

    /// The script of `scalar` (ICU `uscript_getScript`).
    public init(of scalar: Unicode.Scalar) {
        let code = cicu_script_of(scalar.value)
        self.code = code >= 0 ? code : Int32(CICU_SCRIPT_COMMON)
    }

    /// The script with ICU code `code`, or nil if ICU does not know the code.
    public init?(code: Int32) {
        guard cicu_script_short_name(code) != nil else { return nil }
        self.code = code
    }

    /// The script named `name` — an ISO 15924 code ("Hani", "Latn") or an ICU long name
    /// ("Han", "Latin") — or nil if ICU does not know it.
    public init?(name: String) {
        let code = name.withCString { cicu_script_code_for_name($0) }
        guard code >= 0 else { return nil }
        self.code = code
    }

    private init(known code: Int32) {
        self.code = code
    }

    /// The ISO 15924 code: "Hani", "Latn", "Hira", "Kana", "Hang", "Zyyy" (Common),
    /// "Zinh" (Inherited).
    public var shortName: String {
        cicu_script_short_name(code).map { String(cString: $0) } ?? "Zzzz"
    }

    /// ICU's long name: "Han", "Latin", "Hiragana", "Katakana", "Hangul", "Common", "Inherited".
    public var name: String {
        cicu_script_long_name(code).map { String(cString: $0) } ?? "Unknown"
    }

    /// The ``shortName``.
    public var description: String { shortName }

    /// The scripts that use `scalar` (ICU `uscript_getScriptExtensions`), e.g. `。` is used by
    /// Bopomofo, Hangul, Han, Hiragana, Katakana and Yi. For most characters this is just
    /// `[Script(of: scalar)]`.
    public static func extensions(of scalar: Unicode.Scalar) -> [Script] {
        var codes = [Int32](repeating: 0, count: 16)
        var count = codes.withUnsafeMutableBufferPointer {
            cicu_script_extensions(scalar.value, $0.baseAddress, Int32($0.count))
        }
        if count > Int32(codes.count) {
            codes = [Int32](repeating: 0, count: Int(count))
            count = codes.withUnsafeMutableBufferPointer {
                cicu_script_extensions(scalar.value, $0.baseAddress, Int32($0.count))
            }
        }
        guard count > 0 else { return [Script(of: scalar)] }
        return codes.prefix(Int(count)).map { Script(known: $0) }
    }

    /// Han (Hani): Chinese characters, including those used in Japanese and Korean.
    public static let han = Script(known: Int32(CICU_SCRIPT_HAN))
    /// Latin (Latn).
    public static let latin = Script(known: Int32(CICU_SCRIPT_LATIN))
    /// Hiragana (Hira).
    public static let hiragana = Script(known: Int32(CICU_SCRIPT_HIRAGANA))
    /// Katakana (Kana).
    public static let katakana = Script(known: Int32(CICU_SCRIPT_KATAKANA))
    /// Hangul (Hang).
    public static let hangul = Script(known: Int32(CICU_SCRIPT_HANGUL))
    /// Bopomofo (Bopo), the zhuyin phonetic alphabet.
    public static let bopomofo = Script(known: Int32(CICU_SCRIPT_BOPOMOFO))
    /// Common (Zyyy): digits, ASCII punctuation, symbols shared by all scripts.
    public static let common = Script(known: Int32(CICU_SCRIPT_COMMON))
    /// Inherited (Zinh): combining marks that take the script of their base character.
    public static let inherited = Script(known: Int32(CICU_SCRIPT_INHERITED))
}
