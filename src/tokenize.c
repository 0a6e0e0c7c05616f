/* Tokenizer: typed tokens with byte offsets into the original input.
 *
 * One left-to-right pass. Whitespace separates tokens; at each token start
 * the recognisers are tried from the most specific to the least: URL, e-mail,
 * phone, code, time, date, number/percent, abbreviation, word, punctuation.
 * Nothing is copied: input in NFD, with lookalikes, zero-width characters or
 * invalid bytes is scanned as it stands, and the token says (flags) when its
 * key needs vnt_normalize(). */
#include "internal.h"
#include "nlp.h"

#include "abbrev_table.h"

/* ------------------------------------------------------ character classes */

enum {
    C_SPACE,  /* White_Space, not a line break */
    C_NL,     /* line break: LF VT FF CR NEL LS PS */
    C_LETTER, /* any script */
    C_DIGIT,  /* ASCII 0-9 */
    C_MARK,   /* combining mark, variation selector */
    C_ZW,     /* default-ignorable format char: ZWSP ZWNJ ZWJ WJ BOM SHY, bidi marks */
    C_PUNCT,  /* Unicode P* */
    C_SYMBOL, /* Unicode S*, private use, and what is neither letter nor punctuation */
    C_CTRL,   /* other control characters */
    C_BAD     /* an invalid UTF-8 sequence (maximal subpart) */
};

/* ASCII by Unicode general category: P* -> 'p', S* -> 's' ($ + < = > ^ ` | ~). */
static const char ascii_cls[129] = "cccccccccSNNNNcccccccccccccccccc"  /* 00-1F */
                                   "Spppsppppppsppppddddddddddppsssp"  /* 20-3F */
                                   "pllllllllllllllllllllllllllpppsp"  /* 40-5F */
                                   "sllllllllllllllllllllllllllpspsc"; /* 60-7F */

static uint8_t ascii_class(unsigned c)
{
    switch (ascii_cls[c]) {
    case 'S': return C_SPACE;
    case 'N': return C_NL;
    case 'l': return C_LETTER;
    case 'd': return C_DIGIT;
    case 'p': return C_PUNCT;
    case 's': return C_SYMBOL;
    default: return C_CTRL;
    }
}

/* Non-ASCII code points, by blocks; close enough to the general categories
 * for tokenizing (a letter of a rare script classed as a letter is what
 * matters). */
static uint8_t cp_class(uint32_t c)
{
    if (c < 0xA0) return c == 0x85 ? C_NL : C_CTRL;
    if (c < 0xC0) {
        switch (c) {
        case 0xA0: return C_SPACE;
        case 0xAD: return C_ZW;
        case 0xAA:
        case 0xB5:
        case 0xBA: return C_LETTER;
        case 0xA1:
        case 0xA7:
        case 0xAB:
        case 0xB6:
        case 0xB7:
        case 0xBB:
        case 0xBF: return C_PUNCT;
        default: return C_SYMBOL;
        }
    }
    if (c < 0x300) return (c == 0xD7 || c == 0xF7) ? C_SYMBOL : C_LETTER;
    if (c < 0x370) return C_MARK;
    if (c < 0x1DC0) {
        if (c >= 0x483 && c <= 0x489) return C_MARK;
        if (c == 0x37E || c == 0x387 || (c >= 0x55A && c <= 0x55F) || c == 0x589 || c == 0x5BE ||
            c == 0x5C0 || c == 0x5C3 || c == 0x5C6 || c == 0x5F3 || c == 0x5F4 || c == 0x60C ||
            c == 0x61B || c == 0x61F || c == 0x6D4 || c == 0x964 || c == 0x965 || c == 0x10FB ||
            (c >= 0x17D4 && c <= 0x17DA))
            return C_PUNCT;
        if (c == 0x1680) return C_SPACE;
        return C_LETTER;
    }
    if (c < 0x1E00) return C_MARK;
    if (c < 0x2000) return C_LETTER; /* Latin Extended Additional (Vietnamese), Greek Extended */
    if (c < 0x2070) {
        if (c <= 0x200A || c == 0x202F || c == 0x205F) return C_SPACE;
        if (c <= 0x200F || (c >= 0x202A && c <= 0x202E) || c >= 0x2060) return C_ZW;
        if (c == 0x2028 || c == 0x2029) return C_NL;
        if (c == 0x2044 || c == 0x2052) return C_SYMBOL;
        return C_PUNCT;
    }
    if (c < 0x20D0) return C_SYMBOL; /* super/subscripts, currency (₫ U+20AB) */
    if (c < 0x2100) return C_MARK;
    if (c < 0x2C00) return C_SYMBOL; /* letterlike, arrows, math, boxes, dingbats */
    if (c < 0x2E00) return (c >= 0x2DE0) ? C_MARK : C_LETTER;
    if (c < 0x2E80) return C_PUNCT;
    if (c < 0x3000) return C_SYMBOL;
    if (c == 0x3000) return C_SPACE;
    if (c < 0x3040) {
        if (c >= 0x3005 && c <= 0x3007) return C_LETTER;
        if (c >= 0x302A && c <= 0x302F) return C_MARK;
        return C_PUNCT;
    }
    if (c < 0xD800) return (c >= 0xA490 && c <= 0xA4CF) ? C_SYMBOL : C_LETTER;
    if (c < 0xF900) return C_SYMBOL; /* private use */
    if (c < 0xFE00) return C_LETTER;
    if (c < 0xFE10) return C_MARK; /* variation selectors */
    if (c < 0xFE20) return C_PUNCT;
    if (c < 0xFE30) return C_MARK;
    if (c < 0xFE70) return C_PUNCT;
    if (c < 0xFEFF) return C_LETTER;
    if (c == 0xFEFF) return C_ZW;
    if (c < 0xFF00) return C_SYMBOL;
    if (c < 0xFFF0) {
        if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
            (c >= 0xFF41 && c <= 0xFF5A) || (c >= 0xFF66 && c <= 0xFFDC))
            return C_LETTER;
        if (c >= 0xFFE0) return C_SYMBOL;
        if (c == 0xFF04 || c == 0xFF0B || (c >= 0xFF1C && c <= 0xFF1E) || c == 0xFF3E ||
            c == 0xFF40 || c == 0xFF5C || c == 0xFF5E)
            return C_SYMBOL;
        return C_PUNCT;
    }
    if (c < 0x10000) return (c >= 0xFFF9 && c <= 0xFFFB) ? C_ZW : C_SYMBOL;
    if (c >= 0x1F000 && c < 0x1FB00) return C_SYMBOL; /* emoji, pictographs */
    if (c >= 0xE0000 && c < 0xE0080) return C_ZW;     /* tags (emoji flags) */
    if (c >= 0xE0100 && c < 0xE01F0) return C_MARK;
    if (c >= 0xF0000) return C_SYMBOL;
    return C_LETTER;
}

typedef struct ch {
    uint32_t cp;
    uint8_t cls;
    uint8_t len;
} ch_t;

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* The character at s[i] (i < n). Inlined: it is the inner loop. */
static ALWAYS_INLINE ch_t get(const unsigned char *s, size_t n, size_t i)
{
    ch_t r;
    unsigned c = s[i];
    if (c < 0x80) {
        r.cp = c;
        r.cls = ascii_class(c);
        r.len = 1;
        return r;
    }
    /* fast paths for well-formed 2- and 3-byte sequences (Vietnamese letters
       are U+00C0..U+01B0 and U+1EA0..U+1EF9); the rest via the full decoder */
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
        r.cp = ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
        r.len = 2;
        r.cls = cp_class(r.cp);
        return r;
    }
    if (c >= 0xE1 && c <= 0xEC && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80) {
        r.cp =
            ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        r.len = 3;
        r.cls = cp_class(r.cp);
        return r;
    }
    int k = vnt_utf8_decode((const char *)s + i, n - i, &r.cp);
    if (k < 0) {
        r.cls = C_BAD;
        r.len = (uint8_t)-k;
        return r;
    }
    r.len = (uint8_t)k;
    r.cls = cp_class(r.cp);
    return r;
}

