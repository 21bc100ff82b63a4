import ArgumentParser
import HanziKit

/// The encoding of a command's input: UTF-8 (the default), a named ICU charset, or detected.
enum InputEncoding: ExpressibleByArgument {
    case utf8
    case named(Charset)
    case auto

    /// The smallest confidence (0…100) at which ICU's guess is trusted.
    static let minimumConfidence = 50

    init?(argument: String) {
        switch argument.lowercased() {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        default:
            guard let charset = try? Charset(argument) else { return nil }
            self = charset == .utf8 ? .utf8 : .named(charset)
        }
    }

    /// The charset to decode with, or nil for UTF-8. `head` is the start of the input
    /// (`complete` when it is all of it).
    func charset(for head: [UInt8], complete: Bool, input: InputFile) throws -> Charset? {
        switch self {
        case .utf8: return nil
        case let .named(charset): return charset
        case .auto:
            if head.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
            if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return .utf16 }
            // Valid UTF-8, allowing a character cut at the end of an incomplete head.
            let bad = UTF8Validation.firstInvalidOffset(head)
            if bad == nil || (!complete && bad! >= head.count - 3) { return nil }
            let matches = CharsetDetector.detect(head).filter { $0.name != "UTF-8" }
            guard let best = matches.first, best.confidence >= Self.minimumConfidence, let charset = best.charset else {
                let guess = matches.first.map { "best guess \($0.name) at \($0.confidence)%" } ?? "no guess"
                throw InputError.unknownEncoding(
                    input.displayName, "not UTF-8, and the encoding cannot be told reliably (\(guess)); pass --encoding, e.g. gbk or big5")
            }
            return charset
        }
    }

    var defaultValueDescription: String {
        switch self {
        case .utf8: return "utf-8"
        case let .named(charset): return charset.name
        case .auto: return "auto"
        }
    }

    static var allValueStrings: [String] { ["auto", "utf-8", "gbk", "gb18030", "big5", "big5-hkscs", "utf-16", "utf-16le", "utf-16be", "windows-1252", "shift_jis"] }
}

/// The `--encoding` option of commands that read text.
struct EncodingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The encoding of the input: utf-8 (default), auto (detect with ICU), or any ICU charset name such as gbk, big5, utf-16.",
        valueName: "encoding"))
    var encoding: InputEncoding = .utf8
}
