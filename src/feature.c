/* Token keys and the feature extractors shared by the decoders
 * (segment.c, tag.c) and the trainers (train/): one definition, so training
 * and decoding can never disagree. */
#include "nlp.h"

/* ------------------------------------------------------------ token keys */

static inline uint64_t step(uint64_t h, uint32_t code)
{
    return (h ^ code) * 0x100000001B3ull;
}

/* The key ignores case, NFC/NFD, where the tone mark sits (hòa = hoà) and
 * the Đ lookalikes, so every spelling of one syllable shares its features.
 * Letters hash as (base + modifier); the tone is added once per token. */
void vnt__token_info(const char *s, size_t n, vnt__tokinfo *o)
{
    uint64_t h = 0xCBF29CE484222325ull;
    unsigned nu = 0, nl = 0, nd = 0, no = 0, tone = 0, viet = 0;
    int first_upper = -1;
    uint32_t pend = 0; /* last letter code, still open to a combining modifier */
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        unsigned char c0 = (unsigned char)s[i];
        /* ASCII fast path: same codes as the general path below */
        if (c0 >= 'a' && c0 <= 'z') {
            if (pend) h = step(h, pend);
            int v = c0 == 'a'   ? VNT__V_A
                    : c0 == 'e' ? VNT__V_E
                    : c0 == 'i' ? VNT__V_I
                    : c0 == 'o' ? VNT__V_O
                    : c0 == 'u' ? VNT__V_U
                    : c0 == 'y' ? VNT__V_Y
                                : -1;
            pend = v >= 0 ? 0x100u + (uint32_t)v : c0;
            nl++;
            if (first_upper < 0) first_upper = 0;
            i++;
            continue;
        }
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            k = k < 0 ? -k : 1;
            cp = 0xFFFD;
        }
        i += (size_t)k;
        vnt__letter L;
        int is_letter = 0;
        if (cp == 0xD0 || cp == 0x189 || cp == 0xF0) { /* Ð Ɖ ð: lookalikes of Đ/đ */
            L.vowel = VNT__V_DD;
            L.base = 'd';
            L.mod = VNT__MOD_STROKE;
            L.tone = 0;
            L.upper = cp != 0xF0;
            is_letter = 1;
        } else
            is_letter = vnt__letter_get(cp, &L);
        if (is_letter) {
            if (pend) h = step(h, pend);
            pend = L.vowel != 0xFF ? 0x100u + L.vowel : L.base;
            if (L.tone) tone = L.tone;
            if (L.tone || L.mod) viet = 1;
            if (L.upper)
                nu++;
            else
                nl++;
            if (first_upper < 0) first_upper = L.upper;
            continue;
        }
        int t = vnt__combining_tone(cp), md = vnt__combining_mod(cp);
        if (t) {
            tone = (unsigned)t;
            viet = 1;
            continue;
        }
        if (md) {
            if (pend >= 0x100 && pend < 0x100 + VNT__V_COUNT) {
                int v = vnt__vowel_index(vnt__vowel_base((int)(pend - 0x100)), md);
                if (v >= 0) pend = 0x100u + (uint32_t)v;
            }
            viet = 1;
            continue;
        }
        if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
            cp == 0xAD)
            continue;
        /* typographic variants of ASCII punctuation share its key */
        switch (cp) {
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0xAB:
        case 0xBB: cp = '"'; break;
        case 0x2018:
        case 0x2019:
        case 0x201A: cp = '\''; break;
        case 0x2010:
        case 0x2011:
        case 0x2013:
        case 0x2014:
        case 0x2212: cp = '-'; break;
        }
        if (pend) h = step(h, pend);
        if (cp >= '0' && cp <= '9') {
            nd++;
            pend = cp;
        } else {
            no++;
            pend = 0x10000u + cp;
        }
    }
    if (pend) h = step(h, pend);
    o->key = vnt__mix(h, tone);
    o->viet = (uint8_t)viet;
    o->n_upper = (uint8_t)(nu > 255 ? 255 : nu);
    o->n_lower = (uint8_t)(nl > 255 ? 255 : nl);
    o->first_upper = first_upper == 1;
    unsigned letters = nu + nl;
    uint8_t sh;
    if (letters == 0)
        sh = nd ? (no ? VNT__SH_NUMBER : VNT__SH_DIGIT) : (no ? VNT__SH_PUNCT : VNT__SH_OTHER);
    else if (nd)
        sh = VNT__SH_ALNUM;
    else if (nu == 0)
        sh = VNT__SH_LOWER;
    else if (nl == 0)
        sh = letters == 1 ? VNT__SH_TITLE : VNT__SH_UPPER;
    else if (first_upper == 1 && nu == 1)
        sh = VNT__SH_TITLE;
    else
        sh = VNT__SH_MIXED;
    o->shape = sh;
}

