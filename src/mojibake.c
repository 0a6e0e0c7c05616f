/* Mojibake repair: UTF-8 that was read as Windows-1252 (or Latin-1) and
 * written out again as UTF-8 ("Viá»‡t" -> "Việt").
 *
 * Every character of such text maps back to one byte (Latin-1 identity for
 * U+0080..U+00FF, which also covers the C1 controls that real decoders emit
 * for Windows-1252's undefined bytes 0x81 0x8D 0x8F 0x90 0x9D, plus the 27
 * Windows-1252 specials such as "€" for 0x80). A "unit" is a sequence of such
 * characters whose bytes form one well-formed multi-byte UTF-8 sequence
 * (lead C2..F4, continuations 80..BF, Unicode Table 3-7) that decodes to a
 * plausible character. Units are grouped into runs (units separated only by
 * ASCII on one line); a run is repaired unless every unit in it is
 * ambiguous (see ambiguous()). Nested mojibake is undone by repeating the
 * pass on the output (at most MAX_PASSES times), composing offset maps. */
#include "internal.h"

#define MAX_PASSES 3

/* Windows-1252 0x80..0x9F: the code points of the defined positions
 * (0 for the five undefined ones, which come through as C1 controls). */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* The byte a character stood for when UTF-8 was read as Windows-1252 or
 * Latin-1, or -1 if it cannot be such a character (ASCII included). */
static int byte_of(uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0xFF) return (int)cp;
    if (cp < 0x152 || cp > 0x2122) return -1;
    for (int i = 0; i < 32; i++)
        if (cp1252_hi[i] == cp) return 0x80 + i;
    return -1;
}

/* Characters a repaired unit may decode to: scripts and symbols that really
 * occur in text. Excluding the rest (notably Arabic/Syriac that "Ý”" or
 * "Ù’" would decode to) keeps clean Vietnamese with quotes untouched. C1
 * controls and the Latin ranges must stay allowed so that the first pass
 * over doubly nested mojibake can produce the intermediate layer. */
static int plausible(uint32_t cp)
{
    if (cp < 0x80) return 0;   /* never from a multi-byte sequence anyway */
    if (cp <= 0x45F) return 1; /* C1, Latin, IPA, modifiers, combining, Greek, Cyrillic */
    if (cp == 0x490 || cp == 0x491)
        return 1;                                 /* Ukrainian Ґ ґ; not the rest of the
                                                     rare Cyrillic that "Ó•" would give */
    if (cp >= 0x0E00 && cp <= 0x0E7F) return 1;   /* Thai */
    if (cp >= 0x1E00 && cp <= 0x1EFF) return 1;   /* Latin Extended Additional (Vietnamese) */
    if (cp >= 0x2000 && cp <= 0x2BFF) return 1;   /* punctuation, symbols, arrows, shapes */
    if (cp >= 0x3000 && cp <= 0x9FFF) return 1;   /* CJK */
    if (cp >= 0xAC00 && cp <= 0xD7A3) return 1;   /* Hangul */
    if (cp >= 0xFE00 && cp <= 0xFE0F) return 1;   /* variation selectors */
    if (cp >= 0xFE30 && cp <= 0xFFFD) return 1;   /* forms, BOM, full width, U+FFFD */
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return 1; /* emoji */
    return 0;
}

/* One decoded input character. */
typedef struct ch {
    uint32_t cp;
    size_t off; /* offset in this pass's input */
    uint8_t len;
    int16_t byte; /* byte_of(cp) */
} ch;

/* A candidate unit: chars [first, first+nch) decode to cp. */
typedef struct unit {
    size_t first;
    uint32_t cp;
    uint8_t nch;
    uint8_t amb;  /* ambiguous() */
    uint8_t keep; /* 1 = repair */
} unit;

static int is_ascii_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Lower-case letter as written before a unit (ASCII or Latin-1/Vietnamese). */
static int is_lower_letter(uint32_t c)
{
    if (c >= 'a' && c <= 'z') return 1;
    vnt__letter l;
    return c >= 0xDF && vnt__letter_get(c, &l) && !l.upper;
}

static int is_upper_letter(uint32_t c)
{
    if (c >= 'A' && c <= 'Z') return 1;
    vnt__letter l;
    return c >= 0xC0 && vnt__letter_get(c, &l) && l.upper;
}

/* A 2-character unit is ambiguous when its clean reading is ordinary text,
 * then it is repaired only beside clear damage (another unit in its run):
 *  - an upper-case letter then closing punctuation at the end of a word
 *    ("NGÃ”", which could also be "NGÔ"); a lower-case letter before it or a
 *    letter after it ("lÃ’", "Ã”ng") marks damage;
 *  - a letter then a no-break space or soft hyphen: "BÃ\u00A0" is "Bà" but
 *    "NGÃ\u00A0" (two capitals before) is a capitalised word and a space;
 *    "Â\u00A0" is a damaged NBSP only in damaged text;
 *  - a 3-byte lead, a no-break space or soft hyphen and any third character
 *    ("đã\u00A0“": CJK U+3813). */
