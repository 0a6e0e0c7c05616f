/* Search terms: what a full-text index stores for a text and what a query
 * looks up. One implementation for the SQLite and PostgreSQL extensions, so
 * the two engines agree term for term (docs/search.md).
 *
 * Key of a token: NFC, lookalikes folded (vnt_normalize, only when the
 * tokenizer says the slice is not clean), a syllable respelled with the tone
 * on its traditional letter (hoà -> hòa), with i for the i/y of an open
 * syllable after a consonant (kỹ -> kĩ), in lower case; anything else lower-
 * cased letter by letter. The accent-free alternative strips every
 * diacritic, đ -> d. */
#include "nlp.h"

#include <string.h>

/* Memo of token keys: the same few thousand syllables make up most of any
 * Vietnamese text, and parsing + respelling each occurrence was over half of
 * the indexing time. Keyed by the token's bytes and what else token_key()
 * reads (syllable or not, unclean); bounded, cleared when full. Syllables
 * only (why: a fifth of the other tokens, numbers and names, were misses,
 * which filled the memo and cleared it 7 times a pass over the news sample;
 * most of them are ASCII, keyed at once). */
#define MEMO_SLOTS   16384 /* power of two; filled to half at most */
#define MEMO_ARENA   (MEMO_SLOTS / 2 * 48)
#define MEMO_MAX_SRC 40 /* longer tokens are rare: not memoised */

typedef struct memo_slot {
    uint32_t hash; /* 0: empty */
    uint32_t off;  /* arena: source bytes, key, fold */
    uint8_t src_len, key_len, fold_len, kind;
    uint8_t syl; /* the key is a Vietnamese syllable as vnt_syllable_write spells it */
} memo_slot;

typedef struct search_scratch {
    vnt_tokens toks;
    vnt_doc doc;
    vnt_text norm;
    char *key;
    size_t key_cap;
    memo_slot *memo;
    char *arena;
    size_t arena_len, memo_used;
    void *tok_memo; /* TOK_MEMO entries for vnt__tokenize_memo (syllable
                       parses), or NULL */
} search_scratch;

#define TOK_MEMO 4096

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 1;
    size_t nc = *cap ? *cap : 64;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem) return 0;
        nc *= 2;
    }
    void *q = realloc(*p, nc * elem);
    if (!q) return 0;
    *p = q;
    *cap = nc;
    return 1;
}

vnt_status vnt_search_option(vnt_search_opts *o, const char *name, const char *value)
{
    if (!o || !name || !value) return VNT_ERR_ARG;
    if (!strcmp(name, "accents")) {
        if (!strcmp(value, "both"))
            o->accents = VNT_ACCENTS_BOTH;
        else if (!strcmp(value, "fold"))
            o->accents = VNT_ACCENTS_FOLD;
        else if (!strcmp(value, "keep"))
            o->accents = VNT_ACCENTS_KEEP;
        else
            return VNT_ERR_ARG;
        return VNT_OK;
    }
    if (!strcmp(name, "compounds")) {
        if (!strcmp(value, "1") || !strcmp(value, "on") || !strcmp(value, "true"))
            o->compounds = 1;
        else if (!strcmp(value, "0") || !strcmp(value, "off") || !strcmp(value, "false"))
            o->compounds = 0;
        else
            return VNT_ERR_ARG;
        return VNT_OK;
    }
    return VNT_ERR_ARG;
}

void vnt_terms_free(vnt_terms *t)
{
    if (!t) return;
    free(t->term);
    free(t->text);
    search_scratch *sc = t->scratch;
    if (sc) {
        vnt_tokens_free(&sc->toks);
        vnt_doc_free(&sc->doc);
        vnt_text_free(&sc->norm);
        free(sc->key);
        free(sc->memo);
        free(sc->arena);
        free(sc->tok_memo);
        free(sc);
    }
    memset(t, 0, sizeof *t);
}

static int indexable(vnt_token_type ty)
{
    return ty != VNT_TOK_PUNCT && ty != VNT_TOK_SYMBOL && ty != VNT_TOK_OTHER &&
           ty < VNT_TOK_TYPE_COUNT;
}

/* Terms whose parts are worth finding on their own: "covid" in "covid-19",
 * "dantri" in a.b@dantri.com.vn or a URL. A number is not split: "500" is
 * not in "2.500" (two thousand five hundred). */
static int has_parts(vnt_token_type ty)
{
    return ty == VNT_TOK_CODE || ty == VNT_TOK_DATE || ty == VNT_TOK_TIME || ty == VNT_TOK_ABBREV ||
           ty == VNT_TOK_PHONE || ty == VNT_TOK_HASHTAG || ty == VNT_TOK_MENTION ||
           ty == VNT_TOK_EMAIL || ty == VNT_TOK_URL;
}

/* Simple case folding beyond the Vietnamese letters: Latin-1, Latin
 * Extended-A, Greek and Cyrillic cover what appears in Vietnamese text. */