uint8_t vnt__shape_recase(const vnt__tokinfo *t, int upper)
{
    switch (t->shape) {
    case VNT__SH_LOWER:
    case VNT__SH_TITLE:
    case VNT__SH_UPPER:
    case VNT__SH_MIXED:
        if (!upper) return VNT__SH_LOWER;
        return (t->n_upper + t->n_lower) == 1 ? VNT__SH_TITLE : VNT__SH_UPPER;
    }
    return t->shape;
}

/* ------------------------------------------------------- segmenter lexicon */

static inline uint8_t max8(uint8_t a, size_t b)
{
    return b > a ? (uint8_t)b : a;
}

/* Lexicon slot of a key, for prefetching. */
static inline const uint32_t *lex_slot(const vnt__lexicon *lx, uint64_t key)
{
    return lx->slots + ((uint32_t)key & lx->mask);
}

/* The table is larger than L2 and every probe is a likely miss, so the
 * keys of the 1- to 3-token entries at each position are computed a chunk
 * ahead and their slots prefetched before any probe waits on one. */
#define LEX_CHUNK 16

void vnt__seg_lexicon(const vnt__lexicon *lx, vnt__seg_ctx *c)
{
    size_t n = c->n;
    memset(c->start_len, 0, n);
    memset(c->end_len, 0, n);
    memset(c->cover, 0, n);
    memset(c->name_cover, 0, n);
    memset(c->flags, 0, n);
    if (!lx->slots) return;
    uint64_t h1[LEX_CHUNK], h2[LEX_CHUNK], h3[LEX_CHUNK];
    for (size_t c0 = 0; c0 < n; c0 += LEX_CHUNK) {
        size_t ce = c0 + LEX_CHUNK < n ? c0 + LEX_CHUNK : n;
        for (size_t j = c0; j < ce; j++) {
            h1[j - c0] = vnt__seq_add(vnt__seq_start(), c->t[j].key);
            __builtin_prefetch(lex_slot(lx, h1[j - c0]));
            if (j + 1 < n) {
                h2[j - c0] = vnt__seq_add(h1[j - c0], c->t[j + 1].key);
                __builtin_prefetch(lex_slot(lx, h2[j - c0]));
            }
            if (j + 2 < n) {
                h3[j - c0] = vnt__seq_add(h2[j - c0], c->t[j + 2].key);
                __builtin_prefetch(lex_slot(lx, h3[j - c0]));
            }
        }
        for (size_t j = c0; j < ce; j++) {
            uint64_t h = h1[j - c0];
            for (size_t L = 1; L <= lx->max_len && j + L <= n; L++) {
                if (L == 2)
                    h = h2[j - c0];
                else if (L == 3)
                    h = h3[j - c0];
                else if (L > 3)
                    h = vnt__seq_add(h, c->t[j + L - 1].key);
                unsigned f = vnt__lex_get(lx, h);
                if (!f) break;
                if (L == 1) c->flags[j] = (uint8_t)f;
                if (f & (VNT__LEX_WORD | VNT__LEX_ABBR)) {
                    c->start_len[j] = max8(c->start_len[j], L);
                    c->end_len[j + L - 1] = max8(c->end_len[j + L - 1], L);
                    for (size_t b = j + 1; b < j + L; b++)
                        c->cover[b] = max8(c->cover[b], L);
                }
                if (L >= 2 && (f & (VNT__LEX_NAME | VNT__LEX_PLACE)))
                    for (size_t b = j + 1; b < j + L; b++)
                        c->name_cover[b] = max8(c->name_cover[b], L);
                if (!(f & VNT__LEX_PREFIX)) break;
            }
        }
    }
}