static inline int is_alpha(unsigned c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
static inline int is_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}
static inline int is_alnum(unsigned c)
{
    return is_alpha(c) || is_digit(c);
}

/* ----------------------------------------------------------- syllables */

static int in_list(const char *const *list, size_t nl, const char *s, size_t n)
{
    for (size_t i = 0; i < nl; i++)
        if (list[i][0] == s[0] && strlen(list[i]) == n && memcmp(list[i], s, n) == 0) return 1;
    return 0;
}

/* Lookalike letters folded for the syllable check: Ð ð Ɖ and the Cyrillic
 * and Greek letters that look like Vietnamese ones (same list as the
 * normalizer's folding). 0 if cp is not one. */
static uint32_t lookalike(uint32_t cp)
{
    switch (cp) {
    case 0xD0:
    case 0x189: return 0x110;
    case 0xF0: return 0x111;
    case 0x430: return 'a';
    case 0x435: return 'e';
    case 0x43E: return 'o';
    case 0x440: return 'p';
    case 0x441: return 'c';
    case 0x443: return 'y';
    case 0x445: return 'x';
    case 0x456: return 'i';
    case 0x410: return 'A';
    case 0x415: return 'E';
    case 0x41E: return 'O';
    case 0x420: return 'P';
    case 0x421: return 'C';
    case 0x425: return 'X';
    case 0x41A: return 'K';
    case 0x41C: return 'M';
    case 0x41D: return 'H';
    case 0x422: return 'T';
    case 0x406: return 'I';
    case 0x412: return 'B';
    case 0x3BF: return 'o';
    case 0x3B1: return 'a';
    case 0x39F: return 'O';
    case 0x391: return 'A';
    case 0x395: return 'E';
    case 0x399: return 'I';
    default: return 0;
    }
}

/* Per-call memo of syllable checks and of whole words: news repeats a few
 * thousand syllables, so most words are a hash and a compare instead of a
 * scan and a parse. Lives in the caller's scratch (no global state). */
#define MEMO_KEY 24
typedef struct memo_entry {
    uint8_t len;   /* 0: empty */
    uint8_t syl;   /* 0: not checked; else 4 | unclean (2) | is a syllable (1) */
    uint8_t wtype; /* 0: unknown; else the word's token type + 1 (see word_memo) */
    uint8_t pad;
    uint32_t wflags;
    char key[MEMO_KEY];
} memo_entry;

typedef struct scan {
    const unsigned char *s;
    size_t n;
    vnt_tokens *out;
    int failed;
    memo_entry *memo; /* NULL for small inputs */
    size_t memo_mask;
} scan_t;

/* The memo slot of s[0..n) (n <= MEMO_KEY); *hit when it holds these bytes. */
static inline memo_entry *memo_slot(const scan_t *sc, const unsigned char *s, size_t n, int *hit)
{
    /* the first 16 bytes as two words, masked to the word (straight from
     * the text when it is long enough; little-endian hosts hash better,
     * the compare is exact anyway): hash and, with the zero-padded key,
     * the compare of any word up to 16 bytes */
    uint64_t a = 0, b = 0;
    if ((size_t)(s - sc->s) + 16 <= sc->n) {
        memcpy(&a, s, 8);
        memcpy(&b, s + 8, 8);
        if (n < 8) {
            a &= ~0ull >> (64 - 8 * n);
            b = 0;
        } else if (n < 16)
            b = n == 8 ? 0 : b & (~0ull >> (64 - 8 * (n - 8)));
    } else {
        unsigned char t[16] = {0};
        memcpy(t, s, n < 16 ? n : 16);
        memcpy(&a, t, 8);
        memcpy(&b, t + 8, 8);
    }
    uint64_t x = (a ^ (b * 0x9E3779B97F4A7C15ull) ^ n) * 0xD6E8FEB86659FD93ull;
    memo_entry *e = &sc->memo[(uint32_t)(x >> 40) & sc->memo_mask];
    uint64_t ka, kb;
    memcpy(&ka, e->key, 8);
    memcpy(&kb, e->key + 8, 8);
    *hit = e->len == n && ka == a && kb == b && (n <= 16 || !memcmp(e->key + 16, s + 16, n - 16));
    return e;
}

/* Claim slot e for s[0..n), forgetting what it held for other bytes. */
static void memo_claim(memo_entry *e, const unsigned char *s, size_t n)
{
    memset(e, 0, sizeof *e);
    e->len = (uint8_t)n;
    memcpy(e->key, s, n);
}

static int is_syllable_raw(const unsigned char *s, size_t n, int unclean);

static int is_syllable_word(const scan_t *sc, const unsigned char *s, size_t n, int unclean)
{
    if (!sc->memo || n > MEMO_KEY || n == 0) return is_syllable_raw(s, n, unclean);
    int hit;
    memo_entry *e = memo_slot(sc, s, n, &hit);
    /* the answer depends on the bytes and on unclean: both are the key, so
     * a memo kept across calls answers as a fresh parse would */
    uint8_t uc = unclean ? 2 : 0;
    if (hit && (e->syl & 4) && (e->syl & 2) == uc) return e->syl & 1;
    int r = is_syllable_raw(s, n, unclean) != 0;
    if (!hit) memo_claim(e, s, n);
    e->syl = (uint8_t)(4 | r | uc);
    return r;
}

/* vnt_is_syllable without building the public struct: letters with their
 * combining marks (any order), then the syllable parser of syllable.c. */
static int syllable_letters(const unsigned char *s, size_t n)
{
    vnt__letter l[VNT__SYL_MAX];
    int nl = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = vnt_utf8_decode((const char *)s + i, n - i, &cp);
        if (k <= 0 || nl >= VNT__SYL_MAX || !vnt__letter_get(cp, &l[nl])) return 0;
        i += (size_t)k;
        while (i < n && s[i] >= 0xCC && s[i] <= 0xCD) { /* U+0300..U+036F */
            k = vnt_utf8_decode((const char *)s + i, n - i, &cp);
            if (k <= 0 || cp < 0x300 || cp > 0x36F) break;
            if (!vnt__absorb_mark(&l[nl], cp)) return 0;
            i += (size_t)k;
        }
        nl++;
    }
    vnt__syl sy;
    return nl > 0 && vnt__syl_parse(l, nl, &sy);
}

static int is_syllable_raw(const unsigned char *s, size_t n, int unclean)
{
    if (n > 40) return 0;
    if (!unclean) return syllable_letters(s, n);
    char buf[64];
    size_t k = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        int len = vnt_utf8_decode((const char *)s + i, n - i, &cp);
        if (len <= 0) return 0;
        uint32_t f = lookalike(cp);
        if (f) cp = f;
        i += (size_t)len;
        if (cp_class(cp) == C_ZW && cp >= 0x80) continue;
        if (k + 4 > sizeof buf) return 0;
        k += vnt_utf8_encode(cp, buf + k);
    }
    return syllable_letters((const unsigned char *)buf, k);
}

/* ------------------------------------------------------------ word lists */

