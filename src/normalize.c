/* Normalization: NFC for Vietnamese letters, tone-mark repair and placement,
 * lookalike folding, with an offset map.
 *
 * Scope: we compose exactly the Vietnamese letters (base + circumflex / breve
 * / horn + one of the five tone marks, in any order, including the deprecated
 * U+0340/U+0341). A mark that cannot join a Vietnamese letter is composed
 * with the letter before it by the Unicode composition table when a pair
 * composes (u + U+0308 -> ü); we do not reorder marks by combining class, so
 * other scripts are NFC only when their marks come in canonical order (as
 * they do in NFD text). Every other character passes through unchanged.
 *
 * The unit of work is the word: a maximal run of letters (ASCII, Vietnamese,
 * other Latin, Greek, Cyrillic), combining marks U+0300..U+036F and
 * zero-width characters. Word boundaries are the same before and after
 * normalization (zero-width characters are inside words, NBSP is a boundary
 * both as NBSP and as space), which is what makes the result idempotent.
 *
 * Fast path: most words of clean NFC text need nothing. A word made only of
 * ASCII letters and precomposed Vietnamese letters with at most one tone mark
 * on the right vowel is left in place without being copied; runs of such
 * bytes are copied with one memcpy when a change (or the end) comes. Only
 * the other words go through the slow path: split into letters, fold, compose,
 * parse as a syllable (syllable.c) and move the tone mark. */
#include "internal.h"
#include "charset_impl.h"

#include "letters_table.h"

