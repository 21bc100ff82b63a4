/// The quotation marks of Chinese text: Mainland “ ” ‘ ’, or Taiwan and Hong Kong 「 」 『 』.
///
/// Converting between them follows the nesting: a quotation's depth decides its marks, the
/// outermost getting the primary pair, the one inside it the secondary pair, the one inside
/// that the primary pair again, and so on at every depth, whatever marks the text used (so
/// text that mixed styles comes out in one). OpenCC leaves quotation marks alone, and
/// dictionary entries such as `“ → 「` cannot see nesting: they break from the second level.
///
/// Each call starts at depth 0, which suits text converted line by line: in Chinese a
/// quotation running over several paragraphs opens again at the start of each of them.
/// A `’` between two Latin letters (don’t) is an apostrophe and stays; a closing mark with no
/// quotation open closes one at depth 1.
///
/// ```swift
/// QuoteStyle.corner.apply(to: "他说：“她问‘谁说“不”？’”")   // 他说：「她问『谁说「不」？』」
/// ```
public enum QuoteStyle: String, Sendable, CaseIterable {
    /// 「 」 outside, 『 』 inside (Taiwan, Hong Kong).
    case corner
    /// “ ” outside, ‘ ’ inside (Mainland China).
    case curly

    /// The opening and closing marks at a depth (1 for the outermost quotation).
    private func marks(depth: Int) -> (open: UInt8, close: UInt8, lead: UInt8) {
        let primary = depth % 2 == 1
        switch self {
        case .corner: return primary ? (0x8C, 0x8D, 0xE3) : (0x8E, 0x8F, 0xE3)  // 「」 『』
        case .curly: return primary ? (0x9C, 0x9D, 0xE2) : (0x98, 0x99, 0xE2)   // “” ‘’
        }
    }

    /// Rewrites the quotation marks of `text` in this style.
    public func apply(to text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            apply(utf8: input, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Rewrites the quotation marks of UTF-8 `text` in this style, appending to `output`.
    /// Other bytes, invalid ones included, are copied unchanged.
    public func apply(utf8 text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var depth = 0
        var copied = 0
        var p = 0
        let n = text.count
        while p + 2 < n {
            // Every mark is three bytes: E2 80 98/99/9C/9D or E3 80 8C/8D/8E/8F.
            guard text[p + 1] == 0x80, let role = Self.role(text[p], text[p + 2]) else { p += 1; continue }
            if role == .apostrophe, Self.isLatinLetterOrDigit(before: p, in: text), Self.isLatinLetter(at: p + 3, in: text) {
                p += 3
                continue
            }
            let marks: (open: UInt8, close: UInt8, lead: UInt8)
            if role == .open {
                depth += 1
                marks = self.marks(depth: depth)
            } else {
                marks = self.marks(depth: max(depth, 1))
                depth = max(depth - 1, 0)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<p]))
            output.append(contentsOf: [marks.lead, 0x80, role == .open ? marks.open : marks.close])
            p += 3
            copied = p
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<n]))
    }

    /// What a quotation mark does.
    private enum Role {
        case open
        case close
        /// `’`, which closes a quotation unless it is an apostrophe.
        case apostrophe
    }

    /// The role of the mark `lead 80 last`, or nil when those bytes are no quotation mark.
    private static func role(_ lead: UInt8, _ last: UInt8) -> Role? {
        switch (lead, last) {
        case (0xE2, 0x9C), (0xE2, 0x98), (0xE3, 0x8C), (0xE3, 0x8E): return .open
        case (0xE2, 0x9D), (0xE3, 0x8D), (0xE3, 0x8F): return .close
        case (0xE2, 0x99): return .apostrophe
        default: return nil
        }
    }

    private static func isLatinLetter(at p: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p < text.count else { return false }
        let b = text[p] | 0x20
        return b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")
    }

    private static func isLatinLetterOrDigit(before p: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p > 0 else { return false }
        let b = text[p - 1]
        return isLatinLetter(at: p - 1, in: text) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