static int closing(int b)
{
    switch (b) {
    case 0x85:
    case 0x92:
    case 0x94:
    case 0x96:
    case 0x97:
    case 0x9B:
    case 0xBB: return 1;
    default: return 0;
    }
}

static int ambiguous(const ch *c, size_t nc, size_t first, int nch, uint32_t decoded)
{
    int b1 = c[first + 1].byte;
    int alnum_after = first + (size_t)nch < nc && is_ascii_alnum(c[first + (size_t)nch].cp);
    if (nch > 2) {
        /* "đã<NBSP>“": a word-final letter, a no-break space (or soft
         * hyphen) and any symbol would read as a CJK or Braille character
         * (U+x800..U+x83F, U+xB40..U+xB7F); no Vietnamese letter has such a
         * second byte */
        if (b1 == 0xA0 || b1 == 0xAD) return 1;
        /* "Mã’’": a lower-case lead (3/4-byte leads are à..ô) then closing
         * quotes; real damage such as "Nguyá»…n" continues with a letter */
        for (int k = 1; k < nch; k++)
            if (!closing(c[first + (size_t)k].byte) && c[first + (size_t)k].byte != 0xA0) return 0;
        return !alnum_after;
    }
    if (b1 == 0xA0 || b1 == 0xAD) {
        vnt__letter l;
        if (!vnt__letter_get(decoded, &l) || l.upper) return 1;
        size_t k = 0;
        while (k < first && k < 2 && is_upper_letter(c[first - 1 - k].cp))
            k++;
        return k >= 2;
    }
    if (!closing(b1)) return 0;
    if (first > 0 && is_lower_letter(c[first - 1].cp)) return 0;
    return !alnum_after;
}

/* Try a unit at chars[i]; returns its char count (2..4) or 0. */
static int try_unit(const ch *c, size_t nc, size_t i, uint32_t *cp)
{
    int b0 = c[i].byte;
    if (b0 < 0xC2 || b0 > 0xF4) return 0;
    int need = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    if (i + (size_t)need > nc) return 0;
    char tmp[4];
    for (int k = 0; k < need; k++) {
        int b = c[i + (size_t)k].byte;
        if (b < 0 || (k > 0 && b > 0xBF)) return 0;
        tmp[k] = (char)b;
    }
    uint32_t v;
    if (vnt_utf8_decode(tmp, (size_t)need, &v) != need || !plausible(v)) return 0;
    *cp = v;
    return need;
}

typedef struct pass_result {
    size_t runs;     /* runs repaired in this pass */
    size_t new_runs; /* of which not inside a run repaired by an earlier pass */
} pass_result;

/* One repair pass over s[0..n) into b (map relative to s). Invalid UTF-8
 * becomes U+FFFD (recorded in b->bad). touched_in (NULL on the first pass)
 * flags input bytes produced by an earlier repair; *touched_out receives the
 * same flags for the output bytes. */
