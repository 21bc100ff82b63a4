/// UTF-8 scanning rules that OpenCC 1.4.2 applies where no dictionary word matches: how far
/// one "character" reaches, and ideographic description sequences (IDS, e.g. `⿰钅只`), which
/// it keeps whole so that a character described by parts is never converted part by part.
enum TextUnit {
    /// The byte length OpenCC gives the character whose first byte is `lead`: 1–4 for UTF-8,
    /// 5 and 6 for the obsolete long forms, 0 for a byte that cannot begin one.
    @inline(__always)
    static func openCCLength(lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xC0 { return 0 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        if lead < 0xF8 { return 4 }
        if lead < 0xFC { return 5 }
        if lead < 0xFE { return 6 }
        return 0
    }

    /// The number of bytes to copy for the unmatched character at a byte `lead`: OpenCC's
    /// length, or 1 for a byte that cannot begin a character (OpenCC throws there; the CLI
    /// rejects invalid UTF-8 before, and the library must just never crash).
    @inline(__always)
    static func length(lead: UInt8) -> Int {
        max(openCCLength(lead: lead), 1)
    }

    /// Whether the three bytes at `p` spell an ideographic description operator
    /// (U+2FF0–U+2FFF, `E2 BF B0`–`E2 BF BF`).
    @inline(__always)
    static func isOperator(_ text: UnsafePointer<UInt8>, at p: Int, end: Int) -> Bool {
        p + 2 < end && text[p] == 0xE2 && text[p + 1] == 0xBF && text[p + 2] >= 0xB0
    }

    /// The byte length of the complete ideographic description sequence starting at `p`
    /// and ending at or before `end`, or 0 when there is none (not an operator, too few
    /// components before `end`, nested deeper than 16 or longer than 64 characters).
    static func descriptionSequenceLength(_ text: UnsafePointer<UInt8>, at p: Int, end: Int) -> Int {
        guard isOperator(text, at: p, end: end) else { return 0 }
        var scalars = 0
        if case let .complete(length) = parse(text, at: p, end: end, depthLeft: 16, scalars: &scalars) { return length }
        return 0
    }

    /// How the parse of a description sequence ended.
    enum Parse {
        case complete(Int)
        case incomplete
        case invalid
    }

    /// The number of components an operator takes, 0 for any other code point.
    static func arity(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0x2FF2, 0x2FF3: 3
        case 0x2FFE, 0x2FFF: 1
        case 0x2FF0...0x2FFD: 2
        default: 0
        }
    }

    /// Parses one component: a character, or an operator and its components, recursively.
    /// Mirrors OpenCC's decoding, including its tolerance of malformed continuation bytes.
    static func parse(_ text: UnsafePointer<UInt8>, at p: Int, end: Int, depthLeft: Int, scalars: inout Int) -> Parse {
        let available = end - p
        if available <= 0 { return .incomplete }
        if depthLeft == 0 || scalars >= 64 { return .invalid }
        let lead = text[p]
        let length = openCCLength(lead: lead)
        if length == 0 { return .invalid }
        if length > available { return .incomplete }
        scalars += 1
        var scalar = length == 1 ? UInt32(lead) : UInt32(lead) & ((1 << (7 - length)) - 1)
        if length > 1 {
            for k in 1..<length { scalar = scalar << 6 | UInt32(text[p + k] & 0x3F) }
        }
        let operands = arity(scalar)
        if operands == 0 { return .complete(length) }
        var offset = length
        for _ in 0..<operands {
            if offset >= available { return .incomplete }
            switch parse(text, at: p + offset, end: end, depthLeft: depthLeft - 1, scalars: &scalars) {
            case let .complete(n): offset += n
            case let other: return other
            }
        }
        return .complete(offset)
    }
}
