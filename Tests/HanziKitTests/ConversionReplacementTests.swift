import HanziKit
import Testing

@Suite("Converter.replacements")
struct ConversionReplacementTests {
    static let lines = [
        "鼠标里面的硅二极管坏了", "后来他们的头发都白了，干预不了。", "这个软件的版本是 GPT-3.5 吗？😀𠀀",
        "English only.", "", "香港的出租车很贵", "「漢字」と仮名", "錕斤拷锟斤拷", "a\u{2FF0}木木b",
    ]

    /// Replacing each replacement's range with its text gives the conversion, for every config.
    @Test(arguments: ["s2t", "t2s", "s2twp", "tw2sp", "s2hk", "t2jp", "jp2t"])
    func replacementsRebuildTheConversion(config: String) throws {
        let converter = try Converter(ConversionConfig.Name(rawValue: config))
        for line in Self.lines + Self.lines.map { converter.convert($0) } {
            var text = line
            let replacements = text.withUTF8 { converter.replacements(in: $0) }
            var rebuilt = "", position = line.utf8.startIndex
            for replacement in replacements {
                let start = line.utf8.index(line.utf8.startIndex, offsetBy: replacement.range.lowerBound)
                let end = line.utf8.index(line.utf8.startIndex, offsetBy: replacement.range.upperBound)
                #expect(String(line[start..<end]) == replacement.before)
                #expect(replacement.before != replacement.after)
                rebuilt += line[position..<start] + replacement.after
                position = end
            }
            rebuilt += line[position...]
            #expect(rebuilt == converter.convert(line), "\(config): \(line)")
        }
    }

    @Test func characterForCharacterChangesAreReportedOneRunAtATime() throws {
        let converter = try Converter(.s2twp)
        var text = "鼠标里面的硅二极管坏了"
        let replacements = text.withUTF8 { converter.replacements(in: $0) }
        #expect(replacements.map { "\($0.before)→\($0.after)" } == ["鼠标里→滑鼠裡", "硅→矽", "极管坏→極體壞"])
    }
}
