import ArgumentParser
import HanziKit
#if canImport(Glibc)
import Glibc
#endif

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean up an article in one step: decode, repair mojibake and punctuation, convert the script.",
        discussion: """
            The stages, in order: decode the input (--encoding, default UTF-8; auto detects it with \
            ICU); repair mojibake and garbled punctuation as `hanzi repair` does; restore full-width \
            punctuation folded to ASCII inside Chinese (, ; : ? ! ( ), straight double quotes, and '.' \
            for 。 in a line typed with ASCII punctuation); \
            convert the script with --config, when given, as `hanzi convert` does; write UTF-8. \
            A line already in the script the config writes (Traditional for s2t, s2twp …, \
            Simplified for t2s, tw2sp …, as `hanzi detect` judges it) is left as it is: \
            converting it again would damage it (s2t turns 傢伙 into 傢夥).

            --explain lists every change of every stage on standard error — line, byte range (UTF-8 \
            offsets into the input, or into its UTF-8 decoding with --encoding), text before and \
            after, stage and reason — and the irrecoverable damage left alone. Cleaning the output \
            again changes nothing. Line endings and a byte-order mark are kept.

            Examples:
              hanzi clean --encoding auto -c s2twp scraped.txt -o article.txt
              hanzi clean --explain --in-place post.txt          # keeps post.txt.orig
              hanzi clean --quotes corner -c s2hk --output-dir clean/ raw/*.txt
              hanzi clean --check --explain --format json drafts/*.txt
            """
    )

    @Option(name: [.customShort("c"), .customLong("config")],
            help: ArgumentHelp("Convert the script with this OpenCC config after repairing (e.g. s2t, s2twp, t2s); none by default.", valueName: "config"))
    var config: String?

    @OptionGroup var repairing: RepairOptions

    @OptionGroup var parallel: ParallelOptions
    @OptionGroup var io: InputOutputOptions
    @OptionGroup var encoding: EncodingOptions
    @OptionGroup var dictionaries: DictionaryOptions

    func validate() throws {
        try repairing.validate(with: io)
        try config.map { try ConversionChoice(config: $0).validate(store: dictionaries.store) }
    }

    func run() throws {
        let found = try withExitCodes { () -> Bool in
            let repairer = try Repairer(options: repairing.repairer,
                                        store: dictionaries.store)
            let choice = config.map { ConversionChoice(config: $0) }
            let converter = try choice.map { try $0.makeConverter(store: dictionaries.store) }
            let targetScript = try choice?.targetScript.map { ($0, try ScriptDetector(store: dictionaries.store)) }
            let cleaner = Cleaner(repairer: repairer, converter: converter, targetScript: targetScript)
            var processor = LineProcessor()
            // The report numbers lines in order: one worker with --explain.
            processor.jobs = repairing.explain ? 1 : parallel.threads
            processor.blockSize = 1 << 18
            processor.longLineCut = .repair
            processor.longLineLimit = LongLineCut.repairLimit
            let report = ChangeReport(format: repairing.format, to: repairing.check ? FileOutput(fd: 1) : FileOutput.standardError,
                                      multipleInputs: io.inputs.count > 1, showsStages: true, conversionName: config ?? "")
            defer { report.flush() }
            let body = { (input: InputFile, output: FileOutput) throws in
                report.start(input)
                try processor.run(input, encoding: encoding.encoding, to: output, decoding: { charset in
                    if repairing.explain { report.note("decode: \(charset.name) → UTF-8; byte ranges below are into the UTF-8 text") }
                    report.noteChange()
                }) { [explain = repairing.explain, check = repairing.check] in
                    var scratch = Cleaner.Scratch()
                    var cleaned: [UInt8] = []
                    return { line, piece, result in
                        if explain {
                            let offset = report.nextLine(length: line.count, piece: piece)
                            report.add(cleaner.clean(utf8: line, baseOffset: offset, explainingInto: &result))
                        } else if check {
                            cleaned.removeAll(keepingCapacity: true)
                            cleaner.clean(utf8: line, into: &cleaned, scratch: &scratch)
                            if !cleaned.elementsEqual(line) { report.noteChange() }
                        } else {
                            cleaner.clean(utf8: line, into: &result, scratch: &scratch)
                        }
                    }
                }
            }
            if repairing.check {
                let discard = FileOutput(fd: open("/dev/null", O_WRONLY | O_CLOEXEC), closesOnFlushAndDeinit: true)
                for input in io.inputs { try body(input, discard) }
            } else {
                try io.process(body)
            }
            return report.foundChange
        }
        if repairing.check && found { throw HanziExit.found }
    }
}
