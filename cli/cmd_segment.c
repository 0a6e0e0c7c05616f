/* vntext segment / vntext tag: words (and UPOS tags) of each input line,
 * as text, JSONL, CoNLL-U or TSV; --threads N runs batches of lines on
 * worker threads and writes them in input order. */
#include "cli.h"

#include <limits.h>
#include <pthread.h>
#include <unistd.h>

static const char segment_help[] =
    "\n"
    "Split each input line into words (segment) and tag them with UD UPOS (tag).\n"
    "One output line per input line (text format): words separated by one space,\n"
    "the syllables of a word joined by '_', punctuation its own word; tag prints\n"
    "word/UPOS.\n"
    "\n"
    "  --format=F     text (default), jsonl (one object per line: sentences, words\n"
    "                 with byte offsets into the input, upos, tokens with type),\n"
    "                 conllu (sentences; MISC TokenRange=start:end), tsv\n"
    "                 (word, upos, start, end; a blank line ends a sentence)\n"
    "  --joiner=S     join the syllables of a word with S (default _)\n"
    "  --threads=N    worker threads (default 1); output stays in input order\n"
    "  --model=FILE   model file; default $VNTEXT_MODEL, else models/vntext.model\n"
    "                 beside the binary's source tree (BIN/../models), else\n"
    "                 BIN/../share/vntext/vntext.model (installed)\n"
    "Offsets are bytes from the start of the input (of each FILE).\n";

enum { FMT_TEXT, FMT_JSONL, FMT_CONLLU, FMT_TSV };

/* The default model: see the help text above. */
vnt_model *cli_open_model(const char *cmd, const char *path)
{
    char buf[PATH_MAX], msg[256];
    const char *env = getenv("VNTEXT_MODEL");
    const char *cands[3] = {path, NULL, NULL};
    char c1[PATH_MAX + 64], c2[PATH_MAX + 64];
    if (!path) {
        cands[0] = env && *env ? env : NULL;
        ssize_t k = readlink("/proc/self/exe", buf, sizeof buf - 1);
        if (k > 0) {
            buf[k] = 0;
            char *sl = strrchr(buf, '/');
            if (sl) {
                *sl = 0;
                snprintf(c1, sizeof c1, "%s/../models/vntext.model", buf);
                snprintf(c2, sizeof c2, "%s/../share/vntext/vntext.model", buf);
                cands[1] = c1;
                cands[2] = c2;
            }
        }
    }
    for (int i = 0; i < 3; i++) {
        if (!cands[i]) continue;
        if (!path && i > 0 && access(cands[i], R_OK) != 0) continue;
        vnt_model *m;
        vnt_status st = vnt_model_open(cands[i], &m, msg, sizeof msg);
        if (st == VNT_OK) return m;
        cli_error(cmd, "%s: %s", cands[i], msg[0] ? msg : vnt_strerror(st));
        return NULL;
    }
    cli_error(cmd, "no model found: use --model FILE or set VNTEXT_MODEL");
    return NULL;
}

/* ----------------------------------------------------------- output */

typedef struct obuf {
    char *d;
    size_t n, cap;
    int failed;
} obuf;

static void oput(obuf *o, const char *s, size_t n)
{
    if (o->failed) return;
    if (o->n + n + 1 > o->cap) {
        size_t nc = o->cap ? o->cap : 4096;
        while (nc < o->n + n + 1)
            nc *= 2;
        char *d = realloc(o->d, nc);
        if (!d) {
            o->failed = 1;
            return;
        }
        o->d = d;
        o->cap = nc;
    }
    memcpy(o->d + o->n, s, n);
    o->n += n;
}
static void ostr(obuf *o, const char *s)
{
    oput(o, s, strlen(s));
}
static void onum(obuf *o, size_t v)
{
    char b[32];
    int k = snprintf(b, sizeof b, "%zu", v);
    oput(o, b, (size_t)k);
}

static void ojson(obuf *o, const char *s, size_t n)
{
    oput(o, "\"", 1);
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            ostr(o, "\\ufffd");
            i += k < 0 ? (size_t)-k : 1;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            oput(o, e, 2);
        } else if (c < 0x20) {
            char e[8];
            snprintf(e, sizeof e, "\\u%04x", c);
            ostr(o, e);
        } else
            oput(o, s + i, (size_t)k);
        i += (size_t)k;
    }
    oput(o, "\"", 1);
}

typedef struct opts {
    int fmt, tag;
    const char *joiner;
} opts;

