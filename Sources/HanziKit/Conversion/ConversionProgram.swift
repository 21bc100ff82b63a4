/// A ``ConversionLayout`` laid out for the conversion loop, with the memory the loop reads:
/// flattened trees, per-stage byte tables and, when indexed, the character indexes.
///
/// Indexing costs a few milliseconds (a pass over every key of every lexicon), which a
/// one-line conversion must not pay, so a converter starts with a program without indexes and
/// builds an indexed one once it has text enough to gain from it.
final class ConversionProgram: @unchecked Sendable {
    // @unchecked: all memory is written in init only, and freed in deinit.

    let plan: ConversionPlan
    private let nodes: UnsafeMutableBufferPointer<DictionaryMatcher.Node>
    private let examineTables: UnsafeMutablePointer<Bool>
    private let characterIndexes: [FirstCharacterIndex]
    private let stageIndexes: [StageIndex]

    /// Lays out `layout`, with character and stage indexes when `indexed`. The layout's
    /// lexicons must outlive the program.
    init(_ layout: ConversionLayout, indexed: Bool) {
        let trees = layout.trees
        var indexes: [ObjectIdentifier: FirstCharacterIndex] = [:]
        if indexed {
            for lexicon in trees.flatMap(\.lexicons) where indexes[ObjectIdentifier(lexicon)] == nil {
                indexes[ObjectIdentifier(lexicon)] = FirstCharacterIndex(lexicon)
            }
        }
        characterIndexes = Array(indexes.values)
        let (flat, roots) = DictionaryMatcher.flatten(trees, indexes: indexes)
        nodes = .allocate(capacity: flat.count)
        _ = nodes.initialize(from: flat)
        let matcher = DictionaryMatcher(nodes: UnsafeBufferPointer(nodes))

        // One stage per tree, in the order of `layout.trees`; with words starting converted,
        // the runs' first step is the last one (-1: a step that changes nothing).
        var stageRoots = Array(roots.prefix(trees.count - (layout.runFirst == nil ? 0 : 1)))
        if layout.wordsStartConverted { stageRoots.append(layout.runFirst == nil ? -1 : roots.last!) }
        examineTables = .allocate(capacity: 256 * stageRoots.count)
        examineTables.initialize(repeating: false, count: 256 * stageRoots.count)
        var stages: [ConversionPlan.Stage] = []
        var stageIndexes: [StageIndex] = []
        for (i, root) in stageRoots.enumerated() {
            let table = examineTables + 256 * i
            var index: StageIndex?
            if root >= 0 {
                matcher.markStartBytes(root, in: table)
                table[0xE2] = true  // ideographic description operators are E2 BF B0…BF
                if indexed {
                    index = StageIndex(leaves: matcher.leaves(root))
                    stageIndexes.append(index!)
                }
            }
            stages.append(.init(root: root, examine: table, index: index))
        }
        self.stageIndexes = stageIndexes

        var remaining = stages[...]
        let normalization = Array(remaining.prefix(layout.normalization.count))
        remaining = remaining.dropFirst(layout.normalization.count)
        let segmentation = layout.segmentation == nil ? nil : remaining.popFirst()
        let chain = Array(remaining.prefix(layout.chain.count))
        remaining = remaining.dropFirst(layout.chain.count)
        var runChain = chain, wordChain = chain
        if layout.wordsStartConverted {
            wordChain.removeFirst()
            runChain[0] = remaining.popFirst()!
        }
        plan = ConversionPlan(matcher: matcher, normalization: normalization, segmentation: segmentation,
                              runChain: runChain, wordChain: wordChain, wordsStartConverted: layout.wordsStartConverted)
    }

    deinit {
        nodes.deallocate()
        examineTables.deallocate()
        for index in characterIndexes { index.deallocate() }
        for index in stageIndexes { index.deallocate() }
    }
}
