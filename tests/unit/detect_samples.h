/* Detection samples shared by tests/unit/test_detect.c and tools/detect_eval.c:
 * news articles encoded in each form, byte windows of them, and the rule
 * that says whether a detected charset is right for a window.
 *
 * The rule: the guess is the true form; or both are charsets that decode the
 * window to the same text and would encode that text to the same bytes (so
 * TCVN3 and TCVN5712 agree on text without VN1's extra capitals, and NFD and
 * "combining" agree when no modified vowel has a tone, but NFC and NFD never
 * agree on accented text); or the window carries no non-ASCII content at all
 * in a charset form (then "ascii"/"unaccented" are right too). Unaccented and
 * mojibake are labels, not charsets: they must be named, except that a
 * window of a damaged text with no damaged character left in it counts as
 * UTF-8. */
#ifndef VNT_DETECT_SAMPLES_H
#define VNT_DETECT_SAMPLES_H

#include "vntext.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const vnt_charset ds_forms[] = {VNT_CS_UTF8,      VNT_CS_TCVN3,      VNT_CS_TCVN5712,
                                       VNT_CS_VNI,       VNT_CS_VISCII,     VNT_CS_VPS,
                                       VNT_CS_VIQR,      VNT_CS_CP1258,     VNT_CS_NFD,
                                       VNT_CS_COMBINING, VNT_CS_UNACCENTED, VNT_CS_MOJIBAKE};
#define DS_NFORMS (sizeof ds_forms / sizeof ds_forms[0])

typedef struct ds_corpus {
    char *all;
    size_t n;
    size_t *off, *len; /* article bodies (header lines excluded) */
    size_t count;
} ds_corpus;

/* Split the news file into article bodies: text between "# doc_id" blocks,
 * without the "# key = value" header lines. */
static inline int ds_load(ds_corpus *c, const char *path)
{
    memset(c, 0, sizeof *c);
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (len <= 0) {
        fclose(f);
        return 0;
    }
    c->all = malloc((size_t)len + 1);
    c->n = c->all ? fread(c->all, 1, (size_t)len, f) : 0;
    fclose(f);
    if (!c->all) return 0;
    c->all[c->n] = 0;
    size_t cap = 4096;
    c->off = malloc(cap * sizeof(size_t));
    c->len = malloc(cap * sizeof(size_t));
    size_t i = 0, body = SIZE_MAX;
    while (i <= c->n) {
        char *nl = memchr(c->all + i, '\n', c->n - i);
        size_t e = nl ? (size_t)(nl - c->all) + 1 : c->n;
        int header = e > i + 1 && c->all[i] == '#' && c->all[i + 1] == ' ';
        int start = header && c->n - i > 8 && memcmp(c->all + i, "# doc_id", 8) == 0;
        if ((start || e >= c->n) && body != SIZE_MAX) {
            size_t end = start ? i : c->n;
            if (end > body && c->count < cap) {
                c->off[c->count] = body;
                c->len[c->count] = end - body;
                c->count++;
            }
            body = SIZE_MAX;
        }
        if (!header && body == SIZE_MAX) body = i;
        if (e >= c->n) break;
        i = e;
    }
    return c->count > 0;
}

static inline void ds_free(ds_corpus *c)
{
    free(c->all);
    free(c->off);
    free(c->len);
    memset(c, 0, sizeof *c);
}

/* Windows-1252 0x80..0x9F (0 = undefined: such bytes come through as C1). */
static const uint16_t ds_w1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* The text s[0..n) (UTF-8) written in form `cs`; malloc'd, *out_n bytes. */
static inline char *ds_encode(vnt_charset cs, const char *s, size_t n, size_t *out_n)
{
    char *o = NULL;
    *out_n = 0;
    if (cs == VNT_CS_UNACCENTED) {
        size_t need = vnt_strip_diacritics(s, n, NULL, 0);
        o = malloc(need + 1);
        vnt_strip_diacritics(s, n, o, need + 1);
        *out_n = need;
    } else if (cs == VNT_CS_MOJIBAKE) {
        o = malloc(n * 3 + 1);
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned b = (unsigned char)s[i];
            uint32_t cp = b >= 0x80 && b < 0xA0 && ds_w1252[b - 0x80] ? ds_w1252[b - 0x80] : b;
            k += vnt_utf8_encode(cp, o + k);
        }
        *out_n = k;
    } else {
        vnt_text t = {0};
        if (vnt_encode(cs, s, n, VNT_LOSSY, &t) == VNT_OK) {
            o = t.data;
            *out_n = t.len;
            t.data = NULL;
        }
        vnt_text_free(&t);
    }
    return o;
}

static inline int ds_is_charset(vnt_charset cs)
{
    return cs >= VNT_CS_UTF8 && cs <= VNT_CS_COMBINING;
}

static inline int ds_same_text(const vnt_text *a, const vnt_text *b)
{
    return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* Is `guess` right for window w[0..n) of a text in form `truth`? */
static inline int ds_correct(vnt_charset truth, vnt_charset guess, const char *w, size_t n)
{
    if (guess == truth) return 1;
    if (truth == VNT_CS_MOJIBAKE) {
        vnt_text t = {0};
        size_t runs = 0;
        vnt_repair_mojibake(w, n, 0, &t, &runs);
        vnt_text_free(&t);
        if (runs) return 0;
        truth = VNT_CS_UTF8; /* nothing damaged left in this window */
        if (guess == truth) return 1;
    }
    if (!ds_is_charset(truth)) return 0;
    vnt_text dt = {0}, dg = {0}, et = {0}, eg = {0};
    int ok = 0;
    if (vnt_decode(truth, w, n, VNT_LOSSY, &dt) != VNT_OK) goto done;
    if (guess == VNT_CS_ASCII || guess == VNT_CS_UNACCENTED) {
        /* right when the window's text is plain ASCII written as such */
        ok = 1;
        for (size_t i = 0; i < dt.len && ok; i++)
            ok = (unsigned char)dt.data[i] < 0x80;
        ok = ok && dt.len == n && memcmp(dt.data, w, n) == 0;
        goto done;
    }
    if (!ds_is_charset(guess)) goto done;
    if (vnt_decode(guess, w, n, VNT_LOSSY, &dg) != VNT_OK || !ds_same_text(&dt, &dg)) goto done;
    if (vnt_encode(truth, dt.data, dt.len, VNT_LOSSY, &et) != VNT_OK) goto done;
    if (vnt_encode(guess, dt.data, dt.len, VNT_LOSSY, &eg) != VNT_OK) goto done;
    ok = ds_same_text(&et, &eg);
done:
    vnt_text_free(&dt);
    vnt_text_free(&dg);
    vnt_text_free(&et);
    vnt_text_free(&eg);
    return ok;
}

/* Deterministic generator (xorshift64*). */
static inline uint64_t ds_rand(uint64_t *st)
{
    uint64_t x = *st;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *st = x;
    return x * 2685821657736338717ull;
}

/* A window of `size` bytes at a random offset of e[0..n) (all of it if
 * shorter). */
static inline void ds_window(const char *e, size_t n, size_t size, uint64_t *st, const char **w,
                             size_t *wn)
{
    if (n <= size) {
        *w = e;
        *wn = n;
        return;
    }
    size_t at = (size_t)(ds_rand(st) % (n - size + 1));
    *w = e + at;
    *wn = size;
}

#endif