static int abbrev_find(const unsigned char *s, size_t n)
{
    size_t lo = 0, hi = VNT__N_ABBREV;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const unsigned char *e = (const unsigned char *)vnt__abbrev[mid];
        size_t k = 0;
        while (k < n && e[k] && e[k] == s[k])
            k++;
        /* strcmp order: the entry ends first (shorter), or the bytes differ */
        int c = k == n ? (e[k] != 0) : (e[k] == 0 ? -1 : (int)e[k] - (int)s[k]);
        if (c == 0) return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Abbreviations written with a final full stop that is part of them (TP.
 * Hồ Chí Minh, TS. Nguyễn, Q. 1): the stop after these is not a sentence end.
 * Single capital letters (initials) are handled apart. */
static const char *const dot_abbrevs[] = {
    "TP",  "Tp",   "tp",  "TS",  "Ts",   "GS",  "Gs",   "PGS",  "Pgs",  "ThS",  "Ths",   "BS",
    "Bs",  "KS",   "Ks",  "CN",  "TX",   "TT",  "Th",   "St",   "Mr",   "Mrs",  "Ms",    "Dr",
    "Jr",  "Sr",   "No",  "Co",  "Ltd",  "Inc", "vs",   "etc",  "Tr",   "tr",   "Cty",   "TTg",
    "NXB", "Nxb",  "ĐT",  "Đ/c", "đ/c",  "Mt",  "Gđ",   "PGĐ",  "GĐ",   "TSKH", "BSCKI", "BSCKII",
    "CKI", "CKII", "Lt",  "Sgt", "Capt", "Gen", "Col",  "Prof", "Dept", "Fig",  "Vol",   "pp",
    "Jan", "Feb",  "Mar", "Apr", "Aug",  "Sep", "Sept", "Oct",  "Nov",  "Dec"};

static int is_dot_abbrev(const unsigned char *s, size_t n)
{
    return in_list(dot_abbrevs, sizeof dot_abbrevs / sizeof dot_abbrevs[0], (const char *)s, n);
}

/* Units written right after a number: the number stays a number (5km ->
 * 5 + km), it does not become a code. */
static const char *const units[] = {
    "km",    "m",     "cm",   "mm",    "nm",   "kg",  "g",    "mg",  "ha",  "ml",   "l",    "m2",
    "m3",    "km2",   "cm2",  "MW",    "kW",   "kWh", "GW",   "MWh", "W",   "GB",   "MB",   "KB",
    "TB",    "Gb",    "Mb",   "s",     "ms",   "p",   "USD",  "VND", "VNĐ", "đ",    "Đ",    "tr",
    "triệu", "tỷ",    "ngàn", "nghìn", "đồng", "x",   "lít",  "tấn", "năm", "tuổi", "giờ",  "phút",
    "ngày",  "tháng", "mét",  "cm3",   "mAh",  "Hz",  "GHz",  "MHz", "dB",  "ppm",  "kcal", "cal",
    "inch",  "lb",    "oz",   "ft",    "mph",  "kmh", "km/h", "t",   "h"};

static int is_unit(const unsigned char *s, size_t n)
{
    return in_list(units, sizeof units / sizeof units[0], (const char *)s, n);
}

static const char *const tlds[] = {"com", "net", "org", "edu",  "gov", "vn", "info", "biz", "io",
                                   "co",  "me",  "tv",  "asia", "uk",  "us", "jp",   "cn",  "kr",
                                   "fr",  "de",  "ru",  "au",   "ca",  "sg", "th",   "la",  "kh",
                                   "app", "dev", "ai",  "xyz",  "int", "eu"};

static int is_tld(const unsigned char *s, size_t n)
{
    char low[8];
    if (n < 2 || n > 6) return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(s[i] | 0x20);
    return in_list(tlds, sizeof tlds / sizeof tlds[0], low, n);
}

/* --------------------------------------------------------------- scanner */

/* What a run of letters holds. */
typedef struct wstat {
    int letters, upper, first_upper, digits, other_script, latin;
    int diacritic, unclean, bad, marks;
} wstat;

static void letter_stat(uint32_t cp, wstat *st)
{
    vnt__letter L;
    int up = 0;
    if (cp >= 0x1EA0 && cp <= 0x1EF9) { /* toned Vietnamese vowels: even = capital */
        up = !(cp & 1);
        st->latin = 1;
        st->diacritic = 1;
    } else if (vnt__letter_get(cp, &L)) {
        up = L.upper;
        st->latin = 1;
        if (cp >= 0x80) st->diacritic = 1;
    } else {
        if (cp >= 0xC0 && cp < 0x250) {
            st->latin = 1;
            if (cp < 0xE0)
                up = cp != 0xD7;
            else if (cp >= 0x100 && cp < 0x180)
                up = ((cp >= 0x139 && cp <= 0x148) || cp >= 0x179) ? (cp & 1) : !(cp & 1);
            if (cp == 0xD0 || cp == 0xF0 || cp == 0x189) st->unclean = 1;
        } else if (cp >= 0x1E00 && cp < 0x1F00) {
            st->latin = 1;
            up = !(cp & 1);
        } else if (cp >= 0x370 && cp < 0x530) {
            st->other_script = 1;
            up = (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
            if (lookalike(cp)) st->unclean |= 2; /* only unclean beside Latin letters */
        }
    }
    if (st->letters == 0) st->first_upper = up;
    st->letters++;
    st->upper += up;
}

/* Scan a run of letters/digits/marks from i: zero-width chars and an
 * apostrophe (Vietnam’s) count when a letter follows. Returns its end. */
enum { SPLIT_LD = 1, SPLIT_CASE = 2 };
static size_t seg_scan_mode(const scan_t *sc, size_t i, wstat *st, int split);
static size_t seg_scan(const scan_t *sc, size_t i, wstat *st)
{
    return seg_scan_mode(sc, i, st, 0);
}

/* Words glued together by a scraper: SPLIT_LD stops where letters and
 * digits meet (Sáng23/4), SPLIT_CASE at a capital after a small letter
 * once the letters so far carry a Vietnamese diacritic or are all small
 * (vớiSARS, ViệtNam, vuaVũ; not ViỆt, a stray capital). Only called for
 * words with a diacritic: iPhone and VietJet never get here. */
static size_t seg_scan_mode(const scan_t *sc, size_t i, wstat *st, int split)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n;
    int split_ld = split & SPLIT_LD, last_lower = 0;
    memset(st, 0, sizeof *st);
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (is_alpha(c)) {
                if (split_ld && st->digits) break;
                int up = c < 'a';
                if ((split & SPLIT_CASE) && up && last_lower &&
                    ((st->diacritic && st->letters >= 2) || !st->first_upper))
                    break;
                last_lower = !up;
                st->latin = 1;
                if (st->letters == 0) st->first_upper = up;
                st->letters++;
                st->upper += up;
                i++;
                continue;
            }
            if (is_digit(c)) {
                if (split_ld && st->letters) break;
                st->digits++;
                i++;
                continue;
            }
            if (c == '\'' && st->letters && i + 1 < n && is_alpha(s[i + 1])) {
                i++;
                continue;
            }
            break;
        }
        ch_t h = get(s, n, i);
        if (h.cls == C_LETTER) {
            if (split_ld && st->digits) break;
            if (split & SPLIT_CASE) {
                wstat before = *st;
                letter_stat(h.cp, st);
                int up = st->upper > before.upper;
                if (up && last_lower &&
                    ((before.diacritic && before.letters >= 2) || !before.first_upper)) {
                    *st = before;
                    break;
                }
                last_lower = !up;
            } else {
                letter_stat(h.cp, st);
            }
        } else if (h.cls == C_MARK) {
            st->marks++;
            st->unclean = 1;
            if (vnt__combining_tone(h.cp) || vnt__combining_mod(h.cp)) st->diacritic = 1;
        } else if (h.cls == C_BAD) {
            st->bad = 1;
            st->unclean = 1;
        } else if (h.cls == C_ZW || h.cp == 0x2019) {
            /* inside a word only: a letter, digit or mark must follow */
            if (i == 0 || i + h.len >= n) break;
            ch_t nx = get(s, n, i + h.len);
            if (!(nx.cls == C_LETTER || nx.cls == C_DIGIT || nx.cls == C_MARK)) break;
            if (h.cp == 0x2019 && (st->letters == 0 || nx.cls != C_LETTER)) break;
            if (h.cls == C_ZW) st->unclean = 1;
        } else {
            break;
        }
        i += h.len;
    }
    if (st->unclean & 2) st->unclean = (st->unclean & 1) || st->latin;
    return i;
}

