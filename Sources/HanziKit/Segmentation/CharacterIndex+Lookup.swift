import CMemoryHints

extension CharacterIndex {
    /// The index's tables as the DAG walk reads them: plain pointers, so that passing the
    /// lookup around costs no reference counting. The index is shared by every worker, and
    /// retaining it per block would be an atomic write to memory all of them share. Valid while
    /// the ``CharacterIndex`` it comes from lives.
    struct Lookup: @unchecked Sendable {
        // Safety of @unchecked: the tables are only read once the index is built.
        let rootSteps: UnsafeMutablePointer<Int32>
        let slots: UnsafeMutablePointer<UInt64>
        let bucketMask: Int
        let bucketShift: UInt64
        let logFrequencies: UnsafeMutablePointer<Double>

        @inline(__always)
        func bucket(of key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> bucketShift)
        }

        /// One step of the walk: from `node` on the character `code`, the node reached shifted left
        /// by one, plus one when a word ends there; -1 when no word goes on with the character.
        @inline(__always)
        func step(_ node: Int, _ code: Int) -> Int {
            if node == 0 { return Int(rootSteps[code]) }
            let key = UInt64(truncatingIfNeeded: node) << 15 | UInt64(truncatingIfNeeded: code)
            let b = slots + 4 * bucket(of: key)
            // Selects rather than branches: the answer depends on memory just read, and a
            // mispredicted branch would throw away the other lookups in flight.
            let v0 = b[0], v1 = b[1], v2 = b[2], v3 = b[3]
            var found = v3 >> 23 == key ? Int(v3 & 0x7F_FFFF) : -1
            found = v2 >> 23 == key ? Int(v2 & 0x7F_FFFF) : found
            found = v1 >> 23 == key ? Int(v1 & 0x7F_FFFF) : found
            found = v0 >> 23 == key ? Int(v0 & 0x7F_FFFF) : found
            if found < 0 && v3 != 0 { return spilledStep(key, after: bucket(of: key)) }
            return found
        }

        /// ``step(_:_:)`` from the root: the root's children are a table, read without hashing.
        @inline(__always)
        func rootStep(_ code: Int) -> Int { Int(rootSteps[code]) }

        /// Starts loading the bucket ``step(_:_:)`` will read for `node` and `code`.
        @inline(__always)
        func prefetch(_ node: Int, _ code: Int) {
            guard node != 0 else { return }
            let key = UInt64(truncatingIfNeeded: node) << 15 | UInt64(truncatingIfNeeded: code)
            hanzi_prefetch(slots + 4 * bucket(of: key))
        }

        /// Starts loading the `log(frequency)` of the word ending at `node`.
        @inline(__always)
        func prefetchLogFrequency(_ node: Int) {
            hanzi_prefetch(logFrequencies + node)
        }

        /// The rest of a lookup whose bucket is full: the following buckets, up to one with room.
        private func spilledStep(_ key: UInt64, after first: Int) -> Int {
            var bucket = (first + 1) & bucketMask
            while true {
                for slot in 0..<4 {
                    let value = slots[4 * bucket + slot]
                    if value == 0 { return -1 }
                    if value >> 23 == key { return Int(value & 0x7F_FFFF) }
                }
                bucket = (bucket + 1) & bucketMask
            }
        }

        /// The `log(frequency)` of the word ending at `node` (a node ``step(_:_:)`` marked).
        @inline(__always)
        func logFrequency(_ node: Int) -> Double { logFrequencies[node] }
    }
}
