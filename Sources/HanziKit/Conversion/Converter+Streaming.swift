extension Converter {
    /// Converts text that arrives in pieces (a file read in blocks, a socket), in memory
    /// bounded by the longest line.
    ///
    /// No dictionary word contains a line break, so the stream cuts the text at each `\n` and
    /// converts every line as soon as it is complete, on its own, as `hanzi convert` does.
    /// (Only an ideographic description sequence left incomplete at the end of a line could
    /// reach into the next one in OpenCC, which converts a whole file at once.)
    ///
    /// ```swift
    /// var stream = converter.makeStream()
    /// var output: [UInt8] = []
    /// for block in blocks { block.withUnsafeBufferPointer { stream.convert($0, into: &output) } }
    /// stream.finish(into: &output)
    /// ```
    public struct Stream: Sendable {
        /// The converter the stream uses.
        public let converter: Converter
        /// The bytes after the last line break seen, not yet converted.
        private var pending: [UInt8] = []
        private var scratch = Scratch()

        init(converter: Converter) {
            self.converter = converter
        }

        /// Adds `piece` and appends the conversion of every line it completes to `output`.
        /// A piece may end anywhere, even inside a character.
        public mutating func convert(_ piece: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
            var start = 0
            while let newline = piece[start...].firstIndex(of: 0x0A) {
                if pending.isEmpty {
                    converter.convert(utf8: piece.extracting(start..<newline), into: &output, scratch: &scratch)
                } else {
                    pending.append(contentsOf: piece.extracting(start..<newline))
                    pending.withUnsafeBufferPointer { converter.convert(utf8: $0, into: &output, scratch: &scratch) }
                    pending.removeAll(keepingCapacity: true)
                }
                output.append(0x0A)
                start = newline + 1
            }
            pending.append(contentsOf: piece.extracting(start...))
        }

        /// Appends the conversion of the text after the last line break, and resets the stream.
        public mutating func finish(into output: inout [UInt8]) {
            pending.withUnsafeBufferPointer { converter.convert(utf8: $0, into: &output, scratch: &scratch) }
            pending.removeAll()
        }
    }

    /// A stream converting text that arrives in pieces.
    public func makeStream() -> Stream {
        Stream(converter: self)
    }
}
