import ArgumentParser
import HanziKit
#if canImport(Glibc)
import Glibc
#endif

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert between Simplified and Traditional Chinese exactly as OpenCC 1.4.2 does.",
        discussion: """
            CONFIG is a bundled config (\(ConversionConfig.availableNames().map(\.rawValue).joined(separator: ", "))) \
            or the path of an OpenCC JSON config, whose relative dictionary paths are looked up beside it \
            (an X.ocd2 dictionary is read from the text dictionary X.txt).

            Reads standard input or the FILEs, writes one output line per input line (lines end at \\n; \
            a \\r before it is kept). Input must be UTF-8 unless --encoding says otherwise; invalid UTF-8 \
            is reported with its byte offset (exit code 3).

            Dictionaries marked "may_output_tofu" (TSCharactersExt: rare Traditional characters → \
            Simplified ones many fonts lack) are used, as by OpenCC's library and its test cases; \
            --skip-tofu-risk-dictionaries gives the output of OpenCC's command-line tool, which skips them.

            Examples:
              echo '鼠标里面的硅二极管坏了' | hanzi convert -c s2twp
              hanzi convert -c t2s -i novel.txt -o novel.simplified.txt
              hanzi convert -c s2hk --in-place chapter1.txt chapter2.txt
              hanzi convert -c s2tw --quotes corner article.txt
              hanzi convert -c s2tw --mixed scraped_article.txt
              hanzi convert -c ./my_config.json notes.txt
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("A bundled config name (s2t, t2s, s2twp …) or the path of an OpenCC JSON config.", valueName: "config"))
    var config: String

    @Flag var tofuRisk: TofuRisk = .includeTofuRiskDictionaries

    @Option(help: ArgumentHelp(
        "Also rewrite quotation marks, following their nesting: corner (「」 outside, 『』 inside: Taiwan, Hong Kong) or curly (“” outside, ‘’ inside: Mainland). Off by default, as in OpenCC.",
        valueName: "style"))
    var quotes: QuoteStyle?

    @Flag(help: "Repair Traditional text that still holds Simplified characters (后來, 这個), leaving its correct Traditional characters as they are; CONFIG is the Simplified→Traditional config whose forms to write (s2t, s2tw, s2hk …). Reads each input whole: the document is the evidence.")
    var mixed = false

    @OptionGroup var parallel: ParallelOptions

    @OptionGroup var io: InputOutputOptions
    @OptionGroup var encoding: EncodingOptions
    @OptionGroup var dictionaries: DictionaryOptions

    enum TofuRisk: EnumerableFlag {
        case includeTofuRiskDictionaries
        case skipTofuRiskDictionaries

        static func help(for value: TofuRisk) -> ArgumentHelp? {
            switch value {
            case .includeTofuRiskDictionaries:
                "Use the dictionaries a config marks may_output_tofu, as OpenCC's library does (the default)."
            case .skipTofuRiskDictionaries:
                "Skip them, as OpenCC's command-line tool does unless given --include-tofu-risk-dictionaries."
            }
        }
    }

    /// The config to convert with.
    private var choice: ConversionChoice {
        ConversionChoice(config: config, includesTofuRisk: tofuRisk == .includeTofuRiskDictionaries)
    }

    func validate() throws {
        try choice.validate(store: dictionaries.store)
    }

    func run() throws {
        try withExitCodes {
            let converter = try choice.makeConverter(store: dictionaries.store)
            if mixed {
                let repairer = try MixedTextRepairer(converter: converter, store: dictionaries.store)
                try io.process { input, output in
                    let text = String(decoding: try readWholeInput(input, encoding: encoding.encoding), as: UTF8.self)
                    var repaired = Array(repairer.repair(text).utf8)
                    if let quotes {
                        var lines: [UInt8] = []
                        repaired.withUnsafeBufferPointer { all in
                            for (k, line) in all.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                                if k > 0 { lines.append(0x0A) }
                                quotes.apply(utf8: UnsafeBufferPointer(rebasing: line), into: &lines)
                            }
                        }
                        repaired = lines
                    }
                    output.write(repaired)
                }
                return
            }
            var processor = LineProcessor()
            processor.jobs = parallel.threads
            // Blocks of 256 KB keep a one-line conversion from setting up megabytes of buffer
            // (it must start in a few milliseconds) and are still large for the threads.
            processor.blockSize = 1 << 18
            if quotes == nil && choice.path == nil && dictionaries.store.directory == nil {
                // The bundled dictionaries have no word containing whitespace or punctuation
                // (a test checks), so a line cut before one converts as it would whole.
                processor.longLineCut = .conversion
            }
            try io.process { input, output in
                try processor.run(input, encoding: encoding.encoding, to: output) { [quotes] in
                    var scratch = Converter.Scratch()
                    guard let quotes else {
                        return { line, _, result in converter.convert(utf8: line, into: &result, scratch: &scratch) }
                    }
                    var converted: [UInt8] = []
                    return { line, _, result in
                        converted.removeAll(keepingCapacity: true)
                        converter.convert(utf8: line, into: &converted, scratch: &scratch)
                        converted.withUnsafeBufferPointer { quotes.apply(utf8: $0, into: &result) }
                    }
                }
            }
        }
    }
}

extension QuoteStyle: ExpressibleByArgument {}

/// The whole of an input as UTF-8, decoded from `encoding` first when that is not UTF-8.
/// - Throws: ``InputError`` when it is unreadable or not valid in its encoding.
func readWholeInput(_ input: InputFile, encoding: InputEncoding) throws -> [UInt8] {
    var bytes: [UInt8]
    do {
        bytes = try FileBytes.read(input.path ?? "/dev/stdin")
    } catch let error as LexiconError {
        guard case let .io(_, reason) = error else { throw error }
        throw InputError.unreadable(input.displayName, reason)
    }
    if let charset = try encoding.charset(for: bytes, complete: true, input: input) {
        do {
            bytes = try bytes.withUnsafeBufferPointer { try charset.decodeToUTF8($0) }
        } catch let error as EncodingError {
            throw InputError.invalidEncoding(input.displayName, error.description)
        }
    }
    if let bad = UTF8Validation.firstInvalidOffset(bytes) {
        throw InputError.invalidUTF8(input.displayName, offset: bad, line: 1 + bytes[..<bad].count(where: { $0 == 0x0A }))
    }
    return bytes
}
