import Foundation
import Testing

@Suite("hanzi repair")
struct RepairCommandTests {
    /// “你好” (UTF-8) read as GBK: what scraped pages show.
    let garbledQuote = "鈥滀綘濂解€\u{FFFD}"

    @Test func helpShowsExamples() throws {
        let help = try hanzi(["repair", "--help"])
        #expect(help.status == 0)
        #expect(help.text.contains("USAGE"))
        #expect(help.text.contains("Examples:"))
        #expect(help.text.contains("--explain"))
    }

    @Test func repairsStandardInputLineByLine() throws {
        let input = "她笑着说：\(garbledQuote)\n这一行很干净。\n\n他说:\"走吧!\""
        let result = try hanzi(["repair"], input: input)
        #expect(result.status == 0)
        #expect(result.text == "她笑着说：“你好”\n这一行很干净。\n\n他说：“走吧！”")
        #expect(result.stderr.isEmpty)
    }

    @Test func onlyNewlineEndsALine() throws {
        // U+0085 and U+2028 are ordinary characters (Latin-1 mojibake makes them).
        let input = "第一段\u{85}还是第一行\u{2028}仍是第一行\r\n第二行"
        let result = try hanzi(["repair"], input: input)
        #expect(result.text == input)
    }

    @Test func explainReportsLineByteRangeBeforeAfterAndDiagnosis() throws {
        let input = "干净的一行。\n她笑着说：\(garbledQuote)\n锟斤拷锟斤拷"
        let result = try hanzi(["repair", "--explain"], input: input)
        #expect(result.status == 0)
        let start = "干净的一行。\n她笑着说：".utf8.count
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        // The closing mark lost its last byte (U+FFFD): ” is chosen, and said to be.
        #expect(lines[0] == "2: bytes \(start)..<\(start + garbledQuote.utf8.count): \"\(garbledQuote)\" → \"“你好”\" utf8AsGBK"
            + ", 1 character(s) chosen for lost bytes")
        #expect(lines[1].hasPrefix("3: bytes"))
        #expect(lines[1].contains("kunJinKao, irrecoverable, left as is"))
    }

    @Test func explainAsJSONWritesOneObjectPerFix() throws {
        let result = try hanzi(["repair", "--explain", "--format", "json"], input: "她笑着说：\(garbledQuote)\n")
        #expect(result.status == 0)
        let objects = try result.stderr.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.count == 1)
        #expect(objects[0]["line"] as? Int == 1)
        #expect(objects[0]["diagnosis"] as? String == "utf8AsGBK")
        #expect(objects[0]["before"] as? String == garbledQuote)
        #expect(objects[0]["after"] as? String == "“你好”")
        #expect(objects[0]["start"] as? Int == "她笑着说：".utf8.count)
        #expect(objects[0]["changed"] as? Bool == true)
        #expect(objects[0]["guessed"] as? Int == 1)
        #expect(objects[0]["unrecovered"] as? Int == 0)
    }

    @Test func explainReportsTheSpaceTypedAfterAMarkAsRemoved() throws {
        // Typed as English is typed, a space after each mark: the full-width mark holds its own.
        let result = try hanzi(["repair", "--explain"], input: "花钱去买, 不值得, 建议三思\n")
        #expect(result.text == "花钱去买，不值得，建议三思\n")
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "1: bytes 12..<13: \",\" → \"，\" asciiPunctuationInChinese",
            "1: bytes 13..<14: \" \" → \"\" asciiPunctuationInChinese",
            "1: bytes 23..<24: \",\" → \"，\" asciiPunctuationInChinese",
            "1: bytes 24..<25: \" \" → \"\" asciiPunctuationInChinese",
        ])
    }

    @Test func checkExitsOneWhenSomethingWouldBeRepairedAndWritesNothing() throws {
        let dirty = try hanzi(["repair", "--check"], input: "她笑着说：\(garbledQuote)\n")
        #expect(dirty.status == 1)
        #expect(dirty.stdout.isEmpty)
        let clean = try hanzi(["repair", "--check"], input: "这一行很干净。\nThe quick brown fox.\n")
        #expect(clean.status == 0)
        // Damage alone is reported, not repaired: nothing would change.
        let damaged = try hanzi(["repair", "--check", "--explain"], input: "全是锟斤拷锟斤拷。\n")
        #expect(damaged.status == 0)
        #expect(damaged.text.contains("kunJinKao"))
    }

    @Test func cornerQuotesOnRequest() throws {
        let result = try hanzi(["repair", "--quotes", "corner"], input: "他說:\"我們走吧。\"\n")
        #expect(result.text == "他說：「我們走吧。」\n")
    }

    /// weicheng.txt of `../shared`, which holds a chapter of 187 KB on one line with 800
    /// straight quotes among its curly ones; nil where `../shared` is absent.
    static let novel: URL? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/data/corpus/weicheng.txt").standardized
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    @Test(.enabled(if: novel != nil, "../shared/data/corpus/weicheng.txt is absent"))
    func aNovelWithChaptersOnOneLineRepairedAgainStaysAsItWas() throws {
        // Its long chapter was cut at 64 KB, where bytes put the cut: restored marks moved it,
        // and the second repair read other stretches and restored one more quote.
        let once = try hanzi(["repair", Self.novel!.path])
        #expect(once.status == 0)
        let twice = try hanzi(["repair"], input: once.stdout)
        #expect(twice.status == 0)
        // (Compared first: the whole novel in a failure message reads as nothing.)
        let unchanged = twice.stdout == once.stdout
        #expect(unchanged, "repairing the repaired novel changed it")
    }

    @Test func invalidUTF8IsAnInputErrorNamingTheOffset() throws {
        let result = try hanzi(["repair"], input: Array("好的".utf8) + [0xB9, 0xFE] + Array("\n".utf8))
        #expect(result.status == 3)
        #expect(result.stderr.contains("byte offset 6"))
        #expect(result.stdout.isEmpty)
    }

    @Test func filesAreRepairedInPlaceWithABackup() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("post.txt")
        try Data("她笑着说：\(garbledQuote)\n".utf8).write(to: file)
        let result = try hanzi(["repair", "--in-place", file.path])
        #expect(result.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "她笑着说：“你好”\n")
        #expect(try String(contentsOf: directory.appendingPathComponent("post.txt.orig"), encoding: .utf8) == "她笑着说：\(garbledQuote)\n")
    }
}
