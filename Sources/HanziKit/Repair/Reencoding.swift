/// Characters re-encoded with a misreading's wrong encoding: the bytes the garbled text was
/// decoded from, with the input character each byte belongs to. A U+FFFD stands for one lost
/// byte (``isLost``); a '?' may (``isQuestionMark``).
struct Reencoding {
    var bytes: [UInt8] = []
    var isLost: [Bool] = []
    var isQuestionMark: [Bool] = []
    /// The input character each byte belongs to.
    var owner: [Int] = []
    /// Whether a byte is the first of its input character.
    var startsCharacter: [Bool] = []

    var count: Int { bytes.count }

    mutating func append(_ byte: UInt8, owner: Int, starts: Bool, lost: Bool = false, question: Bool = false) {
        bytes.append(byte)
        isLost.append(lost)
        isQuestionMark.append(question)
        self.owner.append(owner)
        startsCharacter.append(starts)
    }

    /// Whether byte `i` is unknown: lost, or a '?' where the original needs a byte it cannot be.
    func isUnknown(_ i: Int) -> Bool { isLost[i] || isQuestionMark[i] }

    /// The input characters from the one owning byte `start` to the one owning byte `end - 1`.
    func characters(_ start: Int, _ end: Int) -> Range<Int> { owner[start]..<(owner[end - 1] + 1) }

    /// Splits `scalars` into runs the wrong encoding can encode, and re-encodes each run.
    /// Characters it cannot encode separate runs; U+FFFD becomes a lost byte.
    static func runs(of scalars: [Unicode.Scalar], utf8: [UInt8], offsets: [Int], wrong: Misreading.Wrong,
                     protected: [Range<Int>]) -> [Reencoding] {
        var runs: [Reencoding] = []
        var current = Reencoding()
        func close() {
            if current.bytes.contains(where: { $0 >= 0x80 }) || current.isLost.contains(true) { runs.append(current) }
            current = Reencoding()
        }
        var i = 0
        while i < scalars.count {
            if protected.contains(where: { $0.contains(i) }) {
                close()
                i += 1
                continue
            }
            let scalar = scalars[i]
            if scalar == "\u{FFFD}" {
                current.append(0, owner: i, starts: true, lost: true)
                i += 1
                continue
            }
            if scalar.value < 0x80 {
                current.append(UInt8(scalar.value), owner: i, starts: true, question: scalar == "?")
                i += 1
                continue
            }
            switch wrong {
            case .latin:
                if scalar.value < 0x100 {
                    current.append(UInt8(scalar.value), owner: i, starts: true)
                } else if let byte = Misreading.windows1252High[scalar.value] {
                    current.append(byte, owner: i, starts: true)
                } else {
                    close()
                }
                i += 1
            case let .charset(charset, fallback):
                // Encode the longest stretch of non-ASCII characters up to the next one the
                // charset cannot encode with one ICU call.
                var end = i
                while end < scalars.count && scalars[end].value >= 0x80 && scalars[end] != "\u{FFFD}"
                        && !protected.contains(where: { $0.contains(end) }) {
                    end += 1
                }
                let encoded = utf8.withUnsafeBufferPointer { all -> (bytes: [UInt8], stop: Int) in
                    let slice = UnsafeBufferPointer(rebasing: all[offsets[i]..<offsets[end]])
                    do {
                        return (try charset.encode(utf8: slice), end)
                    } catch let EncodingError.unmappable(offset, _, _) {
                        let stop = offsets.firstIndex(of: offsets[i] + offset) ?? i
                        let prefix = UnsafeBufferPointer(rebasing: all[offsets[i]..<offsets[stop]])
                        return ((try? charset.encode(utf8: prefix)) ?? [], stop)
                    } catch {
                        return ([], i)
                    }
                }
                // Stopping short of `end` means the character at the stop cannot be encoded.
                if encoded.stop == i || !Self.appendDoubleByte(encoded.bytes, scalars: i..<encoded.stop, to: &current) {
                    close()
                    i = max(encoded.stop, i) + 1
                    continue
                }
                i = encoded.stop
                if i < end {
                    if let fallback, let bytes = try? fallback.encode(String(scalars[i])), bytes.count == 2 {
                        current.append(bytes[0], owner: i, starts: true)
                        current.append(bytes[1], owner: i, starts: false)
                    } else {
                        close()
                    }
                    i += 1
                }
            }
        }
        close()
        return runs
    }

    /// Appends the bytes of the non-ASCII characters `scalars` in a double-byte charset: two
    /// bytes each, except a single 0x80 (GBK's €). False if the bytes do not divide that way.
    private static func appendDoubleByte(_ bytes: [UInt8], scalars: Range<Int>, to run: inout Reencoding) -> Bool {
        // Check the split before appending, so a failure leaves the run as it was.
        var widths: [Int] = []
        var b = 0
        for _ in scalars {
            guard b < bytes.count else { return false }
            let width = bytes[b] == 0x80 ? 1 : 2
            widths.append(width)
            b += width
        }
        guard b == bytes.count else { return false }
        b = 0
        for (owner, width) in zip(scalars, widths) {
            for k in 0..<width { run.append(bytes[b + k], owner: owner, starts: k == 0) }
            b += width
        }
        return true
    }
}