static uint32_t lower_cp(uint32_t cp)
{
    vnt__letter L;
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp | 0x20 : cp;
    if (vnt__letter_get(cp, &L)) {
        if (!L.upper) return cp;
        L.upper = 0;
        uint32_t lc = vnt__letter_to_cp(&L);
        return lc ? lc : cp;
    }
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 0x20;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149) {
        /* pairs upper/lower; the 0x139..0x148 and 0x179..0x17E runs are offset by one */
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return (cp & 1) ? cp + 1 : cp;
        return (cp & 1) ? cp : cp + 1;
    }
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    return cp;
}

/* Append the lower-cased bytes of p[0..n) to the key buffer. Invalid UTF-8
 * was replaced by vnt_normalize for unclean tokens; for safety a stray
 * invalid byte is dropped here. */
static int put_lower(search_scratch *sc, size_t *len, const char *p, size_t n)
{
    if (!grow((void **)&sc->key, &sc->key_cap, *len + n * 2 + 8, 1)) return 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)p[i];
        if (c < 0x80) {
            sc->key[(*len)++] = (char)((c >= 'A' && c <= 'Z') ? c | 0x20 : c);
            i++;
            continue;
        }
        uint32_t cp;
        int k = vnt_utf8_decode(p + i, n - i, &cp);
        if (k <= 0) {
            i += (size_t)(k < 0 ? -k : 1);
            continue;
        }
        *len += vnt_utf8_encode(lower_cp(cp), sc->key + *len);
        i += (size_t)k;
    }
    return 1;
}

/* One spelling for the final i/y of an open syllable after a consonant:
 * kỹ = kĩ, lý = lí, hy sinh = hi sinh, quý = quí (both are standard and
 * both are common in the same texts: 30 "hy sinh" beside 17 "hi sinh" in
 * the news sample). Without an onset (y tế, ý) or with a glide (huy) or a
 * coda (kính) the letters are not interchangeable and stay. Returns 1 if
 * the syllable has that shape. */
static int canon_iy(vnt_syllable *syl)
{
    if (!syl->onset[0] || syl->glide[0] || syl->coda[0] ||
        (strcmp(syl->nucleus, "y") && strcmp(syl->nucleus, "i")))
        return 0;
    syl->nucleus[0] = 'i';
    return 1;
}

/* s[0..n) respelled as a search key if it is a syllable (lower case, tone
 * on the traditional letter, the i of canon_iy; with keep_y that y stays):
 * its length in out, else 0. */
static size_t syllable_key(const char *s, size_t n, int keep_y, char *out, size_t cap)
{
    vnt_syllable syl;
    if (vnt_syllable_parse(s, n, &syl) != VNT_OK) return 0;
    if (!keep_y) canon_iy(&syl);
    syl.letter_case = VNT_CASE_LOWER;
    size_t k = vnt_syllable_write(&syl, VNT_TONES_TRADITIONAL, out, cap);
    return k < cap ? k : 0;
}

/* A prefix as typed (lower case, key[0..klen)) that is a syllable keyed
 * otherwise (quy -> qui, hoà -> hòa, thuỷ -> thủy): that key into out, its
 * length; else 0. As typed, the prefix starts longer syllables (quyết,
 * Quỳnh, hoàn); keyed, it is the syllable itself. */
static size_t respelled(const char *key, size_t klen, char *out, size_t cap)
{
    size_t k = syllable_key(key, klen, 0, out, cap);
    return k && (k != klen || memcmp(out, key, klen)) ? k : 0;
}

/* The key of token slice s[0..n) into sc->key; returns its length, or
 * (size_t)-1 on allocation failure. */
static size_t token_key(search_scratch *sc, const char *s, size_t n, const vnt_token *t,
                        int as_prefix, int *is_syl)
{
    *is_syl = 0;
    const char *p = s;
    size_t pn = n;
    if (t->flags & (VNT_TOKF_UNCLEAN | VNT_TOKF_INVALID)) {
        vnt_norm_opts no = {VNT_NORM_OPTS_VERSION, VNT_TONES_KEEP, VNT_LOSSY};
        vnt_status st = vnt_normalize(s, n, &no, &sc->norm);
        if (st == VNT_ERR_NOMEM) return (size_t)-1;
        if (st == VNT_OK) {
            p = sc->norm.data;
            pn = sc->norm.len;
        }
    }
    size_t len = 0;
    if (t->type == VNT_TOK_SYLLABLE && !as_prefix) {
        char buf[64];
        size_t k = syllable_key(p, pn, 0, buf, sizeof buf);
        if (k > 0) {
            if (!grow((void **)&sc->key, &sc->key_cap, k + 1, 1)) return (size_t)-1;
            memcpy(sc->key, buf, k);
            *is_syl = 1;
            return k;
        }
    }
    if (!put_lower(sc, &len, p, pn)) return (size_t)-1;
    return len;
}

