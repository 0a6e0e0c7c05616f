/* SQLite FTS5 tokenizer "vietnamese" (FTS5 v1 tokenizer API, SQLite >= 3.20;
 * tested with 3.40). The terms come from vnt_search_terms() with
 * VNT_SEARCH_EXPAND: every syllable in its accented form (other words also
 * in their accent-free form, colocated: FTS5_TOKEN_COLOCATED), and an
 * accent-free query word as all its accented spellings, colocated;
 * multi-syllable words colocated at their first syllable when a
 * segmentation model is available. Options (tokenize = '...'):
 *   accents fold|keep|both   (default both)
 *   compounds 1|0            (default 1 when a model is found)
 *   model PATH               (default $VNTEXT_MODEL, else the
 *                             models/vntext.model next to this library)
 * "accents=fold" (one argument) is accepted as well. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* dladdr: find the default model next to the .so */
#endif
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include "vntext.h"
#include "vntext_fts5.h"

typedef struct vtok {
    vnt_search_opts opts;
    vnt_model *model;
    vnt_terms terms; /* reused between calls; `busy` guards re-entry */
    int busy;
} vtok;

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* $VNTEXT_MODEL, else models/vntext.model beside or above this library. */
static int default_model(char *out, size_t cap)
{
    const char *env = getenv("VNTEXT_MODEL");
    if (env && *env) {
        snprintf(out, cap, "%s", env);
        return file_exists(out);
    }
    Dl_info info;
    if (!dladdr((void *)&vntext_fts5_register, &info) || !info.dli_fname) return 0;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", info.dli_fname);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(dir, sizeof dir, ".");
    static const char *const rel[] = {"/vntext.model", "/../models/vntext.model",
                                      "/../share/vntext/vntext.model"};
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
        snprintf(out, cap, "%s%s", dir, rel[i]);
        if (file_exists(out)) return 1;
    }
    return 0;
}

static void vtok_delete(Fts5Tokenizer *p)
{
    vtok *t = (vtok *)p;
    if (!t) return;
    vnt_terms_free(&t->terms);
    vnt_model_free(t->model);
    sqlite3_free(t);
}

static int vtok_create(void *ctx, const char **az, int n, Fts5Tokenizer **out)
{
    (void)ctx;
    *out = NULL;
    vtok *t = sqlite3_malloc(sizeof *t);
    if (!t) return SQLITE_NOMEM;
    memset(t, 0, sizeof *t);
    t->opts.version = VNT_SEARCH_OPTS_VERSION;
    t->opts.accents = VNT_ACCENTS_BOTH;
    int compounds = -1; /* -1: on if a model is found */
    const char *model = NULL;
    for (int i = 0; i < n; i++) {
        char name[32];
        const char *val;
        const char *eq = strchr(az[i], '=');
        if (eq && (size_t)(eq - az[i]) < sizeof name) {
            memcpy(name, az[i], (size_t)(eq - az[i]));
            name[eq - az[i]] = 0;
            val = eq + 1;
        } else if (i + 1 < n && strlen(az[i]) < sizeof name) {
            snprintf(name, sizeof name, "%s", az[i]);
            val = az[++i];
        } else
            goto bad;
        if (!strcmp(name, "model"))
            model = val;
        else if (vnt_search_option(&t->opts, name, val) != VNT_OK)
            goto bad;
        else if (!strcmp(name, "compounds"))
            compounds = t->opts.compounds;
    }
    if (compounds != 0) {
        char path[4096];
        int have = 0;
        if (model) {
            snprintf(path, sizeof path, "%s", model);
            have = 1;
        } else
            have = default_model(path, sizeof path);
        if (have && vnt_model_open(path, &t->model, NULL, 0) != VNT_OK) {
            t->model = NULL;
            if (model || compounds == 1) goto bad; /* asked for it: say so */
        }
        if (!t->model && compounds == 1) goto bad;
    }
    t->opts.model = t->model;
    t->opts.compounds = t->model != NULL;
    /* half the index terms for the same matches (VNT_SEARCH_EXPAND): FTS5
     * tells the tokenizer whether it indexes or parses a query, which a
     * PostgreSQL dictionary cannot know, so only this engine can use it */
    t->opts.flags |= VNT_SEARCH_EXPAND;
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
bad:
    vtok_delete((Fts5Tokenizer *)t);
    return SQLITE_ERROR;
}

static int vtok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
                         int (*xToken)(void *, int, const char *, int, int, int))
{
    vtok *t = (vtok *)p;
    if (n < 0 || (!text && n)) return SQLITE_MISUSE;
    vnt_search_opts o = t->opts;
    if (flags & FTS5_TOKENIZE_QUERY) {
        o.flags |= VNT_SEARCH_QUERY;
        if (flags & FTS5_TOKENIZE_PREFIX) o.flags |= VNT_SEARCH_PREFIX;
    }
    vnt_terms local = {0};
    vnt_terms *terms = t->busy ? &local : &t->terms;
    int was_busy = t->busy;
    t->busy = 1;
    vnt_status st = vnt_search_terms(text, (size_t)n, &o, terms);
    int rc = st == VNT_OK ? SQLITE_OK : st == VNT_ERR_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    for (size_t i = 0; rc == SQLITE_OK && i < terms->n; i++) {
        const vnt_term *x = &terms->term[i];
        rc = xToken(ctx, (x->flags & VNT_TERM_ALT) ? FTS5_TOKEN_COLOCATED : 0, terms->text + x->off,
                    (int)x->len, (int)x->start, (int)x->end);
    }
    t->busy = was_busy;
    if (terms == &local) vnt_terms_free(&local);
    /* a huge document should not keep its buffers alive (this also drops
     * the key memo, which the next document rebuilds) */
    else if (terms->cap > (1u << 20))
        vnt_terms_free(terms);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static fts5_api *get_fts5_api(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

int vntext_fts5_register(sqlite3 *db)
{
    fts5_api *api = get_fts5_api(db);
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    fts5_tokenizer tk = {vtok_create, vtok_delete, vtok_tokenize};
    return api->xCreateTokenizer(api, "vietnamese", NULL, &tk, NULL);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
    int sqlite3_vntext_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi)
{
    SQLITE_EXTENSION_INIT2(pApi);
    int rc = vntext_fts5_register(db);
    if (rc != SQLITE_OK && pzErrMsg)
        *pzErrMsg = sqlite3_mprintf("vntext: this SQLite has no FTS5 (fts5_api unavailable)");
    return rc;
}

/* The name SQLite derives from the file name build/vntext_sqlite.so, so that
 * ".load build/vntext_sqlite" needs no entry point argument. */
#ifdef _WIN32
__declspec(dllexport)
#endif
    int sqlite3_vntextsqlite_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi)
{
    return sqlite3_vntext_init(db, pzErrMsg, pApi);
}
