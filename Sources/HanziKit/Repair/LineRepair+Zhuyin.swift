extension LineRepair {
    /// The tone marks zhuyin writes after a syllable's letters.
    private static let zhuyinToneMarks = ScalarSet("ˊˇˋ˙")

    /// Whether `scalar` is a bopomofo letter (ICU's script; the tone marks are common to scripts).
    /// ICU is asked only inside the blocks that hold them: every character of a line is asked.
    private static func isBopomofo(_ scalar: Unicode.Scalar) -> Bool {
        ((0x2EA...0x2EB).contains(scalar.value) || (0x3100...0x312F).contains(scalar.value) || (0x31A0...0x31BF).contains(scalar.value))
            && Script(of: scalar) == .bopomofo
    }

    /// Words spelled in zhuyin (`ㄓㄨㄥ ㄍㄨㄛˊ`): runs of two different bopomofo letters or
    /// more, or of letters and a tone mark, set off by spaces, ASCII marks or the line's edges,
    /// or as dictionaries write them, in Chinese brackets or after pinyin (`（shèㄕㄜˋ）`).
    /// They are kept from the mojibake detectors. Mojibake makes bopomofo too (Big5's 據 read as
    /// GBK is ㄘ), and GBK's full-width marks read as Big5 make them beside ASCII (`UTF-8ㄛzh`,
    /// `Alt-Qㄘ`, `100ㄐㄐ`: ， ） ！！), so a single letter, or one repeated, is left to them.
    func zhuyinSpans() -> [Range<Int>] {
        guard scalars.contains(where: Self.isBopomofo) else { return [] }
        func isSetOff(_ k: Int) -> Bool {
            guard k >= 0 && k < scalars.count else { return true }
            let scalar = scalars[k]
            if scalar.isASCII { return !scalar.properties.isAlphabetic && !("0"..."9").contains(scalar) }
            let kind = model.table.kind(scalar)
            return kind == .chinesePunctuation || kind == .latinLetter
        }
        var spans: [Range<Int>] = []
        var i = 0
        while i < scalars.count {
            guard Self.isBopomofo(scalars[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < scalars.count, Self.isBopomofo(scalars[j]) || Self.zhuyinToneMarks.contains(scalars[j]) { j += 1 }
            let letters = Set(scalars[i..<j].filter(Self.isBopomofo))
            let toned = scalars[i..<j].contains(where: Self.zhuyinToneMarks.contains)
            if isSetOff(i - 1) && isSetOff(j) && (letters.count >= 2 || toned) { spans.append(i..<j) }
            i = j
        }
        return spans
    }
}
