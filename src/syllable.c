/* Vietnamese syllable structure: onset + rhyme (glide + nucleus + coda) + tone.
 *
 * The model is the orthographic structure, not a word list: a syllable is
 * valid when its onset is one of the 27 spelled onsets, its rhyme is allowed
 * by the tables below (which codas each nucleus takes, with or without the
 * medial glide), the c/k/q, g/gh and ng/ngh spelling rules hold, and a stop
 * coda (c ch p t) carries only the sắc or nặng tone.
 *
 * Tone placement (both styles agree except for open oa/oe/uy):
 *  - one vowel in the nucleus: on it;
 *  - ia ua ưa ya (open diphthongs): on the first vowel (mía, mùa, mưa);
 *  - iê yê uô ươ oo (always closed): on the second vowel (tiền, muốn, nước);
 *  - with a coda (consonant or semivowel i y o u), on the nucleus, so on its
 *    last vowel when it is a diphthong (toán, hoàn, thuyền, ngoài);
 *  - glide o/u + a/e/y without coda: traditional puts the mark on the glide
 *    (hòa, khỏe, thủy), modern on the main vowel (hoà, khoẻ, thuỷ);
 *  - qu and gi are onsets: quý, quà, già; "gi" + nucleus i shares the i
 *    (gì, gìn), as "gi" + iê does (giếng).
 */
#include "internal.h"

/* Nuclei. Single vowels use the vowel index (VNT__V_A .. VNT__V_Y). */
enum {
    N_IA = VNT__V_Y + 1,
    N_YA,
    N_IE,
    N_YE,
    N_UA,
    N_UO,
    N_UWA,
    N_UWOW,
    N_OO2, /* "oo" of boong, xoong, soóc */
    N_COUNT
};

/* Codas. */
enum { K_NONE, K_C, K_CH, K_M, K_N, K_NG, K_NH, K_P, K_T, K_I, K_Y, K_O, K_U, K_COUNT };

#define B(k)  (1u << (k))
#define STOPS (B(K_C) | B(K_CH) | B(K_P) | B(K_T))
#define ALLK  0x1FFFu

static const char *const coda_str[K_COUNT] = {"",  "c", "ch", "m", "n", "ng", "nh",
                                              "p", "t", "i",  "y", "o", "u"};

typedef struct nuc_info {
    const char *str; /* lower-case NFC spelling */
    uint8_t v[2];    /* vowel indices */
    uint8_t len;     /* letters */
    uint8_t tone_at; /* which letter takes the mark (0/1) */
    uint8_t qu_ok;   /* may follow the onset qu (which carries the glide) */
    uint16_t plain;  /* codas without glide */
    uint16_t glide_o;
    uint16_t glide_u; /* also used after qu when non-zero */
} nuc_info;

/* Rhyme table: which coda each nucleus takes (standard rhyme inventory of
 * Vietnamese orthography). ă â iê yê uô ươ oo never end a syllable; ia ua ưa
 * ya never take a coda; ch/nh follow only front vowels (a ê i y); coda y only
 * after a and â (ay, ây, uây); coda o only after a e (ao, eo, oao, oeo). */
