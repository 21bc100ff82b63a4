import ArgumentParser
import Dispatch
import HanziKit
#if canImport(Glibc)
import Glibc
#endif

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Chinese text into words exactly as jieba 0.42.1 does, much faster.",
        discussion: """
            Reads standard input or the FILEs and writes one output line per input line (lines end \
            at \\n; a \\r before it stays in the line, as a token). Input must be UTF-8 unless \
            --encoding says otherwise; invalid UTF-8 is reported with its byte offset (exit code 3).

            Modes: accurate (jieba.cut: the most probable words, covering the text), full \
            (jieba.cut(cut_all=True): every dictionary word, overlapping), search \
            (jieba.cut_for_search: accurate words preceded by their dictionary sub-words).

            --format jsonl writes one JSON array per line, a token being \
            {"text":…,"start":…,"end":…,"scalarStart":…,"scalarEnd":…}: UTF-8 byte offsets and \
            Unicode-scalar offsets in the line.

            A user dictionary has jieba's format: one `word [frequency] [tag]` per line; a word \
            without a frequency gets one that keeps it whole, frequency 0 removes a word.

            Traditional Chinese is segmented through OpenCC's Traditional→Simplified dictionaries \
            so that its words are those of its Simplified form, while the tokens stay the original \
            text. With --traditional auto (the default) this happens on the lines that look \
            Traditional.

            A line longer than 4 MB is segmented in pieces, cut before whitespace or full-width \
            punctuation where jieba's blocks end anyway: same tokens and offsets, bounded memory \
            (with --traditional auto, each piece is judged on its own).

            Examples:
              echo 我来到北京清华大学 | hanzi segment
              hanzi segment --mode search --format jsonl corpus.txt
              hanzi segment --user-dict my_words.txt --separator ' ' -i novel.txt -o novel.seg.txt
            """
    )

    @Option(help: "accurate, full or search.")
    var mode: Segmenter.Mode = .accurate

    @Flag(name: .customLong("no-hmm"), help: "Do not guess words missing from the dictionary with the HMM.")
    var noHMM = false

    @Option(name: .customLong("user-dict"), help: ArgumentHelp("A user dictionary in jieba's format (repeatable).", valueName: "file"))
    var userDictionaries: [String] = []

    @Option(help: ArgumentHelp("What separates tokens in text output.", valueName: "s"))
    var separator: String = " / "

    @Option(help: "text (tokens joined by --separator) or jsonl (a JSON array of tokens with offsets per line).")
    var format: SegmentFormat = .text

    @OptionGroup var parallel: ParallelOptions

    @Option(help: "Segment Traditional Chinese through its Simplified form: auto (lines that look Traditional), on, off.")
    var traditional: Segmenter.TraditionalHandling = .auto

    @OptionGroup var io: InputOutputOptions
    @OptionGroup var encoding: EncodingOptions
    @OptionGroup var dictionaries: DictionaryOptions

    func validate() throws {
    }

    func run() throws {
        try withExitCodes {
            let segmenter = try makeSegmenter()
            // The character index pays off past about a megabyte, and is not used for small
            // files. For a large file, a cached index is read first (a few milliseconds): that
            // keeps every line off the lexicon's trie, whose pages (20 MB) would otherwise be
            // read in and stay resident. A pipe may bring one line, which must not wait for it,
            // and an index not yet cached takes a quarter of a second to build: both are made
            // ready on another core while the first lines go through the trie.
            let large = io.inputs.map { $0.path.flatMap(Self.isLargeFile) }
            let ready = large.contains(true) && segmenter.loadCachedCharacterIndex()
            let building = DispatchGroup()
            if !ready && large.contains(where: { $0 != false }) {
                DispatchQueue.global().async(group: building) { segmenter.buildCharacterIndex() }
            }
            // A large file waits at the end for the index to be built and cached, else a run
            // shorter than the build would leave it unwritten, and every later run build it
            // again. A pipe does not wait: it may have brought one line.
            defer { if large.contains(true) { building.wait() } }
            let options = SegmentLineOptions(
                mode: mode, hmm: !noHMM, traditional: traditional, separator: Array(separator.utf8), format: format)
            var processor = LineProcessor()
            processor.jobs = parallel.threads
            processor.blockSize = 1 << 15
            processor.piecesPerWorker = 16
            processor.longLineCut = mode == .full ? .fullSegmentation : .segmentation
            try io.process { input, output in
                try processor.run(input, encoding: encoding.encoding, to: output) {
                    let workspace = Segmenter.Workspace()
                    return { line, piece, result in
                        segmenter.write(line, piece: piece, options: options, workspace: workspace, into: &result)
                    }
                }
            }
        }
    }

    /// Whether a file is over a megabyte; nil when that cannot be told, as for a pipe.
    private static func isLargeFile(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return info.st_size >= 1 << 20
    }

    private func makeSegmenter() throws -> Segmenter {
        var segmenter = try Segmenter(store: dictionaries.store, traditional: traditional != .off)
        for path in userDictionaries {
            do {
                try segmenter.loadUserDictionary(atPath: path)
            } catch let error as LexiconError {
                // An unreadable user dictionary is a bad input rather than a broken installation.
                throw InputError.unreadable(path, error.description)
            }
        }
        return segmenter
    }
}

