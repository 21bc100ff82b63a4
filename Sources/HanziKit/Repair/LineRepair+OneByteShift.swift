extension LineRepair {
    /// The lead bytes of GBK's rows of punctuation and symbols (A1–A9), among which the lost
    /// lead of a one-byte shift is looked for: the shift happens at a punctuation mark.
    static let shiftLeads: [UInt8] = Array(0xA1...0xA9)
    /// How many characters after the '?' a shifted stretch may span before an ASCII byte
    /// realigns the decoder.
    static let maximumShiftLength = 40
    /// How many ASCII marks of one stretch may be tried as folded full-width marks.
    static let maximumUnfolded = 3

    /// Proposals that undo the GBK one-byte shift.
    ///
    /// Traditional text stored as GBK: at a punctuation mark the decoder read the lead byte
    /// alone ('?'), then paired each trail byte with the next lead byte until an ASCII byte
    /// put it back in step, and full-width punctuation was folded to ASCII afterwards:
    /// "。”王晟說" (A1A3 A1B1 CDF5 EAC9 D566) became "?" + "！蓖蹶烧" + "f", then "?!蓖蹶烧f".
    /// Undoing it: re-encode the characters after the '?' with ICU (an ASCII mark may be a
    /// folded full-width one), put a candidate lead byte in front, decode pair by pair until the
    /// pairs end where an input character ends, and keep the most plausible reading.
    func oneByteShiftEdits(protecting protected: [Range<Int>]) -> [Edit] {
        var proposals: [Edit] = []
        for q in scalars.indices where scalars[q] == "?" && q + 1 < scalars.count && !protected.contains(where: { $0.contains(q) }) {
            if let edit = shiftEdit(at: q) { proposals.append(edit) }
        }
        return proposals
    }

    /// The best reading of the stretch after the '?' at `q`, if it is clearly better.
    private func shiftEdit(at q: Int) -> Edit? {
        // The GBK bytes each character after the '?' may have come from.
        var choices: [[[UInt8]]] = []
        for scalar in scalars[(q + 1)...].prefix(Self.maximumShiftLength) {
            if scalar.value < 0x80 {
                var options = [[UInt8(scalar.value)]]
                if let folded = Self.fullwidthBytes(of: scalar) { options.append(folded) }
                choices.append(options)
            } else if let bytes = try? Charset.gbk.encode(String(scalar)) {
                choices.append([bytes])
            } else if let bytes = try? Charset.gb18030.encode(String(scalar)), bytes.count == 2 {
                // A GB18030 decoder maps a few more pairs (to Extension A) than GBK has.
                choices.append([bytes])
            } else {
                break
            }
        }
        guard let first = choices.first, first.contains(where: { $0[0] >= 0x80 }) else { return nil }
        var best: Edit? = nil
        for lead in Self.shiftLeads {
            let endsLine = q + 1 + choices.count == scalars.count && scalars.last == "?"
            for reading in shiftedReadings(lead: lead, choices: choices, endsWithLostByte: endsLine) {
                let range = q..<(q + 1 + reading.consumed)
                guard reading.text.contains(where: { $0.value >= 0x80 }), Array(scalars[range]) != reading.text else { continue }
                let gain = self.gain(replacing: range, with: reading.text)
                if gain >= Self.minimumGain && gain > (best?.gain ?? -.infinity) {
                    best = Edit(range: range, replacement: reading.text, diagnosis: .gbkOneByteShift, gain: gain)
                }
            }
        }
        return best
    }

    /// The readings of `lead` followed by the bytes of `choices`, pair by pair, up to the first
    /// place where a pair ends with a character (`consumed` characters after the '?').
    ///
    /// When the shift ran to the end of the line, the last lead byte had no trail and was
    /// written as '?' too (`endsWithLostByte`): its pair is then completed with each trail that
    /// makes a punctuation mark, as lines end with one.
    private func shiftedReadings(lead: UInt8, choices: [[[UInt8]]], endsWithLostByte: Bool) -> [(text: [Unicode.Scalar], consumed: Int)] {
        var readings: [(text: [Unicode.Scalar], consumed: Int)] = []
        func walk(_ k: Int, pending: UInt8?, text: [Unicode.Scalar], unfolded: Int) {
            guard k < choices.count else { return }
            if k == choices.count - 1, endsWithLostByte, let lead = pending, !text.isEmpty {
                for trail in UInt8(0x40)...0xFE {
                    if let mark = Self.decodePair(lead, trail, .gbk), model.table.kind(mark) == .chinesePunctuation {
                        readings.append((text + [mark], k + 1))
                    }
                }
                return
            }
            for (n, bytes) in choices[k].enumerated() {
                let unfolding = n > 0
                guard !unfolding || unfolded < Self.maximumUnfolded else { continue }
                var pending = pending
                var text = text
                var valid = true
                for byte in bytes {
                    if let lead = pending {
                        guard let scalar = Self.decodePair(lead, byte, .gbk) else { valid = false; break }
                        // The first pair is the punctuation mark whose lead was lost.
                        if text.isEmpty && model.table.kind(scalar) != .chinesePunctuation { valid = false; break }
                        text.append(scalar)
                        pending = nil
                    } else if byte < 0x80 {
                        text.append(Unicode.Scalar(byte))
                    } else {
                        pending = byte
                    }
                }
                guard valid else { continue }
                if pending == nil {
                    readings.append((text, k + 1))
                } else {
                    walk(k + 1, pending: pending, text: text, unfolded: unfolded + (unfolding ? 1 : 0))
                }
            }
        }
        walk(0, pending: lead, text: [], unfolded: 0)
        return readings
    }

    /// The GBK bytes of the full-width form of an ASCII punctuation mark (`,` → ，), which
    /// folding to ASCII may have replaced.
    static func fullwidthBytes(of scalar: Unicode.Scalar) -> [UInt8]? {
        guard scalar.value >= 0x21 && scalar.value <= 0x7E, !scalar.properties.isAlphabetic,
              !(0x30...0x39).contains(scalar.value),
              let fullwidth = Unicode.Scalar(0xFF01 + scalar.value - 0x21) else { return nil }
        return try? Charset.gbk.encode(String(fullwidth))
    }
}
