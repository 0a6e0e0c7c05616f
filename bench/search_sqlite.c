/* SQLite FTS5 index build speed and query latency (issue 5, docs/search.md):
 * the tokenizer "vietnamese" (compounds 1 and 0) beside the built-in
 * "unicode61 remove_diacritics 2", in the same run, on the news corpus and
 * on the Wikipedia text in ../shared/data (or $VNT_SHARED).
 *
 *   build/bench/search_sqlite [--wiki-mb N] [--reps N] [--model PATH]
 *
 * Each configuration runs in its own forked process, so its peak RSS is its
 * own. Build: one transaction of INSERTs into an in-memory FTS5 table (the
 * tokenizer dominates; no disk), MB/s of document bytes in CPU time (on a
 * shared machine CPU time varies much less than wall time; VNT_BENCH_WALL=1
 * for wall time). Query: every query of tests/search/queries.tsv as a
 * phrase, `SELECT count(*) ... MATCH`, median and 95th percentile over
 * --reps runs. Prints SKIP when the corpus is absent. */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vntext.h"
#include "vntext_fts5.h"

static double cpu_now(void)
{
    static int wall = -1;
    if (wall < 0) wall = getenv("VNT_BENCH_WALL") != NULL;
    struct timespec ts;
    clock_gettime(wall ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(len > 0 ? (size_t)len + 1 : 1);
    *n = b ? fread(b, 1, len > 0 ? (size_t)len : 0, f) : 0;
    fclose(f);
    if (b) b[*n] = 0;
    return b;
}

typedef struct {
    const char *p;
    int n;
} span;

/* Documents: news articles start at "# doc_id", Wikipedia articles at
 * "# title = "; other "# " header lines (url, date) are not indexed. */
static span *split_docs(char *all, size_t n, const char *mark, size_t limit, size_t *n_docs,
                        size_t *bytes)
{
    size_t cap = 1024, nd = 0, total = 0;
    span *d = malloc(cap * sizeof *d);
    char *p = all, *end = all + n;
    while (p < end) {
        char *next = strstr(p + 1, mark);
        while (next && next > all && next[-1] != '\n')
            next = strstr(next + 1, mark);
        if (!next) next = end;
        char *body = p;
        /* skip the header lines of this document */
        while (body < next && body[0] == '#' && body + 1 < next && body[1] == ' ') {
            char *nl = memchr(body, '\n', (size_t)(next - body));
            body = nl ? nl + 1 : next;
        }
        if (next > body) {
            if (nd == cap) d = realloc(d, (cap *= 2) * sizeof *d);
            d[nd].p = body;
            d[nd].n = (int)(next - body);
            total += (size_t)d[nd].n;
            nd++;
        }
        p = next;
        if (limit && total >= limit) break;
    }
    *n_docs = nd;
    *bytes = total;
    return d;
}

typedef struct {
    char q[300];
} query;

static query qs[128];
static size_t n_qs;

static void load_queries(const char *path)
{
    size_t n;
    char *all = read_all(path, &n);
    if (!all) return;
    char *save = NULL;
    for (char *line = strtok_r(all, "\n", &save); line && n_qs < 128;
         line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#') continue;
        char *t1 = strchr(line, '\t');
        if (!t1) continue;
        char *t2 = strchr(t1 + 1, '\t');
        if (t2) *t2 = 0;
        size_t ql = strlen(t1 + 1);
        int prefix = ql && t1[ql] == '*';
        if (prefix) t1[ql] = 0;
        snprintf(qs[n_qs++].q, sizeof qs[0].q, "\"%s\"%s", t1 + 1, prefix ? " *" : "");
    }
    free(all);
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static long rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* One configuration, in a child process. Prints one line. */
static int run_one(const char *corpus, const char *label, const char *tokenize, const span *d,
                   size_t nd, size_t bytes, int reps, double base_mbs, double *mbs_out)
{
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || vntext_fts5_register(db) != SQLITE_OK) {
        printf("FAIL %s %s: cannot open SQLite / register the tokenizer\n", corpus, label);
        return 1;
    }
    long rss0 = rss_kb();
    char sql[512];
    snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize=\"%s\")", tokenize);
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        printf("FAIL %s %s: %s\n", corpus, label, err ? err : "?");
        return 1;
    }
    sqlite3_stmt *ins;
    sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES(?1)", -1, &ins, NULL);
    double w0 = wall_now(), c0 = cpu_now();
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    for (size_t i = 0; i < nd; i++) {
        sqlite3_bind_text(ins, 1, d[i].p, d[i].n, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            printf("FAIL %s %s: insert: %s\n", corpus, label, sqlite3_errmsg(db));
            return 1;
        }
        sqlite3_reset(ins);
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    double c1 = cpu_now(), w1 = wall_now();
    sqlite3_finalize(ins);
    double mbs = (double)bytes / 1e6 / (c1 - c0);

    /* queries */
    double *lat = malloc(n_qs * (size_t)reps * sizeof *lat);
    size_t nl = 0;
    long hits = 0;
    sqlite3_stmt *q;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &q, NULL);
    for (int r = 0; r < reps; r++)
        for (size_t i = 0; i < n_qs; i++) {
            double t0 = wall_now();
            sqlite3_bind_text(q, 1, qs[i].q, -1, SQLITE_STATIC);
            if (sqlite3_step(q) == SQLITE_ROW && r == 0) hits += sqlite3_column_int(q, 0);
            sqlite3_reset(q);
            lat[nl++] = (wall_now() - t0) * 1e6;
        }
    sqlite3_finalize(q);
    qsort(lat, nl, sizeof *lat, cmp_d);
    double p50 = nl ? lat[nl / 2] : 0, p95 = nl ? lat[nl * 95 / 100] : 0;
    free(lat);
    long rss1 = rss_kb();
    char ratio[32] = "";
    if (base_mbs > 0) snprintf(ratio, sizeof ratio, "%5.2fx", mbs / base_mbs);
    *mbs_out = mbs;
    printf("  %-6s %-26s build %6.1f MB/s %6s (cpu %5.2f s, wall %5.2f s)  query p50 %7.0f us "
           "p95 %7.0f us (%zu q, %ld hits)  peak RSS +%ld MB\n",
           corpus, label, mbs, ratio, c1 - c0, w1 - w0, p50, p95, n_qs, hits, (rss1 - rss0) / 1024);
    fflush(stdout);
    sqlite3_close(db);
    return 0;
}