static uint64_t load64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static uint32_t load32(const char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* Hash of a memo key, a word at a time (why: byte-at-a-time FNV-1a was a
 * quarter of token_forms). Overlapping loads cover the ends without reading
 * outside s[0..n); the values may differ by byte order, which only moves
 * entries between slots. */
static uint32_t memo_hash(const char *s, size_t n, unsigned kind)
{
    const uint64_t K = 0x9E3779B97F4A7C15u;
    uint64_t h = ((uint64_t)n << 2 | kind) * K;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8)
            h = (h ^ load64(s + i)) * K, h ^= h >> 29;
        h ^= load64(s + n - 8);
    } else if (n >= 4)
        h ^= (uint64_t)load32(s) << 32 | load32(s + n - 4);
    else if (n > 0)
        h ^= (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 |
             (unsigned char)s[n - 1];
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 31;
    h *= K;
    return (uint32_t)(h >> 32);
}

/* Lower-case ASCII s[0..n) into sc->key, as put_lower would; 0 when s has
 * a non-ASCII byte (or on NOMEM: the slow path reports it). */
static int ascii_key(search_scratch *sc, const char *s, size_t n)
{
    if (!grow((void **)&sc->key, &sc->key_cap, n + 1, 1)) return 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) return 0;
        sc->key[i] = (char)((c >= 'A' && c <= 'Z') ? c | 0x20 : c);
    }
    return 1;
}

/* A token's key and accent-free key, memoised. `key` and `fold` point into the
 * memo arena or into sc->key and `fold_buf` (`fold` may be `key`); valid
 * until the next call.
 * Returns 0 on NOMEM, klen 0 for an empty key. */
static int token_forms(search_scratch *sc, const char *s, size_t n, const vnt_token *t,
                       const char **key, size_t *klen, const char **fold, size_t *flen,
                       char *fold_buf, int *syl)
{
    const unsigned kind = (t->type == VNT_TOK_SYLLABLE ? 1u : 0u) |
                          ((t->flags & (VNT_TOKF_UNCLEAN | VNT_TOKF_INVALID)) ? 2u : 0u);
    uint32_t h = 0;
    memo_slot *slot = NULL;
    if (n <= MEMO_MAX_SRC && t->type == VNT_TOK_SYLLABLE) {
        if (!sc->memo) {
            sc->memo = calloc(MEMO_SLOTS, sizeof *sc->memo);
            sc->arena = malloc(MEMO_ARENA);
            if (!sc->memo || !sc->arena) {
                free(sc->memo);
                free(sc->arena);
                sc->memo = NULL;
                sc->arena = NULL;
                return 0;
            }
        }
        h = memo_hash(s, n, kind) | 1; /* never 0 (empty) */
        for (size_t i = h & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1)) {
            memo_slot *m = &sc->memo[i];
            if (!m->hash) {
                slot = m;
                break;
            }
            if (m->hash == h && m->src_len == n && m->kind == kind &&
                !memcmp(sc->arena + m->off, s, n)) {
                *key = sc->arena + m->off + n;
                *klen = m->key_len;
                *fold = *key + m->key_len;
                *flen = m->fold_len;
                *syl = m->syl;
                return 1;
            }
        }
    }
    if (!kind && n > 0 && n <= VNT_TERM_MAX && ascii_key(sc, s, n)) {
        /* a clean ASCII word or number: its key is its lower case, which has
         * no diacritic to strip (why: through token_key and
         * vnt_strip_diacritics, these took a tenth of the time) */
        *key = *fold = sc->key;
        *klen = *flen = n;
        *syl = 0;
        return 1;
    }
    size_t kl = token_key(sc, s, n, t, 0, syl);
    if (kl == (size_t)-1) return 0;
    *key = sc->key;
    *klen = kl;
    *fold = fold_buf;
    *flen = 0;
    if (kl == 0 || kl > VNT_TERM_MAX) return 1;
    *flen = vnt_strip_diacritics(sc->key, kl, fold_buf, VNT_TERM_MAX + 8);
    if (!slot || kl > 255 || *flen > 255) return 1;
    if (sc->memo_used >= MEMO_SLOTS / 2 || sc->arena_len + n + kl + *flen > MEMO_ARENA) {
        /* full: start again rather than grow (odd input has endless distinct tokens) */
        memset(sc->memo, 0, MEMO_SLOTS * sizeof *sc->memo);
        sc->memo_used = 0;
        sc->arena_len = 0;
        for (size_t i = h & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1))
            if (!sc->memo[i].hash) {
                slot = &sc->memo[i];
                break;
            }
    }
    char *a = sc->arena + sc->arena_len;
    memcpy(a, s, n);
    memcpy(a + n, sc->key, kl);
    memcpy(a + n + kl, fold_buf, *flen);
    slot->hash = h;
    slot->off = (uint32_t)sc->arena_len;
    slot->src_len = (uint8_t)n;
    slot->key_len = (uint8_t)kl;
    slot->fold_len = (uint8_t)*flen;
    slot->kind = (uint8_t)kind;
    slot->syl = (uint8_t)*syl;
    sc->arena_len += n + kl + *flen;
    sc->memo_used++;
    *key = a + n;
    *fold = a + n + kl;
    return 1;
}

