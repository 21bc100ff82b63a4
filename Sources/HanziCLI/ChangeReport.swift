import ArgumentParser
import HanziKit
import Synchronization

/// How --explain writes its report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Collects what `hanzi repair` and `hanzi clean` changed: whether anything changed (for
/// --check) and, with --explain, a line per change.
///
/// `@unchecked Sendable`: the change flag is atomic; line counting and report writing happen
/// only with --explain, which runs a single worker that sees the lines in order.
final class ChangeReport: @unchecked Sendable {
    private let format: ReportFormat
    private let output: FileOutput
    private let multipleInputs: Bool
    /// Whether text lines name the stage of each change (`hanzi clean`).
    private let showsStages: Bool
    /// The name conversions are reported under (the --config given).
    private let conversionName: String
    private let changed = Atomic<Bool>(false)
    private var inputName = ""
    private var lineNumber = 0
    private var lineStart = 0
    private var nextLineStart = 0

    init(format: ReportFormat, to output: FileOutput, multipleInputs: Bool, showsStages: Bool = false,
         conversionName: String = "") {
        self.format = format
        self.output = output
        self.multipleInputs = multipleInputs
        self.showsStages = showsStages
        self.conversionName = conversionName
    }

    var foundChange: Bool { changed.load(ordering: .relaxed) }

    func noteChange() { changed.store(true, ordering: .relaxed) }

    /// Starts counting lines of a new input.
    func start(_ input: InputFile) {
        inputName = input.displayName
        lineNumber = 0
        nextLineStart = 0
    }

    /// Advances to the next line, or piece of a line, of `length` bytes and returns the byte
    /// offset where it starts.
    func nextLine(length: Int, piece: LinePiece) -> Int {
        if !piece.continuesLine {
            lineNumber += 1
            lineStart = nextLineStart
        }
        let start = nextLineStart
        nextLineStart += length + (piece.endsLine ? 1 : 0)
        return start
    }

    /// Writes one report line per change of the current line.
    func add(_ changes: [Cleaner.Change]) {
        for change in changes {
            if change.changesText { noteChange() }
            output.write(Array(describe(change).utf8))
        }
    }

    /// Writes a line about the whole input, e.g. how it was decoded.
    func note(_ message: String) {
        switch format {
        case .text:
            output.write(Array(((multipleInputs ? inputName + ": " : "") + message + "\n").utf8))
        case .json:
            output.write(Array("{\"file\":\(json(inputName)),\"note\":\(json(message))}\n".utf8))
        }
    }

    func flush() { output.flush() }

    private func describe(_ change: Cleaner.Change) -> String {
        let column = (change.range.lowerBound - lineStart)..<(change.range.upperBound - lineStart)
        let detail = change.stage == .conversion ? conversionName : change.detail
        switch format {
        case .text:
            let place = (multipleInputs ? inputName + ":" : "") + "\(lineNumber): bytes \(change.range.lowerBound)..<\(change.range.upperBound)"
            let label = showsStages ? "\(change.stage) \(detail)" : detail
            if !change.changesText {
                return "\(place): \(quoted(change.before)) \(label), irrecoverable, left as is\n"
            }
            let unrecovered = change.fix?.unrecovered ?? 0
            let lost = unrecovered > 0 ? ", \(unrecovered) character(s) lost (U+FFFD)" : ""
            let guessed = change.fix?.guessed ?? 0
            let chosen = guessed > 0 ? ", \(guessed) character(s) chosen for lost bytes" : ""
            return "\(place): \(quoted(change.before)) → \(quoted(change.after)) \(label)\(lost)\(chosen)\n"
        case .json:
            var fields = [
                "\"file\":\(json(inputName))",
                "\"line\":\(lineNumber)",
                "\"start\":\(change.range.lowerBound)",
                "\"end\":\(change.range.upperBound)",
                "\"lineStart\":\(column.lowerBound)",
                "\"lineEnd\":\(column.upperBound)",
                "\"before\":\(json(change.before))",
                "\"after\":\(json(change.after))",
                "\"stage\":\(json(change.stage.description))",
            ]
            if let fix = change.fix {
                fields += [
                    "\"diagnosis\":\(json(fix.diagnosis.rawValue))",
                    "\"changed\":\(fix.changesText)",
                    "\"irrecoverable\":\(fix.diagnosis.isIrrecoverable)",
                    "\"gain\":\((fix.gain * 10).rounded() / 10)",
                    "\"unrecovered\":\(fix.unrecovered)",
                    "\"guessed\":\(fix.guessed)",
                ]
            } else {
                fields += ["\"config\":\(json(detail))", "\"changed\":true"]
            }
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
