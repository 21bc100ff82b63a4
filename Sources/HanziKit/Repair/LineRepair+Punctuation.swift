extension LineRepair {
    /// Pass 2: full-width punctuation folded to ASCII inside Chinese sentences, restored.
    ///
    /// A mark is restored only where both of its sides are Chinese, so English, numbers (3.5,
    /// 1,000), code, URLs and "GPT-3.5" keep their ASCII: `, ; : !` need a Chinese character or
    /// mark before and after (or the line's end after); `?` between two Chinese characters is
    /// restored only in a clause with a question word (elsewhere it is more often a lost
    /// character, reported by pass 3); parentheses and straight double quotes are restored in
    /// pairs whose content is Chinese and which touch Chinese outside. Lines with kana or
    /// hangul keep their punctuation: Japanese and Korean have conventions of their own.
    mutating func restorePunctuation() {
        let (text, origins) = repairedText()
        let table = model.table
        guard text.count(where: { table.kind($0) == .han }) >= 2,
              !text.contains(where: { table.kind($0) == .kana || table.kind($0) == .hangul }) else { return }
        var restored: [Int: Unicode.Scalar] = [:]
        restoreQuotes(text, into: &restored)
        restoreParentheses(text, into: &restored)
        restoreMarks(text, restored: &restored)
        for (k, scalar) in restored where text[k] != scalar {
            replaceRepaired(at: k, with: scalar, origins: origins)
        }
    }

    /// Whether `scalar` is Chinese: Han, or a Chinese punctuation mark.
    private func isChinese(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        let kind = model.table.kind(scalar)
        return kind == .han || kind == .chinesePunctuation
    }

    /// `, ; : ! ?` between Chinese characters.
    private func restoreMarks(_ text: [Unicode.Scalar], restored: inout [Int: Unicode.Scalar]) {
        func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < text.count ? restored[k] ?? text[k] : nil }
        // Right to left, so a mark followed by another mark ("?!") sees the restored one.
        for k in text.indices.reversed() {
            guard let fullwidth = Self.fullwidthMarks[text[k]] else { continue }
            let previous = at(k - 1), next = at(k + 1)
            guard isChinese(previous), next == nil || isChinese(next) else { continue }
            if text[k] == "?" {
                // "??" is lost characters; "?" mid-sentence needs a question to be a question mark.
                if at(k - 1) == "?" || at(k + 1) == "?" { continue }
                if let next, model.table.kind(next) == .han, !clauseAsksQuestion(text, before: k) { continue }
            }
            restored[k] = fullwidth
        }
    }

    /// The full-width marks NFKC folds to ASCII, by their ASCII form.
    static let fullwidthMarks: [Unicode.Scalar: Unicode.Scalar] = [
        ",": "，", ";": "；", ":": "：", "!": "！", "?": "？",
    ]

    /// Question words and particles: a clause with one of them asks something.
    static let questionWords: Set<Unicode.Scalar> = Set("吗呢么嗎麼什怎谁誰哪几幾啥否岂豈难難何".unicodeScalars)

    /// Whether the clause before `k` (back to the previous clause mark) contains a question word.
    private func clauseAsksQuestion(_ text: [Unicode.Scalar], before k: Int) -> Bool {
        for scalar in text[..<k].reversed() {
            if "，。！？；：,.!;:".unicodeScalars.contains(scalar) { return false }
            if Self.questionWords.contains(scalar) { return true }
        }
        return false
    }

    /// `(…)` pairs with Chinese content that touch Chinese outside.
    private func restoreParentheses(_ text: [Unicode.Scalar], into restored: inout [Int: Unicode.Scalar]) {
        var k = 0
        while k < text.count {
            guard text[k] == "(", let close = text[(k + 1)...].firstIndex(where: { $0 == ")" || $0 == "(" }), text[close] == ")" else {
                k += 1
                continue
            }
            let content = text[(k + 1)..<close]
            let outside = (k == 0 || isChinese(text[k - 1])) || (close + 1 == text.count || isChinese(text[close + 1]))
            if content.contains(where: { model.table.kind($0) == .han }), outside,
               !content.contains(where: { "=<>{}[]\\/_".unicodeScalars.contains($0) }) {
                restored[k] = "（"
                restored[close] = "）"
            }
            k = close + 1
        }
    }

    /// Straight double quotes around Chinese text, paired in order with each other and with
    /// the curly or corner quotes already on the line.
    private func restoreQuotes(_ text: [Unicode.Scalar], into restored: inout [Int: Unicode.Scalar]) {
        let (opening, closing): (Unicode.Scalar, Unicode.Scalar) = options.quotes == .curly ? ("“", "”") : ("「", "」")
        var openAt: Int? = nil   // the quote that opened the current quotation
        var openStraight = false
        for (k, scalar) in text.enumerated() {
            switch scalar {
            case "“", "「":
                openAt = k
                openStraight = false
            case "”", "」":
                openAt = nil
            case "\"":
                if let start = openAt {
                    // Closing: the quotation must be Chinese, or end on Chinese.
                    let content = text[(start + 1)..<k]
                    let chineseInside = content.contains { model.table.kind($0) == .han }
                    let chineseAround = isChinese(k > 0 ? text[k - 1] : nil) || (k + 1 == text.count || isChinese(text[k + 1]))
                    if chineseInside && (chineseAround || !openStraight) {
                        if openStraight, restored[start] == nil {
                            let before = start > 0 ? text[start - 1] : nil
                            let touches = start == 0 || isChinese(before) || Self.fullwidthMarks[before!] != nil
                                || k + 1 == text.count || isChinese(text[k + 1])
                            guard touches else {
                                openAt = nil
                                continue
                            }
                            restored[start] = opening
                        }
                        restored[k] = closing
                    }
                    openAt = nil
                } else {
                    openAt = k
                    openStraight = true
                }
            default:
                break
            }
        }
        // A quotation still open at the end of the line continues on the next one.
        if let start = openAt, openStraight, start + 1 < text.count, model.table.kind(text[start + 1]) == .han {
            let before = start > 0 ? text[start - 1] : nil
            if start == 0 || isChinese(before) || Self.fullwidthMarks[before!] != nil { restored[start] = opening }
        }
    }
}
