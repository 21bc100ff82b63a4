import Foundation
import Testing

/// The extension as SQLite users meet it: `.load libHanziFTS5.so` in the real sqlite3 shell.
@Suite("libHanziFTS5.so in the sqlite3 shell")
struct IndexSQLiteShellTests {
    static let shellPath = "/usr/bin/sqlite3"
    static let hasShell = FileManager.default.isExecutableFile(atPath: shellPath)
    /// SwiftPM builds the dynamic library beside `hanzi`.
    static let extensionPath = hanziExecutable.deletingLastPathComponent().appendingPathComponent("libHanziFTS5.so").path

    /// Runs `script` in the sqlite3 shell on `database`, after loading the extension.
    static func sqlite3(_ script: String, database: String = ":memory:") throws -> (output: String, errors: String) {
        let result = try run(URL(fileURLWithPath: shellPath), ["-batch", database],
                             input: Array((".load \(extensionPath)\n" + script).utf8))
        return (result.text, result.stderr)
    }

    static let documents = """
        CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'hanzi');
        INSERT INTO docs VALUES ('软件开发', '我们后来用软件管理数据库。');
        INSERT INTO docs VALUES ('軟體開發', '我們後來用軟體管理資料庫。');
        INSERT INTO docs VALUES ('天气', '今天天气很好，后天下雨。');
        INSERT INTO docs(docs) VALUES ('integrity-check');

        """

    /// The rows a MATCH query finds, each `rowid|highlighted body`.
    static func highlights(_ query: String, column: Int = 1) -> String {
        "SELECT rowid, highlight(docs, \(column), '[', ']') FROM docs WHERE docs MATCH '\(query)' ORDER BY rowid;\n"
    }

    @Test(.enabled(if: hasShell, "no /usr/bin/sqlite3 (Debian package sqlite3, installed by Scripts/dependencies): skipped"))
    func queriesInEitherScriptFindBothWithCorrectHighlights() throws {
        try #require(FileManager.default.fileExists(atPath: Self.extensionPath), "build libHanziFTS5.so first (swift build)")
        for query in ["后来", "後來"] {
            let result = try Self.sqlite3(Self.documents + Self.highlights(query))
            #expect(result.errors == "")
            #expect(result.output == "1|我们[后来]用软件管理数据库。\n2|我們[後來]用軟體管理資料庫。\n", "\(query)")
        }
        for query in ["软件", "軟體"] {
            let result = try Self.sqlite3(Self.documents + Self.highlights(query))
            #expect(result.output == "1|我们后来用[软件]管理数据库。\n2|我們後來用[軟體]管理資料庫。\n", "\(query)")
        }
        // A phrase across words, in the other script, and TW vocabulary (資料庫 = 数据库).
        let phrase = try Self.sqlite3(Self.documents + Self.highlights("\"用軟體管理数据库\""))
        #expect(phrase.output == "1|我们后来[用软件管理数据库]。\n2|我們後來[用軟體管理資料庫]。\n")
        // 开发 is a sub-word of the title's word 软件开发, at its position: highlight() marks the word.
        let titles = try Self.sqlite3(Self.documents + Self.highlights("title:開發", column: 0))
        #expect(titles.output == "1|[软件开发]\n2|[軟體開發]\n")
        let snippet = try Self.sqlite3(Self.documents + "SELECT snippet(docs, 1, '<', '>', '…', 3) FROM docs WHERE docs MATCH '資料庫' ORDER BY rowid;\n")
        #expect(snippet.output == "…软件管理<数据库>。\n…軟體管理<資料庫>。\n")
        let other = try Self.sqlite3(Self.documents + Self.highlights("后天"))
        #expect(other.output == "3|今天天气很好，[后天]下雨。\n")
    }

    /// Taiwan and Hong Kong vocabulary folds too, and where folding changes the length
    /// (隨身碟 → U盘) the highlight still marks the characters written.
    @Test(.enabled(if: hasShell, "no /usr/bin/sqlite3: skipped"))
    func highlightsMarkTheWrittenCharactersWhenFoldingChangesLength() throws {
        try #require(FileManager.default.fileExists(atPath: Self.extensionPath), "build libHanziFTS5.so first (swift build)")
        let documents = """
            CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'hanzi');
            INSERT INTO docs VALUES ('請把隨身碟插上電腦，再開啟記憶體測試。');
            INSERT INTO docs VALUES ('请把U盘插上电脑，再打开内存测试。');
            INSERT INTO docs VALUES ('呢個軟件幾好用。');

            """
        let result = try Self.sqlite3(documents + Self.highlights("U盘", column: 0) + Self.highlights("隨身碟 電腦", column: 0)
            + Self.highlights("記憶體", column: 0) + Self.highlights("软件", column: 0))
        #expect(result.errors == "")
        #expect(result.output == """
            1|請把[隨身碟]插上電腦，再開啟記憶體測試。
            2|请把[U盘]插上电脑，再打开内存测试。
            1|請把[隨身碟]插上[電腦]，再開啟記憶體測試。
            2|请把[U盘]插上[电脑]，再打开内存测试。
            1|請把隨身碟插上電腦，再開啟[記憶體]測試。
            2|请把U盘插上电脑，再打开[内存]测试。
            3|呢個[軟件]幾好用。

            """)
    }

    @Test(.enabled(if: hasShell, "no /usr/bin/sqlite3: skipped"))
    func foldNoneKeepsScriptsApartAndBadOptionsFail() throws {
        try #require(FileManager.default.fileExists(atPath: Self.extensionPath), "build libHanziFTS5.so first (swift build)")
        let none = try Self.sqlite3(
            Self.documents.replacingOccurrences(of: "tokenize = 'hanzi'", with: "tokenize = \"hanzi fold 'none' mode 'accurate'\"")
                + Self.highlights("後來"))
        #expect(none.output == "2|我們[後來]用軟體管理資料庫。\n")
        let bad = try Self.sqlite3("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = \"hanzi fold 'klingon'\");\n")
        #expect(bad.errors.contains("error in tokenizer constructor"))
    }

    @Test(.enabled(if: hasShell, "no /usr/bin/sqlite3: skipped"))
    func anIndexWrittenByOneProcessIsReadByAnother() throws {
        try #require(FileManager.default.fileExists(atPath: Self.extensionPath), "build libHanziFTS5.so first (swift build)")
        let database = try temporaryDirectory().appendingPathComponent("docs.db").path
        #expect(try Self.sqlite3(Self.documents, database: database).errors == "")
        let result = try Self.sqlite3(Self.highlights("管理資料庫"), database: database)
        #expect(result.output == "1|我们后来用软件[管理数据库]。\n2|我們後來用軟體[管理資料庫]。\n")
    }
}
