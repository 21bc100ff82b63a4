/// A config's dictionary with its files resolved to lexicons: a lexicon, or a group of
/// dictionaries matched under a policy.
indirect enum DictionaryTree: Sendable {
    case lexicon(Lexicon)
    case group([DictionaryTree], ConversionConfig.MatchPolicy)

    /// Whether both trees match exactly alike: the same lexicons in the same shape.
    func isSame(as other: DictionaryTree) -> Bool {
        switch (self, other) {
        case let (.lexicon(a), .lexicon(b)):
            return a === b
        case let (.group(a, p), .group(b, q)):
            return p == q && a.count == b.count && zip(a, b).allSatisfy { $0.isSame(as: $1) }
        default:
            return false
        }
    }

    /// The lexicons of the tree, depth first.
    var lexicons: [Lexicon] {
        switch self {
        case let .lexicon(lexicon): [lexicon]
        case let .group(children, _): children.flatMap(\.lexicons)
        }
    }
}
