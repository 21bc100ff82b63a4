extension LineRepair {
    /// Whether `line` cites a work as GB/T 7714 writes references: a title followed by its
    /// document type in brackets (`研究进展[J].`, `导论[M].`, `网页[EB/OL].`). The standard sets a
    /// reference's marks in ASCII (`刘知远,孙茂松.知识表示学习研究进展[J].计算机研究与发展,2016`),
    /// so they are not folded ones.
    func citesAsReference(_ line: [Unicode.Scalar]) -> Bool {
        let table = model.table
        for (k, scalar) in line.enumerated() where scalar == "[" && k > 0 && table.kind(line[k - 1]) == .han {
            guard let close = line[(k + 1)...].prefix(6).firstIndex(of: "]") else { continue }
            if Self.documentTypes.contains(String(String.UnicodeScalarView(line[(k + 1)..<close]))) { return true }
        }
        return false
    }

    /// GB/T 7714's codes for the types of documents, and for electronic ones their carrier.
    private static let documentTypes: Set<String> = [
        "M", "C", "G", "N", "J", "D", "R", "S", "P", "DB", "CP", "EB", "A", "Z",
        "M/OL", "C/OL", "N/OL", "J/OL", "D/OL", "R/OL", "S/OL", "P/OL", "DB/OL", "CP/OL", "EB/OL", "DB/MT", "M/CD", "CP/DK",
    ]
}
