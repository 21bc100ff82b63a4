import Testing
import HanziKit

// Charset lookup, decoding and encoding through the ICU bridge.

private let simplified = "中华人民共和国成立于1949年，汉字编码转换：中文测试。"
private let traditional = "中華民國的首都是臺北市，繁體中文測試。"

// MARK: - Lookup

@Test func unknownCharsetNameThrowsUnknownCharset() {
    #expect(throws: EncodingError.unknownCharset("no-such-charset")) {
        try Charset("no-such-charset")
    }
}

@Test func emptyAndNULCharsetNamesThrowInsteadOfOpeningTheDefaultConverter() {
    #expect(throws: EncodingError.unknownCharset("")) { try Charset("") }
    #expect(throws: EncodingError.unknownCharset("GBK\u{0}x")) { try Charset("GBK\u{0}x") }
}

@Test func aliasesShareTheCanonicalNameAndCompareEqual() throws {
    let cp936 = try Charset("cp936")
    #expect(cp936 == .gbk)
    #expect(cp936.hashValue == Charset.gbk.hashValue)
    #expect(Charset.gbk.canonicalName == "windows-936-2000")
    #expect(Charset.gbk.name == "GBK")
    #expect(Charset.windows1252.name == "windows-1252")
    #expect(Charset.latin1.name == "ISO-8859-1")
    #expect(try Charset("latin1") == .latin1)
    #expect(Charset.gbk != .gb18030)
}

@Test func placeholderBytesAreTheSilentPUAAndC1Decodes() {
    #expect(Charset.gbk.placeholderBytes == [0xFF])
    #expect(Charset.big5.placeholderBytes == [0x80, 0xFF])
    #expect(Charset.windows1252.placeholderBytes == [0x81, 0x8D, 0x8F, 0x90, 0x9D])
    #expect(Charset.gb18030.placeholderBytes == [])
    #expect(Charset.latin1.placeholderBytes == [])
    #expect(Charset.utf8.placeholderBytes == [])
}

// MARK: - Round trips

@Test func gbkRoundTripsSimplifiedChinese() throws {
    let bytes = try Charset.gbk.encode(simplified)
    #expect(Array(bytes.prefix(4)) == [0xD6, 0xD0, 0xBB, 0xAA])  // 中华
    #expect(try Charset.gbk.decode(bytes) == simplified)
    #expect(try Charset.gbk.decodeToUTF8(bytes) == Array(simplified.utf8))
    #expect(try Charset.gbk.encode("€") == [0x80])
}

@Test func gb18030RoundTripsNonBMPCharactersAndEmoji() throws {
    let text = "𠀀😀" + simplified
    let bytes = try Charset.gb18030.encode(text)
    #expect(Array(bytes.prefix(8)) == [0x95, 0x32, 0x82, 0x36, 0x94, 0x39, 0xFC, 0x36])
    #expect(try Charset.gb18030.decode(bytes) == text)
}

@Test func big5RoundTripsTraditionalChinese() throws {
    let bytes = try Charset.big5.encode("繁體中文")
    #expect(bytes == [0xC1, 0x63, 0xC5, 0xE9, 0xA4, 0xA4, 0xA4, 0xE5])
    let long = try Charset.big5.encode(traditional)
    #expect(try Charset.big5.decode(long) == traditional)
}

@Test func big5HKSCSRoundTripsCantoneseCharactersThatPlainBig5Lacks() throws {
    let text = "佢哋講嘅嘢咗㗎，𠝹。" + traditional
    let bytes = try Charset.big5HKSCS.encode(text)
    #expect(try Charset.big5HKSCS.decode(bytes) == text)
    #expect(try Charset.big5HKSCS.encode("嘅") == [0x9D, 0xEF])
    #expect(!Charset.big5.canEncode("嘅"))
}

@Test func windows1252RoundTripsWesternText() throws {
    let text = "Café – “quoted” € œuvre ß"
    let bytes = try Charset.windows1252.encode(text)
    #expect(bytes.contains(0x80) && bytes.contains(0x93) && bytes.contains(0x94))
    #expect(try Charset.windows1252.decode(bytes) == text)
}

@Test func latin1DecodesEveryByteAndRoundTrips() throws {
    let all = (0...255).map { UInt8($0) }
    let text = try Charset.latin1.decode(all)
    #expect(text.unicodeScalars.map(\.value) == (0...255).map { UInt32($0) })
    #expect(try Charset.latin1.encode(text) == all)
}

@Test func shiftJISRoundTripsJapaneseIncludingHalfWidthKatakana() throws {
    let text = "日本語のテキスト、ｶﾀｶﾅと漢字。"
    let bytes = try Charset.shiftJIS.encode(text)
    #expect(Array(bytes.prefix(6)) == [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA])
    #expect(try Charset.shiftJIS.decode(bytes) == text)
}