static const nuc_info nucs[N_COUNT] = {
    /* a */ {"a",
             {VNT__V_A, 0},
             1,
             0,
             1,
             ALLK,
             B(K_NONE) | B(K_C) | B(K_CH) | B(K_M) | B(K_N) | B(K_NG) | B(K_NH) | B(K_P) | B(K_T) |
                 B(K_I) | B(K_Y) | B(K_O),
             0},
    /* ă */
    {"ă",
     {VNT__V_AW, 0},
     1,
     0,
     1,
     B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T),
     B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T),
     0},
    /* â */
    {"â",
     {VNT__V_AA, 0},
     1,
     0,
     1,
     B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T) | B(K_U) | B(K_Y),
     0,
     B(K_N) | B(K_NG) | B(K_T) | B(K_Y)},
    /* e */
    {"e",
     {VNT__V_E, 0},
     1,
     0,
     1,
     B(K_NONE) | B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T) | B(K_O),
     B(K_NONE) | B(K_M) | B(K_N) | B(K_T) | B(K_O),
     0},
    /* ê */
    {"ê",
     {VNT__V_EE, 0},
     1,
     0,
     1,
     B(K_NONE) | B(K_CH) | B(K_M) | B(K_N) | B(K_NH) | B(K_P) | B(K_T) | B(K_U),
     0,
     B(K_NONE) | B(K_CH) | B(K_N) | B(K_NH) | B(K_T) | B(K_U)},
    /* i */
    {"i",
     {VNT__V_I, 0},
     1,
     0,
     1,
     B(K_NONE) | B(K_CH) | B(K_M) | B(K_N) | B(K_NH) | B(K_P) | B(K_T) | B(K_U),
     0,
     0},
    /* o */
    {"o",
     {VNT__V_O, 0},
     1,
     0,
     0,
     B(K_NONE) | B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T) | B(K_I),
     0,
     0},
    /* ô */
    {"ô",
     {VNT__V_OO, 0},
     1,
     0,
     1,
     B(K_NONE) | B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T) | B(K_I),
     0,
     0},
    /* ơ */
    {"ơ",
     {VNT__V_OW, 0},
     1,
     0,
     1,
     B(K_NONE) | B(K_M) | B(K_N) | B(K_P) | B(K_T) | B(K_I),
     0,
     B(K_NONE)},
    /* u */
    {"u",
     {VNT__V_U, 0},
     1,
     0,
     0,
     B(K_NONE) | B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T) | B(K_I),
     0,
     0},
    /* ư */
    {"ư",
     {VNT__V_UW, 0},
     1,
     0,
     0,
     B(K_NONE) | B(K_C) | B(K_M) | B(K_NG) | B(K_T) | B(K_I) | B(K_U),
     0,
     0},
    /* y: alone only open (ý, kỹ); closed only after the glide u (huỳnh, tuýt, khuỷu) */
    {"y",
     {VNT__V_Y, 0},
     1,
     0,
     1,
     B(K_NONE),
     0,
     B(K_NONE) | B(K_CH) | B(K_NH) | B(K_T) | B(K_U) | B(K_P) | B(K_N)},
    /* ia */ {"ia", {VNT__V_I, VNT__V_A}, 2, 0, 0, B(K_NONE), 0, 0},
    /* ya: only after the glide u (khuya) */
    {"ya", {VNT__V_Y, VNT__V_A}, 2, 0, 0, 0, 0, B(K_NONE)},
    /* iê */
    {"iê",
     {VNT__V_I, VNT__V_EE},
     2,
     1,
     0,
     B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T) | B(K_U),
     0,
     0},
    /* yê: without onset (yên, yêu) or after the glide u / qu (thuyền, quyết) */
    {"yê",
     {VNT__V_Y, VNT__V_EE},
     2,
     1,
     1,
     B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T) | B(K_U),
     0,
     B(K_N) | B(K_T)},
    /* ua */ {"ua", {VNT__V_U, VNT__V_A}, 2, 0, 0, B(K_NONE), 0, 0},
    /* uô */
    {"uô",
     {VNT__V_U, VNT__V_OO},
     2,
     1,
     0,
     B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_T) | B(K_I),
     0,
     0},
    /* ưa */ {"ưa", {VNT__V_UW, VNT__V_A}, 2, 0, 0, B(K_NONE), 0, 0},
    /* ươ */
    {"ươ",
     {VNT__V_UW, VNT__V_OW},
     2,
     1,
     0,
     B(K_C) | B(K_M) | B(K_N) | B(K_NG) | B(K_P) | B(K_T) | B(K_I) | B(K_U),
     0,
     0},
    /* oo */ {"oo", {VNT__V_O, VNT__V_O}, 2, 1, 0, B(K_C) | B(K_NG), 0, 0},
};

/* Onsets (the header's list); O_* are indices into it. */
enum {
    O_NONE = 0,
    O_C = 2,
    O_G = 6,
    O_GH = 7,
    O_GI = 8,
    O_K = 10,
    O_NG = 15,
    O_NGH = 16,
    O_QU = 20,
    O_COUNT = 28
};
static const char *const onset_str[O_COUNT] = {
    "",  "b",  "c",   "ch", "d", "đ",  "g",  "gh", "gi", "h", "k",  "kh", "l", "m",
    "n", "ng", "ngh", "nh", "p", "ph", "qu", "r",  "s",  "t", "th", "tr", "v", "x"};