/* ------------------------------------------------------ segmenter features */

#define BOS_KEY 0x0B05B05B05B05B05ull
#define EOS_KEY 0x0E05E05E05E05E05ull
#define SH_BOS  14
#define SH_EOS  15

static inline uint32_t fid(uint64_t h, uint32_t mask)
{
    return (uint32_t)(h ^ (h >> 32)) & mask;
}
static inline uint64_t F1(uint64_t t, uint64_t a)
{
    return vnt__mix(t * 0x9E3779B97F4A7C15ull + 1, a);
}
static inline uint64_t F2(uint64_t t, uint64_t a, uint64_t b)
{
    return vnt__mix(F1(t, a), b);
}
static inline uint64_t F3(uint64_t t, uint64_t a, uint64_t b, uint64_t c)
{
    return vnt__mix(F2(t, a, b), c);
}

/* Segmenter feature ids: token keys are already well mixed, so a template
 * salt, rotations and one multiply (Fibonacci hashing, high bits) make a
 * good enough id at a fraction of the cost of vnt__mix chains; this runs
 * 22 times per token. */
static inline uint64_t rotl64(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}
static inline uint32_t sid(uint64_t h, uint32_t mask)
{
    return (uint32_t)((h * 0x9E3779B97F4A7C15ull) >> 40) & mask;
}
static inline uint64_t S1(uint64_t t, uint64_t a)
{
    return a ^ (t * 0xD6E8FEB86659FD93ull);
}
static inline uint64_t S2(uint64_t t, uint64_t a, uint64_t b)
{
    return S1(t, a) ^ rotl64(b, 21);
}
static inline uint64_t S3(uint64_t t, uint64_t a, uint64_t b, uint64_t c)
{
    return S2(t, a, b) ^ rotl64(c, 42);
}

int vnt__seg_features(const vnt__seg_ctx *c, size_t i, uint32_t mask, uint32_t *f)
{
    size_t n = c->n;
#define K(j) ((j) < 0 ? BOS_KEY : (size_t)(j) >= n ? EOS_KEY : c->t[(j)].key)
#define S(j) ((j) < 0 ? SH_BOS : (size_t)(j) >= n ? SH_EOS : c->shape[(j)])
#define V(j) ((j) < 0 || (size_t)(j) >= n ? 2 : c->t[(j)].viet)
    long p = (long)i;
    uint64_t k0 = K(p), km1 = K(p - 1), km2 = K(p - 2), kp1 = K(p + 1), kp2 = K(p + 2);
    uint64_t s0 = S(p), sm1 = S(p - 1), sm2 = S(p - 2), sp1 = S(p + 1);
    uint64_t cov = c->cover[i], st = c->start_len[i], en = i ? c->end_len[i - 1] : 0;
    uint64_t stm1 = i ? c->start_len[i - 1] : 0;
    uint64_t fl0 = c->flags[i], flm1 = i ? c->flags[i - 1] : 0;
    int k = 0;
    f[k++] = sid(S1(1, 0), mask);
    f[k++] = sid(S1(2, k0), mask);
    f[k++] = sid(S1(3, km1), mask);
    f[k++] = sid(S2(4, km1, k0), mask);
    f[k++] = sid(S1(5, kp1), mask);
    f[k++] = sid(S2(6, k0, kp1), mask);
    f[k++] = sid(S2(7, km2, km1), mask);
    f[k++] = sid(S3(8, km2, km1, k0), mask);
    f[k++] = sid(S3(9, km1, k0, kp1), mask);
    f[k++] = sid(S3(10, k0, kp1, kp2), mask);
    f[k++] = sid(S2(11, sm1, s0), mask);
    f[k++] = sid(S1(12, sm2 | sm1 << 4 | s0 << 8 | sp1 << 12), mask);
    f[k++] = sid(S1(13, cov | st << 4 | en << 8), mask);
    f[k++] = sid(S1(14, cov), mask);
    f[k++] = sid(S1(15, c->name_cover[i] | sm1 << 4 | s0 << 8), mask);
    f[k++] = sid(S1(16, flm1 | fl0 << 8 | sm1 << 16 | s0 << 20), mask);
    f[k++] = sid(S2(17, km1, s0), mask);
    f[k++] = sid(S2(18, sm1, k0), mask);
    f[k++] = sid(S1(19, (uint64_t)V(p - 1) | (uint64_t)V(p) << 2 | sm1 << 4 | s0 << 8), mask);
    f[k++] = sid(S1(20, stm1 | cov << 4), mask);
    f[k++] = sid(S2(21, km1, cov), mask);
    f[k++] = sid(S2(22, k0, cov), mask);
#undef K
#undef S
#undef V
    return k;
}

