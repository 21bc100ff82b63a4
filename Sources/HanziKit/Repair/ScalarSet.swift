/// A fixed set of Unicode scalars, tested by one bit lookup.
///
/// The repair's scoring asks "is this a clause mark, a quote, a question word?" for every
/// character of every candidate it weighs; `Set<Unicode.Scalar>` hashes each question, which
/// cost a fifth of the time spent on garbled lines.
struct ScalarSet: Sendable {
    /// One bit per scalar value, up to the largest member.
    private let words: [UInt64]

    /// The set of the scalars of `members`.
    init(_ members: String) {
        var words: [UInt64] = []
        for scalar in members.unicodeScalars {
            let word = Int(scalar.value >> 6)
            if word >= words.count { words += repeatElement(0, count: word + 1 - words.count) }
            words[word] |= 1 << UInt64(scalar.value & 63)
        }
        self.words = words
    }

    /// Whether `scalar` is a member.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let word = Int(scalar.value >> 6)
        return word < words.count && words[word] & (1 << UInt64(scalar.value & 63)) != 0
    }
}
