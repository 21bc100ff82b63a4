@testable import HanziKit
import Testing

// GBK and Big5 read as windows-1252 or Latin-1: Chinese from before Unicode, shown by Western
// software (你好 as ÄãºÃ). The garbled lines are made with ICU's converters, as in the wild.

private let simplified = "他说：“今天下午我们去图书馆看书吧。”"
private let traditional = "鴻漸道：“我們好好的謝你。”那女人講了一大串話。"

/// `bytes` read as browsers read windows-1252: its five undefined bytes as the C1 controls of
/// the same value, which ICU's windows-1252 writes as U+FFFD.
private func readAsBrowserWindows1252(_ bytes: [UInt8]) throws -> String {
    var text = ""
    for byte in bytes {
        let read = try Charset.windows1252.decode([byte], mode: .substitute)
        text += read == "\u{FFFD}" ? String(Unicode.Scalar(byte)) : read
    }
    return text
}

@Test(arguments: [false, true])
func gbkReadAsLatinIsUndone(asLatin1: Bool) throws {
    // GBK holds the Traditional characters too, many of them with a second byte that is ASCII
    // (這 is DF 40) or one windows-1252 leaves undefined (漸 is 9D 75).
    for original in [simplified, traditional, "请在「设置」中选择语言，然后按下确定。"] {
        let bytes = try Charset.gbk.encode(original)
        let garbled = try asLatin1 ? Charset.latin1.decode(bytes) : readAsBrowserWindows1252(bytes)
        #expect(!garbled.unicodeScalars.contains { $0.properties.isIdeographic })
        let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
        #expect(text == original, "\(garbled)")
        #expect(fixes.map(\.diagnosis) == [.gbkAsWindows1252])
    }
}

@Test(arguments: [Charset.windows1252, .latin1])
func big5ReadAsLatinIsUndone(as latin: Charset) throws {
    // (Big5 has no byte windows-1252 leaves undefined.)
    // Big5's marks begin with A1 (，is A1 41: ¡A), and a line may hold no letter from C2 up,
    // where UTF-8's lead bytes read as Latin-1 are (不過，她知道你在外面 is ¤£¹L¡A¦oª¾¹D§A¦b¥~­±).
    for original in [traditional, "不過，她知道你在外面。”", "《紅樓夢》是中國古典小說的巔峰之作。"] {
        let garbled = try misread(original, writtenAs: .big5, readAs: latin)
        let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
        #expect(text == original, "\(garbled)")
        #expect(fixes.map(\.diagnosis) == [.big5AsWindows1252])
    }
}

@Test func aClauseOfGBKReadAsLatinInsideCleanTextIsUndoneFromItsFirstCharacter() throws {
    // windows-1252 encodes ” as 94 too: read from there, the clause after it is out of step.
    let original = "现在是机会了。”让卜偃占卜，说：“大吉。”"
    let clause = try misread("让卜偃占卜，", writtenAs: .gbk, readAs: .windows1252)
    let garbled = "现在是机会了。”" + clause + "说：“大吉。”"
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == original, "\(garbled)")
    #expect(fixes.map(\.diagnosis) == [.gbkAsWindows1252])
    #expect(fixes.first?.before == clause)
}

@Test func utf8ReadAsWindows1252StaysUTF8WhereItsBytesAreGBKToo() throws {
    // Â· is C2 B7: · in UTF-8, 路 in GBK. The line's other mojibake is UTF-8's.
    let original = "首领，这很奇怪嘛。闪·陶姆似乎没有带多少部下在身边。"
    let garbled = original.replacingOccurrences(of: "，", with: "ï¼Œ").replacingOccurrences(of: "。", with: "ã€‚")
        .replacingOccurrences(of: "·", with: "Â·")
    #expect(try RepairFixture.repairer.get().repair(garbled).text == original)
}

