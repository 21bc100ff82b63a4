import ArgumentParser
import HanziKit
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Fix garbled Chinese text: mojibake, mis-decoded quotation marks and punctuation.",
        discussion: """
            Repairs UTF-8 read as GBK (鈥滀綘濂解€� → “你好”), as windows-1252 or Latin-1 \
            (â€œ → “), Big5 read as GBK and back, the GBK one-byte shift ("?!蓖蹶烧f" → "。”王晟說"), \
            mojibake applied twice, garbled punctuation inside clean text, and full-width punctuation \
            folded to ASCII inside Chinese sentences. A span is repaired only when the result is clearly \
            more plausible Chinese than the input; clean text comes out byte-identical. Irrecoverable \
            damage (锟斤拷, U+FFFD, '?' for lost characters) is reported by --explain and left alone.

            Reads standard input or the FILEs and writes one output line per input line (lines end at \
            \\n only; U+0085 and U+2028 are ordinary characters). --explain lists every change and every \
            piece of damage with its line, byte range (UTF-8 offsets into the input, or into its UTF-8 \
            decoding with --encoding), text before and after, and diagnosis, on standard error (on \
            standard output with --check).

            Examples:
              echo '他说：鈥滀綘濂解€�' | hanzi repair
              hanzi repair --explain article.txt > fixed.txt
              hanzi repair --explain --format json --check scraped/*.txt
              hanzi repair --quotes corner --in-place post.txt      # keeps post.txt.orig
              hanzi repair --encoding gbk old.txt -o old.utf8.txt
            """
    )

    /// How --explain writes its report.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Flag(help: "Report every change and every piece of irrecoverable damage.")
    var explain = false

    @Option(help: "The format of the --explain report: text, or json (one JSON object per line).")
    var format: ReportFormat = .text

    @Flag(help: "Change nothing: exit with 1 when something would be repaired, 0 otherwise.")
    var check = false

    @Option(help: "The quotation marks that replace straight double quotes around Chinese text: curly (“ ”) or corner (「 」).")
    var quotes: Repairer.Options.QuoteStyle = .curly

    @Flag(name: .customLong("no-punctuation"), help: "Leave ASCII punctuation inside Chinese as it is; undo mojibake only.")
    var noPunctuation = false

    @OptionGroup var parallel: ParallelOptions

    @OptionGroup var io: InputOutputOptions
    @OptionGroup var encoding: EncodingOptions
    @OptionGroup var dictionaries: DictionaryOptions

    func validate() throws {
        if check && (io.inPlace || io.output != nil) { throw ValidationError("--check writes nothing; it cannot be combined with --in-place or --output") }
    }

    func run() throws {
        let found = try withExitCodes { () -> Bool in
            let repairer = try Repairer(options: Repairer.Options(restoresPunctuation: !noPunctuation, quotes: quotes),
                                        store: dictionaries.store)
            var processor = LineProcessor()
            processor.jobs = explain ? 1 : parallel.threads
            processor.blockSize = 1 << 18
            let report = RepairReport(format: format, to: check ? FileOutput(fd: 1) : FileOutput.standardError,
                                      multipleInputs: io.inputs.count > 1)
            defer { report.flush() }
            if check {
                let discard = FileOutput(fd: open("/dev/null", O_WRONLY | O_CLOEXEC), closesOnFlushAndDeinit: true)
                for input in io.inputs {
                    try repair(input, with: repairer, processor: processor, report: report, output: discard)
                }
            } else {
                try io.process { input, output in
                    try repair(input, with: repairer, processor: processor, report: report, output: output)
                }
            }
            return report.foundChange
        }
        if check && found { throw HanziExit.found }
    }

    private func repair(_ input: InputFile, with repairer: Repairer, processor: LineProcessor, report: RepairReport,
                        output: FileOutput) throws {
        let explain = self.explain
        report.start(input)
        try processor.run(input, encoding: encoding.encoding, to: output) {
            { line, result in
                if explain {
                    let offset = report.nextLine(length: line.count)
                    let fixes = repairer.repair(utf8: line, baseOffset: offset, appendingTo: &result)
                    report.add(fixes)
                } else if !repairer.isSuspicious(line) {
                    result.append(contentsOf: line)
                } else if !repairer.repair(utf8: line, appendingTo: &result).allSatisfy({ !$0.changesText }) {
                    report.noteChange()
                }
            }
        }
    }
}

