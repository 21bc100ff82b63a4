import ArgumentParser
import CHanziFTS5
import HanziFTS5
import HanziKit
#if canImport(Glibc)
import Glibc
#endif

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Full-text search of Chinese text in SQLite, Simplified and Traditional alike.",
        discussion: """
            The index is an SQLite database with an FTS5 table `documents(source, line, body)` \
            tokenized by HanziKit's `hanzi` tokenizer: the tokenizer of the loadable extension \
            libHanziFTS5.so, linked into this command, so that what `hanzi index search` finds, \
            any SQLite user who loads the extension finds too:

              sqlite3 notes.db -cmd '.load libHanziFTS5.so' \\
                "SELECT source, snippet(documents, 2, '[', ']', '…', 24) FROM documents WHERE documents MATCH '软件' ORDER BY rank"

            Examples:
              hanzi index add notes.db articles/*.txt
              hanzi index add --lines notes.db corpus.txt
              hanzi index search notes.db 軟體
            """,
        subcommands: [Add.self, Search.self]
    )

    /// The table `hanzi index` keeps documents in.
    static let table = "documents"

    /// `value` with two decimals, for timings and scores.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let magnitude = Int(abs(hundredths))
        let fraction = magnitude % 100
        return "\(hundredths < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Runs a subcommand's body: SQLite's errors are input errors (exit code 3).
    static func run(_ body: () throws -> Void) throws {
        try withExitCodes {
            do {
                try body()
            } catch let error as Database.Failure {
                printError(error.message)
                throw HanziExit.inputError
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add files to an index: one document per file, or per line with --lines.",
            discussion: """
                Creates DB and its table when missing; the tokenizer options apply then and are kept \
                in the table. Files must be UTF-8. Empty lines are skipped with --lines.

                Examples:
                  hanzi index add notes.db chapter*.txt
                  hanzi index add --lines news.db headlines.txt
                  hanzi index add --fold none --user-dict my_words.txt notes.db *.txt
                """
        )
        @Argument(help: "The SQLite database of the index.")
        var database: String
        @Argument(help: "UTF-8 text files to add.")
        var files: [String]
        @Flag(help: "Make each line of a file a document of its own (with its line number).")
        var lines = false
        @Option(help: ArgumentHelp("Script folding of a new index: hans (Traditional and Simplified match each other) or none.", valueName: "fold"))
        var fold: HanziTokenizerOptions.Fold?
        @Option(help: ArgumentHelp("How a new index cuts documents: search (words and sub-words), accurate or full.", valueName: "mode"))
        var mode: Segmenter.Mode?
        @Flag(help: "Don't join unknown characters into words with the HMM (a new index).")
        var noHMM = false
        @Option(help: ArgumentHelp("A user dictionary in jieba's format for a new index (its path is stored in the index).", valueName: "file"))
        var userDict: String?

        func run() throws {
            try IndexCommand.run {
                var options = HanziTokenizerOptions()
                if let fold { options.fold = fold }
                if let mode { options.mode = mode }
                options.hmm = !noHMM
                if let userDict { options.userDictionary = absolutePath(userDict) }
                // Loads the dictionaries here, where a missing one is reported as such; the
                // tokenizer SQLite creates then finds them loaded.
                _ = try HanziTokenizer(options: options)
                let db = try Database(path: database)
                let existing = try db.tableDefinition(IndexCommand.table)
                if let existing {
                    if fold != nil || mode != nil || noHMM || userDict != nil {
                        printError("note: \(database) exists; its tokenizer options are kept: \(existing)")
                    }
                } else {
                    try db.execute("""
                        CREATE VIRTUAL TABLE \(IndexCommand.table) USING fts5(
                            source UNINDEXED, line UNINDEXED, body, tokenize = \(Database.quoted(tokenizeOption(options), with: "\"")))
                        """)
                }
                let start = ContinuousClock.now
                var documents = 0, bytes = 0
                try db.execute("BEGIN")
                let insert = try db.prepare("INSERT INTO \(IndexCommand.table)(source, line, body) VALUES (?1, ?2, ?3)")
                defer { sqlite3_finalize(insert) }
                for file in files {
                    let text = try read(file)
                    try text.withUnsafeBufferPointer { text in
                        try forEachDocument(in: text) { line, body in
                            sqlite3_bind_text(insert, 1, file, -1, Database.transient)
                            if let line { sqlite3_bind_int64(insert, 2, Int64(line)) } else { sqlite3_bind_null(insert, 2) }
                            sqlite3_bind_text(insert, 3, UnsafeRawPointer(body.baseAddress)?.assumingMemoryBound(to: CChar.self),
                                              Int32(body.count), Database.transient)
                            try db.step(insert)
                            sqlite3_reset(insert)
                            documents += 1
                            bytes += body.count
                        }
                    }
                }
                try db.execute("COMMIT")
                let seconds = Self.seconds(ContinuousClock.now - start)
                print("\(database): added \(documents) documents (\(bytes) bytes) from \(files.count) files in \(IndexCommand.twoDecimals(seconds)) s")
            }
        }

        /// The table's `tokenize` option for `options`, before SQL quoting: values in single
        /// quotes (doubled inside), the only quotes FTS5 reads there.
        private func tokenizeOption(_ options: HanziTokenizerOptions) -> String {
            var option = "\(HanziFTS5.tokenizerName) fold '\(options.fold.rawValue)' mode '\(options.mode.rawValue)' hmm '\(options.hmm ? "on" : "off")'"
            if let path = options.userDictionary { option += " user_dict " + Database.quoted(path, with: "'") }
            return option
        }

        /// The file's bytes, which must be UTF-8.
        private func read(_ file: String) throws -> [UInt8] {
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.read(file)
            } catch let error as LexiconError {
                guard case let .io(_, reason) = error else { throw error }
                throw InputError.unreadable(file, reason)
            }
            if let offset = UTF8Validation.firstInvalidOffset(bytes) {
                throw InputError.invalidUTF8(file, offset: offset, line: 1 + bytes[..<offset].count(where: { $0 == 0x0A }))
            }
            return bytes
        }

        /// Calls `body` with each document of a file: the whole file, or (with --lines) each
        /// non-blank line, without its line break, and its number.
        private func forEachDocument(in text: UnsafeBufferPointer<UInt8>, _ body: (Int?, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
            guard lines else { return try body(nil, text) }
            var start = 0, number = 0
            while start < text.count {
                number += 1
                let newline = text[start...].firstIndex(of: 0x0A) ?? text.count
                var end = newline
                if end > start && text[end - 1] == 0x0D { end -= 1 }
                let line = UnsafeBufferPointer(rebasing: text[start..<end])
                if line.contains(where: { $0 > 0x20 }) { try body(number, line) }
                start = newline + 1
            }
        }

        private func absolutePath(_ path: String) -> String {
            guard !path.hasPrefix("/"), let cwd = getcwd(nil, 0) else { return path }
            defer { free(cwd) }
            return String(cString: cwd) + "/" + path
        }

        static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search an index: ranked hits (bm25) with highlighted snippets.",
            discussion: """
                QUERY is plain text: its words must all occur, each word of it in a row (a phrase); \
                Simplified finds Traditional and the other way round. With --fts5 it is FTS5 query \
                syntax instead (OR, NOT, NEAR(…), "phrases", prefix*, body:…).

                Examples:
                  hanzi index search notes.db 软件
                  hanzi index search notes.db '後來 數據庫' --limit 5
                  hanzi index search --json notes.db 软件
                  hanzi index search --fts5 notes.db '软件 OR 硬件'
                """
        )
        @Argument(help: "The SQLite database of the index.")
        var database: String
        @Argument(help: "What to look for.")
        var query: String
        @Flag(help: "Write one JSON object per hit (rank, source, line, score, snippet).")
        var json = false
        @Option(help: ArgumentHelp("The most hits to show.", valueName: "n"))
        var limit = 10
        @Flag(help: "Read QUERY as FTS5 query syntax.")
        var fts5 = false
        @Option(help: ArgumentHelp("What marks the start of a match in snippets.", valueName: "text"))
        var open = "["
        @Option(help: ArgumentHelp("What marks the end of a match in snippets.", valueName: "text"))
        var close = "]"

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            try IndexCommand.run {
                guard access(database, F_OK) == 0 else { throw InputError.unreadable(database, "no such index") }
                let db = try Database(path: database)
                guard try db.tableDefinition(IndexCommand.table) != nil else {
                    throw Database.Failure(message: "\(database): no \(IndexCommand.table) table; create one with hanzi index add")
                }
                let statement = try db.prepare("""
                    SELECT source, line, snippet(\(IndexCommand.table), 2, ?1, ?2, '…', 32), bm25(\(IndexCommand.table))
                    FROM \(IndexCommand.table) WHERE \(IndexCommand.table) MATCH ?3 ORDER BY rank LIMIT ?4
                    """)
                defer { sqlite3_finalize(statement) }
                sqlite3_bind_text(statement, 1, open, -1, Database.transient)
                sqlite3_bind_text(statement, 2, close, -1, Database.transient)
                sqlite3_bind_text(statement, 3, fts5 ? query : Self.plainTextQuery(query), -1, Database.transient)
                sqlite3_bind_int64(statement, 4, Int64(limit))
                var rank = 0
                var output: [UInt8] = []
                while try db.step(statement) {
                    rank += 1
                    let source = Database.text(statement, 0)
                    let line = sqlite3_column_type(statement, 1) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, 1))
                    let snippet = Database.text(statement, 2)
                    let score = sqlite3_column_double(statement, 3)
                    if json {
                        output += Array(#"{"rank":\#(rank),"source":""#.utf8)
                        appendEscaped(source, to: &output)
                        output += Array(#"","line":\#(line.map(String.init) ?? "null"),"score":\#(score),"snippet":""#.utf8)
                        appendEscaped(snippet, to: &output)
                        output += Array("\"}\n".utf8)
                    } else {
                        let location = line.map { "\(source):\($0)" } ?? source
                        // One line per snippet: a whole-file document's line breaks become spaces.
                        let flat = String(snippet.map { $0.isNewline || $0 == "\t" ? " " : $0 })
                        output += Array("\(rank). \(location)  (bm25 \(IndexCommand.twoDecimals(score)))\n   \(flat)\n".utf8)
                    }
                }
                let stdout = FileOutput(fd: 1)
                stdout.write(output)
                stdout.flush()
                // Exit code 1 when nothing matched, as grep does.
                if rank == 0 { throw HanziExit.found }
            }
        }

        private func appendEscaped(_ text: String, to output: inout [UInt8]) {
            var text = text
            text.withUTF8 { JSONText.appendEscaped($0, to: &output) }
        }

        /// Plain text as an FTS5 query: each whitespace-separated word a quoted string (which
        /// the tokenizer turns into a phrase of its words), all required.
        static func plainTextQuery(_ text: String) -> String {
            text.split(whereSeparator: { $0.isWhitespace }).map { Database.quoted(String($0), with: "\"") }.joined(separator: " ")
        }
    }

    /// A connection to an SQLite database, with the `hanzi` tokenizer registered.
    final class Database {
        private let db: OpaquePointer
        private let path: String

        /// SQLite copies bound values before the call returns.
        static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        init(path: String) throws {
            // Every connection of the process gets the tokenizer, from the same code as
            // libHanziFTS5.so.
            sqlite3_auto_extension(HanziFTS5.autoExtension)
            var db: OpaquePointer?
            let rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
            guard rc == SQLITE_OK, let db else {
                let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
                sqlite3_close(db)
                throw Failure(message: "\(path): \(message)")
            }
            self.db = db
            self.path = path
        }

        deinit { sqlite3_close(db) }

        /// The `CREATE` statement of `table`, or nil when there is no such table.
        func tableDefinition(_ table: String) throws -> String? {
            let statement = try prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1")
            defer { sqlite3_finalize(statement) }
            sqlite3_bind_text(statement, 1, table, -1, Self.transient)
            return try step(statement) ? Self.text(statement, 0) : nil
        }

        func execute(_ sql: String) throws {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw error() }
        }

        func prepare(_ sql: String) throws -> OpaquePointer {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw error() }
            return statement
        }

        /// Steps `statement`: true when it produced a row, false when done.
        @discardableResult
        func step(_ statement: OpaquePointer) throws -> Bool {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw error()
            }
        }

        static func text(_ statement: OpaquePointer, _ column: Int32) -> String {
            guard let text = sqlite3_column_text(statement, column) else { return "" }
            return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
        }

        /// `text` between `quote`s, quotes inside doubled: an SQL string or an FTS5 string.
        static func quoted(_ text: String, with quote: Character) -> String {
            var result = String(quote)
            for character in text {
                if character == quote { result.append(quote) }
                result.append(character)
            }
            result.append(quote)
            return result
        }

        /// An error SQLite reported.
        struct Failure: Error {
            var message: String
        }

        private func error() -> Failure {
            Failure(message: "\(path): \(String(cString: sqlite3_errmsg(db)))")
        }
    }
}

// Segmenter.Mode's conformance is SegmentCommand's.
extension HanziTokenizerOptions.Fold: ExpressibleByArgument {}
