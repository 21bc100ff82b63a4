import HanziKit
import Testing

/// Each mode on real sentences, against what jieba 0.42.1 returns for them (`jieba.lcut`,
/// `lcut(HMM=False)`, `lcut(cut_all=True)` without its empty strings, `lcut_for_search`).
@Suite("Segmentation modes give jieba's tokens")
struct SegmentModeTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let text: String
        let accurate: [String]
        let noHMM: [String]
        let full: [String]
        let search: [String]
        var testDescription: String { text.debugDescription }
    }

    static let examples: [Example] = [
        Example(
            text: "我来到北京清华大学",
            accurate: ["我", "来到", "北京", "清华大学"],
            noHMM: ["我", "来到", "北京", "清华大学"],
            full: ["我", "来到", "北京", "清华", "清华大学", "华大", "大学"],
            search: ["我", "来到", "北京", "清华", "华大", "大学", "清华大学"]),
        Example(
            text: "他来到了网易杭研大厦",
            accurate: ["他", "来到", "了", "网易", "杭研", "大厦"],
            noHMM: ["他", "来到", "了", "网易", "杭", "研", "大厦"],
            full: ["他", "来到", "了", "网易", "杭", "研", "大厦"],
            search: ["他", "来到", "了", "网易", "杭研", "大厦"]),
        Example(
            text: "小明硕士毕业于中国科学院计算所，后在日本京都大学深造",
            accurate: ["小明", "硕士", "毕业", "于", "中国科学院", "计算所", "，", "后", "在", "日本京都大学", "深造"],
            noHMM: ["小", "明", "硕士", "毕业", "于", "中国科学院", "计算所", "，", "后", "在", "日本京都大学", "深造"],
            full: ["小", "明", "硕士", "毕业", "于", "中国", "中国科学院", "科学", "科学院", "学院", "计算", "计算所", "，", "后", "在",
                   "日本", "日本京都大学", "京都", "京都大学", "大学", "深造"],
            search: ["小明", "硕士", "毕业", "于", "中国", "科学", "学院", "科学院", "中国科学院", "计算", "计算所", "，", "后", "在",
                     "日本", "京都", "大学", "日本京都大学", "深造"]),
        Example(
            text: "工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作",
            accurate: ["工信处", "女干事", "每月", "经过", "下属", "科室", "都", "要", "亲口", "交代", "24", "口", "交换机", "等",
                       "技术性", "器件", "的", "安装", "工作"],
            noHMM: ["工信处", "女干事", "每月", "经过", "下属", "科室", "都", "要", "亲口", "交代", "24", "口", "交换机", "等",
                    "技术性", "器件", "的", "安装", "工作"],
            full: ["工信处", "处女", "女干事", "干事", "每月", "月经", "经过", "下属", "科室", "都", "要", "亲口", "口交", "交代", "24",
                   "口交", "交换", "交换机", "换机", "等", "技术", "技术性", "性器", "器件", "的", "安装", "安装工", "装工", "工作"],
            search: ["工信处", "干事", "女干事", "每月", "经过", "下属", "科室", "都", "要", "亲口", "交代", "24", "口", "交换", "换机",
                     "交换机", "等", "技术", "技术性", "器件", "的", "安装", "工作"]),
        Example(
            text: "永和服装饰品有限公司",
            accurate: ["永和", "服装", "饰品", "有限公司"],
            noHMM: ["永和", "服装", "饰品", "有限公司"],
            full: ["永和", "和服", "服装", "装饰", "装饰品", "饰品", "有限", "有限公司", "公司"],
            search: ["永和", "服装", "饰品", "有限", "公司", "有限公司"]),
        // Latin words, numbers with a decimal point and a percent sign, spaces.
        Example(
            text: "iPhone 15 Pro售价7999元，比上一代涨了3.5%！",
            accurate: ["iPhone", " ", "15", " ", "Pro", "售价", "7999", "元", "，", "比上", "一代", "涨", "了", "3.5%", "！"],
            noHMM: ["iPhone", " ", "15", " ", "Pro", "售价", "7999", "元", "，", "比", "上", "一代", "涨", "了", "3", ".", "5", "%", "！"],
            full: ["iPhone", " ", "15", " ", "Pro", "售价", "7999", "元", "，", "比", "上", "一代", "涨", "了", "3", ".", "5", "%", "！"],
            search: ["iPhone", " ", "15", " ", "Pro", "售价", "7999", "元", "，", "比上", "一代", "涨", "了", "3.5%", "！"]),
        // Dictionary words with symbols.
        Example(
            text: "C++和C#是编程语言，AT&T是一家公司",
            accurate: ["C++", "和", "C#", "是", "编程语言", "，", "AT&T", "是", "一家", "公司"],
            noHMM: ["C++", "和", "C#", "是", "编程语言", "，", "AT&T", "是", "一家", "公司"],
            full: ["C++", "和", "C#", "是", "编程", "编程语言", "语言", "，", "AT&T", "是", "一家", "公司"],
            search: ["C++", "和", "C#", "是", "编程", "语言", "编程语言", "，", "AT&T", "是", "一家", "公司"]),
        // Whitespace is yielded one character at a time; a carriage return stays a token.
        Example(
            text: "  你好\t世界\r",
            accurate: [" ", " ", "你好", "\t", "世界", "\r"],
            noHMM: [" ", " ", "你好", "\t", "世界", "\r"],
            full: [" ", " ", "你好", "\t", "世界", "\r"],
            search: [" ", " ", "你好", "\t", "世界", "\r"]),
        // Emoji are split into scalars (the skin-tone modifier too); full mode keeps a run of
        // them with the punctuation after, as jieba does.
        Example(
            text: "今天天气真好😀👍🏽，我们去公园吧",
            accurate: ["今天天气", "真", "好", "😀", "👍", "🏽", "，", "我们", "去", "公园", "吧"],
            noHMM: ["今天天气", "真", "好", "😀", "👍", "🏽", "，", "我们", "去", "公园", "吧"],
            full: ["今天", "今天天气", "天天", "天气", "真好", "😀👍🏽，", "我们", "去", "公园", "吧"],
            search: ["今天", "天天", "天气", "今天天气", "真", "好", "😀", "👍", "🏽", "，", "我们", "去", "公园", "吧"]),
        // Characters outside jieba's Han range (CJK Extension B) and full-width forms.
        Example(
            text: "𠀀𠀁是扩展B区的字",
            accurate: ["𠀀", "𠀁", "是", "扩展", "B", "区", "的", "字"],
            noHMM: ["𠀀", "𠀁", "是", "扩展", "B", "区", "的", "字"],
            full: ["𠀀𠀁", "是", "扩展", "B", "区", "的", "字"],
            search: ["𠀀", "𠀁", "是", "扩展", "B", "区", "的", "字"]),
        Example(
            text: "ＡＢＣ１２３，全角字符",
            accurate: ["Ａ", "Ｂ", "Ｃ", "１", "２", "３", "，", "全角字", "符"],
            noHMM: ["Ａ", "Ｂ", "Ｃ", "１", "２", "３", "，", "全角字", "符"],
            full: ["ＡＢＣ１２３，", "全角", "全角字", "字符"],
            search: ["Ａ", "Ｂ", "Ｃ", "１", "２", "３", "，", "全角", "全角字", "符"]),
        Example(text: "", accurate: [], noHMM: [], full: [], search: []),
    ]

    static let segmenter = Result { try Segmenter() }

    @Test("accurate mode with the HMM", arguments: examples)
    func accurate(_ example: Example) throws {
        #expect(try Self.segmenter.get().words(in: example.text, traditional: .off) == example.accurate)
    }

    @Test("accurate mode without the HMM", arguments: examples)
    func accurateWithoutHMM(_ example: Example) throws {
        #expect(try Self.segmenter.get().words(in: example.text, hmm: false, traditional: .off) == example.noHMM)
    }

    @Test("full mode", arguments: examples)
    func full(_ example: Example) throws {
        #expect(try Self.segmenter.get().words(in: example.text, mode: .full, traditional: .off) == example.full)
    }

    @Test("search mode", arguments: examples)
    func search(_ example: Example) throws {
        #expect(try Self.segmenter.get().words(in: example.text, mode: .search, traditional: .off) == example.search)
    }

    @Test("the character index gives the same tokens as the lexicon's trie", arguments: examples)
    func characterIndexAgrees(_ example: Example) throws {
        // Separate segmenters: copies would share the index.
        let plain = try Segmenter()
        let indexed = try Segmenter()
        indexed.buildCharacterIndex()
        for mode in Segmenter.Mode.allCases {
            for hmm in [true, false] {
                #expect(indexed.words(in: example.text, mode: mode, hmm: hmm, traditional: .off)
                    == plain.words(in: example.text, mode: mode, hmm: hmm, traditional: .off))
            }
        }
    }
}