static vnt_term *add_term(vnt_terms *out, const char *txt, size_t len, const vnt_token *t,
                          uint32_t pos, unsigned flags)
{
    if (!grow((void **)&out->term, &out->cap, out->n + 1, sizeof *out->term) ||
        !grow((void **)&out->text, &out->text_cap, out->text_len + len + 1, 1))
        return NULL;
    vnt_term *tm = &out->term[out->n++];
    tm->start = t->start;
    tm->end = t->end;
    tm->off = (uint32_t)out->text_len;
    tm->len = (uint32_t)len;
    tm->pos = pos;
    tm->npos = 1;
    tm->flags = (uint16_t)flags;
    tm->type = t->type;
    memcpy(out->text + out->text_len, txt, len);
    out->text_len += len;
    out->text[out->text_len++] = 0;
    return tm;
}

/* Was this exact text already given at this position (since index `from`)? */
static int seen(const vnt_terms *out, size_t from, const char *txt, size_t len)
{
    for (size_t i = from; i < out->n; i++)
        if (out->term[i].len == len && !memcmp(out->text + out->term[i].off, txt, len)) return 1;
    return 0;
}

/* The accented spellings an accent-free word may stand for (VNT_SEARCH_EXPAND):
 * a, e, o, u, d may carry their letter diacritics (ă â, ê, ô ơ, ư, đ) and
 * one vowel a tone mark. A whole word keeps the candidates that are
 * syllables, spelled as token_key() spells them, so the alternatives are
 * exactly the index keys that fold to the word; a prefix keeps every
 * candidate (a prefix of a syllable need not be one). At most 4 vowel
 * letters, like any syllable ("giuôi": gi + uôi), bounds the work. */
static int add_expansions(vnt_terms *out, size_t from, const char *key, size_t klen,
                          const vnt_token *t, uint32_t pos, unsigned flags, int prefix)
{
    enum { MAXL = 8 };
    if (klen == 0 || klen > MAXL) return 1;
    int opt[MAXL][3], nopt[MAXL], vowels = 0, combos = 1;
    for (size_t i = 0; i < klen; i++) {
        int c = (unsigned char)key[i];
        if (c < 'a' || c > 'z') return 1;
        nopt[i] = 1;
        opt[i][0] = -c; /* a consonant: itself */
        switch (c) {
        case 'a':
            nopt[i] = 3, opt[i][0] = VNT__V_A, opt[i][1] = VNT__V_AW, opt[i][2] = VNT__V_AA;
            break;
        case 'e': nopt[i] = 2, opt[i][0] = VNT__V_E, opt[i][1] = VNT__V_EE; break;
        case 'o':
            nopt[i] = 3, opt[i][0] = VNT__V_O, opt[i][1] = VNT__V_OO, opt[i][2] = VNT__V_OW;
            break;
        case 'u': nopt[i] = 2, opt[i][0] = VNT__V_U, opt[i][1] = VNT__V_UW; break;
        case 'i': opt[i][0] = VNT__V_I; break;
        case 'y': opt[i][0] = VNT__V_Y; break;
        case 'd': nopt[i] = 2, opt[i][1] = VNT__V_DD; break;
        }
        if (opt[i][0] >= 0 && ++vowels > 4) return 1;
        combos *= nopt[i];
    }
    if (vowels == 0) return 1;
    for (int combo = 0; combo < combos; combo++) {
        int pick[MAXL], r = combo;
        for (size_t i = 0; i < klen; i++) {
            pick[i] = opt[i][r % nopt[i]];
            r /= nopt[i];
        }
        /* tone 0 (only when some letter changed), then each tone on each vowel */
        for (int tone = 0; tone <= 5; tone++) {
            for (size_t at = 0; at < klen; at++) {
                if (tone == 0 ? (combo == 0 || at > 0) : (pick[at] < 0 || pick[at] == VNT__V_DD))
                    continue;
                char cand[MAXL * 4 + 1];
                size_t cl = 0;
                for (size_t i = 0; i < klen; i++) {
                    uint32_t cp = pick[i] < 0 ? (uint32_t)-pick[i]
                                              : vnt__letter_cp(pick[i], i == at ? tone : 0, 0);
                    if (!cp) goto skip;
                    cl += vnt_utf8_encode(cp, cand + cl);
                }
                const char *term = cand;
                size_t tl = cl;
                char sp[64];
                if (!prefix) {
                    vnt_syllable syl;
                    if (vnt_syllable_parse(cand, cl, &syl) != VNT_OK) goto skip;
                    /* a key spelled with that y was not respelled (a code's
                     * part): no candidate folds back to it */
                    if (syl.nucleus[0] == 'y' && canon_iy(&syl)) goto skip;
                    syl.letter_case = VNT_CASE_LOWER;
                    tl = vnt_syllable_write(&syl, VNT_TONES_TRADITIONAL, sp, sizeof sp);
                    if (tl == 0 || tl >= sizeof sp) goto skip;
                    term = sp;
                }
                if (!seen(out, from, term, tl) &&
                    !add_term(out, term, tl, t, pos, flags | VNT_TERM_ALT))
                    return 0;
            skip:;
            }
        }
    }
    return 1;
}

