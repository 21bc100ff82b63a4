extension Segmenter {
    /// Scratch memory for segmentation, reused from call to call so that segmenting a line
    /// allocates nothing once the buffers have grown to the longest block seen.
    ///
    /// A workspace is not thread-safe: give each thread its own (the segmenter itself is shared
    /// freely). Its memory grows to about 18 bytes per character of the longest run of Han and
    /// ASCII word characters segmented, since jieba's route spans a whole run.
    ///
    /// The buffers skip Swift's dynamic exclusivity checks (`@exclusivity(unchecked)`): a
    /// workspace belongs to one thread, and checking every access to them cost 4% of segmenting.
    public final class Workspace {
        /// Characters the per-block buffers hold.
        @exclusivity(unchecked) private var capacity = 0
        /// Byte offset of each character of the current block from the block's start, and of
        /// the block's end after the last character.
        @exclusivity(unchecked) private(set) var offsets: UnsafeMutablePointer<UInt32>
        /// The ``CharacterIndex`` code of each character of the current block.
        @exclusivity(unchecked) private(set) var codes: UnsafeMutablePointer<UInt16>
        /// For each character, the end (character index) of the block it belongs to: words
        /// never run past it. Several blocks are walked as one batch (see `Segmenter.segment`).
        @exclusivity(unchecked) private(set) var limits: UnsafeMutablePointer<Int32>
        /// jieba's `route`: best log-probability from each character to the block's end …
        @exclusivity(unchecked) private(set) var probabilities: UnsafeMutablePointer<Double>
        /// … and the character index where the best first word from there ends.
        @exclusivity(unchecked) private(set) var next: UnsafeMutablePointer<Int32>

        /// The DAG of a chunk of a block: the words starting at chunk position `k` are entries
        /// `dagStarts[k] ..< dagStarts[k + 1]` of `dagEnds` (end, as a character index of the
        /// block) and `dagLogs` (`log(frequency)`).
        @exclusivity(unchecked) private(set) var dagStarts: UnsafeMutablePointer<UInt32>
        @exclusivity(unchecked) private(set) var dagEnds: UnsafeMutablePointer<Int32>
        @exclusivity(unchecked) private(set) var dagLogs: UnsafeMutablePointer<Double>
        @exclusivity(unchecked) private var dagCapacity = 0

        /// The depth-by-depth walk of a chunk through the character index (see
        /// `Segmenter.buildDAG(index:…)`): each position's node, the positions still walking,
        /// those walking at the next depth …
        @exclusivity(unchecked) private(set) var batchNodes: UnsafeMutablePointer<Int32>
        @exclusivity(unchecked) private(set) var batchActive: UnsafeMutablePointer<Int32>
        @exclusivity(unchecked) private(set) var batchFollowing: UnsafeMutablePointer<Int32>
        /// … and the words found: row, end, word class.
        @exclusivity(unchecked) private(set) var wordRows: UnsafeMutablePointer<Int32>
        @exclusivity(unchecked) private(set) var wordEnds: UnsafeMutablePointer<Int32>
        @exclusivity(unchecked) private(set) var wordClasses: UnsafeMutablePointer<Int32>
        @exclusivity(unchecked) private var wordCapacity = 0

        /// Characters the HMM buffers hold.
        @exclusivity(unchecked) private var hmmCapacity = 0
        /// Viterbi back-pointers, four per character (one per state).
        @exclusivity(unchecked) private(set) var backPointers: UnsafeMutablePointer<UInt8>
        /// Viterbi states of the best path, one per character.
        @exclusivity(unchecked) private(set) var states: UnsafeMutablePointer<UInt8>
        /// Emission rows of the characters of an HMM run (code point − U+4E00, times 4).
        @exclusivity(unchecked) private(set) var emissionRows: UnsafeMutablePointer<Int32>

        /// The pieces of the current batch, three numbers each: byte start, byte end, and the
        /// character index where a block's characters begin (-1 for a character outside blocks).
        @exclusivity(unchecked) var batch: [Int] = []

        /// The joined tokens of a line (see `Segmenter.appendJoinedTokens`).
        @exclusivity(unchecked) private var joined: UnsafeMutablePointer<UInt8> = .allocate(capacity: 1)
        @exclusivity(unchecked) private var joinedCapacity = 1

        /// The joined-tokens buffer, with room for `capacity` bytes.
        func joinedText(capacity: Int) -> UnsafeMutablePointer<UInt8> {
            if capacity > joinedCapacity {
                joined.deallocate()
                joinedCapacity = max(capacity, 2 * joinedCapacity)
                joined = .allocate(capacity: joinedCapacity)
            }
            return joined
        }

        /// The Simplified form of a Traditional line …
        var folded: [UInt8] = []
        /// … and, per byte of it, the offset in the line it comes from (see `TraditionalFolding`).
        var origins: [Int32] = []

        /// Positions of a block whose DAG is held at once: memory stays bounded however long
        /// the block.
        static let dagChunk = 4096

        /// Creates an empty workspace.
        public init() {
            offsets = .allocate(capacity: 1)
            codes = .allocate(capacity: 1)
            limits = .allocate(capacity: 1)
            probabilities = .allocate(capacity: 1)
            next = .allocate(capacity: 1)
            dagStarts = .allocate(capacity: Self.dagChunk + 1)
            dagEnds = .allocate(capacity: 1)
            dagLogs = .allocate(capacity: 1)
            batchNodes = .allocate(capacity: Self.dagChunk)
            batchActive = .allocate(capacity: Self.dagChunk)
            batchFollowing = .allocate(capacity: Self.dagChunk)
            wordRows = .allocate(capacity: 1)
            wordEnds = .allocate(capacity: 1)
            wordClasses = .allocate(capacity: 1)
            backPointers = .allocate(capacity: 1)
            states = .allocate(capacity: 1)
            emissionRows = .allocate(capacity: 1)
            reserve(characters: 1024)
            reserveDAG(entries: 4 * Self.dagChunk)
        }

        /// Makes room for a block of `characters` characters.
        @inline(__always)
        func reserve(characters: Int) {
            guard characters > capacity else { return }
            let n = max(characters, capacity * 2)
            offsets.deallocate()
            codes.deallocate()
            limits.deallocate()
            probabilities.deallocate()
            next.deallocate()
            offsets = .allocate(capacity: n + 1)
            codes = .allocate(capacity: n + 1)
            limits = .allocate(capacity: n + 1)
            probabilities = .allocate(capacity: n + 1)
            next = .allocate(capacity: n + 1)
            capacity = n
        }

        /// Whether the DAG row of `position` has a word ending at character `end`.
        @inline(__always)
        func dagRow(_ position: Int, hasWordEndingAt end: Int) -> Bool {
            for q in Int(dagStarts[position])..<Int(dagStarts[position + 1]) where Int(dagEnds[q]) == end { return true }
            return false
        }

        /// Makes room for `entries` DAG entries, keeping those already there.
        @inline(__always)
        func reserveDAG(entries: Int) {
            guard entries > dagCapacity else { return }
            let n = max(entries, dagCapacity * 2)
            let ends = UnsafeMutablePointer<Int32>.allocate(capacity: n)
            let logs = UnsafeMutablePointer<Double>.allocate(capacity: n)
            ends.update(from: dagEnds, count: dagCapacity)
            logs.update(from: dagLogs, count: dagCapacity)
            dagEnds.deallocate()
            dagLogs.deallocate()
            dagEnds = ends
            dagLogs = logs
            dagCapacity = n
        }

        /// Makes room for `words` words found by the depth-by-depth walk, keeping those there.
        @inline(__always)
        func reserveWords(_ words: Int) {
            guard words > wordCapacity else { return }
            let n = max(words, wordCapacity * 2, 4 * Self.dagChunk)
            for column in [\Workspace.wordRows, \Workspace.wordEnds, \Workspace.wordClasses] as [ReferenceWritableKeyPath<Workspace, UnsafeMutablePointer<Int32>>] {
                let grown = UnsafeMutablePointer<Int32>.allocate(capacity: n)
                grown.update(from: self[keyPath: column], count: wordCapacity)
                self[keyPath: column].deallocate()
                self[keyPath: column] = grown
            }
            wordCapacity = n
        }

        /// Makes room for an HMM run of `characters` characters.
        @inline(__always)
        func reserveHMM(characters: Int) {
            guard characters > hmmCapacity else { return }
            let n = max(characters, hmmCapacity * 2, 64)
            backPointers.deallocate()
            states.deallocate()
            emissionRows.deallocate()
            backPointers = .allocate(capacity: 4 * n)
            states = .allocate(capacity: n)
            emissionRows = .allocate(capacity: n)
            hmmCapacity = n
        }

        deinit {
            offsets.deallocate()
            codes.deallocate()
            limits.deallocate()
            probabilities.deallocate()
            next.deallocate()
            dagStarts.deallocate()
            dagEnds.deallocate()
            dagLogs.deallocate()
            batchNodes.deallocate()
            batchActive.deallocate()
            batchFollowing.deallocate()
            wordRows.deallocate()
            wordEnds.deallocate()
            wordClasses.deallocate()
            backPointers.deallocate()
            states.deallocate()
            emissionRows.deallocate()
            joined.deallocate()
        }
    }
}
