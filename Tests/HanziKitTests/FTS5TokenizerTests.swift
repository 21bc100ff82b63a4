import HanziFTS5
import HanziKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The `hanzi` FTS5 tokenizer in-process: what it reports to FTS5 for documents and queries.
@Suite("FTS5 tokenizer")
struct FTS5TokenizerTests {
    /// A tokenizer with the default options; one per test, as tests run in parallel.
    let hans: HanziTokenizer

    init() throws {
        hans = try HanziTokenizer()
    }

    /// The texts of the words (not colocated), in order.
    func words(_ text: String, _ tokenizer: HanziTokenizer? = nil, for purpose: HanziTokenizer.Purpose = .document) -> [String] {
        (tokenizer ?? hans).tokens(in: text, for: purpose).filter { !$0.colocated }.map(\.text)
    }

    /// The original text each token's range covers.
    func covered(_ text: String, _ token: IndexToken) -> String {
        String(decoding: Array(text.utf8)[token.range], as: UTF8.self)
    }

    @Test func simplifiedAndTraditionalFoldToTheSameTokens() {
        let simplified = "我们后来用软件的数据库"
        let traditional = "我們後來用軟體的資料庫"
        #expect(words(simplified) == words(traditional))
        #expect(words(traditional, for: .query) == ["我们", "后来", "用", "软件", "的", "数据库"])
        // Offsets are the original's, so highlights mark the characters written.
        let tokens = hans.tokens(in: traditional, for: .document).filter { !$0.colocated }
        #expect(tokens.map { covered(traditional, $0) } == ["我們", "後來", "用", "軟體", "的", "資料庫"])
    }

    @Test func hongKongAndTaiwanVocabularyFold() {
        #expect(words("滑鼠", for: .query) == words("鼠标", for: .query))
        #expect(words("記憶體", for: .query) == words("内存", for: .query))
    }

    @Test func lengthChangingConversionKeepsOriginalOffsets() {
        // 隨身碟 (3 characters) folds to U盘 (2): the token covers the three characters.
        let text = "把隨身碟插上"
        let tokens = hans.tokens(in: text, for: .document).filter { !$0.colocated }
        #expect(tokens.map(\.text).contains("u盘"))
        #expect(tokens.map { covered(text, $0) }.joined() == "把隨身碟插上")
    }

    @Test func searchModeSubwordsAreColocatedWithTheirWord() {
        let tokens = hans.tokens(in: "中华人民共和国成立了", for: .document)
        #expect(tokens.first == IndexToken(text: "中华人民共和国", range: 0..<21, colocated: false))
        let colocated = tokens.dropFirst().prefix { $0.colocated }.map(\.text)
        #expect(Set(colocated).isSuperset(of: ["中华", "人民", "共和国"]))
        #expect(tokens.filter { !$0.colocated }.map(\.text) == ["中华人民共和国", "成立", "了"])
        // Queries are cut in accurate mode: no colocated tokens.
        #expect(!hans.tokens(in: "中华人民共和国成立", for: .query).contains { $0.colocated })
    }

    @Test func latinNumbersAndPunctuation() {
        #expect(words("Hello, World! iPhone手机") == ["hello", "world", "iphone", "手机"])
        #expect(words("café naïve ÉCOLE") == ["café", "naïve", "école"])
        #expect(words("１９９７年，价格3.14元，共1,000人") == ["1997", "年", "价格", "3.14", "元", "共", "1000", "人"])
        #expect(words("ＡＢＣ公司") == words("abc公司"))
        #expect(words("。，！？……  \n\t🙂") == [])
    }

    @Test func foldNoneKeepsTheScript() throws {
        let none = try HanziTokenizer(options: HanziTokenizerOptions(arguments: ["fold", "none"]))
        #expect(words("我們後來", none) == ["我們", "後來"])
        #expect(words("我们后来", none) == ["我们", "后来"])
    }