/// The output formats of `hanzi segment`.
enum SegmentFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case jsonl
}

extension Segmenter.Mode: ExpressibleByArgument {}
extension Segmenter.TraditionalHandling: ExpressibleByArgument {}

/// What `hanzi segment` does to each line.
struct SegmentLineOptions: Sendable {
    var mode: Segmenter.Mode
    var hmm: Bool
    var traditional: Segmenter.TraditionalHandling
    var separator: [UInt8]
    var format: SegmentFormat
}

extension Segmenter {
    /// Appends the segmentation of one line to `result`, in the command's output format.
    /// Writes the tokens of `line` (a whole line, or a piece of a long one) in the format of
    /// `options`; offsets count from the start of the whole line.
    func write(_ line: UnsafeBufferPointer<UInt8>, piece: LinePiece, options: SegmentLineOptions, workspace: Workspace,
               into result: inout [UInt8]) {
        // The earlier pieces of a line wrote tokens: every character belongs to one.
        var first = !piece.continuesLine
        switch options.format {
        case .text:
            options.separator.withUnsafeBufferPointer { separator in
                appendJoinedTokens(of: line, separator: separator, separatorFirst: !first, mode: options.mode, hmm: options.hmm,
                                   traditional: options.traditional, workspace: workspace, to: &result)
            }
        case .jsonl:
            // Scalar offsets are counted from the previous token's, which is close by in every mode.
            var byte = 0
            var scalar = 0
            func scalarOffset(_ target: Int) -> Int {
                if target >= byte {
                    for i in byte..<target where line[i] & 0xC0 != 0x80 { scalar += 1 }
                } else {
                    for i in target..<byte where line[i] & 0xC0 != 0x80 { scalar -= 1 }
                }
                byte = target
                return piece.scalarOffset + scalar
            }
            if !piece.continuesLine { result.append(UInt8(ascii: "[")) }
            forEachToken(in: line, mode: options.mode, hmm: options.hmm, traditional: options.traditional, workspace: workspace) { range in
                if !first { result.append(UInt8(ascii: ",")) }
                first = false
                result.append(contentsOf: #"{"text":""#.utf8)
                JSONText.appendEscaped(UnsafeBufferPointer(rebasing: line[range]), to: &result)
                result.append(contentsOf: #"","start":"#.utf8)
                JSONText.appendNumber(piece.byteOffset + range.lowerBound, to: &result)
                result.append(contentsOf: #","end":"#.utf8)
                JSONText.appendNumber(piece.byteOffset + range.upperBound, to: &result)
                result.append(contentsOf: #","scalarStart":"#.utf8)
                JSONText.appendNumber(scalarOffset(range.lowerBound), to: &result)
                result.append(contentsOf: #","scalarEnd":"#.utf8)
                JSONText.appendNumber(scalarOffset(range.upperBound), to: &result)
                result.append(UInt8(ascii: "}"))
            }
            if piece.endsLine { result.append(UInt8(ascii: "]")) }
        }
    }
}

/// Writing JSON text into byte buffers without going through `String`.
enum JSONText {
    /// Appends UTF-8 text as the inside of a JSON string: `"` and `\` escaped, control
    /// characters as `\n`, `\r`, `\t` or `\u00XX`.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to result: inout [UInt8]) {
        for b in text {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): result.append(UInt8(ascii: "\\")); result.append(b)
            case 0x0A: result.append(UInt8(ascii: "\\")); result.append(UInt8(ascii: "n"))
            case 0x0D: result.append(UInt8(ascii: "\\")); result.append(UInt8(ascii: "r"))
            case 0x09: result.append(UInt8(ascii: "\\")); result.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let low = b & 0xF
                result.append(contentsOf: #"\u00"#.utf8)
                result.append(UInt8(ascii: "0") + (b >> 4))
                result.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
            default: result.append(b)
            }
        }
    }

    /// Appends a non-negative integer in decimal.
    static func appendNumber(_ n: Int, to result: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var value = n
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
                count += 1
            } while value > 0
            result.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
