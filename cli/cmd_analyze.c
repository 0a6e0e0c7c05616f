/* vntext analyze: news articles to structured JSON (issue 4); and the
 * scorer of the analysis on the team's gold set (--eval). */
#include "cli.h"

#include <math.h>
#include <pthread.h>
#include <unistd.h>

static const char help[] =
    "usage: vntext analyze [OPTIONS] [FILE...]\n"
    "  Analyse news articles: structure (title, source, date, lead, paragraphs,\n"
    "  captions, removed residue), sentences with tokens/words/tags, entities\n"
    "  (PER/ORG/LOC/MISC), values (date, time, money, quantity, percent,\n"
    "  duration), keywords and a 3-sentence summary. One JSON object per article.\n"
    "  Each FILE (or stdin) is one article, unless:\n"
    "  --jsonl         input lines are {\"id\",\"text\",\"date\"?,\"url\"?}\n"
    "  --unc           input is a corpus with '# doc_id / # url / # date' headers\n"
    "  --pretty        indented JSON\n"
    "  --no-tokens     leave tokens and words out of the sentences\n"
    "  --date=YYYY-MM-DD  article date for raw input (relative dates, years)\n"
    "  --threads N     analyse on N threads (output keeps the input order)\n"
    "  --model=FILE    segmentation/tagging model (default as in vntext segment)\n"
    "  --no-model      tokens and sentences only\n"
    "  --idf=FILE      keyword statistics (default $VNTEXT_IDF, else news-idf.tsv in\n"
    "                  BIN/../models or BIN/../share/vntext)\n"
    "  --orgs=FILE     organisation names (default $VNTEXT_ORGS, else news-orgs.tsv in\n"
    "                  BIN/../models or BIN/../share/vntext)\n"
    "  --eval [--gold FILE]...  score on gold sets (default tests/gold/analyze-*.tsv):\n"
    "                  P/R/F1 per entity type and value kind, structure accuracy\n";

typedef struct art {
    char *id, *url, *date, *text;
    size_t len;
    char *out; /* JSON */
    size_t out_len;
    int status;
} art;

static void art_free(art *a)
{
    free(a->id), free(a->url), free(a->date), free(a->text), free(a->out);
    memset(a, 0, sizeof *a);
}

static char *dupn(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) {
        fprintf(stderr, "vntext analyze: out of memory\n");
        exit(CLI_EXIT_NOMEM);
    }
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static char *read_all(FILE *f, size_t *n)
{
    size_t cap = 1 << 16, len = 0;
    char *b = malloc(cap);
    size_t k;
    while (b && (k = fread(b + len, 1, cap - len - 1, f)) > 0) {
        len += k;
        if (cap - len - 1 == 0) {
            char *nb = realloc(b, cap * 2);
            if (!nb) return free(b), NULL;
            b = nb;
            cap *= 2;
        }
    }
    if (b) b[len] = 0;
    *n = len;
    return b;
}

/* ---- a small JSON string reader for --jsonl input ---- */
static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

static unsigned hex4(const char *p)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char ch = p[i];
        v <<= 4;
        if (ch >= '0' && ch <= '9')
            v |= (unsigned)(ch - '0');
        else if (ch >= 'a' && ch <= 'f')
            v |= (unsigned)(ch - 'a' + 10);
        else if (ch >= 'A' && ch <= 'F')
            v |= (unsigned)(ch - 'A' + 10);
        else
            return 0xFFFFFFFFu;
    }
    return v;
}

/* p at '"': decode into a new string; returns the end or NULL */
static const char *json_string(const char *p, const char *e, char **out, size_t *olen)
{
    if (p >= e || *p != '"') return NULL;
    p++;
    size_t cap = 64, n = 0;
    char *b = malloc(cap);
    if (!b) return NULL;
    while (p < e && *p != '"') {
        if (n + 8 >= cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) return free(b), NULL;
            b = nb;
        }
        if (*p != '\\') {
            b[n++] = *p++;
            continue;
        }
        if (++p >= e) break;
        char ch = *p++;
        switch (ch) {
        case 'n': b[n++] = '\n'; break;
        case 't': b[n++] = '\t'; break;
        case 'r': b[n++] = '\r'; break;
        case 'b': b[n++] = '\b'; break;
        case 'f': b[n++] = '\f'; break;
        case 'u': {
            if (e - p < 4) goto bad;
            unsigned cp = hex4(p);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && e - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                unsigned lo = hex4(p + 2);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
            }
            if (cp > 0x10FFFF) goto bad;
            size_t k = vnt_utf8_encode(cp, b + n);
            if (!k) k = vnt_utf8_encode(0xFFFD, b + n);
            n += k;
            break;
        }
        default: b[n++] = ch;
        }
    }
    if (p >= e) goto bad;
    b[n] = 0;
    *out = b;
    *olen = n;
    return p + 1;