/* ASCII classes: 1 consonant letter, 2 vowel letter (a e i o u y) */
static const uint8_t ascii_class[128] = {
    ['b'] = 1, ['c'] = 1, ['d'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['j'] = 1, ['k'] = 1,
    ['l'] = 1, ['m'] = 1, ['n'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['z'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Z'] = 1,
    ['a'] = 2, ['e'] = 2, ['i'] = 2, ['o'] = 2, ['u'] = 2, ['y'] = 2, ['A'] = 2, ['E'] = 2,
    ['I'] = 2, ['O'] = 2, ['U'] = 2, ['Y'] = 2,
};

static const uint8_t ascii_vowel[128] = {
    ['a'] = VNT__V_A, ['e'] = VNT__V_E, ['i'] = VNT__V_I, ['o'] = VNT__V_O,
    ['u'] = VNT__V_U, ['y'] = VNT__V_Y, ['A'] = VNT__V_A, ['E'] = VNT__V_E,
    ['I'] = VNT__V_I, ['O'] = VNT__V_O, ['U'] = VNT__V_U, ['Y'] = VNT__V_Y,
};

/* Decode one character; returns its length, or <= 0 for invalid UTF-8
 * (-(length of the maximal invalid subpart)). Inline for 2- and 3-byte forms
 * (all Vietnamese letters), the library decoder otherwise. */
static inline int decode(const unsigned char *s, size_t n, size_t i, uint32_t *cp)
{
    unsigned c = s[i];
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
        return 2;
    }
    if (c >= 0xE1 && c <= 0xEC && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        return 3;
    }
    return vnt_utf8_decode((const char *)s + i, n - i, cp);
}

/* Packed precomposed Vietnamese letter (letters_table.h), 0 if not one. */
static inline unsigned packed_letter(uint32_t cp)
{
    /* both ranges looked up without a branch: the scan meets 2-byte and
     * 3-byte letters in no predictable order */
    uint32_t o1 = cp - VNT__LET_LO1, o2 = cp - VNT__LET_LO2;
    unsigned in1 = o1 <= VNT__LET_HI1 - VNT__LET_LO1, in2 = o2 <= VNT__LET_HI2 - VNT__LET_LO2;
    unsigned p1 = vnt__let_dec1[in1 ? o1 : 0], p2 = vnt__let_dec2[in2 ? o2 : 0];
    return (p1 & (0u - in1)) | (p2 & (0u - in2));
}

static inline int is_zero_width(uint32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

/* Characters that belong to words (besides ASCII letters): Latin letters
 * (U+00C0..U+024F without × ÷, IPA, Latin Extended Additional), Greek and
 * Cyrillic letters, combining marks, zero-width characters. */
static inline int is_word_cp(uint32_t cp)
{
    if (cp < 0xC0) return 0;
    if (cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
    if (cp <= 0x2AF) return 1;
    if (cp >= 0x300 && cp <= 0x36F) return 1;
    if (cp >= 0x370 && cp <= 0x4FF)
        return cp != 0x37E && cp != 0x387 && !(cp >= 0x482 && cp <= 0x489);
    if (cp >= 0x1E00 && cp <= 0x1FFF) return 1; /* Latin Extended Additional, Greek Extended */
    return is_zero_width(cp);
}

/* Cyrillic and Greek letters that look like Latin ones, folded inside words
 * that are otherwise Latin. */
static uint32_t lookalike(uint32_t cp)
{
    switch (cp) {
    /* Cyrillic */
    case 0x0430: return 'a';
    case 0x0435: return 'e';
    case 0x043E: return 'o';
    case 0x0440: return 'p';
    case 0x0441: return 'c';
    case 0x0443: return 'y';
    case 0x0445: return 'x';
    case 0x0455: return 's';
    case 0x0456: return 'i';
    case 0x0458: return 'j';
    case 0x04BB: return 'h';
    case 0x0410: return 'A';
    case 0x0412: return 'B';
    case 0x0415: return 'E';
    case 0x041A: return 'K';
    case 0x041C: return 'M';
    case 0x041D: return 'H';
    case 0x041E: return 'O';
    case 0x0420: return 'P';
    case 0x0421: return 'C';
    case 0x0422: return 'T';
    case 0x0423: return 'Y';
    case 0x0425: return 'X';
    case 0x0405: return 'S';
    case 0x0406: return 'I';
    case 0x0408: return 'J';
    /* Greek */
    case 0x0391: return 'A';
    case 0x0392: return 'B';
    case 0x0395: return 'E';
    case 0x0396: return 'Z';
    case 0x0397: return 'H';
    case 0x0399: return 'I';
    case 0x039A: return 'K';
    case 0x039C: return 'M';
    case 0x039D: return 'N';
    case 0x039F: return 'O';
    case 0x03A1: return 'P';
    case 0x03A4: return 'T';
    case 0x03A5: return 'Y';
    case 0x03A7: return 'X';
    case 0x03BF: return 'o';
    case 0x03BD: return 'v';
    default: return 0;
    }
}

/* Ð (U+00D0 Eth), Ɖ (U+0189 African D), ð, ɖ are typed for Đ/đ. */
static inline uint32_t eth_fold(uint32_t cp)
{
    if (cp == 0xD0 || cp == 0x189) return 0x110;
    if (cp == 0xF0 || cp == 0x256) return 0x111;
    return 0;
}

typedef struct ctx {
    const unsigned char *s;
    size_t n;
    vnt__buf *b;
    vnt_tone_style style;
    int fold;   /* lookalikes, zero-width, NBSP */
    int repair; /* move tone marks */
} ctx;

/* Copy input bytes [from, to) to the output; with a map each byte maps to
 * the start of its character. */
static void put_raw(ctx *c, size_t from, size_t to)
{
    vnt__buf *b = c->b;
    if (from >= to || !vnt__buf_reserve(b, to - from)) return;
    memcpy(b->data + b->len, c->s + from, to - from);
    if (b->mapping) {
        size_t cur = from;
        for (size_t j = from; j < to; j++) {
            if ((c->s[j] & 0xC0) != 0x80) cur = j;
            b->map[b->len + j - from] = cur;
        }
    }
    b->len += to - from;
}

/* ------------------------------------------------------------ slow path */

/* U_CP: a non-Vietnamese letter composed with a following mark (u + U+0308
 * -> ü), so that NFD text in other Latin-script languages comes out NFC too */
enum { U_LETTER, U_RAW, U_CP };

typedef struct unit {
    size_t src;   /* input offset of the character that starts the unit */
    uint32_t len; /* U_RAW: input bytes to copy */
    uint8_t kind;
    vnt__letter let;
    uint32_t cp; /* U_CP: the composed code point */
} unit;

/* The code point a unit stands for, 0 for raw bytes we did not decode. */
static uint32_t unit_cp(const unit *x)
{
    if (x->kind == U_LETTER) return vnt__letter_to_cp(&x->let);
    if (x->kind == U_CP) return x->cp;
    return 0;
}

#define UNITS_MAX 32

static void emit_units(ctx *c, const unit *u, int k)
{
    vnt__buf *b = c->b;
    /* room for the letters (3 bytes at most each); raw units reserve their own */
    if (!vnt__buf_reserve(b, (size_t)k * 3)) return;
    for (int i = 0; i < k; i++) {
        if (u[i].kind == U_RAW) {
            put_raw(c, u[i].src, u[i].src + u[i].len);
            if (!vnt__buf_reserve(b, (size_t)(k - i) * 3)) return;
            continue;
        }
        size_t len = vnt_utf8_encode(unit_cp(&u[i]), b->data + b->len);
        if (b->mapping)
            for (size_t j = 0; j < len; j++)
                b->map[b->len + j] = u[i].src;
        b->len += len;
    }
}

/* Move the tone mark of a word that is one syllable to its place. */
static void repair_tone(ctx *c, unit *u, int k)
{
    vnt__letter l[VNT__SYL_MAX];
    if (k > VNT__SYL_MAX) return;
    for (int i = 0; i < k; i++) {
        if (u[i].kind != U_LETTER) return;
        l[i] = u[i].let;
    }
    vnt__syl sy;
    if (!vnt__syl_parse(l, k, &sy) || !sy.tone) return;
    /* KEEP: a mark valid in either style stays; an impossible one goes to
     * the traditional place */
    if (vnt__syl_tone_slots(&sy, c->style) & (1u << sy.tone_pos)) return;
    int to = vnt__syl_tone_index(&sy, c->style);
    u[sy.tone_pos].let.tone = 0;
    u[to].let.tone = sy.tone;
}

/* Normalize the word starting at w; returns its end. */
static size_t slow_word(ctx *c, size_t w)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    /* pass 1: extent and script mix, which decide folding */
    int has_latin = 0, has_other = 0, has_letter = 0;
    size_t j = w;
    while (j < n) {
        uint32_t cp = s[j];
        int k = 1;
        if (cp < 0x80) {
            if (!ascii_class[cp]) break;
            has_latin = has_letter = 1;
        } else {
            k = decode(s, n, j, &cp);
            if (k <= 0 || !is_word_cp(cp)) break;
            if (cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF)) {
                has_latin = has_letter = 1;
            } else if ((cp >= 0x370 && cp <= 0x4FF) || (cp >= 0x1F00 && cp <= 0x1FFF)) {
                has_letter = 1;
                if (!lookalike(cp)) has_other = 1;
            }
        }
        j += (size_t)k;
    }
    size_t we = j;
    int fold_word = c->fold && has_latin && !has_other;

    /* pass 2: units. Zero-width characters vanish (when folding) and are
     * transparent: a mark after one still joins the letter before it. */
    unit u[UNITS_MAX];
    int k = 0, overflow = 0;
    for (j = w; j < we;) {
        uint32_t cp = s[j];
        int len = cp < 0x80 ? 1 : decode(s, n, j, &cp);
        size_t at = j;
        j += (size_t)len;
        if (is_zero_width(cp)) {
            /* ZWJ/ZWNJ outside letters (emoji sequences) stay */
            if (c->fold && (has_letter || (cp != 0x200C && cp != 0x200D))) continue;
        } else if (cp >= 0x300 && cp <= 0x36F) {
            if (k > 0 && u[k - 1].kind == U_LETTER && vnt__absorb_mark(&u[k - 1].let, cp)) continue;
            /* not a Vietnamese letter: Unicode canonical composition of the
             * pair, when one exists (UAX #15; table in charset_nfc.c) */
            uint32_t base = k > 0 ? unit_cp(&u[k - 1]) : 0, comp;
            if (k > 0 && u[k - 1].kind == U_RAW) /* a Cyrillic or Greek letter: и + U+0306 */
                decode(s, n, u[k - 1].src, &base);
            /* only into a word character, so that word boundaries (and so
             * the result of a second pass) do not move */
            if (base && (comp = vnt__cs_compose(base, cp)) != 0 && is_word_cp(comp)) {
                unit *p = &u[k - 1];
                if (!vnt__letter_get(comp, &p->let)) {
                    p->kind = U_CP;
                    p->cp = comp;
                }
                continue;
            }
        }
        if (k == UNITS_MAX) {
            /* too long to be a syllable: stream, keeping the last unit open
             * for the marks that may follow */
            emit_units(c, u, k - 1);
            u[0] = u[k - 1];
            k = 1;
            overflow = 1;
        }
        unit *x = &u[k++];
        x->src = at;
        x->len = (uint32_t)len;
        x->kind = U_LETTER;
        uint32_t f;
        if (cp < 0x80) {
            /* an ASCII letter (the word scan let only letters through) */
            x->let.base = (uint8_t)(cp | 0x20);
            x->let.upper = !(cp & 0x20);
            x->let.mod = VNT__MOD_NONE;
            x->let.tone = 0;
            x->let.vowel = ascii_class[cp] == 2 ? ascii_vowel[cp] : 0xFF;
            continue;
        }
        if (vnt__letter_get(cp, &x->let)) continue;
        if (c->fold && (f = eth_fold(cp)) != 0) {
            vnt__letter_get(f, &x->let);
            continue;
        }
        if (fold_word && (f = lookalike(cp)) != 0) {
            vnt__letter_get(f, &x->let);
            continue;
        }
        x->kind = U_RAW;
    }
    if (c->repair && !overflow) repair_tone(c, u, k);
    emit_units(c, u, k);
    return we;
}

/* ------------------------------------------------------------ fast path */

/* 1 for the vowels with a modifier (ă â ê ô ơ ư), by vowel index */
static const uint8_t vowel_modified[VNT__V_COUNT] = {0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0};

/* The tone slot from the shape of the vowel run alone, without validating
 * the syllable. code[i] is the vowel index of letter i or VNT__SYL_CONS +
 * base for a consonant (đ counts as a consonant). It must agree with
 * vnt__syl_tone_slots on every valid syllable (checked exhaustively by
 * tests/unit/test_syllable.c); on other words it may say anything, because
 * the caller then parses. Returns 0 when the word has no single vowel run. */
static inline unsigned quick_slots(const uint8_t *code, int n, vnt_tone_style style)
{
    int a = 0;
    while (a < n && code[a] >= VNT__V_DD)
        a++;
    int b = a;
    while (b < n && code[b] < VNT__V_DD)
        b++;
    if (a == n) return 0;
    for (int k = b; k < n; k++)
        if (code[k] < VNT__V_DD) return 0;
    /* qu, gi are onsets */
    if (a == 1 && b - a >= 2 &&
        ((code[0] == VNT__SYL_CONS + 'q' && code[1] == VNT__V_U) ||
         (code[0] == VNT__SYL_CONS + 'g' && code[1] == VNT__V_I)))
        a++;
    int len = b - a;
    if (len == 1) return 1u << a;
    /* a nucleus with a modified vowel carries the mark on the last one:
     * ươ -> ơ, ưa -> ư, uyê -> ê, oă -> ă, âu -> â */
    for (int k = b - 1; k >= a; k--)
        if (vowel_modified[code[k]]) return 1u << k;
    if (len == 3) return 1u << (a + 1); /* oai oay oeo uya uyu */
    if (len != 2) return 0;
    if (b < n) return 1u << (a + 1); /* closed: oan, uyt, oong */
    if ((code[a] == VNT__V_O && (code[a + 1] == VNT__V_A || code[a + 1] == VNT__V_E)) ||
        (code[a] == VNT__V_U && code[a + 1] == VNT__V_Y)) {
        /* open oa oe uy: hòa / hoà */
        if (style == VNT_TONES_TRADITIONAL) return 1u << a;
        if (style == VNT_TONES_MODERN) return 1u << (a + 1);
        return (1u << a) | (1u << (a + 1));
    }
    return 1u << a; /* ia ua ai ao au ay eo iu oi ui */
}

unsigned vnt__tone_slots_quick(const uint8_t *code, int n, vnt_tone_style style)
{
    return quick_slots(code, n, style);
}

/* Scan the word at w. Returns its end in *end and 1 if it needs no change:
 * only ASCII and precomposed Vietnamese letters, and its tone mark (if one)
 * where the syllable model puts it, or a shape that cannot be a syllable
 * (the slow path would leave it too). */
static int quick_word(const ctx *c, size_t w, size_t *end)
{
    const unsigned char *s = c->s;
    size_t n = c->n, j = w;
    uint8_t code[VNT__SYL_MAX];
    int nl = 0, tones = 0, tpos = -1;
    while (j < n) {
        unsigned b = s[j];
        unsigned v;
        if (b < 0x80) {
            unsigned cl = ascii_class[b];
            if (!cl) break;
            v = cl == 2 ? ascii_vowel[b] : VNT__SYL_CONS + (b | 0x20);
            j++;
        } else {
            uint32_t cp;
            int k = decode(s, n, j, &cp);
            if (k <= 0) break;
            unsigned p = packed_letter(cp);
            if (!p) {
                if (!is_word_cp(cp)) break; /* the word ends here */
                *end = j;
                return 0; /* a mark, lookalike or foreign letter: slow path */
            }
            v = (p & 15) - 1u;
            if (p & 0x70) {
                tones++;
                tpos = nl;
            }
            j += (size_t)k;
        }
        if (nl < VNT__SYL_MAX) code[nl] = (uint8_t)v;
        nl++;
    }
    *end = j;
    if (tones != 1 || !c->repair || nl > VNT__SYL_MAX) return 1;
    unsigned slots = quick_slots(code, nl, c->style);
    return !slots || (slots & (1u << tpos));
}

/* Start of the word that contains position i, not before lim. [lim, i) is
 * valid UTF-8 (the forward scan decoded it). */
static size_t word_start(const unsigned char *s, size_t n, size_t lim, size_t i)
{
    size_t j = i;
    while (j > lim) {
        unsigned q = s[j - 1];
        if (q < 0x80) {
            if (!ascii_class[q]) break;
            j--;
            continue;
        }
        size_t t = j - 1;
        while (t > lim && (s[t] & 0xC0) == 0x80)
            t--;
        uint32_t cp;
        if (decode(s, n, t, &cp) <= 0 || !is_word_cp(cp)) break;
        j = t;
    }
    return j;
}

/* Letter flags of a packed value (letters_table.h) for the scan below. */
enum { F_VOWEL = 1, F_TONED = 2, F_MOD = 4 };
/* vowel indices with a modifier: ă â ê ô ơ ư */
#define MODIFIED_VOWELS                                                                            \
    ((1u << VNT__V_AW) | (1u << VNT__V_AA) | (1u << VNT__V_EE) | (1u << VNT__V_OO) |               \
     (1u << VNT__V_OW) | (1u << VNT__V_UW))

/* The flags of every packed value, computed by the compiler: a vowel
 * (index 0..11 = packed low nibble 1..12), toned, modified. */
#define PF_V(p) (((p)&15) >= 1 && ((p)&15) <= VNT__V_DD)
#define PF(p)                                                                                      \
    (PF_V(p) ? (F_VOWEL | (((p)&0x70) ? F_TONED : 0) |                                             \
                (((MODIFIED_VOWELS >> ((((p)&15) - 1) & 15)) & 1) << 2))                           \
             : 0)
#define PF4(b)  PF(b), PF(b + 1), PF(b + 2), PF(b + 3)
#define PF16(b) PF4(b), PF4(b + 4), PF4(b + 8), PF4(b + 12)
#define PF64(b) PF16(b), PF16(b + 16), PF16(b + 32), PF16(b + 48)
static const uint8_t packed_flag_table[256] = {PF64(0), PF64(64), PF64(128), PF64(192)};

static inline unsigned packed_flags(unsigned p)
{
    return packed_flag_table[p & 255];
}

/* ASCII vowels a e i o u y, over all bytes (0 from 0x80 on). */
static const uint8_t vowel_byte[256] = {
    ['a'] = 1, ['e'] = 1, ['i'] = 1, ['o'] = 1, ['u'] = 1, ['y'] = 1,
    ['A'] = 1, ['E'] = 1, ['I'] = 1, ['O'] = 1, ['U'] = 1, ['Y'] = 1,
};

vnt_status vnt_normalize(const char *str, size_t n, const vnt_norm_opts *opts, vnt_text *out)
{
    if (!out || (!str && n)) return VNT_ERR_ARG;
    /* every version so far has these three fields; a zeroed struct
     * (version 0) reads as version 1 */
    unsigned flags = opts ? opts->flags : 0;
    vnt_tone_style style = opts ? opts->tones : VNT_TONES_KEEP;
    if ((unsigned)style > VNT_TONES_MODERN) return VNT_ERR_ARG;
    vnt__buf b;
    vnt__buf_init(&b, n, (flags & VNT_MAP) != 0);
    ctx c = {(const unsigned char *)str,        n, &b, style, !(flags & VNT_NORM_NO_LOOKALIKES),
             !(flags & VNT_NORM_NO_TONE_REPAIR)};
    const unsigned char *s = c.s;
    const unsigned repair = c.repair ? ~0u : 0;
    /* input [flushed, i) is pending output, unchanged; lim: words before it
     * are done (it is a word boundary) */
    size_t i = 0, flushed = 0, lim = 0;
    size_t prev_end = (size_t)-1; /* end of the last non-ASCII character, */
    unsigned prev_f = 0;          /* and its letter flags */
    for (;;) {
        /* ASCII never needs a change by itself: skip 8 bytes at a time */
        while (i + 8 <= n) {
            uint64_t w8;
            memcpy(&w8, s + i, 8);
            uint64_t m = w8 & 0x8080808080808080ull;
            if (m) {
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                i += (size_t)__builtin_ctzll(m) >> 3;
#else
                while (s[i] < 0x80)
                    i++;
#endif
                goto found;
            }
            i += 8;
        }
        while (i < n && s[i] < 0x80)
            i++;
        if (i >= n) break;
    found:;
        /* Every Vietnamese letter is C3..C6 xx (U+00C0..U+01BF) or E1 BA/BB xx
         * (U+1E80..U+1EFF): look those up straight from the bytes, without
         * branching on the length; anything else takes the general decoder. */
        uint32_t cp = 0;
        int k = 0;
        unsigned p = 0;
        if (VNT__LIKELY(i + 3 < n)) {
            unsigned ch = s[i], b1 = s[i + 1], b2 = s[i + 2];
            unsigned c1 = (b1 & 0xC0) == 0x80, c2 = (b2 & 0xC0) == 0x80;
            unsigned is2 = (ch - 0xC3u <= 3) & c1;
            unsigned is3 = (ch == 0xE1) & (b1 - 0xBAu <= 1) & c1 & c2;
            unsigned i1 = ((ch - 0xC3u) << 6 | (b1 & 0x3Fu)) & 0xFFu;
            unsigned i2 = (((b1 & 1u) << 6 | (b2 & 0x3Fu)) - 0x20u) & 0x7Fu;
            unsigned in1 = is2 & (i1 <= VNT__LET_HI1 - VNT__LET_LO1);
            unsigned in2 = is3 & (i2 <= VNT__LET_HI2 - VNT__LET_LO2); /* E1 BA 80..9F wrap above */
            /* masks, not conditionals: both loads always happen (index 0
             * when out of range), so the compiler has nothing to branch on */
            unsigned m1 = 0u - in1, m2 = 0u - in2;
            p = (vnt__let_dec1[i1 & m1] & m1) | (vnt__let_dec2[i2 & m2] & m2);
            k = 2 + (int)is3;
        }
        if (VNT__UNLIKELY(!p)) {
            k = decode(s, n, i, &cp);
            if (VNT__UNLIKELY(k <= 0)) {
                if (!(flags & VNT_LOSSY)) {
                    vnt__buf_free(&b);
                    vnt__text_reset(out);
                    out->err_offset = i;
                    return VNT_ERR_UTF8;
                }
                put_raw(&c, flushed, i);
                vnt__buf_bad(&b, i);
                vnt__buf_put_cp(&b, VNT_REPLACEMENT_CHAR, i);
                i += (size_t)(k < 0 ? -k : 1);
                lim = flushed = i;
                prev_f = 0;
                continue;
            }
            p = packed_letter(cp);
        }
        unsigned f = packed_flags(p);
        /* A tone mark can only be misplaced on a vowel next to another
         * vowel: a lone vowel carries the tone of its syllable. On a
         * modified vowel (ă â ê ô ơ ư) it is in place unless another
         * modified vowel follows (ướ, not ứơ): quick_slots puts the mark on
         * the last one. Checked from both sides of each non-ASCII letter,
         * without branches; a hit sends the word to quick_word. */
        size_t e = i + (size_t)k;
        unsigned prev_ascii = vowel_byte[s[i - (i != 0)]]; /* s[i] itself is not ASCII */
        unsigned next_ascii = e < n ? vowel_byte[s[e]] : 0;
        unsigned adj = prev_end == i;
        unsigned toned = (f >> 1) & 1, mod = (f >> 2) & 1, vowel = f & 1;
        unsigned p_toned = (prev_f >> 1) & 1, p_mod = (prev_f >> 2) & 1, p_vowel = prev_f & 1;
        unsigned look = (toned & (mod ^ 1) & (prev_ascii | next_ascii | (adj & p_vowel))) |
                        (vowel & adj & p_toned & ((p_mod ^ 1) | mod));
        look &= repair;
        prev_end = e;
        prev_f = f;
        if (VNT__LIKELY(!look && p)) {
            i = e;
            continue;
        }
        if (!p && !is_word_cp(cp)) {
            if (c.fold && (cp == 0xA0 || cp == 0x202F)) {
                /* no-break spaces -> space */
                put_raw(&c, flushed, i);
                vnt__buf_putc(&b, ' ', i);
                lim = flushed = e;
            }
            i = e;
            continue;
        }
        /* this word needs a closer look; a mark, lookalike or foreign letter
         * (!p) always means the slow path */
        size_t w = word_start(s, n, lim, i), end;
        if (p && quick_word(&c, w, &end)) {
            i = lim = end;
            continue;
        }
        put_raw(&c, flushed, w);
        i = lim = flushed = slow_word(&c, w);
    }
    if (flushed == 0 && !b.mapping) {
        /* nothing changed: one copy */
        vnt__buf_put(&b, str, n, 0);
    } else {
        put_raw(&c, flushed, n);
    }
    return vnt__buf_finish(&b, n, out);
}

/* The reference: every word through slow_word, no fast path. Same result as
 * vnt_normalize by design; tests and fuzzers compare the two. */
vnt_status vnt__normalize_ref(const char *str, size_t n, const vnt_norm_opts *opts, vnt_text *out)
{
    if (!out || (!str && n)) return VNT_ERR_ARG;
    unsigned flags = opts ? opts->flags : 0;
    vnt_tone_style style = opts ? opts->tones : VNT_TONES_KEEP;
    if ((unsigned)style > VNT_TONES_MODERN) return VNT_ERR_ARG;
    vnt__buf b;
    vnt__buf_init(&b, n, (flags & VNT_MAP) != 0);
    ctx c = {(const unsigned char *)str,        n, &b, style, !(flags & VNT_NORM_NO_LOOKALIKES),
             !(flags & VNT_NORM_NO_TONE_REPAIR)};
    size_t i = 0;
    while (i < n) {
        uint32_t cp = c.s[i];
        int k = 1;
        if (cp >= 0x80) k = vnt_utf8_decode(str + i, n - i, &cp);
        if (k <= 0) {
            if (!(flags & VNT_LOSSY)) {
                vnt__buf_free(&b);
                vnt__text_reset(out);
                out->err_offset = i;
                return VNT_ERR_UTF8;
            }
            vnt__buf_bad(&b, i);
            vnt__buf_put_cp(&b, VNT_REPLACEMENT_CHAR, i);
            i += (size_t)(k < 0 ? -k : 1);
        } else if (cp < 0x80 ? ascii_class[cp] != 0 : is_word_cp(cp)) {
            i = slow_word(&c, i);
        } else if (c.fold && (cp == 0xA0 || cp == 0x202F)) {
            vnt__buf_putc(&b, ' ', i);
            i += (size_t)k;
        } else {
            put_raw(&c, i, i + (size_t)k);
            i += (size_t)k;
        }
    }
    return vnt__buf_finish(&b, n, out);
}
