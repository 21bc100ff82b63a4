/// One change the repairer made, or one piece of irrecoverable damage it found and left alone.
///
/// Ranges are UTF-8 byte offsets into the whole input given to the repairer (not into a
/// line), so a caller can point at the bytes of the original file.
public struct Fix: Sendable, Hashable, CustomStringConvertible {
    /// The bytes of the input this fix replaces (or, for damage, points at).
    public let range: Range<Int>
    /// The input text in ``range``.
    public let before: String
    /// The repaired text; equal to ``before`` for irrecoverable damage, and empty for a space
    /// typed after an ASCII mark that was restored full-width (花钱去买, 不值得).
    public let after: String
    /// What was wrong.
    public let diagnosis: Diagnosis
    /// How much more plausible the repaired text is than the input, as the gain in
    /// log-likelihood (nats) under HanziKit's lexicon model; 0 for damage reports and for
    /// rule-based punctuation restoration. Repairs are kept only above a safety margin.
    public let gain: Double
    /// How many characters inside ``after`` could not be recovered and are written as U+FFFD
    /// (the bytes that encoded them were lost before the text reached the repairer).
    public let unrecovered: Int
    /// How many characters inside ``after`` stand for bytes that were lost before the text
    /// reached the repairer and were chosen, among the characters those bytes could have made,
    /// by how well they read in context: likely, not certain (経 or 經 where a byte is gone).
    public let guessed: Int

    /// Creates a fix.
    public init(range: Range<Int>, before: String, after: String, diagnosis: Diagnosis, gain: Double, unrecovered: Int = 0,
                guessed: Int = 0) {
        self.range = range
        self.before = before
        self.after = after
        self.diagnosis = diagnosis
        self.gain = gain
        self.unrecovered = unrecovered
        self.guessed = guessed
    }

    /// Whether the fix changes the text (damage reports do not).
    public var changesText: Bool { before != after }

    /// The same fix with its range `offset` bytes further on: a line's fix as a file's.
    func shifted(by offset: Int) -> Fix {
        Fix(range: (range.lowerBound + offset)..<(range.upperBound + offset), before: before, after: after,
            diagnosis: diagnosis, gain: gain, unrecovered: unrecovered, guessed: guessed)
    }

    /// `bytes 12..<21: "鈥滀綘濂解€�" → "“你好”" (utf8AsGBK)`.
    public var description: String {
        "bytes \(range.lowerBound)..<\(range.upperBound): \"\(before)\" → \"\(after)\" (\(diagnosis))"
    }
}
