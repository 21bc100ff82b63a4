import Benchmark
import HanziKit
#if canImport(Glibc)
import Glibc
#endif

/// One megabyte of real text: the novel 围城 from the shared corpora when it is there
/// (`../shared/data/corpus/weicheng.txt` beside the repository), else a built-in passage.
let corpus: [UInt8] = {
    let repository = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(4).joined(separator: "/")
    let novel = (try? FileBytes.read(repository + "/../shared/data/corpus/weicheng.txt")) ?? Array("""
        小明硕士毕业于中国科学院计算所，后在日本京都大学深造。他来到了网易杭研大厦，工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作。
        iPhone 15 Pro售价7999元，比上一代涨了3.5%！今天天气真好，我们去公园吧。

        """.utf8)
    var text: [UInt8] = []
    text.reserveCapacity((1 << 20) + novel.count)
    while text.count < 1 << 20 { text += novel }
    return Array(text[..<(text[(1 << 20)...].firstIndex(of: 0x0A).map { $0 + 1 } ?? text.count)])
}()

/// The corpus's lines, as jieba and `hanzi segment` see them.
let lines: [Range<Int>] = {
    var result: [Range<Int>] = []
    var start = 0
    for (i, byte) in corpus.enumerated() where byte == 0x0A {
        result.append(start..<i)
        start = i + 1
    }
    if start < corpus.count { result.append(start..<corpus.count) }
    return result
}()

/// Segments the whole corpus, line by line, without allocating a string per token.
func segmentCorpus(_ segmenter: Segmenter, mode: Segmenter.Mode, hmm: Bool = true, workspace: Segmenter.Workspace) -> Int {
    var tokens = 0
    corpus.withUnsafeBufferPointer { all in
        for line in lines {
            segmenter.forEachToken(in: UnsafeBufferPointer(rebasing: all[line]), mode: mode, hmm: hmm, workspace: workspace) { _ in
                tokens += 1
            }
        }
    }
    return tokens
}

let benchmarks: @Sendable () -> Void = {
    // Throughput counts megabytes of input per second (one iteration is one megabyte), so
    // mallocCountTotal reads as allocations per megabyte.
    let perMegabyte = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 30)

    Benchmark("Dictionary load (jieba lexicon, HMM model, t2s dictionaries)",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations {
            // A fresh store each time: the standard one keeps its lexicons once loaded.
            blackHole(try Segmenter(store: DictionaryStore(directory: nil)))
        }
    }

    Benchmark("Character index build",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            // A new segmenter has no index yet (copies would share theirs).
            let segmenter = try Segmenter(traditional: false)
            benchmark.startMeasurement()
            segmenter.buildCharacterIndex()
            benchmark.stopMeasurement()
            blackHole(segmenter)
        }
    }

    for indexed in [false, true] {
        for (mode, hmm) in [(Segmenter.Mode.accurate, true), (.accurate, false), (.full, true), (.search, true)] {
            let name = "\(mode.rawValue)\(mode == .accurate && !hmm ? " no-HMM" : "")\(indexed ? " (character index)" : "") per MB"
            Benchmark(name, configuration: perMegabyte) { benchmark in
                let segmenter = try Segmenter()
                if indexed { segmenter.buildCharacterIndex() }
                let workspace = Segmenter.Workspace()
                _ = segmentCorpus(segmenter, mode: mode, hmm: hmm, workspace: workspace)
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    blackHole(segmentCorpus(segmenter, mode: mode, hmm: hmm, workspace: workspace))
                }
            }
        }
    }
}