@Test func utf16LEAndBERoundTripSurrogatePairs() throws {
    let text = "中文𠀀😀"
    let le = try Charset.utf16LE.encode(text)
    #expect(le == [0x2D, 0x4E, 0x87, 0x65, 0x40, 0xD8, 0x00, 0xDC, 0x3D, 0xD8, 0x00, 0xDE])
    #expect(try Charset.utf16LE.decode(le) == text)
    let be = try Charset.utf16BE.encode(text)
    #expect(be == [0x4E, 0x2D, 0x65, 0x87, 0xD8, 0x40, 0xDC, 0x00, 0xD8, 0x3D, 0xDE, 0x00])
    #expect(try Charset.utf16BE.decode(be) == text)
}

@Test func utf16DetectsTheByteOrderMarkAndDefaultsToBigEndian() throws {
    #expect(try Charset.utf16.decode([0xFF, 0xFE, 0x2D, 0x4E]) == "中")
    #expect(try Charset.utf16.decode([0xFE, 0xFF, 0x4E, 0x2D]) == "中")
    #expect(try Charset.utf16.decode([0x4E, 0x2D]) == "中")
    let encoded = try Charset.utf16.encode("中")
    #expect(try Charset.utf16.decode(encoded) == "中")
    #expect(encoded.count == 4)  // BOM + one unit
}

@Test func utf8RoundTripsThroughICU() throws {
    let text = "汉字 😀 𠀀"
    #expect(try Charset.utf8.decode(Array(text.utf8)) == text)
    #expect(try Charset.utf8.encode(text) == Array(text.utf8))
}

@Test func longInputRoundTripsAcrossInternalChunks() throws {
    let text = String(repeating: simplified, count: 400)  // > 10 000 UTF-16 units
    let gbk = try Charset.gbk.encode(text)
    #expect(try Charset.gbk.decode(gbk) == text)
    let withSupplementary = String(repeating: simplified + "𠀀", count: 400)
    for charset in [Charset.gb18030, .utf16LE] {
        let bytes = try charset.encode(withSupplementary)
        #expect(try charset.decode(bytes) == withSupplementary, "\(charset)")
    }
}

@Test func emptyInputDecodesAndEncodesToEmpty() throws {
    #expect(try Charset.gbk.decode([UInt8]()) == "")
    #expect(try Charset.gbk.decodeToUTF8([UInt8]()) == [])
    #expect(try Charset.gbk.encode("") == [])
    #expect(try Charset.utf16.encode("") == [])
}

// MARK: - Strict decoding errors

@Test func gbkTruncatedLeadByteAtEndThrowsWithItsOffset() {
    #expect(throws: EncodingError.invalidSequence(offset: 4, bytes: [0xD6], charset: "GBK")) {
        try Charset.gbk.decode([0xD6, 0xD0, 0xCE, 0xC4, 0xD6])  // 中文 + half of 中
    }
}

@Test func gbkByteFFThrowsAlthoughICUDecodesItToPrivateUse() {
    let bytes: [UInt8] = [0xD6, 0xD0, 0xFF, 0xCE, 0xC4]  // 中 0xFF 文
    #expect(throws: EncodingError.invalidSequence(offset: 2, bytes: [0xFF], charset: "GBK")) {
        try Charset.gbk.decode(bytes)
    }
    #expect(!Charset.gbk.canDecode(bytes))
    #expect(Charset.gbk.canDecode([0xD6, 0xD0, 0xCE, 0xC4]))
}

@Test func gbkInvalidTrailByteThrowsAtTheLeadByte() {
    #expect(throws: EncodingError.invalidSequence(offset: 1, bytes: [0x81], charset: "GBK")) {
        try Charset.gbk.decode([0x41, 0x81, 0x20, 0x42])
    }
}

@Test func big5Bytes80AndFFThrow() {
    #expect(throws: EncodingError.invalidSequence(offset: 2, bytes: [0x80], charset: "Big5")) {
        try Charset.big5.decode([0xA4, 0xA4, 0x80])
    }
    #expect(throws: EncodingError.invalidSequence(offset: 0, bytes: [0xFF], charset: "Big5")) {
        try Charset.big5.decode([0xFF, 0xA4, 0xA4])
    }
}

@Test func gb18030RejectsFFWithAnICUError() {
    #expect(throws: EncodingError.invalidSequence(offset: 2, bytes: [0xFF], charset: "GB18030")) {
        try Charset.gb18030.decode([0xD6, 0xD0, 0xFF])
    }
}

