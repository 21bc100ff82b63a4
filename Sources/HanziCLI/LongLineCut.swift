/// Where a very long line may be cut, for an engine whose result does not change when the
/// line is cut there, so that a single huge line is processed in bounded memory.
struct LongLineCut: Sendable {
    /// The characters a line may be cut before.
    let separators: [[UInt8]]
    /// Whether a cut must also follow a character that is not ASCII.
    var afterNonASCIIOnly = false

    /// Where to cut `text`: the last place at or before `limit` where it may be cut, else the
    /// first place after it; nil when there is none. Places before `from` are not looked at,
    /// nor offset 0.
    func offset(in text: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int? {
        var best: Int?
        var i = max(from, 1)
        while i < text.count {
            let byte = text[i]
            // Only ASCII bytes and lead bytes begin characters.
            if (byte < 0x80 || byte >= 0xC0) && !(afterNonASCIIOnly && text[i - 1] < 0x80)
                && separators.contains(where: { $0[0] == byte && i + $0.count <= text.count
                    && text[i..<(i + $0.count)].elementsEqual($0) }) {
                if i > limit { return best ?? i }
                best = i
            }
            i += 1
        }
        return best
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

    /// How long a line repair holds whole: repairing a long garbled line takes memory in
    /// proportion to it, and real lines are shorter. A line repaired whole is cut into
    /// stretches by the repairer, in the same places once repaired, so repairing the output
    /// changes nothing; a cut here falls where bytes put it, which restored marks move. (At 64 KB
    /// a chapter of weicheng.txt, 187 KB on one line, was cut, and repairing it twice differed.)
    static let repairLimit = 256 << 10
}