/* the word's tokens, joined */
static void oword(obuf *o, const char *s, const vnt_doc *d, const vnt_word *w, const char *joiner)
{
    for (size_t t = w->tok_begin; t < w->tok_end; t++) {
        if (t > w->tok_begin) ostr(o, joiner);
        oput(o, s + d->tokens.tok[t].start, d->tokens.tok[t].end - d->tokens.tok[t].start);
    }
}

static void format_line(obuf *o, const char *s, size_t n, size_t base, size_t lineno,
                        const vnt_doc *d, const opts *op)
{
    switch (op->fmt) {
    case FMT_TEXT:
        for (size_t i = 0; i < d->n_words; i++) {
            if (i) oput(o, " ", 1);
            oword(o, s, d, &d->words[i], op->joiner);
            if (op->tag) {
                oput(o, "/", 1);
                ostr(o, vnt_upos_name(d->words[i].upos));
            }
        }
        oput(o, "\n", 1);
        break;
    case FMT_JSONL:
        ostr(o, "{\"line\":");
        onum(o, lineno);
        ostr(o, ",\"start\":");
        onum(o, base);
        ostr(o, ",\"sentences\":[");
        for (size_t si = 0; si < d->sentences.n; si++) {
            const vnt_sentence *se = &d->sentences.sent[si];
            if (si) oput(o, ",", 1);
            ostr(o, "{\"start\":");
            onum(o, base + se->start);
            ostr(o, ",\"end\":");
            onum(o, base + se->end);
            ostr(o, ",\"words\":[");
            for (size_t wi = d->sent_words[si]; wi < d->sent_words[si + 1]; wi++) {
                const vnt_word *w = &d->words[wi];
                if (wi > d->sent_words[si]) oput(o, ",", 1);
                obuf tmp = {0};
                oword(&tmp, s, d, w, " ");
                ostr(o, "{\"word\":");
                ojson(o, tmp.d ? tmp.d : "", tmp.n);
                free(tmp.d);
                ostr(o, ",\"start\":");
                onum(o, base + w->start);
                ostr(o, ",\"end\":");
                onum(o, base + w->end);
                if (op->tag) {
                    ostr(o, ",\"upos\":\"");
                    ostr(o, vnt_upos_name(w->upos));
                    oput(o, "\"", 1);
                }
                ostr(o, ",\"tokens\":[");
                for (size_t t = w->tok_begin; t < w->tok_end; t++) {
                    const vnt_token *tk = &d->tokens.tok[t];
                    if (t > w->tok_begin) oput(o, ",", 1);
                    ostr(o, "{\"text\":");
                    ojson(o, s + tk->start, tk->end - tk->start);
                    ostr(o, ",\"start\":");
                    onum(o, base + tk->start);
                    ostr(o, ",\"end\":");
                    onum(o, base + tk->end);
                    ostr(o, ",\"type\":\"");
                    ostr(o, vnt_token_type_name(tk->type));
                    ostr(o, "\"}");
                }
                ostr(o, "]}");
            }
            ostr(o, "]}");
        }
        ostr(o, "]}\n");
        break;
    case FMT_CONLLU:
        for (size_t si = 0; si < d->sentences.n; si++) {
            const vnt_sentence *se = &d->sentences.sent[si];
            ostr(o, "# text = ");
            for (size_t i = se->start; i < se->end; i++)
                oput(o, (s[i] == '\n' || s[i] == '\r') ? " " : s + i, 1);
            oput(o, "\n", 1);
            size_t id = 1;
            for (size_t wi = d->sent_words[si]; wi < d->sent_words[si + 1]; wi++, id++) {
                const vnt_word *w = &d->words[wi];
                onum(o, id);
                oput(o, "\t", 1);
                oword(o, s, d, w, " ");
                ostr(o, "\t_\t");
                ostr(o, op->tag ? vnt_upos_name(w->upos) : "_");
                ostr(o, "\t_\t_\t_\t_\t_\tTokenRange=");
                onum(o, base + w->start);
                oput(o, ":", 1);
                onum(o, base + w->end);
                oput(o, "\n", 1);
            }
            oput(o, "\n", 1);
        }
        break;
    case FMT_TSV:
        for (size_t si = 0; si < d->sentences.n; si++) {
            for (size_t wi = d->sent_words[si]; wi < d->sent_words[si + 1]; wi++) {
                const vnt_word *w = &d->words[wi];
                oword(o, s, d, w, op->joiner);
                oput(o, "\t", 1);
                ostr(o, op->tag ? vnt_upos_name(w->upos) : "_");
                oput(o, "\t", 1);
                onum(o, base + w->start);
                oput(o, "\t", 1);
                onum(o, base + w->end);
                oput(o, "\n", 1);
            }
            oput(o, "\n", 1);
        }
        break;
    }
    (void)n;
}

