/// Dictionary trees flattened for the conversion loop: the nodes of every tree of a converter
/// in one buffer, a group's children side by side, and no reference counting on the way
/// (a matcher never outlives the converter that owns the lexicons).
struct DictionaryMatcher {
    /// One node of a flattened tree.
    struct Node {
        enum Kind { case leaf, shortCircuit, union }
        var kind: Kind
        var firstChild: Int
        var childCount: Int
        /// The leaf's lexicon (the converter keeps it alive).
        var lexicon: LexiconView?
        /// The leaf's first-character index, owned by the converter.
        var index: FirstCharacterIndex?
    }

    /// A match: the end of the matched text and what replaces it.
    struct Match {
        var end: Int
        var value: UnsafeBufferPointer<UInt8>
    }

    let nodes: UnsafeBufferPointer<Node>

    /// The longest match at `p` of the tree rooted at `node`, ending at or before `end`, with
    /// OpenCC's group semantics: short-circuit takes the first child that matches, union the
    /// longest match of all children, the earlier child winning a tie.
    @inline(__always)
    func match(_ node: Int, in text: UnsafeBufferPointer<UInt8>, at p: Int, end: Int) -> Match? {
        match(node, in: text, at: p, end: end, scalar: FirstCharacterIndex.scalar(text.baseAddress!, at: p, end: end))
    }

    /// ``match(_:in:at:end:)`` given the code point of the character at `p` when it is a
    /// three-byte one (decoded once for every dictionary of the tree).
    private func match(_ node: Int, in text: UnsafeBufferPointer<UInt8>, at p: Int, end: Int, scalar: Int?) -> Match? {
        let n = nodes[node]
        switch n.kind {
        case .leaf:
            let lexicon = n.lexicon.unsafelyUnwrapped
            let word: (end: Int, entry: Int32)?
            if let scalar, let index = n.index {
                word = index.longestWord(in: lexicon, text.baseAddress!, scalar: scalar, at: p, end: end)
            } else {
                word = lexicon.longestWord(text.baseAddress!, at: p, end: end)
            }
            guard let word else { return nil }
            return Match(end: word.end, value: lexicon.value(of: word.entry))
        case .shortCircuit:
            for child in n.firstChild..<(n.firstChild + n.childCount) {
                if let found = match(child, in: text, at: p, end: end, scalar: scalar) { return found }
            }
            return nil
        case .union:
            var best: Match?
            for child in n.firstChild..<(n.firstChild + n.childCount) {
                if let found = match(child, in: text, at: p, end: end, scalar: scalar), found.end > best?.end ?? Int.min { best = found }
            }
            return best
        }
    }

    /// The lexicons and indexes of the leaves of the tree rooted at `node`, depth first.
    func leaves(_ node: Int) -> [(lexicon: LexiconView, index: FirstCharacterIndex)] {
        let n = nodes[node]
        if let lexicon = n.lexicon, let index = n.index { return [(lexicon, index)] }
        return (n.firstChild..<(n.firstChild + n.childCount)).flatMap { leaves($0) }
    }

    /// Marks in `table` the bytes that begin some word of the tree rooted at `node`.
    func markStartBytes(_ node: Int, in table: UnsafeMutablePointer<Bool>) {
        let n = nodes[node]
        if let lexicon = n.lexicon {
            for byte in 0...255 where lexicon.child(0, UInt8(byte)) >= 0 { table[byte] = true }
        } else {
            for child in n.firstChild..<(n.firstChild + n.childCount) { markStartBytes(child, in: table) }
        }
    }

    /// Lays out trees breadth first, so that each group's children are consecutive.
    /// - Returns: the nodes and the index of each tree's root.
    /// - Parameter indexes: the first-character index of each lexicon, by identity.
    static func flatten(_ trees: [DictionaryTree], indexes: [ObjectIdentifier: FirstCharacterIndex]) -> (nodes: [Node], roots: [Int]) {
        var nodes: [Node] = []
        var roots: [Int] = []
        for tree in trees {
            roots.append(nodes.count)
            var queue: [(tree: DictionaryTree, slot: Int)] = [(tree, nodes.count)]
            nodes.append(Node(kind: .leaf, firstChild: 0, childCount: 0, lexicon: nil))
            var head = 0
            while head < queue.count {
                let (current, slot) = queue[head]
                head += 1
                switch current {
                case let .lexicon(lexicon):
                    nodes[slot] = Node(kind: .leaf, firstChild: 0, childCount: 0, lexicon: LexiconView(lexicon),
                                       index: indexes[ObjectIdentifier(lexicon)])
                case let .group(children, policy):
                    nodes[slot] = Node(kind: policy == .union ? .union : .shortCircuit,
                                       firstChild: nodes.count, childCount: children.count, lexicon: nil)
                    for child in children {
                        queue.append((child, nodes.count))
                        nodes.append(Node(kind: .leaf, firstChild: 0, childCount: 0, lexicon: nil))
                    }
                }
            }
        }
        return (nodes, roots)
    }
}