@Test func europeanTextIsNotReadAsGBKOrBig5() throws {
    // Accented letters pair with the letter or space beside them (entrée as entr閑, « with a
    // no-break space as 珷), and a lone U+FFFD sends a line to a closer look: neither is Chinese.
    let lines = [
        "impossible d'analyser l'ancien fichier « %.250s ». Il n'a donc pas été effacé : %s",
        "le registre « q » doit être dans l'intervalle 0-7",
        "FICHIERS sont « FICHIER1 FICHIER2 » ou « RÉP1 RÉP2 »",
        "Déclaration ignorée en raison de « %s »",
        "Größe und Gewicht der Datei",
        "¡¿No se sabe cuál es la versión!?",
        "blåbærsyltetøy på brødskiva",
        "Ça a déjà été fait ; 25 °C ± 0,5 °C × 2",
    ]
    try expectLeftAlone(lines)
    for line in lines {
        let damaged = String(line.prefix(12)) + "\u{FFFD}" + String(line.dropFirst(12))
        #expect(try RepairFixture.repairer.get().repair(damaged).text == damaged)
    }
}

@Test func chineseWithLatin1SymbolsIsLeftAlone() throws {
    try expectLeftAlone(["今天气温 25°C，湿度 60%。", "约翰·史密斯说：“×2 就够了。”", "版权所有 © 2024，保留所有权利。",
                         "价格为 ±5 元，见第 3 页 ¶2。"])
}

@Test func legacyChineseReadAsLatinTwiceIsUndone() throws {
    // GBK read as Latin-1, saved as UTF-8 and read as windows-1252 again (ËûËµ as Ã‹Ã»Ã‹Âµ).
    let original = "他说：“你好，世界。”这是一个测试。"
    let once = try misread(original, writtenAs: .gbk, readAs: .latin1)
    let twice = try misread(once, readAs: .windows1252)
    let (text, fixes) = try RepairFixture.repairer.get().repair(twice)
    #expect(text == original, "\(twice)")
    #expect(fixes.map(\.diagnosis) == [.doubleMojibake])
}

@Test func aMarkReadAsLatinAloneAfterChineseIsUndone() throws {
    // A mark's first byte is A1 or A3 (¡ £), which Chinese text never sets after a character.
    for (original, writtenAs) in [("他说“你好”。", Charset.gbk), ("這是一個測試。", .big5)] {
        let marks = original.unicodeScalars.filter { !$0.properties.isIdeographic }
        var garbled = original
        for mark in Set(marks) {
            garbled = garbled.replacingOccurrences(of: String(mark), with: try misread(String(mark), writtenAs: writtenAs, readAs: .latin1))
        }
        #expect(garbled != original)
        #expect(try RepairFixture.repairer.get().repair(garbled).text == original, "\(garbled)")
    }
}

@Test func gbkReadByAWindows1252DecoderThatLostBytesIsUndoneByChoosingThem() throws {
    // Python's cp1252 (errors='replace') writes U+FFFD for the five bytes windows-1252 leaves
    // undefined, as ICU's does: 濟 (9D FA) reads as �ú. The lost byte is one of those five,
    // chosen by how the text reads, and the fix says it was chosen.
    let original = "我國經濟工作取得的一項重要成就，就是結構調整開始出現一些新的積極變化。"
    let garbled = try misread(original, writtenAs: .gbk, readAs: .windows1252)
    #expect(garbled.unicodeScalars.count { $0 == "\u{FFFD}" } == 1)
    let (text, fixes) = try RepairFixture.repairer.get().repair(garbled)
    #expect(text == original, "\(garbled)")
    #expect(fixes.map(\.diagnosis) == [.gbkAsWindows1252])
    #expect(fixes.map(\.guessed) == [1])
    #expect(fixes.map(\.unrecovered) == [0])
}

@Test func gbkReadAsLatinWithoutLostBytesReportsNothingChosen() throws {
    let garbled = try misread(simplified, writtenAs: .gbk, readAs: .latin1)
    let fixes = try RepairFixture.repairer.get().repair(garbled).fixes
    #expect(fixes.map(\.guessed) == [0])
}

@Test func aLostByteInEuropeanTextIsNoLostByteOfGBK() throws {
    // A guess for a U+FFFD makes a word of anything (Albanian zgjerues�hëm as zgjerues漢雖):
    // the Chinese word that shows GBK must be made of bytes the line has.
    for line in ["Pixbuf i zgjerues\u{FFFD}hëm i hapur", "Ndarës të rregullues\u{FFFD}hëm", "P\u{FFFD}hát sinh danh sách phụ thuộc",
                 "Na\u{FFFD}dëb", "»PR« und »S«/»PL«/»MI«/»S\u{FFFD}G« können nicht zusammen verwendet werden"] {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}
