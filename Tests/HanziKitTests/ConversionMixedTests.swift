import Testing
import HanziKit

@Suite("Mixed text: repairing half-converted Traditional text")
struct ConversionMixedTests {
    static func repairer(_ name: ConversionConfig.Name) throws -> MixedTextRepairer {
        try MixedTextRepairer(converter: try Converter(name))
    }

    @Test func leftoverSimplifiedCharactersAreRestoredInPhraseContext() throws {
        let scraped = "他后來在台灣的大学裡讀书，之后什么都沒說。范先生说他很了解这個範围的问题，于是决定冲破困难。"
        // 后來, 之后 and 于是 are completed through their phrases; 台 stays (Hong Kong and
        // Taiwan write it); 范 and 了 follow the config, as OpenCC would.
        #expect(try Self.repairer(.s2tw).repair(scraped) ==
                "他後來在台灣的大學裡讀書，之後什麼都沒說。範先生說他很瞭解這個範圍的問題，於是決定衝破困難。")
    }

    @Test func leftoversAreFixedByTheirPhrasesEvenWhenNoCharacterIsSimplifiedOnly() throws {
        // Every left-over here is a character Traditional text also writes (后 么 于 范), so
        // only their phrases tell; 干預 is correct and stays (OpenCC's s2t makes it 幹預).
        // 沖破 stays, as with OpenCC: 沖 is a Traditional character of its own.
        #expect(try Self.repairer(.s2t).repair("後來之后什么都變了，于是范式沖破干預") == "後來之後什麼都變了，於是範式沖破干預")
    }

    @Test func halfConvertedPhraseGetsItsRightCharacter() throws {
        // OpenCC's s2t turns the 发 of 頭发 into 發: no phrase matches the half-converted text.
        #expect(try Self.repairer(.s2t).repair("他的頭发白了，这是後來的事。") == "他的頭髮白了，這是後來的事。")
    }

    @Test func paragraphOfCorrectTraditionalTextComesOutUnchanged() throws {
        let paragraph = """
            他後來在台灣的大學裡讀書，之後什麼都沒說。范先生說他很了解這個範圍的問題，於是決定衝破困難。
            天后宮在台南，香火鼎盛；皇后與太后一同前往，途中經過一里長的松林。
            """
        for config: ConversionConfig.Name in [.s2t, .s2tw, .s2hk] {
            #expect(try Self.repairer(config).repair(paragraph) == paragraph, "\(config)")
        }
    }

    @Test func spellingTheDocumentUsesConsistentlyIsKept() throws {
        // 了解 five times and never 瞭解 (which s2t writes): the document's convention, not a
        // left-over, even though the document has left-overs (这, 说).
        let document = ["我了解。", "你了解嗎？", "他們都了解。", "大家了解這件事。", "老師了解學生。", "这是他说的。"]
        #expect(try Self.repairer(.s2t).repair(document) ==
                ["我了解。", "你了解嗎？", "他們都了解。", "大家了解這件事。", "老師了解學生。", "這是他說的。"])
    }

    @Test func traditionalFormWrittenElsewhereMarksTheOtherSpellingsAsLeftovers() throws {
        let document = ["他後來走了。", "後來我們也走了。", "后來的事，誰也不知道。", "這是后来的说法。"]
        #expect(try Self.repairer(.s2t).repair(document) ==
                ["他後來走了。", "後來我們也走了。", "後來的事，誰也不知道。", "這是後來的說法。"])
    }

    @Test func linesKeepTheirCountAndTextWithoutChineseStays() throws {
        let text = "第一行\n\nplain English line\n这一行有简体字\n"
        let repaired = try Self.repairer(.s2t).repair(text)
        #expect(repaired.split(separator: "\n", omittingEmptySubsequences: false).count == 5)
        #expect(repaired == "第一行\n\nplain English line\n這一行有簡體字\n")
    }
}