bad:
    free(b);
    return NULL;
}

/* skip any JSON value (for keys we do not use) */
static const char *json_skip(const char *p, const char *e)
{
    p = skip_ws(p, e);
    if (p >= e) return NULL;
    if (*p == '"') {
        char *s;
        size_t n;
        p = json_string(p, e, &s, &n);
        if (p) free(s);
        return p;
    }
    int depth = 0;
    while (p < e) {
        if (*p == '"') {
            char *s;
            size_t n;
            if (!(p = json_string(p, e, &s, &n))) return NULL;
            free(s);
            continue;
        }
        if (*p == '{' || *p == '[')
            depth++;
        else if (*p == '}' || *p == ']') {
            if (!depth) return p;
            if (--depth == 0) return p + 1;
        } else if (!depth && *p == ',')
            return p;
        p++;
    }
    return p;
}

static int parse_jsonl(const char *p, const char *e, art *a)
{
    p = skip_ws(p, e);
    if (p >= e || *p != '{') return 0;
    p++;
    for (;;) {
        p = skip_ws(p, e);
        if (p < e && *p == '}') break;
        char *k;
        size_t kl;
        if (!(p = json_string(p, e, &k, &kl))) return 0;
        p = skip_ws(p, e);
        if (p >= e || *p != ':') return free(k), 0;
        p = skip_ws(p + 1, e);
        char **dst = !strcmp(k, "id")     ? &a->id
                     : !strcmp(k, "text") ? &a->text
                     : !strcmp(k, "date") ? &a->date
                     : !strcmp(k, "url")  ? &a->url
                                          : NULL;
        free(k);
        if (dst && p < e && *p == '"') {
            char *v;
            size_t vl;
            if (!(p = json_string(p, e, &v, &vl))) return 0;
            free(*dst);
            *dst = v;
            if (dst == &a->text) a->len = vl;
        } else if (!(p = json_skip(p, e)))
            return 0;
        p = skip_ws(p, e);
        if (p < e && *p == ',') {
            p++;
            continue;
        }
        if (p < e && *p == '}') break;
        return 0;
    }
    /* the error message promises a "text" string: a line without one is bad data */
    return a->text != NULL;
}

/* ---- work ---- */
typedef struct job {
    art *arts;
    size_t n;
    const vnt_model *model;
    const char *idf;
    size_t idf_len;
    const char *orgs;
    size_t orgs_len;
    int pretty, no_tokens;
    int tid, nthreads;
    const char *date;
} job;

static void analyze_one(job *j, art *a, vnt_article *va)
{
    vnt_article_opts o;
    memset(&o, 0, sizeof o);
    o.version = VNT_ARTICLE_OPTS_VERSION;
    o.model = j->model;
    o.idf = j->idf;
    o.idf_len = j->idf_len;
    o.orgs = j->orgs;
    o.orgs_len = j->orgs_len;
    o.date = a->date ? a->date : j->date;
    o.flags = j->no_tokens ? VNT_ARTICLE_NO_TOKENS : 0;
    vnt_text t;
    memset(&t, 0, sizeof t);
    vnt_status st = vnt_article_analyze(a->text, a->len, &o, va);
    if (st == VNT_OK) st = vnt_article_json(va, a->text, a->len, a->id, a->url, &o, j->pretty, &t);
    a->status = st;
    a->out = t.data;
    a->out_len = t.len;
    t.data = NULL;
    vnt_text_free(&t);
}

static void *worker(void *p)
{
    job *j = p;
    vnt_article va;
    memset(&va, 0, sizeof va);
    for (size_t i = (size_t)j->tid; i < j->n; i += (size_t)j->nthreads)
        analyze_one(j, &j->arts[i], &va);
    vnt_article_free(&va);
    return NULL;
}

