/// What the detectors ask about a whole line, counted in one pass.
struct LineFacts {
    /// The kinds of letter a repair should not bring into a Chinese line that has none.
    static let foreign: Set<CharacterTable.Kind> = [.kana, .hangul, .otherAlphabet, .latinLetter, .fullwidthAlphanumeric]

    /// How many characters of each kind the line has, by raw value.
    let kindCounts: [Int]
    /// How many characters only Traditional, and only Simplified, text uses.
    let traditional: Int, simplified: Int
    /// How many quotations are open before each character (“ 「 『 《 minus their closers).
    let openQuotes: [Int]
    /// How many lone U+FFFD stand before an ASCII character that can end a double-byte pair
    /// (0x40–0x7E): lead bytes a decoder lost, or damage of another kind.
    let lostLeadsBeforeASCII: Int
    /// Whether a '?' touches a character beyond ASCII: what a decoder writes for a pair it
    /// cannot read (??攴蛂), losing both bytes.
    let hasQuestionMarkBesideWide: Bool

    init(_ scalars: [Unicode.Scalar], model: PlausibilityScore) {
        var counts = [Int](repeating: 0, count: 32)
        var traditional = 0, simplified = 0
        var openQuotes: [Int] = []
        openQuotes.reserveCapacity(scalars.count + 1)
        var open = 0
        var lostLeads = 0
        for (i, scalar) in scalars.enumerated() {
            if Self.isLostLeadBeforeASCII(scalars, at: i) { lostLeads += 1 }
            openQuotes.append(open)
            let kind = model.table.kind(scalar)
            counts[Int(kind.rawValue)] += 1
            if kind == .han {
                switch model.script(of: scalar) {
                case .traditional: traditional += 1
                case .simplified: simplified += 1
                case .both: break
                }
            }
            open = Self.balance(after: scalar, from: open)
        }
        openQuotes.append(open)
        kindCounts = counts
        self.traditional = traditional
        self.simplified = simplified
        self.openQuotes = openQuotes
        lostLeadsBeforeASCII = lostLeads
        hasQuestionMarkBesideWide = scalars.indices.contains { i in
            scalars[i] == "?" && (i > 0 && !scalars[i - 1].isASCII || i + 1 < scalars.count && !scalars[i + 1].isASCII)
        }
    }

    /// Whether character `i` is a lone U+FFFD before an ASCII character that can end a
    /// double-byte pair (0x40–0x7E).
    static func isLostLeadBeforeASCII(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        scalars[i] == "\u{FFFD}" && i + 1 < scalars.count && (0x40...0x7E).contains(scalars[i + 1].value)
            && (i == 0 || scalars[i - 1] != "\u{FFFD}")
    }

    /// The number of open quotations after `scalar`, `open` being the number before it.
    static func balance(after scalar: Unicode.Scalar, from open: Int) -> Int {
        switch scalar {
        case "“", "「", "『", "《": return open + 1
        case "”", "」", "』", "》": return max(0, open - 1)
        default: return open
        }
    }
}
