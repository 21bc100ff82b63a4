import ArgumentParser
import HanziKit

struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Tell whether text is Simplified or Traditional Chinese, mixed, or not Chinese.",
        discussion: """
            Counts the Chinese characters of each input and those only one script writes \
            (Simplified-only such as 发 们 这, Traditional-only such as 發 們 這, from OpenCC's character \
            dictionaries). A text is Simplified or Traditional when the other script has under 5% of \
            that evidence, mixed otherwise (typically text half converted); undetermined when it has \
            Chinese characters but only ones both scripts write; not-chinese without any.

            Output: one line per input, or with --format json one JSON object per input line: \
            {"file", "script", "han", "simplifiedOnly", "traditionalOnly", "topSimplified", "topTraditional"}.

            Examples:
              echo '他后来去了台湾' | hanzi detect
              hanzi detect --format json chapters/*.txt
            """
    )

    @Option(help: "text or json.")
    var format: DetectFormat = .text

    @Option(help: ArgumentHelp("How many of the most frequent characters of each script to show as evidence.", valueName: "n"))
    var examples = 5

    @OptionGroup var encoding: EncodingOptions
    @OptionGroup var dictionaries: DictionaryOptions

    @Argument(help: "Files to read (default: standard input).")
    var files: [String] = []

    func validate() throws {
        if examples < 0 { throw ValidationError("--examples cannot be negative") }
    }

    func run() throws {
        try withExitCodes {
            let detector = try ScriptDetector(store: dictionaries.store)
            let output = FileOutput(fd: 1)
            defer { output.flush() }
            for input in files.isEmpty ? [InputFile(path: nil)] : files.map({ InputFile(path: $0) }) {
                let report = try detect(input, with: detector)
                output.write(Array(describe(report, name: input.displayName).utf8))
            }
        }
    }

    /// The report on one input, read whole (decoded from --encoding first).
    private func detect(_ input: InputFile, with detector: ScriptDetector) throws -> ScriptReport {
        var report = ScriptReport()
        try readWholeInput(input, encoding: encoding.encoding).withUnsafeBufferPointer { detector.add($0, to: &report) }
        return report
    }

    private func describe(_ report: ScriptReport, name: String) -> String {
        let simplified = report.topSimplified(examples), traditional = report.topTraditional(examples)
        switch format {
        case .text:
            func list(_ top: [(character: String, count: Int)]) -> String {
                top.isEmpty ? "" : " (" + top.map { "\($0.character) \($0.count)" }.joined(separator: ", ") + ")"
            }
            return "\(name): \(report.script.rawValue): \(report.hanCount) Chinese characters, "
                + "\(report.simplifiedOnlyCount) Simplified-only\(list(simplified)), "
                + "\(report.traditionalOnlyCount) Traditional-only\(list(traditional))\n"
        case .json:
            func list(_ top: [(character: String, count: Int)]) -> String {
                "[" + top.map { "[\(jsonString($0.character)),\($0.count)]" }.joined(separator: ",") + "]"
            }
            return "{\"file\":\(jsonString(name)),\"script\":\"\(report.script.rawValue)\",\"han\":\(report.hanCount),"
                + "\"simplifiedOnly\":\(report.simplifiedOnlyCount),\"traditionalOnly\":\(report.traditionalOnlyCount),"
                + "\"topSimplified\":\(list(simplified)),\"topTraditional\":\(list(traditional))}\n"
        }
    }

    /// `text` as a JSON string literal.
    private func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// The output formats of `hanzi detect`.
enum DetectFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
