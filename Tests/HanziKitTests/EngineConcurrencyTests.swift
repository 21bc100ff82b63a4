import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import HanziKit
import Synchronization
import Testing

// Every engine is documented as shareable: one `Converter`, `Segmenter`, `Repairer`,
// `ScriptDetector` or `Charset` serves any number of threads. These tests share one instance
// between 16 concurrent workers (GCD threads, and Swift tasks), each running the whole corpus in
// its own order, and require every result to equal the serial one exactly. The engines are
// created fresh for the concurrent run, so that the lazily built state (the converter's indexed
// program after 32 KB, the segmenter's character index) is built while other threads use them.
//
// Run once under the thread sanitizer:
//   swift test --scratch-path .build-tsan --sanitize=thread --filter EngineConcurrency

/// The corpus: a few hundred varied lines — Simplified, Traditional, mixed, mojibake of several
/// kinds, Latin text, punctuation, control characters, empty and long lines.
enum ConcurrencyCorpus {
    static let simplified = [
        "我来到北京清华大学，研究自然语言处理",
        "鼠标和软件都是计算机的一部分。",
        "“我们后来才知道，”他说，“这个‘信息’是假的。”",
        "小明硕士毕业于中国科学院计算所，后在日本京都大学深造",
        "他来到了网易杭研大厦",
        "鼠标里面的硅二极管坏了",
        "后来之后什么深坑里，于是范式冲破干预",
        "头发干了以后，她在台湾的公司里开会",
        "工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作",
        "结婚的和尚未结婚的",
    ]
    static let traditional = [
        "我們後來在臺北的軟體公司工作",
        "憑藉著這些資料，我們發現了問題",
        "鴻漸道：「我們好好的謝你。」那女人講了一大串話。",
        "小明碩士畢業於中國科學院計算所，後在日本京都大學深造",
        "滑鼠裡面的矽二極體壞了",
        "他來到了網易杭研大廈",
    ]
    static let other = [
        "",
        " ",
        "Hello, world! 2024-05-01 12:34:56",
        "A\tB\tC\r",
        "中文 English 混合 text，还有数字 3.14159 和 email@example.com",
        "!!!???。。。，，，“”‘’「」『』（）",
        "\u{0}\u{1}\u{7F}\u{85}\u{2028}中\u{0}文",
        "𠀀𠀁𪚥𰻞 emoji 😀👍🏽 组合字符 é",
        "锟斤拷烫烫烫\u{FFFD}\u{FFFD}",
    ]
    /// Mojibake as found in the wild, and made here with ICU from clean lines.
    static let garbled = [
        "他说：鈥滀綘濂解€\u{FFFD}",
        "â€œä½ å¥½â€\u{9D}",
        // The same with the no-break space that windows-1252 gives for A0 (above, it became a
        // space, as in copied text, and 你 is lost).
        "â€œä½\u{A0}å¥½â€\u{9D}",
        "他说鈥滀綘濂解€濓紝鐒跺悗璧颁簡銆\u{FFFD}",
        "她笑着说:\"你好\",然后走了.",
    ]

    static func misread(_ text: String, as charset: Charset) -> String {
        (try? charset.decode(Charset.utf8.encode(text), mode: .substitute)) ?? text
    }

    /// About 300 lines, deterministic.
    static let lines: [String] = {
        var base = simplified + traditional + other + garbled
        for line in simplified.prefix(5) + traditional.prefix(3) {
            base.append(misread(line, as: .gbk))
            base.append(misread(line, as: .windows1252))
            base.append(misread(line, as: .latin1))
        }
        var result = base
        // Pairs and triples of lines joined in varying ways give lines of varied length and mix.
        let joins = ["", "，", " ", "。\t", "“"]
        for i in 0..<(300 - base.count) {
            let a = base[(i * 7) % base.count], b = base[(i * 13 + 5) % base.count]
            var line = a + joins[i % joins.count] + b
            if i % 11 == 0 { line += String(repeating: base[i % base.count], count: 20) }
            result.append(line)
        }
        return result
    }()
}

