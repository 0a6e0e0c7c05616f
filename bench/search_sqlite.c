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
        free(d);
        free(all);
    }
    return bad;
}
