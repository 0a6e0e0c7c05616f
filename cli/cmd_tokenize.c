/* vntext tokenize: typed tokens of each input line (or sentence), as text or
 * JSONL with byte offsets into the input. */
#include "cli.h"

static const char tokenize_help[] =
    "usage: vntext tokenize [OPTIONS] [FILE...]\n"
    "\n"
    "Split the input into typed tokens: syllable foreign number date time percent\n"
    "url email hashtag mention phone code abbrev punct symbol other.\n"
    "One output line per input line (empty lines are kept): tokens as TEXT/TYPE\n"
    "separated by one space.\n"
    "\n"
    "  --format=F     text (default) or jsonl: one object per line,\n"
    "                 {\"line\":N,\"tokens\":[{\"start\":S,\"end\":E,\"type\":T,\"text\":X},...]}\n"
    "  --sentences    one output line (object) per sentence instead of per line\n"
    "Offsets are bytes from the start of the input (of each FILE); the text is\n"
    "the input slice as written (invalid UTF-8 shown as U+FFFD in JSONL).\n";

typedef struct out {
    int jsonl, sentences;
    size_t line_no;
    vnt_tokens toks;
    vnt_sentences sents;
    char *buf; /* text being collected: a line, or a paragraph with --sentences */
    size_t len, cap;
    size_t base; /* input offset of buf[0] */
} out_t;

static void put(const char *s)
{
    cli_write(s, strlen(s));
}

static void json_str(const char *s, size_t n)
{
    char tmp[16];
    put("\"");
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            run++;
            continue;
        }
        cli_write(s + i - run, run);
        run = 0;
        if (c >= 0x80) {
            uint32_t cp;
            int k = vnt_utf8_decode(s + i, n - i, &cp);
            if (k > 0) {
                cli_write(s + i, (size_t)k);
                i += (size_t)k;
            } else {
                put("\\ufffd");
                i += (size_t)-k;
            }
            continue;
        }
        if (c == '"' || c == '\\') {
            tmp[0] = '\\';
            tmp[1] = (char)c;
            cli_write(tmp, 2);
        } else {
            snprintf(tmp, sizeof tmp, "\\u%04x", c);
            put(tmp);
        }
        i++;
    }
    cli_write(s + i - run, run);
    put("\"");
}

/* Print tokens [b, e) of o->buf as one output line. */
static void print_tokens(out_t *o, size_t b, size_t e)
{
    char num[96];
    const vnt_tokens *t = &o->toks;
    if (o->jsonl) {
        snprintf(num, sizeof num, "{\"%s\":%zu,\"tokens\":[", o->sentences ? "sentence" : "line",
                 o->line_no);
        put(num);
    }
    for (size_t i = b; i < e; i++) {
        const vnt_token *k = &t->tok[i];
        const char *name = vnt_token_type_name(k->type);
        if (o->jsonl) {
            snprintf(num, sizeof num,
                     "%s{\"start\":%zu,\"end\":%zu,\"type\":\"%s\",\"text\":", i > b ? "," : "",
                     o->base + k->start, o->base + k->end, name);
            put(num);
            json_str(o->buf + k->start, k->end - k->start);
            put("}");
        } else {
            if (i > b) put(" ");
            cli_write(o->buf + k->start, k->end - k->start);
            put("/");
            put(name);
        }
    }
    put(o->jsonl ? "]}\n" : "\n");
    o->line_no++;
}

/* Tokenize what has been collected and print it. */
static int flush(out_t *o)
{
    vnt_status st = vnt_tokenize(o->buf, o->len, 0, &o->toks);
    if (st != VNT_OK) {
        cli_error("tokenize", "%s", vnt_strerror(st));
        return st == VNT_ERR_NOMEM ? CLI_EXIT_NOMEM : CLI_EXIT_DATA;
    }
    if (!o->sentences) {
        print_tokens(o, 0, o->toks.n);
    } else if (o->toks.n) {
        st = vnt_split_sentences(o->buf, o->len, &o->toks, &o->sents);
        if (st != VNT_OK) {
            cli_error("tokenize", "%s", vnt_strerror(st));
            return CLI_EXIT_NOMEM;
        }
        for (size_t i = 0; i < o->sents.n; i++)
            print_tokens(o, o->sents.sent[i].tok_begin, o->sents.sent[i].tok_end);
    }
    o->base += o->len;
    o->len = 0;
    return 0;
}

static int append(out_t *o, const char *s, size_t n)
{
    if (o->len + n > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->len + n)
            cap *= 2;
        char *b = realloc(o->buf, cap);
        if (!b) return CLI_EXIT_NOMEM;
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    return 0;
}

/* Lines: flush at each '\n'. Sentences: flush at a blank line (a sentence
 * never crosses one), or at a line end once the paragraph is large. */
static int feed(out_t *o, const char *c, size_t len)
{
    size_t st = 0;
    for (size_t i = 0; i < len; i++) {
        if (c[i] != '\n') continue;
        int cut = !o->sentences;
        if (o->sentences) {
            /* blank line: only whitespace since the previous '\n' */
            size_t j = i;
            while (j > st && (c[j - 1] == ' ' || c[j - 1] == '\t' || c[j - 1] == '\r'))
                j--;
            int prev_nl = j > st ? c[j - 1] == '\n' : (o->len > 0 && o->buf[o->len - 1] == '\n');
            cut = prev_nl || o->len + (i - st) > CLI_CHUNK_MAX;
        }
        if (!cut) continue;
        int rc = append(o, c + st, i + 1 - st);
        if (!rc) rc = flush(o);
        if (rc) return rc;
        st = i + 1;
    }
    return append(o, c + st, len - st);
}

static int run_file(out_t *o, const char *path)
{
    cli_reader r;
    if (cli_reader_open(&r, path) < 0) return CLI_EXIT_IO;
    o->base = 0;
    o->len = 0;
    o->line_no = 0;
    const char *c;
    size_t len, off;
    int k, rc = 0;
    while (!rc && (k = cli_reader_next(&r, &c, &len, &off)) > 0)
        rc = feed(o, c, len);
    if (!rc && k < 0) rc = CLI_EXIT_IO;
    if (!rc && o->len) rc = flush(o);
    cli_reader_close(&r);
    return rc;
}

int cmd_tokenize(int argc, char **argv)
{
    if (cli_wants_help(argc, argv, tokenize_help)) return 0;
    out_t o;
    memset(&o, 0, sizeof o);
    const char *files[256];
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--format=jsonl"))
            o.jsonl = 1;
        else if (!strcmp(a, "--format=text"))
            o.jsonl = 0;
        else if (!strcmp(a, "--sentences"))
            o.sentences = 1;
        else if (a[0] == '-' && a[1]) {
            cli_error("tokenize", "unknown option '%s' (see --help)", a);
            return CLI_EXIT_USAGE;
        } else if (nf < 256)
            files[nf++] = a;
        else {
            cli_error("tokenize", "too many files");
            return CLI_EXIT_USAGE;
        }
    }
    int rc = 0;
    if (nf == 0) rc = run_file(&o, NULL);
    for (int i = 0; i < nf && !rc; i++)
        rc = run_file(&o, files[i]);
    vnt_tokens_free(&o.toks);
    vnt_sentences_free(&o.sents);
    free(o.buf);
    return rc;
}
