import HanziKit

/// Text normalized for indexing — full-width letters and digits made ASCII, thousands
/// separators dropped, and (with a converter) Traditional, Taiwan and Hong Kong writing folded
/// to Simplified — with, for every character boundary of the result, the offset in the original
/// text it stands for, so that tokens cut from the folded text report the original's offsets.
///
/// Conversion changes the length of some phrases (隨身碟 → U盘), so not every boundary has an
/// original: ``origins`` holds -1 there and a token widens to the nearest boundaries that do.
/// A value reused from text to text: its buffers grow to the largest text and stay.
struct FoldedText {
    /// The normalized UTF-8.
    private(set) var bytes: [UInt8] = []
    /// Per byte of ``bytes``, plus one for its end: the original offset of the character
    /// boundary there, or -1 (inside a character, or inside a phrase whose conversion changed
    /// its length).
    private(set) var origins: [Int32] = []

    // Working memory for one run of convertible characters.
    private var runInput: [UInt8] = []
    private var runCharacterStarts: [Int] = []
    private var runOrigins: [Int32] = []
    private var runOutput: [UInt8] = []
    private var prefix: [UInt8] = []
    private var suffix: [UInt8] = []
    private var scratch = Converter.Scratch()

    /// Runs longer than this many characters are converted in pieces of this size, which
    /// bounds the quadratic search for boundaries when a conversion changes a run's length.
    static let maximumRun = 256

    /// Normalizes `text`, converting runs of Chinese with `converter` when there is one.
    mutating func fold(_ text: UnsafeBufferPointer<UInt8>, converter: Converter?) {
        bytes.removeAll(keepingCapacity: true)
        origins.removeAll(keepingCapacity: true)
        guard let p = text.baseAddress, !text.isEmpty else {
            origins.append(0)
            return
        }
        let n = text.count
        var i = 0
        while i < n {
            let (c, length) = UTF8Scalar.decode(p, i, n)
            if Self.isRunScalar(c) {
                i = foldRun(p, from: i, count: n, converter: converter)
                continue
            }
            if c == 0x3000 {
                append(0x20, origin: i)  // the ideographic space is a space
            } else if c >= 0xFF01 && c <= 0xFF5E {
                append(UInt8(c - 0xFEE0), origin: i)  // full-width punctuation
            } else if c == 0x2C && isThousandsSeparator(p, at: i, count: n) {
                // Dropped, so that 1,000 and 1000 are one token; the digits after it keep their
                // own offsets.
            } else {
                append(p[i], origin: i)
                for k in 1..<length { append(p[i + k], origin: -1) }
            }
            i += length
        }
        origins.append(Int32(truncatingIfNeeded: n))
    }

    /// The original offset of the boundary at or before folded offset `offset`.
    @inline(__always)
    func originalStart(_ offset: Int) -> Int32 {
        var k = offset
        while k > 0 && origins[k] < 0 { k -= 1 }
        return max(origins[k], 0)
    }

    /// The original offset of the boundary at or after folded offset `offset`.
    @inline(__always)
    func originalEnd(_ offset: Int) -> Int32 {
        var k = offset
        // The last entry, the end of the text, always has an original.
        while origins[k] < 0 { k += 1 }
        return origins[k]
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8, origin: Int) {
        bytes.append(byte)
        origins.append(Int32(truncatingIfNeeded: origin))
    }

    /// Whether the comma at `i` separates thousands: a digit before it, exactly three after.
    private func isThousandsSeparator(_ p: UnsafePointer<UInt8>, at i: Int, count n: Int) -> Bool {
        func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
        guard let last = bytes.last, isDigit(last), i + 3 < n,
              isDigit(p[i + 1]), isDigit(p[i + 2]), isDigit(p[i + 3]) else { return false }
        return i + 4 == n || !isDigit(p[i + 4])
    }