static vnt_status repair_pass(const char *s, size_t n, const uint8_t *touched_in, vnt__buf *b,
                              uint8_t **touched_out, pass_result *pr)
{
    ch *c = malloc((n + 1) * sizeof *c);
    unit *u = NULL;
    size_t nc = 0, nu = 0, cap_u = 0;
    *touched_out = NULL;
    pr->runs = pr->new_runs = 0;
    if (!c) return VNT_ERR_NOMEM;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) k = k < 0 ? -k : 1;
        c[nc].cp = cp;
        c[nc].off = i;
        c[nc].len = (uint8_t)k;
        c[nc].byte = (int16_t)byte_of(cp);
        nc++;
        i += (size_t)k;
    }
    /* find units */
    for (size_t i = 0; i < nc;) {
        uint32_t cp;
        int k = c[i].byte >= 0xC2 ? try_unit(c, nc, i, &cp) : 0;
        if (!k) {
            i++;
            continue;
        }
        if (nu == cap_u) {
            size_t nc2 = cap_u ? cap_u * 2 : 64;
            unit *p = realloc(u, nc2 * sizeof *u);
            if (!p) {
                free(u);
                free(c);
                return VNT_ERR_NOMEM;
            }
            u = p;
            cap_u = nc2;
        }
        u[nu].first = i;
        u[nu].cp = cp;
        u[nu].nch = (uint8_t)k;
        u[nu].amb = (uint8_t)ambiguous(c, nc, i, k, cp);
        u[nu].keep = 0;
        nu++;
        i += (size_t)k;
    }
    /* group into runs: consecutive units with only ASCII other than line
     * breaks between them */
    for (size_t a = 0; a < nu;) {
        size_t z = a + 1;
        int clear = !u[a].amb;
        while (z < nu) {
            size_t from = u[z - 1].first + u[z - 1].nch, to = u[z].first;
            int joined = 1;
            for (size_t j = from; j < to; j++)
                if (c[j].cp >= 0x80 || c[j].cp == '\n' || c[j].cp == '\r') {
                    joined = 0;
                    break;
                }
            if (!joined) break;
            clear |= !u[z].amb;
            z++;
        }
        if (clear) {
            int old = 0;
            for (size_t j = a; j < z; j++)
                u[j].keep = 1;
            if (touched_in) {
                size_t last = u[z - 1].first + u[z - 1].nch - 1;
                for (size_t o = c[u[a].first].off; o < c[last].off + c[last].len && !old; o++)
                    old = touched_in[o];
            }
            pr->runs++;
            pr->new_runs += !old;
        }
        a = z;
    }
    /* emit, with the touched flag of every output byte: a repaired
     * character, or a copy of a byte an earlier pass repaired */
    size_t cap_t = n + 16;
    uint8_t *t = malloc(cap_t);
    size_t ui = 0;
    for (size_t i = 0; i < nc && t;) {
        size_t at = b->len;
        int from_unit = 0;
        while (ui < nu && (u[ui].first < i || !u[ui].keep))
            ui++;
        if (ui < nu && u[ui].first == i) {
            vnt__buf_put_cp(b, u[ui].cp, c[i].off);
            from_unit = 1;
            i += u[ui].nch;
        } else {
            if (c[i].cp == VNT_REPLACEMENT_CHAR &&
                (c[i].len != 3 || memcmp(s + c[i].off, "\xEF\xBF\xBD", 3) != 0)) {
                vnt__buf_bad(b, c[i].off);
                vnt__buf_put_cp(b, VNT_REPLACEMENT_CHAR, c[i].off);
            } else {
                vnt__buf_put(b, s + c[i].off, c[i].len, c[i].off);
            }
            i++;
        }
        if (b->failed) break;
        if (b->len > cap_t) {
            size_t nt = cap_t * 2 > b->len ? cap_t * 2 : b->len;
            uint8_t *p = realloc(t, nt);
            if (!p) {
                free(t);
                t = NULL;
                break;
            }
            t = p;
            cap_t = nt;
        }
        for (size_t o = at; o < b->len; o++)
            t[o] = from_unit ? 1 : touched_in ? touched_in[b->map[o] + (o - at)] : 0;
    }
    free(u);
    free(c);
    if (!t || b->failed) {
        free(t);
        return VNT_ERR_NOMEM;
    }
    *touched_out = t;
    return VNT_OK;
}

vnt_status vnt_repair_mojibake(const char *s, size_t n, unsigned flags, vnt_text *out,
                               size_t *n_repaired)
{
    if (n_repaired) *n_repaired = 0;
    if (!out || (!s && n)) return VNT_ERR_ARG;
    vnt_text cur = {0}; /* result so far; cur.map relative to s */
    uint8_t *touched = NULL;
    size_t total = 0;
    vnt_status st = VNT_OK;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
        const char *in = pass ? cur.data : s;
        size_t in_n = pass ? cur.len : n;
        vnt__buf b;
        /* always map: needed to compose offsets and touched flags */
        vnt__buf_init(&b, in_n, 1);
        pass_result pr;
        uint8_t *nt = NULL;
        st = repair_pass(in, in_n, touched, &b, &nt, &pr);
        if (st != VNT_OK || (pass > 0 && pr.runs == 0)) {
            vnt__buf_free(&b);
            free(nt);
            break;
        }
        total += pr.new_runs;
        vnt_text nx = {0};
        if (pass > 0) b.n_bad = 0; /* later passes read valid UTF-8 */
        st = vnt__buf_finish(&b, in_n, &nx);
        if (st != VNT_OK) {
            free(nt);
            break;
        }
        if (pass > 0) {
            /* compose: nx.map is relative to cur; make it relative to s */
            for (size_t i = 0; i <= nx.len; i++)
                nx.map[i] = cur.map[nx.map[i]];
            free(nx.bad);
            nx.n_bad = cur.n_bad;
            nx.bad = cur.bad;
            cur.bad = NULL;
            cur.n_bad = 0;
        }
        vnt_text_free(&cur);
        cur = nx;
        free(touched);
        touched = nt;
        if (pr.runs == 0) break;
    }
    free(touched);
    if (st != VNT_OK) {
        vnt_text_free(&cur);
        vnt__text_reset(out);
        return st;
    }
    if (!(flags & VNT_MAP)) {
        free(cur.map);
        cur.map = NULL;
    }
    vnt__text_reset(out);
    *out = cur;
    if (n_repaired) *n_repaired = total;
    return VNT_OK;
}
