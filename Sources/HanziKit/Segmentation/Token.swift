/// A word found by a ``Segmenter``, located in the text it came from.
///
/// Offsets count from the start of the segmented string: ``utf8Range`` in UTF-8 bytes (what
/// byte-oriented indexes store) and ``scalarRange`` in Unicode scalars (what Python's `str`
/// indices, and jieba's `tokenize`, count). The text is the slice of the original string, so
/// a token never copies it.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    /// The token's UTF-8 byte offsets in the segmented text.
    public let utf8Range: Range<Int>
    /// The token's Unicode-scalar offsets in the segmented text.
    public let scalarRange: Range<Int>
    /// The segmented text; ``text`` slices it on demand.
    private let source: String

    /// Creates a token for the bytes `utf8Range` of `source`, which must fall on scalar
    /// boundaries.
    init(source: String, utf8Range: Range<Int>, scalarRange: Range<Int>) {
        self.source = source
        self.utf8Range = utf8Range
        self.scalarRange = scalarRange
    }

    /// The token's text, a slice of the segmented string.
    public var text: Substring {
        let utf8 = source.utf8
        // O(1) on native strings: UTF-8 view indices are byte offsets.
        let start = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
        let end = utf8.index(start, offsetBy: utf8Range.count)
        return source[start..<end]
    }

    /// The token's text.
    public var description: String { String(text) }

    /// Tokens are equal when they have the same text at the same offsets.
    public static func == (a: Token, b: Token) -> Bool {
        a.utf8Range == b.utf8Range && a.scalarRange == b.scalarRange && a.text == b.text
    }

    /// Hashes the offsets and the text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(utf8Range.lowerBound)
        hasher.combine(utf8Range.upperBound)
        hasher.combine(text)
    }
}
