import Foundation
import Testing

@Suite("hanzi convert")
struct ConvertCommandTests {
    @Test func convertsStandardInputLineByLineKeepingCarriageReturns() throws {
        let run = try hanzi(["convert", "-c", "s2twp"], input: "鼠标里面的硅二极管坏了\r\n\n打开软件\n最后一行没有换行")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.text == "滑鼠裡面的矽二極體壞了\r\n\n開啟軟體\n最後一行沒有換行")
    }

    @Test func acceptsOpenCCsConfigFileNamesForBundledConfigs() throws {
        let run = try hanzi(["convert", "--config", "t2s.json"], input: "乾隆皇帝的頭髮\n")
        #expect(run.text == "乾隆皇帝的头发\n")
    }

    @Test func readsFilesInOrderAndWritesTheOutputFile() throws {
        let directory = try temporaryDirectory()
        let first = directory.appendingPathComponent("a.txt"), second = directory.appendingPathComponent("b.txt")
        try Data("后来\n".utf8).write(to: first)
        try Data("台湾\n".utf8).write(to: second)
        let output = directory.appendingPathComponent("out.txt")
        let run = try hanzi(["convert", "-c", "s2tw", "-i", first.path, second.path, "-o", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == "後來\n臺灣\n")
    }

    @Test func inPlaceRewritesEachFileAndKeepsTheOriginal() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("chapter.txt")
        try Data("头发和发展\n".utf8).write(to: file)
        let run = try hanzi(["convert", "-c", "s2hk", "--in-place", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "頭髮和發展\n")
        #expect(try String(contentsOf: directory.appendingPathComponent("chapter.txt.orig"), encoding: .utf8) == "头发和发展\n")
    }

    @Test func unknownConfigIsAUsageErrorListingTheAvailableConfigs() throws {
        let run = try hanzi(["convert", "-c", "s2x"], input: "头发\n")
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown config \"s2x\""))
        #expect(run.stderr.contains("s2twp") && run.stderr.contains("jp2t"))
        let missing = try hanzi(["convert"], input: "头发\n")
        #expect(missing.status == 64)
    }

    @Test func invalidUTF8IsAnInputErrorNamingTheByteOffset() throws {
        let run = try hanzi(["convert", "-c", "s2t"], input: Array("头发\n再见".utf8) + [0xFF] + Array("\n".utf8))
        #expect(run.status == 3)
        #expect(run.stderr.contains("<stdin>: invalid UTF-8 at byte offset 13"), "\(run.stderr)")
    }

    @Test func userConfigFileWithItsOwnTextDictionaryConverts() throws {
        let directory = try temporaryDirectory()
        try Data("鼠标\t滑鼠\n软件\t軟體\n".utf8).write(to: directory.appendingPathComponent("MyPhrases.txt"))
        try Data("""
            { "name": "mine", "conversion_chain": [{ "dict": { "type": "group", "dicts": [
              { "type": "text", "file": "MyPhrases.txt" }, { "type": "ocd2", "file": "STCharacters.ocd2" } ] } }] }
            """.utf8).write(to: directory.appendingPathComponent("mine.json"))
        let run = try hanzi(["convert", "-c", directory.appendingPathComponent("mine.json").path], input: "打开鼠标和软件\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.text == "打開滑鼠和軟體\n")
    }

    @Test func configNamingAMissingDictionaryIsADictionaryError() throws {
        let directory = try temporaryDirectory()
        let config = directory.appendingPathComponent("broken.json")
        try Data(#"{ "conversion_chain": [{ "dict": { "type": "text", "file": "Gone.txt" } }] }"#.utf8).write(to: config)
        let run = try hanzi(["convert", "-c", config.path], input: "头发\n")
        #expect(run.status == 4)
        #expect(run.stderr.contains("Gone.txt"))
    }

    @Test func tofuRiskDictionariesCanBeSkippedAsOpenCCsCommandLineDoes() throws {
        let included = try hanzi(["convert", "-c", "t2s"], input: "㑮\n")
        #expect(included.text == "𫝈\n")
        let skipped = try hanzi(["convert", "-c", "t2s", "--skip-tofu-risk-dictionaries"], input: "㑮\n")
        #expect(skipped.text == "㑮\n")
    }

    @Test func quotesOptionRewritesQuotationMarksByNesting() throws {
        let run = try hanzi(["convert", "-c", "s2tw", "--quotes", "corner"], input: "他说：“她问‘谁说“不”？’”\n")
        #expect(run.text == "他說：「她問『誰說「不」？』」\n")
        let back = try hanzi(["convert", "-c", "tw2s", "--quotes", "curly"], input: run.stdout)
        #expect(back.text == "他说：“她问‘谁说“不”？’”\n")
        let off = try hanzi(["convert", "-c", "s2tw"], input: "“好”\n")
        #expect(off.text == "“好”\n")
    }

    @Test func mixedModeRepairsLeftoversAndKeepsCorrectTraditional() throws {
        let run = try hanzi(["convert", "-c", "s2tw", "--mixed"], input: "他后來去了台灣，之后这个消息就传开了。\n他的頭髮白了。\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.text == "他後來去了台灣，之後這個消息就傳開了。\n他的頭髮白了。\n")
    }

    @Test func largeInputOnSeveralThreadsMatchesOneThread() throws {
        let line = "后来他们在台湾的大学里学习软件工程，头发都白了。\n"
        let input = String(repeating: line, count: 40_000)  // ≈ 3 MB
        let one = try hanzi(["convert", "-c", "s2twp", "--jobs", "1"], input: input)
        let four = try hanzi(["convert", "-c", "s2twp", "--jobs", "4"], input: input)
        #expect(one.status == 0 && four.status == 0)
        #expect(one.stdout == four.stdout)
        #expect(one.text.hasPrefix("後來他們在臺灣的大學裡學習軟體工程，頭髮都白了。\n"))
    }

    @Test func helpShowsExamplesAndTheConfigs() throws {
        let run = try hanzi(["convert", "--help"])
        #expect(run.status == 0)
        #expect(run.text.contains("hanzi convert -c s2twp"))
        #expect(run.text.contains("s2hkp"))
    }
}

@Suite("hanzi detect")
struct DetectCommandTests {
    @Test func reportsTheScriptOfStandardInputWithItsEvidence() throws {
        let run = try hanzi(["detect"], input: "他們後來說，這個發展很快。\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.text.hasPrefix("<stdin>: traditional: 11 Chinese characters, 0 Simplified-only, 7 Traditional-only ("))
    }

    @Test func jsonFormatGivesOneObjectPerFile() throws {
        let directory = try temporaryDirectory()
        let simplified = directory.appendingPathComponent("s.txt"), english = directory.appendingPathComponent("e.txt")
        try Data("这是简体中文。".utf8).write(to: simplified)
        try Data("Plain English.".utf8).write(to: english)
        let run = try hanzi(["detect", "--format", "json", "--examples", "1", simplified.path, english.path])
        let lines = run.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"file":"\#(simplified.path)","script":"simplified","han":6,"simplifiedOnly":3,"traditionalOnly":0,"topSimplified":[["体",1]],"topTraditional":[]}"#)
        #expect(lines[1].contains(#""script":"not-chinese""#))
    }

    @Test func invalidUTF8IsAnInputError() throws {
        let run = try hanzi(["detect"], input: [0x41, 0xC3])
        #expect(run.status == 3)
        #expect(run.stderr.contains("invalid UTF-8 at byte offset 1"))
    }
}