@Test func windows1252UndefinedByte81Throws() {
    #expect(throws: EncodingError.invalidSequence(offset: 3, bytes: [0x81], charset: "windows-1252")) {
        try Charset.windows1252.decode([0x63, 0x61, 0x66, 0x81, 0xE9])
    }
    for byte: UInt8 in [0x8D, 0x8F, 0x90, 0x9D] {
        #expect(!Charset.windows1252.canDecode([byte]))
    }
    #expect(Charset.latin1.canDecode([0x81]))
}

@Test func utf16LoneSurrogateThrowsAtItsOffset() {
    #expect(throws: EncodingError.invalidSequence(offset: 2, bytes: [0x00, 0xD8], charset: "UTF-16LE")) {
        try Charset.utf16LE.decode([0x41, 0x00, 0x00, 0xD8, 0x42, 0x00])
    }
    #expect(throws: EncodingError.invalidSequence(offset: 0, bytes: [0xDC, 0x00], charset: "UTF-16BE")) {
        try Charset.utf16BE.decode([0xDC, 0x00, 0x00, 0x41])
    }
    #expect(throws: EncodingError.invalidSequence(offset: 2, bytes: [0x2D], charset: "UTF-16LE")) {
        try Charset.utf16LE.decode([0x2D, 0x4E, 0x2D])  // odd length
    }
}

@Test func invalidUTF8SourceThrowsAtItsOffset() {
    #expect(throws: EncodingError.invalidSequence(offset: 3, bytes: [0xC3], charset: "UTF-8")) {
        try Charset.utf8.decode([0xE4, 0xB8, 0xAD, 0xC3, 0x28])  // 中 + broken é
    }
    #expect(throws: EncodingError.invalidSequence(offset: 1, bytes: [0xED], charset: "UTF-8")) {
        try Charset.utf8.decode([0x41, 0xED, 0xA0, 0x80])  // encoded surrogate
    }
}

@Test func strictErrorOffsetIsExactFarIntoALongInput() throws {
    var bytes = try Charset.gbk.encode(String(repeating: "汉字", count: 5000))  // 20 000 bytes
    bytes.append(0x41)
    bytes.append(0xFF)
    #expect(throws: EncodingError.invalidSequence(offset: 20_001, bytes: [0xFF], charset: "GBK")) {
        try Charset.gbk.decode(bytes)
    }
    bytes.removeLast()
    bytes.append(0xD6)
    #expect(throws: EncodingError.invalidSequence(offset: 20_001, bytes: [0xD6], charset: "GBK")) {
        try Charset.gbk.decode(bytes)
    }
}

@Test func errorMessageNamesCharsetBytesAndOffset() {
    let error = EncodingError.invalidSequence(offset: 12, bytes: [0xFF], charset: "GBK")
    #expect(error.description == "invalid GBK byte sequence 0xFF at byte offset 12")
    let unmappable = EncodingError.unmappable(offset: 6, scalar: "😀", charset: "GBK")
    #expect(unmappable.description == "character U+1F600 at UTF-8 byte offset 6 cannot be encoded in GBK")
    #expect(EncodingError.unknownCharset("x").description == "unknown charset \"x\"")
}

// MARK: - Substitute decoding

@Test func substituteDecodingReplacesEachBadSequenceWithFFFD() throws {
    #expect(try Charset.gbk.decode([0xD6, 0xD0, 0xFF, 0xCE, 0xC4], mode: .substitute) == "中\u{FFFD}文")
    #expect(try Charset.gbk.decode([0xD6, 0xD0, 0xD6], mode: .substitute) == "中\u{FFFD}")
    #expect(try Charset.windows1252.decode([0x61, 0x81, 0x80], mode: .substitute) == "a\u{FFFD}€")
    #expect(try Charset.utf16LE.decode([0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], mode: .substitute) == "A\u{FFFD}B")
    #expect(try Charset.utf8.decode([0xE4, 0xB8, 0xAD, 0xC3, 0x28], mode: .substitute) == "中\u{FFFD}(")
}

// MARK: - Encoding

@Test func emojiIsUnmappableInGBKAtItsUTF8Offset() {
    #expect(throws: EncodingError.unmappable(offset: 6, scalar: "😀", charset: "GBK")) {
        try Charset.gbk.encode("中文😀好")
    }
}

@Test func chineseIsUnmappableInWindows1252AtItsUTF8Offset() {
    #expect(throws: EncodingError.unmappable(offset: 5, scalar: "中", charset: "windows-1252")) {
        try Charset.windows1252.encode("café中")  // é is two UTF-8 bytes
    }
    #expect(!Charset.windows1252.canEncode("中"))
    #expect(Charset.windows1252.canEncode("café"))
}

@Test func unmappableOffsetIsExactFarIntoALongInput() {
    let text = String(repeating: "汉字", count: 3000) + "ab😀"  // 18 002 UTF-8 bytes before 😀
    #expect(throws: EncodingError.unmappable(offset: 18_002, scalar: "😀", charset: "GBK")) {
        try Charset.gbk.encode(text)
    }
}