/* A number written with thousands separators, Vietnamese style ("2.500",
 * "1.000.000", "-1.234,5"): its digits without them into out ("2500");
 * 0 for any other key. */
static size_t plain_number(const char *key, size_t klen, char *out)
{
    size_t i = 0, o = 0, lead = 0, groups = 0;
    if (i < klen && (key[i] == '-' || key[i] == '+')) out[o++] = key[i++];
    while (i < klen && key[i] >= '0' && key[i] <= '9' && lead < 4)
        out[o++] = key[i++], lead++;
    if (lead == 0 || lead > 3) return 0;
    while (i + 4 <= klen && key[i] == '.' && key[i + 1] >= '0' && key[i + 1] <= '9' &&
           key[i + 2] >= '0' && key[i + 2] <= '9' && key[i + 3] >= '0' && key[i + 3] <= '9' &&
           (i + 4 == klen || key[i + 4] < '0' || key[i + 4] > '9')) {
        memcpy(out + o, key + i + 1, 3);
        o += 3, i += 4, groups++;
    }
    if (!groups) return 0;
    if (i < klen && key[i] == ',') { /* the decimal part */
        out[o++] = key[i++];
        size_t d = 0;
        while (i < klen && key[i] >= '0' && key[i] <= '9')
            out[o++] = key[i++], d++;
        if (!d) return 0;
    }
    return i == klen ? o : 0;
}

/* Primary + accent-free alternative of one key; `fold` is the key's
 * accent-free form when the caller has it, else NULL. `syl`: the key is a
 * syllable, whose accent-free form VNT_SEARCH_EXPAND leaves out of the
 * index (queries expand instead). Returns 0 on NOMEM. */
static int add_forms(vnt_terms *out, size_t from, const char *key, size_t klen, const char *fold,
                     size_t flen, const vnt_token *t, uint32_t pos, unsigned flags, vnt_accents acc,
                     int query, int expand, int syl)
{
    char fbuf[VNT_TERM_MAX + 8];
    if (acc != VNT_ACCENTS_KEEP && !fold) {
        flen = vnt_strip_diacritics(key, klen, fbuf, sizeof fbuf);
        if (flen >= sizeof fbuf) return 1; /* cannot happen for klen <= VNT_TERM_MAX */
        fold = fbuf;
    }
    if (acc == VNT_ACCENTS_FOLD) {
        /* nothing left ("̀" alone, a code part of marks only): no term */
        if (flen == 0 || seen(out, from, fold, flen)) return 1;
        if (out->n > from) flags |= VNT_TERM_ALT;
        return add_term(out, fold, flen, t, pos, flags | VNT_TERM_FOLDED) != NULL;
    }
    if (out->n == from || !seen(out, from, key, klen)) {
        unsigned f = flags | (out->n > from ? VNT_TERM_ALT : 0);
        if (!add_term(out, key, klen, t, pos, f)) return 0;
    }
    if (acc != VNT_ACCENTS_BOTH) return 1;
    const int plain = flen == klen && !memcmp(fold, key, klen);
    if (query) /* an accent-free query word: every accented spelling */
        return !expand || !plain ||
               add_expansions(out, from, key, klen, t, pos, flags, (flags & VNT_TERM_PREFIX) != 0);
    if (!plain && flen && !(expand && syl) && !seen(out, from, fold, flen))
        return add_term(out, fold, flen, t, pos, flags | VNT_TERM_ALT | VNT_TERM_FOLDED) != NULL;
    return 1;
}

/* At key[i]: 0 separator, 1 letter (a non-ASCII byte counts as one: keys
 * are lower case), 2 digit. U+FFFD, the replacement of invalid input,
 * separates. */
static int part_class(const char *key, size_t klen, size_t i)
{
    const unsigned char c = (unsigned char)key[i];
    if (c >= '0' && c <= '9') return 2;
    if (c >= 'a' && c <= 'z') return 1;
    if (c < 0x80) return 0;
    if (c == 0xEF && i + 2 < klen && (unsigned char)key[i + 1] == 0xBF &&
        (unsigned char)key[i + 2] == 0xBD)
        return 0;
    /* inside U+FFFD (code_parts steps bytewise) */
    if ((c == 0xBF && i >= 1 && (unsigned char)key[i - 1] == 0xEF && i + 1 < klen &&
         (unsigned char)key[i + 1] == 0xBD) ||
        (c == 0xBD && i >= 2 && (unsigned char)key[i - 2] == 0xEF &&
         (unsigned char)key[i - 1] == 0xBF))
        return 0;
    return 1;
}

/* Letter runs and digit runs of a code key ("covid-19" and "covid19" ->
 * covid, 19; "h5n1" -> h, 5, n, 1), so a code is found however its parts
 * are joined: "covid19" finds Covid-19, "U23" finds U-23. */
