import HanziKit
import Testing

/// Traditional text segmented through its Simplified form (OpenCC's t2s dictionaries): the
/// boundaries are those jieba gives the Simplified text, the tokens the original's.
@Suite("Traditional text is segmented like its Simplified form")
struct SegmentTraditionalTests {
    static let segmenter = Result { try Segmenter() }

    @Test func wordsFollowTheSimplifiedBoundaries() throws {
        let segmenter = try Self.segmenter.get()
        // jieba on the Simplified forms: 我们/来到/北京/清华大学, 他/来到/了/网易/杭研/大厦, …
        #expect(segmenter.words(in: "我們來到北京清華大學") == ["我們", "來到", "北京", "清華大學"])
        #expect(segmenter.words(in: "他來到了網易杭研大廈") == ["他", "來到", "了", "網易", "杭研", "大廈"])
        #expect(segmenter.words(in: "小明碩士畢業於中國科學院計算所，後在日本京都大學深造")
            == ["小明", "碩士", "畢業", "於", "中國科學院", "計算所", "，", "後", "在", "日本京都大學", "深造"])
        // A phrase converts as a whole (憑藉 → 凭借), not character by character.
        #expect(segmenter.words(in: "憑藉著這些資料，我們發現了問題")
            == ["憑藉", "著", "這些", "資料", "，", "我們", "發現", "了", "問題"])
    }

    @Test func searchAndFullModesToo() throws {
        let segmenter = try Self.segmenter.get()
        #expect(segmenter.words(in: "我們來到北京清華大學", mode: .search)
            == ["我們", "來到", "北京", "清華", "華大", "大學", "清華大學"])
        #expect(segmenter.words(in: "我們來到北京清華大學", mode: .full)
            == ["我們", "來到", "北京", "清華", "清華大學", "華大", "大學"])
    }

    @Test func offTheTextIsCutAsJiebaCutsIt() throws {
        let segmenter = try Self.segmenter.get()
        #expect(segmenter.words(in: "我們來到北京清華大學", traditional: .off) == ["我們", "來", "到", "北京", "清華大學"])
        #expect(segmenter.words(in: "他來到了網易杭研大廈", traditional: .off) == ["他來", "到", "了", "網易", "杭", "研大廈"])
        let withoutDictionaries = try Segmenter(traditional: false)
        #expect(withoutDictionaries.words(in: "他來到了網易杭研大廈", traditional: .on) == ["他來", "到", "了", "網易", "杭", "研大廈"])
    }

    @Test func autoLeavesSimplifiedTextToJieba() throws {
        let segmenter = try Self.segmenter.get()
        // 於 and 乾 are Traditional keys that Simplified text also uses; alone they do not make
        // a line Traditional.
        for text in ["他来到了网易杭研大厦", "乾隆皇帝於是下令", "这本书叫《後漢書》，写得很好，我们都喜欢读它"] {
            #expect(segmenter.words(in: text) == segmenter.words(in: text, traditional: .off))
        }
    }

    @Test func mixedTextKeepsItsOffsets() throws {
        let segmenter = try Self.segmenter.get()
        let text = "我来到北京清华大学，他來到了網易杭研大廈 𠮷野家"
        let tokens = segmenter.tokens(in: text)
        #expect(tokens.map(\.text).joined() == text)
        #expect(tokens.map { String($0.text) } == ["我", "来到", "北京", "清华大学", "，", "他", "來到", "了", "網易", "杭研", "大廈", " ", "𠮷", "野家"])
        let bytes = Array(text.utf8)
        for token in tokens {
            #expect(String(decoding: bytes[token.utf8Range], as: UTF8.self) == String(token.text))
        }
    }
}
