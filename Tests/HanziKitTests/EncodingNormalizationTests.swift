import Testing
import HanziKit

// Unicode normalization with ICU's Normalizer2 on UTF-8.

@Test func nfkcFoldsFullWidthLettersAndDigitsToASCII() {
    #expect(Normalizer.nfkc.normalize("ＡＢＣｘｙｚ１２３") == "ABCxyz123")
}

@Test func nfkcFoldsFullWidthCommaButKeepsIdeographicFullStop() {
    #expect(Normalizer.nfkc.normalize("你好，世界！对吗？（是）；：") == "你好,世界!对吗?(是);:")
    #expect(Normalizer.nfkc.normalize("句号。顿号、") == "句号。顿号、")
}

@Test func nfkcFoldsCompatibilityIdeographs() {
    #expect(Normalizer.nfkc.normalize("㈱") == "(株)")
    #expect(Normalizer.nfkc.normalize("\u{F900}") == "\u{8C48}")  // CJK compatibility ideograph 豈
}

@Test func nfcComposesAndNFDDecomposes() {
    let decomposed = "e\u{301}"  // e + combining acute
    let composed = "\u{E9}"
    #expect(Normalizer.nfc.normalize(decomposed).unicodeScalars.map(\.value) == [0xE9])
    #expect(Normalizer.nfd.normalize(composed).unicodeScalars.map(\.value) == [0x65, 0x301])
    #expect(Normalizer.nfc.normalize("ǚ 绿").unicodeScalars.count == 3)
    #expect(Normalizer.nfd.normalize("ǚ").unicodeScalars.map(\.value) == [0x75, 0x308, 0x30C])
}

@Test func isNormalizedTellsWhetherTextIsAlreadyInTheForm() {
    #expect(Normalizer.nfc.isNormalized("中文 café"))
    #expect(!Normalizer.nfc.isNormalized("cafe\u{301}"))
    #expect(!Normalizer.nfkc.isNormalized("ＡＢＣ"))
    #expect(Normalizer.nfkc.isNormalized("ABC，".replacingFullWidthComma()))
    #expect(Normalizer(.nfd).isNormalized("e\u{301}"))
}

@Test func normalizingUTF8BytesMatchesNormalizingStrings() {
    let text = "ＨａｎｚｉＫｉｔ，汉字"
    #expect(Normalizer.nfkc.normalize(utf8: Array(text.utf8)) == Array("HanziKit,汉字".utf8))
    #expect(Normalizer.nfkc.normalize(utf8: [UInt8]()) == [])
    #expect(Normalizer.nfc.normalize("") == "")
}

@Test func normalizingLongTextGrowsTheBufferWhenNeeded() {
    // Each ﷺ (U+FDFA) expands to 18 scalars under NFKC: far beyond the initial estimate.
    let text = String(repeating: "\u{FDFA}", count: 200)
    let result = Normalizer.nfkc.normalize(text)
    #expect(result.unicodeScalars.count == 18 * 200)
    #expect(Normalizer.nfkc.isNormalized(result))
}

private extension String {
    func replacingFullWidthComma() -> String {
        String(unicodeScalars.map { $0 == "，" ? "," : Character($0) })
    }
}
