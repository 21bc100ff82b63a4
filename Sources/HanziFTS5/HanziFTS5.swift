import CHanziFTS5

/// Registers the `hanzi` FTS5 tokenizer with SQLite.
///
/// Two ways in:
/// - as a loadable extension: `libHanziFTS5.so` exports the entry point SQLite derives from its
///   file name, so `.load /path/libHanziFTS5.so` in the sqlite3 shell, or
///   `sqlite3_load_extension(db, path, NULL, &error)`, or Python's `conn.load_extension(path)`,
///   registers the tokenizer on that connection;
/// - in a program that links SQLite and this module itself (as `hanzi index` does):
///   `sqlite3_auto_extension(HanziFTS5.autoExtension)` before opening connections.
///
/// Either way the extension calls SQLite only through the routines the host hands it, so it
/// works with whichever SQLite the host embeds; that SQLite needs FTS5 (Debian's has it).
public enum HanziFTS5 {
    /// The tokenizer's name in `CREATE VIRTUAL TABLE … USING fts5(…, tokenize = 'hanzi')`.
    public static let tokenizerName = "hanzi"

    /// The registration as `sqlite3_auto_extension` takes it.
    public static var autoExtension: @convention(c) () -> Void {
        unsafeBitCast(register, to: (@convention(c) () -> Void).self)
    }

    /// SQLite's extension entry point signature: the connection, where to put an error message
    /// (allocated with sqlite3_malloc), and the `sqlite3_api_routines` of the host.
    typealias EntryPoint = @convention(c) (
        OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeRawPointer?
    ) -> Int32

    /// Registers the tokenizer on `db`; SQLITE_OK, or SQLITE_ERROR with a message when the
    /// connection has no FTS5.
    static let register: EntryPoint = { db, errorMessage, api in
        chanzi_fts5_set_api(api)
        guard let db else { return SQLITE_MISUSE }
        var tokenizer = fts5_tokenizer(xCreate: create, xDelete: delete, xTokenize: tokenize)
        // FTS5 copies the struct; the tokenizer keeps no context of its own (the dictionaries
        // are process-wide), so there is nothing to destroy with it.
        let rc = chanzi_fts5_register(db, tokenizerName, nil, &tokenizer, nil)
        if rc != SQLITE_OK {
            errorMessage?.pointee = chanzi_fts5_error_message("HanziFTS5: this SQLite has no FTS5 (fts5_api not found)")
        }
        return rc
    }

    /// `xCreate`: a tokenizer for one table on one connection, from the arguments after
    /// `hanzi` in the table's `tokenize` option. A bad option makes CREATE VIRTUAL TABLE fail
    /// ("error in tokenizer constructor").
    private static let create: @convention(c) (
        UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafePointer<CChar>?>?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Int32 = { _, arguments, count, result in
        var strings: [String] = []
        for i in 0..<Int(max(count, 0)) {
            guard let argument = arguments?[i] else { return SQLITE_ERROR }
            strings.append(String(cString: argument))
        }
        guard let result, let options = try? HanziTokenizerOptions(arguments: strings),
              let tokenizer = try? HanziTokenizer(options: options) else { return SQLITE_ERROR }
        result.pointee = OpaquePointer(Unmanaged.passRetained(tokenizer).toOpaque())
        return SQLITE_OK
    }

    /// `xDelete`: releases what `create` made.
    private static let delete: @convention(c) (OpaquePointer?) -> Void = { instance in
        guard let instance else { return }
        Unmanaged<HanziTokenizer>.fromOpaque(UnsafeRawPointer(instance)).release()
    }

    /// `xTokenize`: queries in accurate mode; documents, and their re-reading by auxiliary
    /// functions (FTS5_TOKENIZE_AUX), in the table's mode. Stops at the first code other than
    /// SQLITE_OK that FTS5's callback returns, and returns it.
    private static let tokenize: @convention(c) (
        OpaquePointer?, UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32,
        (@convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32)?
    ) -> Int32 = { instance, context, flags, text, length, callback in
        guard let instance, let callback else { return SQLITE_MISUSE }
        let tokenizer = Unmanaged<HanziTokenizer>.fromOpaque(UnsafeRawPointer(instance)).takeUnretainedValue()
        let purpose: HanziTokenizer.Purpose = flags & FTS5_TOKENIZE_QUERY != 0 ? .query : .document
        let bytes = UnsafeBufferPointer(
            start: text.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }, count: text == nil ? 0 : Int(max(length, 0)))
        var rc = SQLITE_OK
        tokenizer.tokenize(bytes, for: purpose) { token, range, colocated in
            rc = token.withMemoryRebound(to: CChar.self) {
                callback(context, colocated ? FTS5_TOKEN_COLOCATED : 0, $0.baseAddress, Int32(truncatingIfNeeded: $0.count),
                         Int32(truncatingIfNeeded: range.lowerBound), Int32(truncatingIfNeeded: range.upperBound))
            }
            return rc == SQLITE_OK
        }
        return rc
    }
}

/// The loadable extension's entry point. SQLite derives the name from the file name
/// `libHanziFTS5.so`: `sqlite3_` + its letters after `lib`, lower-cased (digits are skipped) +
/// `_init`. Returns SQLITE_OK_LOAD_PERMANENTLY: Swift code cannot be unloaded safely (the
/// runtime keeps pointers into the library's metadata), so the library must stay loaded when
/// the connection that loaded it closes.
@_cdecl("sqlite3_hanzifts_init")
public func sqlite3_hanzifts_init(
    _ db: OpaquePointer?, _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ api: UnsafeRawPointer?
) -> Int32 {
    let rc = HanziFTS5.register(db, errorMessage, api)
    // SQLITE_OK_LOAD_PERMANENTLY, a macro Swift does not import.
    return rc == SQLITE_OK ? SQLITE_OK | 1 << 8 : rc
}
