import Foundation
import Testing

@Suite("hanzi clean")
struct CleanCommandTests {
    /// “你好” (UTF-8) read as GBK, as scraped pages show it.
    let garbledQuote = "鈥滀綘濂解€\u{FFFD}"

    @Test func helpShowsExamples() throws {
        let help = try hanzi(["clean", "--help"])
        #expect(help.status == 0)
        #expect(help.text.contains("Examples:"))
        #expect(help.text.contains("--explain"))
        #expect(help.text.contains("--config"))
    }

    @Test func repairsRestoresPunctuationAndConvertsInOneStep() throws {
        let input = "她笑着说:\(garbledQuote)\n鼠标坏了,怎么办?\n这一行很干净。\n"
        let result = try hanzi(["clean", "-c", "s2twp"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == "她笑著說：“你好”\n滑鼠壞了，怎麼辦？\n這一行很乾淨。\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func withoutAConfigTheScriptIsKept() throws {
        let result = try hanzi(["clean"], input: "她笑着说:\(garbledQuote)\n")
        #expect(result.text == "她笑着说：“你好”\n")
    }

    @Test func explainListsEveryChangeOfEveryStageWithLineAndByteRange() throws {
        let input = "干净的一行。\n鼠标坏了,怎么办?\n她笑着说：\(garbledQuote)\n锟斤拷"
        let result = try hanzi(["clean", "-c", "s2t", "--explain"], input: input)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let two = "干净的一行。\n".utf8.count
        let comma = two + "鼠标坏了".utf8.count
        let three = two + "鼠标坏了,怎么办?\n".utf8.count
        let quote = three + "她笑着说：".utf8.count
        let four = quote + garbledQuote.utf8.count + 1
        #expect(lines == [
            "1: bytes 0..<6: \"干净\" → \"乾淨\" conversion s2t",
            // 鼠标 is one dictionary word, 坏 the next; 鼠 is the same in both scripts.
            "2: bytes \(two + 3)..<\(two + 9): \"标坏\" → \"標壞\" conversion s2t",
            "2: bytes \(comma)..<\(comma + 1): \",\" → \"，\" punctuation asciiPunctuationInChinese",
            "2: bytes \(comma + 4)..<\(comma + 10): \"么办\" → \"麼辦\" conversion s2t",
            "2: bytes \(comma + 10)..<\(comma + 11): \"?\" → \"？\" punctuation asciiPunctuationInChinese",
            "3: bytes \(three + 9)..<\(three + 12): \"说\" → \"說\" conversion s2t",
            "3: bytes \(quote)..<\(four - 1): \"\(garbledQuote)\" → \"“你好”\" repair utf8AsGBK, 1 character(s) chosen for lost bytes",
            "4: bytes \(four)..<\(four + 9): \"锟斤拷\" repair kunJinKao, irrecoverable, left as is",
            "4: bytes \(four)..<\(four + 3): \"锟\" → \"錕\" conversion s2t",
        ])
    }

    @Test func aConversionOfRepairedTextPointsAtTheGarbledBytes() throws {
        // “头发” (UTF-8) read as GBK, after a full-width colon.
        let garbled = "鈥滃ご鍙戔€\u{FFFD}"
        let result = try hanzi(["clean", "-c", "s2t", "--explain"], input: "他说：\(garbled)")
        #expect(result.text == "他說：“頭髮”")
        let start = "他说：".utf8.count, end = start + garbled.utf8.count
        #expect(result.stderr.contains("1: bytes \(start)..<\(end): \"\(garbled)\" → \"“头发”\" repair utf8AsGBK"))
        #expect(result.stderr.contains("1: bytes \(start)..<\(end): \"头发\" → \"頭髮\" conversion s2t"))
    }

    @Test func explainAsJSONNamesTheStage() throws {
        let result = try hanzi(["clean", "-c", "s2t", "--explain", "--format", "json"], input: "她说：\(garbledQuote)怎么办?\n")
        let objects = try result.stderr.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(Set(objects.compactMap { $0["stage"] as? String }) == ["conversion", "punctuation", "repair"])
        #expect(objects.allSatisfy { $0["line"] as? Int == 1 && $0["start"] is Int && $0["end"] is Int })
    }

