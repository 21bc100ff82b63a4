extension Charset {
    /// The character the two bytes `lead` `trail` decode to (ICU, strict), or nil. Pairs of
    /// GBK, Big5 and Big5-HKSCS with a lead byte from 0x80 are looked up in a table.
    func decodePair(_ lead: UInt8, _ trail: UInt8) -> Unicode.Scalar? {
        let pairs: [UInt32]? = switch self {
        case .gbk: PairTables.gbk
        case .big5: PairTables.big5
        case .big5HKSCS: PairTables.big5HKSCS
        default: nil
        }
        if let pairs, lead >= 0x80 {
            let value = pairs[Int(lead - 0x80) << 8 | Int(trail)]
            return value == 0 ? nil : Unicode.Scalar(value)
        }
        guard let value = decodePairWithICU(lead, trail) else { return nil }
        return Unicode.Scalar(value)
    }

    private func decodePairWithICU(_ lead: UInt8, _ trail: UInt8) -> UInt32? {
        let input = [lead, trail]
        // Most pairs tried are invalid: tell them without building an error.
        guard canDecode(input) else { return nil }
        var output = [UInt8](repeating: 0, count: 16)
        let length = input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { (try? decode(input, into: $0, mode: .strict)) ?? 0 }
        }
        guard length > 0, length <= 4 else { return nil }
        let (value, width) = output.withUnsafeBufferPointer { UTF8Scalar.decodeWellFormed(UnsafeBufferPointer(rebasing: $0[0..<length]), at: 0) }
        return width == length ? value : nil
    }
}

/// What ICU decodes each pair of a double-byte charset with a lead byte from 0x80 to, 0 where
/// nothing: the character table's signs, undoing the GBK shift, and choosing the bytes a
/// decoder lost decode the same pairs again and again. Each is built the first time it is needed.
private enum PairTables {
    static let gbk = table(.gbk)
    static let big5 = table(.big5)
    static let big5HKSCS = table(.big5HKSCS)

    static func table(_ charset: Charset) -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 0x8000)
        // A row at a time, each pair followed by a line feed (one ICU call, not 192): what the
        // decoder makes of a pair is what stands between two line feeds, since no double-byte
        // charset takes one as a trail byte. Trail bytes below 0x40 make no pair (GBK's and
        // Big5's trails start there), nor does a pair read as anything but one scalar.
        let trails = UInt8(0x40)...0xFF
        var row: [UInt8] = []
        row.reserveCapacity(trails.count * 3)
        for lead in UInt8(0x80)...0xFF {
            row.removeAll(keepingCapacity: true)
            for trail in trails { row += [lead, trail, 0x0A] }
            guard let decoded = try? charset.decode(row, mode: .substitute) else { continue }
            Array(decoded.utf8).withUnsafeBufferPointer { pieces in
                var i = 0
                for trail in trails where i < pieces.count {
                    if pieces[i] != 0x0A {
                        let (value, width) = UTF8Scalar.decodeWellFormed(pieces, at: i)
                        if value != 0xFFFD, i + width < pieces.count, pieces[i + width] == 0x0A {
                            table[Int(lead - 0x80) << 8 | Int(trail)] = value
                        }
                    }
                    while i < pieces.count && pieces[i] != 0x0A { i += 1 }
                    i += 1
                }
            }
        }
        return table
    }
}