/// Runs `body(worker, line index)` for every line on `workers` concurrent threads, each worker
/// going through all lines starting at a different place, and returns each worker's results in
/// line order.
func concurrentResults<T: Sendable>(workers: Int, lines: Int, _ body: @Sendable (_ worker: Int, _ line: Int) -> T) -> [[T]] {
    let results = Mutex<[[T?]]>(Array(repeating: Array(repeating: nil, count: lines), count: workers))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var mine = [T?](repeating: nil, count: lines)
        // Worker w starts at a different line and, for odd w, goes backwards.
        for step in 0..<lines {
            let k = worker % 2 == 0 ? (step + worker * 37) % lines : (lines - 1 - (step + worker * 17) % lines)
            mine[k] = body(worker, k)
        }
        results.withLock { $0[worker] = mine }
    }
    return results.withLock { $0.map { $0.map { $0! } } }
}

@Suite("Engines shared by many threads give the serial results")
struct EngineConcurrencyTests {
    static let lines = ConcurrencyCorpus.lines
    static let workers = 16

    @Test func corpusIsVariedEnough() {
        #expect(Self.lines.count == 300)
        #expect(Self.lines.contains("他说：鈥滀綘濂解€\u{FFFD}"))
        #expect(Self.lines.contains("â€œä½ å¥½â€\u{9D}"))
        // Enough text to make a fresh converter build its indexes mid-run (32 KB).
        #expect(Self.lines.reduce(0) { $0 + $1.utf8.count } * Self.workers > 64 << 10)
    }