/* The bytes of a short string as one number, to compare onsets quickly. */
static uint32_t key3(const char *s)
{
    uint32_t k = 0;
    for (int i = 0; i < 3 && s[i]; i++)
        k |= (uint32_t)(unsigned char)s[i] << (8 * i);
    return k;
}

#define K1(a)       ((uint32_t)(unsigned char)(a))
#define K2(a, b)    (K1(a) | K1(b) << 8)
#define K3(a, b, c) (K2(a, b) | K1(c) << 16)
/* key3() of each onset_str entry */
static const uint32_t onset_key[O_COUNT] = {0,
                                            K1('b'),
                                            K1('c'),
                                            K2('c', 'h'),
                                            K1('d'),
                                            K2(0xC4, 0x91),
                                            K1('g'),
                                            K2('g', 'h'),
                                            K2('g', 'i'),
                                            K1('h'),
                                            K1('k'),
                                            K2('k', 'h'),
                                            K1('l'),
                                            K1('m'),
                                            K1('n'),
                                            K2('n', 'g'),
                                            K3('n', 'g', 'h'),
                                            K2('n', 'h'),
                                            K1('p'),
                                            K2('p', 'h'),
                                            K2('q', 'u'),
                                            K1('r'),
                                            K1('s'),
                                            K1('t'),
                                            K2('t', 'h'),
                                            K2('t', 'r'),
                                            K1('v'),
                                            K1('x')};

static int onset_index(const char *s)
{
    if (strlen(s) > 3) return -1;
    uint32_t k = key3(s);
    for (int i = 0; i < O_COUNT; i++)
        if (onset_key[i] == k) return i;
    return -1;
}

static const char *onset_name(int i)
{
    return onset_str[i];
}

static int nucleus_index(const char *s)
{
    for (int i = 0; i < N_COUNT; i++)
        if (strcmp(nucs[i].str, s) == 0) return i;
    return -1;
}

static int coda_index(const char *s)
{
    if (strlen(s) > 2) return -1;
    uint32_t k = key3(s);
    for (int i = 0; i < K_COUNT; i++)
        if (key3(coda_str[i]) == k) return i;
    return -1;
}

/* Does the spelled rhyme start with a front vowel (e ê i y)? That decides
 * c/k, g/gh, ng/ngh: k, gh, ngh before e ê i y; c, g, ng elsewhere. */
static int front_start(int glide, int nuc)
{
    if (glide) return 0;
    int v = nucs[nuc].v[0];
    return v == VNT__V_E || v == VNT__V_EE || v == VNT__V_I || v == VNT__V_Y;
}

/* Is (onset, glide, nucleus, coda, tone) a possible syllable? */
static int syl_valid(int onset, int glide, int nuc, int coda, int tone)
{
    const nuc_info *ni = &nucs[nuc];
    unsigned mask;
    if (glide == 'o') {
        mask = ni->glide_o;
    } else if (glide == 'u') {
        mask = ni->glide_u;
    } else if (onset == O_QU) {
        if (!ni->qu_ok) return 0;
        mask = ni->glide_u ? ni->glide_u : ni->plain;
    } else {
        mask = ni->plain;
    }
    if (!(mask & B(coda))) return 0;
    /* stop codas take only sắc or nặng */
    if ((B(coda) & STOPS) && tone != VNT_TONE_ACUTE && tone != VNT_TONE_DOT) return 0;
    /* qu already carries the glide; c/k + glide is spelled qu */
    if (glide && (onset == O_QU || onset == O_C || onset == O_K)) return 0;
    /* iê after an onset; yê without onset, after the glide u or after qu */
    if (nuc == N_IE && (onset == O_NONE || onset == O_QU)) return 0;
    if (nuc == N_YE && !glide && onset != O_NONE && onset != O_QU) return 0;
    if (nuc == N_IA && glide) return 0;
    /* qu + ô only in quốc; gi takes no glide u (gioăng has o) */
    if (onset == O_QU && nuc == VNT__V_OO && coda != K_C) return 0;
    if (onset == O_GI && glide == 'u') return 0;
    /* gi absorbs a following i (gì, giếng); gi + y/ia/ya/yê is not written */
    if (onset == O_GI && (nuc == VNT__V_Y || nuc == N_IA || nuc == N_YA || nuc == N_YE)) return 0;
    /* spelling of /k/, /ɣ/, /ŋ/ before front vowels */
    int front = front_start(glide, nuc);
    if (onset == O_K || onset == O_GH || onset == O_NGH) {
        if (!front) return 0;
    } else if (onset == O_C || onset == O_G || onset == O_NG) {
        if (front) return 0;
    }
    return 1;
}

