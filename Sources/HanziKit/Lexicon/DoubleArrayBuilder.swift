/// Places a sorted set of byte strings into a double-array trie.
///
/// Node `s` has a child on byte `c` at `t = base[s] + c` when `check[t] == s`; `entry[s]` is the
/// index of the key ending at `s` (its position in the sorted key list), or -1. Cell 0 is the
/// root. Free cells have `check == -1`, and `nodePadding` free cells follow the last node so a
/// lookup never needs a bounds check on `base + c`.
struct DoubleArrayBuilder {
    private(set) var base: [Int32] = []
    private(set) var check: [Int32] = []
    private(set) var entry: [Int32] = []
    private(set) var nodeCount = 0
    /// Where the search for a free base starts; advanced past densely used regions (as Darts
    /// does) so that placing a node does not rescan the full prefix of the array.
    private var nextCheckPosition = 1

    private mutating func ensureCapacity(_ n: Int) {
        guard n > base.count else { return }
        var size = max(base.count * 2, 1024)
        while size < n { size *= 2 }
        let extra = size - base.count
        base.append(contentsOf: repeatElement(0, count: extra))
        check.append(contentsOf: repeatElement(-1, count: extra))
        entry.append(contentsOf: repeatElement(-1, count: extra))
    }

    mutating func build(keys: [UnsafeBufferPointer<UInt8>]) throws {
        ensureCapacity(keys.count * 4 + LexiconFormat.nodePadding + 1)
        check[0] = -2
        nodeCount = 1
        struct Pending { var node: Int32; var lo: Int; var hi: Int; var depth: Int }
        var stack = [Pending(node: 0, lo: 0, hi: keys.count, depth: 0)]
        var labels: [Int] = []
        var childRanges: [(lo: Int, hi: Int)] = []
        while let item = stack.popLast() {
            var lo = item.lo
            if lo < item.hi && keys[lo].count == item.depth {
                entry[Int(item.node)] = Int32(lo)
                lo += 1
            }
            guard lo < item.hi else { continue }
            labels.removeAll(keepingCapacity: true)
            childRanges.removeAll(keepingCapacity: true)
            var i = lo
            while i < item.hi {
                let label = Int(keys[i][item.depth])
                var j = i + 1
                while j < item.hi && Int(keys[j][item.depth]) == label { j += 1 }
                labels.append(label)
                childRanges.append((i, j))
                i = j
            }
            let b = findBase(for: labels)
            base[Int(item.node)] = Int32(b)
            for (k, label) in labels.enumerated() {
                let t = b + label
                check[t] = item.node
                nodeCount = max(nodeCount, t + 1)
                stack.append(Pending(node: Int32(t), lo: childRanges[k].lo, hi: childRanges[k].hi, depth: item.depth + 1))
            }
        }
        let size = nodeCount + LexiconFormat.nodePadding
        ensureCapacity(size)
        nodeCount = size
        base.removeSubrange(size...)
        check.removeSubrange(size...)
        entry.removeSubrange(size...)
    }

    private mutating func findBase(for labels: [Int]) -> Int {
        let first = labels[0]
        var position = max(first + 1, nextCheckPosition) - 1
        var used = 0
        var scanned = 0
        while true {
            position += 1
            ensureCapacity(position + 256 + LexiconFormat.nodePadding + 1)
            scanned += 1
            if check[position] != -1 {
                used += 1
                continue
            }
            let candidate = position - first
            if candidate < 1 { continue }
            var fits = true
            for label in labels.dropFirst() where check[candidate + label] != -1 {
                fits = false
                break
            }
            if fits {
                if scanned > 16 && Double(used) / Double(scanned) >= 0.95 {
                    nextCheckPosition = position
                }
                return candidate
            }
        }
    }
}