    @Test func accurateAndFullModes() throws {
        let accurate = try HanziTokenizer(options: HanziTokenizerOptions(arguments: ["mode", "accurate"]))
        #expect(accurate.tokens(in: "中华人民共和国成立", for: .document).map(\.text) == ["中华人民共和国", "成立"])
        let full = try HanziTokenizer(options: HanziTokenizerOptions(arguments: ["mode", "full"]))
        let tokens = full.tokens(in: "中华人民共和国成立", for: .document)
        #expect(tokens.filter { !$0.colocated }.map(\.text) == ["中华人民共和国", "成立"])
        #expect(tokens.contains(IndexToken(text: "人民共和国", range: 6..<21, colocated: true)))
    }

    @Test func userDictionaryWordsAreFoldedToo() throws {
        let file = "/tmp/hanzikit-fts5-userdict-\(getpid()).txt"
        defer { unlink(file) }
        try FileBytes.writeAtomically(Array("韓玉賞鑒 10 nz\n".utf8), to: file)
        let tokenizer = try HanziTokenizer(options: HanziTokenizerOptions(arguments: ["user_dict", file]))
        #expect(words("我爱韩玉赏鉴", tokenizer, for: .query) == ["我", "爱", "韩玉赏鉴"])
        #expect(words("我愛韓玉賞鑒", tokenizer, for: .query) == ["我", "爱", "韩玉赏鉴"])
    }

    @Test func optionsAreValidated() {
        #expect(throws: HanziTokenizerOptionError.unknownOption("color")) { try HanziTokenizerOptions(arguments: ["color", "red"]) }
        #expect(throws: HanziTokenizerOptionError.invalidValue("fold", "hant")) { try HanziTokenizerOptions(arguments: ["fold", "hant"]) }
        #expect(throws: HanziTokenizerOptionError.missingValue("mode")) { try HanziTokenizerOptions(arguments: ["mode"]) }
        let options = try? HanziTokenizerOptions(arguments: ["FOLD", "None", "hmm", "off", "mode", "full"])
        #expect(options?.fold == HanziTokenizerOptions.Fold.none && options?.hmm == false && options?.mode == .full)
    }

    /// Any bytes, in every mode: no crash, ranges inside the text, words in order and apart, no
    /// control character in a token (FTS5's integrity check fails on one).
    @Test func arbitraryBytesAreSafe() throws {
        let tokenizers = [hans, try HanziTokenizer(options: HanziTokenizerOptions(arguments: ["fold", "none", "mode", "full"])),
                          try HanziTokenizer(options: HanziTokenizerOptions(arguments: ["mode", "accurate", "hmm", "off"]))]
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = ["後來", "軟體", "隨身碟", "中华人民共和国", "ABC", "1,000", "é", "🙂", "，", " ", "\0", "hello,world!"].map { Array($0.utf8) }
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                if round % 2 == 0, let piece = pieces.randomElement(using: &generator) {
                    bytes += piece
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &generator))
                }
            }
            if round % 3 == 0, !bytes.isEmpty { bytes.removeLast(Int.random(in: 0...min(2, bytes.count), using: &generator)) }
            for purpose in [HanziTokenizer.Purpose.document, .query] {
                var previousEnd = 0
                bytes.withUnsafeBufferPointer { text in
                    tokenizers[round % tokenizers.count].tokenize(text, for: purpose) { token, range, colocated in
                        #expect(!token.isEmpty && !token.contains { $0 < 0x20 || $0 == 0x7F })
                        #expect(range.lowerBound >= 0 && range.upperBound <= text.count)
                        if !colocated {
                            #expect(range.lowerBound >= previousEnd)
                            previousEnd = range.upperBound
                        }
                        return true
                    }
                }
            }
        }
    }

    @Test func stoppingEarlyIsHonoured() {
        var count = 0
        var text = "我们后来用软件的数据库"
        text.withUTF8 { bytes in
            hans.tokenize(bytes, for: .document) { _, _, _ in
                count += 1
                return count < 2
            }
        }
        #expect(count == 2)
    }
}
