/// The resolved dictionaries of a converter in the order the conversion applies them, before
/// they are laid out for the loop.
struct ConversionLayout: Sendable {
    var normalization: [DictionaryTree]
    var segmentation: DictionaryTree?
    var chain: [DictionaryTree]
    /// Whether a segmentation word's first conversion is its own target (see
    /// ``ConversionPlan/wordsStartConverted``).
    var wordsStartConverted = false
    /// When words start converted: the first step of the chain in the runs between words,
    /// or nil when it changes nothing there.
    var runFirst: DictionaryTree?

    /// Lays out the steps of a config.
    ///
    /// When the chain starts with the segmentation dictionary (alone, or leading a
    /// short-circuit group, as in s2tw, s2twp, s2hk), a segmentation word's first conversion
    /// is its own target, and in the runs between words that dictionary can match nowhere (a
    /// match there, which cannot reach past the run, would have been a segmentation word), so
    /// the first step there is the rest of the group. That holds while no other key of the
    /// group contains an ideographic description operator, which could make a match end
    /// inside a sequence the segmentation skipped whole.
    init(normalization: [DictionaryTree], segmentation: DictionaryTree?, chain: [DictionaryTree]) {
        self.normalization = normalization
        self.segmentation = segmentation
        self.chain = chain
        guard let segmentation, let first = chain.first else { return }
        if first.isSame(as: segmentation) {
            wordsStartConverted = true
        } else if case let .group(members, .shortCircuit) = first, members[0].isSame(as: segmentation),
                  !members.dropFirst().flatMap(\.lexicons).contains(where: \.hasDescriptionOperatorInKeys) {
            wordsStartConverted = true
            let rest = Array(members.dropFirst())
            runFirst = rest.count > 1 ? .group(rest, .shortCircuit) : rest.first
        }
    }

    /// Every tree, in stage order: normalization, segmentation, chain, then ``runFirst``.
    var trees: [DictionaryTree] {
        normalization + [segmentation].compactMap { $0 } + chain + [runFirst].compactMap { $0 }
    }
}

extension Lexicon {
    /// Whether some key contains an ideographic description operator (U+2FF0–U+2FFF).
    var hasDescriptionOperatorInKeys: Bool {
        let end = Int(keyOffsets[count])
        var p = Int(keyOffsets[0])
        while p + 2 < end {
            if keyPool[p] == 0xE2 && keyPool[p + 1] == 0xBF && keyPool[p + 2] >= 0xB0 { return true }
            p += 1
        }
        return false
    }
}