    /// Folds the run of convertible characters starting at `start`; returns where it ends.
    private mutating func foldRun(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int, converter: Converter?) -> Int {
        runInput.removeAll(keepingCapacity: true)
        runCharacterStarts.removeAll(keepingCapacity: true)
        runOrigins.removeAll(keepingCapacity: true)
        var i = start
        var ascii = true
        while i < n && runOrigins.count < Self.maximumRun {
            let (c, length) = UTF8Scalar.decode(p, i, n)
            guard Self.isRunScalar(c) else { break }
            runCharacterStarts.append(runInput.count)
            runOrigins.append(Int32(truncatingIfNeeded: i))
            if c >= 0xFF10 && c <= 0xFF5A {
                runInput.append(UInt8(c - 0xFEE0))  // full-width letters and digits
            } else {
                runInput.append(contentsOf: UnsafeBufferPointer(start: p + i, count: length))
                ascii = ascii && length == 1
            }
            i += length
        }
        guard let converter, !ascii else {
            appendUnchanged()
            return i
        }
        runOutput.removeAll(keepingCapacity: true)
        runInput.withUnsafeBufferPointer { converter.convert(utf8: $0, into: &runOutput, scratch: &scratch) }
        var outputCharacters = 0
        for byte in runOutput where byte & 0xC0 != 0x80 { outputCharacters += 1 }
        if outputCharacters == runOrigins.count {
            // Character for character, the common case: OpenCC's entries keep the length.
            var next = 0
            for byte in runOutput {
                if byte & 0xC0 != 0x80 {
                    append(byte, origin: Int(runOrigins[next]))
                    next += 1
                } else {
                    append(byte, origin: -1)
                }
            }
        } else {
            appendAligned(converter)
        }
        return i
    }

    /// Appends the run as it is (nothing to convert).
    private mutating func appendUnchanged() {
        var next = 0
        for (k, byte) in runInput.enumerated() {
            if next < runCharacterStarts.count && runCharacterStarts[next] == k {
                append(byte, origin: Int(runOrigins[next]))
                next += 1
            } else {
                append(byte, origin: -1)
            }
        }
    }

    /// Appends a converted run whose length changed, finding which input boundaries survive:
    /// a boundary does when converting the two sides apart gives the same text as converting
    /// the run whole (it falls between the phrases the converter matched), and then the
    /// output boundary it maps to is the end of the left side's conversion.
    private mutating func appendAligned(_ converter: Converter) {
        var boundaryOrigins = [Int32](repeating: -1, count: runOutput.count + 1)
        boundaryOrigins[0] = runOrigins[0]
        for k in 1..<runCharacterStarts.count {
            let cut = runCharacterStarts[k]
            prefix.removeAll(keepingCapacity: true)
            suffix.removeAll(keepingCapacity: true)
            runInput.withUnsafeBufferPointer { input in
                converter.convert(utf8: input.extracting(..<cut), into: &prefix, scratch: &scratch)
                converter.convert(utf8: input.extracting(cut...), into: &suffix, scratch: &scratch)
            }
            guard prefix.count + suffix.count == runOutput.count,
                  runOutput.starts(with: prefix), runOutput[prefix.count...].elementsEqual(suffix) else { continue }
            boundaryOrigins[prefix.count] = runOrigins[k]
        }
        for (k, byte) in runOutput.enumerated() {
            append(byte, origin: byte & 0xC0 == 0x80 ? -1 : Int(boundaryOrigins[k]))
        }
    }

    /// Whether `c` belongs in a run handed to the converter: CJK ideographs and their
    /// companions, and the ASCII and full-width letters, digits and joiners that some of
    /// OpenCC's Taiwan phrases contain (B肝 → 乙肝, 詹姆斯·卡麥隆).
    @inline(__always)
    static func isRunScalar(_ c: UInt32) -> Bool {
        if c < 0x80 {
            let b = UInt8(c)
            return (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x2D
        }
        switch c {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3FFFF, 0xF900...0xFAFF, 0x2E80...0x2FFF,
             0x3005...0x3007, 0x3021...0x3029, 0x3038...0x303B,
             0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A,
             0xB7, 0x2027, 0x30FB:
            return true
        default:
            return false
        }
    }
}
