extension LineRepair {
    /// Words in the small brackets ﹝ ﹞ that text converted from Big5 dictionaries writes
    /// (`语本"﹝陈恢﹞乃逾城`): a pair around one to eight Han characters, not all of them rare.
    /// They are kept from the mojibake detectors. GBK's 。 and · read as Big5 are ﹝ and ﹞, but
    /// the text between them is then garbled too, into rare characters.
    func smallBracketSpans() -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var opening: Int? = nil
        for (k, scalar) in scalars.enumerated() {
            switch scalar {
            case "﹝":
                opening = k
            case "﹞":
                if let start = opening, (1...8).contains(k - start - 1), case let words = scalars[(start + 1)..<k],
                   words.allSatisfy({ model.table.kind($0) == .han }), words.contains(where: { !model.isRareHan($0) }) {
                    spans.append(start..<(k + 1))
                }
                opening = nil
            default:
                break
            }
        }
        return spans
    }
}
