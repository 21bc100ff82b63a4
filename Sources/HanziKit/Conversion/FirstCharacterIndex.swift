#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A lexicon's words indexed by their first character, for the conversion loop.
///
/// Nearly every position of Chinese text is a three-byte character, and with a large phrase
/// dictionary nearly every one begins some word, so a plain trie walk there costs three steps
/// through a multi-megabyte node array and then more for the next character, only to fail.
/// The index replaces the first three steps by one lookup that also gives the one-character
/// word, and a bigram filter tells, from the first two characters, when no longer word can
/// start here (for OpenCC's phrase dictionary, nine positions out of ten). Both answer
/// exactly: the filter may let a walk through in vain, never skip a word.
struct FirstCharacterIndex {
    /// Per code point U+0800–U+FFFF, a ``Slot``; all zero when no word starts with it.
    private let slots: UnsafeMutablePointer<UInt64>
    /// A Bloom filter (two hashes) of the first two characters of the words of two
    /// characters or more; see ``bigramBits(_:_:)``.
    let bigrams: UnsafeMutablePointer<UInt64>
    /// The code points that begin some word, in key order.
    let firstCharacters: [Int]

    /// The words that begin with one character, packed in 64 bits.
    struct Slot {
        var raw: UInt64
        /// The trie node reached by the character's three bytes.
        var node: Int { Int(raw & 0x3FFF_FFFF) }
        /// The entry of the one-character word, or -1.
        var single: Int32 { Int32(truncatingIfNeeded: raw >> 32) &- 1 }
        /// Whether some longer word begins with the character.
        var hasLonger: Bool { raw & 1 << 30 != 0 }
        /// Whether some longer word continues with a character that is not three bytes long,
        /// which the bigram filter cannot describe.
        var mustWalk: Bool { raw & 1 << 31 != 0 }
    }

    /// The size of the bigram filter in bits is `1 << bigramFilterBits`: 128 KB, for under
    /// 1% false positives with OpenCC's 33,000 phrase beginnings.
    static let bigramFilterBits = 20
    /// The number of 64-bit words of a bigram filter.
    static let bigramWords = 1 << (bigramFilterBits - 6)

    /// Indexes `lexicon`, in time proportional to its number of words.
    init(_ lexicon: Lexicon) {
        // calloc: the pages of code points no word starts with are never touched.
        slots = calloc(0x1_0000, MemoryLayout<UInt64>.stride)!.assumingMemoryBound(to: UInt64.self)
        bigrams = calloc(Self.bigramWords, MemoryLayout<UInt64>.stride)!.assumingMemoryBound(to: UInt64.self)
        var firsts: [Int] = []
        let offsets = lexicon.keyOffsets, pool = lexicon.keyPool
        for entry in 0..<lexicon.count {
            let start = Int(offsets[entry]), length = Int(offsets[entry + 1]) - start
            let key = pool + start
            guard let scalar = Self.scalar(key, at: 0, end: length) else { continue }
            if slots[scalar] == 0 {
                var node = 0
                for k in 0..<3 { node = lexicon.child(node, key[k]) }
                slots[scalar] = UInt64(node)
                firsts.append(scalar)
            }
            if length == 3 {
                slots[scalar] |= UInt64(UInt32(entry) + 1) << 32
                continue
            }
            slots[scalar] |= 1 << 30
            if let second = Self.scalar(key, at: 3, end: length) {
                let (bit1, bit2) = Self.bigramBits(scalar, second)
                bigrams[bit1 >> 6] |= 1 << UInt64(bit1 & 63)
                bigrams[bit2 >> 6] |= 1 << UInt64(bit2 & 63)
            } else {
                slots[scalar] |= 1 << 31
            }
        }
        firstCharacters = firsts
    }

    /// Frees the tables; the index must not be used afterwards.
    func deallocate() {
        free(slots)
        free(bigrams)
    }

    /// The words beginning with the character `scalar`.
    @inline(__always)
    func slot(_ scalar: Int) -> Slot { Slot(raw: slots[scalar]) }

    /// The code point of the well-formed three-byte character at `p` (ending by `end`), or
    /// nil. Overlong and truncated forms are refused, so a code point stands for exactly the
    /// bytes a dictionary key would have.
    @inline(__always)
    static func scalar(_ bytes: UnsafePointer<UInt8>, at p: Int, end: Int) -> Int? {
        guard p + 3 <= end else { return nil }
        let b0 = bytes[p], b1 = bytes[p + 1], b2 = bytes[p + 2]
        guard b0 & 0xF0 == 0xE0, b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b0 != 0xE0 || b1 >= 0xA0 else { return nil }
        return Int(b0 & 0x0F) << 12 | Int(b1 & 0x3F) << 6 | Int(b2 & 0x3F)
    }

    /// The two bits of a bigram filter that stand for the characters `a` and `b`.
    @inline(__always)
    static func bigramBits(_ a: Int, _ b: Int) -> (Int, Int) {
        let mixed = UInt64(truncatingIfNeeded: a << 16 | b) &* 0x9E37_79B9_7F4A_7C15
        return (Int(mixed >> UInt64(64 - bigramFilterBits)), Int(mixed >> 8) & ((1 << bigramFilterBits) - 1))
    }

    /// Whether a word longer than one character may begin at `p`, where the character is
    /// `scalar` and the text ends by `end`; `hasLonger` and `mustWalk` are the ``Slot``
    /// flags of the character, `filter` the bigram filter.
    @inline(__always)
    static func mayContinue(hasLonger: Bool, mustWalk: Bool, filter: UnsafePointer<UInt64>, _ bytes: UnsafePointer<UInt8>,
                            scalar: Int, at p: Int, end: Int) -> Bool {
        guard hasLonger else { return false }
        if mustWalk { return p + 3 < end }
        guard let second = Self.scalar(bytes, at: p + 3, end: end) else { return false }
        let (bit1, bit2) = bigramBits(scalar, second)
        return filter[bit1 >> 6] & (1 << UInt64(bit1 & 63)) != 0 && filter[bit2 >> 6] & (1 << UInt64(bit2 & 63)) != 0
    }

    /// The longest word of `lexicon` (a view of the lexicon indexed) at the three-byte
    /// character `scalar` at `p`, ending by `end`: its end and entry, or nil.
    @inline(__always)
    func longestWord(in lexicon: LexiconView, _ bytes: UnsafePointer<UInt8>, scalar: Int, at p: Int, end: Int) -> (end: Int, entry: Int32)? {
        let slot = slot(scalar)
        guard slot.raw != 0 else { return nil }
        let single = slot.single
        let found: (end: Int, entry: Int32)? = single >= 0 ? (p + 3, single) : nil
        guard Self.mayContinue(hasLonger: slot.hasLonger, mustWalk: slot.mustWalk, filter: bigrams, bytes,
                               scalar: scalar, at: p, end: end) else { return found }
        return lexicon.longestWord(bytes, from: slot.node, at: p + 3, end: min(end, p + lexicon.maxKeyLength), found: found)
    }
}