/* ------------------------------------------------------ batches, threads */

typedef struct line {
    size_t off, len; /* in the batch buffer */
    size_t base;     /* input offset */
    size_t no;
} line;

/* One per worker, each on its own cache lines (the output buffer and the
 * doc are written per line: sharing a line would make the threads fight). */
typedef struct job {
    _Alignas(64) const vnt_model *m;
    const opts *op;
    const char *buf;
    const line *lines;
    size_t a, b;
    obuf out;
    vnt_doc doc;
    vnt_status st;
} job;

static void *run_job(void *arg)
{
    job *j = arg;
    j->out.n = 0;
    for (size_t i = j->a; i < j->b; i++) {
        const line *l = &j->lines[i];
        vnt_status st = vnt_analyze(j->m, j->buf + l->off, l->len,
                                    j->op->tag ? 0 : VNT_ANALYZE_NO_TAG, &j->doc);
        if (st != VNT_OK) {
            j->st = st;
            return NULL;
        }
        format_line(&j->out, j->buf + l->off, l->len, l->base, l->no, &j->doc, j->op);
    }
    return NULL;
}

#define BATCH_BYTES (1u << 20)

/* A batch of whole input lines. */
typedef struct batch {
    char *buf;
    size_t cap, n;
    line *lines;
    size_t nl, lcap;
} batch;

/* Read up to BATCH_BYTES of whole lines into b; 0 or a CLI exit code. */
static int read_batch(const char *cmd, FILE *f, batch *b, char **lb, size_t *lbcap, size_t *base,
                      size_t *lineno, int *eof)
{
    b->n = 0;
    b->nl = 0;
    while (!*eof && b->n < BATCH_BYTES) {
        ssize_t k = getline(lb, lbcap, f);
        if (k < 0) {
            *eof = 1;
            break;
        }
        size_t len = (size_t)k;
        size_t body = len;
        if (body && (*lb)[body - 1] == '\n') body--;
        if (body && (*lb)[body - 1] == '\r') body--;
        if (b->n + len + 1 > b->cap) {
            size_t nc = b->cap ? b->cap * 2 : BATCH_BYTES * 2;
            while (nc < b->n + len + 1)
                nc *= 2;
            char *nb = realloc(b->buf, nc);
            if (!nb) return CLI_EXIT_NOMEM;
            b->buf = nb;
            b->cap = nc;
        }
        if (b->nl == b->lcap) {
            size_t nc = b->lcap ? b->lcap * 2 : 1024;
            line *ln = realloc(b->lines, nc * sizeof *ln);
            if (!ln) return CLI_EXIT_NOMEM;
            b->lines = ln;
            b->lcap = nc;
        }
        memcpy(b->buf + b->n, *lb, len);
        b->lines[b->nl] = (line){b->n, body, *base, ++*lineno};
        b->nl++;
        b->n += len;
        *base += len;
    }
    if (ferror(f)) {
        cli_error(cmd, "read error");
        return CLI_EXIT_IO;
    }
    return 0;
}

/* With threads, the workers analyze one batch while this thread reads the
 * next (reading is serial work that would otherwise leave the workers
 * idle); outputs are written in input order after each batch. */
