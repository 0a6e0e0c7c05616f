/* Growable output buffers and vnt_text. */
#include "internal.h"

void vnt__buf_init(vnt__buf *b, size_t hint, int mapping)
{
    memset(b, 0, sizeof *b);
    b->mapping = mapping;
    if (hint < 64) hint = 64;
    if (hint > ((size_t)1 << 28)) hint = (size_t)1 << 28;
    vnt__buf_reserve(b, hint);
}

int vnt__buf_reserve(vnt__buf *b, size_t extra)
{
    if (b->failed) return 0;
    if (b->cap - b->len > extra) return 1; /* keep one byte for the NUL */
    size_t need = b->len + extra + 1;
    if (need < b->len) { /* overflow */
        b->failed = 1;
        return 0;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            b->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d) {
        b->failed = 1;
        return 0;
    }
    b->data = d;
    if (b->mapping) {
        if (cap > SIZE_MAX / sizeof(size_t)) {
            b->failed = 1;
            return 0;
        }
        size_t *m = realloc(b->map, cap * sizeof(size_t));
        if (!m) {
            b->failed = 1;
            return 0;
        }
        b->map = m;
    }
    b->cap = cap;
    return 1;
}

void vnt__buf_put(vnt__buf *b, const char *s, size_t n, size_t src)
{
    if (!n || !vnt__buf_reserve(b, n)) return;
    memcpy(b->data + b->len, s, n);
    if (b->mapping)
        for (size_t i = 0; i < n; i++)
            b->map[b->len + i] = src;
    b->len += n;
}

void vnt__buf_putc(vnt__buf *b, char c, size_t src)
{
    if (VNT__LIKELY(b->cap - b->len > 1) || vnt__buf_reserve(b, 1)) {
        if (b->failed) return;
        if (b->mapping) b->map[b->len] = src;
        b->data[b->len++] = c;
    }
}

void vnt__buf_put_cp(vnt__buf *b, uint32_t cp, size_t src)
{
    char tmp[4];
    size_t k = vnt_utf8_encode(cp, tmp);
    if (!k) k = vnt_utf8_encode(VNT_REPLACEMENT_CHAR, tmp);
    vnt__buf_put(b, tmp, k, src);
}

void vnt__buf_bad(vnt__buf *b, size_t src)
{
    if (b->failed) return;
    if (b->n_bad == b->cap_bad) {
        size_t cap = b->cap_bad ? b->cap_bad * 2 : 16;
        size_t *p = realloc(b->bad, cap * sizeof(size_t));
        if (!p) {
            b->failed = 1;
            return;
        }
        b->bad = p;
        b->cap_bad = cap;
    }
    b->bad[b->n_bad++] = src;
}

void vnt__buf_free(vnt__buf *b)
{
    free(b->data);
    free(b->map);
    free(b->bad);
    memset(b, 0, sizeof *b);
}

void vnt__text_reset(vnt_text *t)
{
    free(t->data);
    free(t->map);
    free(t->bad);
    memset(t, 0, sizeof *t);
}

void vnt_text_free(vnt_text *t)
{
    if (t) vnt__text_reset(t);
}

vnt_status vnt__buf_finish(vnt__buf *b, size_t in_len, vnt_text *out)
{
    vnt__text_reset(out);
    if (!b->failed) vnt__buf_reserve(b, 1);
    if (b->failed) {
        vnt__buf_free(b);
        return VNT_ERR_NOMEM;
    }
    b->data[b->len] = '\0';
    if (b->mapping) b->map[b->len] = in_len;
    out->data = b->data;
    out->len = b->len;
    out->map = b->map;
    out->bad = b->bad;
    out->n_bad = b->n_bad;
    memset(b, 0, sizeof *b);
    return VNT_OK;
}