static int push(scan_t *sc, size_t start, size_t end, int type, uint32_t flags)
{
    vnt_tokens *t = sc->out;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        if (cap > SIZE_MAX / sizeof(vnt_token)) {
            sc->failed = 1;
            return 0;
        }
        vnt_token *v = realloc(t->tok, cap * sizeof(vnt_token));
        if (!v) {
            sc->failed = 1;
            return 0;
        }
        t->tok = v;
        t->cap = cap;
    }
    vnt_token *k = &t->tok[t->n++];
    k->start = start;
    k->end = end;
    k->type = (vnt_token_type)type;
    k->flags = flags;
    return 1;
}

static uint32_t case_flags(const wstat *st)
{
    if (st->letters == 0 || st->upper == 0) return VNT_CASE_LOWER;
    if (st->upper == 1 && st->first_upper) return VNT_CASE_TITLE;
    if (st->upper == st->letters) return VNT_CASE_UPPER;
    return VNT_CASE_MIXED;
}

static uint32_t stat_flags(const wstat *st)
{
    uint32_t f = case_flags(st);
    if (st->unclean) f |= VNT_TOKF_UNCLEAN;
    if (st->bad) f |= VNT_TOKF_INVALID;
    if (st->diacritic) f |= VNT_TOKF_DIACRITIC;
    return f;
}

/* Internal, cleared before returning: an all-caps word of the abbreviation
 * list that is also a syllable (CA, DA): decided by its neighbours. */
#define F_AMBIG (1u << 31)

/* a digit-only run s[i..) of at most max digits; returns its length */
static size_t digits_at(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && is_digit(s[j]))
        j++;
    return j - i;
}

static int num_val(const unsigned char *s, size_t len)
{
    int v = 0;
    for (size_t i = 0; i < len && i < 6; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Nothing glued after a number-like token that would make it something else. */
static int num_boundary(const unsigned char *s, size_t n, size_t j)
{
    if (j >= n) return 1;
    unsigned c = s[j];
    if (is_alnum(c)) return 0;
    if ((c == '.' || c == ',' || c == '/' || c == ':' || c == '-') && j + 1 < n &&
        is_digit(s[j + 1]))
        return 0;
    if (c >= 0x80) {
        ch_t h = get(s, n, j);
        if (h.cls == C_LETTER || h.cls == C_MARK) return 0;
    }
    return 1;
}

/* 8h30, 8h, 8g30, 8:30, 08:30:15 */
static size_t scan_time(const unsigned char *s, size_t n, size_t i)
{
    size_t d = digits_at(s, n, i);
    if (d < 1 || d > 2 || num_val(s + i, d) > 24) return 0;
    size_t j = i + d;
    if (j >= n) return 0;
    unsigned c = s[j];
    if (c == 'h' || c == 'H' || c == 'g') { /* not G: 3G, 4G */
        size_t m = digits_at(s, n, j + 1);
        if (m == 2 && num_val(s + j + 1, 2) < 60) {
            j += 3;
            /* 8h30' / 8h30p: minutes mark */
            if (j < n && (s[j] == '\'' || s[j] == 'p' || s[j] == 'P') && num_boundary(s, n, j + 1))
                j++;
        } else if (m == 0) {
            j += 1;
        } else {
            return 0;
        }
        return num_boundary(s, n, j) ? j : 0;
    }
    if (c == ':') {
        size_t m = digits_at(s, n, j + 1);
        if (m != 2 || num_val(s + j + 1, 2) >= 60) return 0;
        j += 3;
        if (j < n && s[j] == ':' && digits_at(s, n, j + 1) == 2 && num_val(s + j + 1, 2) < 60)
            j += 3;
        return num_boundary(s, n, j) ? j : 0;
    }
    return 0;
}

/* 26/1, 26/1/2022, 26/01/22, 3/2021, 26-1-2022, 26.1.2022, 2022-01-26 */
static size_t scan_date(const unsigned char *s, size_t n, size_t i)
{
    size_t a = digits_at(s, n, i), j = i + a;
    if (j + 1 >= n) return 0;
    unsigned sep = s[j];
    if (sep != '/' && sep != '-' && sep != '.') return 0;
    size_t b = digits_at(s, n, j + 1);
    if (b == 0) return 0;
    int va = num_val(s + i, a), vb = num_val(s + j + 1, b);
    size_t k = j + 1 + b;
    if (a == 4 && sep == '-') { /* ISO 2022-01-26 */
        if (b != 2 || vb < 1 || vb > 12 || k + 2 >= n || s[k] != '-') return 0;
        size_t c = digits_at(s, n, k + 1);
        if (c != 2 || num_val(s + k + 1, 2) < 1 || num_val(s + k + 1, 2) > 31) return 0;
        k += 3;
        return num_boundary(s, n, k) ? k : 0;
    }
    if (a > 2 || va < 1) return 0;
    int has_year = 0;
    size_t end = k;
    if (k + 1 < n && s[k] == sep) {
        size_t c = digits_at(s, n, k + 1);
        if (c == 4 || (c == 2 && sep == '/')) {
            has_year = 1;
            end = k + 1 + c;
        }
    }
    if (b <= 2 && va <= 31 && vb >= 1 && vb <= 12) {
        /* day/month[/year]; with - or . only a full date (26-1 is a range) */
        if (!has_year && sep != '/') return 0;
        if (num_boundary(s, n, end)) return end;
        return 0;
    }
    if (b == 4 && sep == '/' && va <= 12 && num_boundary(s, n, k)) return k; /* month/year */
    return 0;
}

/* Thousands groups (1.000.000) and decimals (1,5 3.14): digits separated by
 * single . or , each followed by a digit. */
static size_t scan_number(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i + digits_at(s, n, i);
    while (j + 1 < n && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1]))
        j += 1 + digits_at(s, n, j + 1);
    return j;
}

/* Phone numbers: 0 + 9-10 digits (mobile 09x, landline 02x), possibly in
 * groups separated by one space, dot or dash; +84 / 84 followed by 9-10
 * digits; 1800/1900 hotlines of 8 digits. */
static size_t scan_phone(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    int intl = 0;
    if (s[j] == '+') {
        if (!(j + 2 < n && s[j + 1] == '8' && s[j + 2] == '4')) return 0;
        intl = 1;
        j += 3;
        if (j < n && (s[j] == ' ' || s[j] == '.' || s[j] == '-')) j++;
        if (j < n && s[j] == '0') return 0;
    } else if (s[j] != '0' && s[j] != '1') {
        return 0;
    }
    size_t first = digits_at(s, n, j);
    if (first == 0) return 0;
    if (!intl && s[i] == '1') { /* 1800xxxx, 1900xxxx, 1800.xxxx */
        if (first < 4 || (memcmp(s + i, "1800", 4) && memcmp(s + i, "1900", 4))) return 0;
        size_t e = i + first, total = first;
        if (first == 4 && e + 1 < n && (s[e] == '.' || s[e] == '-')) {
            size_t g = digits_at(s, n, e + 1);
            total += g;
            e += 1 + g;
        }
        return (total == 8 && num_boundary(s, n, e)) ? e : 0;
    }
    size_t total = first, e = j + first;
    int groups = 1;
    char sep = 0;
    while (e + 1 < n) {
        unsigned c = s[e];
        if (c != ' ' && c != '.' && c != '-') break;
        if (sep && c != (unsigned)sep) break;
        size_t g = digits_at(s, n, e + 1);
        if (g < 2 || g > 4) break;
        /* a space-separated group must start a phone-like number: 3-4 digit
           prefix group, and stop before a number like "0912 345 678 2022" */
        if (total + g > (intl ? 10 : 11)) break;
        if (!sep) sep = (char)c;
        total += g;
        e += 1 + g;
        groups++;
    }
    size_t lo = intl ? 9 : 10, hi = intl ? 10 : 11;
    if (total < lo || total > hi) {
        /* fall back to the first group alone */
        if (first >= lo && first <= hi && num_boundary(s, n, j + first)) return j + first;
        return 0;
    }
    if (sep == ' ' && !intl && (first < 3 || first > 5)) return 0;
    if (!num_boundary(s, n, e)) return 0;
    return e;
}

