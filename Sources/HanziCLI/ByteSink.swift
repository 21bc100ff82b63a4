/// A growable byte buffer that one thread appends many small pieces to, such as the tokens of a
/// line and their separators. Array's `append(contentsOf:)` goes through a generic call that
/// checks uniqueness and capacity each time, which cost 6% of `hanzi segment`; here an append
/// is a capacity check and a copy. Not thread-safe: each worker has its own.
final class ByteSink {
    // One thread owns a sink, so the dynamic exclusivity checks would only cost time.
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// The bytes appended since the last ``drain(into:)``.
    @exclusivity(unchecked) private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Appends `bytes`.
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let n = bytes.count
        if count + n > capacity { grow(to: count + n) }
        let target = base + count
        // Tokens are mostly a few bytes: a short loop beats a call to memcpy.
        if n <= 16 {
            for k in 0..<n { target[k] = source[k] }
        } else {
            target.update(from: source, count: n)
        }
        count += n
    }

    /// Moves the bytes appended so far to the end of `result`.
    func drain(into result: inout [UInt8]) {
        result.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    private func grow(to needed: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, 2 * capacity))
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = max(needed, 2 * capacity)
    }
}