/* ------------------------------------------------ where the time goes
 * The build time of a configuration is its tokenizer's time plus FTS5's
 * work on the terms it gives. To see each part: unicode61's tokenizer alone
 * (a callback that does nothing), vnt_search_terms alone (as the tokenizer
 * calls it: one terms object reused, document mode, VNT_SEARCH_EXPAND), and
 * FTS5 storing the same terms handed over by a tokenizer that only replays
 * them, so the replay time is FTS5's own share. */

typedef struct {
    const char *text;
    int len, flags, start, end;
} replay_tok;

static replay_tok *rp_tok;
static size_t *rp_doc; /* rp_doc[i]..rp_doc[i + 1]: the terms of document i */
static size_t rp_cur;

static int rp_create(void *ctx, const char **az, int n, Fts5Tokenizer **out)
{
    (void)ctx, (void)az, (void)n;
    *out = (Fts5Tokenizer *)&rp_cur; /* any non-NULL handle */
    return SQLITE_OK;
}

static void rp_delete(Fts5Tokenizer *t)
{
    (void)t;
}

static int rp_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
                       int (*xToken)(void *, int, const char *, int, int, int))
{
    (void)t, (void)flags, (void)text, (void)n;
    for (size_t i = rp_doc[rp_cur]; i < rp_doc[rp_cur + 1]; i++) {
        int rc = xToken(ctx, rp_tok[i].flags, rp_tok[i].text, rp_tok[i].len, rp_tok[i].start,
                        rp_tok[i].end);
        if (rc) return rc;
    }
    rp_cur++;
    return SQLITE_OK;
}

static int noop_token(void *ctx, int flags, const char *t, int n, int s, int e)
{
    (void)ctx, (void)flags, (void)t, (void)n, (void)s, (void)e;
    return SQLITE_OK;
}

static fts5_api *fts5_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

/* CPU seconds of vnt_search_terms over the documents (best of 3 passes);
 * with `keep`, the terms of the last pass are kept for the replay. */