/* ------------------------------------------------------------ letters */

static int is_vowel(const vnt__letter *l)
{
    return l->vowel < VNT__V_DD;
}

int vnt__absorb_mark(vnt__letter *l, uint32_t mark)
{
    if (l->vowel >= VNT__V_DD) return 0; /* consonants and đ take no mark */
    int t = vnt__combining_tone(mark);
    if (t) {
        if (l->tone) return 0;
        l->tone = (uint8_t)t;
        return 1;
    }
    int m = vnt__combining_mod(mark);
    if (m && l->mod == VNT__MOD_NONE) {
        int v = vnt__vowel_index(l->base, m);
        if (v < 0) return 0;
        l->vowel = (uint8_t)v;
        l->mod = (uint8_t)m;
        return 1;
    }
    return 0;
}

uint32_t vnt__letter_to_cp(const vnt__letter *l)
{
    if (l->vowel <= VNT__V_DD) return vnt__letter_cp(l->vowel, l->tone, l->upper);
    return l->upper ? (uint32_t)(l->base - 32) : l->base;
}

/* ------------------------------------------------------------ parsing */

/* Split a vowel run into glide + nucleus + semivowel coda. `fc` is the
 * consonant coda (K_NONE if none). Returns 1 and fills out on success. */
static int split_rhyme(const uint8_t *c, int L, int fc, int onset, int tone, int *glide_out,
                       int *nuc_out, int *coda_out)
{
    for (int g = 0; g <= 1; g++) {
        if (g && (L < 2 || (c[0] != VNT__V_O && c[0] != VNT__V_U))) break;
        int glide = g ? (c[0] == VNT__V_O ? 'o' : 'u') : 0;
        for (int semi = 1; semi >= 0; semi--) {
            int coda = fc, nl = L - g;
            if (semi) {
                if (fc != K_NONE || nl < 2) continue;
                switch (c[L - 1]) {
                case VNT__V_I: coda = K_I; break;
                case VNT__V_Y: coda = K_Y; break;
                case VNT__V_O: coda = K_O; break;
                case VNT__V_U: coda = K_U; break;
                default: continue;
                }
                nl--;
            }
            if (nl < 1 || nl > 2) continue;
            int nuc = -1;
            if (nl == 1) {
                nuc = c[g];
            } else {
                for (int k = N_IA; k < N_COUNT; k++)
                    if (nucs[k].v[0] == c[g] && nucs[k].v[1] == c[g + 1]) {
                        nuc = k;
                        break;
                    }
            }
            if (nuc < 0) continue;
            if (syl_valid(onset, glide, nuc, coda, tone)) {
                *glide_out = glide;
                *nuc_out = nuc;
                *coda_out = coda;
                return 1;
            }
        }
    }
    return 0;
}

