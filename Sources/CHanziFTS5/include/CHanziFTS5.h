#ifndef CHANZIFTS5_H
#define CHANZIFTS5_H

// SQLite's public API, FTS5's tokenizer interface included (Debian's sqlite3.h carries fts5.h).
#include <sqlite3.h>

/// Records the API routines SQLite hands an extension's entry point; every call below goes
/// through them, so the extension works in any host, whichever SQLite it embeds.
void chanzi_fts5_set_api(const void *api);

/// Registers `tokenizer` as the FTS5 tokenizer `name` on `db`, looking FTS5 up with
/// `SELECT fts5(?1)` and `sqlite3_bind_pointer` as SQLite's documentation prescribes.
/// Returns SQLITE_ERROR when the connection has no FTS5.
int chanzi_fts5_register(sqlite3 *db, const char *name, void *context, fts5_tokenizer *tokenizer,
                         void (*destroy)(void *));

/// A copy of `message` allocated with sqlite3_malloc, as an entry point's error message must be.
char *chanzi_fts5_error_message(const char *message);

#endif
