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
            (â€œ → “), also where the decoder dropped the bytes it could not read (鈥滀綘濂解), \
            Big5 read as GBK and back, the GBK one-byte shift ("?!蓖蹶烧f" → "。”王晟說"), \
            mojibake applied twice, garbled punctuation inside clean text, and full-width punctuation \
            folded to ASCII inside Chinese sentences (and 。 typed as '.' in a line typed so). A span \
            is repaired only when the result is clearly more plausible Chinese than the input; clean \
            text comes out byte-identical. Irrecoverable damage (锟斤拷, U+FFFD, '?' for lost \
            characters) is reported by --explain and left alone.

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

    @OptionGroup var repairing: RepairOptions

    @OptionGroup var parallel: ParallelOptions

    @OptionGroup var io: InputOutputOptions
    @OptionGroup var encoding: EncodingOptions
    @OptionGroup var dictionaries: DictionaryOptions

    func validate() throws {
        try repairing.validate(with: io)
    }

    func run() throws {
        let found = try withExitCodes { () -> Bool in
            let repairer = try Repairer(options: repairing.repairer,
                                        store: dictionaries.store)
            var processor = LineProcessor()
            processor.jobs = repairing.explain ? 1 : parallel.threads
            processor.blockSize = 1 << 18
            processor.longLineCut = .repair
            processor.longLineLimit = LongLineCut.repairLimit
            let report = ChangeReport(format: repairing.format, to: repairing.check ? FileOutput(fd: 1) : FileOutput.standardError,
                                      multipleInputs: io.inputs.count > 1)
            defer { report.flush() }
            if repairing.check {
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
        if repairing.check && found { throw HanziExit.found }
    }

    private func repair(_ input: InputFile, with repairer: Repairer, processor: LineProcessor, report: ChangeReport,
                        output: FileOutput) throws {
        let explain = repairing.explain
        report.start(input)
        try processor.run(input, encoding: encoding.encoding, to: output) {
            { line, piece, result in
                if explain {
                    let offset = report.nextLine(length: line.count, piece: piece)
                    let fixes = repairer.repair(utf8: line, baseOffset: offset, appendingTo: &result)
                    report.add(fixes.map(Cleaner.Change.init(fix:)))
                } else if repairer.repair(utf8: line, appendingTo: &result).contains(where: \.changesText) {
                    report.noteChange()
                }
            }
        }
    }
}

extension Repairer.Options.QuoteStyle: ExpressibleByArgument {}