static double time_terms(const span *d, size_t nd, const vnt_search_opts *o, int keep, char **arena,
                         size_t *n_terms)
{
    double best = 1e30;
    vnt_terms t = {0};
    for (int pass = 0; pass < 3; pass++) {
        double c0 = cpu_now();
        for (size_t i = 0; i < nd; i++)
            if (vnt_search_terms(d[i].p, (size_t)d[i].n, o, &t) != VNT_OK) return -1;
        double c = cpu_now() - c0;
        if (c < best) best = c;
    }
    *n_terms = 0;
    if (keep) { /* once more, copying the terms out */
        size_t used = 0, cap_tok = 1 << 20, nt = 0, text_cap = 1 << 24;
        rp_tok = malloc(cap_tok * sizeof *rp_tok);
        rp_doc = malloc((nd + 1) * sizeof *rp_doc);
        char *txt = malloc(text_cap);
        for (size_t i = 0; i < nd; i++) {
            rp_doc[i] = nt;
            vnt_search_terms(d[i].p, (size_t)d[i].n, o, &t);
            for (size_t k = 0; k < t.n; k++) {
                const vnt_term *x = &t.term[k];
                if (nt == cap_tok) rp_tok = realloc(rp_tok, (cap_tok *= 2) * sizeof *rp_tok);
                while (used + x->len + 1 > text_cap)
                    txt = realloc(txt, text_cap *= 2);
                memcpy(txt + used, t.text + x->off, x->len);
                rp_tok[nt].text = (const char *)(uintptr_t)used; /* rebased below */
                rp_tok[nt].len = (int)x->len;
                rp_tok[nt].flags = (x->flags & VNT_TERM_ALT) ? FTS5_TOKEN_COLOCATED : 0;
                rp_tok[nt].start = (int)x->start;
                rp_tok[nt].end = (int)x->end;
                used += x->len;
                nt++;
            }
        }
        rp_doc[nd] = nt;
        for (size_t k = 0; k < nt; k++)
            rp_tok[k].text = txt + (uintptr_t)rp_tok[k].text;
        *arena = txt;
        *n_terms = nt;
    }
    vnt_terms_free(&t);
    return best;
}

/* FTS5's CPU seconds for storing the kept terms (one transaction). */
static double time_replay(const span *d, size_t nd)
{
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return -1;
    fts5_api *api = fts5_of(db);
    fts5_tokenizer tk = {rp_create, rp_delete, rp_tokenize};
    if (!api || api->xCreateTokenizer(api, "replay", NULL, &tk, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize=replay)", NULL, NULL,
                     NULL) != SQLITE_OK)
        return -1;
    sqlite3_stmt *ins;
    sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES(?1)", -1, &ins, NULL);
    rp_cur = 0;
    double c0 = cpu_now();
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    for (size_t i = 0; i < nd; i++) {
        sqlite3_bind_text(ins, 1, d[i].p, d[i].n, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) return -1;
        sqlite3_reset(ins);
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    double c = cpu_now() - c0;
    sqlite3_finalize(ins);
    sqlite3_close(db);
    return c;
}

/* Prints the parts; base_s is unicode61's whole build (CPU s) from the
 * same run. Returns 0, or 1 if something failed. */
static int breakdown(const char *corpus, const span *d, size_t nd, double base_s,
                     const char *model_path)
{
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
    fts5_api *api = fts5_of(db);
    void *ud;
    fts5_tokenizer u61;
    Fts5Tokenizer *ut;
    const char *args[] = {"remove_diacritics", "2"};
    if (!api || api->xFindTokenizer(api, "unicode61", &ud, &u61) != SQLITE_OK ||
        u61.xCreate(ud, args, 2, &ut) != SQLITE_OK)
        return 1;
    double u_tok = 1e30;
    for (int pass = 0; pass < 3; pass++) {
        double c0 = cpu_now();
        for (size_t i = 0; i < nd; i++)
            u61.xTokenize(ut, NULL, FTS5_TOKENIZE_DOCUMENT, d[i].p, d[i].n, noop_token);
        double c = cpu_now() - c0;
        if (c < u_tok) u_tok = c;
    }
    u61.xDelete(ut);
    sqlite3_close(db);
    vnt_model *m = NULL;
    if (vnt_model_open(model_path, &m, NULL, 0) != VNT_OK) return 1;
    printf("  %-6s where the time goes, CPU s: unicode61 build %.3f = its tokenizer %.3f + FTS5 "
           "%.3f\n",
           corpus, base_s, u_tok, base_s - u_tok);
    double terms_s[2] = {0, 0}, fts_s[2] = {0, 0};
    for (int c = 0; c < 2; c++) {
        vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_BOTH, c, c ? m : NULL,
                             VNT_SEARCH_EXPAND};
        char *arena = NULL;
        size_t nt = 0;
        terms_s[c] = time_terms(d, nd, &o, 1, &arena, &nt);
        fts_s[c] = time_replay(d, nd);
        free(arena);
        free(rp_tok);
        free(rp_doc);
        if (terms_s[c] < 0 || fts_s[c] < 0) return 1;
        printf("  %-6s   vietnamese compounds %d: vnt_search_terms %.3f + FTS5 storing its %.2f M "
               "terms %.3f (%.2fx unicode61's whole build)\n",
               corpus, c, terms_s[c], (double)nt / 1e6, fts_s[c], fts_s[c] / base_s);
        fflush(stdout);
    }
    printf("  %-6s   0.5x unicode61 is %.3f s: FTS5's share of compounds 1 leaves %.3f s for its "
           "terms, which take %.3f s (%.3f without segmentation)\n",
           corpus, 2 * base_s, 2 * base_s - fts_s[1], terms_s[1], terms_s[0]);
    fflush(stdout); /* the child leaves with _exit */
    vnt_model_free(m);
    return 0;
}

