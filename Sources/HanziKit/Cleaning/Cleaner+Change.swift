extension Cleaner {
    /// The stages of a clean-up, in the order they run.
    public enum Stage: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
        /// Undoing mojibake and garbled punctuation (and reporting irrecoverable damage).
        case repair
        /// Restoring full-width punctuation folded to ASCII inside Chinese.
        case punctuation
        /// Converting the script with the cleaner's ``Cleaner/converter``.
        case conversion

        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }

        /// `repair`, `punctuation` or `conversion`.
        public var description: String {
            switch self {
            case .repair: "repair"
            case .punctuation: "punctuation"
            case .conversion: "conversion"
            }
        }
    }

    /// One change a clean-up made, or one piece of irrecoverable damage it left alone.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        /// The stage that made it.
        public let stage: Stage
        /// The UTF-8 byte range of the input it comes from. A conversion of text a repair
        /// produced points at the repaired range of the input.
        public let range: Range<Int>
        /// The text the stage saw.
        public let before: String
        /// What the stage wrote; equal to ``before`` for damage left alone.
        public let after: String
        /// The repair's ``Diagnosis`` name, or the conversion config's name.
        public let detail: String
        /// The repair's fix, for the repair and punctuation stages.
        public let fix: Fix?

        /// Creates a change.
        public init(stage: Stage, range: Range<Int>, before: String, after: String, detail: String, fix: Fix? = nil) {
            self.stage = stage
            self.range = range
            self.before = before
            self.after = after
            self.detail = detail
            self.fix = fix
        }

        /// The change a repair fix stands for: punctuation restoration is the punctuation
        /// stage, the rest the repair stage.
        public init(fix: Fix) {
            self.init(stage: fix.diagnosis == .asciiPunctuationInChinese ? .punctuation : .repair, range: fix.range,
                      before: fix.before, after: fix.after, detail: fix.diagnosis.rawValue, fix: fix)
        }

        /// Whether the change alters the text (damage reports do not).
        public var changesText: Bool { before != after }

        /// The same change with its range moved by `offset` bytes.
        func shifted(by offset: Int) -> Change {
            Change(stage: stage, range: (range.lowerBound + offset)..<(range.upperBound + offset), before: before,
                   after: after, detail: detail, fix: fix)
        }

        /// `bytes 3..<12: "鈥滀綘" → "“你" (repair: utf8AsGBK)`.
        public var description: String {
            "bytes \(range.lowerBound)..<\(range.upperBound): \"\(before)\" → \"\(after)\" (\(stage): \(detail))"
        }
    }
}