/* (028) 5445 1111, (024) 38251234: a bracketed area code 0 + 2-3 digits,
 * then 7-8 digits in groups; 10-11 digits in all. */
static size_t scan_phone_paren(const unsigned char *s, size_t n, size_t i)
{
    size_t a = digits_at(s, n, i + 1);
    if (a < 3 || a > 4 || i + 1 + a >= n || s[i + 1 + a] != ')') return 0;
    size_t e = i + 2 + a, total = a;
    if (e < n && s[e] == ' ') e++;
    size_t g = digits_at(s, n, e);
    if (g < 3) return 0;
    total += g;
    e += g;
    while (e + 1 < n && (s[e] == ' ' || s[e] == '.' || s[e] == '-')) {
        size_t g2 = digits_at(s, n, e + 1);
        if (g2 < 2 || total + g2 > 11) break;
        total += g2;
        e += 1 + g2;
    }
    return (total >= 10 && total <= 11 && num_boundary(s, n, e)) ? e : 0;
}

/* digits followed by a unit word: 5km, 100m2, 50.000đ (the unit part). */
static int seg_is_number_unit(const scan_t *sc, size_t i, size_t e)
{
    const unsigned char *s = sc->s;
    size_t d = digits_at(s, e, i);
    if (d == 0 || i + d >= e) return 0;
    return is_unit(s + i + d, e - i - d);
}

/* Can this run be part of a code (F-16, 49X-6666, 15/2020/NĐ-CP)? ASCII
 * letters/digits, or any run with a digit, or all capitals. A Vietnamese
 * word in lower or title case never is (Bài-Lào is three tokens). */
static int code_like(const wstat *st, int ascii)
{
    if (st->bad) return 0;
    if (st->letters && st->upper == st->letters) return 1;
    if (st->diacritic) return 0; /* 19luôn: words glued by a scraper, not a code */
    return ascii || st->digits;
}

static int is_ascii_run(const unsigned char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s[i] >= 0x80) return 0;
    return 1;
}

/* A chain of code-like runs joined by - / . _ that holds both letters and
 * digits (COVID-19, SARS-CoV-2, 29A-123.45, 15/2020/NĐ-CP, U23). Returns its
 * end, or 0. */
static size_t scan_code(const scan_t *sc, size_t i, uint32_t *flags)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, j = i, last = 0;
    int any_digit = 0, any_letter = 0, nseg = 0, underscore = 0;
    wstat all;
    memset(&all, 0, sizeof all);
    unsigned prev_sep = 0;
    int prev_strong = 0; /* previous run has a digit or is all capitals */
    while (j < n && nseg < 12) {
        wstat st;
        size_t e = seg_scan(sc, j, &st);
        if (e == j) break;
        int ascii = is_ascii_run(s, j, e);
        if (!code_like(&st, ascii) && st.digits && st.diacritic) {
            e = seg_scan_mode(sc, j, &st, SPLIT_LD); /* Covid-19luôn: the code ends at 19 */
            ascii = is_ascii_run(s, j, e);
        }
        if (!code_like(&st, ascii)) break;
        int strong = st.digits > 0 || (st.letters && st.upper == st.letters);
        /* . and / join only runs with digits or capitals (29A-123.45, 15/2020/NĐ) */
        if ((prev_sep == '.' || prev_sep == '/') && !(strong && prev_strong)) break;
        if (prev_sep == '.' && !(st.digits && is_digit(s[j]))) break;
        int unit = st.digits && seg_is_number_unit(sc, j, e);
        if (st.digits) any_digit = 1;
        if (st.letters && !unit) any_letter = 1;
        all.letters += st.letters;
        all.upper += st.upper;
        if (nseg == 0) all.first_upper = st.first_upper;
        if (st.diacritic) all.diacritic = 1;
        if (st.unclean) all.unclean = 1;
        if (prev_sep == '_') underscore = 1;
        nseg++;
        last = e;
        prev_strong = strong;
        if (e + 1 < n && (s[e] == '-' || s[e] == '/' || s[e] == '.' || s[e] == '_')) {
            unsigned c2 = s[e + 1];
            int next_ok = c2 < 0x80 ? is_alnum(c2) : (get(s, n, e + 1).cls == C_LETTER);
            if (!next_ok) break;
            prev_sep = s[e];
            j = e + 1;
            continue;
        }
        break;
    }
    if (!nseg) return 0;
    if (!((any_digit && any_letter) || (underscore && nseg > 1))) return 0;
    *flags = stat_flags(&all);
    return last;
}

/* URL: scheme:// or www. or a bare domain with a known top-level domain,
 * up to whitespace or a quote; trailing punctuation is left out unless
 * brackets balance. */
static size_t scan_url(const scan_t *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, j = i;
    int ok = 0;
    static const char *const schemes[] = {"https://", "http://", "ftp://", "www."};
    for (size_t k = 0; k < 4 && !ok; k++) {
        size_t l = strlen(schemes[k]);
        if (n - i > l) {
            size_t m = 0;
            while (m < l &&
                   (s[i + m] | (schemes[k][m] >= 'a' ? 0x20 : 0)) == (unsigned char)schemes[k][m])
                m++;
            if (m == l && (is_alnum(s[i + l]) || s[i + l] >= 0x80)) ok = 1, j = i + l;
        }
    }
    if (!ok) {
        /* bare domain: label(.label)+ with a known TLD, label = [A-Za-z0-9-] */
        size_t k = i, lab = 0, labels = 0, last_lab = i;
        int alpha_first = 0;
        while (k < n && (is_alnum(s[k]) || s[k] == '-' || s[k] == '.')) {
            if (s[k] == '.') {
                if (lab == 0) return 0;
                if (!(k + 1 < n && is_alnum(s[k + 1]))) break;
                labels++;
                lab = 0;
                last_lab = k + 1;
            } else {
                if (labels == 0 && is_alpha(s[k])) alpha_first = 1;
                lab++;
            }
            k++;
        }
        if (labels == 0 || lab == 0 || !alpha_first) return 0;
        if (!is_tld(s + last_lab, k - last_lab)) return 0;
        if (last_lab - i < 3) return 0; /* x.vn: too short to trust */
        if (k < n && s[k] >= 0x80) return 0;
        if (k < n && s[k] != '/' && s[k] != ':' && s[k] != '?' && s[k] != '#' && is_alnum(s[k]))
            return 0;
        j = k;
        if (!(j < n && (s[j] == '/' || s[j] == ':' || s[j] == '?' || s[j] == '#'))) return j;
    }
    /* body */
    int paren = 0;
    while (j < n) {
        unsigned c = s[j];
        if (c < 0x80) {
            if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' ||
                c == '|' || c == '\\' || c == 0x7F)
                break;
            if (c == '(') paren++;
            if (c == ')' && paren-- <= 0) break;
            j++;
            continue;
        }
        ch_t h = get(s, n, j);
        if (h.cls == C_SPACE || h.cls == C_NL || h.cls == C_BAD || h.cls == C_CTRL) break;
        if (h.cls == C_PUNCT && (h.cp == 0x201C || h.cp == 0x201D || h.cp == 0x2018 ||
                                 h.cp == 0x2019 || h.cp == 0xAB || h.cp == 0xBB || h.cp == 0x2026))
            break;
        j += h.len;
    }
    while (j > i && strchr(".,;:!?'*", s[j - 1]))
        j--;
    return j;
}

