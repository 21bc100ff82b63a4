/// The script of a Chinese text, as ``ScriptDetector`` judges it.
public enum ChineseScript: String, Sendable, CaseIterable {
    /// Simplified characters, with Traditional-only ones under 5% of the evidence.
    case simplified
    /// Traditional characters, with Simplified-only ones under 5% of the evidence.
    case traditional
    /// Both, each at 5% of the evidence or more: typically text half converted.
    case mixed
    /// Chinese characters, but only ones both scripts write: no evidence either way.
    case undetermined
    /// No Chinese characters.
    case notChinese = "not-chinese"
}

/// The evidence about a text's script: how many Chinese characters it has, how many of them
/// only one script writes, and which of those are the most frequent.
public struct ScriptReport: Sendable, Equatable {
    /// Chinese characters (CJK ideographs) in the text.
    public var hanCount = 0
    /// Characters only Simplified Chinese writes.
    public var simplifiedOnlyCount = 0
    /// Characters only Traditional Chinese writes.
    public var traditionalOnlyCount = 0
    /// How often each Simplified-only character occurs, by code point.
    public private(set) var simplifiedOnly: [UInt32: Int] = [:]
    /// How often each Traditional-only character occurs, by code point.
    public private(set) var traditionalOnly: [UInt32: Int] = [:]

    /// An empty report.
    public init() {}

    /// The share of the evidence the minority script may have in a text still called one
    /// script: a quotation or a name in the other script is no mixture.
    public static let mixedThreshold = 0.05

    /// The script the evidence points to.
    public var script: ChineseScript {
        Self.script(han: hanCount, simplifiedOnly: simplifiedOnlyCount, traditionalOnly: traditionalOnlyCount)
    }

    /// The script of a text with `han` Chinese characters, of which `simplifiedOnly` only
    /// Simplified writes and `traditionalOnly` only Traditional.
    static func script(han: Int, simplifiedOnly: Int, traditionalOnly: Int) -> ChineseScript {
        guard han > 0 else { return .notChinese }
        let evidence = simplifiedOnly + traditionalOnly
        guard evidence > 0 else { return .undetermined }
        let traditionalShare = Double(traditionalOnly) / Double(evidence)
        if traditionalShare < mixedThreshold { return .simplified }
        if traditionalShare > 1 - mixedThreshold { return .traditional }
        return .mixed
    }

    /// The most frequent Simplified-only characters, most frequent first (ties in code point
    /// order).
    public func topSimplified(_ count: Int) -> [(character: String, count: Int)] {
        Self.top(simplifiedOnly, count)
    }

    /// The most frequent Traditional-only characters, most frequent first.
    public func topTraditional(_ count: Int) -> [(character: String, count: Int)] {
        Self.top(traditionalOnly, count)
    }

    /// Adds the evidence of another part of the same text.
    public mutating func merge(_ other: ScriptReport) {
        hanCount += other.hanCount
        simplifiedOnlyCount += other.simplifiedOnlyCount
        traditionalOnlyCount += other.traditionalOnlyCount
        simplifiedOnly.merge(other.simplifiedOnly, uniquingKeysWith: +)
        traditionalOnly.merge(other.traditionalOnly, uniquingKeysWith: +)
    }

    mutating func record(_ scalar: Int, simplified: Bool) {
        if simplified {
            simplifiedOnlyCount += 1
            simplifiedOnly[UInt32(scalar), default: 0] += 1
        } else {
            traditionalOnlyCount += 1
            traditionalOnly[UInt32(scalar), default: 0] += 1
        }
    }

    private static func top(_ counts: [UInt32: Int], _ count: Int) -> [(character: String, count: Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(count).map {
            (String(Character(Unicode.Scalar($0.key)!)), $0.value)
        }
    }
}
