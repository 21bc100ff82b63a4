extension LineRepair {
    /// Whether `line` reads as a line of source code or a shell command rather than as prose:
    /// there the ASCII marks around Chinese are the language's, not folded full-width ones, and
    /// punctuation is left as it is (`print("你好,世界")`, `msg = '删除失败,请重试';`,
    /// `// 获取用户(缓存)`, `echo "安装完成!"`). Its mojibake is still repaired: that is not the
    /// writer's. Markup alone does not make a line code: an article's text between tags is prose.
    ///
    /// Signs read: a comment that begins the line (`//`, `#`, `%`, a block comment's `*`), or `//`,
    /// `/* … */`, `  # ` or `; -- ` after code; a string that spans lines (`"""`); a string
    /// literal passed to a call (`alert("`, `_("`), used as a subscript (`df["`), returned,
    /// assigned or compared outside a tag (`name = '`, `MSG="`), or given as a value to an ASCII
    /// key (`{"msg": "`, `zh_CN: "`); a keyword argument given a dictionary or a list
    /// (`rename(columns={`); a statement or block that ends the line (`';`, `f(…);`, `) {`,
    /// `; }`) or a block closed at its start; a setting (`app.title=`, `description: `); a
    /// command line (`$ ` prompt, or a lower-case command and ASCII arguments before a quote).
    /// Data a program wrote is read alike: a log record, a row of CSV fields, a list of strings.
    static func readsAsSourceCode(_ line: [Unicode.Scalar]) -> Bool {
        // (A character a decoder lost stands where any byte may have been: it is read past.)
        let text = line.contains("\u{FFFD}") ? line.filter { $0 != "\u{FFFD}" } : line
        func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < text.count ? text[k] : nil }
        func isIdentifier(_ scalar: Unicode.Scalar?) -> Bool {
            scalar.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "$") } == true
        }
        func isQuote(_ scalar: Unicode.Scalar?) -> Bool { scalar == "\"" || scalar == "'" || scalar == "`" }
        // A string literal begins at `k`, after at most two prefix letters (f"…", @"…", L"…"),
        // and a raw string's hashes after them (Rust's r#"…"#, br#"…"#).
        func literalStarts(at k: Int) -> Bool {
            var j = k
            while j < k + 2, let scalar = at(j), "fFrRbBuUL@".unicodeScalars.contains(scalar) { j += 1 }
            if j > k { while at(j) == "#" { j += 1 } }
            return isQuote(at(j))
        }
        func skipSpaces(from k: Int, step: Int) -> Int {
            var j = k
            while let scalar = at(j), scalar == " " || scalar == "\t" { j += step }
            return j
        }
        let start = skipSpaces(from: 0, step: 1)
        let end = skipSpaces(from: text.count - 1, step: -1)
        guard start <= end else { return false }
        func startsWith(_ prefix: String) -> Bool {
            var j = start
            for scalar in prefix.unicodeScalars {
                guard at(j) == scalar else { return false }
                j += 1
            }
            return true
        }
        if ["//", "/*", "<!--", "# ", "##", "-- ", "% ", "$ "].contains(where: startsWith) || text[start] == "}" { return true }
        // A comment written against its '#' (#说明：…); a hashtag closes with a second (#话题#).
        if text[start] == "#", let next = at(start + 1), next != " ", !text[(start + 1)...].contains("#") { return true }
        // A block comment's inner line, "*" set in by one space past the code's indentation
        // (` * 返回用户(缓存)`) or by tabs; "* " alone or set in evenly begins Markdown's items.
        if text[start] == "*", at(start + 1).map({ $0 == " " || $0 == "\t" || $0 == "/" }) ?? true, start > 0 {
            let spaces = text[..<start].drop { $0 == "\t" }
            if spaces.allSatisfy({ $0 == " " }) && spaces.count % 4 == 1 || spaces.isEmpty { return true }
        }
        // A space escaped with a backslash, as shells and Vim write one (存在\ -\ 文件(非空)).
        if text.indices.dropLast().contains(where: { text[$0] == "\\" && text[$0 + 1] == " " }) { return true }
        // A string that spans lines opens or closes: Python's docstrings, Kotlin's and Swift's
        // raw strings ("""数字时钟"""), Markdown's code fences.
        if text.indices.dropLast(2).contains(where: { k in isQuote(text[k]) && text[k + 1] == text[k] && text[k + 2] == text[k] }) {
            return true
        }
        // The line's end: a statement ('删除';, alert("成功");), or a block it opens (if (条件) {).
        // (A parenthesis that closes a call or a literal, VALUES ('…');: prose ends a clause
        // with one too, 发热量比较大(作图时);)
        if text[end] == ";", let before = at(end - 1) {
            if "\"'`]}".unicodeScalars.contains(before) { return true }
            if before == ")", let open = openingParenthesis(text, closingAt: end - 1),
               isIdentifier(at(open - 1)) || literalStarts(at: open + 1) {
                return true
            }
        }
        // (A block that a statement ends: { return "…"; })
        if text[end] == "}", at(skipSpaces(from: end - 1, step: -1)) == ";" { return true }
        if text[end] == "{", at(skipSpaces(from: end - 1, step: -1)) == ")" { return true }
        // A setting: an ASCII key that begins the line, then '=' (app.title=用户管理(后台)) or,
        // lower-case as YAML's keys are, ": " (description: 获取用户,返回列表). The key may name a
        // locale in brackets, as desktop entries do (Keywords[zh_CN]=文本;编辑器;).
        // (Fluent's attributes begin with a dot: .label = 目前密碼:)
        var keyEnd = text[start] == "." && at(start + 1).map({ ("a"..."z").contains($0) }) == true ? start + 1 : start
        while isIdentifier(at(keyEnd)) || at(keyEnd) == "." || at(keyEnd) == "-" { keyEnd += 1 }
        if keyEnd > start, at(keyEnd) == "[" {
            var j = keyEnd + 1
            while isIdentifier(at(j)) || at(j) == "-" || at(j) == "@" { j += 1 }
            if j > keyEnd + 1, at(j) == "]" { keyEnd = j + 1 }
        }
        if keyEnd > start, text[start].properties.isAlphabetic || text[start] == "_" || text[start] == "." {
            let sign = skipSpaces(from: keyEnd, step: 1)
            // (Spaced evenly: "term= 形式用于" names a form in prose.)
            if at(sign) == "=" && at(sign + 1) != "=" && (at(sign + 1) == " ") == (sign > keyEnd) { return true }
            // (A capital begins a key that joins words as a program does: Description-zh_CN.UTF-8:)
            if at(keyEnd) == ":" && at(keyEnd + 1) == " ",
               ("a"..."z").contains(text[start]) || text[start..<keyEnd].contains(where: { "-_.".unicodeScalars.contains($0) }) {
                return true
            }
        }
        if commandQuotes(text, from: start) || isLogRecord(text, from: start) || isRowOfFields(text, from: start, to: end)
            || isJSONEntry(text, from: start, to: end) {
            return true
        }
        // (Asked once, not at every mark: a long line may hold thousands of '-'.)
        let asciiEnd = text.firstIndex { !$0.isASCII } ?? text.count
        let lastBlockCommentEnd = text.indices.dropFirst().last { text[$0 - 1] == "*" && text[$0] == "/" } ?? -1
        for k in text.indices {
            switch text[k] {
            case "/":
                // (A comment after code or a space, not an address's // nor sha256//; a block
                // comment that closes on the line: int a = 0; /* 计数器,初始为0 */.)
                if at(k + 1) == "/", at(k - 1).map({ " \t;){}".unicodeScalars.contains($0) }) ?? true { return true }
                if at(k + 1) == "*", at(k - 1).map({ " \t;){}".unicodeScalars.contains($0) }) ?? true, lastBlockCommentEnd >= k + 3 {
                    return true
                }
            case "#", "-":
                // A comment after ASCII code: a shell's or Python's two spaces and '# '
                // (rm -rf build  # 清理(可选)), SQL's '-- ' after a statement (…; -- 查询,排序).
                guard k <= asciiEnd, at(k - 1) == " ", at(k + 1) == (text[k] == "#" ? " " : "-") else { continue }
                let before = text[..<k].last { $0 != " " && $0 != "\t" }
                if text[k] == "#", before != nil, at(k - 2) == " " { return true }
                if text[k] == "-", at(k + 2) == " ", before == ";" { return true }
            case "(", "[":
                // alert("…"), and a string subscript: big_df["其中:外贸货物吞吐量"] (not markup's
                // <![CDATA["<Alt>"]]>).
                if isIdentifier(at(k - 1)) && literalStarts(at: k + 1) && (text[k] == "(" || !insideTag(text, at: k)) { return true }
            case "r":
                // return "…"
                if k == start || at(k - 1) == " " || at(k - 1) == "{",
                   "return ".unicodeScalars.elementsEqual(text[k..<min(k + 7, text.count)]), literalStarts(at: k + 7) {
                    return true
                }
            case "=":
                // name = "…", x == '…', MSG="…": an ASCII name set off from what comes before.
                // (Not an attribute inside a tag: an article's markup, <span class="note">, leaves
                // its text prose.)
                if insideTag(text, at: k) { continue }
                var j = k - 1
                if let previous = at(j), "=!:+".unicodeScalars.contains(previous) { j -= 1 }
                j = skipSpaces(from: j, step: -1)
                let nameEnd = j
                // (A scope or a member in the name: Vim's g:title, PHP's $this->title.)
                func joinsName(_ j: Int) -> Bool {
                    j < nameEnd && isIdentifier(at(j + 1)) && (at(j) == ":" || at(j) == ">" && at(j - 1) == "-")
                }
                while isIdentifier(at(j)) || at(j) == "." || joinsName(j) { j -= at(j) == ">" ? 2 : 1 }
                let named = j < nameEnd && isIdentifier(at(j + 1)) && at(j + 1).map { !("0"..."9").contains($0) } == true
                    && (j < 0 || " \t(,;{".unicodeScalars.contains(text[j]))
                if named && literalStarts(at: skipSpaces(from: at(k + 1) == "=" ? k + 2 : k + 1, step: 1)) { return true }
                // A call's keyword argument given a dictionary or a list: rename(columns={"…": "…"}).
                if named, j >= 0, "(,".unicodeScalars.contains(text[j]), at(k + 1).map({ "{[".unicodeScalars.contains($0) }) == true {
                    return true
                }
            case ":":
                // {"msg": "成功"}, zh_CN: "确定": a value given to an ASCII key.
                guard literalStarts(at: skipSpaces(from: k + 1, step: 1)) else { continue }
                var j = k - 1
                let quoted = isQuote(at(j))
                if quoted { j -= 1 }
                let keyEnd = j
                while isIdentifier(at(j)) || at(j) == "-" || at(j) == "." { j -= 1 }
                guard j < keyEnd else { continue }
                if quoted ? isQuote(at(j)) && (j == start || at(skipSpaces(from: j - 1, step: -1)).map { "{[,".unicodeScalars.contains($0) } == true)
                    : j + 1 == start {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }

    /// Whether `k` stands inside a markup tag: after a '<' that no '>' has closed.
    private static func insideTag(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        text[..<k].lastIndex(of: "<").map { open in !text[open..<k].contains(">") } == true
    }

    /// The lists of strings the line holds in square brackets, as code and its output write them
    /// (`参数：["1"、"2"、"3"]`): two or more quoted items separated by ',' or '、'; and those in
    /// parentheses after code, a tuple (`for keyword in ("水果","你"):`), separated by ','. (Prose
    /// opens its parentheses after Chinese: 例如("北京","上海") is restored.)
    static func bracketedStringLists(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var lists: [Range<Int>] = []
        for (opening, closing, separators) in [("[", "]", ",、"), ("(", ")", ",")] as [(Unicode.Scalar, Unicode.Scalar, String)] {
            var k = 0
            while let open = text[k...].firstIndex(of: opening) {
                k = open + 1
                guard let close = text[k...].firstIndex(of: closing) else { break }
                if close - open > 4, opening == "[" || isAfterCode(text, at: open),
                   isRowOfQuotedFields(text, from: open + 1, to: close - 1, atLeast: 2, separators: separators) {
                    lists.append(open..<(close + 1))
                }
                k = close + 1
            }
        }
        return lists
    }

    /// Whether what stands before `k` (past spaces) is ASCII, or nothing: code, not a Chinese
    /// sentence.
    private static func isAfterCode(_ text: [Unicode.Scalar], at k: Int) -> Bool {
        text[..<k].last { $0 != " " }.map(\.isASCII) ?? true
    }

    /// The markup tags of the line (`<meta content="…">`, `</p>`): a '<' before an ASCII letter,
    /// '/' or '!', to the '>' that closes it.
    static func markupTags(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var tags: [Range<Int>] = []
        var k = 0
        while let open = text[k...].firstIndex(of: "<") {
            k = open + 1
            guard k < text.count, text[k] == "/" || text[k] == "!" || text[k].isASCII && text[k].properties.isAlphabetic,
                  let close = text[k...].firstIndex(of: ">") else { continue }
            tags.append(open..<(close + 1))
            k = close + 1
        }
        return tags
    }

    /// Where the parenthesis that the one at `close` closes opens, if the line holds it.
    private static func openingParenthesis(_ text: [Unicode.Scalar], closingAt close: Int) -> Int? {
        var depth = 0
        for k in stride(from: close, through: 0, by: -1) {
            if text[k] == ")" { depth += 1 }
            if text[k] == "(" {
                depth -= 1
                if depth == 0 { return k }
            }
        }
        return nil
    }

    /// Whether the line from `start` is a program's log record: a date, then a level in capitals
    /// before any Chinese (`2024-01-01 12:00:00,123 INFO 用户登录成功,耗时35ms`). A chat's export
    /// dates its lines too, but names no level, and is prose.
    private static func isLogRecord(_ text: [Unicode.Scalar], from start: Int) -> Bool {
        func isDigit(_ k: Int) -> Bool { k < text.count && ("0"..."9").contains(text[k]) }
        // (2024-01-01, 2024/01/01)
        guard (0..<4).allSatisfy({ isDigit(start + $0) }), start + 4 < text.count, text[start + 4] == "-" || text[start + 4] == "/" else {
            return false
        }
        var word = ""
        for scalar in text[start...] {
            guard scalar.isASCII else { break }
            if ("A"..."Z").contains(scalar) {
                word.unicodeScalars.append(scalar)
                continue
            }
            if Self.logLevels.contains(word) { return true }
            word = ""
        }
        return false
    }

    private static let logLevels: Set<String> = ["TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "FATAL", "CRITICAL"]

    /// Whether the line from `start` to `end` is a row of data rather than prose: three or more
    /// quoted fields and nothing else, as CSV writes one (`"张三","北京","工程师"`), or two or more
    /// in brackets, as code lists them (`["苹果", "香蕉"]`, `('北京', '上海'),`) — prose lists its
    /// quotations with 、 —; or three or more short unquoted fields, one of them ASCII, and no
    /// other mark (`张三,北京,25`, `name,城市,年龄`): a clause of prose is longer or ends with a mark;
    /// or a list of words.
    private static func isRowOfFields(_ text: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        if isRowOfQuotedFields(text, from: start, to: end, atLeast: 3) { return true }
        // (Two, where no prose puts them: "KW-P02-16";"中文".)
        if isRowOfQuotedFields(text, from: start, to: end, atLeast: 2, separators: ";\t") { return true }
        let close: Unicode.Scalar? = switch text[start] {
        case "[": "]"
        case "(": ")"
        case "{": "}"
        default: nil
        }
        if let close {
            let last = ",;".unicodeScalars.contains(text[end]) ? end - 1 : end
            return last > start + 1 && text[last] == close && isRowOfQuotedFields(text, from: start + 1, to: last - 1, atLeast: 2)
        }
        return isRowOfUnquotedFields(text, from: start, to: end) || isListOfWords(text, from: start, to: end)
    }

    /// Whether `text[start...end]` is words joined by ';' (four or more) or by ',' (eight or more)
    /// and nothing else, each at most four Han characters outside its parentheses, as a program's
    /// list of choices or categories is written (`标准;文本;日期 (日月年);美国英语`,
    /// `纪念,生日,商务,通讯,客人,竞争,客户,收藏`): prose joins a list of words with 、, and its
    /// clauses are longer. (A short review may write a few such clauses with ',': 还成,不错,物有所值.)
    /// The whole line keeps its marks, parentheses included; a list of longer words between ';'
    /// keeps only its ';' (`isSemicolonList`).
    private static func isListOfWords(_ text: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        guard let separator = text[start...end].first(where: { $0 == "," || $0 == ";" }) else { return false }
        let words = text[start...end].split(separator: separator, omittingEmptySubsequences: false)
        guard words.count >= (separator == ";" ? 4 : 8) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, let last = word.last, first != " ", last != " " else { return false }
            var depth = 0
            var han = 0
            for scalar in word {
                switch scalar {
                case "(": depth += 1
                case ")": depth -= 1
                case _ where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " || scalar == "/":
                    if depth == 0 && hanRange.contains(scalar.value) { han += 1 }
                default: return false
                }
                guard depth >= 0 else { return false }
            }
            return depth == 0 && han <= 4
        }
    }

    /// Whether `text[start...end]` is `atLeast` or more quoted fields (in double or single quotes)
    /// separated by one of `separators` and perhaps spaces, and nothing else.
    static func isRowOfQuotedFields(_ text: [Unicode.Scalar], from start: Int, to end: Int, atLeast minimum: Int,
                                    separators: String = ",;\t") -> Bool {
        var fields = 0
        var k = start
        while k <= end {
            // A field: a quote, anything but that quote, the same quote; then a separator or the end.
            let quote = text[k]
            guard quote == "\"" || quote == "'", k < end, let close = text[(k + 1)...end].firstIndex(of: quote) else { return false }
            fields += 1
            if close == end { return fields >= minimum }
            guard separators.unicodeScalars.contains(text[close + 1]) else { return false }
            k = close + 2
            while k <= end && text[k] == " " { k += 1 }
        }
        return false
    }

    /// Whether `text[start...end]` is three or more fields separated by ',' (perhaps with spaces),
    /// none but ASCII ones longer than eight characters, at least one of them ASCII letters or
    /// digits, with no other mark but those inside numbers, dates and times (3.5, 2024-01-01).
    private static func isRowOfUnquotedFields(_ text: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        var fields = 0
        var asciiField = false
        var k = start
        while k <= end {
            let fieldEnd = text[k...end].firstIndex(of: ",") ?? end + 1
            let field = text[k..<fieldEnd].drop { $0 == " " }
            guard !field.isEmpty,
                  field.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || ($0.isASCII && ".-:/ ".unicodeScalars.contains($0)) })
            else { return false }
            let ascii = field.allSatisfy { $0.isASCII }
            // (A date or a time is longer than a Chinese field: 2023-05-01 12:30:45.)
            guard field.count <= (ascii ? 32 : 8) else { return false }
            if ascii && field.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) { asciiField = true }
            fields += 1
            k = fieldEnd + 1
        }
        return fields >= 3 && asciiField && text[end] != ","
    }

    /// Whether the line from `start` to `end` is an entry of a JSON object or array (or a
    /// list in code), one to a line: a quoted key, whatever it is, ':', and a quoted string, a
    /// number, an object or an array, perhaps followed by a comma (`"》里": "》裏",` in a
    /// conversion table); or a quoted string followed by a comma (`"他说：”我最爱的运动“",`).
    private static func isJSONEntry(_ text: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        // The index of the quote that closes the string opened at `k`.
        func stringEnd(from k: Int) -> Int? {
            var j = k + 1
            while j <= end {
                if text[j] == "\\" { j += 2; continue }
                if text[j] == "\"" { return j }
                j += 1
            }
            return nil
        }
        guard text[start] == "\"", let keyEnd = stringEnd(from: start) else { return false }
        if keyEnd == end - 1 && text[end] == "," { return true }
        var j = keyEnd + 1
        while j <= end && text[j] == " " { j += 1 }
        guard j <= end, text[j] == ":" else { return false }
        j += 1
        while j <= end && text[j] == " " { j += 1 }
        guard j <= end else { return false }
        var last = end
        if text[last] == ",", last > j { last -= 1 }
        switch text[j] {
        case "\"": return stringEnd(from: j) == last
        case "{", "[": return last == j
        default: return text[j...last].allSatisfy { ("0"..."9").contains($0) || "-+.eE".unicodeScalars.contains($0) }
        }
    }

    /// Whether the line from `start` is a command: a lower-case word, perhaps in a namespace
    /// (Tcl's `::msgcat::mcset`), and ASCII arguments (`git commit -m`) before a quoted one
    /// (`echo "安装完成!"`).
    private static func commandQuotes(_ text: [Unicode.Scalar], from start: Int) -> Bool {
        var first = start
        while first < text.count, text[first] == ":" { first += 1 }
        guard first < text.count, first - start <= 2, ("a"..."z").contains(text[first]) else { return false }
        var k = start
        while k < text.count {
            let scalar = text[k]
            if scalar == "\"" || scalar == "'" { return k > start && text[k - 1] == " " }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " _.=-:".unicodeScalars.contains(scalar) else {
                return false
            }
            k += 1
        }
        return false
    }
}