/* local@domain.tld */
static size_t scan_email(const scan_t *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, j = i;
    while (j < n && (is_alnum(s[j]) || s[j] == '.' || s[j] == '_' || s[j] == '%' || s[j] == '+' ||
                     s[j] == '-'))
        j++;
    if (j == i || j >= n || s[j] != '@' || s[j - 1] == '.') return 0;
    size_t k = j + 1, dots = 0, lab = 0, end = 0;
    while (k < n && (is_alnum(s[k]) || s[k] == '-' || s[k] == '.')) {
        if (s[k] == '.') {
            if (lab == 0) break;
            if (!(k + 1 < n && is_alnum(s[k + 1]))) break;
            dots++;
            lab = 0;
        } else {
            lab++;
            if (dots) end = k + 1;
        }
        k++;
    }
    return dots && end ? end : 0;
}

/* #tag / @name: letters, digits, _ ; at least one letter */
static size_t scan_tag(const scan_t *sc, size_t i)
{
    size_t j = i + 1;
    int letters = 0;
    while (j < sc->n) {
        if (sc->s[j] == '_') {
            j++;
            continue;
        }
        wstat st;
        size_t e = seg_scan(sc, j, &st);
        if (e == j) break;
        letters += st.letters;
        j = e;
    }
    return letters ? j : 0;
}

/* A Roman numeral in I V X L (1..89; C D M would catch CD, MC, DC), in its
 * canonical form, two letters or more. */
static int is_roman(const unsigned char *s, size_t n)
{
    static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"};
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    if (n == 0 || n > 8) return 0;
    if (n == 1) return 0; /* lone I V X: more often an initial or a label */
    for (int t = 0; t < 9; t++) {
        size_t tl = strlen(tens[t]);
        if (tl > n || memcmp(s, tens[t], tl)) continue;
        for (int o = 0; o < 10; o++)
            if (strlen(ones[o]) == n - tl && !memcmp(s + tl, ones[o], n - tl) && (t || o)) return 1;
    }
    return 0;
}

/* Đắk, Lắk, Đắk Nông: highland place names end in k where the standard
 * spelling has c; they are syllables all the same. */
static int k_final_syllable(const unsigned char *s, size_t n, int unclean)
{
    unsigned char buf[32];
    if (n < 2 || n > sizeof buf || (s[n - 1] != 'k' && s[n - 1] != 'K')) return 0;
    memcpy(buf, s, n);
    buf[n - 1] = s[n - 1] == 'k' ? 'c' : 'C';
    return is_syllable_raw(buf, n, unclean);
}

/* Two syllables written together, as scrapers leave them (thànhphố,
 * tỷđồng): the end of the first one when exactly one cut gives two
 * syllables, else 0. Only for words with a Vietnamese diacritic and no
 * inner capital, so foreign words (café, Nielsen) stay whole. */
static size_t glued_split(const scan_t *sc, size_t i, size_t e, const wstat *st)
{
    const unsigned char *s = sc->s;
    if (!st->diacritic || st->digits || st->bad || st->letters < 3 || st->letters > 12) return 0;
    if (st->upper > (st->first_upper ? 1 : 0)) return 0;
    size_t found = 0;
    int count = 0;
    for (size_t k = i + 1; k < e; k++) {
        unsigned c = s[k];
        /* cut only before a letter: not inside a character, not before a
           combining mark (U+0300..U+036F start with CC or CD) */
        if ((c & 0xC0) == 0x80 || c == 0xCC || c == 0xCD || !(is_alpha(c) || c >= 0xC0)) continue;
        if (is_syllable_word(sc, s + i, k - i, st->unclean) &&
            is_syllable_word(sc, s + k, e - k, st->unclean)) {
            found = k;
            if (++count > 1) return 0;
        }
    }
    return count == 1 ? found : 0;
}

/* The word starting at i (a letter): abbreviations with dots or joiners,
 * syllables, foreign words. */
static size_t scan_word(scan_t *sc, size_t i, int *type, uint32_t *flags)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n;
    wstat st;
    size_t e = seg_scan(sc, i, &st);
    /* glued words: Sáng23, vớiSARS; a Vietnamese word has no inner capital
       (without diacritics, iPhone and VietJet stay whole) */
    if (st.diacritic && st.letters &&
        (st.digits || (st.upper && st.upper < st.letters && !(st.upper == 1 && st.first_upper))))
        e = seg_scan_mode(sc, i, &st, SPLIT_LD | SPLIT_CASE);
    if (e == i) { /* cannot happen for a letter; be safe */
        ch_t h = get(s, n, i);
        *type = VNT_TOK_OTHER;
        *flags = 0;
        return i + h.len;
    }
    *flags = stat_flags(&st);
    if (st.letters == 0) {
        *type = st.digits ? VNT_TOK_NUMBER : VNT_TOK_OTHER;
        return e;
    }
    if (st.digits && is_unit(s + i, e - i)) { /* m2 km2 m3: units, not codes */
        *type = VNT_TOK_FOREIGN;
        return e;
    }
    if (st.digits || (e + 1 < n && (s[e] == '-' || s[e] == '/' || s[e] == '.' || s[e] == '_'))) {
        uint32_t cf;
        size_t ce = scan_code(sc, i, &cf);
        if (ce) { /* COVID-19, F-16, U23, H5N1 */
            *type = VNT_TOK_CODE;
            *flags = cf;
            return ce;
        }
    }
    if (st.digits) { /* letters and digits that scan_code refused (bad bytes) */
        *type = VNT_TOK_CODE;
        return e;
    }
    /* one letter, a hyphen, a word: V-League, K-pop, e-mail, X-quang */
    if (e - i == 1 && e + 2 < n && s[e] == '-' && is_alpha(s[e + 1]) && is_alpha(s[e + 2])) {
        wstat s2;
        size_t e2 = seg_scan(sc, e + 1, &s2);
        if (!s2.digits && !s2.bad && s2.letters >= 2 && !(e2 < n && s[e2] == '-')) {
            s2.letters += st.letters;
            s2.upper += st.upper;
            s2.first_upper = st.first_upper;
            *flags = stat_flags(&s2);
            *type = VNT_TOK_FOREIGN;
            return e2;
        }
    }
    /* dotted: TP.HCM, GS.TS.BS, v.v., Th.s (from the list), TP., TS. (own
       list), initials T. and U.S.A. */
    if (e + 1 < n && s[e] == '.') {
        size_t best = 0, j = e, last_part = i;
        int parts = 1, single_letters = (st.letters == 1);
        while (j + 1 < n && s[j] == '.' && parts < 5) {
            wstat s2;
            size_t e2 = seg_scan(sc, j + 1, &s2);
            if (e2 == j + 1 || s2.digits) break;
            if (s2.letters != 1) single_letters = 0;
            parts++;
            if (abbrev_find(s + i, e2 - i)) {
                best = e2;
                last_part = j + 1;
            }
            j = e2;
        }
        if (best) {
            size_t end = best;
            /* the final stop belongs to it after a stop-taking part (GS.TS.) or a
               single letter (v.v.) */
            if (end < n && s[end] == '.' &&
                (is_dot_abbrev(s + last_part, end - last_part) || end - last_part == 1))
                end++;
            *type = VNT_TOK_ABBREV;
            *flags = (*flags & ~(uint32_t)VNT_TOKF_CASE_MASK) | case_flags(&st);
            return end;
        }
        if (single_letters && parts >= 2 && st.upper) { /* U.S.A. / T.Ư */
            size_t end = j;
            if (end < n && s[end] == '.') end++;
            *type = VNT_TOK_ABBREV;
            return end;
        }
    }
    if (e < n && s[e] == '.') {
        /* initials: a plain capital (T. A.), not a toned vowel (châu Á.) nor
           the start of an ellipsis (Ừ...) */
        int initial = e - i == 1 ? (s[i] >= 'A' && s[i] <= 'Z')
                                 : (e - i == 2 && s[i] == 0xC4 && s[i + 1] == 0x90); /* Đ */
        if (e + 1 < n && s[e + 1] == '.') initial = 0;
        if (is_dot_abbrev(s + i, e - i) || initial) {
            *type = VNT_TOK_ABBREV;
            return e + 1;
        }
    }
    /* joined by - & /: VH-TT, GD&ĐT, NN&PTNT, K/G (from the list) */
    if (e + 1 < n && (s[e] == '-' || s[e] == '&' || s[e] == '/') && st.upper) {
        size_t j = e, best = 0;
        for (int parts = 1; parts < 4 && j + 1 < n && (s[j] == '-' || s[j] == '&' || s[j] == '/');
             parts++) {
            wstat s2;
            size_t e2 = seg_scan(sc, j + 1, &s2);
            if (e2 == j + 1) break;
            if (abbrev_find(s + i, e2 - i)) best = e2;
            j = e2;
        }
        if (best) {
            *type = VNT_TOK_ABBREV;
            return best;
        }
    }
    int syl = !st.other_script || st.latin ? is_syllable_word(sc, s + i, e - i, st.unclean) : 0;
    if (!syl && st.latin && !st.other_script) {
        size_t g = glued_split(sc, i, e, &st);
        if (g) { /* thànhphố: the first syllable now, the second next */
            scan_t sub = *sc;
            sub.n = g;
            seg_scan(&sub, i, &st);
            *flags = stat_flags(&st);
            *type = VNT_TOK_SYLLABLE;
            return g;
        }
        syl = k_final_syllable(s + i, e - i, st.unclean);
    }
    int all_caps = st.upper == st.letters;
    /* the list has capitals in every entry; one capital and a syllable
       (Ban, Kinh) is a word, not worth a lookup */
    if ((st.upper >= 2 || (st.upper == 1 && !syl)) && st.letters > 1 && abbrev_find(s + i, e - i)) {
        *type = VNT_TOK_ABBREV;
        if (syl && all_caps) *flags |= F_AMBIG;
        return e;
    }
    if (syl) {
        *type = VNT_TOK_SYLLABLE;
        return e;
    }
    if (all_caps && is_roman(s + i, e - i)) { /* Đại hội XIII, thế kỷ XX */
        *type = VNT_TOK_NUMBER;
        return e;
    }
    /* capitals only, not a syllable: abbreviation by shape (UBND, NDO, B) */
    *type = (all_caps && !st.other_script) ? VNT_TOK_ABBREV : VNT_TOK_FOREIGN;
    return e;
}