static int run_batch(job *proto, art *arts, size_t n, int threads)
{
    job js[64];
    pthread_t th[64];
    if (threads < 1) threads = 1;
    if (threads > 64) threads = 64;
    for (int t = 0; t < threads; t++) {
        js[t] = *proto;
        js[t].arts = arts;
        js[t].n = n;
        js[t].tid = t;
        js[t].nthreads = threads;
    }
    if (threads == 1)
        worker(&js[0]);
    else {
        for (int t = 0; t < threads; t++)
            if (pthread_create(&th[t], NULL, worker, &js[t])) {
                cli_error("analyze", "cannot start a thread");
                return CLI_EXIT_NOMEM;
            }
        for (int t = 0; t < threads; t++)
            pthread_join(th[t], NULL);
    }
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (arts[i].status != VNT_OK) {
            cli_error("analyze", "%s: %s", arts[i].id ? arts[i].id : "input",
                      vnt_strerror((vnt_status)arts[i].status));
            rc = cli_status_exit((vnt_status)arts[i].status);
        } else {
            cli_write(arts[i].out, arts[i].out_len);
            cli_write("\n", 1);
        }
        art_free(&arts[i]);
    }
    return rc;
}

/* split a UNC corpus into articles */
static size_t unc_split(const char *b, size_t n, art **out)
{
    size_t na = 0, cap = 0;
    art *v = NULL;
    size_t i = 0;
    while (i < n) {
        if (strncmp(b + i, "# doc_id = ", 11) != 0) {
            while (i < n && b[i] != '\n')
                i++;
            i++;
            continue;
        }
        art a;
        memset(&a, 0, sizeof a);
        const char *hdr[3] = {"# doc_id = ", "# url = ", "# date = "};
        char **dst[3] = {&a.id, &a.url, &a.date};
        for (int h = 0; h < 3 && i < n; h++) {
            size_t hl = strlen(hdr[h]);
            if (strncmp(b + i, hdr[h], hl) != 0) break;
            size_t e = i;
            while (e < n && b[e] != '\n')
                e++;
            *dst[h] = dupn(b + i + hl, e - i - hl);
            i = e < n ? e + 1 : n;
        }
        size_t s = i;
        while (i < n && !(strncmp(b + i, "# doc_id = ", 11) == 0 && (i == 0 || b[i - 1] == '\n'))) {
            while (i < n && b[i] != '\n')
                i++;
            if (i < n) i++;
        }
        a.text = dupn(b + s, i - s);
        a.len = i - s;
        if (na == cap) {
            cap = cap ? cap * 2 : 256;
            art *nv = realloc(v, cap * sizeof *v);
            if (!nv) exit(CLI_EXIT_NOMEM);
            v = nv;
        }
        v[na++] = a;
    }
    *out = v;
    return na;
}

/* A model data file: path, else $env, else models/NAME beside the binary
 * (a build tree), else share/vntext/NAME (after make install); absent:
 * NULL, silently. */
char *cli_load_data(const char *path, size_t *n, const char *env_name, const char *name)
{
    char buf[4096], c1[4200];
    if (!path) {
        const char *env = getenv(env_name);
        if (env && *env)
            path = env;
        else {
            ssize_t k = readlink("/proc/self/exe", buf, sizeof buf - 1);
            if (k <= 0) return NULL;
            buf[k] = 0;
            char *sl = strrchr(buf, '/');
            if (!sl) return NULL;
            *sl = 0;
            snprintf(c1, sizeof c1, "%s/../models/%s", buf, name);
            path = c1;
            if (access(path, R_OK) != 0) {
                snprintf(c1, sizeof c1, "%s/../share/vntext/%s", buf, name);
                if (access(path, R_OK) != 0) return NULL;
            }
        }
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        cli_error("analyze", "cannot open %s", path);
        return NULL;
    }
    char *d = read_all(f, n);
    fclose(f);
    return d;
}

int cmd_eval_analyze(int argc, char **argv, const vnt_model *m, const char *idf, size_t idf_len,
                     const char *orgs, size_t orgs_len);

