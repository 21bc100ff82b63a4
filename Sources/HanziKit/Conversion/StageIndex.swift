#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a whole dictionary tree answers at a three-byte character when no word longer than
/// that character can match there, precomputed per character.
///
/// With only one-character candidates, both group policies pick the first dictionary (depth
/// first) that has the character as a word, so the answer does not depend on the text around
/// it. The conversion loop then settles most positions with one lookup and one bigram-filter
/// test, and runs the full tree match only where a longer word may begin.
struct StageIndex {
    /// Per code point U+0800–U+FFFF, a ``Record``; zero when no word of the tree starts with it.
    private let records: UnsafeMutablePointer<UInt64>
    /// The targets of the one-character matches, end to end.
    private let pool: UnsafeMutablePointer<UInt8>
    /// The union of the bigram filters of the tree's lexicons.
    let bigrams: UnsafeMutablePointer<UInt64>

    /// The tree's words at one character, packed in 64 bits.
    struct Record {
        var raw: UInt64
        /// Whether the character alone is a word of some dictionary of the tree.
        var hasMatch: Bool { raw & 1 << 48 != 0 }
        /// Whether some longer word begins with the character.
        var hasLonger: Bool { raw & 1 << 49 != 0 }
        /// Whether the bigram filter cannot rule out the longer words (see ``FirstCharacterIndex/Slot/mustWalk``).
        var mustWalk: Bool { raw & 1 << 50 != 0 }
        /// Whether the full tree match must always decide (a target too long to record).
        var isUndecided: Bool { raw & 1 << 51 != 0 }
        var valueOffset: Int { Int(raw & 0xFFFF_FFFF) }
        var valueLength: Int { Int(raw >> 32 & 0xFFFF) }
    }

    /// Indexes the tree whose leaves, depth first, are `leaves`.
    init(leaves: [(lexicon: LexiconView, index: FirstCharacterIndex)]) {
        records = calloc(0x1_0000, MemoryLayout<UInt64>.stride)!.assumingMemoryBound(to: UInt64.self)
        bigrams = calloc(FirstCharacterIndex.bigramWords, MemoryLayout<UInt64>.stride)!.assumingMemoryBound(to: UInt64.self)
        var values: [UInt8] = []
        for (lexicon, index) in leaves {
            for scalar in index.firstCharacters {
                let slot = index.slot(scalar)
                var record = Record(raw: records[scalar])
                if !record.hasMatch && !record.isUndecided && slot.single >= 0 {
                    let value = lexicon.value(of: slot.single)
                    if value.count > 0xFFFF {
                        record.raw |= 1 << 51
                    } else {
                        record.raw |= UInt64(values.count) | UInt64(value.count) << 32 | 1 << 48
                        values.append(contentsOf: value)
                    }
                }
                if slot.hasLonger { record.raw |= 1 << 49 }
                if slot.mustWalk { record.raw |= 1 << 50 }
                records[scalar] = record.raw
            }
            for w in 0..<FirstCharacterIndex.bigramWords { bigrams[w] |= index.bigrams[w] }
        }
        pool = .allocate(capacity: max(values.count, 1))
        pool.initialize(from: values, count: values.count)
    }

    /// Frees the tables; the index must not be used afterwards.
    func deallocate() {
        free(records)
        free(bigrams)
        pool.deallocate()
    }

    /// The outcome at a three-byte character.
    enum Outcome {
        /// The character alone is the longest match, replaced by `value`.
        case word(UnsafeBufferPointer<UInt8>)
        /// Nothing matches at the character.
        case none
        /// A longer word may begin here: the full tree match decides.
        case undecided
    }

    /// The outcome at `p`, where the character is `scalar` and the text ends by `end`.
    @inline(__always)
    func outcome(_ bytes: UnsafePointer<UInt8>, scalar: Int, at p: Int, end: Int) -> Outcome {
        let record = Record(raw: records[scalar])
        if record.isUndecided { return .undecided }
        if FirstCharacterIndex.mayContinue(hasLonger: record.hasLonger, mustWalk: record.mustWalk, filter: bigrams, bytes,
                                      scalar: scalar, at: p, end: end) {
            return .undecided
        }
        return record.hasMatch ? .word(UnsafeBufferPointer(start: pool + record.valueOffset, count: record.valueLength)) : .none
    }
}