    @Test(arguments: [ConversionConfig.Name.s2twp, .t2s, .s2hk])
    func converterSharedByThreads(_ name: ConversionConfig.Name) throws {
        let lines = Self.lines
        let serialConverter = try Converter(name)
        let expected = lines.map { serialConverter.convert($0) }
        if name == .s2twp {
            #expect(expected[1] == "滑鼠和軟體都是計算機的一部分。")
        } else if name == .t2s {
            #expect(expected[ConcurrencyCorpus.simplified.count] == "我们后来在台北的软体公司工作")
        }
        // A fresh converter, so that its indexed program is built while threads convert.
        let shared = try Converter(name)
        let results = concurrentResults(workers: Self.workers, lines: lines.count) { worker, k -> String in
            if worker % 3 == 0 { return shared.convert(lines[k]) }
            var output: [UInt8] = []
            var line = lines[k]
            line.withUTF8 { bytes in
                if worker % 3 == 1 {
                    shared.convert(utf8: bytes, into: &output)
                } else {
                    var scratch = Converter.Scratch()
                    shared.convert(utf8: bytes, into: &output, scratch: &scratch)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        for (worker, result) in results.enumerated() {
            let wrong = zip(result, expected).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            #expect(wrong.isEmpty, "\(name) worker \(worker): lines \(wrong.prefix(5)) differ, e.g. \(wrong.first.map { result[$0] } ?? "")")
        }
    }

    @Test func converterStreamsOnManyThreadsGiveTheWholeConversion() throws {
        // Each thread streams the whole corpus through its own stream over one converter, in
        // pieces cut at odd places (inside characters too).
        let text = Array(Self.lines.joined(separator: "\n").utf8)
        let serial = try Converter(.s2tw)
        let expected = Array(Self.lines.map { serial.convert($0) }.joined(separator: "\n").utf8)
        let shared = try Converter(.s2tw)
        let results = concurrentResults(workers: 8, lines: 1) { worker, _ -> [UInt8] in
            var stream = shared.makeStream()
            var output: [UInt8] = []
            var start = 0
            let piece = 97 + worker * 31
            text.withUnsafeBufferPointer { all in
                while start < all.count {
                    let end = min(all.count, start + piece)
                    stream.convert(UnsafeBufferPointer(rebasing: all[start..<end]), into: &output)
                    start = end
                }
            }
            stream.finish(into: &output)
            return output
        }
        for (worker, result) in results.enumerated() {
            #expect(result[0] == expected, "worker \(worker)")
        }
    }

    @Test func converterSharedByTasks() async throws {
        let lines = Self.lines
        let expected = try lines.map { try Converter(.s2twp).convert($0) }
        let shared = try Converter(.s2twp)
        let count = lines.count
        let results = await withTaskGroup(of: (Int, [String]).self) { group in
            for task in 0..<Self.workers {
                group.addTask {
                    // Task t converts the lines starting at line 19·t, then puts them back in order.
                    var converted = [String](repeating: "", count: count)
                    for step in 0..<count {
                        let k = (step + task * 19) % count
                        converted[k] = shared.convert(lines[k])
                    }
                    return (task, converted)
                }
            }
            var all: [(Int, [String])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == Self.workers)
        for (task, converted) in results {
            #expect(converted == expected, "task \(task)")
        }
    }

    /// A token as compared here: its bytes and its range.
    struct Cut: Hashable, Sendable {
        var text: String
        var range: Range<Int>
    }

    @Test(arguments: Segmenter.Mode.allCases)
    func segmenterSharedByThreads(_ mode: Segmenter.Mode) throws {
        let lines = Self.lines
        let serialSegmenter = try Segmenter()
        let expected = lines.map { line in serialSegmenter.tokens(in: line, mode: mode).map { Cut(text: String($0.text), range: $0.utf8Range) } }
        if mode == .accurate {
            #expect(expected[0].map(\.text) == ["我", "来到", "北京", "清华大学", "，", "研究", "自然语言", "处理"])
            let traditional = ConcurrencyCorpus.simplified.count
            #expect(expected[traditional].map(\.text) == ["我們", "後來", "在", "臺北", "的", "軟體", "公司", "工作"])
            // Accurate tokens cover every line exactly, in order.
            for (line, cuts) in zip(lines, expected) { #expect(cuts.map(\.text).joined() == line) }
        }
        // A fresh segmenter whose character index is built by one worker while the others cut.
        let shared = try Segmenter()
        let results = concurrentResults(workers: Self.workers, lines: lines.count) { worker, k -> [Cut] in
            if worker == 0 && k == lines.count / 2 { shared.buildCharacterIndex() }
            if worker % 2 == 0 {
                return shared.tokens(in: lines[k], mode: mode).map { Cut(text: String($0.text), range: $0.utf8Range) }
            }
            // The byte-level API with this thread's own workspace.
            let workspace = Segmenter.Workspace()
            var line = lines[k]
            return line.withUTF8 { bytes in
                var cuts: [Cut] = []
                shared.forEachToken(in: bytes, mode: mode, workspace: workspace) { range in
                    cuts.append(Cut(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), range: range))
                }
                return cuts
            }
        }
        for (worker, result) in results.enumerated() {
            let wrong = zip(result, expected).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            #expect(wrong.isEmpty, "\(mode) worker \(worker): lines \(wrong.prefix(5)) differ")
        }
    }

    @Test func segmenterWorkspacePerThreadReusedAcrossLines() throws {
        // Each thread keeps one workspace for all lines, as `hanzi segment` does: buffers grown
        // by a long line must not leak into the next line's result.
        let lines = Self.lines
        let segmenter = try Segmenter()
        let expected = lines.map { segmenter.words(in: $0, mode: .search, traditional: .on) }
        let results = Mutex<[[[String]]]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let workspace = Segmenter.Workspace()
            var mine: [[String]] = []
            for var line in lines {
                mine.append(line.withUTF8 { bytes in
                    var words: [String] = []
                    segmenter.forEachToken(in: bytes, mode: .search, traditional: .on, workspace: workspace) { range in
                        words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
                    }
                    return words
                })
            }
            results.withLock { $0.append(mine) }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 8)
        for result in all { #expect(result == expected) }
    }

    @Test func repairerSharedByThreads() throws {
        // The lines up to 400 bytes (about 270 of them): the repairer is slow on the long
        // garbled lines in a debug build, and 8 workers.
        let lines = Self.lines.filter { $0.utf8.count <= 400 }
        #expect(lines.count >= 250)
        let serialRepairer = try Repairer()
        let expected = lines.map { serialRepairer.repair($0) }
        // The mojibake of the brief is repaired, so the comparison below is about real work.
        let first = lines.firstIndex(of: "他说：鈥滀綘濂解€\u{FFFD}")!
        #expect(expected[first].text == "他说：“你好”")
        let second = lines.firstIndex(of: "â€œä½\u{A0}å¥½â€\u{9D}")!
        #expect(expected[second].text == "“你好”")
        #expect(expected.filter { !$0.fixes.isEmpty }.count >= 30)

        let shared = try Repairer()
        let results = concurrentResults(workers: 8, lines: lines.count) { worker, k -> Repaired in
            if worker % 2 == 0 {
                let (text, fixes) = shared.repair(lines[k])
                return Repaired(text: text, fixes: fixes)
            }
            var line = lines[k]
            return line.withUTF8 { bytes in
                var output: [UInt8] = []
                let fixes = shared.repair(utf8: bytes, appendingTo: &output)
                return Repaired(text: String(decoding: output, as: UTF8.self), fixes: fixes)
            }
        }
        let expectedRepaired = expected.map { Repaired(text: $0.text, fixes: $0.fixes) }
        for (worker, result) in results.enumerated() {
            let wrong = zip(result, expectedRepaired).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            #expect(wrong.isEmpty, "worker \(worker): lines \(wrong.prefix(5)) differ")
        }
    }

    struct Repaired: Hashable, Sendable {
        var text: String
        var fixes: [Fix]
    }

    @Test func scriptDetectorAndMixedRepairSharedByThreads() throws {
        let lines = Self.lines
        let detector = try ScriptDetector()
        let mixed = try MixedTextRepairer(converter: Converter(.s2t))
        let expectedReports = lines.map { detector.report(for: $0) }
        let expectedMixed = lines.map { mixed.repair($0) }
        #expect(expectedReports[ConcurrencyCorpus.simplified.count].script == .traditional)
        #expect(expectedReports[0].script == .simplified)
        let results = concurrentResults(workers: Self.workers, lines: lines.count) { _, k in
            (detector.report(for: lines[k]), mixed.repair(lines[k]))
        }
        for (worker, result) in results.enumerated() {
            #expect(result.map(\.0) == expectedReports, "worker \(worker)")
            #expect(result.map(\.1) == expectedMixed, "worker \(worker)")
        }
    }

    @Test func charsetsSharedByThreads() throws {
        // The ICU converters behind a Charset are opened per call or cloned: one Charset value
        // decodes and encodes on many threads at once.
        let lines = Self.lines
        let gbk = Charset.gbk, big5 = Charset.big5
        let expected = lines.map { ConcurrencyCorpus.misread($0, as: gbk) }
        let expectedBig5 = lines.map { (try? big5.encode($0, mode: .substitute)) ?? [] }
        let results = concurrentResults(workers: Self.workers, lines: lines.count) { _, k in
            (ConcurrencyCorpus.misread(lines[k], as: gbk), (try? big5.encode(lines[k], mode: .substitute)) ?? [])
        }
        for (worker, result) in results.enumerated() {
            #expect(result.map(\.0) == expected, "worker \(worker)")
            #expect(result.map(\.1) == expectedBig5, "worker \(worker)")
        }
    }

    @Test func enginesCreatedConcurrentlyOverOneEmptyCacheAgree() throws {
        // Many threads creating engines at once over fresh stores sharing one empty cache
        // directory: each compiles the dictionaries and writes the same cache files at the
        // same time. Every engine must still give the same results.
        let cache = try TestDirectory("concurrent-cache")
        let lines = Array(Self.lines.prefix(60))
        let reference = try Segmenter(), converter = try Converter(.s2t)
        let expected = lines.map { reference.words(in: $0) + [converter.convert($0)] }
        let results = Mutex<[Int: [[String]]]>([:])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            do {
                let store = DictionaryStore(directory: nil, cacheDirectory: cache.path)
                let segmenter = try Segmenter(store: store)
                let converter = try Converter(.s2t, store: store)
                let mine = lines.map { segmenter.words(in: $0) + [converter.convert($0)] }
                results.withLock { $0[worker] = mine }
            } catch {
                failures.withLock { $0.append("\(worker): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let all = results.withLock { $0 }
        #expect(all.count == 6)
        for (worker, result) in all { #expect(result == expected, "worker \(worker)") }
    }
}
