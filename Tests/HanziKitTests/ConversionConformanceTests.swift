import Glibc
import Testing
@testable import HanziKit

/// OpenCC's own test cases (`../shared/data/opencc/testcases.json`, 232 inputs, 543 expected
/// outputs over 16 configs), run through every bundled converter.
///
/// The opencc 1.4.2 wheel passes every case with its library default, tofu-risk dictionaries
/// included (checked with `Benchmarks/peers/compare_convert.py --testcases`), so no case is
/// exempted here. Without them, OpenCC (as its command-line tool by default) gives other
/// outputs for three t2s cases; ``tofuRiskCasesGiveOpenCCsCommandLineOutputWhenSkipped()``
/// pins one.
@Suite("Conversion: OpenCC 1.4.2 test cases")
struct ConversionConformanceTests {
    /// One expected output of a case.
    struct Case: CustomTestStringConvertible {
        var id: String
        var config: String
        var input: String
        var expected: String
        var testDescription: String { "\(config) \(id)" }
    }

    /// `../shared` beside the package (or `HANZI_SHARED`), located from this file.
    static let sharedDirectory: String = {
        if let value = getenv("HANZI_SHARED") { return String(cString: value) }
        let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        return root + "/../shared"
    }()

    static let testCasesPath = sharedDirectory + "/data/opencc/testcases.json"
    static let haveTestCases = access(testCasesPath, R_OK) == 0

    /// Every expected output of every case, or none when the file is absent.
    static let cases: [Case] = {
        guard haveTestCases, let bytes = try? FileBytes.read(testCasesPath),
              // The upstream file has trailing commas, which the config parser accepts.
              let document = try? JSONValue(parsing: bytes), case let .array(items)? = document["cases"] else { return [] }
        return items.flatMap { item -> [Case] in
            guard case let .string(id)? = item["id"], case let .string(input)? = item["input"],
                  case let .object(expected)? = item["expected"] else { return [] }
            return expected.compactMap { config, output in
                guard case let .string(text) = output else { return nil }
                return Case(id: id, config: config, input: input, expected: text)
            }
        }
    }()

    @Test(.enabled(if: haveTestCases, "../shared/data/opencc/testcases.json is absent (a fresh clone has no ../shared)"))
    func theCaseFileCoversEveryBundledConfig() {
        #expect(Self.cases.count == 543)
        let configs = Set(Self.cases.map(\.config))
        #expect(configs == Set(ConversionConfig.availableNames().map(\.rawValue)))
    }

    @Test(.enabled(if: haveTestCases, "../shared/data/opencc/testcases.json is absent (a fresh clone has no ../shared)"),
          arguments: cases)
    func everyCaseGivesOpenCCsExpectedOutput(_ testCase: Case) throws {
        let converter = try BundledConverters.converter(testCase.config)
        #expect(converter.convert(testCase.input) == testCase.expected)
    }

    @Test func tofuRiskCasesGiveOpenCCsCommandLineOutputWhenSkipped() throws {
        // BYVoid_OpenCC_PR_1228: 殢 → 𣨼 comes from TSCharactersExt, a tofu-risk dictionary.
        let input = "殢 殢云尤雨 𣨼 𣨼云尤雨"
        #expect(try BundledConverters.converter("t2s").convert(input) == "𣨼 𣨼云尤雨 𣨼 𣨼云尤雨")
        let skipping = try Converter(.t2s, includingTofuRiskDictionaries: false)
        #expect(skipping.convert(input) == input)
    }

    @Test func wellKnownSentencesConvertAsOpenCCDoes() throws {
        let pairs: [(String, String, String)] = [
            ("s2twp", "鼠标里面的硅二极管坏了，导致光标分辨率降低。", "滑鼠裡面的矽二極體壞了，導致游標解析度降低。"),
            ("s2t", "我干什么不干你事。", "我幹什麼不干你事。"),
            ("tw2sp", "我們在網路上看了一部關於資訊科技的影片。", "我们在网络上看了一部关于信息技术的视频。"),
            ("s2hk", "香港的着作权与别的地方不同。", "香港的着作權與別的地方不同。"),
            ("jp2t", "旧字体歴史仮名遣 新字体現代仮名遣", "舊字體歷史假名遣 新字體現代假名遣"),
        ]
        for (config, input, expected) in pairs {
            #expect(try BundledConverters.converter(config).convert(input) == expected, "\(config)")
        }
    }
}
