#include <sqlite3ext.h>
#include <string.h>
#include "CHanziFTS5.h"

// Static rather than SQLITE_EXTENSION_INIT1's global: SQLite loads extensions with
// RTLD_GLOBAL, and a global `sqlite3_api` could bind to another extension's copy.
static const sqlite3_api_routines *sqlite3_api = 0;

void chanzi_fts5_set_api(const void *api) {
    sqlite3_api = (const sqlite3_api_routines *)api;
}

static fts5_api *fts5_api_of(sqlite3 *db) {
    fts5_api *api = 0;
    sqlite3_stmt *statement = 0;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

int chanzi_fts5_register(sqlite3 *db, const char *name, void *context, fts5_tokenizer *tokenizer,
                         void (*destroy)(void *)) {
    fts5_api *api = fts5_api_of(db);
    // Version 2 is the first with xCreateTokenizer as declared here.
    if (api == 0 || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateTokenizer(api, name, context, tokenizer, destroy);
}

char *chanzi_fts5_error_message(const char *message) {
    return sqlite3_mprintf("%s", message);
}
