/// The text formats a lexicon is compiled from.
public enum TextDictionaryFormat: String, Sendable, CaseIterable {
    /// OpenCC: `key<TAB>target target …`, one entry per line.
    case opencc
    /// jieba: `word [frequency] [tag]`, separated by single spaces, one entry per line.
    case jieba

    /// Guesses the format of a dictionary file from its content: tabs mean OpenCC.
    public static func guess(_ text: UnsafeRawBufferPointer) -> TextDictionaryFormat {
        text.prefix(4096).contains(0x09) ? .opencc : .jieba
    }
}

/// One parsed line of a jieba-format dictionary.
public struct JiebaDictionaryLine: Sendable, Equatable {
    /// The word (it may contain spaces, as in jieba's user dictionaries).
    public var word: Substring
    /// The frequency, when the line gives one.
    public var frequency: UInt64?
    /// The part-of-speech tag, when the line gives one.
    public var tag: Substring?

    /// Parses a line with jieba's rule for user dictionaries, `^(.+?)( [0-9]+)?( [a-z]+)?$`:
    /// the word is the shortest prefix after which only an optional ` frequency` and an
    /// optional ` tag` remain. Returns nil for a blank line.
    public init?(_ line: Substring) {
        let line = line.trimmingJiebaWhitespace()
        guard !line.isEmpty else { return nil }
        var cut = line.index(after: line.startIndex)
        while cut < line.endIndex {
            if line[cut] == " ", let (frequency, tag) = Self.suffix(line[cut...]) {
                word = line[..<cut]
                self.frequency = frequency
                self.tag = tag
                return
            }
            cut = line.index(after: cut)
        }
        word = line
        frequency = nil
        tag = nil
    }

    /// Matches `( [0-9]+)?( [a-z]+)?$` against the whole of `rest`.
    private static func suffix(_ rest: Substring) -> (UInt64?, Substring?)? {
        let parts = rest.dropFirst().split(separator: " ", omittingEmptySubsequences: false)
        func isNumber(_ s: Substring) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        func isTag(_ s: Substring) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        switch parts.count {
        case 1 where isNumber(parts[0]): return (UInt64(parts[0]) ?? .max, nil)
        case 1 where isTag(parts[0]): return (nil, parts[0])
        case 2 where isNumber(parts[0]) && isTag(parts[1]): return (UInt64(parts[0]) ?? .max, parts[1])
        default: return nil
        }
    }
}

extension Substring {
    /// Strips what Python's `str.strip()` strips at the ends of a dictionary line (ASCII
    /// whitespace and a byte-order mark).
    func trimmingJiebaWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace || c == "\u{FEFF}" { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}

extension LexiconBuilder {
    /// Adds every entry of a text dictionary.
    /// - Parameters:
    ///   - text: the dictionary file's bytes (UTF-8).
    ///   - format: its format.
    ///   - path: its name, for error messages.
    /// - Throws: ``LexiconError/invalidLine(path:line:reason:)`` naming the first bad line.
    public mutating func addEntries(of text: String, format: TextDictionaryFormat, path: String) throws {
        var lineNumber = 0
        // Split on the byte 0x0A: splitting a String on "\n" would keep "\r\n" lines whole.
        for rawBytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let rawLine = Substring(rawBytes)
            switch format {
            case .opencc:
                var line = rawLine
                if line.last == "\r" { line = line.dropLast() }
                if lineNumber == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
                if line.isEmpty { continue }
                guard let tab = line.firstIndex(of: "\t") else {
                    throw LexiconError.invalidLine(path: path, line: lineNumber, reason: "expected `key<TAB>target …`")
                }
                let key = line[..<tab]
                guard !key.isEmpty else {
                    throw LexiconError.invalidLine(path: path, line: lineNumber, reason: "empty key")
                }
                // Split targets on the space byte: a Character split would glue a space to a
                // following combining mark.
                let targets = line[line.index(after: tab)...].utf8.split(separator: 0x20).map { String(Substring($0)) }
                add(utf8: key.utf8, values: targets)
            case .jieba:
                guard let entry = JiebaDictionaryLine(rawLine) else { continue }
                add(utf8: entry.word.utf8, frequency: entry.frequency ?? 0, tag: entry.tag.map(String.init))
            }
        }
    }
}
