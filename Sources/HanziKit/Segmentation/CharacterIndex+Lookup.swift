import CMemoryHints

extension CharacterIndex {
    /// The index's tables as the DAG walk reads them: plain pointers, so that passing the
    /// lookup around costs no reference counting. The index is shared by every worker, and
    /// retaining it per block would be an atomic write to memory all of them share. Valid while
    /// the ``CharacterIndex`` it comes from lives.
    struct Lookup: @unchecked Sendable {
        // Safety of @unchecked: the tables are only read once the index is built.
        let rootEntries: UnsafeMutablePointer<UInt64>
        let slots: UnsafeMutablePointer<UInt64>
        let classLogs: UnsafeMutablePointer<Double>
        let bucketMask: Int
        let bucketShift: UInt64
        /// The first node number of the root's children (the number of slots).
        let rootChildren: Int
        let classMask: UInt64
        let classBits: UInt64
        let filterBits: UInt64
        let keyShift: UInt64
        let overflowMask: UInt64

        /// The root's node number.
        static let root = -1

        init(rootEntries: UnsafeMutablePointer<UInt64>, slots: UnsafeMutablePointer<UInt64>,
             classLogs: UnsafeMutablePointer<Double>, buckets: Int, layout: Layout) {
            self.rootEntries = rootEntries
            self.slots = slots
            self.classLogs = classLogs
            bucketMask = buckets - 1
            bucketShift = UInt64(64 - buckets.trailingZeroBitCount)
            rootChildren = 4 * buckets
            classBits = UInt64(layout.classBits)
            classMask = 1 << classBits - 1
            filterBits = UInt64(layout.filterBits)
            keyShift = UInt64(layout.keyShift)
            overflowMask = 1 << UInt64(layout.overflowBit)
        }

        // Shifts by stored amounts are written `&>>`: they are always below 64, and a plain `>>`
        // would test that at every lookup.
        @inline(__always)
        func bucket(of key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> bucketShift)
        }

        /// The node number of the root's child on `code`.
        @inline(__always)
        func rootNode(_ code: Int) -> Int { rootChildren + code }

        /// The entry of the root's child on `code`: 0 when there is none.
        @inline(__always)
        func rootEntry(_ code: Int) -> UInt64 { rootEntries[code] }

        /// One step of the walk: from `node` on the character `code`, the node reached and its
        /// entry; node -1 (and entry 0) when no word goes on with the character. Transparent
        /// because `@inline(__always)` left it a call in the walk's loop, which returns a tuple.
        @_transparent
        func step(_ node: Int, _ code: Int) -> (node: Int, entry: UInt64) {
            if node == Self.root {
                let entry = rootEntries[code]
                return (entry != 0 ? rootNode(code) : -1, entry)
            }
            let key = UInt64(truncatingIfNeeded: node) << CharacterIndex.codeBits | UInt64(truncatingIfNeeded: code)
            let home = bucket(of: key)
            let b = slots + 4 * home
            // Selects rather than branches: the answer depends on memory just read, and a
            // mispredicted branch would throw away the other lookups in flight.
            let v0 = b[0], v1 = b[1], v2 = b[2], v3 = b[3]
            var found = v3 &>> keyShift == key ? 3 : -1
            found = v2 &>> keyShift == key ? 2 : found
            found = v1 &>> keyShift == key ? 1 : found
            found = v0 &>> keyShift == key ? 0 : found
            var entry = v3 &>> keyShift == key ? v3 : 0
            entry = v2 &>> keyShift == key ? v2 : entry
            entry = v1 &>> keyShift == key ? v1 : entry
            entry = v0 &>> keyShift == key ? v0 : entry
            // Only a bucket that overflowed sends a missing key on to the next.
            if found < 0 && v3 & overflowMask != 0 { return spilledStep(key, after: home) }
            return (found < 0 ? -1 : 4 * home + found, entry)
        }

        /// Whether the node of `entry` may have a child on `code`: false means it has none.
        @inline(__always)
        func mayGoOn(_ entry: UInt64, _ code: Int) -> Bool {
            entry &>> (classBits &+ UInt64(truncatingIfNeeded: filterBit(code))) & 1 != 0
        }

        /// The filter bit of `code`: a hash of the code onto `[0, filterBits)`.
        @inline(__always)
        func filterBit(_ code: Int) -> Int {
            let hash = (UInt64(truncatingIfNeeded: code) &* 0x9E37_79B9_7F4A_7C15) >> 32
            return Int(truncatingIfNeeded: (hash &* filterBits) >> 32)
        }

        /// The word class in `entry`: 0 when no word ends at its node.
        @inline(__always)
        func wordClass(_ entry: UInt64) -> Int { Int(truncatingIfNeeded: entry & classMask) }

        /// The `log(frequency)` of the words of class `wordClass` (not 0).
        @inline(__always)
        func logFrequency(ofClass wordClass: Int) -> Double { classLogs[wordClass] }

        /// Starts loading the bucket ``step(_:_:)`` will read for `node` (not the root) and `code`
        /// when `needed`. The address is chosen rather than the prefetch branched around: whether a
        /// walk goes on depends on memory just read, and a mispredicted branch would throw away
        /// the lookups in flight behind it.
        @inline(__always)
        func prefetch(_ node: Int, _ code: Int, if needed: Bool) {
            let key = UInt64(truncatingIfNeeded: node) << CharacterIndex.codeBits | UInt64(truncatingIfNeeded: code)
            hanzi_prefetch(slots + (needed ? 4 * bucket(of: key) : 0))
        }

        /// The rest of a lookup whose bucket overflowed: the following buckets, up to one with
        /// room or one that did not overflow.
        @inline(never)
        private func spilledStep(_ key: UInt64, after first: Int) -> (node: Int, entry: UInt64) {
            var bucket = (first + 1) & bucketMask
            while true {
                for slot in 0..<4 {
                    let value = slots[4 * bucket + slot]
                    if value == 0 { return (-1, 0) }
                    if value &>> keyShift == key { return (4 * bucket + slot, value) }
                }
                if slots[4 * bucket + 3] & overflowMask == 0 { return (-1, 0) }
                bucket = (bucket + 1) & bucketMask
            }
        }
    }
}
