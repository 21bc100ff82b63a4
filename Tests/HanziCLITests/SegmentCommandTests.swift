import Foundation
import Testing

@Suite("hanzi segment")
struct SegmentCommandTests {
    @Test func textOutputJoinsTokensLikeJiebasCommandLine() throws {
        let run = try hanzi(["segment"], input: "我来到北京清华大学\n他来到了网易杭研大厦\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.text == "我 / 来到 / 北京 / 清华大学\n他 / 来到 / 了 / 网易 / 杭研 / 大厦\n")
    }

    @Test func modesHMMAndSeparator() throws {
        let input = "他来到了网易杭研大厦\n"
        #expect(try hanzi(["segment", "--no-hmm", "--separator", " "], input: input).text == "他 来到 了 网易 杭 研 大厦\n")
        #expect(try hanzi(["segment", "--mode", "full", "--separator", "|"], input: "永和服装饰品有限公司\n").text
            == "永和|和服|服装|装饰|装饰品|饰品|有限|有限公司|公司\n")
        #expect(try hanzi(["segment", "--mode", "search", "--separator", ","], input: "我来到北京清华大学").text
            == "我,来到,北京,清华,华大,大学,清华大学")
        #expect(try hanzi(["segment", "--mode", "fast"]).status == 64)
    }

    @Test func linesKeepTheirEndsEmptyLinesAndCarriageReturns() throws {
        let run = try hanzi(["segment", "--separator", "|"], input: "你好世界\r\n\n\nabc def")
        #expect(run.text == "你好|世界|\r\n\n\nabc| |def")
    }

    @Test func jsonlGivesByteAndScalarOffsetsPerLine() throws {
        let run = try hanzi(["segment", "--format", "jsonl"], input: "𠮷野家\t\"好\"\n\n")
        #expect(run.status == 0)
        let lines = run.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[1] == "[]" && lines[2] == "")
        let tokens = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [[String: Any]])
        #expect(tokens.map { $0["text"] as? String } == ["𠮷", "野家", "\t", "\"", "好", "\""])
        #expect(tokens.map { $0["start"] as? Int } == [0, 4, 10, 11, 12, 15])
        #expect(tokens.map { $0["end"] as? Int } == [4, 10, 11, 12, 15, 16])
        #expect(tokens.map { $0["scalarStart"] as? Int } == [0, 1, 3, 4, 5, 6])
        #expect(tokens.map { $0["scalarEnd"] as? Int } == [1, 3, 4, 5, 6, 7])
    }

    @Test func userDictionariesAreLoadedInOrder() throws {
        let directory = try temporaryDirectory()
        let first = directory.appendingPathComponent("first.txt"), second = directory.appendingPathComponent("second.txt")
        try Data("杭研大厦 1000\n".utf8).write(to: first)
        try Data("网易 0\n".utf8).write(to: second)
        let run = try hanzi(["segment", "--user-dict", first.path, "--user-dict", second.path], input: "他来到了网易杭研大厦\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.text == "他 / 来到 / 了 / 网 / 易 / 杭研大厦\n")
        let missing = try hanzi(["segment", "--user-dict", directory.appendingPathComponent("none.txt").path])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("none.txt"))
    }

    @Test func invalidUTF8IsAnInputErrorWithItsOffset() throws {
        var input = Array("第一行\n第二".utf8)
        input += [0xFF, 0x0A]
        let run = try hanzi(["segment"], input: input)
        #expect(run.status == 3)
        #expect(run.stderr.contains("byte offset 16"))
    }

    /// The input is checked as it is read, block by block, while the workers transform the
    /// block before: characters cut by a block's end are whole again, and a bad byte far into a
    /// large input is reported with its own offset and line.
    @Test func largeInputsAreCheckedAcrossReadBlocks() throws {
        // 38-byte lines: read blocks (32 KB with one job, 1 MB with two) end inside characters.
        let line = Array("小明硕士毕业于中国科学院A\n".utf8)
        var input: [UInt8] = []
        while input.count < 1_500_000 { input += line }
        let lines = input.count / line.count
        let one = try hanzi(["segment", "--jobs", "1"], input: input)
        let two = try hanzi(["segment", "--jobs", "2"], input: input)
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        #expect(one.stdout == two.stdout)
        #expect(one.text.split(separator: "\n").count == lines)
        // Before the last line's 'A'.
        let bad = input.count - 2 - 3
        input.insert(0xFF, at: bad + 3)
        for jobs in ["1", "2"] {
            let run = try hanzi(["segment", "--jobs", jobs], input: input)
            #expect(run.status == 3)
            #expect(run.stderr.contains("byte offset \(bad + 3) (line \(lines))"), "\(run.stderr)")
        }
    }

    @Test func aCharacterCutByAReadIsCheckedWhole() throws {
        // With one job, segment reads 32 KB at a time: the lead byte of 中 ends the first read.
        let head = [UInt8](repeating: UInt8(ascii: "a"), count: 32_766) + [0x0A]
        let zhong = Array("中".utf8)
        let whole = try hanzi(["segment", "--jobs", "1"], input: head + zhong + [0x0A])
        #expect(whole.status == 0 && Array(whole.stdout.suffix(4)) == zhong + [0x0A], "\(whole.stderr)")
        let broken = try hanzi(["segment", "--jobs", "1"], input: head + [zhong[0], UInt8(ascii: "A"), 0x0A])
        #expect(broken.status == 3 && broken.stderr.contains("byte offset 32767 (line 2)"), "\(broken.stderr)")
        let truncated = try hanzi(["segment", "--jobs", "1"], input: head + zhong.prefix(2))
        #expect(truncated.status == 3 && truncated.stderr.contains("byte offset 32767 (line 2)"), "\(truncated.stderr)")
    }

    @Test func parallelJobsKeepTheInputOrder() throws {
        var text = ""
        for i in 0..<4_000 { text += "第\(i)行：小明硕士毕业于中国科学院计算所，后在日本京都大学深造\n" }
        let one = try hanzi(["segment", "--jobs", "1", "--format", "jsonl"], input: text)
        let four = try hanzi(["segment", "--jobs", "4", "--format", "jsonl"], input: text)
        #expect(one.status == 0 && four.status == 0)
        #expect(one.stdout == four.stdout)
        #expect(one.text.split(separator: "\n").count == 4_000)
        #expect(try hanzi(["segment", "--jobs", "0"]).status == 64)
    }

    /// The run that builds a large file's character index writes it to the cache before it
    /// exits, however soon it is done with the file: later runs read it instead of building it.
    @Test func aLargeFileLeavesItsCharacterIndexCached() throws {
        let cache = try warmCache()
        let file = try temporaryDirectory().appendingPathComponent("large.txt")
        let line = "小明硕士毕业于中国科学院计算所，后在日本京都大学深造。\n"
        try Data(String(repeating: line, count: (1 << 20) / line.utf8.count + 1).utf8).write(to: file)
        let run = try hanzi(["segment", file.path], environment: ["HANZI_CACHE_DIR": cache.path])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(names.contains { $0.hasSuffix(".hzlex.chars") }, "\(names)")
    }

    @Test func traditionalTextFollowsItsSimplifiedForm() throws {
        #expect(try hanzi(["segment"], input: "他來到了網易杭研大廈\n").text == "他 / 來到 / 了 / 網易 / 杭研 / 大廈\n")
        #expect(try hanzi(["segment", "--traditional", "off"], input: "他來到了網易杭研大廈\n").text == "他來 / 到 / 了 / 網易 / 杭 / 研大廈\n")
        #expect(try hanzi(["segment", "--traditional", "on"], input: "他来到了网易杭研大厦\n").text == "他 / 来到 / 了 / 网易 / 杭研 / 大厦\n")
    }

    @Test func filesAreReadInOrderAndOutputCanGoToAFile() throws {
        let directory = try temporaryDirectory()
        let a = directory.appendingPathComponent("a.txt"), b = directory.appendingPathComponent("b.txt")
        let out = directory.appendingPathComponent("out.txt")
        try Data("我来到北京\n".utf8).write(to: a)
        try Data("清华大学\n".utf8).write(to: b)
        let run = try hanzi(["segment", a.path, b.path, "-o", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "我 / 来到 / 北京\n清华大学\n")
    }
}
