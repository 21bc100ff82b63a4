extension Segmenter {
    /// Adds a word to this segmenter's dictionary, as jieba's `add_word` does.
    ///
    /// The word overrides a dictionary word of the same spelling, and its frequency is added
    /// to the total (even when the word was there already, as in jieba). Without a frequency
    /// the word gets ``suggestedFrequency(for:)``, which is just enough to keep it whole.
    /// Frequency 0 removes the word: it leaves the dictionary, and the HMM no longer joins its
    /// characters either (jieba never forgets such a word, even if it is added again later).
    /// - Parameters:
    ///   - word: the word; it only matters inside runs of Han characters, letters, digits and
    ///     `+#&._%-`, the only text jieba looks up.
    ///   - frequency: its count (non-negative), or nil for the suggested one.
    ///   - tag: a part-of-speech tag to record, if any.
    public mutating func addWord(_ word: String, frequency: Int? = nil, tag: String? = nil) {
        let frequency = Int64(max(0, frequency ?? suggestedFrequency(for: word)))
        var word = word
        word.withUTF8 { bytes in updateUserWords { $0.set(bytes, frequency: frequency, tag: tag) } }
    }

    /// Removes a word: jieba's `del_word`, which is `add_word(word, 0)`.
    public mutating func removeWord(_ word: String) {
        addWord(word, frequency: 0)
    }

    /// The frequency that makes the word come out whole: jieba's `suggest_freq(word)`, one more
    /// than the probability of the split accurate mode (without the HMM) would make of it, and
    /// at least its current frequency.
    public func suggestedFrequency(for word: String) -> Int {
        let total = Double(totalFrequency)
        var probability = 1.0
        for token in words(in: word, mode: .accurate, hmm: false, traditional: .off) {
            probability *= Double(frequency(of: token) ?? 1) / total
        }
        return max(Self.truncate(probability * total) + 1, frequency(of: word) ?? 1)
    }

    /// The frequency that makes a string come out as `segments`: jieba's
    /// `suggest_freq(tuple_of_segments)`, the product of the segments' probabilities, and at
    /// most the joined string's current frequency.
    public func suggestedFrequency(splitting segments: [String]) -> Int {
        let total = Double(totalFrequency)
        var probability = 1.0
        for segment in segments {
            probability *= Double(frequency(of: segment) ?? 1) / total
        }
        return min(Self.truncate(probability * total), frequency(of: segments.joined()) ?? 0)
    }

    /// Python's `int(x)` for a non-negative float, clamped to `Int`.
    private static func truncate(_ x: Double) -> Int {
        x < Double(Int.max) ? Int(x) : .max
    }

    /// jieba's `FREQ.get(word)`: the word's frequency (0 for a removed word and for a string
    /// that is only the beginning of some word, which jieba stores with frequency 0), or nil
    /// when the dictionary has no word starting with it.
    public func frequency(of word: String) -> Int? {
        var word = word
        return word.withUTF8 { storedFrequency($0) }.map { Int(clamping: $0) }
    }

    /// The part-of-speech tag of a word: the user's, else the dictionary's.
    public func tag(of word: String) -> String? {
        var word = word
        return word.withUTF8 { bytes -> String? in
            if let node = user.node(bytes), let tag = user.tags[Int(node)] { return tag }
            return lexicon.entry(forUTF8: bytes).flatMap { lexicon.tag(of: $0) }
        }
    }

    /// Adds the words of a user dictionary in jieba's format, as `load_userdict` does: one
    /// `word [frequency] [tag]` per line, split by `^(.+?)( [0-9]+)?( [a-z]+)?$` (so a word may
    /// contain spaces), blank lines skipped, a byte-order mark allowed; each line goes through
    /// ``addWord(_:frequency:tag:)``.
    /// - Parameters:
    ///   - text: the dictionary's bytes.
    ///   - path: its name, for error messages.
    /// - Throws: ``LexiconError/invalidLine(path:line:reason:)`` for a line that is not UTF-8.
    public mutating func loadUserDictionary(_ text: [UInt8], path: String = "<user dictionary>") throws {
        var lineNumber = 0
        var lineStart = 0
        while lineStart < text.count {
            lineNumber += 1
            let lineEnd = text[lineStart...].firstIndex(of: 0x0A) ?? text.count
            defer { lineStart = lineEnd + 1 }
            // Python's `bytes.strip()`: ASCII space, \t, \n, \r, \v, \f.
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            var start = lineStart, end = lineEnd
            while start < end && isSpace(text[start]) { start += 1 }
            while end > start && isSpace(text[end - 1]) { end -= 1 }
            guard var line = String(validating: text[start..<end], as: UTF8.self) else {
                throw LexiconError.invalidLine(path: path, line: lineNumber, reason: "the dictionary must be UTF-8")
            }
            while line.unicodeScalars.first == "\u{FEFF}" { line.unicodeScalars.removeFirst() }
            guard let entry = Self.parseUserLine(line) else { continue }
            addWord(entry.word, frequency: entry.frequency, tag: entry.tag)
        }
    }

    /// Adds the words of a user dictionary file (see ``loadUserDictionary(_:path:)``).
    /// - Throws: ``LexiconError`` when the file cannot be read or is not UTF-8.
    public mutating func loadUserDictionary(atPath path: String) throws {
        try loadUserDictionary(FileBytes.read(path), path: path)
    }

    /// jieba's `re_userdict` on a stripped line: the word is the shortest non-empty prefix after
    /// which only an optional ` digits` and an optional ` lowercase` remain. Nil for an empty line.
    static func parseUserLine(_ line: String) -> (word: String, frequency: Int?, tag: String?)? {
        let bytes = Array(line.utf8)
        guard !bytes.isEmpty else { return nil }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        // Where `( [0-9]+)?( [a-z]+)?$` matches the rest from `cut`: (digits, tag) ranges.
        func suffix(from cut: Int) -> (Range<Int>?, Range<Int>?)? {
            var i = cut
            var digits: Range<Int>? = nil
            var tag: Range<Int>? = nil
            if i + 1 < bytes.count && bytes[i] == 0x20 && isDigit(bytes[i + 1]) {
                var j = i + 1
                while j < bytes.count && isDigit(bytes[j]) { j += 1 }
                digits = (i + 1)..<j
                i = j
            }
            if i + 1 < bytes.count && bytes[i] == 0x20 && isLower(bytes[i + 1]) {
                var j = i + 1
                while j < bytes.count && isLower(bytes[j]) { j += 1 }
                tag = (i + 1)..<j
                i = j
            }
            return i == bytes.count ? (digits, tag) : nil
        }
        // The cut is after at least one character, at a space or at the end.
        var cut = 1
        while cut < bytes.count && (bytes[cut] != 0x20 || suffix(from: cut) == nil) { cut += 1 }
        let word = String(decoding: bytes[..<cut], as: UTF8.self)
        guard cut < bytes.count, let (digits, tag) = suffix(from: cut) else { return (word, nil, nil) }
        let frequency = digits.map { Int(String(decoding: bytes[$0], as: UTF8.self)) ?? .max }
        return (word, frequency, tag.map { String(decoding: bytes[$0], as: UTF8.self) })
    }
}