@Test func privateUseCharacterBehindAPlaceholderByteIsUnmappable() throws {
    #expect(throws: EncodingError.unmappable(offset: 1, scalar: "\u{F8F5}", charset: "GBK")) {
        try Charset.gbk.encode("a\u{F8F5}")
    }
    #expect(try Charset.gbk.encode("a\u{F8F5}", mode: .substitute) == [0x61, 0x3F])
}

@Test func substituteEncodingUsesTheCharsetsSubstitutionBytes() throws {
    #expect(try Charset.gbk.encode("a😀b", mode: .substitute) == [0x61, 0x3F, 0x62])
    #expect(try Charset.big5.encode("a😀b", mode: .substitute) == [0x61, 0x3F, 0x62])
    #expect(try Charset.windows1252.encode("a中b", mode: .substitute) == [0x61, 0x1A, 0x62])
    #expect(try Charset.latin1.encode("a中b", mode: .substitute) == [0x61, 0x1A, 0x62])
    #expect(try Charset.shiftJIS.encode("a😀b", mode: .substitute) == [0x61, 0xFC, 0xFC, 0x62])
}

@Test func encodingIllFormedUTF8ThrowsOrSubstitutes() throws {
    let bytes: [UInt8] = [0x61, 0xE4, 0xB8, 0x62]  // a, truncated 中, b
    #expect(throws: EncodingError.invalidSequence(offset: 1, bytes: [0xE4, 0xB8], charset: "UTF-8")) {
        try Charset.gbk.encode(utf8: bytes)
    }
    #expect(try Charset.gb18030.encode(utf8: bytes, mode: .substitute) == [0x61, 0x84, 0x31, 0xA4, 0x37, 0x62])
}

// MARK: - Low-level entry points

@Test func decodingIntoCallerMemoryReportsTheRequiredSize() throws {
    let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]  // 中文 → 6 UTF-8 bytes
    try gbk.withUnsafeBufferPointer { source in
        var small = [UInt8](repeating: 0, count: 2)
        let needed = try small.withUnsafeMutableBufferPointer {
            try Charset.gbk.decode(source, into: $0)
        }
        #expect(needed == 6)
        var big = [UInt8](repeating: 0, count: 16)
        let written = try big.withUnsafeMutableBufferPointer {
            try Charset.gbk.decode(source, into: $0)
        }
        #expect(written == 6)
        #expect(Array(big.prefix(6)) == Array("中文".utf8))
    }
}

@Test func appendingDecodesReuseOneBufferAndLeaveItIntactOnError() throws {
    var output = Array("前缀".utf8)
    let good: [UInt8] = [0xD6, 0xD0]
    let bad: [UInt8] = [0xD6, 0xD0, 0xFF]
    try good.withUnsafeBufferPointer { try Charset.gbk.decode($0, appendingTo: &output) }
    #expect(String(decoding: output, as: UTF8.self) == "前缀中")
    #expect(throws: EncodingError.self) {
        try bad.withUnsafeBufferPointer { try Charset.gbk.decode($0, appendingTo: &output) }
    }
    #expect(String(decoding: output, as: UTF8.self) == "前缀中")
    var encoded: [UInt8] = [0x41]
    try Array("中".utf8).withUnsafeBufferPointer { try Charset.gbk.encode(utf8: $0, appendingTo: &encoded) }
    #expect(encoded == [0x41, 0xD6, 0xD0])
}

@Test func decodingIsSafeFromManyConcurrentTasks() async throws {
    let bytes = try Charset.gbk.encode(simplified)
    let results = try await withThrowingTaskGroup(of: Bool.self) { group in
        for i in 0..<64 {
            group.addTask {
                let charset: Charset = i % 2 == 0 ? .gbk : .gb18030
                return try charset.decode(bytes) == simplified
            }
        }
        return try await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(results.count == 64 && results.allSatisfy { $0 })
}

@Test func largeInputsBeyondTheOutputEstimateStillConvertCompletely() throws {
    // windows-1252 "é€" is 2 bytes that become 5 UTF-8 bytes: more than the 1.5x estimate
    // used for inputs over 64 KiB, so the decoder must grow its buffer.
    let text = String(repeating: "é€", count: 50_000)
    let bytes = try Charset.windows1252.encode(text)
    #expect(bytes.count == 100_000)
    #expect(try Charset.windows1252.decode(bytes) == text)
    #expect(try Charset.windows1252.decodeToUTF8(bytes).count == 250_000)
    let utf32 = try Charset("UTF-32LE")
    let ascii = String(repeating: "abc", count: 30_000)
    #expect(try utf32.encode(ascii).count == 360_000)
}