int vnt__syl_parse(const vnt__letter *l, int n, vnt__syl *out)
{
    if (n < 1 || n > VNT__SYL_MAX) return 0;
    int tone = 0, tone_pos = -1;
    for (int i = 0; i < n; i++)
        if (l[i].tone) {
            if (tone_pos >= 0) return 0; /* two tone marks */
            tone = l[i].tone;
            tone_pos = i;
        }
    /* onset: the leading consonants, as key3() bytes */
    int a = 0;
    uint32_t on = 0;
    int sh = 0;
    while (a < n && !is_vowel(&l[a])) {
        int dd = l[a].vowel == VNT__V_DD, w = dd ? 16 : 8;
        if (sh + w > 24) return 0; /* longer than any onset */
        on |= (dd ? K2(0xC4, 0x91) : K1(l[a].base)) << sh;
        sh += w;
        a++;
    }
    if (a == n) return 0; /* no vowel */
    int rs = a;           /* written index of the rhyme's first letter */
    int gi_shared = 0;    /* the i of gi is also the nucleus' first letter */
    if (on == K1('q')) {
        /* q is only ever written qu */
        if (l[a].vowel != VNT__V_U) return 0;
        on = K2('q', 'u');
        rs = a + 1;
    } else if (on == K1('g') && l[a].vowel == VNT__V_I) {
        on = K2('g', 'i');
        if (a + 1 < n && is_vowel(&l[a + 1])) {
            rs = a + 1;
            if (l[a + 1].vowel == VNT__V_EE) gi_shared = 2; /* try gi + iê first */
        } else {
            gi_shared = 1; /* gì, gìn: nucleus i */
        }
    }
    int onset = -1;
    if (sh == 8 && on >= 'b' && on <= 'x') {
        /* one letter: b c d g h k l m n p r s t v x */
        static const int8_t one[] = {1,  2,  4,  -1, -1, 6,  9,  -1, -1, 10, 12, 13,
                                     14, -1, 18, -1, 21, 22, 23, -1, 26, -1, 27};
        onset = one[on - 'b'];
    } else {
        for (int i = 0; i < O_COUNT; i++)
            if (onset_key[i] == on) {
                onset = i;
                break;
            }
    }
    if (onset < 0) return 0;
    /* the vowel run and the consonant coda after it */
    uint8_t c[4];
    int L = 0, j = rs;
    if (gi_shared == 2) c[L++] = VNT__V_I;
    while (j < n && is_vowel(&l[j])) {
        if (L >= 4) return 0;
        c[L++] = l[j].vowel;
        j++;
    }
    if (L == 0) return 0;
    uint32_t ck = 0; /* the consonant coda, as key3() bytes */
    int cl = 0;
    for (; j < n; j++) {
        if (is_vowel(&l[j]) || l[j].vowel == VNT__V_DD || cl >= 2) return 0;
        ck |= K1(l[j].base) << (8 * cl++);
    }
    /* key3() of the consonant codas */
    static const uint32_t coda_key[K_I] = {
        0, K1('c'), K2('c', 'h'), K1('m'), K1('n'), K2('n', 'g'), K2('n', 'h'), K1('p'), K1('t')};
    int fc = -1;
    for (int k = 0; k < K_I; k++)
        if (coda_key[k] == ck) {
            fc = k;
            break;
        }
    if (fc < 0) return 0;
    int glide, nuc, coda;
    int ok = split_rhyme(c, L, fc, onset, tone, &glide, &nuc, &coda);
    if (!ok && gi_shared == 2) {
        gi_shared = 0;
        ok = split_rhyme(c + 1, L - 1, fc, onset, tone, &glide, &nuc, &coda);
    }
    if (!ok) return 0;
    /* the i of gi is never written twice: "gii" would be gi + i = gi */
    if (onset == O_GI && !gi_shared && nucs[nuc].v[0] == VNT__V_I) return 0;
    if (gi_shared == 2) rs = a; /* nucleus iê starts at the i of gi */
    if (gi_shared == 1) rs = a;
    out->onset = (uint8_t)onset;
    out->glide = (uint8_t)glide;
    out->nucleus = (uint8_t)nuc;
    out->coda = (uint8_t)coda;
    out->tone = (uint8_t)tone;
    out->tone_pos = (int8_t)tone_pos;
    out->nuc_pos = (uint8_t)(rs + (glide ? 1 : 0));
    out->nletters = (uint8_t)n;
    return 1;
}

/* Written index of the letter that carries the tone in `style`. */
static int tone_index(int glide, int nuc, int coda, int nuc_pos, vnt_tone_style style)
{
    /* open oa, oe, uy: traditional on the glide (hòa), modern on the vowel (hoà) */
    if (coda == K_NONE && glide && (nuc == VNT__V_A || nuc == VNT__V_E || nuc == VNT__V_Y) &&
        style != VNT_TONES_MODERN)
        return nuc_pos - 1;
    return nuc_pos + nucs[nuc].tone_at;
}

int vnt__syl_tone_index(const vnt__syl *s, vnt_tone_style style)
{
    return tone_index(s->glide, s->nucleus, s->coda, s->nuc_pos, style);
}

