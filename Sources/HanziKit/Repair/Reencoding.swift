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
    /// For a pair of lost bytes standing for a character the wrong charset cannot encode, by the
    /// index of its first byte: the pairs it may have been.
    var pairOptions: [Int: [(UInt8, UInt8)]] = [:]
    /// For a UTF-8 sequence one of whose bytes a decoder dropped, by the index of its lead byte:
    /// the characters it may have been (``restoringDroppedBytes(droppable:mayDrop:)``).
    var droppedOptions: [Int: [Unicode.Scalar]] = [:]

    var count: Int { bytes.count }

    mutating func append(_ byte: UInt8, owner: Int, starts: Bool, lost: Bool = false, question: Bool = false) {
        bytes.append(byte)
        isLost.append(lost)
        isQuestionMark.append(question)
        self.owner.append(owner)
        startsCharacter.append(starts)
    }

    /// Appends byte `k` of `run`, with what it carries.
    mutating func append(byteOf run: Reencoding, at k: Int) {
        if let pairs = run.pairOptions[k] { pairOptions[count] = pairs }
        append(run.bytes[k], owner: run.owner[k], starts: run.startsCharacter[k], lost: run.isLost[k], question: run.isQuestionMark[k])
    }

    /// How many bytes lead a UTF-8 sequence (C2–F4) before another byte, and how many of those
    /// are followed by a byte that continues none (not 80–BF).
    var utf8Leads: (all: Int, withoutContinuation: Int) {
        var leads = (all: 0, withoutContinuation: 0)
        for (byte, next) in zip(bytes, bytes.dropFirst()) where (0xC2...0xF4).contains(byte) {
            leads.all += 1
            if !(0x80...0xBF).contains(next) { leads.withoutContinuation += 1 }
        }
        return leads
    }

    /// Whether bytes `range` are shaped as UTF-8: each lead byte followed by its
    /// continuation bytes, a lost byte taken for one (the five windows-1252 loses all are: 渐,
    /// E6 B8 90, reads as æ¸�), and a character cut at either end allowed (a stretch of GBK
    /// pairs need not begin or end where UTF-8's characters do). Cut at the beginning, it must
    /// hold two whole characters of three bytes or more, as Chinese has: Big5's 而晉， read as
    /// windows-1252 (¦Ó®Ê¡A) is shaped as two-byte UTF-8 after its first byte.
    func isShapedAsUTF8(_ range: Range<Int>) -> Bool {
        func isContinuation(_ j: Int) -> Bool { isLost[j] || bytes[j] & 0xC0 == 0x80 }
        var j = range.lowerBound
        while j < range.upperBound, j < range.lowerBound + 3, isContinuation(j) { j += 1 }
        let isCut = j > range.lowerBound
        var long = 0
        while j < range.upperBound {
            let length = isLost[j] ? 0 : Self.utf8Length(lead: bytes[j])
            guard length > 0 else { return false }
            for k in (j + 1)..<min(j + length, range.upperBound) where !isContinuation(k) { return false }
            if length >= 3 && j + length <= range.upperBound { long += 1 }
            j += length
        }
        return !isCut || long >= 2
    }

    /// The length of the UTF-8 sequence `lead` begins: 1 for ASCII, 2–4 for C2–F4, 0 for a
    /// byte that begins none.
    static func utf8Length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : (0xC2...0xDF).contains(lead) ? 2 : (0xE0...0xEF).contains(lead) ? 3 : (0xF0...0xF4).contains(lead) ? 4 : 0
    }

    /// Whether byte `i` is unknown: lost, or a '?' where the original needs a byte it cannot be.
    func isUnknown(_ i: Int) -> Bool { isLost[i] || isQuestionMark[i] }

    /// The input characters from the one owning byte `start` to the one owning byte `end - 1`.
    func characters(_ start: Int, _ end: Int) -> Range<Int> { owner[start]..<(owner[end - 1] + 1) }

    /// Splits `scalars` into runs the wrong encoding can encode, and re-encodes each run.
    /// Characters it cannot encode separate runs; U+FFFD becomes a lost byte.
    ///
    /// `unencodablePairs` are the pairs a character the charset and its fallback cannot encode
    /// may stand for inside a run (empty: such a character ends the run).
    static func runs(of scalars: [Unicode.Scalar], utf8: [UInt8], offsets: [Int], wrong: Misreading.Wrong,
                     protected: [Range<Int>], unencodablePairs: [(UInt8, UInt8)] = []) -> [Reencoding] {
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
                // charset cannot encode with one ICU call. (At most ``encodingStretch`` of them:
                // a long line where every few characters cannot be encoded would be encoded
                // again to its end after each.)
                var end = i
                while end < scalars.count && end - i < Self.encodingStretch && scalars[end].value >= 0x80 && scalars[end] != "\u{FFFD}"
                        && !protected.contains(where: { $0.contains(end) }) {
                    end += 1
                }
                let encoded = utf8.withUnsafeBufferPointer { all -> (bytes: [UInt8], stop: Int) in
                    let slice = UnsafeBufferPointer(rebasing: all[offsets[i]..<offsets[end]])
                    do {
                        return (try charset.encode(utf8: slice), end)
                    } catch let EncodingError.unmappable(offset, _, _) {
                        let stop = offsets[i...end].firstIndex(of: offsets[i] + offset) ?? i
                        let prefix = UnsafeBufferPointer(rebasing: all[offsets[i]..<offsets[stop]])
                        return ((try? charset.encode(utf8: prefix)) ?? [], stop)
                    } catch {
                        return ([], i)
                    }
                }
                // Stopping short of `end` means the character at the stop cannot be encoded (it
                // may be the first: then only the fallback is tried).
                if encoded.stop > i && !Self.appendDoubleByte(encoded.bytes, scalars: i..<encoded.stop, to: &current) {
                    close()
                    i = encoded.stop + 1
                    continue
                }
                i = encoded.stop
                if i < end {
                    if let pair = fallback?.pair(for: scalars[i]) {
                        current.append(pair.0, owner: i, starts: true)
                        current.append(pair.1, owner: i, starts: false)
                    } else if !unencodablePairs.isEmpty, current.count > 0, current.bytes.last! >= 0x80, !current.isLost.last!,
                              i + 1 < end {
                        // Inside a garbled stretch, a character no ICU variant of the charset
                        // encodes may be what a newer mapping table makes of a pair ICU decodes
                        // only to a private-use character: one of those pairs, chosen in context.
                        current.pairOptions[current.count] = unencodablePairs
                        current.append(0, owner: i, starts: true, lost: true)
                        current.append(0, owner: i, starts: false, lost: true)
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

    /// How many characters one call to the encoder takes at most.
    static let encodingStretch = 256

    /// For UTF-8 read as GBK: a € is either the lone byte 0x80 (how Windows code page 936 reads
    /// it) or the GB18030 pair A2 E3. ICU's GBK encoder writes 0x80; where that cannot be UTF-8
    /// but A2 E3 can — the A2 completes a character and a continuation byte follows, as in
    /// 呢。 (E5 91 A2 E3 80 82) — the pair is what was read.
    mutating func splitEuroSigns(_ scalars: [Unicode.Scalar]) {
        guard bytes.contains(0x80) else { return }
        // Where to split, found first: most runs need no copy.
        var splits: [Int] = []
        var need = 0
        for k in 0..<count {
            let b = bytes[k]
            if isUnknown(k) {
                need = max(0, need - 1)
            } else if b & 0xC0 == 0x80 && need > 0 {
                need -= 1
                // (A continuation byte next is invalid after 0x80, and only E3's first.)
                if b == 0x80, need == 0, scalars[owner[k]] == "€", k + 1 < count, !isUnknown(k + 1), bytes[k + 1] & 0xC0 == 0x80 {
                    splits.append(k)
                    need = 2
                }
            } else {
                need = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0
            }
        }
        for k in splits.reversed() {
            bytes[k] = 0xA2
            bytes.insert(0xE3, at: k + 1)
            isLost.insert(false, at: k + 1)
            isQuestionMark.insert(false, at: k + 1)
            owner.insert(owner[k], at: k + 1)
            startsCharacter.insert(false, at: k + 1)
        }
        if !splits.isEmpty && !pairOptions.isEmpty {
            var moved: [Int: [(UInt8, UInt8)]] = [:]
            for (key, value) in pairOptions { moved[key + splits.count { $0 < key }] = value }
            pairOptions = moved
        }
    }

    /// For UTF-8 read by a decoder that drops what it cannot read instead of writing U+FFFD
    /// (Python's `errors="ignore"`): 他说 (E4 BB 96 E8 AF B4) read as GBK that way is 浠栬达, AF
    /// gone. Where a UTF-8 sequence stops short, the bytes it lacks are put back as lost bytes.
    /// The decoder dropped them at a character boundary of the garbled text inside the sequence,
    /// one of `droppable` where `mayDrop(byte, next)` (`next` nil at the run's end); where one
    /// byte is missing, the characters every such place and byte make are noted
    /// (``droppedOptions``). Nil where no sequence stops short.
    func restoringDroppedBytes(droppable: [UInt8], mayDrop: (UInt8, UInt8?) -> Bool) -> Reencoding? {
        var insertions: [(at: Int, count: Int, lead: Int, options: [Unicode.Scalar]?)] = []
        var need = 0, sequenceStart = 0, sequenceKnown = true
        for k in 0...count {
            if k < count && isUnknown(k) {
                need = max(0, need - 1)
                sequenceKnown = false
                continue
            }
            let byte: UInt8? = k < count ? bytes[k] : nil
            let continues = byte.map { $0 & 0xC0 == 0x80 } ?? false
            if need > 0 && !continues {
                let slots = ((sequenceStart + 1)...k).filter { $0 == count || startsCharacter[$0] }
                let present = Array(bytes[sequenceStart..<k])
                var options: [Unicode.Scalar] = []
                var firstSlot: Int? = nil
                for slot in slots {
                    let next: UInt8? = slot < count && !isUnknown(slot) ? bytes[slot] : nil
                    for byte in droppable where mayDrop(byte, next) {
                        if firstSlot == nil { firstSlot = slot }
                        guard need == 1 && sequenceKnown else { break }
                        var filled = present
                        filled.insert(byte, at: slot - sequenceStart)
                        if let scalar = LineRepair.utf8Scalar(filled), !options.contains(scalar) { options.append(scalar) }
                    }
                }
                if let firstSlot { insertions.append((firstSlot, need, sequenceStart, need == 1 && sequenceKnown ? options : nil)) }
                need = 0
            }
            guard let byte else { break }
            if continues {
                need = max(0, need - 1)
            } else {
                need = max(0, Self.utf8Length(lead: byte) - 1)
                sequenceStart = k
                sequenceKnown = true
            }
        }
        guard !insertions.isEmpty else { return nil }
        var restored = Reencoding()
        var next = 0
        var leads: [Int: Int] = [:]
        for k in 0...count {
            while next < insertions.count && insertions[next].at == k {
                for _ in 0..<insertions[next].count { restored.append(0, owner: owner[k - 1], starts: false, lost: true) }
                next += 1
            }
            guard k < count else { break }
            leads[k] = restored.count
            restored.append(byteOf: self, at: k)
        }
        for insertion in insertions {
            if let options = insertion.options, let lead = leads[insertion.lead] { restored.droppedOptions[lead] = options }
        }
        return restored
    }

    /// The run cut before each input character of `cuts` that begins a character here.
    func split(before cuts: Set<Int>) -> [Reencoding] {
        var pieces: [Reencoding] = []
        var current = Reencoding()
        for k in 0..<count {
            if startsCharacter[k] && cuts.contains(owner[k]) && current.count > 0 {
                pieces.append(current)
                current = Reencoding()
            }
            current.append(byteOf: self, at: k)
        }
        if current.count > 0 { pieces.append(current) }
        return pieces
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