/* The end of the letter run at i when the word memo may answer for it:
 * ASCII letters and non-ASCII bytes, at most MEMO_KEY bytes, followed by
 * the end of the text or a byte scan_word never looks at (space, line
 * break, , ; ! ? ) "). Then scan_word's answer depends on these bytes
 * alone: no URL (no . @ : after it), no abbreviation or code (no . - / &
 * _ ' or digit), no combining mark to absorb. 0: not such a word. */
static size_t word_end(const unsigned char *s, size_t n, size_t i)
{
    size_t r = i, lim = n - i > MEMO_KEY ? i + MEMO_KEY + 1 : n;
    while (r < lim && (s[r] >= 0x80 || is_alpha(s[r])))
        r++;
    if (r - i > MEMO_KEY) return 0;
    if (r == n) return r;
    unsigned c = s[r];
    return (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ';' || c == '!' ||
            c == '?' || c == ')' || c == '"')
               ? r
               : 0;
}

/* Starting with a digit: phone, code, time, date, number, percent. */
static size_t scan_digits(scan_t *sc, size_t i, int *type, uint32_t *flags)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, e;
    *flags = 0;
    if ((e = scan_phone(s, n, i)) != 0) {
        *type = VNT_TOK_PHONE;
        return e;
    }
    if ((e = scan_time(s, n, i)) != 0) {
        *type = VNT_TOK_TIME;
        return e;
    }
    if ((e = scan_code(sc, i, flags)) != 0) {
        *type = VNT_TOK_CODE;
        return e;
    }
    if ((e = scan_date(s, n, i)) != 0) {
        *type = VNT_TOK_DATE;
        return e;
    }
    e = scan_number(s, n, i);
    if (e < n && s[e] == '%') {
        *type = VNT_TOK_PERCENT;
        return e + 1;
    }
    *type = VNT_TOK_NUMBER;
    return e;
}

static int is_terminal(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Starting with punctuation or a symbol. */
static size_t scan_punct(scan_t *sc, size_t i, ch_t h, size_t prev_end, int *type, uint32_t *flags)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, e = i + h.len;
    *flags = 0;
    if ((h.cp == '#' || h.cp == '@') && e < n) {
        size_t t = scan_tag(sc, i);
        if (t) {
            wstat st;
            memset(&st, 0, sizeof st);
            seg_scan(sc, i + 1, &st);
            *flags = stat_flags(&st);
            *type = h.cp == '#' ? VNT_TOK_HASHTAG : VNT_TOK_MENTION;
            return t;
        }
    }
    if (h.cp == '(' && e + 1 < n && s[e] == '0') {
        size_t t = scan_phone_paren(s, n, i);
        if (t) {
            *type = VNT_TOK_PHONE;
            return t;
        }
    }
    if (h.cp == '+' && e < n && s[e] == '8') {
        size_t t = scan_phone(s, n, i);
        if (t) {
            *type = VNT_TOK_PHONE;
            return t;
        }
    }
    /* a sign: -3, +5, −2 (U+2212) after a gap or an opening bracket */
    if ((h.cp == '-' || h.cp == '+' || h.cp == 0x2212) && e < n && is_digit(s[e])) {
        int open = 0;
        if (i > 0 && prev_end == i) {
            unsigned p = s[i - 1];
            open = p == '(' || p == '[' || p == '/' || p == '"';
        }
        if (prev_end < i || i == 0 || open) {
            size_t t = scan_number(s, n, e);
            if (t < n && s[t] == '%') {
                *type = VNT_TOK_PERCENT;
                return t + 1;
            }
            if (num_boundary(s, n, t) || (t < n && is_alpha(s[t]))) {
                *type = VNT_TOK_NUMBER;
                return t;
            }
        }
    }
    if (h.cls == C_PUNCT) {
        *type = VNT_TOK_PUNCT;
        if (is_terminal(h.cp)) { /* ... … ?! !!! ?.. */
            while (e < n) {
                ch_t x = get(s, n, e);
                if (!is_terminal(x.cp)) break;
                e += x.len;
            }
        } else if (h.cp == '-') { /* -- --- */
            while (e < n && s[e] == '-')
                e++;
        }
        return e;
    }
    *type = VNT_TOK_SYMBOL;
    /* emoji sequences: modifiers (U+1F3FB..F), ZWJ + symbol, keycaps */
    while (e < n) {
        ch_t x = get(s, n, e);
        if (x.cp >= 0x1F3FB && x.cp <= 0x1F3FF) {
            e += x.len;
        } else if (x.cp == 0x200D && e + x.len < n && get(s, n, e + x.len).cls == C_SYMBOL) {
            e += x.len;
            e += get(s, n, e).len;
        } else if (x.cp >= 0x1F1E6 && x.cp <= 0x1F1FF && h.cp >= 0x1F1E6 && h.cp <= 0x1F1FF &&
                   e == i + h.len) {
            e += x.len; /* a flag: two regional indicators */
        } else if (x.cls == C_ZW && x.cp >= 0xE0000) {
            e += x.len;
        } else {
            break;
        }
    }
    return e;
}