/* --------------------------------------------------------- tagger features */

void vnt__tag_word_info(const vnt__lexicon *lx, const vnt__wordtab *wt, const vnt__tokinfo *t,
                        const uint8_t *shape, size_t n, vnt__tag_word *o)
{
    uint64_t h = vnt__seq_start();
    int all_title = 1;
    for (size_t i = 0; i < n; i++) {
        h = vnt__seq_add(h, t[i].key);
        if (shape[i] != VNT__SH_TITLE && shape[i] != VNT__SH_UPPER) all_title = 0;
    }
    o->key = h;
    o->first = n ? t[0].key : 0;
    o->last = n ? t[n - 1].key : 0;
    o->n_tok = (uint8_t)(n > 4 ? 4 : n);
    o->shape = n ? shape[0] : VNT__SH_OTHER;
    o->all_title = (uint8_t)all_title;
    o->lex = (uint8_t)vnt__lex_get(lx, h);
    const uint32_t *ws = vnt__words_get(wt, h);
    o->amb = ws ? ws[1] : 0;
    o->cl = ws ? (uint16_t)(ws[2] & 0xFFFF) : 0;
    o->cl2 = ws ? (uint16_t)(ws[2] >> 16) : 0;
    o->f_amb = o->l_amb = 0;
    o->f_cl = o->l_cl = 0;
    if (n >= 2) { /* compounds: their head and last syllable, as words */
        const uint32_t *a = vnt__words_get(wt, vnt__seq_add(vnt__seq_start(), t[0].key));
        const uint32_t *b = vnt__words_get(wt, vnt__seq_add(vnt__seq_start(), t[n - 1].key));
        o->f_amb = a ? a[1] : 0;
        o->f_cl = a ? (uint16_t)(a[2] & 0xFFFF) : 0;
        o->l_amb = b ? b[1] : 0;
        o->l_cl = b ? (uint16_t)(b[2] & 0xFFFF) : 0;
    }
}