unsigned vnt__syl_tone_slots(const vnt__syl *s, vnt_tone_style style)
{
    if (style == VNT_TONES_KEEP)
        return (1u << vnt__syl_tone_index(s, VNT_TONES_TRADITIONAL)) |
               (1u << vnt__syl_tone_index(s, VNT_TONES_MODERN));
    return 1u << vnt__syl_tone_index(s, style);
}

/* ------------------------------------------------------ public syllables */

/* Read one letter at s[*i] with the Vietnamese combining marks that follow
 * it (any order). 1 on success, 0 if s[*i] is not a letter or a mark cannot
 * be absorbed (then nothing is consumed past the base). */
static int read_letter(const char *s, size_t n, size_t *i, vnt__letter *out)
{
    uint32_t cp;
    int k = vnt_utf8_decode(s + *i, n - *i, &cp);
    if (k <= 0 || !vnt__letter_get(cp, out)) return 0;
    size_t j = *i + (size_t)k;
    while (j < n) {
        k = vnt_utf8_decode(s + j, n - j, &cp);
        if (k <= 0 || cp < 0x300 || cp > 0x36F) break;
        if (!vnt__absorb_mark(out, cp)) return 0;
        j += (size_t)k;
    }
    *i = j;
    return 1;
}

vnt_status vnt_syllable_parse(const char *s, size_t n, vnt_syllable *out)
{
    if (!out || (!s && n)) return VNT_ERR_ARG;
    vnt__letter l[VNT__SYL_MAX];
    int nl = 0;
    size_t i = 0;
    while (i < n) {
        if (nl >= VNT__SYL_MAX || !read_letter(s, n, &i, &l[nl])) return VNT_ERR_NOT_SYLLABLE;
        nl++;
    }
    vnt__syl sy;
    if (!vnt__syl_parse(l, nl, &sy)) return VNT_ERR_NOT_SYLLABLE;
    memset(out, 0, sizeof *out);
    strcpy(out->onset, onset_name(sy.onset));
    if (sy.glide) out->glide[0] = (char)sy.glide;
    strcpy(out->nucleus, nucs[sy.nucleus].str);
    strcpy(out->coda, coda_str[sy.coda]);
    out->tone = (vnt_tone)sy.tone;
    out->tone_letter = sy.tone_pos;
    out->len = n;
    int up = 0;
    for (int k = 0; k < nl; k++)
        up += l[k].upper;
    if (up == 0)
        out->letter_case = VNT_CASE_LOWER;
    else if (up == nl)
        out->letter_case = VNT_CASE_UPPER;
    else if (up == 1 && l[0].upper)
        out->letter_case = VNT_CASE_TITLE;
    else
        out->letter_case = VNT_CASE_MIXED;
    return VNT_OK;
}

int vnt_is_syllable(const char *s, size_t n)
{
    vnt_syllable syl;
    return s && vnt_syllable_parse(s, n, &syl) == VNT_OK;
}

/* Letters of a spelled part ("ngh", "uô", "đ") appended as lower-case letters. */
static int add_letters(const char *p, vnt__letter *l, int nl)
{
    size_t n = strlen(p), i = 0;
    while (i < n) {
        if (nl >= VNT__SYL_MAX || !read_letter(p, n, &i, &l[nl])) return -1;
        if (l[nl].upper || l[nl].tone) return -1;
        nl++;
    }
    return nl;
}

/* Letters and tone index of a public syllable; -1 if its parts are unknown. */
static int syl_letters(const vnt_syllable *syl, vnt_tone_style style, vnt__letter *l, int *tone_at)
{
    int onset = onset_index(syl->onset);
    int nuc = nucleus_index(syl->nucleus);
    int coda = coda_index(syl->coda);
    if (onset < 0 || nuc < 0 || coda < 0) return -1;
    int glide = syl->glide[0];
    if ((glide && glide != 'o' && glide != 'u') || (glide && syl->glide[1])) return -1;
    int nl = add_letters(syl->onset, l, 0);
    if (nl < 0) return -1;
    /* gi + i / iê: the i of gi is the nucleus' first letter */
    int shared = onset == O_GI && nucs[nuc].v[0] == VNT__V_I;
    int nuc_pos = nl - shared + (glide ? 1 : 0);
    if (glide) {
        char g[2] = {(char)glide, 0};
        nl = add_letters(g, l, nl);
    }
    nl = nl < 0 ? -1 : add_letters(syl->nucleus + (shared ? 1 : 0), l, nl);
    nl = nl < 0 ? -1 : add_letters(syl->coda, l, nl);
    if (nl < 0) return -1;
    *tone_at = tone_index(glide, nuc, coda, nuc_pos, style);
    return nl;
}