static size_t code_parts(const char *key, size_t klen, size_t b[][2], size_t max)
{
    size_t i = 0, nparts = 0;
    while (i < klen && nparts < max) {
        while (i < klen && !part_class(key, klen, i))
            i++;
        if (i >= klen) break;
        const int cls = part_class(key, klen, i);
        size_t j = i;
        while (j < klen && part_class(key, klen, j) == cls)
            j++;
        if (j > i) {
            b[nparts][0] = i;
            b[nparts][1] = j;
            nparts++;
        }
        i = j;
    }
    return nparts;
}

#define MAX_PARTS 64 /* runs of one code; a query's code is cut there too */

/* The parts of a code as a phrase: the first colocated with the code term
 * (or, in a query, instead of it), the others at the next positions, so
 * that "covid" finds "Covid-19", "30/4" finds "30/4/2021" and a phrase
 * "Covid-19 mới" matches in index and query alike. A run that is a syllable
 * is keyed as one (my.tran@… has the run "mi", as "my" does). Each run has
 * its own bytes as offsets when the key maps byte for byte onto the token
 * (so a highlight marks [dantri] in a URL). `pfx`: the last run is a prefix
 * (query "covid19*" -> covid 19*). `from` is where this position's terms
 * begin; returns the positions used (>= 1), 0 on NOMEM. */
static uint32_t add_parts(vnt_terms *out, size_t from, const char *key, size_t klen,
                          const vnt_token *t, uint32_t pos, vnt_accents acc, int query, int expand,
                          int pfx)
{
    size_t b[MAX_PARTS][2];
    size_t nparts = code_parts(key, klen, b, MAX_PARTS);
    const unsigned last_fl = pfx ? VNT_TERM_PREFIX : 0;
    if (nparts < 2) { /* one run: the term itself */
        if (!query || klen > VNT_TERM_MAX) return 1;
        return add_forms(out, from, key, klen, NULL, 0, t, pos, last_fl, acc, query, expand, 0) ? 1
                                                                                                : 0;
    }
    const int own =
        !(t->flags & (VNT_TOKF_UNCLEAN | VNT_TOKF_INVALID)) && klen == t->end - t->start;
    for (size_t k = 0; k < nparts; k++) {
        size_t f = k == 0 ? from : out->n, rl = b[k][1] - b[k][0];
        const char *run = key + b[k][0];
        char sk[64];
        const int is_last_pfx = pfx && k + 1 == nparts;
        size_t sl = is_last_pfx ? 0 : syllable_key(run, rl, 0, sk, sizeof sk);
        if (sl) run = sk, rl = sl;
        if (rl > VNT_TERM_MAX) continue; /* its position stays empty */
        vnt_token pt = *t;
        if (own) pt.start = t->start + b[k][0], pt.end = t->start + b[k][1];
        if (!add_forms(out, f, run, rl, NULL, 0, &pt, pos + (uint32_t)k,
                       VNT_TERM_PART | (k + 1 == nparts ? last_fl : 0), acc, query, expand, 0))
            return 0;
        /* the last run of a prefix code: as typed and keyed, as for a word
         * ("u23-my*": my* and mi*) */
        if (is_last_pfx && (sl = respelled(run, rl, sk, sizeof sk)) &&
            !add_forms(out, f, sk, sl, NULL, 0, &pt, pos + (uint32_t)k,
                       VNT_TERM_PART | VNT_TERM_PREFIX, acc, query, expand, 0))
            return 0;
    }
    return (uint32_t)nparts;
}

/* VNT_SEARCH_WORD, one syllable s[0..n) keyed key[0..klen): when its
 * spelling as typed (NFC, lower case) differs (quý -> quí, hoà -> hòa), add
 * that spelling and its accent-free form as VNT_TERM_SPELLING terms. 0 on
 * NOMEM. */
static int syl_typed(search_scratch *sc, const char *s, size_t n, const vnt_token *t,
                     const char *key, size_t klen, vnt_terms *out, size_t from, uint32_t pos,
                     vnt_accents acc)
{
    if (t->flags & (VNT_TOKF_UNCLEAN | VNT_TOKF_INVALID)) {
        vnt_norm_opts no = {VNT_NORM_OPTS_VERSION, VNT_TONES_KEEP, VNT_LOSSY};
        vnt_status st = vnt_normalize(s, n, &no, &sc->norm);
        if (st == VNT_ERR_NOMEM) return 0;
        if (st == VNT_OK) s = sc->norm.data, n = sc->norm.len;
    }
    char ty[64], tf[64 + 8];
    size_t tl = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (k <= 0 || tl + 4 > sizeof ty) return 1; /* not worth a variant */
        tl += vnt_utf8_encode(lower_cp(cp), ty + tl);
        i += (size_t)k;
    }
    if (tl == klen && !memcmp(ty, key, klen)) return 1;
    size_t tfl = vnt_strip_diacritics(ty, tl, tf, sizeof tf);
    return add_forms(out, from, ty, tl, tf, tfl, t, pos, VNT_TERM_SPELLING, acc, 0, 0, 0);
}

