extension Segmenter {
    /// Segments `text`, through its Simplified form when `traditional` asks for it (see
    /// ``TraditionalHandling``), calling `emit` with byte offsets in `text`.
    func segment(
        _ text: UnsafeBufferPointer<UInt8>, mode: Mode, hmm: Bool, traditional: TraditionalHandling,
        workspace: Workspace, _ emit: (_ start: Int, _ end: Int) -> Void
    ) {
        guard let folding, traditional == .on || (traditional == .auto && folding.looksTraditional(text)) else {
            return segment(text, mode: mode, hmm: hmm, workspace: workspace, emit)
        }
        folding.fold(text, into: &workspace.folded, origins: &workspace.origins)
        workspace.folded.withUnsafeBufferPointer { folded in
            workspace.origins.withUnsafeBufferPointer { origins in
                var lastEnd = 0
                var previous = (start: -1, end: -1)
                segment(folded, mode: mode, hmm: hmm, workspace: workspace) { start, end in
                    // A boundary inside a phrase whose Simplified form has another length has no
                    // original; the token then widens to the nearest boundaries that have one.
                    var s = start
                    while s > 0 && origins[s] < 0 { s -= 1 }
                    var e = end
                    while e < folded.count && origins[e] < 0 { e += 1 }
                    var originalStart = Int(max(origins[s], 0))
                    let originalEnd = Int(origins[e])
                    if mode == .accurate {
                        // Widened tokens must still tile the text.
                        originalStart = max(originalStart, lastEnd)
                        guard originalEnd > originalStart else { return }
                        lastEnd = originalEnd
                    } else {
                        guard (originalStart, originalEnd) != previous else { return }
                        previous = (originalStart, originalEnd)
                    }
                    emit(originalStart, originalEnd)
                }
            }
        }
    }
}
