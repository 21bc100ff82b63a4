/// One way text gets garbled: bytes written in one encoding (``original``) and decoded with
/// another (``wrong``). Undoing it means encoding the garbled characters with ``wrong`` and
/// decoding the bytes with ``original``.
struct Misreading: Sendable {
    /// The encoding the garbled characters are re-encoded with.
    enum Wrong: Sendable {
        /// A charset ICU converts.
        case charset(Charset)
        /// windows-1252, with the C1 controls Latin-1 leaves for the bytes windows-1252 does not
        /// define (0x81 0x8D 0x8F 0x90 0x9D) — what browsers and most mojibake do.
        case latin
    }

    /// The encoding the bytes were written in.
    enum Original: Sendable {
        /// UTF-8, decoded by structure so lost bytes can be enumerated cheaply.
        case utf8
        /// A double-byte charset decoded pair by pair with ICU.
        case charset(Charset)
    }

    let diagnosis: Diagnosis
    let wrong: Wrong
    let original: Original
    /// The bytes a wrong decoder may have lost (written as U+FFFD or '?'): the candidates for
    /// each lost byte.
    let lostBytes: [UInt8]
    /// Characters of which at least one must be in a garbled run before it is repaired
    /// (unless the repair gains at least ``LineRepair/strongGain``).
    let signs: CharacterTable.Signs

    static let all: [Misreading] = [
        Misreading(diagnosis: .utf8AsGBK, wrong: .charset(.gbk), original: .utf8,
                   lostBytes: Array(0x80...0xFE), signs: [.gbkPunctuationMojibake, .gbkTextMojibake]),
        // Only the five bytes windows-1252 leaves undefined can be lost by a windows-1252 decoder.
        Misreading(diagnosis: .utf8AsWindows1252, wrong: .latin, original: .utf8,
                   lostBytes: [0x81, 0x8D, 0x8F, 0x90, 0x9D], signs: [.latinLead]),
        Misreading(diagnosis: .big5AsGBK, wrong: .charset(.gbk), original: .charset(.big5),
                   lostBytes: Array(0x81...0xFE), signs: [.crossMojibake]),
        Misreading(diagnosis: .gbkAsBig5, wrong: .charset(.big5), original: .charset(.gbk),
                   lostBytes: Array(0x81...0xFE), signs: [.crossMojibake]),
    ]

    /// windows-1252's characters at 0x80–0x9F and their bytes, as ICU decodes them.
    static let windows1252High: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for byte in UInt8(0x80)...0x9F {
            if let text = try? Charset.windows1252.decode([byte]), let scalar = text.unicodeScalars.first {
                map[scalar.value] = byte
            }
        }
        return map
    }()
}

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
            case .charset(let charset):
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
                    close()
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
