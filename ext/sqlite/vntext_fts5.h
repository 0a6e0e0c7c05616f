/* vntext FTS5 tokenizer "vietnamese" for SQLite (docs/search.md).
 *
 * Loadable: build/vntext_sqlite.so (entry point sqlite3_vntext_init), e.g.
 *   .load build/vntext_sqlite
 * Static: compile ext/sqlite/vntext_fts5.c with -DSQLITE_CORE into a program
 * that links SQLite and libvntext, then call vntext_fts5_register(db) on each
 * connection (or sqlite3_auto_extension on sqlite3_vntext_init). */
#ifndef VNTEXT_FTS5_H
#define VNTEXT_FTS5_H

#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Register the FTS5 tokenizer "vietnamese" on db. SQLITE_OK, or an SQLite
 * error code (SQLITE_ERROR when this SQLite has no FTS5). */
int vntext_fts5_register(sqlite3 *db);

int sqlite3_vntext_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

#ifdef __cplusplus
}
#endif
#endif
