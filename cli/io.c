/* Streaming input in bounded chunks and small output helpers for the CLI. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <sys/stat.h>

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "vntext %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void cli_write(const char *s, size_t n)
{
    if (n && fwrite(s, 1, n, stdout) != n) {
        fprintf(stderr, "vntext: write error: %s\n", strerror(errno));
        exit(CLI_EXIT_IO);
    }
}

int cli_wants_help(int argc, char **argv, const char *help)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--")) break;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(help, stdout);
            return 1;
        }
    }
    return 0;
}

int cli_reader_open(cli_reader *r, const char *path)
{
    memset(r, 0, sizeof *r);
    if (!path || !strcmp(path, "-")) {
        r->f = stdin;
        r->name = "<stdin>";
    } else {
        r->f = fopen(path, "rb");
        r->name = path;
        if (!r->f) {
            fprintf(stderr, "vntext: cannot open %s: %s\n", path, strerror(errno));
            return -1;
        }
    }
    r->cap = CLI_CHUNK_MAX + CLI_CHUNK;
    r->buf = malloc(r->cap);
    if (!r->buf) {
        fprintf(stderr, "vntext: out of memory\n");
        if (r->f != stdin) fclose(r->f);
        r->f = NULL;
        return -1;
    }
    return 0;
}

void cli_reader_close(cli_reader *r)
{
    if (r->f && r->f != stdin) fclose(r->f);
    free(r->buf);
    memset(r, 0, sizeof *r);
}

/* Fill the buffer until it holds at least `want` pending bytes or EOF. */
static int fill(cli_reader *r, size_t want)
{
    if (r->start > 0 && r->len - r->start < want) {
        memmove(r->buf, r->buf + r->start, r->len - r->start);
        r->len -= r->start;
        r->start = 0;
    }
    while (!r->eof && r->len - r->start < want && r->len < r->cap) {
        size_t k = fread(r->buf + r->len, 1, r->cap - r->len, r->f);
        r->len += k;
        if (k == 0) {
            if (ferror(r->f)) {
                fprintf(stderr, "vntext: read error on %s: %s\n", r->name, strerror(errno));
                r->err = 1;
                return -1;
            }
            r->eof = 1;
        }
    }
    return 0;
}

size_t cli_reader_peek(cli_reader *r, const char **data, size_t n)
{
    if (n > CLI_CHUNK_MAX) n = CLI_CHUNK_MAX;
    fill(r, n);
    *data = r->buf + r->start;
    size_t have = r->len - r->start;
    return have < n ? have : n;
}

static int is_cut_byte(unsigned char c)
{
    return c == '\n' || c == ' ' || c == '\t' || c == '\r';
}

/* A cut between bytes a and b that splits nothing in any charset: both ASCII,
 * a no letter (a word, VIQR's "dd", a VNI/Windows-1258 base + mark byte stay
 * whole) and no VIQR modifier, tone or escape (a(' a^. \d stay whole). b
 * ASCII: not a continuation byte, combining mark or mojibake character. */
static int is_safe_pair(unsigned char a, unsigned char b)
{
    if (a >= 0x80 || b >= 0x80) return 0;
    if ((a | 0x20) >= 'a' && (a | 0x20) <= 'z') return 0;
    return a == 0 || !strchr("(^+`'?~.\\", a);
}

int cli_reader_next(cli_reader *r, const char **chunk, size_t *len, size_t *off)
{
    if (r->err) return -1;
    if (fill(r, CLI_CHUNK) < 0) return -1;
    size_t avail = r->len - r->start;
    if (avail == 0) return 0;
    const char *p = r->buf + r->start;
    size_t cut = avail;
    if (!r->eof || avail > CLI_CHUNK_MAX) {
        /* prefer a cut after whitespace, within CLI_CHUNK bytes if possible,
         * else anywhere up to CLI_CHUNK_MAX; read more if none is buffered */
        size_t lim = avail < CLI_CHUNK_MAX ? avail : CLI_CHUNK_MAX;
        size_t i = lim;
        while (i > 0 && !is_cut_byte((unsigned char)p[i - 1]))
            i--;
        if (i == 0 && lim < CLI_CHUNK_MAX && !r->eof) {
            if (fill(r, CLI_CHUNK_MAX) < 0) return -1;
            return cli_reader_next(r, chunk, len, off);
        }
        if (i == 0) {
            /* no whitespace in CLI_CHUNK_MAX bytes: cut between two ASCII
             * bytes that nothing joins (see is_safe_pair), else at a UTF-8
             * boundary before a non-mark character (combining marks start
             * with 0xCC/0xCD) */
            size_t top = (lim == avail && !r->eof) ? lim - 1 : lim;
            for (i = top; i > 0 && !is_safe_pair((unsigned char)p[i - 1], (unsigned char)p[i]);)
                i--;
            if (i == 0) i = top;
            while (i > 1 && i < avail &&
                   (((unsigned char)p[i] & 0xC0) == 0x80 || (unsigned char)p[i] == 0xCC ||
                    (unsigned char)p[i] == 0xCD))
                i--;
        }
        cut = i;
    }
    *chunk = p;
    *len = cut;
    *off = r->offset;
    r->start += cut;
    r->offset += cut;
    return 1;
}

int cli_write_file(const char *path, const void *data, size_t n)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* a device or a pipe (-o /dev/stdout): written as is */
        FILE *o = fopen(path, "wb");
        int bad = !o || fwrite(data, 1, n, o) != n;
        if (o && fclose(o)) bad = 1;
        return bad ? -1 : 0;
    }
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 5);
    if (!tmp) return -1;
    memcpy(tmp, path, pl);
    memcpy(tmp + pl, ".tmp", 5);
    FILE *o = fopen(tmp, "wb");
    int bad = !o || fwrite(data, 1, n, o) != n;
    if (o && fclose(o)) bad = 1;
    if (bad || rename(tmp, path)) {
        remove(tmp);
        bad = 1;
    }
    free(tmp);
    return bad ? -1 : 0;
}