int vnt__tag_static(const vnt__tag_word *w, size_t n, size_t i, uint32_t mask, uint32_t *f)
{
#define WK(j)  ((j) < 0 ? BOS_KEY : (size_t)(j) >= n ? EOS_KEY : w[(j)].key)
#define WS(j)  ((j) < 0 ? SH_BOS : (size_t)(j) >= n ? SH_EOS : w[(j)].shape)
#define WA(j)  ((j) < 0 ? 0xB0500000u : (size_t)(j) >= n ? 0xE0500000u : w[(j)].amb)
#define WC(j)  ((j) < 0 ? 0xFFFEu : (size_t)(j) >= n ? 0xFFFFu : w[(j)].cl)
#define WC2(j) ((j) < 0 ? 0xFFFEu : (size_t)(j) >= n ? 0xFFFFu : w[(j)].cl2)
    long p = (long)i;
    const vnt__tag_word *x = &w[i];
    uint64_t k0 = x->key, km1 = WK(p - 1), kp1 = WK(p + 1), km2 = WK(p - 2), kp2 = WK(p + 2);
    uint64_t shp = (uint64_t)x->shape | (uint64_t)x->all_title << 4 | (uint64_t)x->n_tok << 5 |
                   (uint64_t)(i == 0) << 8;
    uint64_t a0 = x->amb, am1 = WA(p - 1), ap1 = WA(p + 1);
    uint64_t c0 = x->cl, cm1 = WC(p - 1), cp1 = WC(p + 1);
    uint64_t d0 = x->cl2, dm1 = WC2(p - 1), dp1 = WC2(p + 1);
    int k = 0;
    f[k++] = fid(F1(101, 0), mask);
    f[k++] = fid(F1(102, k0), mask);
    f[k++] = fid(F1(103, km1), mask);
    f[k++] = fid(F1(104, kp1), mask);
    f[k++] = fid(F1(105, km2), mask);
    f[k++] = fid(F1(106, kp2), mask);
    f[k++] = fid(F2(107, km1, k0), mask);
    f[k++] = fid(F2(108, k0, kp1), mask);
    f[k++] = fid(F2(109, x->first, x->n_tok), mask);
    f[k++] = fid(F2(110, x->last, x->n_tok), mask);
    f[k++] = fid(F1(111, shp), mask);
    f[k++] = fid(F1(112, (uint64_t)x->lex | shp << 8), mask);
    f[k++] = fid(F1(116, (uint64_t)WS(p - 1) | (uint64_t)x->shape << 4 | (uint64_t)WS(p + 1) << 8),
                 mask);
    f[k++] = fid(F2(117, k0, x->shape), mask);
    f[k++] = fid(F3(119, km1, k0, kp1), mask);
    /* ambiguity classes: how the word and its neighbours behaved in training */
    f[k++] = fid(F1(120, a0), mask);
    f[k++] = fid(F2(122, a0, ap1), mask);
    f[k++] = fid(F2(123, am1, a0), mask);
    f[k++] = fid(F1(124, ap1), mask);
    f[k++] = fid(F2(125, k0, ap1), mask);
    /* distributional clusters from unlabeled text */
    f[k++] = fid(F1(126, c0), mask);
    f[k++] = fid(F2(128, c0, cp1), mask);
    f[k++] = fid(F2(129, cm1, c0), mask);
    f[k++] = fid(F1(130, d0 | dp1 << 16 | dm1 << 32), mask);
    f[k++] = fid(F2(134, c0, shp), mask);
    f[k++] = fid(F1(135, d0), mask);
    f[k++] = fid(F2(136, c0, a0), mask);
    f[k++] = fid(F3(137, cm1, c0, cp1), mask);
    if (x->n_tok >= 2) {
        f[k++] = fid(F2(131, x->f_amb, x->n_tok), mask);
        f[k++] = fid(F2(132, x->l_amb, x->n_tok), mask);
        f[k++] = fid(F1(133, (uint64_t)x->f_cl | (uint64_t)x->l_cl << 16), mask);
    }
#undef WK
#undef WS
#undef WA
#undef WC
#undef WC2
    return k;
}

/* The features that depend on the previous two tags (-1 = none). */
int vnt__tag_hist(const vnt__tag_word *w, size_t n, size_t i, int prev1, int prev2, uint32_t mask,
                  uint32_t *f)
{
    const vnt__tag_word *x = &w[i];
    uint64_t k0 = x->key, kp1 = i + 1 < n ? w[i + 1].key : EOS_KEY;
    uint64_t p1 = (uint64_t)(prev1 + 1), p2 = (uint64_t)(prev2 + 1);
    int k = 0;
    f[k++] = fid(F1(113, p1), mask);
    f[k++] = fid(F1(114, p1 | p2 << 8), mask);
    f[k++] = fid(F2(115, p1, k0), mask);
    f[k++] = fid(F2(118, p1, kp1), mask);
    f[k++] = fid(F2(121, x->amb, p1), mask);
    f[k++] = fid(F2(127, x->cl, p1), mask);
    return k;
}

int vnt__tag_features(const vnt__tag_word *w, size_t n, size_t i, int prev1, int prev2,
                      uint32_t mask, uint32_t *f)
{
    int k = vnt__tag_static(w, n, i, mask, f);
    return k + vnt__tag_hist(w, n, i, prev1, prev2, mask, f + k);
}
