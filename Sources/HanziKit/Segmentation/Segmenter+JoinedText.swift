extension Segmenter {
    /// Appends the tokens of `text` to `output` with `separator` between them (and before the
    /// first when `separatorFirst`): jieba's `" / ".join(cut(text))`, for writing segmented text.
    ///
    /// The same tokens as ``forEachToken(in:mode:hmm:traditional:workspace:_:)`` gives, written
    /// without a call per token: the copy is made where the tokens are found.
    /// - Parameters:
    ///   - text: UTF-8 bytes; invalid sequences are tolerated (see ``Segmenter``).
    ///   - separator: the bytes written between two tokens.
    ///   - separatorFirst: whether a separator goes before the first token too (for a piece
    ///     that continues a line whose earlier pieces were written).
    ///   - mode: the segmentation mode.
    ///   - hmm: whether to use the HMM for unknown words.
    ///   - traditional: whether to segment Traditional text through its Simplified form.
    ///   - workspace: scratch memory, one per thread.
    ///   - output: the bytes the joined tokens are appended to.
    public func appendJoinedTokens(
        of text: UnsafeBufferPointer<UInt8>, separator: UnsafeBufferPointer<UInt8>, separatorFirst: Bool = false,
        mode: Mode = .accurate, hmm: Bool = true, traditional: TraditionalHandling = .auto, workspace: Workspace,
        to output: inout [UInt8]
    ) {
        guard let source = text.baseAddress, !text.isEmpty else { return }
        // Every token has a byte at least, so the text and a separator per byte always fit.
        let gap = separator.count
        let target = workspace.joinedText(capacity: text.count * (gap + 1) + gap)
        var written = 0
        var first = !separatorFirst
        let separatorBytes = separator.baseAddress
        segment(text, mode: mode, hmm: hmm, traditional: traditional, workspace: workspace) { start, end in
            if !first, let separatorBytes {
                for k in 0..<gap { target[written + k] = separatorBytes[k] }
                written += gap
            }
            first = false
            // Tokens are mostly a few bytes: a short loop beats a call to memcpy.
            let n = end - start
            if n <= 16 {
                for k in 0..<n { target[written + k] = source[start + k] }
            } else {
                (target + written).update(from: source + start, count: n)
            }
            written += n
        }
        output.append(contentsOf: UnsafeBufferPointer(start: target, count: written))
    }
}