int vnt_syllable_tone_letter(const vnt_syllable *syl, vnt_tone_style style)
{
    vnt__letter l[VNT__SYL_MAX];
    int at = -1;
    if (!syl || syl_letters(syl, style, l, &at) < 0) return -1;
    return at;
}

size_t vnt_syllable_write(const vnt_syllable *syl, vnt_tone_style style, char *out, size_t cap)
{
    vnt__letter l[VNT__SYL_MAX];
    int at = -1;
    int nl = syl ? syl_letters(syl, style, l, &at) : -1;
    if (nl < 0 || (unsigned)syl->tone > VNT_TONE_DOT) nl = 0;
    if (nl > 0 && at >= 0 && at < nl && syl->tone) l[at].tone = (uint8_t)syl->tone;
    char buf[64];
    size_t len = 0;
    for (int i = 0; i < nl; i++) {
        int c = syl->letter_case; /* MIXED cannot be rebuilt: written lower */
        l[i].upper = c == VNT_CASE_UPPER || (c == VNT_CASE_TITLE && i == 0);
        len += vnt_utf8_encode(vnt__letter_to_cp(&l[i]), buf + len);
    }
    if (out && cap) {
        size_t k = len < cap ? len : 0; /* all or nothing: never half a syllable */
        memcpy(out, buf, k);
        out[k < cap ? k : cap - 1] = 0;
    }
    return len;
}

/* ------------------------------------------------------------ stripping */

typedef struct sink {
    char *out;
    size_t cap, len, good; /* good: bytes of whole characters that fit */
} sink;

static void sink_put(sink *k, const char *p, size_t n)
{
    /* whole characters only, and keep a byte for the NUL */
    if (k->out && k->len == k->good && k->len + n < k->cap) {
        memcpy(k->out + k->len, p, n);
        k->good = k->len + n;
    }
    k->len += n;
}

static void sink_cp(sink *k, uint32_t cp)
{
    char b[4];
    sink_put(k, b, vnt_utf8_encode(cp, b));
}

/* all = 0: drop tone marks; all = 1: drop every diacritic, đ -> d. */
static size_t strip(const char *s, size_t n, char *out, size_t cap, int all)
{
    sink k = {out, cap, 0, 0};
    if (!s) n = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int len = vnt_utf8_decode(s + i, n - i, &cp);
        if (len <= 0) {
            sink_cp(&k, VNT_REPLACEMENT_CHAR);
            i += (size_t)-len;
            continue;
        }
        vnt__letter l;
        if (vnt__letter_get(cp, &l)) {
            /* compose with the marks that follow (NFD input), then drop */
            i += (size_t)len;
            while (i < n) {
                uint32_t m;
                int ml = vnt_utf8_decode(s + i, n - i, &m);
                if (ml <= 0 || !vnt__absorb_mark(&l, m)) break;
                i += (size_t)ml;
            }
            l.tone = 0;
            if (all)
                sink_cp(&k, l.upper ? (uint32_t)l.base - 32 : l.base);
            else
                sink_cp(&k, vnt__letter_to_cp(&l));
            continue;
        }
        i += (size_t)len;
        /* stray combining marks: tone marks are dropped by both, every
         * other diacritic (U+0300..U+036F) by strip_diacritics */
        if (cp >= 0x300 && cp <= 0x36F && (all || vnt__combining_tone(cp))) continue;
        if (all && (cp == 0xD0 || cp == 0x189)) cp = 'D'; /* Ð Ɖ lookalikes of Đ */
        if (all && (cp == 0xF0 || cp == 0x256)) cp = 'd';
        sink_cp(&k, cp);
    }
    if (out && cap) out[k.good] = 0;
    return k.len;
}

size_t vnt_strip_tones(const char *s, size_t n, char *out, size_t cap)
{
    return strip(s, n, out, cap, 0);
}

size_t vnt_strip_diacritics(const char *s, size_t n, char *out, size_t cap)
{
    return strip(s, n, out, cap, 1);
}
