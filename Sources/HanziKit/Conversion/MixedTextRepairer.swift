/// Fixes Traditional Chinese text that still holds Simplified characters (后來, 之后, 这個,
/// 头髮), as pages converted badly by a site do, without touching the correct Traditional text.
///
/// Running a Simplified→Traditional converter over such text both misses left-overs (a phrase
/// half converted, 頭发, matches no phrase) and damages correct characters that both scripts
/// write (台 → 臺, 了解 → 瞭解, 范 → 範). Instead the repairer works per character:
///
/// 1. it converts the text to Simplified (t2s), which completes every half-converted phrase,
///    and back with the chosen Simplified→Traditional converter, which gives each position
///    its Traditional form in context;
/// 2. it changes only a character that is still in Simplified form (t2s leaves it as it is)
///    and whose Traditional form differs: always when no Traditional text writes it
///    (这, 们, 发); for a character Traditional text also writes (后, 台, 了, 范, 里), by the
///    document's evidence. In a document that shows left-overs (Simplified-only characters),
///    when it also writes the Traditional form in the same place (at least a fifth as often),
///    or, lacking that, when the character occurs there fewer than four times and no regional
///    standard (OpenCC, Taiwan, Hong Kong) keeps it; a spelling used four times or more and
///    never in Traditional form is the document's convention (了解 for 瞭解). A document
///    without left-overs keeps these characters: correct Traditional text comes out unchanged.
///
/// The document is the unit: give it whole (or a large part of it) for the evidence to count.
public struct MixedTextRepairer: Sendable {
    /// The Simplified→Traditional converter whose forms the repair writes.
    public let converter: Converter
    private let toSimplified: Converter
    /// Converters whose output is Traditional in some standard; a character one of them keeps
    /// in place is correct Traditional there.
    private let standards: [Converter]
    private let detector: ScriptDetector
    /// OpenCC's Simplified→Traditional phrases: where one of them covers a character, its
    /// Traditional form there is the phrase's, not a guess.
    private let phrases: Lexicon

    /// A repairer writing the Traditional forms of `converter` (s2t, s2tw, s2hk …).
    /// - Throws: ``LexiconError`` or ``ConversionConfigError`` when a dictionary cannot load.
    public init(converter: Converter, store: DictionaryStore = .standard) throws {
        self.converter = converter
        // Without tofu-risk targets: a rare Traditional character must stay recognizable.
        toSimplified = try Converter(.t2s, store: store, includingTofuRiskDictionaries: false)
        standards = try [ConversionConfig.Name.s2t, .s2tw, .s2hk].map { try Converter($0, store: store) }
        detector = try ScriptDetector(store: store)
        phrases = try store.lexicon("opencc/STPhrases.txt", format: .opencc)
    }