int cmd_analyze(int argc, char **argv)
{
    if (cli_wants_help(argc, argv, help)) return 0;
    int jsonl = 0, unc = 0, pretty = 0, no_tokens = 0, threads = 1, no_model = 0, eval = 0;
    const char *model_path = NULL, *idf_path = NULL, *orgs_path = NULL, *date = NULL;
    const char *files[256];
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "--jsonl"))
            jsonl = 1;
        else if (!strcmp(a, "--unc"))
            unc = 1;
        else if (!strcmp(a, "--pretty"))
            pretty = 1;
        else if (!strcmp(a, "--no-tokens"))
            no_tokens = 1;
        else if (!strcmp(a, "--no-model"))
            no_model = 1;
        else if (!strcmp(a, "--eval"))
            eval = 1;
        else if (cli_is_opt(a, "--gold", NULL) && eval) {
            if (!(v = cli_opt_value(argc, argv, &i, "--gold", NULL))) goto missing;
            if (nf < 256) files[nf++] = v;
        } else if (cli_is_opt(a, "--threads", "-j")) {
            if (!(v = cli_opt_value(argc, argv, &i, "--threads", "-j"))) goto missing;
            threads = atoi(v);
            if (threads < 1 || threads > 64) {
                cli_error("analyze", "--threads must be 1..64");
                return CLI_EXIT_USAGE;
            }
        } else if (cli_is_opt(a, "--model", "-m")) {
            if (!(model_path = cli_opt_value(argc, argv, &i, "--model", "-m"))) goto missing;
        } else if (cli_is_opt(a, "--idf", NULL)) {
            if (!(idf_path = cli_opt_value(argc, argv, &i, "--idf", NULL))) goto missing;
        } else if (cli_is_opt(a, "--orgs", NULL)) {
            if (!(orgs_path = cli_opt_value(argc, argv, &i, "--orgs", NULL))) goto missing;
        } else if (cli_is_opt(a, "--date", NULL)) {
            if (!(date = cli_opt_value(argc, argv, &i, "--date", NULL))) goto missing;
        } else if (a[0] == '-' && a[1]) {
            cli_error("analyze", "unknown option %s", a);
            return CLI_EXIT_USAGE;
        } else if (nf < 256)
            files[nf++] = a;
    }
    vnt_model *m = NULL;
    if (!no_model && !(m = cli_open_model("analyze", model_path))) return CLI_EXIT_IO;
    size_t idf_len = 0;
    char *idf = cli_load_data(idf_path, &idf_len, "VNTEXT_IDF", "news-idf.tsv");
    size_t orgs_len = 0;
    char *orgs = cli_load_data(orgs_path, &orgs_len, "VNTEXT_ORGS", "news-orgs.tsv");
    int rc = 0;
    if (eval) {
        rc = cmd_eval_analyze(nf, (char **)files, m, idf, idf_len, orgs, orgs_len);
        vnt_model_free(m);
        free(idf);
        free(orgs);
        return rc;
    }
    job proto;
    memset(&proto, 0, sizeof proto);
    proto.model = m;
    proto.idf = idf;
    proto.idf_len = idf_len;
    proto.orgs = orgs;
    proto.orgs_len = orgs_len;
    proto.pretty = pretty;
    proto.no_tokens = no_tokens;
    proto.date = date;
    if (!nf) files[nf++] = "-";
    for (int fi = 0; fi < nf && !rc; fi++) {
        FILE *f = strcmp(files[fi], "-") ? fopen(files[fi], "rb") : stdin;
        if (!f) {
            cli_error("analyze", "cannot open %s", files[fi]);
            rc = CLI_EXIT_IO;
            break;
        }
        size_t n;
        char *b = read_all(f, &n);
        if (f != stdin) fclose(f);
        if (!b) {
            cli_error("analyze", "cannot read %s", files[fi]);
            rc = CLI_EXIT_IO;
            break;
        }
        art *arts = NULL;
        size_t na = 0;
        if (unc)
            na = unc_split(b, n, &arts);
        else if (jsonl) {
            size_t cap = 0;
            for (size_t i = 0, ln = 1; i < n; ln++) {
                size_t e = i;
                while (e < n && b[e] != '\n')
                    e++;
                const char *p = skip_ws(b + i, b + e);
                if (p < b + e) {
                    if (na == cap) {
                        cap = cap ? cap * 2 : 256;
                        art *nv = realloc(arts, cap * sizeof *arts);
                        if (!nv) exit(CLI_EXIT_NOMEM);
                        arts = nv;
                    }
                    memset(&arts[na], 0, sizeof arts[na]);
                    if (!parse_jsonl(b + i, b + e, &arts[na])) {
                        cli_error("analyze", "%s:%zu: not a JSON object with a \"text\" string",
                                  files[fi], ln);
                        art_free(&arts[na]);
                        rc = CLI_EXIT_DATA;
                    } else
                        na++;
                }
                i = e + 1;
            }
        } else {
            arts = calloc(1, sizeof *arts);
            if (!arts) exit(CLI_EXIT_NOMEM);
            arts[0].text = b;
            arts[0].len = n;
            b = NULL;
            na = 1;
        }
        free(b);
        /* batches keep memory bounded and output in input order */
        for (size_t s = 0; s < na; s += 256) {
            size_t k = na - s < 256 ? na - s : 256;
            int r = run_batch(&proto, arts + s, k, threads);
            if (r && !rc) rc = r;
        }
        free(arts);
    }
    vnt_model_free(m);
    free(idf);
    free(orgs);
    return rc;
missing:
    cli_error("analyze", "option needs a value");
    return CLI_EXIT_USAGE;
}