/* An all-caps list word that is also a syllable (CA, DA) is a syllable when a
 * neighbour on its line is an all-caps syllable (a headline in capitals). */
static void resolve_ambiguous(vnt_tokens *t)
{
    for (size_t k = 0; k < t->n; k++) {
        if (!(t->tok[k].flags & F_AMBIG)) continue;
        int caps_line = 0;
        for (int d = -1; d <= 1; d += 2) {
            if (d < 0 && k == 0) continue;
            size_t m = k + (size_t)d;
            if (m >= t->n) continue;
            const vnt_token *o = &t->tok[m];
            if (d < 0 && (t->tok[k].flags & VNT_TOKF_NEWLINE_BEFORE)) continue;
            if (d > 0 && (o->flags & VNT_TOKF_NEWLINE_BEFORE)) continue;
            if (o->type == VNT_TOK_SYLLABLE && VNT_TOKEN_CASE(o->flags) == VNT_CASE_UPPER)
                caps_line = 1;
        }
        if (caps_line) t->tok[k].type = VNT_TOK_SYLLABLE;
    }
    for (size_t k = 0; k < t->n; k++)
        t->tok[k].flags &= ~F_AMBIG;
}

vnt_status vnt_tokenize(const char *str, size_t n, unsigned flags, vnt_tokens *out)
{
    return vnt__tokenize_memo(str, n, flags, out, NULL, 0);
}

/* The same with a syllable memo the caller keeps between calls (zeroed
 * before first use; entries a power of two): line-by-line callers (the
 * segmenter, the CLI) tokenize short inputs that a per-call memo cannot
 * help, while across lines the same few thousand syllables repeat. */
_Static_assert(sizeof(memo_entry) == VNT__TOK_MEMO_ENTRY, "VNT__TOK_MEMO_ENTRY");
vnt_status vnt__tokenize_memo(const char *str, size_t n, unsigned flags, vnt_tokens *out,
                              void *memo, size_t memo_entries)
{
    if (!out || (!str && n)) return VNT_ERR_ARG;
    out->n = 0;
    if (flags) return VNT_ERR_ARG;
    scan_t sc = {(const unsigned char *)str, n, out, 0, NULL, 0};
    memo_entry *own = NULL;
    if (memo && memo_entries) {
        sc.memo = memo;
        sc.memo_mask = memo_entries - 1;
    } else if (n >= 1024) { /* memo sized to the input: 256..8192 entries */
        size_t m = 256;
        while (m < 8192 && m * 16 < n)
            m *= 2;
        sc.memo = own = calloc(m, sizeof *sc.memo);
        sc.memo_mask = m - 1;
    }
    const unsigned char *s = sc.s;
    size_t i = 0, prev_end = 0;
    int nl = 0;      /* line breaks in the current gap */
    int last_cr = 0; /* CR LF counts once */
    while (i < n) {
        unsigned c = s[i];
        if (c == ' ') {
            i++;
            last_cr = 0;
            continue;
        }
        ch_t h = get(s, n, i);
        if (h.cls == C_SPACE || h.cls == C_NL || h.cls == C_ZW) {
            if (h.cls == C_NL) {
                if (!(c == '\n' && last_cr)) nl++;
                last_cr = c == '\r';
            } else {
                last_cr = 0;
            }
            i += h.len;
            continue;
        }
        last_cr = 0;
        int type;
        uint32_t f = 0;
        size_t e = 0;
        /* a word seen before, ending where nothing after it matters: its
         * type and flags from the memo (see word_end) */
        size_t r = 0;
        memo_entry *slot = NULL;
        int hit = 0;
        if (h.cls == C_LETTER && sc.memo && (r = word_end(s, n, i)) != 0) {
            slot = memo_slot(&sc, s + i, r - i, &hit);
            if (hit && slot->wtype) {
                type = slot->wtype - 1;
                f = slot->wflags;
                e = r;
                goto pushed;
            }
        }
        if (h.cls == C_LETTER || h.cls == C_DIGIT) {
            /* URLs and e-mails only where an ASCII run meets . @ : - _ + % */
            size_t a = i;
            while (a < n && is_alnum(s[a]))
                a++;
            int maybe_url = a > i && a < n &&
                            (s[a] == '.' || s[a] == '@' || s[a] == ':' || s[a] == '-' ||
                             s[a] == '_' || s[a] == '+' || s[a] == '%');
            if (maybe_url && (e = scan_url(&sc, i)) != 0) {
                type = VNT_TOK_URL;
                f = 0;
            } else if (maybe_url && (e = scan_email(&sc, i)) != 0) {
                type = VNT_TOK_EMAIL;
                f = 0;
            } else if (h.cls == C_DIGIT) {
                e = scan_digits(&sc, i, &type, &f);
            } else {
                e = scan_word(&sc, i, &type, &f);
                if (slot && e == r) {
                    /* scan_word may have reused the slot for this word's
                     * syllable check: look again */
                    slot = memo_slot(&sc, s + i, r - i, &hit);
                    if (!hit) memo_claim(slot, s + i, r - i);
                    slot->wtype = (uint8_t)(type + 1);
                    slot->wflags = f;
                }
            }
        } else if (h.cls == C_MARK || h.cls == C_BAD) {
            wstat st;
            e = seg_scan(&sc, i, &st);
            if (e == i) e = i + h.len;
            f = stat_flags(&st);
            type = st.letters ? VNT_TOK_FOREIGN : VNT_TOK_OTHER;
            if (h.cls == C_BAD) f |= VNT_TOKF_INVALID | VNT_TOKF_UNCLEAN;
        } else if (h.cls == C_PUNCT || h.cls == C_SYMBOL) {
            e = scan_punct(&sc, i, h, prev_end, &type, &f);
        } else {
            type = VNT_TOK_OTHER;
            e = i + h.len;
        }
    pushed:
        /* combining marks never start a token: they stay with this one */
        while (e < n && s[e] >= 0xCC) {
            ch_t x = get(s, n, e);
            if (x.cls != C_MARK) break;
            e += x.len;
            f |= VNT_TOKF_UNCLEAN;
        }
        if (e > i && prev_end < i) {
            f |= VNT_TOKF_SPACE_BEFORE;
            if (nl) f |= VNT_TOKF_NEWLINE_BEFORE;
            if (nl >= 2) f |= VNT_TOKF_PARAGRAPH_BEFORE;
        }
        if (!push(&sc, i, e, type, f)) break;
        prev_end = i = e;
        nl = 0;
    }
    free(own);
    if (sc.failed) {
        out->n = 0;
        return VNT_ERR_NOMEM;
    }
    resolve_ambiguous(out);
    return VNT_OK;
}

void vnt_tokens_free(vnt_tokens *t)
{
    if (!t) return;
    free(t->tok);
    t->tok = NULL;
    t->n = t->cap = 0;
}

const char *vnt_token_type_name(vnt_token_type type)
{
    static const char *const names[VNT_TOK_TYPE_COUNT] = {
        "syllable", "foreign", "number", "date", "time",   "percent", "url",    "email",
        "hashtag",  "mention", "phone",  "code", "abbrev", "punct",   "symbol", "other"};
    return (unsigned)type < VNT_TOK_TYPE_COUNT ? names[type] : "?";
}