    /// The repaired text; lines (split on `\n`) keep their count and order.
    public func repair(_ text: String) -> String {
        repair(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)).joined(separator: "\n")
    }

    /// The repaired lines of one document.
    public func repair(_ lines: [String]) -> [String] {
        let analyses = lines.map(analyze)
        var evidence = Evidence()
        for analysis in analyses { evidence.count(analysis, detector: detector) }
        return zip(lines, analyses).map { line, analysis in
            analysis.map { repair($0, evidence: evidence) } ?? line
        }
    }

    /// A line beside its Simplified form and that form converted back, scalar by scalar.
    private struct Analysis {
        var input: [Unicode.Scalar]
        var simplified: [Unicode.Scalar]
        var target: [Unicode.Scalar]
    }

    /// The analysis of a line, or nil when the conversions changed its length (a phrase of
    /// another length, as s2twp's 计算机 → 電腦), so that positions do not line up.
    private func analyze(_ line: String) -> Analysis? {
        let simplified = toSimplified.convert(line)
        let analysis = Analysis(input: Array(line.unicodeScalars), simplified: Array(simplified.unicodeScalars),
                                target: Array(converter.convert(simplified).unicodeScalars))
        guard analysis.input.count == analysis.simplified.count, analysis.input.count == analysis.target.count else { return nil }
        return analysis
    }

    /// How often the document writes each Simplified-form character where its Traditional
    /// form belongs, and how often it writes that Traditional form.
    private struct Evidence {
        struct Pair: Hashable {
            var simplified: Unicode.Scalar
            var traditional: Unicode.Scalar
        }
        var simplifiedForm: [Pair: Int] = [:]
        var traditionalForm: [Pair: Int] = [:]
        /// Positions in Simplified-only form, and positions in a Traditional form that
        /// differs from the Simplified one.
        var simplifiedOnly = 0, traditional = 0

        /// Whether the document shows the left-overs of a failed conversion, beyond a stray
        /// Simplified name or quotation.
        var hasLeftovers: Bool { simplifiedOnly >= max(2, traditional / 200) }

        mutating func count(_ analysis: Analysis?, detector: ScriptDetector) {
            guard let analysis else { return }
            for i in analysis.input.indices where analysis.simplified[i] != analysis.target[i] {
                let pair = Pair(simplified: analysis.simplified[i], traditional: analysis.target[i])
                if analysis.input[i] == analysis.simplified[i] {
                    simplifiedForm[pair, default: 0] += 1
                    if detector.isSimplifiedOnly(analysis.input[i]) { simplifiedOnly += 1 }
                } else if analysis.input[i] == analysis.target[i] {
                    traditionalForm[pair, default: 0] += 1
                    traditional += 1
                }
            }
        }
    }

    private func repair(_ analysis: Analysis, evidence: Evidence) -> String {
        var output = String.UnicodeScalarView()
        var standardForms: [[Unicode.Scalar]]?  // the line in each standard, computed on demand
        /// Whether no regional standard writes `x` at `i`.
        func noStandardKeeps(_ x: Unicode.Scalar, at i: Int) -> Bool {
            if standardForms == nil {
                let line = String(String.UnicodeScalarView(analysis.simplified))
                standardForms = standards.map { Array($0.convert(line).unicodeScalars) }
            }
            return !standardForms!.contains { $0.count == analysis.input.count && $0[i] == x }
        }
        for i in analysis.input.indices {
            let x = analysis.input[i], y = analysis.target[i]
            guard x == analysis.simplified[i], x != y else {
                output.append(x)
                continue
            }
            let replace: Bool
            if detector.isSimplifiedOnly(x) {
                replace = true
            } else {
                let pair = Evidence.Pair(simplified: x, traditional: y)
                let traditional = evidence.traditionalForm[pair, default: 0], simplified = evidence.simplifiedForm[pair, default: 0]
                if !evidence.hasLeftovers {
                    // Nothing in the document is Simplified-only: change only a character every
                    // standard converts even on its own, where a phrase says so (之后, 什么, 于是)
                    // and no standard keeps it there, so that correct Traditional text (范先生,
                    // 皇后, 了解) comes out unchanged.
                    replace = simplified < 4 && standaloneChanges(x) && phraseChanges(analysis.simplified, at: i)
                        && noStandardKeeps(x, at: i)
                } else if traditional > 0 {
                    // The other spellings are left-overs, unless they are the rule and the
                    // Traditional form the exception.
                    replace = traditional * 4 >= simplified
                } else if simplified >= 4 {
                    replace = false  // written so consistently, it is the document's convention
                } else {
                    replace = noStandardKeeps(x, at: i)
                }
            }
            output.append(replace ? y : x)
        }
        return String(output)
    }

    /// Whether every standard converts `x` written alone.
    private func standaloneChanges(_ x: Unicode.Scalar) -> Bool {
        standards.allSatisfy { $0.convert(String(x)).unicodeScalars.first != x }
    }

    /// Whether a phrase of two or more characters of OpenCC's phrase dictionary covers
    /// position `i` of the Simplified line and writes another character there.
    private func phraseChanges(_ line: [Unicode.Scalar], at i: Int) -> Bool {
        let window = max(0, i - 7)..<min(line.count, i + 8)
        var utf8: [UInt8] = []
        var starts: [Int] = []  // byte offset of each scalar of the window, and the end
        for k in window {
            starts.append(utf8.count)
            utf8.append(contentsOf: String(line[k]).utf8)
        }
        starts.append(utf8.count)
        let target = i - window.lowerBound
        return utf8.withUnsafeBufferPointer { bytes in
            for first in 0...target {
                var found = false
                phrases.forEachWord(in: bytes, from: starts[first]) { end, entry in
                    guard !found, let last = starts.firstIndex(of: end), last > target, last - first >= 2,
                          phrases.valueCount(of: entry) > 0 else { return }
                    let value = Array(String(decoding: phrases.valueUTF8(of: entry), as: UTF8.self).unicodeScalars)
                    found = value.count == last - first && value[target - first] != line[i]
                }
                if found { return true }
            }
            return false
        }
    }
}