vnt_status vnt_search_terms(const char *s, size_t n, const vnt_search_opts *opts, vnt_terms *out)
{
    if (!out || (!s && n)) return VNT_ERR_ARG;
    vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_BOTH, 0, NULL, 0};
    if (opts) {
        if (opts->version < 1) return VNT_ERR_ARG;
        o = *opts;
    }
    if ((unsigned)o.accents > VNT_ACCENTS_KEEP) return VNT_ERR_ARG;
    if (!s) s = "";
    out->n = 0;
    out->text_len = 0;
    out->n_pos = 0;
    if (!out->scratch && !(out->scratch = calloc(1, sizeof(search_scratch)))) return VNT_ERR_NOMEM;
    search_scratch *sc = out->scratch;
    const int query = (o.flags & VNT_SEARCH_QUERY) != 0;
    const int prefix = query && (o.flags & VNT_SEARCH_PREFIX);
    const int word_mode = (o.flags & VNT_SEARCH_WORD) != 0;
    const int compounds = o.compounds && !query && (o.model || word_mode);
    const int expand = (o.flags & VNT_SEARCH_EXPAND) && o.accents == VNT_ACCENTS_BOTH;

    /* tokens, and with compounds the words over them */
    const vnt_tokens *toks;
    const vnt_word *words = NULL;
    size_t n_words = 0;
    vnt_status st;
    if (compounds && o.model && !word_mode) {
        st = vnt_analyze(o.model, s, n, VNT_ANALYZE_NO_TAG, &sc->doc);
        if (st != VNT_OK) return st;
        toks = &sc->doc.tokens;
        words = sc->doc.words;
        n_words = sc->doc.n_words;
    } else {
        /* the syllable memo saves parsing the same syllables again and
         * again (a third of the tokenizer's time); without memory, none */
        if (!sc->tok_memo) sc->tok_memo = calloc(TOK_MEMO, VNT__TOK_MEMO_ENTRY);
        st = vnt__tokenize_memo(s, n, 0, &sc->toks, sc->tok_memo, sc->tok_memo ? TOK_MEMO : 0);
        if (st != VNT_OK) return st;
        toks = &sc->toks;
    }

    /* last indexable token (for the prefix flag) */
    size_t last = (size_t)-1;
    for (size_t i = 0; prefix && i < toks->n; i++)
        if (indexable(toks->tok[i].type)) last = i;

    /* A compound's key and accent-free key, joined from its syllables' forms.
     * They outlive the compound's first token: the main loop takes the later
     * syllables' forms from here instead of looking them up a second time
     * (why: a third of the memo lookups with compounds were such repeats).
     * Copies, as token_forms' pointers do not last. Words are disjoint, so
     * a compound's first token never comes from here. */
    char buf[VNT_TERM_MAX + 1], fbuf[VNT_TERM_MAX + 1];
    struct {
        uint16_t koff, klen, foff, flen;
        uint8_t syl;
    } part[8];
    size_t part_begin = 0, part_end = 0; /* tokens with their forms in part[k - part_begin] */

    uint32_t pos = 0;
    size_t wi = 0;
    for (size_t i = 0; i < toks->n; i++) {
        const vnt_token *t = &toks->tok[i];
        if (!indexable(t->type)) continue;
        const int pfx = prefix && i == last;
        const char *key, *fold;
        size_t klen, flen;
        int syl = 0;
        char fold_buf[VNT_TERM_MAX + 8];
        if (pfx) {
            klen = token_key(sc, s + t->start, t->end - t->start, t, 1, &syl);
            if (klen == (size_t)-1) return VNT_ERR_NOMEM;
            key = sc->key;
            fold = NULL;
            flen = 0;
        } else if (i >= part_begin && i < part_end) {
            const size_t k = i - part_begin;
            key = buf + part[k].koff;
            klen = part[k].klen;
            fold = fbuf + part[k].foff;
            flen = part[k].flen;
            syl = part[k].syl;
        } else if (!token_forms(sc, s + t->start, t->end - t->start, t, &key, &klen, &fold, &flen,
                                fold_buf, &syl))
            return VNT_ERR_NOMEM;
        /* a URL too long to be a term is still found by its runs */
        if (klen == 0 || (klen > VNT_TERM_MAX && !has_parts(t->type))) continue;
        size_t from = out->n;
        unsigned fl = pfx ? VNT_TERM_PREFIX : 0;
        uint32_t used = 1;
        if (has_parts(t->type)) {
            /* index: the code term, its parts as a phrase; query: the phrase */
            if (!query && klen <= VNT_TERM_MAX &&
                !add_forms(out, from, key, klen, fold, flen, t, pos, 0, o.accents, 0, expand, 0))
                return VNT_ERR_NOMEM;
            used = add_parts(out, from, key, klen, t, pos, o.accents, query, expand, pfx);
            if (!used) return VNT_ERR_NOMEM;
        } else if (!add_forms(out, from, key, klen, fold, flen, t, pos, fl, o.accents, query,
                              expand, syl))
            /* a prefix keeps the tone where it was typed, so it is matched as is */
            return VNT_ERR_NOMEM;
        else if (pfx && t->type == VNT_TOK_SYLLABLE) {
            /* "quy*" starts quyết and Quỳnh as typed, and is quý, keyed quí;
             * "hoà*" starts hoàn and is hòa: both, as alternatives */
            char ik[64];
            size_t il = respelled(key, klen, ik, sizeof ik);
            if (il && !add_forms(out, from, ik, il, NULL, 0, t, pos, VNT_TERM_PREFIX, o.accents,
                                 query, expand, 0))
                return VNT_ERR_NOMEM;
        } else if (word_mode && !query && toks->n == 1 && t->type == VNT_TOK_SYLLABLE) {
            /* a dictionary (PostgreSQL) cannot tell a prefix query from a
             * word: the spelling as typed as well, as its own variant, so
             * "quy:*" still finds quyết and "hoà:*" hoàn */
            if (!syl_typed(sc, s + t->start, t->end - t->start, t, key, klen, out, from, pos,
                           o.accents))
                return VNT_ERR_NOMEM;
        } else if (!query && (t->type == VNT_TOK_NUMBER || t->type == VNT_TOK_PERCENT)) {
            /* the number of a percentage, colocated: "1,5" finds "1,5%" (a
             * query "1,5%" still asks for the percentage); a number also
             * without its thousands separators: "2500" finds "2.500" and
             * "2.500%" (a query "2.500" asks for that spelling) */
            size_t nl = klen;
            if (t->type == VNT_TOK_PERCENT) {
                if (klen < 2 || key[klen - 1] != '%') goto compound;
                nl = klen - 1;
                if (!add_forms(out, from, key, nl, NULL, 0, t, pos, 0, o.accents, 0, expand, 0))
                    return VNT_ERR_NOMEM;
            }
            char plain[64];
            size_t pl = nl < sizeof plain ? plain_number(key, nl, plain) : 0;
            if (pl &&
                !add_forms(out, from, plain, pl, plain, pl, t, pos, 0, o.accents, 0, expand, 0))
                return VNT_ERR_NOMEM;
        }
    compound:

        /* a compound starting here: the word containing token i */
        if (compounds) {
            size_t wb = 0, we = 0;
            if (word_mode) {
                if (i != 0 || toks->n < 2) goto next;
                wb = 0;
                we = toks->n;
            } else {
                while (wi < n_words && words[wi].tok_end <= i)
                    wi++;
                if (wi >= n_words || words[wi].tok_begin != i) goto next;
                wb = words[wi].tok_begin;
                we = words[wi].tok_end;
            }
            if (we - wb < 2 || we - wb > 8) goto next;
            /* syllables only: "Covid-19 vaccine" is not a compound term; the
             * accent-free compound is the join of the accent-free syllables */
            size_t bl = 0, fbl = 0;
            int ok = 1;
            part_begin = wb;
            part_end = wb;
            for (size_t k = wb; k < we && ok; k++) {
                const vnt_token *u = &toks->tok[k];
                const char *uk, *uf;
                size_t ul, ufl;
                char ubuf[VNT_TERM_MAX + 8];
                if (u->type != VNT_TOK_SYLLABLE) {
                    ok = 0;
                    break;
                }
                int usyl;
                if (k == i) { /* token i: its forms are at hand, not yet overwritten */
                    uk = key, ul = klen, uf = fold, ufl = flen, usyl = syl;
                } else if (!token_forms(sc, s + u->start, u->end - u->start, u, &uk, &ul, &uf, &ufl,
                                        ubuf, &usyl))
                    return VNT_ERR_NOMEM;
                if (ul == 0 || bl + ul + 1 > VNT_TERM_MAX || fbl + ufl + 1 > VNT_TERM_MAX)
                    ok = 0;
                else {
                    if (bl) buf[bl++] = '_', fbuf[fbl++] = '_';
                    part[k - wb].koff = (uint16_t)bl;
                    part[k - wb].klen = (uint16_t)ul;
                    part[k - wb].foff = (uint16_t)fbl;
                    part[k - wb].flen = (uint16_t)ufl;
                    part[k - wb].syl = (uint8_t)usyl;
                    part_end = k + 1;
                    memcpy(buf + bl, uk, ul);
                    bl += ul;
                    memcpy(fbuf + fbl, uf, ufl);
                    fbl += ufl;
                }
            }
            if (ok) {
                size_t before = out->n;
                if (!add_forms(out, from, buf, bl, fbuf, fbl, t, pos, VNT_TERM_COMPOUND, o.accents,
                               0, expand, 1))
                    return VNT_ERR_NOMEM;
                for (size_t k = before; k < out->n; k++) {
                    out->term[k].end = toks->tok[we - 1].end;
                    out->term[k].npos = (uint16_t)(we - wb);
                }
            }
        }
    next:
        if (out->n > from) pos += used;
    }
    out->n_pos = pos;
    return VNT_OK;
}
