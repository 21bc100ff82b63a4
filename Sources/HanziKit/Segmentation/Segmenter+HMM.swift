extension Segmenter {
    /// jieba's `finalseg.cut` on a run of characters missing from the dictionary (ASCII and
    /// three-byte Han only, as inside a block): Han runs go through the Viterbi; the rest is split
    /// on `([a-zA-Z0-9]+(?:\.\d+)?%?)`, yielding the matches and the non-empty pieces between.
    func cutUnknown(
        _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, workspace: Workspace,
        _ emit: (_ start: Int, _ end: Int) -> Void
    ) {
        var i = start
        while i < end {
            var j = i
            if p[i] >= 0x80 {
                while j < end && p[j] >= 0x80 { j += 3 }
                viterbiCut(p, from: i, to: j, workspace: workspace, emit)
            } else {
                while j < end && p[j] < 0x80 { j += 1 }
                splitAlphanumeric(p, from: i, to: j, emit)
            }
            i = j
        }
    }

    /// finalseg's `re_skip.split` on an ASCII run.
    private func splitAlphanumeric(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, _ emit: (Int, Int) -> Void) {
        var pieceStart = start
        var q = start
        while q < end {
            guard ScalarScanner.isAlphanumeric(p[q]) else {
                q += 1
                continue
            }
            if q > pieceStart { emit(pieceStart, q) }
            var r = q + 1
            while r < end && ScalarScanner.isAlphanumeric(p[r]) { r += 1 }
            if r + 1 < end && p[r] == 0x2E && ScalarScanner.isDigit(p[r + 1]) {
                r += 2
                while r < end && ScalarScanner.isDigit(p[r]) { r += 1 }
            }
            if r < end && p[r] == 0x25 { r += 1 }
            emit(q, r)
            q = r
            pieceStart = r
        }
        if pieceStart < end { emit(pieceStart, end) }
    }

    /// finalseg's `viterbi` and `__cut` on a run of Han characters: the most probable B/M/E/S
    /// labelling, computed with jieba's very operations — `(V[prev] + trans) + emit` — and its
    /// tie-breaking (the larger state letter wins, as in Python's tuple `max`), then the words
    /// it delimits. Words the user removed (frequency 0) are split into characters.
    private func viterbiCut(
        _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, workspace: Workspace,
        _ emit: (_ start: Int, _ end: Int) -> Void
    ) {
        let k = (end - start) / 3
        guard k > 0 else { return }
        workspace.reserveHMM(characters: k)
        let rows = workspace.emissionRows
        for t in 0..<k {
            let i = start + 3 * t
            let c = UInt32(p[i] & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
            rows[t] = Int32(c - ScalarScanner.hanFirst) * 4
        }
        let back = workspace.backPointers
        let states = workspace.states
        let (B, E, M, S) = (HMMModel.b, HMMModel.e, HMMModel.m, HMMModel.s)
        do {
            let initial = model.parameters + HMMModel.startOffset
            let trans = model.parameters + HMMModel.transitionOffset
            let emission = model.parameters + HMMModel.emissionOffset
            var row = Int(rows[0])
            var vB = initial[B] + emission[row + B]
            var vE = initial[E] + emission[row + E]
            var vM = initial[M] + emission[row + M]
            var vS = initial[S] + emission[row + S]
            let (tEB, tSB) = (trans[E * 4 + B], trans[S * 4 + B])
            let (tBM, tMM) = (trans[B * 4 + M], trans[M * 4 + M])
            let (tES, tSS) = (trans[E * 4 + S], trans[S * 4 + S])
            let (tBE, tME) = (trans[B * 4 + E], trans[M * 4 + E])
            for t in 1..<k {
                row = Int(rows[t])
                let bp = back + 4 * t
                // B ← E or S
                let emB = emission[row + B]
                let bFromE = vE + tEB + emB, bFromS = vS + tSB + emB
                let nB: Double
                if bFromS >= bFromE { nB = bFromS; bp[B] = UInt8(S) } else { nB = bFromE; bp[B] = UInt8(E) }
                // E ← B or M
                let emE = emission[row + E]
                let eFromB = vB + tBE + emE, eFromM = vM + tME + emE
                let nE: Double
                if eFromM >= eFromB { nE = eFromM; bp[E] = UInt8(M) } else { nE = eFromB; bp[E] = UInt8(B) }
                // M ← M or B
                let emM = emission[row + M]
                let mFromB = vB + tBM + emM, mFromM = vM + tMM + emM
                let nM: Double
                if mFromM >= mFromB { nM = mFromM; bp[M] = UInt8(M) } else { nM = mFromB; bp[M] = UInt8(B) }
                // S ← S or E
                let emS = emission[row + S]
                let sFromE = vE + tES + emS, sFromS = vS + tSS + emS
                let nS: Double
                if sFromS >= sFromE { nS = sFromS; bp[S] = UInt8(S) } else { nS = sFromE; bp[S] = UInt8(E) }
                (vB, vE, vM, vS) = (nB, nE, nM, nS)
            }
            var state = vS >= vE ? S : E
            var t = k - 1
            while true {
                states[t] = UInt8(state)
                if t == 0 { break }
                state = Int(back[4 * t + state])
                t -= 1
            }
        }
        // __cut: B opens a word, E closes it, S is a word alone; a trailing open word is yielded.
        var begin = 0
        var nextStart = 0
        for t in 0..<k {
            switch Int(states[t]) {
            case B:
                begin = t
            case E:
                emitHMMWord(p, from: start + 3 * begin, to: start + 3 * (t + 1), emit)
                nextStart = t + 1
            case S:
                emit(start + 3 * t, start + 3 * (t + 1))
                nextStart = t + 1
            default:
                break
            }
        }
        if nextStart < k { emitHMMWord(p, from: start + 3 * nextStart, to: end, emit) }
    }

    /// Yields a word found by the HMM, or its characters when it is force-split.
    @inline(__always)
    private func emitHMMWord(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, _ emit: (Int, Int) -> Void) {
        if user.hasForceSplit && end - start > 3,
           let node = user.node(UnsafeBufferPointer(start: p + start, count: end - start)),
           user.forceSplit[Int(node)] {
            var i = start
            while i < end {
                emit(i, i + 3)
                i += 3
            }
        } else {
            emit(start, end)
        }
    }
}
