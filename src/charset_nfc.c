/* The slice of Unicode normalization (UAX #15) the charset converters need:
 * canonical decomposition, canonical ordering and canonical composition of
 * one cluster (a starter and the code points that join it), and the sink
 * that feeds clusters to an output function. Tables: src/charset_tables.h. */
#include "charset_impl.h"

#define VNT__CS_UNICODE_TABLES
#include "charset_tables.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

int vnt__cs_ccc(uint32_t cp)
{
    if (cp < 0x300) return 0;
    size_t lo = 0, hi = N_OF(vnt__ccc);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (vnt__ccc[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < N_OF(vnt__ccc) && vnt__ccc[lo].cp == cp) ? vnt__ccc[lo].v : 0;
}

int vnt__cs_joins(uint32_t cp)
{
    /* fast answers for Latin, Vietnamese letters and general punctuation */
    if (cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2000 && cp < 0x20D0)) return 0;
    if (vnt__cs_ccc(cp)) return 1;
    size_t lo = 0, hi = N_OF(vnt__comp_second);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (vnt__comp_second[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < N_OF(vnt__comp_second) && vnt__comp_second[lo] == cp;
}

int vnt__cs_decomp1(uint32_t cp, uint32_t *a, uint32_t *b)
{
    if (cp < 0xC0) return 0;
    size_t lo = 0, hi = N_OF(vnt__decomp);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (vnt__decomp[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= N_OF(vnt__decomp) || vnt__decomp[lo][0] != cp) return 0;
    *a = vnt__decomp[lo][1];
    *b = vnt__decomp[lo][2];
    return *b ? 2 : 1;
}

uint32_t vnt__cs_compose(uint32_t a, uint32_t b)
{
    size_t lo = 0, hi = N_OF(vnt__compose);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (vnt__compose[mid][0] < a || (vnt__compose[mid][0] == a && vnt__compose[mid][1] < b))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < N_OF(vnt__compose) && vnt__compose[lo][0] == a && vnt__compose[lo][1] == b)
        return vnt__compose[lo][2];
    return 0;
}

/* Full canonical decomposition of cp appended to out[*n..cap). */
static void decompose_into(uint32_t cp, uint32_t *out, size_t *n, size_t cap)
{
    uint32_t a, b;
    int k = vnt__cs_decomp1(cp, &a, &b);
    if (k == 0 || *n + 4 > cap) { /* canonical decompositions are short */
        if (*n < cap) out[(*n)++] = cp;
        return;
    }
    decompose_into(a, out, n, cap);
    if (k == 2) decompose_into(b, out, n, cap);
}

size_t vnt__cs_normalize(uint32_t *cps, size_t n, size_t cap, int compose)
{
    uint32_t tmp[4 * VNT__CL_MAX + 8];
    uint8_t cc[4 * VNT__CL_MAX + 8];
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        decompose_into(cps[i], tmp, &m, sizeof tmp / sizeof tmp[0]);
    for (size_t i = 0; i < m; i++)
        cc[i] = (uint8_t)vnt__cs_ccc(tmp[i]);
    /* canonical ordering: stable insertion sort of each run of non-starters */
    for (size_t i = 1; i < m; i++) {
        if (!cc[i]) continue;
        size_t j = i;
        while (j > 0 && cc[j - 1] > cc[j]) {
            uint32_t t = tmp[j];
            tmp[j] = tmp[j - 1];
            tmp[j - 1] = t;
            uint8_t c = cc[j];
            cc[j] = cc[j - 1];
            cc[j - 1] = c;
            j--;
        }
    }
    if (compose && m > 1) {
        /* canonical composition: a mark composes with the last starter
           unless blocked by an uncomposed mark of the same or higher class */
        size_t starter = 0, w = 1;
        int have_starter = cc[0] == 0;
        int last_cc = have_starter ? -1 : 256;
        for (size_t i = 1; i < m; i++) {
            int c = cc[i];
            uint32_t comp = 0;
            if (have_starter && (last_cc < c || (last_cc == -1 && c == 0)))
                comp = vnt__cs_compose(tmp[starter], tmp[i]);
            if (comp) {
                tmp[starter] = comp;
                continue;
            }
            if (c == 0) {
                starter = w;
                have_starter = 1;
                last_cc = -1;
            } else {
                last_cc = c;
            }
            cc[w] = (uint8_t)c;
            tmp[w++] = tmp[i];
        }
        m = w;
    }
    if (m > cap) m = cap;
    memcpy(cps, tmp, m * sizeof *cps);
    return m;
}

void vnt__cs_sink_init(vnt__cs_sink *k, size_t hint, unsigned flags, int form, vnt__cs_emit_fn emit)
{
    memset(k, 0, sizeof *k);
    vnt__buf_init(&k->b, hint, (flags & VNT_MAP) != 0);
    k->flags = flags;
    k->form = form;
    k->emit = emit;
}

/* A lone code point that normalization leaves as it is. */
static int stable(uint32_t cp, int form)
{
    uint32_t a, b;
    if (form == VNT__FORM_NFD) return cp < 0xC0 || !vnt__cs_decomp1(cp, &a, &b);
    return cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00) || !vnt__cs_decomp1(cp, &a, &b);
}

int vnt__cs_flush(vnt__cs_sink *k)
{
    size_t n = k->n;
    k->n = 0;
    if (n == 0) return 0;
    if (n == 1 && stable(k->cl[0], k->form)) return k->emit(k, k->cl[0], k->off);
    uint32_t buf[4 * VNT__CL_MAX + 8];
    memcpy(buf, k->cl, n * sizeof buf[0]);
    size_t m = vnt__cs_normalize(buf, n, sizeof buf / sizeof buf[0], k->form != VNT__FORM_NFD);
    for (size_t i = 0; i < m; i++)
        if (k->emit(k, buf[i], k->off)) return -1;
    return 0;
}

int vnt__cs_push(vnt__cs_sink *k, uint32_t cp, size_t off)
{
    if (k->n > 0 && k->n < VNT__CL_MAX && vnt__cs_joins(cp)) {
        k->cl[k->n++] = cp;
        return 0;
    }
    if (k->n > 0 && vnt__cs_flush(k)) return -1;
    k->cl[0] = cp;
    k->n = 1;
    k->off = off;
    return 0;
}

void vnt__cs_push_ascii(vnt__cs_sink *k, const char *s, size_t i, size_t j)
{
    if (j - i < 2) {
        if (j > i) vnt__cs_push(k, (unsigned char)s[i], i);
        return;
    }
    if (k->n > 0) vnt__cs_flush(k);
    /* all but the last byte go straight out: they cannot combine with what
       follows; the last one may still take a combining mark */
    size_t m = j - 1 - i;
    vnt__buf *b = &k->b;
    if (vnt__buf_reserve(b, m)) {
        memcpy(b->data + b->len, s + i, m);
        if (b->mapping)
            for (size_t t = 0; t < m; t++)
                b->map[b->len + t] = i + t;
        b->len += m;
    }
    vnt__cs_push(k, (unsigned char)s[j - 1], j - 1);
}

vnt_status vnt__cs_finish(vnt__cs_sink *k, size_t in_len, vnt_text *out)
{
    if (!k->err && vnt__cs_flush(k) == 0 && k->emit == vnt__viqr_emit) vnt__viqr_end(k);
    if (k->err) {
        vnt__buf_free(&k->b);
        vnt__text_reset(out);
        out->err_offset = k->err_offset;
        return k->err;
    }
    return vnt__buf_finish(&k->b, in_len, out);
}

int vnt__cs_emit_utf8(vnt__cs_sink *k, uint32_t cp, size_t off)
{
    if (cp < 0x80)
        vnt__buf_putc(&k->b, (char)cp, off);
    else
        vnt__buf_put_cp(&k->b, cp, off);
    return 0;
}

/* "combining" form: a toned Vietnamese vowel is written as its tone-less
 * precomposed letter (a, ă, â, ê, ô, ơ, ư …) followed by the tone mark. */
int vnt__cs_emit_combining(vnt__cs_sink *k, uint32_t cp, size_t off)
{
    vnt__letter l;
    if (cp >= 0xC0 && vnt__letter_get(cp, &l) && l.tone && l.vowel < VNT__V_DD) {
        vnt__buf_put_cp(&k->b, vnt__letter_cp(l.vowel, 0, l.upper), off);
        vnt__buf_put_cp(&k->b, vnt__tone_mark(l.tone), off);
        return 0;
    }
    return vnt__cs_emit_utf8(k, cp, off);
}
