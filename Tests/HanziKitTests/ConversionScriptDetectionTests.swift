import Testing
import HanziKit

@Suite("Script detection: Simplified, Traditional, mixed")
struct ConversionScriptDetectionTests {
    static let detector = Result { try ScriptDetector() }

    @Test func simplifiedSentenceIsSimplified() throws {
        let report = try Self.detector.get().report(for: "我们这些年轻人后来都去了深圳，说是那里的发展机会更多。")
        #expect(report.script == .simplified)
        #expect(report.traditionalOnlyCount == 0)
        #expect(report.topSimplified(3).map(\.character).contains("们"))
    }

    @Test func traditionalSentenceIsTraditional() throws {
        let report = try Self.detector.get().report(for: "我們這些年輕人後來都去了深圳，說是那裡的發展機會更多。")
        #expect(report.script == .traditional)
        #expect(report.simplifiedOnlyCount == 0)
        #expect(report.hanCount == 25)
    }

    @Test func halfConvertedArticleIsMixed() throws {
        // Traditional text a site converted badly: 这, 说, 们, 发 are left Simplified.
        let report = try Self.detector.get().report(for: "我們這些年輕人后來都去了深圳，说是那裡的发展機會更多。他们這樣說。")
        #expect(report.script == .mixed)
        #expect(report.simplifiedOnlyCount == 3 && report.traditionalOnlyCount > 5)
    }

    @Test func taiwanStandardFormsCountAsTraditional() throws {
        // 群 and 床 are Taiwan's standard forms, written like Simplified.
        let report = try Self.detector.get().report(for: "一群人在床邊說話")
        #expect(report.script == .traditional)
        #expect(report.simplifiedOnlyCount == 0)
    }

    @Test func characterBothScriptsWriteIsNoEvidence() throws {
        let report = try Self.detector.get().report(for: "的是在人大小中台后里干")
        #expect(report.script == .undetermined)
        #expect(report.hanCount == 11)
    }

    @Test func textWithoutChineseIsNotChinese() throws {
        #expect(try Self.detector.get().report(for: "Hello, world! 123 😀").script == .notChinese)
        #expect(try Self.detector.get().report(for: "").script == .notChinese)
    }

    @Test func quotedNameInTheOtherScriptDoesNotMakeTextMixed() throws {
        let text = String(repeating: "我們這些年輕人後來都去了深圳，說是那裡的發展機會更多。", count: 12) + "他的书叫《这个世界》。"
        #expect(try Self.detector.get().report(for: text).script == .traditional)
    }

    @Test func reportsOfPartsAddUpToTheReportOfTheWhole() throws {
        let detector = try Self.detector.get()
        let parts = ["他們後來說", "这个发展", "𠀀中文"]
        var merged = ScriptReport()
        for part in parts { merged.merge(detector.report(for: part)) }
        #expect(merged == detector.report(for: parts.joined()))
    }
}
