import Testing
import HanziKit

// Unicode Script property via ICU's uscript.

@Test func scriptsOfHanLatinKanaHangulDigitAndCombiningMark() {
    #expect(Script(of: "中") == .han)
    #expect(Script(of: "𠀀") == .han)
    #expect(Script(of: "a") == .latin)
    #expect(Script(of: "あ") == .hiragana)
    #expect(Script(of: "ア") == .katakana)
    #expect(Script(of: "한") == .hangul)
    #expect(Script(of: "ㄅ") == .bopomofo)
    #expect(Script(of: "1") == .common)
    #expect(Script(of: "\u{301}") == .inherited)
}

@Test func scriptShortAndLongNames() {
    #expect(Script(of: "中").shortName == "Hani")
    #expect(Script(of: "中").name == "Han")
    #expect(Script.latin.shortName == "Latn")
    #expect(Script.hiragana.shortName == "Hira")
    #expect(Script.katakana.name == "Katakana")
    #expect(Script.common.shortName == "Zyyy")
    #expect(Script.inherited.shortName == "Zinh")
    #expect(Script.han.code == 17)
}

@Test func scriptsCanBeLookedUpByNameOrCode() {
    #expect(Script(name: "Hani") == .han)
    #expect(Script(name: "Han") == .han)
    #expect(Script(name: "Latin") == .latin)
    #expect(Script(name: "NotAScript") == nil)
    #expect(Script(code: 18) == .hangul)
    #expect(Script(code: -5) == nil)
    #expect(Script(code: 100_000) == nil)
}

@Test func ideographicPunctuationIsCommonButExtendsToHan() {
    #expect(Script(of: "。") == .common)
    let extensions = Script.extensions(of: "。")
    #expect(extensions.contains(.han))
    #expect(extensions.contains(.hiragana))
    #expect(Script.extensions(of: "中") == [.han])
    #expect(Script.extensions(of: "a") == [.latin])
}
