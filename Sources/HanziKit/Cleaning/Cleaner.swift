/// The whole clean-up of a garbled article in one call per line: undo mojibake and garbled
/// punctuation, restore full-width punctuation folded to ASCII, then (optionally) convert the
/// script — what `hanzi clean` runs after decoding its input.
///
/// ```swift
/// let cleaner = Cleaner(repairer: try Repairer(), converter: try Converter(.s2t))
/// let (text, changes) = cleaner.clean("他说:鈥滃ご鍙戔€\u{FFFD}")
/// // text == "他說：“頭髮”"; changes: 说 → 說 (conversion), : → ： (punctuation),
/// // 鈥滃ご鍙戔€\u{FFFD} → “头发” (repair: utf8AsGBK), 头发 → 頭髮 (conversion)
/// ```
///
/// Every change is reported with the stage that made it (``Stage``) and its byte range in the
/// text given, including conversions of text a repair produced. Cleaning clean text with no
/// converter returns it unchanged, and cleaning the output again changes nothing when the
/// cleaner knows the script the conversion writes (see ``targetScript``).
///
/// A cleaner is immutable and can be shared across threads.
public struct Cleaner: Sendable {
    /// The repair stage (its options decide whether punctuation is restored, and with which
    /// quotation marks).
    public let repairer: Repairer
    /// The conversion stage, or nil to keep the script.
    public let converter: Converter?
    /// The script the conversion writes (``ChineseScript/traditional`` for s2t, s2twp …,
    /// ``ChineseScript/simplified`` for t2s, tw2sp …), with the detector that tells it. A line
    /// already in that script is then not converted: OpenCC's phrase tables are keyed on the
    /// other script and would damage it (s2t writes 家伙 as 傢伙, but 傢伙 as 傢夥). This is what
    /// makes cleaning idempotent; without it every line is converted, as `hanzi convert` does.
    public let targetScript: (script: ChineseScript, detector: ScriptDetector)?

    /// Creates a cleaner from its stages.
    public init(repairer: Repairer, converter: Converter? = nil,
                targetScript: (script: ChineseScript, detector: ScriptDetector)? = nil) {
        self.repairer = repairer
        self.converter = converter
        self.targetScript = targetScript
    }

    /// Cleans `text` and lists every change, in text order.
    public func clean(_ text: String) -> (text: String, changes: [Change]) {
        var text = text
        return text.withUTF8 { utf8 in
            var output: [UInt8] = []
            let changes = clean(utf8: utf8, explainingInto: &output)
            return (String(decoding: output, as: UTF8.self), changes)
        }
    }

    /// Cleans UTF-8 text, appending the result to `output`. The fast path of `hanzi clean`:
    /// text with nothing to repair is converted directly.
    public func clean(utf8 text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], scratch: inout Scratch) {
        guard let converter else {
            repair(text, into: &output)
            return
        }
        guard repairer.isSuspicious(text) else {
            convert(text, with: converter, into: &output, scratch: &scratch.conversion)
            return
        }
        var repaired = scratch.repaired
        repaired.removeAll(keepingCapacity: true)
        repair(text, into: &repaired)
        repaired.withUnsafeBufferPointer { convert($0, with: converter, into: &output, scratch: &scratch.conversion) }
        scratch.repaired = repaired
    }

    /// Cleans UTF-8 text, appending the result to `output`, and returns every change with
    /// byte ranges into `text` plus `baseOffset`.
    @discardableResult
    public func clean(utf8 text: UnsafeBufferPointer<UInt8>, baseOffset: Int = 0,
                      explainingInto output: inout [UInt8]) -> [Change] {
        var repaired: [UInt8] = []
        let fixes = repairer.repair(utf8: text, appendingTo: &repaired)
        var changes = fixes.map(Change.init(fix:))
        if let converter, repaired.withUnsafeBufferPointer({ converts($0) }) {
            let edits = fixes.filter(\.changesText)
            let conversions = repaired.withUnsafeBufferPointer { converter.replacements(in: $0) }
            changes += conversions.map { replacement in
                Change(stage: .conversion, range: RepeatedRepair.inputRange(of: replacement.range, through: edits),
                       before: replacement.before, after: replacement.after, detail: converter.config.name)
            }
            var scratch = Converter.Scratch()
            repaired.withUnsafeBufferPointer { converter.convert(utf8: $0, into: &output, scratch: &scratch) }
        } else {
            output += repaired
        }
        if baseOffset != 0 { changes = changes.map { $0.shifted(by: baseOffset) } }
        return changes.sorted { ($0.range.lowerBound, $0.stage) < ($1.range.lowerBound, $1.stage) }
    }

    private func repair(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        if repairer.isSuspicious(text) {
            repairer.repair(utf8: text, appendingTo: &output)
        } else {
            output.append(contentsOf: text)
        }
    }

    private func convert(_ text: UnsafeBufferPointer<UInt8>, with converter: Converter, into output: inout [UInt8],
                         scratch: inout Converter.Scratch) {
        if converts(text) {
            converter.convert(utf8: text, into: &output, scratch: &scratch)
        } else {
            output.append(contentsOf: text)
        }
    }

    /// Whether the conversion stage converts `text`: always, unless the text is already in the
    /// ``targetScript``.
    private func converts(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (script, detector) = targetScript else { return true }
        return detector.script(of: text) != script
    }

    /// Reusable working memory for ``clean(utf8:into:scratch:)``; one per thread.
    public struct Scratch: Sendable {
        var repaired: [UInt8] = []
        var conversion = Converter.Scratch()
        /// Creates empty buffers.
        public init() {}
    }
}
