/// The full-width marks a line writes as it was given, before any repair: how its writer typed
/// punctuation. Every pass of ``RepeatedRepair`` weighs these, not the marks an earlier pass
/// restored: a line folded whole is still one after its commas came back (and after the
/// one-byte shift's repair wrote its lost marks full-width).
struct WrittenMarks {
    /// Whether the line writes 。, which NFKC leaves alone.
    let fullStop: Bool
    /// Whether it writes a full-width mark NFKC folds, or a curly double quotation mark
    /// (``LineRepair/foldedForms``).
    let foldedForm: Bool
    /// Whether it writes ？.
    let questionMark: Bool
    /// Whether it writes an opening and a closing corner bracket (「 」『 』), which NFKC leaves
    /// alone and only a Chinese or Japanese input method types. (Both: mojibake makes one here
    /// and there, 閫夐」.)
    let cornerBrackets: Bool

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        var fullStop = false, foldedForm = false, questionMark = false, openingCorner = false, closingCorner = false
        for scalar in scalars where scalar.value >= 0x2000 {
            if scalar == "。" { fullStop = true }
            if scalar == "？" { questionMark = true }
            if scalar == "「" || scalar == "『" { openingCorner = true }
            if scalar == "」" || scalar == "』" { closingCorner = true }
            if LineRepair.foldedForms.contains(scalar) { foldedForm = true }
        }
        (self.fullStop, self.foldedForm, self.questionMark, self.cornerBrackets) = (fullStop, foldedForm, questionMark, openingCorner && closingCorner)
    }
}
