/// A token the `hanzi` tokenizer reports to FTS5 (see ``HanziTokenizer/tokens(in:for:)``).
public struct IndexToken: Sendable, Hashable, CustomStringConvertible {
    /// The indexed form: folded to Simplified (with `fold 'hans'`), lower-cased.
    public var text: String
    /// The UTF-8 byte range in the original text that `highlight()` marks for it.
    public var range: Range<Int>
    /// Whether it shares the previous token's position (a sub-word of the word before).
    public var colocated: Bool

    /// Creates a token.
    public init(text: String, range: Range<Int>, colocated: Bool) {
        self.text = text
        self.range = range
        self.colocated = colocated
    }

    /// `text@start-end`, with `+` before colocated tokens.
    public var description: String {
        "\(colocated ? "+" : "")\(text)@\(range.lowerBound)-\(range.upperBound)"
    }
}