    @Test func cleaningTheOutputAgainChangesNothing() throws {
        let input = """
            他说:\(garbledQuote)
            â€œä½ å¥½â€\u{9D}，她回答。
            鼠标坏了,怎么办?他说:"换一个(新的)!"
            English stays: see https://example.com/a?b=1, "quoted", GPT-3.5.
            后来他们的头发都白了。

            """
        for config in [[], ["-c", "s2t"], ["-c", "s2twp"], ["-c", "s2hk"]] {
            let first = try hanzi(["clean"] + config, input: input)
            #expect(first.status == 0)
            let second = try hanzi(["clean", "--check"] + config, input: first.stdout)
            #expect(second.status == 0, "\(config): \(second.text)")
            let again = try hanzi(["clean"] + config, input: first.stdout)
            #expect(again.stdout == first.stdout, "\(config)")
        }
    }

    @Test func checkExitsOneWhenSomethingWouldChange() throws {
        let dirty = try hanzi(["clean", "--check"], input: "她说:\(garbledQuote)\n")
        #expect(dirty.status == 1)
        #expect(dirty.stdout.isEmpty)
        let clean = try hanzi(["clean", "--check"], input: "她说：“你好”\n")
        #expect(clean.status == 0)
    }

    @Test func decodesTheInputAndReportsHow() throws {
        // 他说:头发 in GBK (他 CBFB, 说 CBB5, 头 CDB7, 发 B7A2).
        let gbk: [UInt8] = [0xCB, 0xFB, 0xCB, 0xB5, 0x3A, 0xCD, 0xB7, 0xB7, 0xA2, 0x0A]
        let result = try hanzi(["clean", "--encoding", "gbk", "-c", "s2t", "--explain"], input: gbk)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == "他說：頭髮\n")
        #expect(result.stderr.hasPrefix("decode: GBK → UTF-8"))
        #expect(result.stderr.contains("1: bytes 6..<7: \":\" → \"：\" punctuation"))
        let check = try hanzi(["clean", "--encoding", "gbk", "--check"], input: gbk)
        #expect(check.status == 1)
    }

    @Test func lineEndingsAndByteOrderMarkAreKept() throws {
        let input = "\u{FEFF}鼠标坏了,怎么办?\r\n他说:\"走吧!\"\r\n第二行\r\n"
        let result = try hanzi(["clean", "-c", "s2t"], input: input)
        // The quotation mark before \r\n closes at the end of its line.
        #expect(result.text == "\u{FEFF}鼠標壞了，怎麼辦？\r\n他說：“走吧！”\r\n第二行\r\n")
    }

    @Test func invalidInputLeavesNoOutputFile() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("out.txt").path
        let result = try hanzi(["clean", "-o", output], input: Array("好的\n".utf8) + [0xFF, 0x0A])
        #expect(result.status == 3)
        #expect(result.stderr.contains("byte offset 7"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func unknownConfigIsAUsageError() throws {
        let result = try hanzi(["clean", "-c", "s2x"], input: "你好")
        #expect(result.status == 64)
        #expect(result.stderr.contains("s2twp"))
    }

    @Test func lineLongerThanTheCutLimitCleansAsAWhole() throws {
        // Garbled throughout, so that every piece is repaired: 320 KB, past the 256 KB at which
        // `clean` cuts a line (LongLineCut.repairLimit). A debug build repairs slowly.
        let unit = "后来他说:\(garbledQuote)这个软件的头发问题，干预不了。"
        let count = 5 * (64 << 10) / unit.utf8.count
        let result = try hanzi(["clean", "-c", "s2t"], input: String(repeating: unit, count: count))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == String(repeating: "後來他說：“你好”這個軟件的頭髮問題，干預不了。", count: count))
    }
}
