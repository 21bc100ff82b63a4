import HanziKit
import Testing

/// User words with jieba's semantics (`load_userdict`, `add_word`, `del_word`, `suggest_freq`),
/// against what jieba 0.42.1 does with its own test dictionary (jieba/test/userdict.txt).
@Suite("User dictionaries behave as jieba's")
struct SegmentUserDictionaryTests {
    static let userDictionary = """
        云计算 5
        李小福 2 nr
        创新办 3 i
        easy_install 3 eng
        好用 300
        韩玉赏鉴 3 nz
        八一双鹿 3 nz
        台中
        凱特琳 nz
        Edu Trust认证 2000

        """

    func loaded() throws -> Segmenter {
        var segmenter = try Segmenter()
        try segmenter.loadUserDictionary(Array(Self.userDictionary.utf8), path: "userdict.txt")
        return segmenter
    }

    @Test func loadingAFileAddsItsWordsWithTheirFrequenciesAndTags() throws {
        let base = try Segmenter()
        let segmenter = try loaded()
        // jieba adds every frequency to its total, the suggested ones included.
        #expect(segmenter.totalFrequency - base.totalFrequency == 2_389)
        #expect(segmenter.frequency(of: "云计算") == 5)
        #expect(segmenter.frequency(of: "台中") == 69)
        #expect(segmenter.frequency(of: "凱特琳") == 1)
        #expect(segmenter.frequency(of: "Edu Trust认证") == 2_000)
        #expect(segmenter.tag(of: "李小福") == "nr")
        #expect(segmenter.tag(of: "凱特琳") == "nz")
        #expect(segmenter.frequency(of: "石墨烯") == nil)
        #expect(segmenter.words(in: "李小福是创新办主任也是云计算方面的专家; 什么是八一双鹿", traditional: .off)
            == ["李小福", "是", "创新办", "主任", "也", "是", "云计算", "方面", "的", "专家", ";", " ", "什么", "是", "八一双鹿"])
        #expect(segmenter.words(in: "例如我输入一个带“韩玉赏鉴”的标题，在自定义词库中也增加了此词为N类", traditional: .off)
            == ["例如", "我", "输入", "一个", "带", "“", "韩玉赏鉴", "”", "的", "标题", "，", "在", "自定义词", "库中", "也",
                "增加", "了", "此", "词为", "N", "类"])
        #expect(segmenter.words(in: "easy_install is great", traditional: .off) == ["easy_install", " ", "is", " ", "great"])
        // A word with a space is in the dictionary, but jieba never looks across a space.
        #expect(segmenter.words(in: "Edu Trust认证", traditional: .off) == ["Edu", " ", "Trust", "认证"])
    }

    @Test func addedAndRemovedWordsChangeTheCut() throws {
        var segmenter = try loaded()
        segmenter.addWord("石墨烯")
        segmenter.addWord("凱特琳")
        segmenter.removeWord("自定义词")
        #expect(segmenter.frequency(of: "石墨烯") == 1)
        #expect(segmenter.frequency(of: "凱特琳") == 2)
        #expect(segmenter.totalFrequency == 60_104_359)
        #expect(segmenter.words(in: "例如我输入一个带“韩玉赏鉴”的标题，在自定义词库中也增加了此词为N类", traditional: .off)
            == ["例如", "我", "输入", "一个", "带", "“", "韩玉赏鉴", "”", "的", "标题", "，", "在", "自定义", "词库", "中", "也",
                "增加", "了", "此", "词为", "N", "类"])
        #expect(segmenter.words(in: "「台中」正確應該不會被切開。mac上可分出「石墨烯」；此時又可以分出來凱特琳了。", traditional: .off)
            == ["「", "台中", "」", "正確", "應該", "不會", "被", "切開", "。", "mac", "上", "可", "分出", "「", "石墨烯", "」",
                "；", "此時", "又", "可以", "分出", "來", "凱特琳", "了", "。"])
    }

    @Test func suggestedFrequenciesJoinOrSplitAsJiebaDoes() throws {
        var segmenter = try loaded()
        segmenter.addWord("石墨烯")
        segmenter.addWord("凱特琳")
        segmenter.removeWord("自定义词")
        let sentence = "如果放到post中将出错。"
        #expect(segmenter.words(in: sentence, hmm: false, traditional: .off) == ["如果", "放到", "post", "中将", "出错", "。"])
        let split = segmenter.suggestedFrequency(splitting: ["中", "将"])
        #expect(split == 494)
        segmenter.addWord("中将", frequency: split)
        #expect(segmenter.words(in: sentence, hmm: false, traditional: .off) == ["如果", "放到", "post", "中", "将", "出错", "。"])
        let joined = segmenter.suggestedFrequency(for: "台中")
        #expect(joined == 70)
        segmenter.addWord("台中", frequency: joined)
        #expect(segmenter.words(in: "「台中」正确应该不会被切开", hmm: false, traditional: .off)
            == ["「", "台中", "」", "正确", "应该", "不会", "被", "切开"])
        #expect(segmenter.totalFrequency == 60_104_923)
    }

    @Test func aRemovedWordIsSplitEvenByTheHMMUntilAddedWithAFrequency() throws {
        var segmenter = try loaded()
        #expect(segmenter.words(in: "他来到了网易杭研大厦", traditional: .off) == ["他", "来到", "了", "网易", "杭研", "大厦"])
        segmenter.removeWord("杭研")
        #expect(segmenter.words(in: "他来到了网易杭研大厦", traditional: .off) == ["他", "来到", "了", "网易", "杭", "研", "大厦"])
        segmenter.addWord("杭研", frequency: 10)
        #expect(segmenter.words(in: "他来到了网易杭研大厦", traditional: .off) == ["他", "来到", "了", "网易", "杭研", "大厦"])
        #expect(segmenter.words(in: "他来到了网易杭研大厦", hmm: false, traditional: .off) == ["他", "来到", "了", "网易", "杭研", "大厦"])
    }

    @Test func copiesKeepTheirOwnWordsAndShareTheDictionary() throws {
        let original = try Segmenter()
        var copy = original
        copy.addWord("杭研大厦", frequency: 1_000)
        #expect(copy.words(in: "网易杭研大厦", traditional: .off) == ["网易", "杭研大厦"])
        #expect(original.words(in: "网易杭研大厦", traditional: .off) == ["网易", "杭研", "大厦"])
        #expect(copy.lexicon === original.lexicon)
    }

    @Test func userWordsAreInTheCharacterIndexBuiltAfterThem() throws {
        var segmenter = try loaded()
        segmenter.addWord("杭研大厦", frequency: 1_000)
        segmenter.removeWord("网易")
        let expected = segmenter.words(in: "他来到了网易杭研大厦，李小福是创新办主任", traditional: .off)
        #expect(expected == ["他", "来到", "了", "网", "易", "杭研大厦", "，", "李小福", "是", "创新办", "主任"])
        segmenter.buildCharacterIndex()
        #expect(segmenter.words(in: "他来到了网易杭研大厦，李小福是创新办主任", traditional: .off) == expected)
        // A later change drops the index rather than leave it stale.
        segmenter.addWord("网易", frequency: 100)
        #expect(segmenter.words(in: "网易杭研大厦", traditional: .off) == ["网易", "杭研大厦"])
    }

    @Test func dictionaryLinesAreSplitByJiebasRule() throws {
        var segmenter = try Segmenter()
        // A byte-order mark, Windows line ends, blank lines, a word with spaces and digits,
        // a tag without a frequency, and a trailing number that belongs to the word.
        let text = "\u{FEFF}新词甲 7 n\r\n\r\n   \nNew York 12\n词 乙 x\n丙丁3\n戊己 5 6\n"
        try segmenter.loadUserDictionary(Array(text.utf8))
        #expect(segmenter.frequency(of: "新词甲") == 7)
        #expect(segmenter.tag(of: "新词甲") == "n")
        #expect(segmenter.frequency(of: "New York") == 12)
        #expect(segmenter.tag(of: "词 乙") == "x")
        #expect(segmenter.frequency(of: "丙丁3") != nil)
        #expect(segmenter.frequency(of: "戊己 5") == 6)
    }

    @Test func aDictionaryThatIsNotUTF8IsRejectedWithItsLine() throws {
        var segmenter = try Segmenter()
        #expect(throws: LexiconError.invalidLine(path: "bad.txt", line: 2, reason: "the dictionary must be UTF-8")) {
            try segmenter.loadUserDictionary([0x61, 0x0A, 0xFF, 0xFE, 0x0A], path: "bad.txt")
        }
    }
}
