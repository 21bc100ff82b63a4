extension LineRepair {
    // What the lexicon cannot see when a lost byte leaves a choice of marks (锛� is ，！？：；…,
    // 銆� is 。、《》「」…, 鈥� is “”‘’—…): how quotations pair, what a clause ends with, what
    // follows a number. Each bias is in nats, added to the lexicon's score of a reading.

    /// What the lexicon cannot see about a lost punctuation mark: a colon introduces a
    /// quotation (where none is open), a question mark ends a clause that asks something, and
    /// the enumeration comma separates short items; and about a lost character before a
    /// question mark: it is likely a question particle.
    ///
    /// Where known, `markBefore` is the mark that ended the clause before `clause`, and
    /// `following` the text after the mark. (The context is evaluated only for the marks that
    /// need it: the search over lost marks asks about every character of every candidate.)
    func punctuationBias(_ scalar: Unicode.Scalar, next: Unicode.Scalar?, clause: @autoclosure () -> [Unicode.Scalar],
                         openQuotes: Int, nextSegment: @autoclosure () -> Int? = nil, markBefore: @autoclosure () -> MarkBefore? = nil,
                         following: @autoclosure () -> [Unicode.Scalar] = []) -> Double {
        switch scalar {
        // ：“ is how a quotation is introduced (or a nested one, 曰：‘…’ inside “…”): some thirty
        // times as often as ，“ in prose (ln 30 ≈ 3.4 nats, on top of the comma's higher
        // frequency). After a verb of saying near the clause's end (说什么：“), that is;
        // elsewhere a colon before a quotation is rarer than a quotation ending (呀！”, not 呀：“).
        case "：":
            guard let next, "“「".unicodeScalars.contains(next) && openQuotes == 0 || "‘『".unicodeScalars.contains(next) else {
                return 0
            }
            let words = hanCharacters(of: clause())
            if words.suffix(3).contains(where: Self.speechVerbs.contains) { return 5.5 }
            // So does a nested quotation, and a clause that asks: without the verb, ：‘ and
            // 怎么办：“ are likelier a quotation's end misread (乎？” as 乎：‘).
            return "‘『".unicodeScalars.contains(next) || Self.asksQuestion(words) || Self.endsAsking(words) ? 0 : 3.5
        // A question mark needs a clause that asks; without one, ！ is the likelier mark.
        case "？":
            // A particle that ends the clause (过得去么？) asks more surely than a question word
            // inside it (为什么…，) or a question's form (是不是…, …罢).
            let words = hanCharacters(of: clause())
            if words.last.map({ Self.finalQuestionParticles.contains($0) }) == true { return 4.5 }
            // Classical 乎 欤 耶 ask as surely, but exclaim too (天乎！).
            if words.last.map({ Self.classicalQuestionParticles.contains($0) }) == true { return 3.5 }
            // (吧 asks for assent as often as it urges: 走吧！)
            let byForm = Self.endsAsking(words) && !"吧罢罷".unicodeScalars.contains(words.last ?? " ")
            guard Self.asksQuestion(words) || byForm else { return -1 }
            // Before a closing quotation mark the clause ends an utterance, where a question
            // ends in ？ however common ，” is elsewhere.
            if let next, "”」』’".unicodeScalars.contains(next) { return 3.5 }
            return 2.5
        case "！":
            let words = hanCharacters(of: clause())
            return Self.exclaims(words, endsUtterance: next == nil || next == "”" || next == "」") ? 3 : 0
        // Items of an enumeration are short, on both sides of 、 (虞、虢、焦; 消治龍、藥特靈、);
        // a sentence seldom is one or two characters, nor followed by one as short.
        case "、":
            let clause = clause()
            // A list's number: 1、 2、
            if !clause.isEmpty && clause.count <= 2 && clause.allSatisfy(Self.isDigit) { return 2 }
            let words = hanCharacters(of: clause)
            let following = following()
            // (A long clause may end with the first item: 運用貨幣、財政、投資等. Not after a
            // preposition or a conjunction, which no item ends with: 或「下标」属性.)
            let item = !words.isEmpty && beginsItem(following) && !endsWithPrepositionOrConjunction(words)
            let byLength: Double = clause.count > 6 && !item ? -2 : words.count <= 4 && (nextSegment() ?? 9) <= 4 ? 1 : 0
            let names = !item && joinsNames(words, following)
            return byLength + (item || names ? Self.itemBias : 0)
                + enumerationBias(words, plain: words.count == clause.count, markBefore: markBefore(), following: following)
        case "。":
            let clause = clause()
            guard !clause.contains(where: { model.table.signs($0).contains(.opening) }) else { return 0 }
            let words = hanCharacters(of: clause).count
            return words <= 2 && (nextSegment() ?? 9) <= 4 ? -1.5 : 0
        // The other way round: before a question mark, a lost character that can be a
        // question particle most likely is one (很难了吗？, not 很难了受？).
        case _ where next == "？" || next == "?": return Self.finalQuestionParticles.contains(scalar) ? 2 : 0
        default: return 0
        }
    }

    /// The clause mark before a clause, and whether it was chosen for lost bytes.
    struct MarkBefore {
        var mark: Unicode.Scalar
        var chosen: Bool
    }

    /// What tells items of an enumeration, beyond their length: the clause before was one
    /// (元、亨、利、貞), so is the next (上海、西安、瀋陽), a conjunction joins the next item to
    /// more (紀、魯及齊), or two items end alike (高氏、國氏). (Not those that begin alike:
    /// classical prose repeats a character across sentences, 亦亡也。亡一也.) `plain`: the
    /// clause is Han characters alone.
    private func enumerationBias(_ item: [Unicode.Scalar], plain: Bool, markBefore: MarkBefore?,
                                 following: some Collection<Unicode.Scalar>) -> Double {
        let next = Array(following.prefix { model.table.kind($0) == .han }.prefix(8))
        // (An item of one to four Han characters alone after 、 is followed by another: in
        // pku_test and weicheng, 605 of 639 marks of the two after such an item are 、, whatever
        // follows. Not one that opens a quotation: 「上」、「下」 closes it first; nor after a 、
        // itself chosen for lost bytes, which would pass a wrong choice on down the line: the
        // 、 must be the line's own, as where only a run's last byte was lost.)
        var bias = 0.0
        if let markBefore, markBefore.mark == "、" {
            bias = plain && (1...4).contains(item.count) && !markBefore.chosen ? 3 : 1.5
        }
        if item.count <= 4 && next.count <= 4, following.dropFirst(next.count).first == "、" { bias += 2 }
        if next.contains(where: Self.conjunctions.contains) { bias += 1 }
        if item.count >= 2 && next.count >= 2 && item.last == next[1] && item[item.count - 2] != next[0] {
            bias += 3.5
        }
        return bias
    }

    /// Whether `scalar` is a Han character and not a sign of punctuation garbled on its own
    /// (銆 and 锛 are Han characters too).
    private func isPlainHan(_ scalar: Unicode.Scalar) -> Bool {
        model.table.kind(scalar) == .han && !model.table.signs(scalar).contains(.gbkPunctuationMojibake)
    }

    /// Whether `following` begins with the next items of an enumeration whose marks were
    /// garbled on their own (貨幣銆�財政銆�投資銆�進出口等): a short item that 、 or such a mark
    /// ends, and Han text after it. In modern prose (pku_test and weicheng) a mark of the two
    /// between Han characters followed by a short item and a mark of 銆's row is 、 82 to 97 %
    /// of the time, the clause before it long or short (運用貨幣、財政). (Not before a
    /// particle, which no item begins with, 巧言銆�之卒章; nor before a mark or Latin text:
    /// 工具。被以「dpkg-deb」.)
    private func beginsItem(_ following: some Collection<Unicode.Scalar>) -> Bool {
        let next = Array(following.prefix(while: isPlainHan))
        guard (1...4).contains(next.count), !beginsWithParticle(next), !beginsWithFunctionWord(next) else { return false }
        var rest = following.dropFirst(next.count)
        guard let mark = rest.first, mark == "、" || mark == Self.garbledCJKMark else { return false }
        rest = rest.dropFirst().drop { $0 == "\u{FFFD}" }
        let item = Array(rest.prefix(while: isPlainHan))
        return !item.isEmpty && !beginsWithParticle(item)
    }

    /// Whether the clause ends with a name and `following` begins with one of the same kind, by
    /// jieba's tags: people (马克思、恩格斯), places (陕西、青海) or organizations. In pku_test
    /// and weicheng, 120 of 132 such marks between two names are 、.
    private func joinsNames(_ clause: [Unicode.Scalar], _ following: some Collection<Unicode.Scalar>) -> Bool {
        func name(_ word: ArraySlice<Unicode.Scalar>) -> (word: [Unicode.Scalar], tag: String)? {
            let simplified = word.map(model.simplifiedForm)
            guard let entry = model.lexicon.entry(for: String(String.UnicodeScalarView(simplified))),
                  let tag = model.lexicon.tag(of: entry), ["nr", "ns", "nt"].contains(tag) else { return nil }
            return (simplified, tag)
        }
        let next = Array(following.prefix(while: isPlainHan).prefix(4))
        guard let before = stride(from: min(4, clause.count), through: 2, by: -1).lazy.compactMap({ name(clause.suffix($0)) }).first,
              let after = stride(from: next.count, through: 2, by: -1).lazy.compactMap({ name(next.prefix($0)) }).first else { return false }
        // (An enumeration names each once: 问于孔子。孔子对曰 ends a sentence.)
        return before.tag == after.tag && before.word != after.word
    }

    /// Whether `text` begins with a word that begins a clause rather than an item of an
    /// enumeration: an adverb, a conjunction, a preposition or a pronoun by jieba's tags
    /// (也可以按「放映」, 若选择「全部」, 仅在「选项」, 这本《…》), its longest word there.
    private func beginsWithFunctionWord(_ text: [Unicode.Scalar]) -> Bool {
        dictionaryWord(in: text, atEnd: false, limit: 3)?.tag.map { ["d", "c", "p", "r"].contains($0) } ?? false
    }

    /// The longest word of the dictionary that the Han characters `han` begin with (or, `atEnd`,
    /// end with), of up to `limit` characters: its length, and jieba's tag of it.
    func dictionaryWord(in han: some BidirectionalCollection<Unicode.Scalar>, atEnd: Bool, limit: Int) -> (length: Int, tag: String?)? {
        let simplified = (atEnd ? Array(han.suffix(limit)) : Array(han.prefix(limit))).map(model.simplifiedForm)
        for length in stride(from: simplified.count, through: 1, by: -1) {
            let word = atEnd ? simplified.suffix(length) : simplified.prefix(length)
            guard let entry = model.lexicon.entry(for: String(String.UnicodeScalarView(word))) else { continue }
            return (length, model.lexicon.tag(of: entry))
        }
        return nil
    }

    /// What the next items of an enumeration add to 、 (nats): the marks' frequencies rate it
    /// 1.5 below 。, and it is some five times likelier there or more.
    static let itemBias = 3.0

    /// Conjunctions that join the last items of an enumeration (甲、乙和丙), and 等 after them.
    static let conjunctions = ScalarSet("和及与與并並或暨等")

    /// The Han characters of `clause`, without the marks and quotation marks among them.
    private func hanCharacters(of clause: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        clause.filter { model.table.kind($0) == .han }
    }

    /// Whether a clause reads as an exclamation: an interjection alone (咦！唉！), 太…了 (太好了！),
    /// or, where the utterance ends, a particle that exclaims (我很好呀！”; mid-sentence 啊 and 呀
    /// are as often followed by a comma: 這個人啊，).
    static func exclaims(_ words: [Unicode.Scalar], endsUtterance: Bool) -> Bool {
        guard let first = words.first, let last = words.last else { return false }
        if words.count <= 2 && interjections.contains(first) { return true }
        if endsUtterance && exclamationParticles.contains(last) { return true }
        return first == "太" && last == "了" && words.count <= 5
    }

    /// Interjections, which stand alone before an exclamation mark.
    static let interjections = ScalarSet("咦唉哎嚇吓哦呸哼嗳噯喂噢哈呀啊哇")
    /// Particles that end an exclamation.
    static let exclamationParticles = ScalarSet("呀啊啦哇嘛")

    /// Verbs of saying, which introduce a quotation with a colon (他说：“…”).
    static let speechVerbs = ScalarSet("说說道问問曰嚷叫喊答笑骂罵云雲写寫称稱讲講吼叹嘆念唸告诉訴")

    /// How many Han characters come before the next clause mark (or a mark garbled on its own)
    /// in `following`, when one comes within a few characters; nil otherwise.
    func segmentLength(_ following: some Sequence<Unicode.Scalar>) -> Int? {
        var count = 0
        for scalar in following.prefix(6) {
            if Self.clauseMarks.contains(scalar) || scalar == "\u{FFFD}" || model.table.signs(scalar).contains(.gbkPunctuationMojibake) {
                return count
            }
            guard model.table.kind(scalar) == .han else { return nil }
            count += 1
        }
        return nil
    }

    /// Particles that end a question.
    static let finalQuestionParticles = ScalarSet("吗嗎呢么麼")
    /// Classical Chinese's particles that end a question.
    static let classicalQuestionParticles = ScalarSet("乎欤歟耶")

    /// At the end of a line, marks that end a sentence read well and marks that open or join
    /// clauses read badly.
    func lineEndBias(_ scalar: Unicode.Scalar) -> Double {
        let signs = model.table.signs(scalar)
        if signs.contains(.opening) { return -6 }
        if "，、；：".unicodeScalars.contains(scalar) { return -3 }
        return signs.contains(.closing) ? 1.5 : 0
    }

    /// At the start of a line, marks that open read well where their partner may follow, and
    /// marks that end or join clauses read badly: of the evaluation's 151,000 clean and
    /// original lines, 3,500 begin with an opening mark (「 “ （ 《 【), 195 with a clause mark
    /// and 54 with a closing one. (An opening mark nothing closes reads as badly: a line cut
    /// from a paragraph begins with ，, not with a （ it never closes.)
    func lineStartBias(_ scalar: Unicode.Scalar, closedAhead: Bool) -> Double {
        if model.table.signs(scalar).contains(.opening) { return closedAhead ? 1.5 : -3 }
        return model.table.signs(scalar).contains(.closing) || Self.clauseMarks.contains(scalar) ? -3 : 0
    }

    /// ``lineEndBias(_:)`` for the end of `text`: its last character, and the mark before the
    /// closing quotation marks it ends with (吧！” and 了。” end a line; 吧，” does not).
    func lineEndBias(ofText text: some BidirectionalCollection<Unicode.Scalar>) -> Double {
        guard let final = text.last else { return 0 }
        var bias = lineEndBias(final)
        if Self.closingQuotes.contains(final), let mark = text.last(where: { !Self.closingQuotes.contains($0) }) {
            bias += lineEndBias(mark)
        }
        return bias
    }

    /// Closing quotation marks.
    static let closingQuotes = ScalarSet("”’」』》")

    /// Whether `scalar` is an ASCII or full-width digit.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }

    /// Characters that follow a number: units of time, counting and money.
    static let numberUnits = ScalarSet("年月日时時点點分秒号號万萬亿億元岁歲个個次")

    /// A character lost right after a number is most likely a unit (2000年12月, not 2000并12),
    /// and between two numbers of a date, the unit the date needs there (12月31日: 月 before a
    /// number that 日 or 号 ends, 年 before one that 月 ends).
    func numberBias(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?,
                    following: @autoclosure () -> [Unicode.Scalar] = []) -> Double {
        guard let previous, Self.isDigit(previous), Self.numberUnits.contains(scalar) else { return 0 }
        let following = following()
        let digits = following.prefix(while: Self.isDigit).count
        guard digits > 0, let unit = following.dropFirst(digits).first else { return 3 }
        let needed: Unicode.Scalar? = "日号號".unicodeScalars.contains(unit) ? "月" : unit == "月" ? "年" : nil
        return scalar == needed ? 6 : 3
    }

    /// Before a word that is not Chinese — a Latin word, a number, a quotation of one (设为
    /// TRUE, 大于 0, “new” 或 “unchanged”) — a lost character is most likely a preposition or
    /// a conjunction, which set such a word in a Chinese sentence; the more so right after
    /// another such word. (The lexicon scores words alone, and the word after is none of its;
    /// a number right after the character mostly counts it instead: 用了5个, 人员4860.)
    /// Not where another of the `options` ends a word with the characters before (设备 eth0,
    /// 或者 POSIX): a preposition there would break it.
    /// (`before` is the line so far, long, and needed only before such a word.)
    func tokenBias(_ scalar: Unicode.Scalar, before: @autoclosure () -> [Unicode.Scalar],
                   following: some Collection<Unicode.Scalar>, options: [Unicode.Scalar]) -> Double {
        guard let word = following.first(where: { $0 != " " }), Self.beginsToken(word), following.first == " " || !Self.isDigit(word),
              Self.joinsToken(simplified: model.simplifiedForm(of: scalar), in: model.lexicon) else { return 0 }
        let before = before()
        guard let previous = before.last(where: { $0 != " " }) else { return 1.5 }
        if model.table.kind(previous) != .han { return Self.clauseMarks.contains(previous) ? 1.5 : 3 }
        guard before.last == previous else { return 1.5 }
        let hanBefore = Array(before.suffix(2).drop { model.table.kind($0) != .han }.map(model.simplifiedForm))
        let endsWord = options.contains { option in
            option != scalar && hanBefore.indices.contains { k in
                model.lexicon.entry(for: String(String.UnicodeScalarView(hanBefore[k...] + [model.simplifiedForm(of: option)]))) != nil
            }
        }
        return endsWord ? 0 : 1.5
    }

    /// Whether `scalar` begins a word that is not Chinese: a Latin letter, a digit, a
    /// quotation mark or what begins a path, an option or a placeholder.
    static func beginsToken(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || isDigit(scalar)) || "“「\"'`<$-/".unicodeScalars.contains(scalar)
    }

    /// Whether jieba tags the one-character word `simplified` a preposition or a conjunction.
    static func joinsToken(simplified: Unicode.Scalar, in lexicon: Lexicon) -> Bool {
        guard let entry = lexicon.entry(for: String(simplified)), let tag = lexicon.tag(of: entry) else { return false }
        return tag == "p" || tag == "c"
    }

    /// The closing mark of each opening quotation mark (and book-title bracket, which pairs the
    /// same way).
    static func closingQuote(of opening: Unicode.Scalar) -> Unicode.Scalar? {
        switch opening {
        case "“": "”"
        case "‘": "’"
        case "「": "」"
        case "『": "』"
        case "《": "》"
        default: nil
        }
    }

    /// Keeps `unclosed`, the opening quotation marks not yet closed, up to date after `scalar`.
    static func track(_ scalar: Unicode.Scalar, unclosed: inout [Unicode.Scalar]) {
        if closingQuote(of: scalar) != nil {
            unclosed.append(scalar)
        } else if closingQuotes.contains(scalar), let k = unclosed.lastIndex(where: { closingQuote(of: $0) == scalar }) {
            unclosed.removeSubrange(k...)
        }
    }

    /// Whether `scalar` opens a quotation (“ or 「): a line that has done so began inside none.
    static func opensQuotation(_ scalar: Unicode.Scalar) -> Bool { scalar == "“" || scalar == "「" }

    /// A closing quotation mark closes the innermost open quotation: ’ inside “…‘…, not ”.
    /// A mark of the wrong kind pays; the right one gains only where it is a nested quotation's
    /// (’ 』), which the marks' frequencies alone rate 3.5 nats below ” 」. Whether a quotation
    /// closes here at all is for the other biases.
    func pairingBias(_ scalar: Unicode.Scalar, unclosed innermost: Unicode.Scalar?) -> Double {
        guard let innermost, Self.closingQuotes.contains(scalar) else { return 0 }
        guard Self.closingQuote(of: innermost) == scalar else { return -3 }
        return scalar == "’" || scalar == "』" ? 2 : 0
    }

    /// A lost mark that can be ） closes a parenthesis the line opened ((新华社北京1月1日电）,
    /// not 电！), and reads badly where none is open. Parentheses around a short Latin term
    /// read as a pair, as brackets do (标准输出（stdout）, not ，stdout，): a ） that closes
    /// one gains more, and so does a （ whose partner closes one `spanAhead` of it.
    func bracketBias(_ scalar: Unicode.Scalar, openParentheses: Int, before: @autoclosure () -> [Unicode.Scalar],
                     spanAhead: (Unicode.Scalar) -> BracketSpan?) -> Double {
        // (Letters: a number there is as often a time or a score, 23：30.)
        func isLatinTerm(_ span: some Collection<Unicode.Scalar>) -> Bool {
            span.count(where: { $0.isASCII && $0.properties.isAlphabetic }) >= 2 && isShortSpan(span)
                && !span.contains { model.table.kind($0) == .han || Self.clauseMarks.contains($0) }
        }
        switch scalar {
        case "）":
            guard openParentheses > 0 else { return -2 }
            let before = before()
            guard let opening = before.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return 3 }
            return isLatinTerm(before[(opening + 1)...]) ? 7 : 3
        case "（":
            return spanAhead("）").map { isLatinTerm($0.content) } == true ? 4 : 0
        default: return 0
        }
    }

    /// What an opening mark's partner would enclose further on: the characters between, and
    /// up to two characters after the partner (fewer where they are not yet known).
    struct BracketSpan {
        var content: [Unicode.Scalar]
        var after: [Unicode.Scalar]
    }

    /// Brackets around a short span without a clause mark read as a pair (「--help」的,
    /// 《模式》部分): a closing bracket that ends such a span its partner opened gains, the more
    /// where the span holds no Han character, as no sentence between two full stops does; so
    /// does an opening bracket whose partner closes such a span `spanAhead` of it.
    ///
    /// Where that span is Han text (所以《春秋》 or 所以、春秋、), the lexicon cannot tell: the
    /// marks split the characters alike. What tells is what follows the partner: a clause mark,
    /// or a particle that begins no clause (「白毛旋風」的, 『喜』之理), leaves it no clause
    /// mark to be (、， 。的). In pku_test, weicheng and the Zuozhuan, 195 of 202 spans of Han
    /// between two marks of 銆's row and followed so are enclosed by a pair.
    /// Quotation marks “ ‘ have ``quoteBias(_:after:openQuotes:innermost:)``.
    func spanBias(_ scalar: Unicode.Scalar, before: @autoclosure () -> [Unicode.Scalar], innermost: Unicode.Scalar?,
                  spanAhead: (Unicode.Scalar) -> BracketSpan?) -> Double {
        guard Self.brackets.contains(scalar) else { return 0 }
        let span: ArraySlice<Unicode.Scalar>
        if let partner = Self.closingQuote(of: scalar) {
            guard let ahead = spanAhead(partner) else { return 0 }
            if ahead.content.contains(where: { model.table.kind($0) == .han }) {
                return enclosesTerm(ahead, after: before()) ? 3.5 : 0
            }
            span = ahead.content[...]
        } else {
            guard let innermost, Self.closingQuote(of: innermost) == scalar else { return 0 }
            let before = before()
            guard let opening = before.lastIndex(of: innermost) else { return 0 }
            span = before[(opening + 1)...]
            guard isShortSpan(span), !span.contains(where: Self.clauseMarks.contains) else { return 0 }
        }
        guard !span.isEmpty else { return 0 }
        // (Han text too, once the bracket is open: 《小旻》之卒章, not 《小旻。之卒章.)
        return span.contains { model.table.kind($0) == .han } ? 3.5 : 4
    }

    /// Whether an opening mark before `ahead`, a span of Han text, encloses a term rather than
    /// standing for a clause mark, by what follows its partner (see
    /// ``spanBias(_:before:innermost:spanAhead:)``) or by the word the mark follows, `before`'s
    /// last: a preposition or a conjunction, which neither ends a sentence nor an enumeration's
    /// first item (在「系統」中, 或「下标」属性). In pku_test, weicheng and the taiwan split,
    /// spans of two to eight Han characters between two marks of 銆's row, after such a word and
    /// before Han text, are enclosed by a pair 103 times of 109 (4 are 、、). (Not after a
    /// particle or an adverb: 的。 and 同样。 end sentences of a novel.)
    private func enclosesTerm(_ ahead: BracketSpan, after before: @autoclosure () -> [Unicode.Scalar]) -> Bool {
        guard let next = ahead.after.first, ahead.content.count <= Self.termLength,
              ahead.content.allSatisfy({ model.table.kind($0) == .han }) else { return false }
        // (A comma garbled on its own counts as one: 「經濟動物」锛�.)
        return Self.clauseMarks.contains(next) || next == Self.garbledFullwidthMark || beginsWithParticle(ahead.after)
            || isPlainHan(next) && endsWithPrepositionOrConjunction(before())
    }

    /// Whether the longest word of the dictionary `text` ends with, of up to four Han
    /// characters, is one jieba tags a preposition or a conjunction.
    private func endsWithPrepositionOrConjunction(_ text: some BidirectionalCollection<Unicode.Scalar>) -> Bool {
        let han = Array(text.reversed().prefix(while: isPlainHan).reversed())
        return dictionaryWord(in: han, atEnd: true, limit: 4)?.tag?.first.map { "pc".contains($0) } == true
    }

    /// 锛, the first two bytes of the full-width marks ，：；！？（） read as GBK.
    static let garbledFullwidthMark = garbledLead(of: "，")
    /// 銆, the first two bytes of the CJK marks 、。「」『』《》 read as GBK.
    static let garbledCJKMark = garbledLead(of: "、")

    /// The first two bytes of the UTF-8 of `mark`, a three-byte mark, read as a GBK character.
    static func garbledLead(of mark: Unicode.Scalar) -> Unicode.Scalar {
        let bytes = Array(String(mark).utf8)
        return Charset.gbk.decodePair(bytes[0], bytes[1]) ?? "\u{FFFD}"
    }

    /// Whether `text` begins with a particle that begins no clause (的, 之, 了, 着): a one-character
    /// word jieba tags a particle, not the start of a longer word (的确, 之后, 着急).
    private func beginsWithParticle(_ text: [Unicode.Scalar]) -> Bool {
        guard let first = text.first, model.table.kind(first) == .han else { return false }
        let simplified = text.map(model.simplifiedForm)
        guard let entry = model.lexicon.entry(for: String(simplified[0])), let tag = model.lexicon.tag(of: entry),
              tag.hasPrefix("u") else { return false }
        return simplified.count < 2 || model.table.kind(text[1]) != .han
            || model.lexicon.entry(for: String(String.UnicodeScalarView(simplified.prefix(2)))) == nil
    }

    /// The longest term a pair of brackets is taken to enclose by what follows it alone.
    static let termLength = 8

    /// Corner brackets and book-title marks, opening and closing.
    static let brackets = ScalarSet("「」『』《》")

    /// Whether a bracket holding `span` holds a short span for
    /// ``spanBias(_:before:innermost:spanAhead:)``: at most 16 characters, or 40 without Han
    /// (a command, 「git sparse-checkout reapply」, is a term however long).
    func isShortSpan(_ span: some Collection<Unicode.Scalar>) -> Bool {
        span.count <= 16 || span.count <= 40 && !span.contains { model.table.kind($0) == .han }
    }

    /// How many parentheses (full-width or ASCII) are open after `text`, starting with `open`.
    static func parenthesisBalance(_ text: some Sequence<Unicode.Scalar>, from open: Int) -> Int {
        text.reduce(open) { open, scalar in
            scalar == "（" || scalar == "(" ? open + 1 : scalar == "）" || scalar == ")" ? max(0, open - 1) : open
        }
    }

    /// How many quotations (and book-title brackets) are open after `text`, starting with
    /// `open`: “ minus ”, 「 minus 」, 《 minus 》.
    func quoteBalance(_ text: some Sequence<Unicode.Scalar>, from open: Int) -> Int {
        text.reduce(open) { LineFacts.balance(after: $1, from: $0) }
    }

    /// Opening quotation marks read badly inside an open quotation, closing ones outside.
    ///
    /// Right after a sentence mark, a quotation mark closes: a line cut from a paragraph often
    /// begins inside a quotation, and even where the line opened none, 。” outnumbers 。“ about
    /// 2:1 in news (pku_test), 11:1 in a novel (weicheng) and 1000:1 in the Zuozhuan. Not once
    /// the line has opened a quotation and closed it (`quotedBefore`): it began inside none, and
    /// there a closing mark with none open is as rare as anywhere (in pku_test, after a sentence
    /// mark with none open, 69 quotations open and 1 closes).
    ///
    /// A quotation inside a quotation opens with ‘ or 『 (曰：“…說：‘…’…”), and a book title may
    /// stand inside one (曰：“《詩》曰…”): those read badly only inside their own kind, when
    /// it is `innermost`, the innermost open mark.
    func quoteBias(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, openQuotes: Int,
                   innermost: Unicode.Scalar? = nil, quotedBefore: Bool = false) -> Double {
        let afterSentence = !quotedBefore && previous.map { "。！？…".unicodeScalars.contains($0) } == true
        switch scalar {
        case "“", "「": return openQuotes > 0 ? -4 : afterSentence ? -1.5 : 0
        // Inside “…” a quotation opens with ‘, which the marks' overall frequencies (3.5 nats
        // below “) understate there, as ``pairingBias(_:unclosed:)`` weighs the ’ closing it.
        case "『", "‘":
            if innermost == "‘" || innermost == "『" { return -4 }
            // (After a colon, as nested quotations are introduced (曰：‘), or the opening mark
            // (“‘/’ 分區”). After a comma, ‘ is likelier a closing ” misread: 我要睡了，”进浴室.)
            if innermost == "“" || innermost == "「" { return previous.map { "：“「".unicodeScalars.contains($0) } == true ? 2 : 0 }
            return openQuotes > 0 ? 0 : afterSentence ? -1.5 : 0
        case "《": return innermost == "《" ? -4 : 0
        // A closing mark without an opening one may close a quotation begun on an earlier line.
        case "”", "」", "』", "’": return openQuotes > 0 || afterSentence ? 0 : -2
        case "》": return openQuotes > 0 ? 0 : -2
        default: return 0
        }
    }
}
