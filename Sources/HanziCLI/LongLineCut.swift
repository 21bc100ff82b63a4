/// Where a very long line may be cut, for an engine whose result does not change when the
/// line is cut there, so that a single huge line is processed in bounded memory.
struct LongLineCut: Sendable {
    /// The characters a line may be cut before.
    let separators: [[UInt8]]
    /// Whether a cut must also follow a character that is not ASCII.
    var afterNonASCIIOnly = false

    /// The offset of the last place in `text` where it may be cut, or nil.
    func offset(in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = text.count - 1
        while i > 0 {
            let byte = text[i]
            // Only ASCII bytes and lead bytes begin characters.
            if (byte < 0x80 || byte >= 0xC0) && !(afterNonASCIIOnly && text[i - 1] < 0x80) {
                for separator in separators where separator[0] == byte && i + separator.count <= text.count
                    && text[i..<(i + separator.count)].elementsEqual(separator) {
                    return i
                }
            }
            i -= 1
        }
        return nil
    }

    /// Conversion with the bundled dictionaries: no word of theirs contains one of these
    /// characters (a test checks), so a line cut before one converts as it would whole.
    static let conversion = LongLineCut(separators: [
        " ", "\t", "，", "。", "、", "；", "：", "？", "！", "「", "」", "『", "』",
        "（", "）", "“", "”", "‘", "’", ",", ".", ";", ":", "?", "!", "《", "》", "…",
    ].map { Array($0.utf8) })

    /// Accurate and search segmentation: jieba cuts its text into blocks at every character
    /// outside `re_han_default` and yields those characters one by one, so a line cut before
    /// whitespace or full-width punctuation segments as it would whole.
    static let segmentation = LongLineCut(separators: [
        " ", "\t", "，", "。", "、", "；", "：", "？", "！", "「", "」", "『", "』", "（", "）", "“", "”", "《", "》",
    ].map { Array($0.utf8) })

    /// Full segmentation joins the other characters between two spaces into one token: only a
    /// cut before whitespace keeps its tokens.
    static let fullSegmentation = LongLineCut(separators: [" ", "\t"].map { Array($0.utf8) })

    /// Repair: garbled spans seldom hold full-width sentence punctuation (a cut through one
    /// can only miss its repair: each piece of clean text is still clean), and a cut after a
    /// character that is not ASCII never parts folded punctuation from the Chinese beside it.
    /// The pairing of straight quotation marks starts afresh at a cut.
    static let repair = LongLineCut(separators: ["，", "。", "；", "！", "？"].map { Array($0.utf8) }, afterNonASCIIOnly: true)
}