int main(int argc, char **argv)
{
    size_t wiki_mb = 20;
    int reps = 20;
    const char *model = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--wiki-mb") && i + 1 < argc)
            wiki_mb = (size_t)atol(argv[++i]);
        else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--model") && i + 1 < argc)
            model = argv[++i];
        else {
            fprintf(stderr, "usage: search_sqlite [--wiki-mb N (0: all)] [--reps N] [--model "
                            "PATH]\n");
            return 2;
        }
    }
    if (!model) model = getenv("VNTEXT_MODEL");
    if (!model) model = "models/vntext.model";
    if (access(model, R_OK) != 0) {
        printf("SKIP search_sqlite: no segmentation model %s (compounds need it)\n", model);
        return 0;
    }
    const char *root = getenv("VNT_SHARED");
    if (!root || !*root) root = "../shared";
    load_queries("tests/search/queries.tsv");
    if (!n_qs) {
        printf("SKIP search_sqlite: tests/search/queries.tsv not found (run from the repo root)\n");
        return 0;
    }
    struct {
        const char *name, *rel, *mark;
        size_t limit;
    } corp[] = {{"news", "data/news/unc_dantri_2020_2021.txt", "# doc_id", 0},
                {"wiki", "data/wiki/viwiki-7878.txt", "# title = ", wiki_mb << 20}};
    char tk_comp[600], tk_nocomp[64];
    snprintf(tk_comp, sizeof tk_comp, "vietnamese compounds 1 model '%s'", model);
    snprintf(tk_nocomp, sizeof tk_nocomp, "vietnamese compounds 0");
    struct {
        const char *label, *tokenize;
    } cfg[] = {{"unicode61 rd2 (baseline)", "unicode61 remove_diacritics 2"},
               {"vietnamese compounds 0", tk_nocomp},
               {"vietnamese compounds 1", tk_comp}};
    printf("SQLite %s, FTS5 in memory, one transaction; MB/s in %s time; %zu queries x %d\n",
           sqlite3_libversion(), getenv("VNT_BENCH_WALL") ? "wall" : "CPU", n_qs, reps);
    int bad = 0;
    for (size_t c = 0; c < sizeof corp / sizeof *corp; c++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", root, corp[c].rel);
        size_t n;
        char *all = read_all(path, &n);
        if (!all) {
            printf("SKIP search_sqlite %s: %s is absent\n", corp[c].name, path);
            continue;
        }
        size_t nd, bytes;
        span *d = split_docs(all, n, corp[c].mark, corp[c].limit, &nd, &bytes);
        printf("%s: %zu documents, %.1f MB\n", corp[c].name, nd, (double)bytes / 1e6);
        fflush(stdout);
        double base = 0;
        for (size_t k = 0; k < sizeof cfg / sizeof *cfg; k++) {
            int fd[2];
            if (pipe(fd) != 0) return 1;
            pid_t pid = fork();
            if (pid == 0) {
                close(fd[0]);
                double mine = 0;
                int rc = run_one(corp[c].name, cfg[k].label, cfg[k].tokenize, d, nd, bytes, reps,
                                 base, &mine);
                /* the MB/s goes back to the parent for the ratios */
                fflush(stdout);
                ssize_t w = write(fd[1], &mine, sizeof mine);
                (void)w;
                _exit(rc);
            }
            close(fd[1]);
            int st = 0;
            double got = 0;
            if (read(fd[0], &got, sizeof got) == (ssize_t)sizeof got && k == 0) base = got;
            waitpid(pid, &st, 0);
            if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) bad = 1;
            close(fd[0]);
        }
        if (base > 0) { /* the parts, in a child too (it maps the model, keeps terms) */
            fflush(stdout);
            pid_t pid = fork();
            if (pid == 0) _exit(breakdown(corp[c].name, d, nd, (double)bytes / 1e6 / base, model));
            int st = 0;
            waitpid(pid, &st, 0);
            if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
                printf("FAIL %s: time breakdown\n", corp[c].name);
                bad = 1;
            }
        }
        free(d);
        free(all);
    }
    return bad;
}
