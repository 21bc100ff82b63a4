import Foundation
import Testing

@Suite("hanzi index")
struct IndexCommandTests {
    /// A directory with a Simplified and a Traditional file, and the path of a new index there.
    func corpus() throws -> (directory: URL, database: String, files: [String]) {
        let directory = try temporaryDirectory()
        let simplified = directory.appendingPathComponent("simplified.txt")
        let traditional = directory.appendingPathComponent("traditional.txt")
        try Data("我们后来用软件管理数据库。\n今天天气很好。\n".utf8).write(to: simplified)
        try Data("我們後來用軟體管理資料庫。\n明天會下雨。\n".utf8).write(to: traditional)
        return (directory, directory.appendingPathComponent("index.db").path, [simplified.path, traditional.path])
    }

    @Test func addThenSearchFindsBothScripts() throws {
        let (_, database, files) = try corpus()
        let add = try hanzi(["index", "add", database] + files)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.text.contains("added 2 documents"))
        for query in ["后来", "後來"] {
            let search = try hanzi(["index", "search", database, query])
            #expect(search.status == 0, "\(search.stderr)")
            let lines = search.text.split(separator: "\n").map(String.init)
            #expect(lines.count == 4, "\(search.text)")
            #expect(search.text.contains("我们[后来]用软件管理数据库。"))
            #expect(search.text.contains("我們[後來]用軟體管理資料庫。"))
            #expect(lines.first?.hasPrefix("1. ") == true && lines.first?.contains("(bm25 ") == true)
            // Whole files: the snippet's line breaks are spaces.
            #expect(search.text.contains("我们[后来]用软件管理数据库。 今天天气很好。"))
        }
    }

    @Test func linesJSONAndLimit() throws {
        let (_, database, files) = try corpus()
        #expect(try hanzi(["index", "add", "--lines", database] + files).status == 0)
        let search = try hanzi(["index", "search", "--json", database, "软件 管理"])
        #expect(search.status == 0, "\(search.stderr)")
        let hits = try search.text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(hits.count == 2)
        #expect(hits.map { $0["line"] as? Int } == [1, 1])
        #expect(Set(hits.compactMap { $0["source"] as? String }) == Set(files))
        #expect(hits.map { $0["rank"] as? Int } == [1, 2])
        #expect(hits.allSatisfy { ($0["score"] as? Double ?? 0) < 0 })
        #expect(Set(hits.compactMap { $0["snippet"] as? String }) == ["我们后来用[软件][管理]数据库。", "我們後來用[軟體][管理]資料庫。"])
        let limited = try hanzi(["index", "search", "--limit", "1", "--open", "<b>", "--close", "</b>", database, "很好"])
        #expect(limited.text.hasSuffix("   今天天气<b>很好</b>。\n"), "\(limited.text)")
        #expect(limited.text.split(separator: "\n").count == 2)
    }

    @Test func ftsSyntaxAndNoMatch() throws {
        let (_, database, files) = try corpus()
        #expect(try hanzi(["index", "add", "--lines", database] + files).status == 0)
        let either = try hanzi(["index", "search", "--fts5", "--json", database, "天氣 OR 下雨"])
        #expect(either.text.split(separator: "\n").count == 2, "\(either.text)")
        let none = try hanzi(["index", "search", database, "飞机"])
        #expect(none.status == 1)
        #expect(none.text == "")
        let syntax = try hanzi(["index", "search", "--fts5", database, "\"unbalanced"])
        #expect(syntax.status == 3)
        #expect(syntax.stderr.contains("index.db"))
    }

    @Test func inputErrors() throws {
        let (directory, database, _) = try corpus()
        let missing = try hanzi(["index", "search", directory.appendingPathComponent("nothing.db").path, "软件"])
        #expect(missing.status == 3)
        let invalid = directory.appendingPathComponent("gbk.txt")
        try Data([0xC4, 0xE3, 0xBA, 0xC3]).write(to: invalid)
        let add = try hanzi(["index", "add", database, invalid.path])
        #expect(add.status == 3)
        #expect(add.stderr.contains("invalid UTF-8 at byte offset 0"))
        let badOption = try hanzi(["index", "add", "--fold", "klingon", database, invalid.path])
        #expect(badOption.status == 64)
    }

    /// What `hanzi index` wrote, the sqlite3 shell with the extension reads alike.
    @Test(.enabled(if: IndexSQLiteShellTests.hasShell, "no /usr/bin/sqlite3: skipped"))
    func theShellFindsWhatTheCommandIndexed() throws {
        try #require(FileManager.default.fileExists(atPath: IndexSQLiteShellTests.extensionPath), "build libHanziFTS5.so first (swift build)")
        let (_, database, files) = try corpus()
        #expect(try hanzi(["index", "add", "--lines", database] + files).status == 0)
        let shell = try IndexSQLiteShellTests.sqlite3(
            "SELECT source, line, highlight(documents, 2, '[', ']') FROM documents WHERE documents MATCH '資料庫' ORDER BY rowid;\n",
            database: database)
        #expect(shell.errors == "")
        #expect(shell.output == "\(files[0])|1|我们后来用软件管理[数据库]。\n\(files[1])|1|我們後來用軟體管理[資料庫]。\n")
    }
}
