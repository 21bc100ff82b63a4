/// Tells Simplified from Traditional Chinese by the characters only one of them uses.
///
/// The evidence comes from OpenCC's character dictionaries: a character is Simplified-only
/// when Simplified→Traditional always changes it and Traditional→Simplified never has it as a
/// source (发, 们, 这), Traditional-only in the mirror case (發, 們, 這). Characters both
/// scripts write (的, 是, and ambiguous ones such as 后, 台, 干, 里) are no evidence, nor are
/// the Taiwan and Hong Kong standard forms (群, 床, 峰), which are Traditional there but
/// the same as Simplified.
///
/// ```swift
/// let detector = try ScriptDetector()
/// let report = detector.report(for: "他後來去了臺灣")
/// report.script        // .traditional
/// ```
public struct ScriptDetector: Sendable {
    /// Per code point: 0 no evidence, 1 Simplified-only, 2 Traditional-only.
    private let classes: [UInt8]
    private static let lastCodePoint = 0x3_FFFF

    /// A detector built from the store's OpenCC character dictionaries.
    /// - Throws: ``LexiconError`` when a dictionary is missing or corrupt.
    public init(store: DictionaryStore = .standard) throws {
        let toTraditional = try store.lexicon("opencc/STCharacters.txt", format: .opencc)
        let toSimplified = try store.lexicon("opencc/TSCharacters.txt", format: .opencc)
        var classes = [UInt8](repeating: 0, count: Self.lastCodePoint + 1)
        func mark(_ lexicon: Lexicon, as scriptClass: UInt8, unless other: Lexicon) {
            for entry in lexicon.allEntries {
                let key = lexicon.key(of: entry)
                guard key.unicodeScalars.count == 1, let scalar = key.unicodeScalars.first,
                      Int(scalar.value) <= Self.lastCodePoint,
                      !lexicon.values(of: entry).contains(key), other.entry(for: key) == nil else { continue }
                classes[Int(scalar.value)] = scriptClass
            }
        }
        mark(toTraditional, as: 1, unless: toSimplified)
        mark(toSimplified, as: 2, unless: toTraditional)
        for regional in ["opencc/TWVariantsRev.txt", "opencc/HKVariantsRev.txt"] {
            let lexicon = try store.lexicon(regional, format: .opencc)
            for entry in lexicon.allEntries {
                let key = lexicon.key(of: entry).unicodeScalars
                if key.count == 1, let scalar = key.first, Int(scalar.value) <= Self.lastCodePoint, classes[Int(scalar.value)] == 1 {
                    classes[Int(scalar.value)] = 0
                }
            }
        }
        self.classes = classes
    }

    /// The evidence in a string.
    public func report(for text: String) -> ScriptReport {
        var text = text
        var report = ScriptReport()
        text.withUTF8 { add($0, to: &report) }
        return report
    }

    /// Adds the evidence in UTF-8 `text` to `report` (text can come in pieces cut anywhere
    /// between characters). Bytes that are not UTF-8 are skipped.
    public func add(_ text: UnsafeBufferPointer<UInt8>, to report: inout ScriptReport) {
        forEachHan(in: text) { scalar, scriptClass in
            report.hanCount += 1
            if scriptClass != 0 { report.record(scalar, simplified: scriptClass == 1) }
            return true
        }
    }

    /// The script of UTF-8 `text`, as ``report(for:)`` would judge it, without keeping the
    /// characters: cheap enough to call on every line.
    public func script(of text: UnsafeBufferPointer<UInt8>) -> ChineseScript {
        var counts = (han: 0, simplified: 0, traditional: 0)
        forEachHan(in: text) { _, scriptClass in
            counts.han += 1
            if scriptClass == 1 { counts.simplified += 1 } else if scriptClass == 2 { counts.traditional += 1 }
            return true
        }
        return ScriptReport.script(han: counts.han, simplifiedOnly: counts.simplified, traditionalOnly: counts.traditional)
    }

    /// Calls `body` with each CJK ideograph of `text` and its class (0 no evidence, 1
    /// Simplified-only, 2 Traditional-only) while it returns true.
    @inline(__always)
    private func forEachHan(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, UInt8) -> Bool) {
        classes.withUnsafeBufferPointer { classes in
            var p = 0
            let n = text.count
            while p < n {
                let lead = text[p]
                if lead < 0x80 { p += 1; continue }
                let length = TextUnit.openCCLength(lead: lead)
                guard length >= 2, length <= 4, p + length <= n else { p += 1; continue }
                var scalar = Int(lead) & (0x7F >> length)
                for k in 1..<length { scalar = scalar << 6 | Int(text[p + k] & 0x3F) }
                p += length
                guard Self.isHan(scalar) else { continue }
                guard body(scalar, scalar <= Self.lastCodePoint ? classes[scalar] : 0) else { return }
            }
        }
    }

    /// Whether no Traditional text writes `scalar` (Simplified-only, as 这, 们, 发).
    func isSimplifiedOnly(_ scalar: Unicode.Scalar) -> Bool {
        Int(scalar.value) <= Self.lastCodePoint && classes[Int(scalar.value)] == 1
    }

    /// Whether a code point is a CJK ideograph (unified, extensions, compatibility).
    static func isHan(_ scalar: Int) -> Bool {
        switch scalar {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x2_0000...0x3_134F, 0x3_1350...0x3_23AF: true
        default: false
        }
    }
}