static int process(const char *cmd, FILE *f, const vnt_model *m, const opts *op, int nthreads,
                   job *jobs, size_t *lineno)
{
    batch bt[2] = {{0}};
    int cur = 0, rc = 0, eof = 0;
    char *lb = NULL;
    size_t lbcap = 0, base = 0;
    if ((rc = read_batch(cmd, f, &bt[cur], &lb, &lbcap, &base, lineno, &eof)) != 0) goto out;
    while (bt[cur].nl) {
        const batch *b = &bt[cur];
        size_t nl = b->nl;
        int nt = nthreads;
        if ((size_t)nt > nl) nt = (int)nl;
        pthread_t th[64];
        int started[64] = {0};
        size_t next = 0; /* lines split by bytes, so the workers finish together */
        for (int t = 0; t < nt; t++) {
            job *j = &jobs[t];
            j->m = m;
            j->op = op;
            j->buf = b->buf;
            j->lines = b->lines;
            j->a = next;
            size_t until = b->n / (size_t)nt * (size_t)(t + 1);
            while (next < nl && (t == nt - 1 || b->lines[next].off < until))
                next++;
            j->b = next;
            j->st = VNT_OK;
            if (nthreads > 1 && pthread_create(&th[t], NULL, run_job, j) == 0) started[t] = 1;
        }
        int rrc = 0;
        if (eof)
            bt[1 - cur].nl = 0; /* nothing left: this was the last batch */
        else
            rrc = read_batch(cmd, f, &bt[1 - cur], &lb, &lbcap, &base, lineno, &eof);
        for (int t = 0; t < nt; t++) {
            if (started[t])
                pthread_join(th[t], NULL);
            else
                run_job(&jobs[t]); /* one thread, or no thread could start */
        }
        for (int t = 0; t < nt; t++) {
            if (jobs[t].st != VNT_OK) {
                cli_error(cmd, "%s", vnt_strerror(jobs[t].st));
                rc = cli_status_exit(jobs[t].st);
                goto out;
            }
            if (jobs[t].out.failed) {
                rc = CLI_EXIT_NOMEM;
                goto out;
            }
            cli_write(jobs[t].out.d, jobs[t].out.n);
        }
        if ((rc = rrc) != 0) goto out;
        cur = 1 - cur;
    }
out:
    free(lb);
    for (int k = 0; k < 2; k++) {
        free(bt[k].buf);
        free(bt[k].lines);
    }
    return rc;
}

static int run(int argc, char **argv, int tag)
{
    const char *cmd = tag ? "tag" : "segment";
    char help[sizeof segment_help + 64];
    snprintf(help, sizeof help, "usage: vntext %s [OPTIONS] [FILE...]\n%s", cmd, segment_help);
    if (cli_wants_help(argc, argv, help)) return 0;
    opts op = {FMT_TEXT, tag, "_"};
    const char *model = NULL;
    int threads = 1;
    const char *files[256];
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (cli_is_opt(a, "--format", "-f")) {
            if (!(v = cli_opt_value(argc, argv, &i, "--format", "-f"))) goto missing;
            if (!strcmp(v, "text"))
                op.fmt = FMT_TEXT;
            else if (!strcmp(v, "jsonl"))
                op.fmt = FMT_JSONL;
            else if (!strcmp(v, "conllu"))
                op.fmt = FMT_CONLLU;
            else if (!strcmp(v, "tsv"))
                op.fmt = FMT_TSV;
            else {
                cli_error(cmd, "unknown format '%s' (text, jsonl, conllu, tsv)", v);
                return CLI_EXIT_USAGE;
            }
        } else if (cli_is_opt(a, "--joiner", "-j")) {
            if (!(v = cli_opt_value(argc, argv, &i, "--joiner", "-j"))) goto missing;
            op.joiner = v;
        } else if (cli_is_opt(a, "--threads", "-t")) {
            if (!(v = cli_opt_value(argc, argv, &i, "--threads", "-t"))) goto missing;
            threads = atoi(v);
            if (threads < 1 || threads > 64) {
                cli_error(cmd, "--threads must be 1..64");
                return CLI_EXIT_USAGE;
            }
        } else if (cli_is_opt(a, "--model", "-m")) {
            if (!(model = cli_opt_value(argc, argv, &i, "--model", "-m"))) goto missing;
        } else if (a[0] == '-' && a[1]) {
            cli_error(cmd, "unknown option '%s' (see --help)", a);
            return CLI_EXIT_USAGE;
        } else if (nf < 256)
            files[nf++] = a;
        continue;
    missing:
        cli_error(cmd, "option '%s' needs a value", a);
        return CLI_EXIT_USAGE;
    }
    vnt_model *m = cli_open_model(cmd, model);
    if (!m) return CLI_EXIT_IO;
    job jobs[64];
    memset(jobs, 0, sizeof jobs);
    int rc = 0;
    if (!nf) files[nf++] = "-";
    for (int i = 0; i < nf && !rc; i++) {
        FILE *f = strcmp(files[i], "-") ? fopen(files[i], "rb") : stdin;
        if (!f) {
            cli_error(cmd, "cannot open %s", files[i]);
            rc = CLI_EXIT_IO;
            break;
        }
        size_t lineno = 0;
        rc = process(cmd, f, m, &op, threads, jobs, &lineno);
        if (f != stdin) fclose(f);
    }
    for (int t = 0; t < 64; t++) {
        vnt_doc_free(&jobs[t].doc);
        free(jobs[t].out.d);
    }
    vnt_model_free(m);
    return rc;
}

int cmd_segment(int argc, char **argv)
{
    return run(argc, argv, 0);
}
int cmd_tag(int argc, char **argv)
{
    return run(argc, argv, 1);
}
