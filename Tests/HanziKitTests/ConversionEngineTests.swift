import Glibc
import Synchronization
import Testing
@testable import HanziKit

/// OpenCC's matching rules, pinned on tiny configs whose expected outputs were taken from the
/// opencc 1.4.2 wheel (the same dictionaries and configs run through `opencc.OpenCC`).
@Suite("Conversion engine: OpenCC's matching rules")
struct ConversionEngineTests {
    let fixture: ConversionFixture

    init() throws {
        fixture = try ConversionFixture()
        try fixture.dictionary("Italy.txt", ["意大利": "義大利"])
        try fixture.dictionary("Pasta.txt", ["意大利面": "義大利麵", "面": "麪"])
        try fixture.dictionary("Chars.txt", ["意": "意", "面": "麵", "里": "裏", "钅": "金"])
    }

    func group(_ policy: String?, _ files: String...) -> String {
        let members = files.map { #"{ "type": "text", "file": "\#($0)" }"# }.joined(separator: ", ")
        let policy = policy.map { #""match_policy": "\#($0)", "# } ?? ""
        return #"{ "type": "group", \#(policy)"dicts": [\#(members)] }"#
    }

    func chain(_ dicts: String..., segmentation: String? = nil, normalization: [String] = []) -> String {
        var parts = [#""name": "test""#]
        if !normalization.isEmpty {
            parts.append(#""normalization": [\#(normalization.map { #"{ "dict": \#($0) }"# }.joined(separator: ", "))]"#)
        }
        if let segmentation { parts.append(#""segmentation": { "type": "mmseg", "dict": \#(segmentation) }"#) }
        parts.append(#""conversion_chain": [\#(dicts.map { #"{ "dict": \#($0) }"# }.joined(separator: ", "))]"#)
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    @Test func shortCircuitGroupLetsTheFirstDictionaryWithAnyMatchWin() throws {
        let converter = try fixture.converter(chain(group("short_circuit", "Italy.txt", "Pasta.txt")))
        // The shorter 意大利 of the first dictionary beats the longer 意大利面 of the second.
        #expect(converter.convert("我爱吃意大利面") == "我爱吃義大利麪")
    }

    @Test func groupWithoutMatchPolicyShortCircuitsLikeOpenCC() throws {
        let converter = try fixture.converter(chain(group(nil, "Italy.txt", "Pasta.txt")))
        #expect(converter.convert("我爱吃意大利面") == "我爱吃義大利麪")
    }

    @Test func unionGroupTakesTheLongestMatchOfAllDictionaries() throws {
        let converter = try fixture.converter(chain(group("union", "Italy.txt", "Pasta.txt")))
        #expect(converter.convert("我爱吃意大利面") == "我爱吃義大利麵")
        // Where only the first dictionary matches, it wins.
        #expect(converter.convert("意大利人") == "義大利人")
    }

    @Test func unionGroupBreaksTiesInFavourOfTheEarlierDictionary() throws {
        try fixture.dictionary("Noodle1.txt", ["面条": "麵條"])
        try fixture.dictionary("Noodle2.txt", ["面条": "麪條"])
        let converter = try fixture.converter(chain(group("union", "Noodle1.txt", "Noodle2.txt")))
        #expect(converter.convert("一碗面条") == "一碗麵條")
    }

    @Test func nestedGroupsApplyEachPolicyAtItsLevel() throws {
        let union = group("union", "Italy.txt", "Pasta.txt")
        let outer = #"{ "type": "group", "match_policy": "short_circuit", "dicts": [\#(union), { "type": "text", "file": "Chars.txt" }] }"#
        let converter = try fixture.converter(chain(outer))
        // At 面 the union matches (面 → 麪), so the characters dictionary is not consulted.
        #expect(converter.convert("意大利面在里面") == "義大利麵在裏麪")
    }

    @Test func segmentationWordsLimitHowFarAConversionMatchReaches() throws {
        try fixture.dictionary("Words.txt", ["意大": "-"])
        let union = group("union", "Italy.txt", "Pasta.txt")
        let withWords = try fixture.converter(chain(union, segmentation: #"{ "type": "text", "file": "Words.txt" }"#))
        // 意大 is a segment, so 意大利 cannot match across its end.
        #expect(withWords.convert("意大利面") == "意大利麪")
        let without = try fixture.converter(chain(union))
        #expect(without.convert("意大利面") == "義大利麵")
    }

    @Test func eachChainStepConvertsTheWholeSegmentTheStepBeforeProduced() throws {
        try fixture.dictionary("Step1.txt", ["后": "後"])
        try fixture.dictionary("Step2.txt", ["後後": "雙", "後": "后面"])
        let converter = try fixture.converter(chain(#"{ "type": "text", "file": "Step1.txt" }"#, #"{ "type": "text", "file": "Step2.txt" }"#))
        #expect(converter.convert("后后") == "雙")
        // With 后 a segmentation word, the two characters are separate segments.
        try fixture.dictionary("Single.txt", ["后": "-"])
        let segmented = try fixture.converter(chain(#"{ "type": "text", "file": "Step1.txt" }"#, #"{ "type": "text", "file": "Step2.txt" }"#,
                                                    segmentation: #"{ "type": "text", "file": "Single.txt" }"#))
        #expect(segmented.convert("后后") == "后面后面")
    }

    @Test func segmentationLedChainsConvertLikeTheUnfusedAlgorithm() throws {
        // The chain starts with the segmentation dictionary leading a short-circuit group, as
        // in s2tw; the engine then takes a word's target from the segmentation match.
        let lead = group("union", "Italy.txt", "Pasta.txt")
        let first = #"{ "type": "group", "match_policy": "short_circuit", "dicts": [\#(lead), { "type": "text", "file": "Chars.txt" }] }"#
        let converter = try fixture.converter(chain(first, segmentation: lead))
        #expect(converter.convert("意大利面在里面，意大利人") == "義大利麵在裏麪，義大利人")
    }

    @Test func normalizationStepsRunInOrderOverTheWholeTextFirst() throws {
        try fixture.dictionary("Norm1.txt", ["麺": "麪"])
        try fixture.dictionary("Norm2.txt", ["麪": "面"])
        try fixture.dictionary("Words2.txt", ["面条": "-"])
        try fixture.dictionary("Noodles.txt", ["面条": "麵條", "面": "麪"])
        let converter = try fixture.converter(chain(#"{ "type": "text", "file": "Noodles.txt" }"#,
                                                    segmentation: #"{ "type": "text", "file": "Words2.txt" }"#,
                                                    normalization: [#"{ "type": "text", "file": "Norm1.txt" }"#, #"{ "type": "text", "file": "Norm2.txt" }"#]))
        #expect(converter.convert("一碗麺条") == "一碗麵條")
    }

    @Test func ideographicDescriptionSequencesAreCopiedWhole() throws {
        let converter = try fixture.converter(chain(#"{ "type": "text", "file": "Chars.txt" }"#))
        // ⿰钅只 describes one character: its 钅 is not converted; the 里 after it is.
        #expect(converter.convert("⿰钅只里") == "⿰钅只裏")
        #expect(converter.convert("⿱艹⿰钅只里") == "⿱艹⿰钅只裏")
        // An operator without all its components is an ordinary character.
        #expect(converter.convert("里⿰钅") == "裏⿰金")
        // Unary ⿾ takes one component; ⿲ takes three.
        #expect(converter.convert("⿾里里") == "⿾里裏")
        #expect(converter.convert("⿲里里里里") == "⿲里里里裏")
    }

    @Test func operatorThatIsADictionaryWordIsConverted() throws {
        try fixture.dictionary("Operator.txt", ["⿰": "[op]", "钅": "金"])
        let converter = try fixture.converter(chain(#"{ "type": "text", "file": "Operator.txt" }"#))
        #expect(converter.convert("⿰钅只") == "[op]金只")
    }

    @Test func tofuRiskDictionariesAreLeftOutOnlyWhenAsked() throws {
        try fixture.dictionary("Rare.txt", ["㑮": "𫝈"])
        try fixture.dictionary("Common.txt", ["㑮": "x", "们": "們"])
        let config = chain(#"{ "type": "group", "match_policy": "short_circuit", "dicts": [{ "type": "text", "file": "Rare.txt", "may_output_tofu": true }, { "type": "text", "file": "Common.txt" }] }"#)
        #expect(try fixture.converter(config).convert("㑮们") == "𫝈們")
        #expect(try fixture.converter(config, includingTofuRiskDictionaries: false).convert("㑮们") == "x們")
    }

    @Test func chainStepWhoseDictionariesAreAllTofuRiskIsDroppedButSegmentationKeepsThem() throws {
        try fixture.dictionary("RareWord.txt", ["大利": "-"])
        try fixture.dictionary("Rare2.txt", ["意": "X"])
        let tofu = #"{ "type": "text", "file": "Rare2.txt", "may_output_tofu": true }"#
        let config = chain(tofu, #"{ "type": "text", "file": "Italy.txt" }"#,
                           segmentation: #"{ "type": "text", "file": "RareWord.txt", "may_output_tofu": true }"#)
        // The segmentation word 大利 keeps 意大利 from matching, with or without tofu.
        #expect(try fixture.converter(config).convert("意大利") == "X大利")
        #expect(try fixture.converter(config, includingTofuRiskDictionaries: false).convert("意大利") == "意大利")
    }

    @Test func inlineDictionaryEntriesConvertLikeAFile() throws {
        let converter = try fixture.converter(chain(#"{ "type": "inline", "entries": { "鼠标": "滑鼠", "软件": "軟體" } }"#))
        #expect(converter.convert("鼠标和软件") == "滑鼠和軟體")
    }

    @Test func entryWithoutTargetDeletesTheMatchedText() throws {
        try fixture.write("Delete.txt", "的\t\n")
        let converter = try fixture.converter(chain(#"{ "type": "text", "file": "Delete.txt" }"#))
        #expect(converter.convert("我的书") == "我书")
    }

    @Test func stepsThatDeleteEverythingLeaveLaterStepsNothingToDo() throws {
        try fixture.write("Gone.txt", "嗯\t\n")
        let gone = #"{ "type": "text", "file": "Gone.txt" }"#
        let converter = try fixture.converter(chain(gone, gone, segmentation: gone, normalization: [gone, gone]))
        #expect(converter.convert("嗯嗯") == "")
        let words = try fixture.converter(chain(gone, #"{ "type": "text", "file": "Chars.txt" }"#, segmentation: gone))
        #expect(words.convert("嗯里嗯") == "裏")
    }

    @Test func nulBytesAreKeptWhereOpenCCWouldCutTheSegment() throws {
        // OpenCC 1.4.2 passes segments as C strings: with segmentation (s2tw) it loses the
        // rest of a segment after a NUL byte ("頭髮"). HanziKit keeps the text.
        let converter = try BundledConverters.converter("s2tw")
        #expect(converter.convert("头发\u{0}头发") == "頭髮\u{0}頭髮")
    }
}

@Suite("Conversion engine: text of every kind")
struct ConversionTextTests {
    @Test func charactersBeyondTheBasicPlaneConvertAndPassThrough() throws {
        let t2s = try BundledConverters.converter("t2s")
        #expect(t2s.convert("𠀀𪢮月兒") == "𠀀𪢮月儿")
        let s2t = try BundledConverters.converter("s2t")
        #expect(s2t.convert("𩽾𩾌鱼很丑") == "鮟鱇魚很醜")
    }

    @Test func emptyTextGivesEmptyText() throws {
        for name in ConversionConfig.availableNames() {
            #expect(try BundledConverters.converter(name.rawValue).convert("") == "")
        }
    }

    @Test func textWithoutChineseIsUnchanged() throws {
        let text = "The quick brown fox — naïve café, 2024-05-01 10:30, ½ € “quoted” ‘single’ αβγ Привет"
        for name in ConversionConfig.availableNames() {
            #expect(try BundledConverters.converter(name.rawValue).convert(text) == text, "\(name)")
        }
    }

    @Test func mixedScriptsAndEmojiKeepEverythingButTheChinese() throws {
        let s2twp = try BundledConverters.converter("s2twp")
        #expect(s2twp.convert("用鼠标点击👍🏽，再打开USB软件（版本2.0）😀日本語のテキスト") ==
                "用滑鼠點選👍🏽，再開啟USB軟體（版本2.0）😀日本語のテキスト")
        #expect(s2twp.convert("👨‍👩‍👧 家庭：头发和发展") == "👨‍👩‍👧 家庭：頭髮和發展")
    }

    @Test func compatibilityIdeographsAreNormalizedBeforeConversion() throws {
        // U+F9E9 is the CJK compatibility form of 里; OpenCC 1.4 folds it first.
        let s2t = try BundledConverters.converter("s2t")
        #expect(s2t.convert("这\u{F9E9}面") == "這裏面")
    }

    @Test func longLineConvertsLikeItsSentencesOneByOne() throws {
        let sentences = ["我们在北京的大学里学习计算机软件。", "他后来去了台湾，头发也白了。", "这个系统的内存和硬盘都不够用。",
                         "于是她决定出发，去范仲淹的故乡看一看。", "云里雾里，干杯！"]
        let converter = try BundledConverters.converter("s2twp")
        let line = String(repeating: sentences.joined(), count: 3000)  // ≈ 700 KB, indexed conversion
        let expected = String(repeating: sentences.map { converter.convert($0) }.joined(), count: 3000)
        #expect(converter.convert(line) == expected)
    }

    @Test func indexedAndPlainConversionAgree() throws {
        // A fresh converter converts short texts without its character indexes and builds
        // them once enough text has gone through; both paths must give the same output.
        let text = String(repeating: "头发干了，他后来在台面上发现了一只乾隆年间的碗。", count: 2)
        for name in ["s2t", "s2twp", "t2s", "tw2sp", "hk2s", "jp2t"] {
            let fresh = try Converter(ConversionConfig.Name(rawValue: name))
            let plain = fresh.convert(text)
            _ = fresh.convert(String(repeating: "预热", count: 20_000))  // crosses the indexing threshold
            #expect(fresh.convert(text) == plain, "\(name)")
        }
    }

    @Test func invalidUTF8NeverCrashesAndValidTextAroundItStillConverts() throws {
        let converter = try BundledConverters.converter("s2twp")
        func convert(_ bytes: [UInt8]) -> [UInt8] {
            var output: [UInt8] = []
            bytes.withUnsafeBufferPointer { converter.convert(utf8: $0, into: &output) }
            return output
        }
        // Bytes that begin no character are copied alone; the text after them converts.
        for bad: [UInt8] in [[0x80], [0xBF, 0xFE, 0xFF], [0xC0, 0xAF]] {
            #expect(convert(Array("鼠标".utf8) + bad + Array("软件".utf8)) == Array("滑鼠".utf8) + bad + Array("軟體".utf8), "\(bad)")
        }
        // A sequence cut short takes as many bytes as its first byte announces, as in OpenCC.
        for bad: [UInt8] in [Array("头发".utf8.dropLast()), [0xE5], [0xF8, 0x88, 0x80], [0xED, 0xA0, 0x80]] {
            #expect(convert(Array("鼠标".utf8) + bad + Array("软件".utf8)).starts(with: Array("滑鼠".utf8)), "\(bad)")
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let noise = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(convert(noise).count >= 0)
        }
    }

    @Test func streamConvertsPiecesCutAnywhereLikeTheWholeText() throws {
        let converter = try BundledConverters.converter("s2twp")
        let text = "鼠标里面的硅二极管坏了。\n软件和内存\r\n\n后来他们去了台湾"
        let bytes = Array(text.utf8)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { converter.convert(String($0)) }
            .joined(separator: "\n")
        for size in [1, 2, 5, 7, 64] {
            var stream = converter.makeStream()
            var output: [UInt8] = []
            for start in stride(from: 0, to: bytes.count, by: size) {
                bytes[start..<min(start + size, bytes.count)].withUnsafeBufferPointer { stream.convert($0, into: &output) }
            }
            stream.finish(into: &output)
            #expect(String(decoding: output, as: UTF8.self) == expected, "pieces of \(size) bytes")
        }
    }

    @Test func scratchBuffersCanBeReusedAcrossCalls() throws {
        let converter = try BundledConverters.converter("tw2sp")
        var scratch = Converter.Scratch()
        for line in ["滑鼠裡面的矽二極體壞了", "", "軟體和記憶體", "滑鼠"] {
            var output: [UInt8] = []
            Array(line.utf8).withUnsafeBufferPointer { converter.convert(utf8: $0, into: &output, scratch: &scratch) }
            #expect(String(decoding: output, as: UTF8.self) == converter.convert(line))
        }
    }

    @Test func converterIsSafeToShareAcrossThreads() async throws {
        let converter = try Converter(.s2tw)
        let text = String(repeating: "后来他们在台湾的大学里学习软件工程。", count: 4000)
        let expected = converter.convert(text)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { converter.convert(text) == expected } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 })
    }
}

/// A temporary directory of dictionary files and OpenCC configs for one conversion test.
struct ConversionFixture {
    private let scratch: TestDirectory

    /// Where the fixture's files are.
    var directory: String { scratch.path }

    init() throws {
        scratch = try TestDirectory("conversion")
    }

    /// Writes `text` to `name` in the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try FileBytes.writeAtomically(Array(text.utf8), to: path)
        return path
    }

    /// Writes a text dictionary of `entries` (`key<TAB>targets` lines).
    func dictionary(_ name: String, _ entries: KeyValuePairs<String, String>) throws {
        try write(name, entries.map { "\($0.key)\t\($0.value)\n" }.joined())
    }

    /// A converter for the config `json`, written beside the dictionaries.
    func converter(_ json: String, includingTofuRiskDictionaries: Bool = true) throws -> Converter {
        let path = try write("config-\(UInt32.random(in: 0...UInt32.max)).json", json)
        return try Converter(config: try ConversionConfig(contentsOf: path),
                             includingTofuRiskDictionaries: includingTofuRiskDictionaries)
    }
}

/// The bundled converters, made once for the whole test run.
enum BundledConverters {
    private static let made = Mutex<[String: Converter]>([:])

    /// The converter of the bundled config `name`.
    static func converter(_ name: String) throws -> Converter {
        try made.withLock { made in
            if let converter = made[name] { return converter }
            let converter = try Converter(ConversionConfig.Name(rawValue: name))
            made[name] = converter
            return converter
        }
    }
}
