extension LineRepair {
    /// 锟斤拷: two U+FFFD written as UTF-8 (EF BF BD EF BF BD) and read as GBK, as ICU decodes it.
    static let kunJinKao: [Unicode.Scalar] = {
        guard let text = try? Charset.gbk.decode([0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD]) else { return [] }
        return Array(text.unicodeScalars)
    }()

    /// The runs of 锟斤拷 (repeated, possibly cut short: 锟斤拷锟斤) in the input. They are
    /// reported, and kept away from the mojibake detectors, which would only turn them back
    /// into the U+FFFD they were made from.
    func damageSpans() -> [Range<Int>] {
        let pattern = Self.kunJinKao
        guard pattern.count == 3 else { return [] }
        var spans: [Range<Int>] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i] == pattern[0] else {
                i += 1
                continue
            }
            var j = i
            while j < scalars.count && scalars[j] == pattern[(j - i) % 3] { j += 1 }
            // 锟 alone is a rare but real character; 锟斤 is already the pattern.
            if j - i >= 2 { spans.append(i..<j) }
            i = max(j, i + 1)
        }
        return spans
    }

    /// Pass 3: reports 锟斤拷, runs of U+FFFD and '?' standing for lost characters that no
    /// repair explained.
    mutating func reportDamage() {
        for span in damageSpans() where !span.contains(where: isEdited) {
            reportDamage(span, .kunJinKao)
        }
        var i = 0
        while i < scalars.count {
            var j = i
            while j < scalars.count && scalars[j] == "\u{FFFD}" && !isEdited(j) { j += 1 }
            if j > i {
                reportDamage(i..<j, .replacementCharacters)
                i = j
            } else {
                i += 1
            }
        }
        reportLostCharacters()
    }

    /// '?' inside Chinese that pass 2 did not take for a folded question mark: a character an
    /// encoder could not represent (zuozhuan.txt's "子?在" for a rare name character), or
    /// several ("??"). A lone '?' between a character and a Chinese mark (，?耀, 伯?：) or at
    /// the start of a line (?起於天) is one too: a question mark neither begins a clause nor
    /// comes before another mark.
    private mutating func reportLostCharacters() {
        let (text, origins) = repairedText()
        let table = model.table
        func isHan(_ k: Int) -> Bool { k >= 0 && k < text.count && table.kind(text[k]) == .han }
        func isMark(_ k: Int) -> Bool { k >= 0 && k < text.count && table.kind(text[k]) == .chinesePunctuation }
        for run in Self.questionMarkRuns(in: text) {
            let (k, end) = (run.lowerBound, run.upperBound)
            let touchesHan = isHan(k - 1) || isHan(end)
            let lost = end - k >= 2 ? touchesHan
                : isHan(k - 1) && (isHan(end) || isMark(end)) || isHan(end) && (k == 0 || isMark(k - 1))
            let inputs = (k..<end).compactMap { position -> Int? in
                if case let .input(i) = origins[position], !isRestored(i) { return i }
                return nil
            }
            if lost, inputs.count == end - k, let first = inputs.first, let last = inputs.last {
                reportDamage(first..<(last + 1), .lostCharacters)
            }
        }
    }

    /// The runs of '?' in `text` (an encoder writes one for each character it cannot represent).
    static func questionMarkRuns(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var k = 0
        while k < text.count {
            guard text[k] == "?" else {
                k += 1
                continue
            }
            var end = k
            while end < text.count && text[end] == "?" { end += 1 }
            runs.append(k..<end)
            k = end
        }
        return runs
    }
}
