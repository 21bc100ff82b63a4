import Testing
import HanziKit

@Suite("Quotation marks: nesting-aware corner ⇄ curly")
struct ConversionQuoteTests {
    @Test func mainlandQuotesBecomeCornerBracketsAtEveryDepth() {
        let text = "他说：“她问我：‘你听见他喊“快跑”了吗？’我说没有。”"
        #expect(QuoteStyle.corner.apply(to: text) == "他说：「她问我：『你听见他喊「快跑」了吗？』我说没有。」")
    }

    @Test func cornerBracketsBecomeMainlandQuotesAtEveryDepth() {
        let text = "老師說：「課本上寫著『孔子說「學而時習之」』，要背熟。」"
        #expect(QuoteStyle.curly.apply(to: text) == "老師說：“課本上寫著‘孔子說“學而時習之”’，要背熟。”")
    }

    @Test func fourthLevelAlternatesAgain() {
        #expect(QuoteStyle.corner.apply(to: "“一‘二“三‘四’三”二’一”") == "「一『二「三『四』三」二』一」")
        #expect(QuoteStyle.curly.apply(to: "「一『二「三『四』三」二』一」") == "“一‘二“三‘四’三”二’一”")
    }

    @Test func convertingThereAndBackGivesTheTextAgain() {
        let text = "“我读了‘红楼梦’，也读了‘西游记’。”他说，“你呢？”"
        #expect(QuoteStyle.curly.apply(to: QuoteStyle.corner.apply(to: text)) == text)
    }

    @Test func textMixingBothStylesComesOutInOne() {
        #expect(QuoteStyle.corner.apply(to: "“他说「好」”") == "「他说『好』」")
    }

    @Test func eachParagraphOfALongQuotationOpensAtTheOuterLevel() {
        // Chinese opens a quotation again at each paragraph and closes it only at the last.
        let paragraphs = ["“第一段话，还没有说完。", "“第二段话，引用了‘一句名言’。", "“第三段话，说完了。”"]
        #expect(paragraphs.map(QuoteStyle.corner.apply(to:)) ==
                ["「第一段话，还没有说完。", "「第二段话，引用了『一句名言』。", "「第三段话，说完了。」"])
    }

    @Test func apostrophesInLatinWordsStay() {
        #expect(QuoteStyle.corner.apply(to: "他说：“I don’t know, it’s fine.”") == "他说：「I don’t know, it’s fine.」")
    }

    @Test func closingMarkWithNothingOpenClosesAtTheOuterLevel() {
        #expect(QuoteStyle.corner.apply(to: "接上一段的话。”他停了一下。") == "接上一段的话。」他停了一下。")
        #expect(QuoteStyle.curly.apply(to: "」") == "”")
    }

    @Test func textWithoutQuotationMarksIsUnchanged() {
        for text in ["", "没有引号的句子。", "English \"straight\" quotes and 'single' ones", "— … ·"] {
            #expect(QuoteStyle.corner.apply(to: text) == text)
            #expect(QuoteStyle.curly.apply(to: text) == text)
        }
    }

    @Test func paragraphOfTraditionalTextWithCornerBracketsStaysAsItIs() {
        let paragraph = "他回頭說：「我記得老師說過『學而不思則罔』，你還記得嗎？」她笑了笑，沒有回答。"
        #expect(QuoteStyle.corner.apply(to: paragraph) == paragraph)
    }
}
