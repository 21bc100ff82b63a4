/// What went wrong with a piece of text, as the repairer diagnosed it.
///
/// Each case names one kind of damage of issue #5. The raw value is the name used by
/// `hanzi repair --explain` and in JSON reports.
public enum Diagnosis: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// UTF-8 bytes read as GBK (GB18030): “你好” shows as 鈥滀綘濂解€�, 。 as 銆�; or, by a decoder that
    /// drops the bytes it cannot read, as 鈥滀綘濂解.
    case utf8AsGBK
    /// UTF-8 bytes read as windows-1252: “ shows as â€œ, ， as ï¼Œ.
    case utf8AsWindows1252
    /// UTF-8 bytes read as ISO-8859-1, which leaves C1 controls (U+0080–U+009F) in the text.
    case utf8AsLatin1
    /// Big5 bytes read as GBK.
    case big5AsGBK
    /// GBK bytes read as Big5.
    case gbkAsBig5
    /// GBK bytes read as windows-1252 or ISO-8859-1: 你好 shows as ÄãºÃ, 。 as ¡£.
    case gbkAsWindows1252
    /// Big5 bytes read as windows-1252 or ISO-8859-1: 你好 shows as §A¦n, 。 as ¡C.
    case big5AsWindows1252
    /// Traditional text stored as GBK whose decoder lost a lead byte at a punctuation mark ('?')
    /// and read the following bytes one byte out of step until an ASCII byte realigned it:
    /// "。”王晟說" shows as "?!蓖蹶烧f".
    case gbkOneByteShift
    /// Mojibake of mojibake: UTF-8 misread, written back as UTF-8, and misread again.
    case doubleMojibake
    /// Only punctuation marks are garbled, inside otherwise clean text (text pasted together
    /// from two sources): 他说â€œ你好â€.
    case punctuationMojibake
    /// Full-width punctuation folded to ASCII inside Chinese: `,` `;` `:` `?` `!` `(` `)` between
    /// Chinese characters and straight double quotes around Chinese text; also `.` typed for 。
    /// where the line shows it was typed with ASCII punctuation (no 。, other marks folded), and
    /// the space a writer typed after each such mark, as English is typed.
    case asciiPunctuationInChinese
    /// 锟斤拷 and its pieces: U+FFFD written as UTF-8 and read as GBK. What it stood for is lost.
    case kunJinKao
    /// Runs of U+FFFD REPLACEMENT CHARACTER: bytes a decoder could not read. Lost.
    case replacementCharacters
    /// '?' standing for characters an encoder could not represent. Lost.
    case lostCharacters

    /// Whether this is damage that is reported and left alone, because what the text said is
    /// lost: ``kunJinKao``, ``replacementCharacters``, ``lostCharacters``.
    public var isIrrecoverable: Bool {
        switch self {
        case .kunJinKao, .replacementCharacters, .lostCharacters: return true
        default: return false
        }
    }

    /// The name, e.g. `utf8AsGBK`.
    public var description: String { rawValue }
}
