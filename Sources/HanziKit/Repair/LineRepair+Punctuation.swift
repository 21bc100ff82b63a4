extension LineRepair {
    /// Pass 2: full-width punctuation folded to ASCII inside Chinese sentences, restored.
    ///
    /// A mark is restored only where both of its sides are Chinese, so English, numbers (3.5,
    /// 1,000), code, URLs and "GPT-3.5" keep their ASCII: `, ; : !` need a Chinese character or
    /// mark before and after (or the line's end after), or a Han character on one side and a
    /// Latin word set in Chinese on the other; `?` between two Chinese characters is restored
    /// only in a clause with a question word or of a question's form, or in a line folded
    /// whole, and never in a line that writes ？ full-width (elsewhere it is more often a lost
    /// character, reported by pass 3); parentheses and straight double quotes are restored in
    /// pairs whose content is Chinese and which touch Chinese outside (a parenthesis whose
    /// partner the line cuts off, between Han characters; quotes around one ASCII token with
    /// Han outside them). A list of words between semicolons keeps its ';'. Lines with kana or
    /// hangul keep their punctuation: Japanese and Korean have conventions of their own; so do
    /// markup tags.
    mutating func restorePunctuation() {
        let (text, origins) = repairedText()
        let table = model.table
        // (Code is read first: its lines would otherwise run every restorer below, ten times the
        // cost of a line of prose, for nothing.)
        // (Full-width letters and digits count as Chinese: only CJK text types them.)
        guard text.count(where: { table.kind($0) == .han || isFullwidthForm($0) }) >= 2,
              !text.contains(where: { table.kind($0) == .kana || table.kind($0) == .hangul }),
              !Self.readsAsSourceCode(text), !citesAsReference(text) else { return }
        // An input method set to ASCII punctuation types 。 as '.' too. NFKC leaves 。 alone, so
        // only a line that writes no 。 may have typed its full stops so, and they are restored
        // only where the line shows it was folded: by its other marks or its quotation marks.
        let fullStopsTyped = !text.contains("。") && !written.fullStop
        // A line folded whole has no full-width form of a mark NFKC folds, and marks between
        // Chinese to restore: there a quotation of a Latin word, a path or code was “…” too
        // (位於 “/usr/share/doc”). Where the line writes its marks full-width, its straight
        // quotes are as written ("%s"，).
        var foldedWhole = false
        let typesSpacesAfterMarks = !written.foldedForm && typesSpacesAfterMarks(text, fullStops: fullStopsTyped)
        // (Not a line that ends its last sentence with '.' after a Latin word or a reference: its
        // writer ends sentences the English way, and 进程.参见 systemd.service(5). is as written.)
        let endsInEnglishFullStop = text.count >= 2 && text[text.count - 1] == "." && text[text.count - 2].isASCII
            && (text[text.count - 2].properties.isAlphabetic || text[text.count - 2] == ")")
        // A line that ends with '.' after a particle only speech ends a sentence with (已经倒下
        // 了.; 主戰場?我還以爲這裏就是前線呢.) was folded whole: technical text ends its lines with
        // '.' too, but states things there (显示其他选项.). Of the evaluation's 38 clean lines that
        // end with '.' after Han and write no other mark, none ends so; of the 279 such typed
        // lines of the evaluation and the probe, 32. (Not where the line writes a full-width
        // mark, given or undone from mojibake: 好找啊.)
        let endsSpeech = fullStopsTyped && text.count >= 2 && text[text.count - 1] == "."
            && Self.speechFinalParticles.contains(text[text.count - 2]) && !text.contains(where: Self.foldedForms.contains)
        if !written.foldedForm {
            var marksOnly = [Unicode.Scalar?](repeating: nil, count: text.count)
            restoreParentheses(text, into: &marksOnly, foldedWhole: false, fullStops: false)
            restoreMarks(text, restored: &marksOnly, foldedWhole: false, fullStops: false)
            // The one-byte shift is a line folded after it was misread (?!蓖蹶烧f). So is a line
            // with a '.' between two Han characters and no 。 (用了.它): Chinese writes no '.'
            // there, and the sentence's other marks may all be full stops.
            foldedWhole = marksOnly.contains { $0 != nil } || edits.contains { $0.diagnosis == .gbkOneByteShift }
                || typesSpacesAfterMarks || endsSpeech
                || fullStopsTyped && !endsInEnglishFullStop && text.indices.contains { k in
                    text[k] == "." && k > 0 && k + 1 < text.count && isHan(text[k - 1]) && isHan(text[k + 1])
                        && !isInAddress(text, at: k) && !isDottedKey(text, at: k) && !isNotationDot(text, at: k)
                }
            // So is a line with a straight quote between two Han characters (从"不加速"到): a
            // writer who types straight quotes there wrote no full-width mark either, so the
            // line's other quotations and parentheses went ASCII with it.
            // (The quotes are read only where such a quote stands: most lines have none.)
            func quoteBetweenHan(_ k: Int) -> Bool {
                text[k] == "\"" && k > 0 && k + 1 < text.count && isHan(text[k - 1]) && isHan(text[k + 1])
            }
            if !foldedWhole, text.indices.contains(where: quoteBetweenHan) {
                var quotesOnly = [Unicode.Scalar?](repeating: nil, count: text.count)
                restoreQuotes(text, into: &quotesOnly, foldedWhole: false, fullStopsTyped: false)
                foldedWhole = text.indices.contains { quotesOnly[$0] != nil && quoteBetweenHan($0) }
            }
        }
        var restored = [Unicode.Scalar?](repeating: nil, count: text.count)
        restoreQuotes(text, into: &restored, foldedWhole: foldedWhole, fullStopsTyped: fullStopsTyped)
        restoreParentheses(text, into: &restored, foldedWhole: foldedWhole, fullStops: fullStopsTyped && foldedWhole)
        matchRepairedParentheses(text, origins: origins, into: &restored)
        if foldedWhole { restoreEmoticons(text, into: &restored) }
        let quotesRestored = restored.contains { $0.map { "“”「」".unicodeScalars.contains($0) } == true }
        // So does a line that quotes with corner brackets, typed in Chinese, and ends its
        // sentences with '.' alone: no clean line in the evaluation sets does that. Not one that
        // writes ， too: its writer typed full-width marks and chose the '.' (「檔案編號.域」), and
        // a line undone from mojibake would otherwise change again when repaired again.
        let fullStops = fullStopsTyped && (foldedWhole || quotesRestored || written.cornerBrackets && !written.foldedForm)
        let beforeMarks = restored
        restoreMarks(text, restored: &restored, foldedWhole: foldedWhole, fullStops: fullStops)
        // A quote accepted because an ASCII mark stood beside it stays only if that mark was
        // restored too: in {"name": "张三", …} neither is. (Not marks the quotation holds
        // alone: 预期有"="或";", 使用"!="運算子.)
        // (With its partner: “雾都宾馆",8月 is worse than either reading.) In a line folded
        // whole, a term defined after it keeps its quotes: "Text": 含有… was 「Text」: 含有….
        let quoteMarks = text.indices.filter { Self.doubleQuoteMarks.contains(text[$0]) }
        var quoteReverted = false
        for (n, k) in quoteMarks.enumerated() where text[k] == "\"" {
            // (Not a '?' kept between the quote and a Han character: it may stand for a lost
            // character, which leaves the quotation as it was: "前面危险"?到目前为止.)
            guard let scalar = restored[k], [k - 1, k + 1].contains(where: { side in
                let beyond = 2 * side - k
                return side >= 0 && side < text.count && Self.fullwidthMark(for: text[side]) != nil && restored[side] == nil
                    && !Self.quotesMarksOnly(text, from: k, through: side)
                    && !(foldedWhole && text[side] == ":" && beginsWithQuotedTerm(text, endingAt: k))
                    && !(text[side] == "?" && beyond >= 0 && beyond < text.count && isHan(text[beyond]))
            }) else { continue }
            restored[k] = nil
            quoteReverted = true
            let opens = scalar == "“" || scalar == "「"
            let partner = opens ? quoteMarks.dropFirst(n + 1).first : quoteMarks.prefix(n).last
            if let partner, text[partner] == "\"", let other = restored[partner], (other == "“" || other == "「") != opens {
                restored[partner] = nil
            }
        }
        // A line quoted whole is restored whole or not at all: "「台中」…了。” (a string of a
        // catalog or of code) reads worse than either.
        if text.count > 2, text[0] == "\"", text[text.count - 1] == "\"", (restored[0] == nil) != (restored[text.count - 1] == nil),
           text.indices.filter({ "\"“”".unicodeScalars.contains(text[$0]) }) == [0, text.count - 1] {
            (restored[0], restored[text.count - 1]) = (nil, nil)
            quoteReverted = true
        }
        // The marks are read again without the quotes taken back: one restored as a mark beside
        // a closing quote ({name:"sam",phone:…}) is not Chinese beside a straight one.
        if quoteReverted {
            for k in text.indices where text[k] == "." || Self.fullwidthMark(for: text[k]) != nil { restored[k] = beforeMarks[k] }
            restoreMarks(text, restored: &restored, foldedWhole: foldedWhole, fullStops: fullStops)
        }
        guard restored.contains(where: { $0 != nil }) else { return }
        // Inside a tag the marks are the markup's: an attribute's value is written as the page's
        // code wrote it (<meta content="新闻,评论">); the text between tags is prose. So are those
        // of a list of strings in brackets (["1"、"2"、"3"]).
        for span in Self.markupTags(in: text) + Self.bracketedStringLists(in: text) {
            for k in span { restored[k] = nil }
        }
        let typedSpaces = typesSpacesAfterMarks ? spacesTypedBeside(restored, in: text) : []
        for (k, scalar) in restored.enumerated() {
            if let scalar, text[k] != scalar { replaceRepaired(at: k, with: scalar, origins: origins) }
        }
        for k in typedSpaces { removeRepaired(at: k, origins: origins) }
    }

    /// Whether the line was typed with ASCII marks by a writer who learned to type English, a
    /// space after each (花钱去买, 不值得, 建议; 不喜欢. 看了): two marks or more stand so
    /// between Han characters (the first may close a quotation: "逃跑". 但是), and none without
    /// the space; or one, and the line ends its last sentence with typed marks after a Han
    /// character (金库. 你会以预设的数量开始下一幕场景.), or that one is a ',' or ';' in a line
    /// with no 。. A Chinese writer types ， and 。 there with no space: of the evaluation's
    /// 182,000 clean lines, 36 write one such mark and none two, and the one that ends so writes
    /// full-width marks, as all do that write one ',' or ';' so. Manuals that set a space after 。
    /// set none after ，, typed with ASCII marks: 加到别名定义中. 在这个例子中,我们 is no such
    /// line; nor is one whose only such mark is ':' (网格厚度: 控制网格线), as they set one after ：
    /// too. '.' counts where the line may have typed its full stops so.
    private func typesSpacesAfterMarks(_ text: [Unicode.Scalar], fullStops: Bool) -> Bool {
        func isMark(_ k: Int) -> Bool {
            Self.fullwidthMark(for: text[k]) != nil && text[k] != "(" && text[k] != ")" && text[k] != ":" || fullStops && text[k] == "."
        }
        // (Chinese after the space may open a quotation: 他说, "好的.)
        func chineseAt(_ j: Int) -> Bool {
            j < text.count && (isHan(text[j]) || text[j] == "\"" && j + 1 < text.count && isHan(text[j + 1]))
        }
        // (After a dash or an ellipsis too, and after a run of '!' and '?' that follows one of
        // those or a Han character, or begins the line: 不——! 沒有; 不——?! 这不可能!)
        func followsChinese(_ j: Int) -> Bool {
            var j = j
            while j >= 0 && "!?".unicodeScalars.contains(text[j]) { j -= 1 }
            return j < 0 || isHan(text[j]) || text[j] == "—" || text[j] == "…"
        }
        var spaced = 0
        var clauseMarks = 0
        for k in text.indices.dropFirst() where k + 1 < text.count && isMark(k) {
            let closesQuotation = text[k - 1] == "\"" && k >= 2 && isHan(text[k - 2])
            let afterDashOrMarks = (text[k] == "!" || text[k] == "?") && text[k + 1] == " " && followsChinese(k - 1) && !isHan(text[k - 1])
            guard isHan(text[k - 1]) || closesQuotation || afterDashOrMarks else { continue }
            if isHan(text[k + 1]) { return false }
            // (A quotation the mark ends may close before the space: 走吧." 然后.)
            let space = text[k + 1] == "\"" && k + 2 < text.count ? k + 2 : k + 1
            if text[space] == " ", chineseAt(space + 1) {
                spaced += 1
                if text[k] == "," || text[k] == ";" { clauseMarks += 1 }
            }
        }
        guard spaced == 1 else { return spaced >= 2 }
        // One ',' or ';' so is enough where the line writes no 。: English sets a comma between
        // clauses, never between Chinese characters (沃克, 通过西北方). (Not a '.': C library
        // 拿到 Python 的環境中測試及整合. 其中 ends an English-style sentence.)
        if clauseMarks == 1 && !text.contains("。") { return true }
        guard var last = text.lastIndex(where: { !Self.typedClosings.contains($0) }) else { return false }
        guard text[last] == "!" || text[last] == "?" || fullStops && text[last] == "." else { return false }
        while last > 0 && "!?".unicodeScalars.contains(text[last - 1]) { last -= 1 }
        return last > 0 && isHan(text[last - 1])
    }

    /// The full-width marks that end a Chinese sentence.
    private static let sentenceEnds = ScalarSet("。！？…")

    /// What may close a typed sentence after its mark: a quotation or a parenthesis.
    private static let typedClosings = ScalarSet("\"')")

    /// The spaces typed after ASCII marks that `restored` makes full-width, before Chinese (和卖家
    /// 联系, 结果 → 和卖家联系，结果), and before a parenthesis it restores after Chinese (房间
    /// (很小) → 房间（很小）): a full-width mark holds its own space. Not where spaces stand on
    /// both sides of the mark (2008年7月2日 : 我在), as a writer sets them apart on purpose.
    private func spacesTypedBeside(_ restored: [Unicode.Scalar?], in text: [Unicode.Scalar]) -> [Int] {
        func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < text.count ? restored[k] ?? text[k] : nil }
        func isSpace(_ k: Int) -> Bool { k >= 0 && k < text.count && text[k] == " " }
        var spaces: [Int] = []
        for k in text.indices {
            guard let mark = restored[k], mark != text[k], mark.value >= 0x80 else { continue }
            if mark == "（" {
                if isSpace(k - 1), !isSpace(k - 2), at(k - 2).map(isHanOrClosing) == true { spaces.append(k - 1) }
            } else if Self.typedSpaceMarks.contains(mark), isSpace(k + 1), !isSpace(k - 1), !isSpace(k + 2),
                      let next = at(k + 2), isChinese(next) || isFullwidthForm(next) {
                // (Nor after a quotation set apart on both sides, 未选中 “放置引脚名称” 选项, where
                // no mark before the opening quote explains its space, as in 他说: "走吧." 然后.)
                if mark == "”" || mark == "」", let (opener, _) = Self.markPartner(mark),
                   let j = (0..<k).last(where: { at($0) == opener }), isSpace(j - 1),
                   at(j - 2).map(Self.typedSpaceMarks.contains) != true { continue }
                spaces.append(k + 1)
            }
        }
        return spaces
    }

    /// The marks a typist sets a space after: those that end a clause or a sentence, and closing
    /// parentheses and quotation marks.
    private static let typedSpaceMarks = ScalarSet("，。；：？！）”」")

    /// Closing corner brackets and book-title marks, which only Chinese and Japanese write (and
    /// folding leaves alone): as Chinese before a mark as a Han character is (「true」,Nautilus).
    private static let cornerClosings = ScalarSet("」』》")
    /// Closing quotation, title and bracket marks: what a quoted question's mark comes before.
    private static let quotationClosings = ScalarSet("”’」』》）")

    /// The full-width marks NFKC folds to ASCII, and the curly double quotes folding makes straight.
    static let foldedForms = ScalarSet("，；：？！（）“”")
    /// Straight double quotes and the marks they are restored as (asked of every character).
    private static let doubleQuoteMarks = ScalarSet("\"“”「」")
    /// Those and the single curly quotes, which open and close a quotation a pair may hold.
    private static let quoteMarks = ScalarSet("\"“”「」‘’")

    /// Whether `scalar` is an ASCII letter.
    private static func isLatinLetter(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { $0.isASCII && $0.properties.isAlphabetic } == true }

    /// Whether `scalar` is a Han character.
    private func isHan(_ scalar: Unicode.Scalar) -> Bool { model.table.kind(scalar) == .han }

    /// Whether `scalar` is an emoji or a part of one's sequence (U+FE0F, the zero-width joiner).
    private func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        model.table.kind(scalar) == .emoji || scalar == "\u{FE0F}" || scalar == "\u{200D}"
    }

    /// Whether `scalar` is a full-width letter or digit, ％ ‰ ℃ ￥, or a circled or parenthesized
    /// number (图①, ⑵): forms CJK text types.
    private func isFullwidthForm(_ scalar: Unicode.Scalar) -> Bool {
        model.table.kind(scalar) == .fullwidthAlphanumeric || scalar == "％" || scalar == "‰" || scalar == "℃" || scalar == "￥"
            || (0x2460...0x24FF).contains(scalar.value) || (0x3220...0x325F).contains(scalar.value) || (0x3280...0x32BF).contains(scalar.value)
    }

    /// Whether `scalar` is Han or a mark that ends a clause or quotation (what a mark may follow).
    private func isHanOrClosing(_ scalar: Unicode.Scalar) -> Bool {
        let table = model.table
        return table.kind(scalar) == .han || (table.kind(scalar) == .chinesePunctuation && table.signs(scalar).contains(.closing))
    }

    /// `, ; : ! ?` between Chinese characters, and with `fullStops` '.' that ends a Chinese
    /// sentence (今天下雨.明天). In a line `foldedWhole`, a space may follow the mark (轉換, 你必須).
    private func restoreMarks(_ text: [Unicode.Scalar], restored: inout [Unicode.Scalar?], foldedWhole: Bool, fullStops: Bool) {
        func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < text.count ? restored[k] ?? text[k] : nil }
        // A line with several '?' inside words of clauses that ask nothing, or with "??" after a
        // character or at its start, lost characters to an encoder; so did one that writes its
        // question marks full-width (folding would have folded them all). None of its '?' is a
        // folded question mark. (Classical dialogue asks question after question: those '?' do
        // not count. "??" at the end of a line is as often a mark the one-byte shift lost.)
        // (So does one before a character where a question mark never stands: at the line's
        // start, after an opening mark (“?她三分”) or after one that ends a clause (、?文正).)
        // (Also in a line folded whole, where two may be questions without a question word: reviews
        // write ?才? and ?富人的公平? for the quotation marks an encoder lost. But there a run of
        // '?' that asks is the question's: 什么意思???我. So is one beside a personal pronoun,
        // which begins or ends a clause: 吃醋也轮得到你?我要你来管?.)
        let questionMarksInWords = text.indices.count { k in
            guard text[k] == "?", k + 1 < text.count, isHan(text[k + 1]) else { return false }
            guard k > 0 else { return true }
            return isHan(text[k - 1]) && !clauseAsks(text, before: k) && !isBesidePronoun(text, at: k)
                || model.table.signs(text[k - 1]).contains(.opening) || Self.clauseMarks.contains(text[k - 1])
        }
        // So did one given with a '?' after a Han character and before a full-width ，；or ：
        // (值?，): folding would have folded that mark too, and none follows a question mark.
        // (As given: a repair of the one-byte shift writes marks after a question's '?'.)
        // A '?' that begins the line before a character is enough alone (?何要把增加?民收入).
        let lostCharacters = questionMarksInWords >= 2 || written.questionMark || text.first == "?" && text.count > 1 && isHan(text[1])
            || text.indices.contains { k in
            k + 2 < text.count && (k == 0 || isHan(text[k - 1]) || Self.quotationClosings.contains(text[k - 1]))
                && text[k] == "?" && text[k + 1] == "?" && !(foldedWhole && asksByRun(text, at: k))
        } || scalars.indices.dropFirst().dropLast().contains { k in
            scalars[k] == "?" && isHan(scalars[k - 1]) && "，；：".unicodeScalars.contains(scalars[k + 1])
        }
        let semicolonList = isSemicolonList(text)
        let inCall = callArguments(text, restored: restored)
        // Right to left, so a mark followed by another mark ("?!") sees the restored one.
        var exclamations: (marks: Range<Int>, exclaims: Bool)? = nil
        for k in text.indices.reversed() {
            if text[k] == "." {
                if fullStops, let previous = at(k - 1), isTypedFullStop(text, at: k, after: previous, foldedWhole: foldedWhole),
                   !closesQuotationInEnglish(text, at: k + 1) {
                    restored[k] = "。"
                }
                continue
            }
            guard let fullwidth = Self.fullwidthMark(for: text[k]), !(text[k] == ";" && semicolonList) else { continue }
            // A run of exclamation marks (好!!!), question marks among them or not (门?!), stands
            // where one mark would: each looks past the others.
            var run = k..<(k + 1)
            var exclaims = false
            if text[k] == "!" || text[k] == "?" {
                // (Where '?' stands for lost characters, a run with one stays as it is, whole.)
                let marks = exclamations.flatMap { $0.marks.contains(k) ? $0 : nil }
                    ?? exclamationRun(text, endingAt: k, questionsLost: lostCharacters, foldedWhole: foldedWhole)
                exclamations = marks
                if marks.exclaims {
                    run = marks.marks
                    exclaims = true
                }
            }
            // So does a run of commas in a line folded whole (只有一兩盞燈,,一齣電梯).
            if text[k] == "," && foldedWhole {
                while run.lowerBound > 0 && text[run.lowerBound - 1] == "," { run = (run.lowerBound - 1)..<run.upperBound }
                while run.upperBound < text.count && text[run.upperBound] == "," { run = run.lowerBound..<(run.upperBound + 1) }
            }
            let previous = at(run.lowerBound - 1), next = at(run.upperBound)
            // (At the start of a line folded whole, a mark before Chinese is the sentence's: the
            // line was cut after the word before it.)
            guard let previous else {
                if foldedWhole, let next, isHan(next), text[k] != "?" { restored[k] = fullwidth }
                continue
            }
            // A sentence that ended with 。 has no mark after it: 查詢。! is as its writer typed it.
            // Nor does a mark beside its own full-width form need it again (痊癒,，而且).
            if previous == "。" || previous == fullwidth || next == fullwidth { continue }
            // A term the line begins with, quoted and then defined after a colon and a space,
            // keeps its colon (「Result」: 含有除法运算结果的任意数值, as a manual lists a
            // function's arguments): the clean lines write 72 such colons, none full-width.
            if text[k] == ":" && next == " " && beginsWithQuotedTerm(text, endingAt: k - 1) { continue }
            // (U+FFFD after a Han character stands for one, or for the mark a repair could not
            // tell; after a closing mark it may stand for a space: 「值」:� 要舍入.) In a
            // line folded whole, spaces may stand on both sides (2008年7月2日 : 我在网上订房时),
            // and a number set in Chinese or a restored quote after the space (房间; 2008年您入住;
            // 6月25日 : "1、您).
            var before = run.lowerBound - 1
            if foldedWhole && previous == " " && next == " " {
                while before > 0 && text[before] == " " { before -= 1 }
            }
            // An emoji ends the clause of the character before it (开心😀,明天见; 我爱你❤️,).
            while before > 0 && isEmojiPart(text[before]) { before -= 1 }
            let beyondSpace = text[run.upperBound...].firstIndex { $0 != " " }
            // A full-width letter, digit or ％ is Chinese beside a Han character (的,２１世纪;
            // 占８９％,已), not beside another (１,０００ is a number) unless a unit ends the
            // first (２．９％,１９６９年). (After '?' one is more often the one-byte shift's,
            // unless the clause asks: 钱从哪里来?１９９３年.)
            let wideBefore = at(before).map(isFullwidthForm) == true
                && (next.map(isHan) == true || at(before).map({ "％‰℃".unicodeScalars.contains($0) }) == true && next.map(isFullwidthForm) == true)
            let wideAfter = next.map(isFullwidthForm) == true && (text[k] != "?" || clauseAsks(text, before: k))
            // (Chinese breaks speech off with a dash, ——, and goes on with a mark: 不——!沒有.)
            let dashBefore = before >= 1 && text[before] == "—" && text[before - 1] == "—"
            let betweenChinese = (at(before).map(isHanOrClosing) == true || wideBefore || dashBefore)
                && (next == nil || isChinese(next) || wideAfter || next == "\"" || next == "\u{FFFD}" && at(before).map(isHan) == true
                || foldedWhole && next == " " && (isChineseBeyondSpace(text, from: run.upperBound, forward: true)
                    || beyondSpace.flatMap { restored[$0] }.map { $0 == "“" || $0 == "「" } == true
                    || isWordInChinese(text, from: beyondSpace ?? text.count, forward: true)))
                // (A bracket around a Chinese name is Chinese too, before Han: 按一下 [巨集],並選取;
                // 指定的 <设备>,而不是. Not before '?': a name asks nothing, and 「<URL> <路徑>?梗
                // is the one-byte shift's.)
                || next.map(isHan) == true && text[k] != "?" && closesChineseBracket(text, at: before)
            // A Latin word or a number inside a Chinese sentence (取名Bobby，视为性命; 获悉，2000年)
            // takes the sentence's marks; one side must still be a Han character, and ':' is
            // left, since "Note:" keeps its ASCII as often as not.
            // In a line folded whole, any Latin text may stand on the other side, and a closing
            // mark for the Han character (AS ASSIGNMENT,那麼; 其他值）,LC); ':' may stand before a
            // word or number set in Chinese (就是:20岁的女生), ',' after the number of a list
            // item that begins the line (2,第二间房), and a mark after a number Chinese stands
            // before, where Chinese goes on (只有3800,京东标4000,给人) or '!' ends the line; not
            // '?', there more often a lost unit (比14?本本 lost its 寸); a mark that ends the
            // line after a Latin word set in Chinese (被列为用于 SSH!; 版本的 tuxtype:); and a
            // mark before a list's number (房间小,2)早餐; 优点:1)和); ',' after an address
            // (参考http://…/03/,注意).
            let colon = text[k] == ":"
            let nextIsHan = next.map(isHan) == true
            let besideWord = (isHan(previous) || Self.cornerClosings.contains(previous) || foldedWhole && isHanOrClosing(previous))
                    && (!colon || foldedWhole) && isWordInChinese(text, from: run.upperBound, forward: true)
                || !colon && nextIsHan && isWordInChinese(text, from: run.lowerBound - 1, forward: false)
                || !colon && foldedWhole && (isHanOrClosing(previous) && Self.isLatinLetter(next) || Self.isLatinLetter(previous) && nextIsHan)
                || text[k] == "," && foldedWhole && nextIsHan && text[..<k].allSatisfy { ("0"..."9").contains($0) }
                || text[k] != "?" && !colon && foldedWhole && (nextIsHan || next == nil && text[k] == "!")
                    && followsNumberInChinese(text, at: run.lowerBound)
                || foldedWhole && next == nil && Self.isLatinLetter(previous) && followsWordInChinese(text, at: run.lowerBound)
                || foldedWhole && isHanOrClosing(previous) && startsListNumber(text, restored: restored, at: run.upperBound)
                // So does ',' before Han after a manual's reference or a call (ssh(1),建立;
                // =SUM(A1:B1),還可以) or after a space that ends a Latin token
                // (hello-sh-1.0.tar.gz ,而且; Bug ,其).
                || text[k] == "," && foldedWhole && nextIsHan && (previous.isASCII && isInAddress(text, at: run.lowerBound)
                    || previous == ")" || closesReference(text, at: run.lowerBound - 1)
                    || previous == " " && run.lowerBound >= 2 && text[run.lowerBound - 2] != " ")
            guard betweenChinese || besideWord, !closesQuotationInEnglish(text, at: run.upperBound) else { continue }
            // (Nor is a mark between a call's arguments: =EDATE(日期;月数).)
            if text[k] != "!" && text[k] != "?" && !inCall.isEmpty && inCall[k] { continue }
            // A line that writes its marks full-width was not folded: an ASCII mark it holds
            // between two full-width marks, touching no character, is its writer's (活躍）,“Debian).
            if written.foldedForm && !foldedWhole, let next, !isHan(previous), !isHan(next),
               !isFullwidthForm(previous), !isFullwidthForm(next) { continue }
            // So is a ',' ';' or ':' that ends a line after a closing mark, where no other mark
            // shows the line folded: manuals end list items and headings so (（域名服务）;
            // 「常规打印」:). (Not '!': 《青春》! exclaims.)
            if !foldedWhole, next == nil, Self.quotationClosings.contains(previous), ",;:".unicodeScalars.contains(text[k]) { continue }
            if text[k] == "?" && !exclaims {
                // "??" is lost characters, and so is "?" before a full-width mark ("房?，",
                // "她?？" — folding would have folded that mark too); "?" mid-sentence needs a
                // question to be a question mark, and not a question word that begins a word
                // ("什?地方" lost its 麼) or asks of what follows it (是否?示 lost its 顯).
                // (Not one right after a question particle, in a line whose other '?' lost
                // characters: 您以前認識他嗎?他曾經是一位強大的法師嗎? asks twice.)
                let asksByParticle = Self.questionParticles.contains(previous) && next.map(isHan) != false
                if lostCharacters && !asksByParticle || at(k - 1) == "?" || at(k + 1) == "?" { continue }
                // Inside a foreign name it stands for the lost middle dot (皮埃罗?法西诺: GB 2312
                // has no U+00B7).
                if isNameDot(text, at: k) { continue }
                if let next, "，。、；：？！".unicodeScalars.contains(next) { continue }
                // Before a character, a number (full-width too, or its sign: 多?－1℃, where 多云 lost
                // 云) or an opening mark, the sentence goes on. In a line folded whole, whose marks
                // all went ASCII, a lone '?' there is the question's (啊?什么; 睡熟?吃过东西没有);
                // elsewhere a lost character is as likely.
                if let next, isHan(next) || next.isASCII || model.table.signs(next).contains(.opening) || isFullwidthForm(next) || next == "－" {
                    // (Not so before a space, which ends the word: 重重困难? 是我啊.)
                    guard foldedWhole || clauseAsks(text, before: k),
                          next == " " || (!Self.wordInitialQuestionWords.contains(previous) || endsTwoCharacterWord(text, at: k - 1))
                              && !(k >= 2 && text[k - 2] == "是" && previous == "否")
                    else { continue }
                }
                // So at the end of a line with no other mark, folded or full-width, after a Han
                // character: a question with no question word (你真的要走?) is rarer there than a
                // character lost to an encoder (列出的胚?). (A writer who types ， or 。 and then
                // '?' typed the '?': 散热一般。。。用了一会就发烫了?)
                if next == nil, !foldedWhole, !written.foldedForm, !written.fullStop, isHan(previous), !clauseAsks(text, before: k) { continue }
                // So before a closing quote or title mark in a line that types its marks full-width
                // (自称“不?”; 《采?》): a question there asks by its words (“你去哪里?”).
                if written.foldedForm, let next, Self.quotationClosings.contains(next), isHan(previous), !clauseAsks(text, before: k) { continue }
            }
            restored[k] = fullwidth
        }
    }

    /// Whether the line begins with a quotation of one ASCII token ("Result", 「Text1」) whose
    /// closing mark is at `end`.
    private func beginsWithQuotedTerm(_ text: [Unicode.Scalar], endingAt end: Int) -> Bool {
        end >= 2 && "\"“「".unicodeScalars.contains(text[0]) && "\"”」".unicodeScalars.contains(text[end])
            && isToken(text[1..<end]) && text[1] != " "
    }

    /// Whether the ']' or '>' at `j` closes a bracket around Chinese, as manuals name a menu or a
    /// button ([巨集], [插入] - [註腳]) and a command's help an argument (<数字>): Han characters,
    /// with no Latin letter.
    private func closesChineseBracket(_ text: [Unicode.Scalar], at j: Int) -> Bool {
        guard j > 0, j < text.count, let opening: Unicode.Scalar = text[j] == "]" ? "[" : text[j] == ">" ? "<" : nil,
              let open = text[..<j].suffix(20).lastIndex(where: { $0 == opening || $0 == text[j] }),
              text[open] == opening else { return false }
        let name = text[(open + 1)..<j]
        return name.contains(where: isHan) && !name.contains(where: Self.isLatinLetter)
    }

    /// The insides of the ASCII parentheses of calls, whose `(` follows a Latin word or a digit
    /// and stays ASCII (=EDATE(日期;月数)), with no parenthesis inside: arguments, short and
    /// without a Chinese mark (not a sentence: LDAP(我沒有使用過,並且…。)).
    /// (Empty where the line has no call.)
    private func callArguments(_ text: [Unicode.Scalar], restored: [Unicode.Scalar?]) -> [Bool] {
        var calls = [Bool]()
        var open: Int? = nil
        for (k, scalar) in text.enumerated() where scalar == "(" || scalar == ")" {
            if scalar == ")", let start = open, k - start <= 30,
               !text[(start + 1)..<k].contains(where: { model.table.kind($0) == .chinesePunctuation }) {
                if calls.isEmpty { calls = Array(repeating: false, count: text.count) }
                for j in (start + 1)..<k { calls[j] = true }
            }
            open = scalar == "(" && restored[k] == nil && k > 0 && (Self.isLatinLetter(text[k - 1]) || isDigit(text, at: k - 1)) ? k : nil
        }
        return calls
    }

    /// Whether the ')' or ']' at `k` closes a reference set in Chinese: a manual page's section
    /// after its name (ssh(1)) or a footnote's number ([52]).
    private func closesReference(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        guard k > 0, let opening: Unicode.Scalar = text[k] == ")" ? "(" : text[k] == "]" ? "[" : nil else { return false }
        let number = text[..<k].reversed().prefix(while: { ("0"..."9").contains($0) || $0.isASCII && $0.properties.isAlphabetic && $0.properties.isLowercase })
        let j = k - number.count - 1
        return (1...3).contains(number.count) && j >= 0 && text[j] == opening && number.last.map { ("0"..."9").contains($0) } == true
    }

    /// Whether a quote at `k` closes a quotation an English sentence holds, which keeps the
    /// marks before it English: a lower-case word follows it past a space (“谢谢!” means; "我很好,"
    /// he replied) or comes before the quotation (The sign read "禁止吸烟!").
    private func closesQuotationInEnglish(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        guard k < text.count, text[k] == "\"" || text[k] == "”" else { return false }
        func isLowercase(_ j: Int) -> Bool { j >= 0 && j < text.count && ("a"..."z").contains(text[j]) }
        if k + 1 < text.count && text[k + 1] == " " && isLowercase(k + 2) { return true }
        guard let open = text[..<k].lastIndex(where: { $0 == "\"" || $0 == "“" }), open >= 2, text[open - 1] == " " else { return false }
        let before = ",:".unicodeScalars.contains(text[open - 2]) ? open - 3 : open - 2
        return isLowercase(before)
    }

    /// The run of '!' and '?' that ends with the mark at `end`, and whether it exclaims: it has a
    /// '!', no "??" (lost characters), and not '?' at both ends, as the one-byte shift leaves a
    /// lost mark (了?!!?); nor any '?' where `questionsLost`. In a line folded whole, a run that
    /// asks (``asksByRun(_:at:)``) stands as one mark too. (Found once per run: a line may hold
    /// thousands.)
    private func exclamationRun(_ text: [Unicode.Scalar], endingAt end: Int, questionsLost: Bool,
                                foldedWhole: Bool) -> (marks: Range<Int>, exclaims: Bool) {
        var start = end
        var exclamation = text[end] == "!"
        var lost = questionsLost && text[end] == "?"
        while start > 0 && (text[start - 1] == "!" || text[start - 1] == "?") {
            start -= 1
            exclamation = exclamation || text[start] == "!"
            lost = lost || text[start] == "?" && (questionsLost || text[start + 1] == "?")
        }
        if !questionsLost && foldedWhole, let first = text[start...end].firstIndex(of: "?"), asksByRun(text, at: first) {
            return (start..<(end + 1), true)
        }
        return (start..<(end + 1), exclamation && !lost && !(text[start] == "?" && text[end] == "?"))
    }

    /// Whether the run of '?' (and '!') that holds two or more '?' from `k` asks a question
    /// after a Han character: between Han characters where its clause asks (什么意思???我预订;
    /// 到哪儿去玩??完全), or four or more at the line's end (你们才满意????). Read in lines folded
    /// whole only: of the real reviews' runs after a character, those in lines typed with ASCII
    /// marks are all questions, while an encoder's lost characters come in lines that write
    /// their marks full-width. The one-byte shift leaves runs too, for the marks it lost, before
    /// the ASCII that realigned it or at the line's end (降價了呢??999 for 呢！3999; 乎??? for 乎？”).
    private func asksByRun(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        guard k > 0, isHan(text[k - 1]) else { return false }
        let run = text[k...].prefix { $0 == "?" || $0 == "!" }
        let questions = run.count { $0 == "?" }
        guard k + run.count < text.count else { return questions >= 4 }
        return questions >= 2 && isHan(text[k + run.count]) && clauseAsks(text, before: k)
    }

    /// Whether `text` has an ASCII digit at `j` (which may lie outside it).
    private func isDigit(_ text: [Unicode.Scalar], at j: Int) -> Bool {
        j >= 0 && j < text.count && ("0"..."9").contains(text[j])
    }

    /// Whether a number, perhaps a percentage, comes before `k`, with Chinese or ￥ before it
    /// (只有3800,; 的,￥6999,相比), a space between or not (年利率 8%,您想).
    private func followsNumberInChinese(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        let end = k > 0 && text[k - 1] == "%" ? k - 1 : k
        guard isDigit(text, at: end - 1) else { return false }
        var j = end - 1
        while j >= 0 && (isDigit(text, at: j) || text[j] == "." && isDigit(text, at: j - 1)) { j -= 1 }
        if j > 0 && text[j] == " " && isChinese(text[j - 1]) { j -= 1 }
        return j >= 0 && (isChinese(text[j]) || text[j] == "￥")
    }

    /// Whether a Latin word (letters and digits) comes before `k`, with Chinese before it, a
    /// space between or not (用于 SSH!).
    private func followsWordInChinese(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && text[j].isASCII && (text[j].properties.isAlphabetic || isDigit(text, at: j)) { j -= 1 }
        guard j < k - 1 else { return false }
        while j >= 0 && text[j] == " " { j -= 1 }
        return j >= 0 && isChinese(text[j])
    }

    /// Whether `text` is a list a program reads, of short words between semicolons (a desktop
    /// file's keywords: app;tool;应用;应用程序;工具;), not clauses: its ';' stay.
    private func isSemicolonList(_ text: [Unicode.Scalar]) -> Bool {
        guard text.count(where: { $0 == ";" }) >= 2 else { return false }
        let words = text.split(separator: ";", omittingEmptySubsequences: false).map { field in
            field.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " })
        }
        return words.dropLast().allSatisfy { !$0.isEmpty } && words.allSatisfy { word in
            word.count <= 12 && !word.contains { $0 == " " || $0.isASCII && $0.properties.isPatternSyntax || model.table.kind($0) == .chinesePunctuation }
        }
    }

    /// Whether the '.' at `k` is a full stop typed as ASCII: after a Han character, a closing
    /// mark, ％ or a ')' after Chinese (`previous`), and before the line's end, Chinese (a
    /// character or a mark: 了.《詩》), a straight quote, a parenthesis, spaces before Chinese or a
    /// capitalized word, or a number and the Han character after it (清楚.17日); after a Latin
    /// word set in Chinese, before Han or the line's end; after a number set in Chinese, at the
    /// line's end. Otherwise a '.' beside a digit, a letter or
    /// another '.' (3.5, a.out, 文件.txt, 好......) is not one, nor is one after a list's number
    /// (一.房间太小, 第二.早餐, 本事1.朱元璋): there the writer typed '.' for 、 or for nothing; nor
    /// one in an address, a notation or a foreign name. In a line `foldedWhole`, a sentence may
    /// also end before spaces and a Latin word or an option (停下來. -w等待; 所有对象. PostgreSQL 允许),
    /// and between short words set off by spaces: amid folded commas `LVM 卷上.从 Linux` is no
    /// notation.
    private func isTypedFullStop(_ text: [Unicode.Scalar], at k: Int, after previous: Unicode.Scalar, foldedWhole: Bool) -> Bool {
        guard !isInAddress(text, at: k), !isInDomainName(text, at: k) else { return false }
        let next = k + 1 < text.count ? text[k + 1] : nil
        // (A number before Han numbers a list, 本事1.朱元璋; an extension is lower case, 文件.txt.)
        if previous.isASCII && (previous.properties.isAlphabetic || ("0"..."9").contains(previous)) {
            let ends = next.map { previous.properties.isAlphabetic && isHan($0) } ?? true
            return ends && followsWordInChinese(text, at: k)
        }
        let closesChinese = previous == ")" && k >= 2 && isHanOrClosing(text[k - 2])
        guard isHanOrClosing(previous) || previous == "％" || closesChinese, !isListNumber(text, before: k),
              foldedWhole || !isNotationDot(text, at: k), !isDottedKey(text, at: k), !isNameDot(text, at: k) else { return false }
        guard let next else { return true }
        if isHan(previous), ("A"..."Z").contains(next), k + 2 < text.count, ("a"..."z").contains(text[k + 2]) {
            return true
        }
        // A sentence may begin with a number and its unit (摔倒.3个牙齿; 就免了.399一個晚上).
        if isHan(previous), isDigit(text, at: k + 1) {
            let after = text[(k + 1)...].firstIndex { !("0"..."9").contains($0) }
            return after.map { isHan(text[$0]) } == true
        }
        // (Or with a number or word written full-width: 乡村.１月２４日.)
        guard next == " " else { return isChinese(next) || isFullwidthForm(next) || "\"()\u{3000}".unicodeScalars.contains(next) }
        if isChineseBeyondSpace(text, from: k + 1, forward: true) { return true }
        guard foldedWhole, let j = text[(k + 1)...].firstIndex(where: { $0 != " " }) else { return false }
        // (Nor one before a quotation that opens with Han: 写道. "死灵术之咒语.)
        return text[j] == "-" || text[j].isASCII && text[j].properties.isAlphabetic
            || text[j] == "\"" && j + 1 < text.count && isHan(text[j + 1])
    }

    /// Whether the text before `k` ends with a list's number written in Chinese (一, 十二, 第三)
    /// that begins the line or follows a mark, a space or ASCII.
    private func isListNumber(_ text: [Unicode.Scalar], before k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && Self.chineseNumerals.contains(text[j]) { j -= 1 }
        guard j < k - 1 else { return false }
        if j >= 0 && text[j] == "第" { j -= 1 }
        return j < 0 || !isHan(text[j])
    }

    /// Whether the mark at `k` sits in an address (http://百度.中国) or ends one (…/03/,注意):
    /// "://" comes before it, with nothing between that ends an address: a space, a quote, an
    /// angle bracket or a full-width mark (…/03/,注意"第四步",很好. ends its sentence).
    private func isInAddress(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        var j = k - 1
        while j >= max(2, k - 100) && !Self.addressEnds.contains(text[j]) && model.table.kind(text[j]) != .chinesePunctuation {
            if text[j] == "/" && text[j - 1] == "/" && text[j - 2] == ":" { return true }
            j -= 1
        }
        return false
    }

    /// Characters no address holds, which end one: a space, a quote, an angle bracket.
    private static let addressEnds = ScalarSet(" \"<>")

    /// Whether the '.' at `k` comes before the top level of an internationalized domain name
    /// (公司.香港, 百度.中国 without its scheme, as the public suffix list writes them): a
    /// Chinese top-level domain that ends the token, after a name that begins one.
    private func isInDomainName(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
            isHan(scalar) || scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ".")
        }
        var end = k + 1
        while end < text.count, isHan(text[end]) { end += 1 }
        guard end > k + 1, end - k - 1 <= 4, end == text.count || text[end].isASCII && !text[end].properties.isAlphabetic,
              Self.chineseTopLevelDomains.contains(String(String.UnicodeScalarView(text[(k + 1)..<end]))) else { return false }
        var start = k
        while start > 0, isNamePart(text[start - 1]) { start -= 1 }
        return start < k && (start == 0 || " \t/@(<\"'".unicodeScalars.contains(text[start - 1]))
    }

    /// Chinese top-level domains of IANA's root zone, each also in the other script.
    private static let chineseTopLevelDomains: Set<String> = [
        "中国", "中國", "香港", "台湾", "台灣", "澳门", "澳門", "新加坡", "公司", "网络", "網絡", "在线", "在線", "中文网", "中文網",
        "集团", "集團", "商城", "商店", "商标", "商標", "网店", "網店", "手机", "手機", "游戏", "遊戲", "企业", "企業", "娱乐", "娛樂",
        "时尚", "時尚", "信息", "我爱你", "我愛你", "政务", "政務", "政府", "公益", "机构", "機構", "组织机构", "組織機構", "网址", "網址",
        "购物", "購物", "移动", "移動", "点看", "點看", "八卦", "健康", "慈善", "微博", "广东", "廣東", "佛山",
    ]

    /// Whether the '.' at `k` joins a notation set off by spaces or Latin text (OWNED BY 表.列,
    /// 文件名.扩展名 文件): a Chinese word of at most three characters on each side, with neither
    /// a mark nor the line's edge beyond them.
    private func isNotationDot(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        func setOff(_ j: Int) -> Bool { j >= 0 && j < text.count && (text[j] == " " || text[j].isASCII && text[j].properties.isAlphabetic) }
        var start = k, end = k + 1
        while start > max(0, k - 4) && isHan(text[start - 1]) { start -= 1 }
        while end < min(text.count, k + 5) && isHan(text[end]) { end += 1 }
        return (1...3).contains(k - start) && (1...3).contains(end - k - 1) && setOff(start - 1) && setOff(end)
    }

    /// Whether the '.' at `k` joins the parts of a dotted key, as data and code write them
    /// (pkuseg's features `cc1.们.艺`, `7.c-1c.男.的`): a token without spaces whose parts
    /// between dots are ASCII names and numbers or Chinese words of at most three characters,
    /// one of them a name with a letter, or three or more making the whole line; a U+FFFD may
    /// stand for a character of a word. (Prose ends a sentence after a word it began with
    /// Chinese: 我用了Python.它.)
    private func isDottedKey(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
        // (A key is short: a longer token is no key, and a long line of dots costs no square.)
        let longest = 64
        var start = k, end = k + 1
        while start > 0 && !isSpace(text[start - 1]) && k - start < longest { start -= 1 }
        while end < text.count && !isSpace(text[end]) && end - k < longest { end += 1 }
        guard start == 0 || isSpace(text[start - 1]), end == text.count || isSpace(text[end]) else { return false }
        var named = false
        let parts = text[start..<end].split(separator: ".", omittingEmptySubsequences: false)
        for part in parts {
            if !part.isEmpty, part.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) {
                named = named || part.contains { $0.properties.isAlphabetic }
            } else if !(1...3).contains(part.count) || !part.allSatisfy({ isHan($0) || $0 == "\u{FFFD}" }) {
                return false
            }
        }
        // (A line that is nothing but three Chinese words or more joined so names a field:
        // 数据库.表格.公司.)
        return named || parts.count >= 3 && start == 0 && end == text.count
    }

    /// Whether the '.' at `k` joins the parts of a foreign name, as writers type for ·
    /// (马丁.路德.金, 比尔.盖茨): the two characters before it and the one after are all
    /// characters names are transliterated with. Sentences seldom end or begin so (了. 的.
    /// .我 .但 are none of them).
    private func isNameDot(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        k >= 2 && k + 1 < text.count && [text[k - 2], text[k - 1], text[k + 1]].allSatisfy(Self.transliterationCharacters.contains)
    }

    /// Characters of foreign names as Chinese transliterates them (Xinhua's tables, both scripts).
    private static let transliterationCharacters = ScalarSet(
        "阿埃艾爱愛安昂奥奧巴拜班邦贝貝本比彼宾賓波伯布查達达戴丹道德迪蒂丁东東杜多厄恩法菲费費芬弗福盖蓋甘戈格贡貢古哈海汉漢豪赫亨胡华華"
            + "霍基吉加贾賈杰傑金卡凯凱坎康柯科克肯库庫奎拉莱萊兰蘭朗劳勞勒雷里利莉林琳卢盧鲁魯路伦倫罗羅洛马馬迈邁麦麥曼梅蒙米明莫姆默穆纳納娜"
            + "奈南内尼涅宁寧纽紐诺諾欧歐帕潘佩皮珀普齐齊奇恰乔喬切琴丘萨薩塞桑瑟森沙莎尚舍施什史斯松苏蘇索塔泰坦汤湯唐特提汀托瓦万萬威韦韋维維"
            + "温溫沃乌烏西希谢謝辛休雅亚亞扬揚耶伊因英尤约約泽澤扎詹鲍鮑茨茲兹琼瓊尔爾顿頓丽麗娅婭瑞赛賽夫")

    /// The digits of numbers written in Chinese.
    private static let chineseNumerals = ScalarSet("一二三四五六七八九十百零〇两兩")

    /// The full-width mark NFKC folds to `ascii` (, ; : ! ?), or nil. (A switch: the punctuation
    /// rules ask it of every character.)
    static func fullwidthMark(for ascii: Unicode.Scalar) -> Unicode.Scalar? {
        switch ascii {
        case ",": "，"
        case ";": "；"
        case ":": "："
        case "!": "！"
        case "?": "？"
        default: nil
        }
    }

    /// Particles that end a sentence of speech (走吧, 倒下了, 还在睡呢), not a statement of fact.
    static let speechFinalParticles = ScalarSet("了吧呢啊呀嘛啦哦喔呗唄罢罷")

    /// The characters personal pronouns begin with (我们, 你, 他們, 您, 咱们).
    private static let personalPronouns = ScalarSet("我你妳他她它牠您俺咱")

    /// Question words and particles: a clause with one of them asks something.
    static let questionWords = ScalarSet("吗呢么嗎麼什怎谁誰哪几幾啥否岂豈难難何孰曷焉")
    /// Particles that make a question wherever they stand.
    private static let questionParticles = ScalarSet("吗嗎呢")
    /// What makes 么 part of a word that asks nothing (这么, 那么, 多么, 要么); 什么 and 怎么
    /// are weighed at 什 and 怎.
    private static let nonQuestionBeforeMe = ScalarSet("这這那多要什怎")
    /// Words before a question word that make the clause an indirect question, which ends
    /// with a comma or a full stop (不知他是谁，…; 无论怎样，…).
    private static let indirectQuestionLeads: [[Unicode.Scalar]] = ["不知", "不晓", "不曉", "不管", "无论", "無論", "不论", "不論"]
        .map { Array($0.unicodeScalars) }
    /// What follows a question word used as "any" (什么都, 谁也, 怎么也): no question. Only
    /// right after the word: 也 further on ends a classical question (是何祥也).
    private static let indefiniteMarks = ScalarSet("都也")
    /// Second characters of two-character question words.
    private static let wordEndings = ScalarSet("么麼儿兒里裏样樣")

    /// Whether `clause` asks a question: it has a question particle, or a question word that
    /// is not part of an indirect question (不知怎样), not used as "any" (什么都不管), not 焉
    /// before anything but a verb of ability or knowing, not 几
    /// or 幾 before 乎 (几乎, almost) or a round number (几百年, several hundred years), and
    /// not the 么 of 这么 or 那么.
    static func asksQuestion(_ clause: some Collection<Unicode.Scalar>) -> Bool {
        let text = Array(clause)
        for (i, scalar) in text.enumerated() where scalar == "多" || questionWords.contains(scalar) {
            if questionParticles.contains(scalar) { return true }
            let next = text[(i + 1)...].prefix(2)
            switch scalar {
            // 多久 asks "how long" (多久了), but not after 没 or 不 (没多久, not long after); 多少
            // asks "how much" where it ends the clause, or before a measure that does (了解多少,
            // 多少钱), as elsewhere it is as often "so many" or "how" exclaiming (多少干部下岗,
            // 人家多少好).
            case "多":
                guard let second = next.first, second == "久" || second == "少",
                      !(i > 0 && "没沒不".unicodeScalars.contains(text[i - 1])),
                      second == "久" || i + 2 == text.count || i + 3 == text.count && howMuchMeasures.contains(text[i + 2])
                else { continue }
                return true
            case "么", "麼":
                if i > 0 && nonQuestionBeforeMe.contains(text[i - 1]) { continue }
                return true
            case "几", "幾":
                if let first = next.first, "乎百千万萬十".unicodeScalars.contains(first) { continue }
            // Classical 焉 asks "how" before a verb of ability or knowing (焉能, 焉知); elsewhere it
            // is a final particle or "there" (心不在焉, 於是焉).
            case "焉":
                guard let first = next.first, "能得知有敢可足用".unicodeScalars.contains(first) else { continue }
            // 任何 is "any", and 无论如何 "in any case": neither asks. (何况 does, rhetorically.)
            case "何":
                if i > 0 && text[i - 1] == "任" || i >= 2 && text[i - 1] == "如" && "论論管".unicodeScalars.contains(text[i - 2]) { continue }
            default:
                break
            }
            // The word's own second character (什么, 哪里, 怎样) comes before 都 or 也.
            let afterWord = next.first.map { wordEndings.contains($0) } == true ? next.dropFirst().first : next.first
            if let afterWord, indefiniteMarks.contains(afterWord) { continue }
            let before = text[..<i]
            if indirectQuestionLeads.contains(where: { lead in
                before.indices.contains { before[$0...].starts(with: lead) }
            }) { continue }
            return true
        }
        return false
    }

    /// What 多少 asks the number of at the end of a question (多少钱, 多少次).
    private static let howMuchMeasures = ScalarSet("钱錢个個次人年天岁歲")

    /// Question words that begin a word (什么, 怎么, 哪里 …) and so are not followed by a
    /// question mark, unless they end one (重重困难?是我啊).
    static let wordInitialQuestionWords = ScalarSet("什怎哪几幾岂豈难難")

    /// Whether the Han character at `j` ends a two-character word of the dictionary with the
    /// one before it (困难, 茶几).
    private func endsTwoCharacterWord(_ text: [Unicode.Scalar], at j: Int) -> Bool {
        guard j >= 1, isHan(text[j - 1]), isHan(text[j]) else { return false }
        let word = String(String.UnicodeScalarView([model.simplifiedForm(of: text[j - 1]), model.simplifiedForm(of: text[j])]))
        return model.lexicon.entry(for: word) != nil
    }

    /// Whether a personal pronoun ends the word before `k` or begins the word after it, as the
    /// longest word of the dictionary there, which jieba tags a pronoun (轮得到你?我要你来管;
    /// 謀殺了他們?還有): a clause ends and a new one begins. Of the '?' an encoder wrote for lost
    /// characters between Han characters of weicheng, the Zuozhuan and pku_test, 4 of 1,593 stand
    /// so; of the question marks between Han characters of the probe's game dialogue
    /// (Benchmarks/repair/independent), 219 of 552. (Not 这样 or 这里:
    /// reviews write 都写明?阿或波?这样一看 for quotation marks an encoder lost.)
    private func isBesidePronoun(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        // (jieba tags 您 alone zg.)
        func isPronoun(_ word: (length: Int, tag: String?)?, first: (Int) -> Unicode.Scalar) -> Bool {
            guard let word else { return false }
            return Self.personalPronouns.contains(first(word.length)) && (word.length == 1 || word.tag == "r")
        }
        let before = Array(text[max(0, k - 3)..<k].reversed().prefix(while: isHan).reversed())
        let after = Array(text[(k + 1)...].prefix(3).prefix(while: isHan))
        return isPronoun(dictionaryWord(in: before, atEnd: true, limit: 3)) { before[before.count - $0] }
            || isPronoun(dictionaryWord(in: after, atEnd: false, limit: 3)) { _ in after[0] }
    }

    /// Whether the clause before `k` asks a question, by its words or by its form.
    private func clauseAsks(_ text: [Unicode.Scalar], before k: Int) -> Bool {
        // (A title's words ask nothing of the sentence: 《钢铁是怎样炼成的》一书中保尔?柯察金.)
        var clause: [Unicode.Scalar] = []
        var titles = 0
        for scalar in text[clauseStart(text, before: k)..<k] {
            if scalar == "《" { titles += 1 } else if scalar == "》" { titles = max(0, titles - 1) } else if titles == 0 { clause.append(scalar) }
        }
        return Self.asksQuestion(clause) || Self.endsAsking(clause)
    }

    /// Where the clause before `k` starts: after the previous clause mark.
    private func clauseStart(_ text: [Unicode.Scalar], before k: Int) -> Int {
        // (No clause runs longer than ``longestClause``: a line with no mark that ends one, as
        // text an encoder replaced with '?' is, would be read back to its start at every mark.)
        let earliest = max(0, k - Self.longestClause)
        return text[earliest..<k].lastIndex(where: { Self.clauseEnds.contains($0) }).map { $0 + 1 } ?? earliest
    }

    /// How far back a clause is looked for, in characters: no repair of the evaluation sets
    /// changes with it.
    static let longestClause = 200

    /// The marks that end a clause before a question mark (asked of every character back to one).
    private static let clauseEnds = ScalarSet("，。！？；：、,.!;:")

    /// Whether a clause that a question mark may end is a question by its form, without a
    /// question word: it ends with 吧 or 罢 (胖罢?) or a classical particle (有亡釁乎?, 乎哉), or with
    /// 没有 (吃过东西没有?), or it asks
    /// "A or not A" (是不是, 有没有) — but not 一动不动 or 动不动就, which ask nothing. Only where the
    /// mark is already there: in front of a comma, 没有 as often ends a statement.
    static func endsAsking(_ clause: some Collection<Unicode.Scalar>) -> Bool {
        let text = Array(clause)
        guard let last = text.last else { return false }
        // 吧 罢 ask for assent; 乎 欤 歟 耶 are classical Chinese's question particles.
        if "吧罢罷".unicodeScalars.contains(last) || classicalQuestionParticles.contains(last) { return true }
        // 哉 exclaims (善哉), but after 乎 it asks (而由人乎哉).
        if last == "哉" && text.count >= 2 && text[text.count - 2] == "乎" { return true }
        if text.count >= 2 && "没沒".unicodeScalars.contains(text[text.count - 2]) && last == "有" { return true }
        guard text.count >= 3 else { return false }
        for i in 1..<(text.count - 1) where "不没沒".unicodeScalars.contains(text[i]) {
            let x = text[i - 1]
            guard x == text[i + 1], x != "不" else { continue }
            if i >= 2 && text[i - 2] == "一" { continue }
            if i + 2 < text.count && text[i + 2] == "就" { continue }
            return true
        }
        return false
    }

    /// Whether the characters from `k` on (or back from `k`) are a Latin word or a number set
    /// in Chinese: a run that ends at (or starts after) a Han character or a Chinese mark. Forward, a run of ASCII
    /// letters and digits (取名Bobby，…; 获悉，2000年); back, a run of letters (Bobby，视为), or a
    /// number that ends in ％ or is a footnote's ① (增长39.4％，其中). A bare number before the
    /// mark (参数1,参数2; 1,000) and anything with an ASCII '%' (%s, %0A) keep their ASCII.
    private func isWordInChinese(_ text: [Unicode.Scalar], from k: Int, forward: Bool) -> Bool {
        // Back from the mark, full-width letters and digits are a word too: they are typed with
        // Chinese only (ＷＩＮＤＯＷＳ７，界面). Not forward: after '?' one is the one-byte shift's (之?Ｊ剐).
        func isLetter(_ j: Int) -> Bool {
            j >= 0 && j < text.count && (text[j].isASCII && text[j].properties.isAlphabetic
                || !forward && model.table.kind(text[j]) == .fullwidthAlphanumeric)
        }
        func isNumberPart(_ j: Int) -> Bool {
            isDigit(text, at: j) || (j >= 0 && j < text.count && text[j] == "." && isDigit(text, at: j - 1) && isDigit(text, at: j + 1))
        }
        guard k >= 0 && k < text.count else { return false }
        var j = k
        // (A hyphen inside a word is the word's: old-package. Not an underscore: LC_CTYPE is
        // code, and keeps the ASCII around it as often as not.)
        func joinsLetters(_ j: Int, step: Int) -> Bool {
            j >= 0 && j < text.count && text[j] == "-" && isLetter(j - step) && isLetter(j + step)
        }
        if forward {
            while isLetter(j) || isNumberPart(j) || j > k && joinsLetters(j, step: 1) { j += 1 }
            // A word between two commas in Chinese is set in it too (软件包,old-package,来解决).
            if j != k && j + 1 < text.count && text[j] == "," && isHan(text[j + 1]) && k >= 2 && isHan(text[k - 2])
                && text[k..<j].contains(where: { $0.isASCII && $0.properties.isAlphabetic }) { return true }
            // Forward too, the word may be set off by a space before Chinese (句,BEGIN 關鍵字);
            // and a list item's number is Chinese before 、 (房間; 2、您入住).
            if j != k && j + 1 < text.count && text[j] == " " && isHan(text[j + 1]) { return true }
            if j != k && j < text.count && text[j] == "、" && text[k..<j].allSatisfy({ ("0"..."9").contains($0) }) { return true }
        } else if text[k] == "％" || ("①"..."⑳").contains(text[k]) {
            j -= 1
            while isNumberPart(j) { j -= 1 }
        } else {
            // A word may end in digits (mp3, cs1.6); a bare number may not (参数1,参数2).
            var lettered = false
            while isLetter(j) || isNumberPart(j) || j < k && joinsLetters(j, step: -1) {
                lettered = lettered || isLetter(j)
                j -= 1
            }
            if !lettered { j = k }
            if j != k && j > 0 && text[j] == "," && isHan(text[j - 1]) && k + 2 < text.count && isHan(text[k + 2]) { return true }
            // An option's hyphens belong to the word (如果指定了 -name,則…).
            if j != k { while j >= 0 && text[j] == "-" { j -= 1 } }
        }
        guard j != k && j >= 0 && j < text.count else { return false }
        // Back, the word may also begin a clause or quotation (「Searchme!難道…), or be set off
        // by a space after Chinese, as technical writing sets Latin words (使用了 PAM,這樣).
        if !forward && text[j] == " " && j > 0 && (isHan(text[j - 1]) || model.table.kind(text[j - 1]) == .chinesePunctuation) {
            return true
        }
        // (Forward, a list's 、 ends it too: 可選參數:all、normal.)
        return isHan(text[j]) || (!forward && model.table.kind(text[j]) == .chinesePunctuation) || forward && text[j] == "、"
    }

    /// `(…)` pairs with Chinese content and Chinese on both sides outside, and a lone `(` or `)`
    /// between Han characters. With `fullStops`, a
    /// '.' typed for 。 counts as Chinese beside a parenthesis ((例如,使用反斜线).也可以).
    private func restoreParentheses(_ text: [Unicode.Scalar], into restored: inout [Unicode.Scalar?], foldedWhole: Bool, fullStops: Bool) {
        func isFullStop(_ j: Int, after previous: Unicode.Scalar) -> Bool {
            fullStops && j < text.count && text[j] == "." && isTypedFullStop(text, at: j, after: previous, foldedWhole: foldedWhole)
        }
        func hanAt(_ j: Int) -> Bool { j >= 0 && j < text.count && isHan(text[j]) }
        // (Spaced, only a name or an acronym, capitalised: a lower-case word is a function's
        // name, and its call keeps its ASCII: 使用 malloc(大小)分配.)
        func latinWordInHan(endingAt end: Int, spaced: Bool) -> Bool {
            var j = end
            while j >= 0 && text[j].isASCII && text[j].properties.isAlphabetic { j -= 1 }
            return j < end && (spaced ? j > 0 && text[j] == " " && hanAt(j - 1) && text[j + 1].properties.isUppercase : hanAt(j))
        }
        // Where the pair that `(` at `k` opens closes: at the first `)`, past the references a
        // pair may hold (參見 dpkg(1)), and not past another `(`.
        func closing(openedAt k: Int) -> Int? {
            var j = k + 1
            while j < text.count {
                if text[j] == ")" { return j }
                if text[j] == "(" {
                    guard let end = text[(j + 1)...].prefix(4).firstIndex(of: ")"), closesReference(text, at: end) else { return nil }
                    j = end
                }
                j += 1
            }
            return nil
        }
        var k = 0
        while k < text.count {
            guard text[k] == "(", let close = closing(openedAt: k) else {
                k += 1
                continue
            }
            let content = text[(k + 1)..<close]
            // Both sides touch Chinese: "台湾語 (現地語)" keeps the spaced ASCII style it chose. In
            // a line folded whole the Chinese may be set off by a space, a Latin word, a number
            // (屏(上帝保佑)2散熱), a quote (命令 rm(来自"remove")删除) or a folded mark
            // (一場!(具體見…)).
            // So may a quoted token with Han beyond it ("none"(无)、).
            func outside(_ j: Int) -> Bool {
                guard j >= 0 && j < text.count else { return true }
                let scalar = text[j]
                return isChinese(scalar) || isFullwidthForm(scalar) || restored[j].map(isChinese) == true
                    || (j > k && (Self.fullwidthMark(for: scalar) != nil || isFullStop(j, after: "）")))
                    // (A pair after it with Chinese content: 世纪之声(中国画)(张彦).)
                    || j > k && scalar == "(" && text[(j + 1)...].prefix(while: { $0 != ")" }).contains(where: isHan)
                    // (A mark after Han before it: 谢谢!(新华社…电); an argument's name: <数字>(默认 4).)
                    || j < k && scalar != "(" && Self.fullwidthMark(for: scalar) != nil && j > 0 && isHanOrClosing(text[j - 1])
                    || j < k && closesChineseBracket(text, at: j)
                    || foldedWhole && (scalar == " " || scalar == "\"" || scalar.isASCII && (scalar.properties.isAlphabetic || isDigit(text, at: j))
                        || Self.fullwidthMark(for: scalar) != nil)
                    || scalar == "\"" && isTokenQuotationInHan(text, quoteAt: j, forward: j > k)
            }
            // (Before Han content, so may a Latin word written into Han with no space: 在IPCP(或任何);
            // one set off by a space, as technical Chinese sets Latin terms, only before a gloss
            // that is Han at both ends and runs into Han: 吸引人的 GUI(图形用户界面)程序.)
            let glossHan = content.last.map(isHan) == true && hanAt(close + 1)
            let before = outside(k - 1) || content.first.map(isHan) == true
                && (latinWordInHan(endingAt: k - 1, spaced: false) || glossHan && latinWordInHan(endingAt: k - 1, spaced: true))
            let after = outside(close + 1)
            // In a line folded whole, a Latin name or term glossed right after its Chinese one
            // was in full-width parentheses too (自騙自(Pseudoluege)。); one spaced off keeps
            // the technical ASCII style ("代理 (MUA)").
            // So was one that Han touches on both sides in any line (金鑰(SAK)功能): a writer who
            // types ASCII parentheses spaces them off, as above.
            // So was one glossing a quotation in double quotes (“熟食铺子”(charcuterie)，) in a
            // line folded whole; after 」, restored so or written, it is ASCII as the manuals that
            // quote so write it (「企业内容管理」(ECM)).
            let glossed = k > 0 && (isHan(text[k - 1]) || foldedWhole && (restored[k - 1] ?? text[k - 1]) == "”")
            let gloss = (foldedWhole || hanAt(close + 1)) && glossed && isLatinPhrase(content)
            // A Chinese quotation is Chinese content, whatever it quotes (中键(“lrm”); 固定(「hard」)).
            // And so is a token in straight quotes between Han characters (失败("failed")状态).
            let quotation = content.count >= 3 && "“「".unicodeScalars.contains(restored[k + 1] ?? text[k + 1])
                && "”」".unicodeScalars.contains(restored[close - 1] ?? text[close - 1])
                || content.count >= 3 && content.first == "\"" && content.last == "\"" && isToken(content.dropFirst().dropLast())
                && hanAt(k - 1) && hanAt(close + 1)
            // So was a list's number in a line folded whole, which begins the line or a
            // sentence and runs into Han ((2)嚴重崇洋媚外!!): Chinese writes it （2）.
            let listNumber = foldedWhole && (1...2).contains(content.count) && content.allSatisfy { ("0"..."9").contains($0) }
                && (k == 0 || isChinese(text[k - 1])) && hanAt(close + 1)
            // (Full-width letters and digits are typed in Chinese only: (ＣＥＲＮＥＴ), (１).)
            // (Code's characters keep a pair ASCII, but not inside a quotation the pair holds: (例如
            // "/dev/sdx"), (‘{}’). Nor does '/' after a Chinese beginning in a line folded whole: it
            // writes a fraction or an address there (由於主網絡接口 IP 10.0.2.2/8).)
            let slashInProse = foldedWhole && content.first.map(isHan) == true
            var quoted = false
            let codeInContent = content.indices.contains { j in
                if Self.quoteMarks.contains(text[j]) { quoted = "“「‘".unicodeScalars.contains(restored[j] ?? text[j]) }
                return !quoted && ("=<>{}[]\\_".unicodeScalars.contains(text[j]) || text[j] == "/" && !slashInProse)
            }
            // And any pair Han touches from outside, where the line does not write its marks
            // full-width (its parentheses are then as written): of the clean sets' 3,704 ASCII
            // pairs none outside code has Han beside it, of their full-width pairs 6,569 do, 581
            // of them around Latin text (方塊(newt), 輸出(stdout)). Not after a Latin word or a
            // number (f(x)的 is a call) or a space (代理 (MUA)是 is technical style), nor a menu's
            // key (文件(F), 取消(~C)), a list's number that Han only follows ("(1)内存有点小。" is
            // ``listNumber``'s) or a face (快乐( ⊙ o ⊙ )啊).
            let menuKey = content.count == 1 && content.first!.properties.isUppercase || content.first == "&" || content.first == "~"
            let touchesHan = (!written.foldedForm || foldedWhole) && !menuKey
                && content.allSatisfy({ $0.isASCII || isChinese($0) })
                && (hanAt(k - 1) || hanAt(close + 1) && !(k > 0 && (text[k - 1] == " " || text[k - 1].isASCII
                    && (text[k - 1].properties.isAlphabetic || isDigit(text, at: k - 1))))
                    && !content.allSatisfy({ ("0"..."9").contains($0) }))
            // (Not Latin text with Han inside, between marks: a line that shows no other folded
            // mark wrote that pair ASCII (「形状 - 分割」(LibreOffice 仅限于 Draw)).)
            let latinBetweenMarks = !foldedWhole && !hanAt(k - 1) && !hanAt(close + 1)
                && [content.first, content.last].allSatisfy(Self.isLatinLetter)
            if (content.contains(where: { model.table.kind($0) == .han || isFullwidthForm($0) }) && !latinBetweenMarks
                || gloss || quotation || listNumber) && before && after
                || touchesHan, !codeInContent, !(k > 0 && "$%".unicodeScalars.contains(text[k - 1])) {
                restored[k] = "（"
                restored[close] = "）"
            }
            k = close + 1
        }
        // A parenthesis whose partner the line cuts off (問題(例如…; 軟件包。)所支持) is the
        // sentence's too, between Han characters; in a line folded whole, between any Chinese,
        // a typed full stop or the line's edge.
        // (Where the line's first opening and last closing parentheses stand, found once: a
        // line may hold thousands of either.)
        let firstOpening = text.firstIndex { $0 == "(" || $0 == "（" } ?? text.count
        let lastClosing = text.lastIndex { $0 == ")" || $0 == "）" } ?? -1
        for (k, scalar) in text.enumerated() {
            if scalar == "(" && lastClosing < k && hanAt(k + 1)
                && (hanAt(k - 1) || foldedWhole && (k == 0 || isChinese(text[k - 1]))) {
                restored[k] = "（"
            } else if scalar == ")" && firstOpening > k && (hanAt(k - 1) && hanAt(k + 1) || foldedWhole && k > 0
                && (isHanOrClosing(text[k - 1]) || k >= 2 && isFullStop(k - 1, after: text[k - 2]))
                && (k + 1 == text.count || isChinese(text[k + 1])) || foldedWhole && closesListNumber(text, at: k)) {
                restored[k] = "）"
            }
        }
    }

    /// Whether a list's number whose ')' was restored (``closesListNumber(_:at:)``) starts at `k`.
    private func startsListNumber(_ text: [Unicode.Scalar], restored: [Unicode.Scalar?], at k: Int) -> Bool {
        var j = k
        while isDigit(text, at: j) { j += 1 }
        return (1...2).contains(j - k) && j < text.count && restored[j] == "）"
    }

    /// Whether the ')' at `k` closes a list's number (1)屏幕是; 优点:1)和): one or two digits that
    /// begin the line or follow Chinese, a folded mark or a space, with Han after it and no '('
    /// open.
    private func closesListNumber(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        guard k + 1 < text.count, isHan(text[k + 1]) else { return false }
        var start = k
        while start > 0 && isDigit(text, at: start - 1) { start -= 1 }
        guard (1...2).contains(k - start),
              start == 0 || isChinese(text[start - 1]) || Self.fullwidthMark(for: text[start - 1]) != nil || text[start - 1] == " "
        else { return false }
        return text[..<start].last(where: { "()（）".unicodeScalars.contains($0) }).map { $0 == ")" || $0 == "）" } ?? true
    }

    /// The smileys :) :( :-) that end a Chinese clause in a line folded whole (意外收获:)早餐):
    /// writers who type full-width marks mostly type ：）, which folding makes :) (32 of the
    /// clean lines write ：）, 6 :)).
    private func restoreEmoticons(_ text: [Unicode.Scalar], into restored: inout [Unicode.Scalar?]) {
        for k in text.indices where text[k] == ":" && k > 0 && isHanOrClosing(text[k - 1]) {
            var mouth = k + 1
            if mouth < text.count && text[mouth] == "-" { mouth += 1 }
            guard mouth < text.count, text[mouth] == ")" || text[mouth] == "(" else { continue }
            let after = mouth + 1
            guard after == text.count || isChinese(text[after]) || text[after] == " " || Self.fullwidthMark(for: text[after]) != nil else { continue }
            restored[k] = "："
            restored[mouth] = text[mouth] == ")" ? "）" : "（"
        }
    }

    /// A parenthesis whose partner the one-byte shift's repair made full-width ((「soft」）)
    /// takes the partner's width. (Not one whose partner the writer wrote so: （comment) stays
    /// as written, also where the whole line was mojibake.)
    private func matchRepairedParentheses(_ text: [Unicode.Scalar], origins: [Origin], into restored: inout [Unicode.Scalar?]) {
        let parentheses = "()（）".unicodeScalars
        for (k, scalar) in text.enumerated() where scalar == "(" || scalar == ")" {
            let opens = scalar == "("
            guard let partner = opens ? text[(k + 1)...].firstIndex(where: parentheses.contains)
                                      : text[..<k].lastIndex(where: parentheses.contains),
                  text[partner] == (opens ? "）" : "（"), case .edit(let e, _) = origins[partner],
                  edits[e].diagnosis == .gbkOneByteShift else { continue }
            restored[k] = opens ? "（" : "）"
        }
    }

    /// Whether `content` is a Latin word or phrase: ASCII letters with spaces, hyphens or
    /// digits, at least two letters (a menu's "(N)" is a key, not a gloss).
    private func isLatinPhrase(_ content: ArraySlice<Unicode.Scalar>) -> Bool {
        content.count(where: { $0.isASCII && $0.properties.isAlphabetic }) >= 2
            && content.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " " || $0 == "-") }
            && content.first != " " && content.last != " "
    }

    /// How many Han characters a term quoted inside a quotation holds at most.
    private static let quotedTermLength = 8

    /// Straight double quotes touching Chinese text. Each quote's direction comes from its
    /// neighbours where they tell (a quote after ： or at the start of a line opens, one before
    /// ， 。 or at the end closes), else from whether a quotation is open at that point; a
    /// quote is restored only where its inner side is Chinese and its outer side is Chinese, a
    /// mark or the end of the line, so quotes in code and JSON stay.
    ///
    /// In a line `foldedWhole`, a quotation may hold any text (a Latin word, a path, code), and
    /// a space may stand between it and the Chinese outside.
    /// With `fullStopsTyped`, a '.' typed for 。 counts as a Chinese mark beside a quote (“走吧.”).
    private func restoreQuotes(_ text: [Unicode.Scalar], into restored: inout [Unicode.Scalar?], foldedWhole: Bool, fullStopsTyped: Bool) {
        let (opening, closing): (Unicode.Scalar, Unicode.Scalar) = options.quotes == .curly ? ("“", "”") : ("「", "」")
        var open = false
        // The straight quote that opened the current quotation, if one did: a pair is restored
        // whole or not at all, so that no “ is left facing a ".
        var straightOpener: Int? = nil
        var closesEmptyPair = false
        // The quote that closes a term quoted inside the open quotation, once one opened, and
        // the straight quote that opened the quotation around it.
        var quotedTermEnd: Int? = nil
        var outerOpener: Int? = nil
        // Whether the open quotation was opened by a curly mark.
        var curlyOpener = false
        // Whether a quotation mark of any kind came before.
        var quoteSeen = false
        // (Counted as the loop goes: a line may hold thousands.)
        var straightQuotesBefore = 0
        // (Asked only at a quotation of ASCII words in Han: most lines have none.)
        lazy var everyQuoteTouchesHan = text.indices.allSatisfy { k in
            text[k] != "\"" || k == 0 || k > 0 && isHan(text[k - 1]) || k + 1 < text.count && isHan(text[k + 1])
        }
        for (k, scalar) in text.enumerated() {
            let opensByCount = straightQuotesBefore % 2 == 0
            if scalar == "\"" { straightQuotesBefore += 1 }
            if closesEmptyPair {
                closesEmptyPair = false
                continue
            }
            let isFirst = !quoteSeen
            if Self.doubleQuoteMarks.contains(scalar) { quoteSeen = true }
            switch scalar {
            // Only the marks straight quotes become count: in 「…"艺术"…」 the quote opens. A
            // straight quote may pair with a curly one, as where a repair restored one mark of
            // a folded line ("/”符號, “info info"以): the pair is restored.
            case "“", "「":
                if scalar == opening {
                    open = true
                    curlyOpener = true
                }
                straightOpener = nil
            case "”", "」":
                if scalar == closing {
                    if let opener = straightOpener, restored[opener] == nil, isChineseBeyondSpace(text, from: opener - 1, forward: false) {
                        restored[opener] = opening
                    }
                    open = false
                    curlyOpener = false
                }
                straightOpener = nil
            case "\"":
                let previous = k > 0 ? text[k - 1] : nil
                let next = k + 1 < text.count ? text[k + 1] : nil
                // After a Han character, "" is an empty quotation (參數是"",則…), which opens and
                // closes at once, where Chinese stands on both sides of it; after a sentence mark
                // it is one quotation closing and the next opening (？”“).
                if next == "\"", let previous, isHan(previous), !open,
                   (k + 2 < text.count ? text[k + 2] : nil).map({ isChinese($0) || Self.fullwidthMark(for: $0) != nil }) ?? true {
                    restored[k] = opening
                    restored[k + 1] = closing
                    closesEmptyPair = true
                    continue
                }
                // After ASCII, "" in a line that types its marks full-width is a literal, as
                // given (带有“msgid ""”项): neither quote is the sentence's. (After a mark it is
                // one quotation closing and the next opening: 你这傻瓜！""反正.)
                if written.foldedForm && !foldedWhole && (previous == "\"" || next == "\""),
                   case let pairStart = previous == "\"" ? k - 1 : k, pairStart > 0, text[pairStart - 1].isASCII,
                   !isTypedDash(text, from: pairStart - 1, forward: false) { continue }
                // A '.' before or after a quote may be a typed 。 (走吧." and "走吧".), which tells
                // as 。 does.
                func typedFullStop(_ j: Int, after previous: Unicode.Scalar?) -> Bool {
                    fullStopsTyped && j >= 0 && j < text.count && text[j] == "." && previous.map { isTypedFullStop(text, at: j, after: $0, foldedWhole: foldedWhole) } == true
                }
                let fullStopBefore = typedFullStop(k - 1, after: k >= 2 ? text[k - 2] : nil)
                let afterNext = k + 2 < text.count ? text[k + 2] : nil
                var opens = quoteOpens(previous: fullStopBefore ? "。" : previous, next: next, afterNext: afterNext, open: open, first: isFirst)
                // (A quotation may hold a program's marks themselves: 用 ":"分隔, 未預期的")",
                // 除了".."和".". Its first quote opens, whatever the mark faces.)
                let quotesMarkFrom = Self.quotedMarkStart(text, quoteAt: k, opensByCount: opensByCount)
                let closesQuotedMark = quotesMarkFrom.map { $0 < k } == true
                // (The quote that ends a quoted token closes it: " provides/binary " 标签.)
                if let opener = straightOpener, restored[opener] != nil, tokenQuotationEnd(text, openingAt: opener) == k { opens = false }
                // After a colon a quote opens, also at the end of a line cut inside the quotation;
                // so does one set off by a space once the quotations before it have closed, in
                // a line folded whole (運行 "export" 可以看到 "). Not one that closes a straight
                // quote before it ("&目录：" in Tcl's catalogs).
                let opensAtLineEnd = next == nil && (previous.map { "：:".unicodeScalars.contains($0) } == true
                    && opensByCount || foldedWhole && !open && previous == " ")
                if opensAtLineEnd { opens = true }
                // A quote its neighbours do not decide takes the direction the next straight
                // quote's neighbours leave it, when that agrees with what is open: in
                // 。"撇下一切希望罷,你們這些進來的人!" the last quote closes, so the first opens.
                if quoteDirection(previous: previous, next: next, afterNext: afterNext) == nil {
                    // (Past the next quote only for the line's first: once per line.)
                    let following = followingQuoteDirection(text, after: k, pastUndecided: isFirst)
                    if let following, following.between == 0 && following.opens == open {
                        opens = !following.opens
                    } else if let following, following.between == 0, open, !following.opens,
                              let previous, isHan(previous), let next, isHan(next),
                              let opener = straightOpener, !(opener >= 2 && text[opener - 1] == "\"" && isHan(text[opener - 2])) {
                        // Between Han characters, a quote whose next one surely closes opens a
                        // term quoted inside the open quotation (说"大娘".), rather than leave two
                        // closing marks in a row; unless that quotation is itself a term, the
                        // second of two in a row ("史學雜誌""星期六文學評論"等).
                        opens = true
                    } else if following == nil, open, let previous, isHan(previous), let next, isHan(next),
                              let opener = straightOpener, text[(opener + 1)..<k].contains(where: { Self.clauseMarks.contains($0) || Self.fullwidthMark(for: $0) != nil }),
                              let end = text[(k + 1)...].prefix(Self.quotedTermLength + 1).firstIndex(of: "\""), end > k + 1,
                              text[(k + 1)..<end].allSatisfy(isHan), end + 1 < text.count, isHan(text[end + 1]),
                              let after = followingQuoteDirection(text, after: end, pastUndecided: false), !after.opens, after.between == 0 {
                        // So, inside a quotation of clauses (its marks folded or not), does a
                        // quote before a few Han characters whose closing quote, between Han
                        // characters too, comes before one that surely closes: 說，"…然後我們
                        // 來"處理"生還者。" quotes 處理, rather than break the speech off at 來
                        // and open another at 生.
                        opens = true
                        (quotedTermEnd, outerOpener) = (end, opener)
                    } else if isFirst, let following {
                        // The line's first quote: the line may begin inside a quotation, and
                        // the quotes up to the first sure one alternate (我不管了,"他推开门,说:"再见:
                        // the first closes).
                        opens = following.between % 2 == 0 ? !following.opens : following.opens
                    } else if isFirst, let previous, "—…".unicodeScalars.contains(previous) {
                        // Speech broken off closes its quotation: 昆明——"她丈夫 begins inside one.
                        opens = false
                    } else if isFirst, let fit = firstQuoteOpensByFit(text, at: k) {
                        // A line cut inside a quotation (kill"命令…命令"kill"的) is told by the
                        // Latin words its quotes hold.
                        opens = fit
                    } else if isFirst, following == nil, text.count(where: { $0 == "\"" }) % 2 == 0,
                              !text.contains(where: { "“”".unicodeScalars.contains($0) }) {
                        // Where no quote of the line tells, and they can pair within it, they do:
                        // a line that begins inside one quotation and ends inside another is the
                        // longer story (。"离婚"翻译成 opens, though after 。 a quote mostly closes).
                        opens = true
                    }
                }
                if quotesMarkFrom != nil { opens = !closesQuotedMark }
                if k == quotedTermEnd { opens = false }
                let (inner, outer) = opens ? (next, previous) : (previous, next)
                // Never a quotation mark against one of its own level (”” or ““): inside a run of
                // straight quotes each restored one would make the next look Chinese, and the
                // run would change a little with every pass.
                // (Nor does a quotation begin with a closing mark or end with an opening one:
                // in "B："） the second quote closes.)
                var chinese = opensAtLineEnd || inner.map { !"“”「」".unicodeScalars.contains($0)
                    && !model.table.signs($0).contains(opens ? .closing : .opening)
                    && (isChinese($0) || isFullwidthForm($0) || (!opens && Self.fullwidthMark(for: $0) != nil)) } ?? false
                if !opens && fullStopBefore { chinese = true }
                // (Spaces may pad a quotation a colon opens: 曰：" 聖人非所與熙也。")
                if !chinese && opens && inner == " ", let previous, "：:".unicodeScalars.contains(previous) {
                    let j = text[(k + 1)...].firstIndex { $0 != " " }
                    chinese = j.map { isChinese(text[$0]) && !Self.doubleQuoteMarks.contains(text[$0]) } == true
                }
                // A quotation may begin or end with a number or Latin word set in Chinese ("1號").
                if !chinese { chinese = isWordInChinese(text, from: opens ? k + 1 : k - 1, forward: opens) }
                // (Not a format string: "%s" is the program's, as a bare number before a mark is.)
                if !chinese && foldedWhole, let inner {
                    chinese = inner != " " && inner != "\"" && !model.table.signs(inner).contains(opens ? .closing : .opening)
                        && !quotation(in: text, at: k, opens: opens).contains("%")
                }
                if !opens && curlyOpener { chinese = true }
                // A quotation of one token (an option, a value, a name) with Han outside it is
                // the sentence's too (没有"--yes"的情况下; 已知值为"gnome"。).
                let quotesToken = opens ? tokenQuotationEnd(text, openingAt: k) != nil
                    : straightOpener.map({ restored[$0] != nil && tokenQuotationEnd(text, openingAt: $0) != nil }) == true
                if quotesToken { chinese = true }
                // So is a quotation of Chinese spaced off from the Chinese outside it (第 6.2 节
                // "自动编译系统" 描述的): the writer spaced the quotes, not the words in them.
                let quotesChinese = opens ? chineseQuotationEnd(text, openingAt: k) != nil
                    : straightOpener.map({ restored[$0] != nil && chineseQuotationEnd(text, openingAt: $0) != nil }) == true
                // And a quotation of Han characters only, with Chinese the nearest word outside it
                // on one side: a menu path (桌面:"设置" → "系统") or a title cited in English.
                let quotesHan = opens ? opensByCount && hanQuotationEnd(text, restored: restored, openingAt: k) != nil
                    : straightOpener.map({ restored[$0] != nil && text[($0 + 1)..<k].allSatisfy(isHan) }) == true
                if quotesHan { chinese = true }
                // So is a quotation of ASCII text with Han against both its quotes (伺服器不接受"PBSZ
                // 0"指令, 使用"info bash"來獲得), or of ASCII and Han with Chinese against both
                // (可选。"范围2"和), where no quote of the line is spaced off from Han: the clean
                // lines write 35 such “…” of ASCII and no such "…".
                if opens ? opensByCount && quotationInChineseEnd(text, openingAt: k) != nil && everyQuoteTouchesHan
                    : straightOpener.map({ restored[$0] != nil && quotationInChineseEnd(text, openingAt: $0) == k }) == true {
                    chinese = true
                }
                // (A typist's space may stand between the sentence's full stop and the quotation
                // after it: 写道. "死灵术…)
                let spacedFullStop = opens && previous == " " && (text[..<k].lastIndex { $0 != " " }).map { j in
                    j >= 1 && typedFullStop(j, after: text[j - 1])
                } == true
                let outerFullStop = opens ? fullStopBefore || spacedFullStop : typedFullStop(k + 1, after: "”")
                // (Outside, a number or Latin word set in Chinese is Chinese too: “科丽珑”24小时,
                // “蛇头”１０余人; so is a dash typed as hyphens: "以天下興亡爲己任"----是.)
                if let outer, !quotesHan, !isChinese(outer) && !isFullwidthForm(outer) && Self.fullwidthMark(for: outer) == nil && outer != "\"" && !outerFullStop
                    && !(foldedWhole && (outer == "(" || outer == ")"))
                    && !((foldedWhole || quotesToken || quotesChinese) && outer == " " && isChineseBeyondSpace(text, from: opens ? k - 1 : k + 1, forward: !opens))
                    && !isWordInChinese(text, from: opens ? k - 1 : k + 1, forward: !opens)
                    && !isTypedDash(text, from: opens ? k - 1 : k + 1, forward: !opens) {
                    chinese = false
                }
                // A program's marks quoted are the sentence's quotation where Chinese stands
                // outside both quotes (未預期的")"; 除了".."和), as the catalogs and manuals write
                // 71 of 75 such. Spaced off from Han, they go as the line's other quotations do
                // (改變為 ":" ,你可以; 未使用 "<" 、"<<"), straight where the line writes its
                // marks full-width (，用 ":"分隔). The closing quote follows the opening.
                if let start = quotesMarkFrom {
                    chinese = closesQuotedMark ? straightOpener.map { restored[$0] != nil } == true
                        : chinese && (foldedWhole || !written.foldedForm) || quotesMarksInChinese(text, from: start, foldedWhole: foldedWhole)
                }
                // (Nor, in a line that types its marks full-width, does one close where nothing
                // is open after a quotation closed: in （預設值：”-dirty"） the curly mark opened.)
                if !opens && !open && !isFirst && written.foldedForm && !foldedWhole { chinese = false }
                if opens {
                    straightOpener = k
                    if chinese { restored[k] = opening }
                } else {
                    if let opener = straightOpener, restored[opener] == nil { chinese = false }
                    if chinese {
                        restored[k] = closing
                    } else if let opener = straightOpener {
                        restored[opener] = nil
                    }
                    straightOpener = nil
                }
                open = opens
                curlyOpener = false
                if k == quotedTermEnd {
                    // (The quotation around the term is still open.)
                    (open, straightOpener, quotedTermEnd) = (true, outerOpener, nil)
                }
            default:
                break
            }
        }
    }

    /// Where the quotation that holds just a program's marks starts (":", ")", "==", "!=", ":/",
    /// two or three dots: "..", "..."), if the straight quote at `k` opens or closes one. Told by
    /// the count of straight quotes before `k` (`opensByCount`), so that in "甲"("乙") the marks
    /// between quotations are not taken for one. (Not one dot: in 说"孙柔嘉"."鸿渐 a quotation
    /// closes before a typed 。 and the next opens.)
    private static func quotedMarkStart(_ text: [Unicode.Scalar], quoteAt k: Int, opensByCount: Bool) -> Int? {
        let step = opensByCount ? 1 : -1
        var n = 0
        while n < 4, case let j = k + (n + 1) * step, j >= 0 && j < text.count, quotedMarks.contains(text[j]) { n += 1 }
        let end = k + (n + 1) * step
        guard (1...3).contains(n), end >= 0 && end < text.count, text[end] == "\"" else { return nil }
        let marks = stride(from: k + step, to: end, by: step).map { text[$0] }
        guard marks.contains(where: { $0 != "." }) ? !marks.contains(".") : n >= 2 else { return nil }
        return min(k, end)
    }

    /// Whether from the quote at `k` on through `side` (the character beside it) up to three
    /// marks of ``quotedMarks`` run to another straight quote: a quotation of marks.
    private static func quotesMarksOnly(_ text: [Unicode.Scalar], from k: Int, through side: Int) -> Bool {
        let step = side - k
        var j = side
        while j >= 0 && j < text.count && abs(j - k) <= 3 && quotedMarks.contains(text[j]) { j += step }
        return j != side && j >= 0 && j < text.count && abs(j - k) <= 4 && text[j] == "\""
    }

    /// The marks a quotation of a program's marks holds (``quotedMarkStart(_:quoteAt:opensByCount:)``).
    private static let quotedMarks = ScalarSet(":()=!<>;|&./")

    /// Whether the quotation of marks from `start` has Chinese outside both quotes, one side at
    /// least Han, the other Han, a Chinese mark, the line's edge or, in a line `foldedWhole`, a
    /// folded mark.
    private func quotesMarksInChinese(_ text: [Unicode.Scalar], from start: Int, foldedWhole: Bool) -> Bool {
        guard start + 1 < text.count, let end = text[(start + 1)...].firstIndex(of: "\"") else { return false }
        let sides = [start > 0 ? text[start - 1] : nil, end + 1 < text.count ? text[end + 1] : nil]
        return sides.contains { $0.map(isHan) == true } && sides.allSatisfy { side in
            side.map { isChinese($0) || foldedWhole && Self.fullwidthMark(for: $0) != nil } ?? true
        }
    }

    /// Whether a dash typed as hyphens for —— ("先天下之憂而憂"----是) runs from `k` (forward or
    /// back) to Chinese or the line's edge: two hyphens or more.
    private func isTypedDash(_ text: [Unicode.Scalar], from k: Int, forward: Bool) -> Bool {
        var j = k
        while j >= 0 && j < text.count && text[j] == "-" { j += forward ? 1 : -1 }
        return abs(j - k) >= 2 && (j < 0 || j >= text.count || isChinese(text[j]))
    }

    /// Where the quotation ends, if the straight quote at `k` opens one of one ASCII token (no
    /// space, no format: not "%s", "{0}" or "\n"), spaces around it or not (" provides/binary "),
    /// with a Han character (or 、) outside it on one side, and Chinese or the line's edge on the
    /// other.
    private func tokenQuotationEnd(_ text: [Unicode.Scalar], openingAt k: Int) -> Int? {
        guard let close = text[(k + 1)...].firstIndex(of: "\""), isToken(text[(k + 1)..<close]) else { return nil }
        // (An item of a list 、 separates is set in Chinese too: 字母、"-"、"+"之外.)
        func hanOrItemMarkAt(_ j: Int) -> Bool { j >= 0 && j < text.count && (isHan(text[j]) || text[j] == "、") }
        // (A space on the other side, past which the line is Chinese, is a writer's who set
        // the quotation against Han on one side and spaced it on the other: 我認爲"/proc" 是.
        // Writers who space quoted code space both sides.)
        // (After it, a folded mark before Chinese is the sentence's: 如果設為"true",Nautilus 在.)
        func chineseOrEdge(_ j: Int, forward: Bool) -> Bool {
            j < 0 || j >= text.count || isChinese(text[j]) || text[j] == " " && isChineseBeyondSpace(text, from: j, forward: forward)
                || forward && ",;:".unicodeScalars.contains(text[j]) && j + 1 < text.count
                    && (isHan(text[j + 1]) || isWordInChinese(text, from: j + 1, forward: true))
        }
        // (After it, 。 or 、 sets a word or a path in Chinese as a Han character does: of the
        // clean lines' 104 quotations of a token spaced off from Han before and 。 or 、 after,
        // all are “…”. A program's marks quoted so go as ``quotedMarkStart`` tells: 使用 ":"。)
        func endsClause() -> Bool {
            close + 1 < text.count && "。、".unicodeScalars.contains(text[close + 1])
                && text[(k + 1)..<close].contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
        return hanOrItemMarkAt(k - 1) && chineseOrEdge(close + 1, forward: true)
            || (hanOrItemMarkAt(close + 1) || endsClause()) && chineseOrEdge(k - 1, forward: false) ? close : nil
    }

    /// Where the quotation ends, if the straight quote at `k` opens one of ASCII text (no
    /// format: not "%s", "{0}" or "\n"; a program's words or a menu's path, 60 characters at
    /// most), Han mixed in or not, with Chinese against each of its quotes: a Han character, or a
    /// Chinese mark where it quotes Han too (选择"LibreOffice - 选项 - 公式"。; 可选。"范围2"和).
    /// The line's start counts as a Han character before it ("git pack-redundant"已被提名): of
    /// the clean lines' 459 quotations of ASCII that begin a line before Chinese, none is "…".
    private func quotationInChineseEnd(_ text: [Unicode.Scalar], openingAt k: Int) -> Int? {
        guard k == 0 || isChinese(text[k - 1]), let close = text[(k + 1)...].prefix(61).firstIndex(of: "\""),
              close > k + 1, close + 1 < text.count, isChinese(text[close + 1]) else { return nil }
        let content = text[(k + 1)..<close]
        guard content.allSatisfy({ $0.isASCII && !"%\\{}".unicodeScalars.contains($0) || isHan($0) }),
              content.contains(where: \.isASCII), content.first != " ", content.last != " " else { return nil }
        return content.contains(where: isHan) || (k == 0 || isHan(text[k - 1])) && isHan(text[close + 1]) ? close : nil
    }

    /// Where the quotation ends, if the straight quote at `k` opens one that begins and ends
    /// with a Han character ("自动编译系统", "移植一个软件包到 stable 系统"), or with a Chinese
    /// sentence's mark after one ("…獲得自由！"), and has Chinese on both sides, past spaces, or
    /// the line's edge. (Not an English sentence's '.': with 第 6.2.3 节 "历史邮件服务端期望".
    /// stays English.)
    private func chineseQuotationEnd(_ text: [Unicode.Scalar], openingAt k: Int) -> Int? {
        guard let close = text[(k + 1)...].firstIndex(of: "\""), close > k + 1, isHan(text[k + 1]) else { return nil }
        var last = close - 1
        while last > k + 1 && Self.sentenceEnds.contains(text[last]) { last -= 1 }
        guard isHan(text[last]) else { return nil }
        func chineseOrEdge(_ j: Int, forward: Bool) -> Bool {
            var j = j
            while j >= 0 && j < text.count && text[j] == " " { j += forward ? 1 : -1 }
            return j < 0 || j >= text.count || isChinese(text[j]) || Self.fullwidthMark(for: text[j]) != nil
        }
        return chineseOrEdge(k - 1, forward: false) && chineseOrEdge(close + 1, forward: true) ? close : nil
    }

    /// Where the quotation ends, if the straight quote at `k` opens one that holds Han
    /// characters only and the nearest word outside it, past spaces, symbols and ASCII marks,
    /// is Chinese on at least one side. A quote met on the way counts as Chinese where it was
    /// restored (→ "系统" after “设置”), and stops the search: the words beyond it are
    /// another quotation's. (English quoting Chinese, said "你好" to, stays as written.) The
    /// caller asks only of a quote that opens by count, after an even number of straight
    /// quotes: in 除了".."和"." the 和 stands between two quotations.
    private func hanQuotationEnd(_ text: [Unicode.Scalar], restored: [Unicode.Scalar?], openingAt k: Int) -> Int? {
        guard let close = text[(k + 1)...].firstIndex(of: "\""), close > k + 1, text[(k + 1)..<close].allSatisfy(isHan) else { return nil }
        func chineseNearest(from j: Int, step: Int) -> Bool {
            var j = j
            while j >= 0 && j < text.count {
                let scalar = text[j]
                if scalar == "\"" { return restored[j] != nil }
                if isChinese(scalar) { return true }
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return false }
                j += step
            }
            return false
        }
        return chineseNearest(from: k - 1, step: -1) || chineseNearest(from: close + 1, step: 1) ? close : nil
    }

    /// Whether `content`, spaces around it aside, is one ASCII token a quotation may hold: no
    /// space, no format ("%s", "{0}", "\n").
    private func isToken(_ content: ArraySlice<Unicode.Scalar>) -> Bool {
        let token = content.drop { $0 == " " }.reversed().drop { $0 == " " }
        return (1...40).contains(token.count) && token.allSatisfy { $0.isASCII && !" %\\{}".unicodeScalars.contains($0) }
    }

    /// Whether the straight quote at `k` ends (`forward` false) or begins a quotation of one
    /// token with a Han character beyond its other end: ("none"(无), (见"stdout")的).
    private func isTokenQuotationInHan(_ text: [Unicode.Scalar], quoteAt k: Int, forward: Bool) -> Bool {
        guard let other = forward ? text[(k + 1)...].firstIndex(of: "\"") : text[..<k].lastIndex(of: "\"") else { return false }
        let beyond = forward ? other + 1 : other - 1
        return isToken(text[(min(k, other) + 1)..<max(k, other)]) && beyond >= 0 && beyond < text.count && isHan(text[beyond])
    }

    /// The text a straight quote at `k` opens (up to the next straight quote) or closes (back
    /// to the one before).
    private func quotation(in text: [Unicode.Scalar], at k: Int, opens: Bool) -> ArraySlice<Unicode.Scalar> {
        if opens {
            return text[(k + 1)..<(text[(k + 1)...].firstIndex(of: "\"") ?? text.count)]
        }
        return text[(text[..<k].lastIndex(of: "\"").map { $0 + 1 } ?? 0)..<k]
    }

    /// Whether past the spaces from `k` (going forward or back) the line is Chinese (or a
    /// folded mark or parenthesis) or ends.
    private func isChineseBeyondSpace(_ text: [Unicode.Scalar], from k: Int, forward: Bool) -> Bool {
        var j = k
        while j >= 0 && j < text.count && text[j] == " " { j += forward ? 1 : -1 }
        return j < 0 || j >= text.count || isChinese(text[j]) || Self.fullwidthMark(for: text[j]) != nil || text[j] == "(" || text[j] == ")"
    }

    /// Whether a straight double quote between `previous` and `next` (and `afterNext`) surely
    /// opens (true) or closes (false) a quotation: at the ends of the line, before a mark or a
    /// closing bracket, after ：or (. An ASCII mark followed by a quote is quoted itself (用","分隔),
    /// and '.' before a letter or digit begins a name (".msg"): neither closes. Nor does ':'
    /// before a quote and a space open: a field's name ends so ("Depends:" 列表).
    private func quoteDirection(previous: Unicode.Scalar?, next: Unicode.Scalar?, afterNext: Unicode.Scalar?) -> Bool? {
        guard let next else { return false }
        let quotedMark = ",.!?;:".unicodeScalars.contains(next) && afterNext.map { after in
            after == "\"" || next == "." && after.isASCII && (after.properties.isAlphabetic || ("0"..."9").contains(after))
        } == true
        if !quotedMark && "，。！？；：、…,.!?;:）)》".unicodeScalars.contains(next) || next == "\"" { return false }
        guard let previous else { return true }
        if previous == ":" && next == " " { return nil }
        if "：（《:(".unicodeScalars.contains(previous) || previous == "\"" || previous == "”" { return true }
        return nil
    }

    /// The sure direction of the first quote after `k` that has one, a curly mark or a straight
    /// quote its neighbours decide (the next straight one only, unless `pastUndecided`), and
    /// how many straight quotes without one come between, if no corner bracket comes first,
    /// nor lost characters that may have been quotes (U+FFFD, "??").
    private func followingQuoteDirection(_ text: [Unicode.Scalar], after k: Int, pastUndecided: Bool) -> (opens: Bool, between: Int)? {
        var between = 0
        for j in (k + 1)..<text.count {
            switch text[j] {
            case "\"":
                if let opens = quoteDirection(previous: text[j - 1], next: j + 1 < text.count ? text[j + 1] : nil,
                                              afterNext: j + 2 < text.count ? text[j + 2] : nil) {
                    return (opens, between)
                }
                guard pastUndecided else { return nil }
                between += 1
            // A curly mark tells as a sure straight quote does (。"請忠於…幸福感”，是: the shift's
            // repair restored the closing one).
            case "“", "”": return (text[j] == "“", between)
            case _ where breaksQuoteCount(text, at: j): return nil
            default: continue
            }
        }
        return nil
    }

    /// Whether the line's first straight quote, at `k`, opens, judged by how the line's straight
    /// quotes fit their neighbours when they alternate from it: a quote with a Latin word or
    /// a number not set in Chinese on its outer side fits badly (命令"kill"的 read with the first quote opening gives
    /// 命令”kill“的). Nil when both ways fit as well, as between Han characters, which tell
    /// nothing. A curly mark ends the count, the quotes after it taking their turn from it, and
    /// so do characters an encoder lost, which may have been quotes.
    private func firstQuoteOpensByFit(_ text: [Unicode.Scalar], at k: Int) -> Bool? {
        // (A number that runs on into Han is set in Chinese and fits either way: ”24小时; so does
        // a word with Chinese on its other side (按下Shift"暂停"键), a parenthesis of Han
        // included ("漫游工作站"prolile(参看上面)), or one that begins the line or a sentence after
        // Chinese (大寫.Shift"暫停"大寫鍵): no quotation ends there.)
        func isLatin(beside quote: Int, after: Bool) -> Bool {
            let j = after ? quote + 1 : quote - 1
            guard j >= 0 && j < text.count && text[j].isASCII else { return false }
            if text[j].properties.isAlphabetic {
                if after {
                    let end = text[j...].firstIndex { !($0.isASCII && $0.properties.isAlphabetic) } ?? text.count
                    let glossed = end + 1 < text.count && text[end] == "(" && isHan(text[end + 1])
                    return !glossed && !isWordInChinese(text, from: j, forward: true)
                }
                let start = text[...j].lastIndex { !($0.isASCII && $0.properties.isAlphabetic) }.map { $0 + 1 } ?? 0
                let beginsSentence = start == 0 || start >= 2 && "。.!！?？".unicodeScalars.contains(text[start - 1]) && isHan(text[start - 2])
                return !beginsSentence && !isWordInChinese(text, from: j, forward: false)
            }
            var end = j
            while isDigit(text, at: end) { end += after ? 1 : -1 }
            return end != j && !(end >= 0 && end < text.count && isHan(text[end]))
        }
        var misfitsIfOpens = 0
        var misfitsIfCloses = 0
        var n = 0
        for j in k..<text.count {
            if breaksQuoteCount(text, at: j) { break }
            guard text[j] == "\"" else { continue }
            // Alternating from an opening first quote, the even ones open.
            if isLatin(beside: j, after: n % 2 != 0) { misfitsIfOpens += 1 }
            if isLatin(beside: j, after: n % 2 == 0) { misfitsIfCloses += 1 }
            n += 1
        }
        return misfitsIfOpens == misfitsIfCloses ? nil : misfitsIfOpens < misfitsIfCloses
    }

    /// Whether counting straight quotes off in turn stops at `j`: at a curly quotation mark, which
    /// sets the turn itself, or at characters an encoder lost (U+FFFD, "??"), which may have
    /// been quotes.
    private func breaksQuoteCount(_ text: [Unicode.Scalar], at j: Int) -> Bool {
        Self.quoteCountBreaks.contains(text[j]) || text[j] == "?" && j + 1 < text.count && text[j + 1] == "?"
    }

    /// The characters that stop a count of straight quotes, a "??" aside (asked of every
    /// character after each quote).
    private static let quoteCountBreaks = ScalarSet("“”「」\u{FFFD}")

    /// Whether a straight double quote between `previous` and `next` opens a quotation.
    private func quoteOpens(previous: Unicode.Scalar?, next: Unicode.Scalar?, afterNext: Unicode.Scalar?, open: Bool, first: Bool) -> Bool {
        if let sure = quoteDirection(previous: previous, next: next, afterNext: afterNext) { return sure }
        // In Chinese prose a quote after a sentence mark closes far more often than it opens:
        // where a quotation is open, or may be (the line's first quote: the line may begin
        // inside one).
        if open || first, let previous, "。！？!?".unicodeScalars.contains(previous) { return false }
        if previous == " " { return true }
        if next == " " { return false }
        return !open
    }
}