extension Repairer.Options.QuoteStyle: ExpressibleByArgument {}

/// Collects what `hanzi repair` found: whether anything changed (for --check) and, with
/// --explain, a line per fix.
///
/// `@unchecked Sendable`: the change flag is atomic; line counting and report writing happen
/// only with --explain, which runs a single worker that sees the lines in order.
private final class RepairReport: @unchecked Sendable {
    private let format: RepairCommand.ReportFormat
    private let output: FileOutput
    private let multipleInputs: Bool
    private let changed = Atomic<Bool>(false)
    private var inputName = ""
    private var lineNumber = 0
    private var lineStart = 0
    private var nextLineStart = 0

    init(format: RepairCommand.ReportFormat, to output: FileOutput, multipleInputs: Bool) {
        self.format = format
        self.output = output
        self.multipleInputs = multipleInputs
    }

    var foundChange: Bool { changed.load(ordering: .relaxed) }

    func noteChange() { changed.store(true, ordering: .relaxed) }

    /// Starts counting lines of a new input.
    func start(_ input: InputFile) {
        inputName = input.displayName
        lineNumber = 0
        nextLineStart = 0
    }

    /// Advances to the next line of `length` bytes and returns the byte offset where it starts.
    func nextLine(length: Int) -> Int {
        lineNumber += 1
        lineStart = nextLineStart
        nextLineStart += length + 1
        return lineStart
    }

    /// Writes one report line per fix of the current line.
    func add(_ fixes: [Fix]) {
        for fix in fixes {
            if fix.changesText { noteChange() }
            output.write(Array(describe(fix).utf8))
        }
    }

    func flush() { output.flush() }

    private func describe(_ fix: Fix) -> String {
        let column = (fix.range.lowerBound - lineStart)..<(fix.range.upperBound - lineStart)
        switch format {
        case .text:
            let place = (multipleInputs ? inputName + ":" : "") + "\(lineNumber): bytes \(fix.range.lowerBound)..<\(fix.range.upperBound)"
            if !fix.changesText {
                return "\(place): \(quoted(fix.before)) \(fix.diagnosis), irrecoverable, left as is\n"
            }
            let lost = fix.unrecovered > 0 ? ", \(fix.unrecovered) character(s) lost (U+FFFD)" : ""
            return "\(place): \(quoted(fix.before)) → \(quoted(fix.after)) \(fix.diagnosis)\(lost)\n"
        case .json:
            var fields = [
                "\"file\":\(json(inputName))",
                "\"line\":\(lineNumber)",
                "\"start\":\(fix.range.lowerBound)",
                "\"end\":\(fix.range.upperBound)",
                "\"lineStart\":\(column.lowerBound)",
                "\"lineEnd\":\(column.upperBound)",
                "\"before\":\(json(fix.before))",
                "\"after\":\(json(fix.after))",
                "\"diagnosis\":\(json(fix.diagnosis.rawValue))",
                "\"changed\":\(fix.changesText)",
                "\"irrecoverable\":\(fix.diagnosis.isIrrecoverable)",
            ]
            fields.append("\"gain\":\((fix.gain * 10).rounded() / 10)")
            fields.append("\"unrecovered\":\(fix.unrecovered)")
            return "{" + fields.joined(separator: ",") + "}\n"
        }
    }

    /// Text in double quotes with controls made visible, so a report line stays one line.
    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A JSON string literal.
    private func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
