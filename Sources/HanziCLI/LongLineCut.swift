/// Where a very long line may be cut for engines that match no word across whitespace or
/// punctuation, so that a single huge line is processed in bounded memory.
enum LongLineCut {
    /// Characters no bundled OpenCC dictionary word contains (checked by a test).
    static let separators: [[UInt8]] = [" ", "\t", "，", "。", "、", "；", "：", "？", "！", "「", "」", "『", "』",
                                        "（", "）", "“", "”", "‘", "’", ",", ".", ";", ":", "?", "!", "《", "》", "…"]
        .map { Array($0.utf8) }

    /// The offset of the last separator in `text` (the line may be cut before it), or nil.
    @Sendable static func beforeWhitespaceOrPunctuation(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = text.count - 1
        while i > 0 {
            let byte = text[i]
            // Only ASCII bytes and lead bytes begin characters.
            if byte < 0x80 || byte >= 0xC0 {
                for separator in separators where separator[0] == byte && i + separator.count <= text.count
                    && text[i..<(i + separator.count)].elementsEqual(separator) {
                    return i
                }
            }
            i -= 1
        }
        return nil
    }
}
