/// Counts, character by character, what tells a line of Big5 read as GBK (or GBK read as Big5)
/// that has no mark: letters of other scripts set alone among Han characters
/// (``CharacterTable/Signs/strayLetter``: 準備顯示的 read as 非称陪ボ), against kana beside kana,
/// which Japanese words are. The fast scan and the repair count alike with it.
struct StrayLetterCount {
    private var strays = 0, kanaPairs = 0, han = 0
    private var previousHan = false, previousKana = false, previousStray = false

    /// Counts the next character, of `kind` and with `signs`.
    mutating func add(_ kind: CharacterTable.Kind, _ signs: CharacterTable.Signs) {
        let isHan = kind == .han, isKana = kind == .kana, isStray = signs.contains(.strayLetter)
        if isHan { han += 1 }
        if isKana && previousKana { kanaPairs += 1 }
        // (A letter between two Han characters counts once.)
        if isStray && previousHan || isHan && previousStray { strays += 1 }
        (previousHan, previousKana, previousStray) = (isHan, isKana, isStray && !previousHan)
    }

    /// Forgets the character before: the next one does not follow it.
    mutating func breakRun() {
        (previousHan, previousKana, previousStray) = (false, false, false)
    }

    /// Whether the characters counted read as Big5 and GBK misread: one stray letter is enough
    /// among four Han characters, unless kana words (half as many kana pairs as such letters)
    /// show Japanese.
    var showsMisreading: Bool {
        strays > 0 && han >= 4 && kanaPairs * 2 < strays
    }
}
