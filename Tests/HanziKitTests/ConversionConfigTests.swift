import Glibc
import Testing
@testable import HanziKit

@Suite("Conversion configs")
struct ConversionConfigTests {
    @Test func everyConfigOfTheWheelIsBundledAndLoads() throws {
        let names = ConversionConfig.availableNames().map(\.rawValue)
        #expect(names == ["hk2s", "hk2sp", "hk2t", "jp2t", "s2hk", "s2hkp", "s2t", "s2tw", "s2twp",
                          "t2hk", "t2jp", "t2s", "t2tw", "tw2s", "tw2sp", "tw2t"])
        for name in names {
            let config = try ConversionConfig(named: .init(rawValue: name))
            #expect(!config.conversionChain.isEmpty, "\(name)")
            #expect(config.normalization.count == 1, "\(name): CJK compatibility ideographs")
        }
    }

    @Test func bundledConfigIsReadAsData() throws {
        let config = try ConversionConfig(named: .s2twp)
        #expect(config.name == "Simplified Chinese to Traditional Chinese (Taiwan Standard, with Taiwan Phrases)")
        #expect(config.origin == .bundled)
        let phrases = ConversionConfig.DictionarySpec.group([
            .file("STPhrases.ocd2", type: .ocd2, mayOutputTofu: false),
            .file("STPhrases_GeneratedFromRegionalPhrases.ocd2", type: .ocd2, mayOutputTofu: false),
        ], policy: .union, mayOutputTofu: false)
        #expect(config.segmentation == phrases)
        #expect(config.conversionChain.count == 2)
        #expect(config.conversionChain[0] == .group([phrases, .file("STCharacters.ocd2", type: .ocd2, mayOutputTofu: false)],
                                                    policy: .shortCircuit, mayOutputTofu: false))
        let t2s = try ConversionConfig(named: .t2s)
        guard case let .group(members, _, _) = t2s.conversionChain[0] else { Issue.record("t2s: not a group"); return }
        #expect(members.map(\.mayOutputTofu) == [false, true, false])
    }

    @Test func unknownConfigNameListsTheAvailableOnes() {
        #expect {
            try ConversionConfig(named: "s2x")
        } throws: { error in
            guard case let .unknownConfig(name, available) = error as? ConversionConfigError else { return false }
            return name == "s2x" && available.contains("s2twp") && "\(error)".contains("available: hk2s, hk2sp")
        }
    }

    @Test func jsonWithCommentsAndTrailingCommasIsAccepted() throws {
        let json = """
            // My config
            {
              "name": "mine", /* a title */
              "conversion_chain": [
                { "dict": { "type": "inline", "entries": { "鼠标": "滑鼠", "\\u8f6f\\u4ef6": "軟體", }, }, },
              ],
            }
            """
        let config = try ConversionConfig(json: Array(json.utf8), path: "mine.json", origin: .bundled, defaultName: "x")
        #expect(config.name == "mine")
        #expect(config.conversionChain == [.inline([.init(key: "鼠标", value: "滑鼠"), .init(key: "软件", value: "軟體")])])
        #expect(try Converter(config: config).convert("鼠标和软件") == "滑鼠和軟體")
    }

    @Test(arguments: [
        (#"[]"#, "the root must be an object"),
        (#"{ "name": "x" }"#, #"required property "conversion_chain" not found"#),
        (#"{ "conversion_chain": [{ "dict": { "type": "marisa", "file": "a" } }] }"#, #"unknown dictionary type "marisa""#),
        (#"{ "conversion_chain": [{ "dict": { "type": "group", "match_policy": "longest", "dicts": [] } }] }"#, "unknown match_policy"),
        (#"{ "conversion_chain": [{ "dict": { "type": "text" } }] }"#, #"conversion_chain[0].dict: required property "file" not found"#),
        (#"{ "conversion_chain": [{ "dict": { "type": "inline", "may_output_tofu": true, "entries": {} } }] }"#, "does not support may_output_tofu"),
        (#"{ "conversion_chain": [{ "dict": { "type": "inline", "entries": { "a": "" } } }] }"#, "must be a non-empty string"),
        (#"{ "conversion_chain": [ }"#, "line 1, column 25: expected a value"),
        (#"{ "a": 1, "a": 2 }"#, #"duplicate member "a""#),
    ])
    func invalidConfigIsRejectedWithTheReason(json: String, reason: String) {
        #expect {
            try ConversionConfig(json: Array(json.utf8), path: "bad.json", origin: .bundled, defaultName: "bad")
        } throws: { error in
            guard case let .invalid(path, message) = error as? ConversionConfigError else { return false }
            return path == "bad.json" && message.contains(reason)
        }
    }

    @Test func segmentationPluginIsReportedAsUnsupported() {
        let json = #"{ "segmentation": { "type": "jieba" }, "conversion_chain": [] }"#
        #expect(throws: ConversionConfigError.self) {
            try ConversionConfig(json: Array(json.utf8), path: "jieba.json", origin: .bundled, defaultName: "jieba")
        }
    }

    @Test func userConfigReadsItsTextDictionariesBesideIt() throws {
        let fixture = try ConversionFixture()
        try FileBytes.makeDirectories(fixture.directory + "/dicts")
        try fixture.dictionary("dicts/Brands.txt", ["苹果手机": "iPhone", "苹果": "蘋果"])
        let path = try fixture.write("brands.json", """
            { "name": "brands",
              "conversion_chain": [{ "dict": { "type": "group", "dicts": [
                { "type": "text", "file": "dicts/Brands.txt" },
                { "type": "ocd2", "file": "STCharacters.ocd2" } ] } }] }
            """)
        let config = try ConversionConfig(contentsOf: path)
        #expect(config.origin == .file(path: path))
        #expect(config.origin.directory == fixture.directory)
        // Brands.txt is found beside the config; STCharacters.ocd2, absent there, is the bundled one.
        #expect(try Converter(config: config).convert("我的苹果手机和苹果树") == "我的iPhone和蘋果樹")
    }

    @Test func binaryDictionaryIsReadFromTheTextFileBesideIt() throws {
        let fixture = try ConversionFixture()
        try fixture.dictionary("Mine.txt", ["内存": "記憶體"])
        let path = try fixture.write("mine.json", #"{ "conversion_chain": [{ "dict": { "type": "ocd2", "file": "Mine.ocd2" } }] }"#)
        #expect(try Converter(config: try ConversionConfig(contentsOf: path)).convert("内存不足") == "記憶體不足")
    }

    @Test func missingDictionaryNamesTheFileAndWhereItWasSought() throws {
        let fixture = try ConversionFixture()
        let path = try fixture.write("lost.json", #"{ "conversion_chain": [{ "dict": { "type": "text", "file": "Nowhere.txt" } }] }"#)
        #expect {
            try Converter(config: try ConversionConfig(contentsOf: path))
        } throws: { error in
            guard case let .dictionaryNotFound(config, file, tried) = error as? ConversionConfigError else { return false }
            return config == path && file == "Nowhere.txt" && tried.contains(fixture.directory + "/Nowhere.txt")
        }
    }

    @Test func unreadableConfigFileIsAnInvalidConfig() {
        #expect(throws: ConversionConfigError.self) { try ConversionConfig(contentsOf: "/nonexistent/config.json") }
    }
}
