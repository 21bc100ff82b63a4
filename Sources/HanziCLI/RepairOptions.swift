import ArgumentParser
import HanziKit

/// The options `repair` and `clean` share: how punctuation is restored, and how changes are
/// reported.
struct RepairOptions: ParsableArguments {
    @Option(help: "The quotation marks that replace straight double quotes around Chinese text: curly (“ ”) or corner (「 」).")
    var quotes: Repairer.Options.QuoteStyle = .curly

    @Flag(name: .customLong("no-punctuation"), help: "Leave ASCII punctuation inside Chinese as it is; undo mojibake only.")
    var noPunctuation = false

    @Flag(help: "Report every change, and every piece of irrecoverable damage left alone, on standard error.")
    var explain = false

    @Option(help: "The format of the --explain report: text, or json (one JSON object per line).")
    var format: ReportFormat = .text

    @Flag(help: "Change nothing: exit with 1 when something would change, 0 otherwise.")
    var check = false

    /// Rejects --check with an option that writes files: --check writes nothing.
    func validate(with io: InputOutputOptions) throws {
        if check && (io.inPlace || io.output != nil || io.outputDirectory != nil) {
            throw ValidationError("--check writes nothing; it cannot be combined with --in-place, --output or --output-dir")
        }
    }

    /// The repairer's options.
    var repairer: Repairer.Options { .init(restoresPunctuation: !noPunctuation, quotes: quotes) }
}
