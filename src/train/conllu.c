/* A small CoNLL-U reader: sentences with their "# text" line, and per word
 * FORM and UPOS (enough to train and evaluate segmentation and tagging). */
#include "train.h"

#include <stdio.h>

vnt_status vnt__read_file(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return VNT_ERR_IO;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t k = fread(buf + n, 1, cap - n - 1, f);
        n += k;
        if (k == 0) break;
        if (cap - n - 1 == 0) {
            char *nb = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int err = ferror(f);
    fclose(f);
    if (!buf) return VNT_ERR_NOMEM;
    if (err) {
        free(buf);
        return VNT_ERR_IO;
    }
    buf[n] = 0;
    *data = buf;
    *len = n;
    return VNT_OK;
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 1;
    size_t nc = *cap ? *cap * 2 : 256;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, nc * elem);
    if (!q) return 0;
    *p = q;
    *cap = nc;
    return 1;
}

vnt_status vnt__corpus_parse(const char *s, size_t n, vnt__corpus *c)
{
    memset(c, 0, sizeof *c);
    c->buf = malloc(n + 1);
    if (!c->buf) return VNT_ERR_NOMEM;
    memcpy(c->buf, s, n);
    c->buf[n] = 0;
    c->len = n;
    const char *b = c->buf;
    size_t pos = 0;
    int open = 0; /* a sentence is being read */
    vnt__csent cur = {0, 0, 0, 0};
    while (pos <= n) {
        size_t e = pos;
        while (e < n && b[e] != '\n')
            e++;
        size_t le = e;
        if (le > pos && b[le - 1] == '\r') le--;
        if (le == pos) { /* blank line or end: close the sentence */
            if (open && cur.n_words) {
                if (!grow((void **)&c->sents, &c->cap_sents, c->n_sents + 1, sizeof *c->sents))
                    goto nomem;
                c->sents[c->n_sents++] = cur;
            }
            open = 0;
        } else {
            if (!open) {
                memset(&cur, 0, sizeof cur);
                cur.word = c->n_words;
                open = 1;
            }
            if (b[pos] == '#') {
                static const char key[] = "# text";
                size_t kl = sizeof key - 1;
                if (le - pos > kl && !memcmp(b + pos, key, kl)) {
                    size_t p = pos + kl;
                    while (p < le && b[p] == ' ')
                        p++;
                    if (p < le && b[p] == '=') {
                        p++;
                        while (p < le && b[p] == ' ')
                            p++;
                        cur.text = p;
                        cur.text_len = le - p;
                    }
                }
            } else {
                /* ID FORM LEMMA UPOS ... */
                size_t f[5], fl[5], k = 0, p = pos;
                while (k < 5 && p <= le) {
                    size_t q = p;
                    while (q < le && b[q] != '\t')
                        q++;
                    f[k] = p;
                    fl[k] = q - p;
                    k++;
                    p = q + 1;
                }
                if (k >= 4) {
                    int skip = 0;
                    for (size_t i = f[0]; i < f[0] + fl[0]; i++)
                        if (b[i] == '-' || b[i] == '.') skip = 1;
                    if (!skip) {
                        if (!grow((void **)&c->words, &c->cap_words, c->n_words + 1,
                                  sizeof *c->words))
                            goto nomem;
                        char tag[16] = {0};
                        if (fl[3] < sizeof tag) memcpy(tag, b + f[3], fl[3]);
                        vnt__cword w = {f[1], fl[1], (uint8_t)vnt_upos_from_name(tag)};
                        c->words[c->n_words++] = w;
                        cur.n_words++;
                    }
                }
            }
        }
        pos = e + 1;
    }
    return VNT_OK;
nomem:
    vnt__corpus_free(c);
    return VNT_ERR_NOMEM;
}

vnt_status vnt__corpus_read(const char *path, vnt__corpus *c)
{
    char *d;
    size_t n;
    memset(c, 0, sizeof *c);
    vnt_status st = vnt__read_file(path, &d, &n);
    if (st != VNT_OK) return st;
    st = vnt__corpus_parse(d, n, c);
    free(d);
    return st;
}

void vnt__corpus_free(vnt__corpus *c)
{
    free(c->buf);
    free(c->sents);
    free(c->words);
    memset(c, 0, sizeof *c);
}
