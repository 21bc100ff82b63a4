/// How much mojibake of mojibake one line may undo: the characters of all the stretches it
/// undoes a second time, together; and what it has undone so far.
///
/// Undoing a stretch again is a repair of its own, and a long garbled line has many
/// overlapping stretches, each tried at several ends, so without a bound the work grows with
/// the square of the line's length (a 1,700-character line of it took 40 seconds). Past the
/// budget a stretch is undone once, and the next pass (``RepeatedRepair``) undoes what is
/// left as ordinary mojibake.
final class UndoBudget {
    /// Characters per character of the line. (Lines of mojibake of mojibake in the evaluation
    /// set undo a median of 8 characters again per character; one of its 94,000 lines reaches
    /// the budget.)
    static let perCharacter = 16
    /// Characters for any line, however short: more than any short line needs.
    static let minimum = 16_384

    /// The characters that may still be undone again.
    private(set) var remaining: Int
    /// Each stretch undone a second time, and what that gave (nil: nothing to undo). The same
    /// stretch comes back under each misreading tried and each quotation weighing, two calls in
    /// three in long lines of mojibake of mojibake.
    private var undone: [[Unicode.Scalar]: [Unicode.Scalar]?] = [:]

    /// The budget of a line of `count` characters.
    init(lineLength count: Int) {
        remaining = Self.minimum + Self.perCharacter * count
    }

    /// What `undo` makes of `text`: computed the first time, taking its characters from the
    /// budget, and remembered; nil, taking nothing, when fewer are left.
    func undoing(_ text: [Unicode.Scalar], by undo: () -> [Unicode.Scalar]?) -> [Unicode.Scalar]? {
        if let known = undone[text] { return known }
        guard text.count <= remaining else { return nil }
        remaining -= text.count
        let result = undo()
        undone[text] = .some(result)
        return result
    }
}
