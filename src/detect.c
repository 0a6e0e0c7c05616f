/* Charset detection: which charset are these bytes most likely in.
 *
 * Every candidate charset decodes a sample of the input (vnt_decode, lossy)
 * and the result is scored by a character-class bigram model of Vietnamese
 * (src/detect_table.h, generated from Wikipedia text by
 * tools/gen_detect_table.c): the cost, in bits, of the decoded text. The
 * right decoding reads as Vietnamese; a wrong one yields stray symbols,
 * control characters, U+FFFD and impossible letter pairs, which cost much
 * more. Structure then refines the UTF-8 answer (NFC / NFD / base + combining
 * tone / mojibake) and the diacritic-less answers (VIQR / unaccented
 * Vietnamese / other ASCII).
 *
 * Ties: charsets that decode a sample to the same text are the same answer;
 * the first in `order` wins (UTF-8, then the legacy charsets by how common
 * they are: TCVN3 before its superset TCVN5712, ...). For UTF-8 whose only
 * combining marks are tones on unmodified vowels, NFD and "combining" write
 * the same bytes; NFD is reported.
 *
 * Speed: only a region of the input is decoded (from just before the first
 * byte that is not plain ASCII, DET_REGION bytes, longer when non-ASCII is
 * sparse). */
#include "detect_class.h"

#include "detect_table.h"

#include <math.h>

#define DET_MAX_INPUT  65536
#define DET_REGION     4096
#define DET_REGION_MAX 16384
#define DET_PREFIX     128 /* bytes of the first stage */
#define DET_PRUNE      64  /* bits behind the best after which a candidate is dropped */
#define DET_UTF8_BITS  10  /* cost to a legacy reading of each valid UTF-8 multi-byte sequence */

/* Candidates in order of preference on ties. */
enum { K_UTF8, K_TCVN3, K_VNI, K_VISCII, K_CP1258, K_VPS, K_TCVN5712, K_VIQR, K_MOJIBAKE, K_COUNT };
static const vnt_charset cand_cs[K_COUNT] = {VNT_CS_UTF8,     VNT_CS_TCVN3,  VNT_CS_VNI,
                                             VNT_CS_VISCII,   VNT_CS_CP1258, VNT_CS_VPS,
                                             VNT_CS_TCVN5712, VNT_CS_VIQR,   VNT_CS_MOJIBAKE};

/* Bits charged for an upper-case letter right after a lower-case one
 * ("viỆt"): breaks ties between tables that differ only in case. */
#define CASE_COST 32 /* in 1/8 bit */

typedef struct lm {
    uint64_t cost;        /* 1/8 bits */
    uint64_t scost;       /* unaccented model, 1/8 bits */
    size_t nch;           /* classes scored */
    size_t letters, viet; /* letters; letters with a diacritic or đ */
    int prev, sprev;
    int prev_lower; /* previous char was a lower-case letter */
    uint64_t hash;  /* FNV-1a of the decoded bytes */
} lm;

static void lm_init(lm *m)
{
    memset(m, 0, sizeof *m);
    m->prev = m->sprev = -1;
    m->hash = 1469598103934665603ull;
}

static inline void lm_emit(lm *m, int c)
{
    int f = vnt__dt_fold[c];
    m->cost += m->prev < 0 ? vnt__dt_first[0][c] : vnt__dt_bigram[m->prev][c];
    m->scost += m->sprev < 0 ? vnt__dt_sfirst[0][f] : vnt__dt_sbigram[m->sprev][f];
    m->prev = c;
    m->sprev = f;
    m->nch++;
    m->letters += c >= VNT__DC_CONS;
    m->viet += vnt__dt_viet[c];
}

#define FNV_PRIME 1099511628211ull

/* Score UTF-8 text s[0..n) (invalid bytes count as U+FFFD). */
static void lm_text(lm *m, const char *s, size_t n)
{
    vnt__dc_stream st = {-1};
    uint64_t h = m->hash;
#define EMIT_(c) lm_emit(m, (c))
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* fast path: ASCII never joins the letter before */
            h = (h ^ b) * FNV_PRIME;
            i++;
            int cls = vnt__dt_ascii[b];
            if (b >= 'A' && b <= 'Z' && m->prev_lower) m->cost += CASE_COST;
            m->prev_lower = b >= 'a' && b <= 'z';
            if (st.pending >= 0) lm_emit(m, st.pending);
            st.pending = cls;
            continue;
        }
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) k = k < 0 ? -k : 1;
        for (int j = 0; j < k; j++)
            h = (h ^ (unsigned char)s[i + (size_t)j]) * FNV_PRIME;
        i += (size_t)k;
        /* case anomaly: upper-case letter after a lower-case one */
        vnt__letter l;
        int is_letter = vnt__letter_get(cp, &l);
        if (is_letter && l.upper && m->prev_lower) m->cost += CASE_COST;
        if (!(cp >= 0x300 && cp <= 0x36F)) m->prev_lower = is_letter && !l.upper;
        VNT__DC_PUSH(&st, cp, EMIT_);
    }
    if (st.pending >= 0) lm_emit(m, st.pending);
    m->hash = h;
#undef EMIT_
}

/* Structure of UTF-8 text: how combining marks are used. */
typedef struct ustat {
    size_t mods;        /* combining circumflex/breve/horn after a letter: NFD */
    size_t tone_on_mod; /* combining tone after precomposed â ê ô ơ ư ă: combining */
    size_t tone_plain;  /* combining tone after a plain vowel: either */
    size_t precomposed; /* precomposed toned vowels: NFC */
    size_t mod_letters; /* precomposed â ê ô ơ ư ă without tone: not NFD */
    size_t invalid;     /* invalid sequences (edges trimmed) */
    size_t latin1;      /* U+0080..U+00FF and Windows-1252 specials: maybe mojibake */
    size_t multi;       /* valid multi-byte sequences */
} ustat;

static void utf8_structure(const char *s, size_t n, ustat *u)
{
    memset(u, 0, sizeof *u);
    vnt__letter prev;
    int have_prev = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            u->invalid++;
            i += (size_t)(k < 0 ? -k : 1);
            have_prev = 0;
            continue;
        }
        i += (size_t)k;
        if (cp < 0x80) {
            have_prev = vnt__letter_get(cp, &prev);
            continue;
        }
        u->multi++;
        if ((cp >= 0x80 && cp <= 0xFF) || (cp >= 0x152 && cp <= 0x2122)) u->latin1++;
        if (cp >= 0x300 && cp <= 0x36F) {
            if (have_prev && prev.vowel != 0xFF) {
                if (vnt__combining_mod(cp))
                    u->mods++;
                else if (vnt__combining_tone(cp)) {
                    if (prev.mod != VNT__MOD_NONE)
                        u->tone_on_mod++;
                    else
                        u->tone_plain++;
                }
            }
            continue;
        }
        have_prev = vnt__letter_get(cp, &prev);
        if (have_prev && prev.vowel != 0xFF && prev.vowel != VNT__V_DD) {
            if (prev.tone)
                u->precomposed++;
            else if (prev.mod != VNT__MOD_NONE)
                u->mod_letters++;
        }
    }
}

/* Skip a UTF-8 sequence cut by the start of a sample and drop one cut by
 * its end, so that windows of UTF-8 text do not score as damaged. */
static void utf8_trim(const char *s, size_t *a, size_t *b)
{
    size_t i = *a, k = 0;
    while (i < *b && k < 3 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++, k++;
    *a = i;
    size_t e = *b, back = 0;
    while (e > *a && back < 3 && ((unsigned char)s[e - 1] & 0xC0) == 0x80)
        e--, back++;
    if (e > *a) {
        unsigned c = (unsigned char)s[e - 1];
        size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (c >= 0xC0 && want > back + 1) *b = e - 1; /* lead with too few continuations */
    }
}

/* VIQR marks after a vowel ("a^", "o+", "e'", "u?", "a.") or "dd". */
static size_t viqr_marks(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 1; i < n; i++) {
        char c = s[i], p = (char)(s[i - 1] | 0x20);
        int vowel = p == 'a' || p == 'e' || p == 'i' || p == 'o' || p == 'u' || p == 'y';
        if (vowel &&
            (c == '^' || c == '(' || c == '+' || c == '\'' || c == '`' || c == '?' || c == '~'))
            k++;
        else if ((c | 0x20) == 'd' && p == 'd')
            k++;
    }
    return k;
}

/* Fraction of words (runs of ASCII letters) that are Vietnamese syllables;
 * *words receives the number of words. */
static double syllable_fraction(const char *s, size_t n, size_t *words)
{
    size_t w = 0, ok = 0;
    for (size_t i = 0; i < n;) {
        if (((s[i] | 0x20) < 'a' || (s[i] | 0x20) > 'z')) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')
            j++;
        /* a word cut by the sample's edges is not judged */
        if (i > 0 && j < n) {
            w++;
            ok += vnt_is_syllable(s + i, j - i) != 0;
        }
        i = j;
    }
    *words = w;
    return w ? (double)ok / (double)w : 0;
}

/* Where to look: from just before the first non-ASCII or control byte. */
static void choose_region(const char *s, size_t n, size_t *a, size_t *b, size_t *high, size_t *ctrl)
{
    size_t first = n;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        if (c >= 0x80 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            first = i;
            break;
        }
    }
    size_t start = first == n ? 0 : first > 256 ? first - 256 : 0;
    while (start > 0 && start < first && s[start - 1] != ' ' && s[start - 1] != '\n' &&
           first - start < 320)
        start--;
    size_t end = start + DET_REGION < n ? start + DET_REGION : n;
    size_t h = 0, c0 = 0;
    for (size_t i = start; i < end; i++) {
        unsigned c = (unsigned char)s[i];
        h += c >= 0x80;
        c0 += c < 0x20 && c != '\n' && c != '\r' && c != '\t';
    }
    /* sparse non-ASCII: look further, up to DET_REGION_MAX */
    while (end < n && end - start < DET_REGION_MAX && h < 256) {
        unsigned c = (unsigned char)s[end++];
        h += c >= 0x80;
        c0 += c < 0x20 && c != '\n' && c != '\r' && c != '\t';
    }
    *a = start;
    *b = end;
    *high = h;
    *ctrl = c0;
}

typedef struct cand {
    int ok;
    lm m;
} cand;

static void score_decoded(vnt_charset cs, const char *s, size_t n, cand *c)
{
    vnt_text t = {0};
    lm_init(&c->m);
    if (vnt_decode(cs, s, n, VNT_LOSSY, &t) != VNT_OK) {
        vnt_text_free(&t);
        return;
    }
    lm_text(&c->m, t.data, t.len);
    c->ok = 1;
    vnt_text_free(&t);
}

/* Score the candidates in `want` on s[a..b) into c (UTF-8 and mojibake
 * readings trimmed at cut characters). */
static void score_span(const char *s, size_t a, size_t b, unsigned want, cand *c)
{
    memset(c, 0, K_COUNT * sizeof *c);
    size_t ua = a, ub = b;
    utf8_trim(s, &ua, &ub);
    if (want & (1u << K_UTF8)) {
        lm_init(&c[K_UTF8].m);
        lm_text(&c[K_UTF8].m, s + ua, ub - ua);
        c[K_UTF8].ok = 1;
    }
    for (int k = K_TCVN3; k <= K_VIQR; k++)
        if (want & (1u << k)) score_decoded(cand_cs[k], s + a, b - a, &c[k]);
    if (want & (1u << K_MOJIBAKE)) {
        vnt_text t = {0};
        size_t runs = 0;
        if (vnt_repair_mojibake(s + ua, ub - ua, 0, &t, &runs) == VNT_OK && runs) {
            lm_init(&c[K_MOJIBAKE].m);
            lm_text(&c[K_MOJIBAKE].m, t.data, t.len);
            c[K_MOJIBAKE].ok = 1;
        }
        vnt_text_free(&t);
    }
}

/* Does cs write these bytes back the same after reading them? */
static int round_trips(vnt_charset cs, const char *s, size_t n)
{
    vnt_text d = {0}, e = {0};
    int ok = vnt_decode(cs, s, n, VNT_LOSSY, &d) == VNT_OK &&
             vnt_encode(cs, d.data, d.len, VNT_LOSSY, &e) == VNT_OK && e.len == n &&
             memcmp(e.data, s, n) == 0;
    vnt_text_free(&d);
    vnt_text_free(&e);
    return ok;
}

/* Confidence from cost margins: each bit of margin counts as 0.1 bit of
 * evidence (the model's bigrams are far from independent), so that short
 * samples with a thin margin get a modest confidence. */
static double margin_weight(uint64_t worse, uint64_t best)
{
    double bits = (double)(worse - best) / 8.0;
    return bits > 4000 ? 0.0 : pow(2.0, -0.1 * bits);
}

vnt_status vnt_detect(const char *s, size_t n, vnt_detection *out)
{
    if (!out) return VNT_ERR_ARG;
    out->charset = VNT_CS_ASCII;
    out->confidence = 0;
    out->second = VNT_CS_UNKNOWN;
    out->second_confidence = 0;
    if (!s || n == 0) return VNT_OK;
    if (n > DET_MAX_INPUT) n = DET_MAX_INPUT;

    size_t a, b, high, ctrl;
    choose_region(s, n, &a, &b, &high, &ctrl);
    const char *r = s + a;
    size_t rn = b - a;

    /* UTF-8 structure over the whole region (edges trimmed) */
    size_t ua = a, ub = b;
    utf8_trim(s, &ua, &ub);
    ustat us;
    utf8_structure(s + ua, ub - ua, &us);
    unsigned want = 1u << K_UTF8;
    if (high || ctrl) want |= ((1u << (K_TCVN5712 + 1)) - 1) & ~1u;
    if (us.latin1 && us.invalid == 0) want |= 1u << K_MOJIBAKE;
    if (viqr_marks(r, rn)) want |= 1u << K_VIQR;

    /* Two stages: every candidate on a prefix, then those within PRUNE bits
     * of the best on the whole region; the others keep their prefix cost
     * scaled to the region (they only feed the confidence). */
    cand c[K_COUNT];
    size_t pre = rn > DET_PREFIX + DET_PREFIX / 2 ? DET_PREFIX : rn;
    score_span(s, a, a + pre, want, c);
    if (pre < rn) {
        uint64_t lo = UINT64_MAX;
        for (int k = 0; k < K_COUNT; k++)
            if (c[k].ok && c[k].m.cost < lo) lo = c[k].m.cost;
        unsigned again = 0;
        for (int k = 0; k < K_COUNT; k++)
            if (c[k].ok && c[k].m.cost <= lo + DET_PRUNE * 8) again |= 1u << k;
        cand full[K_COUNT];
        score_span(s, a, b, again, full);
        for (int k = 0; k < K_COUNT; k++) {
            if (again & (1u << k))
                c[k] = full[k];
            else if (c[k].ok)
                c[k].m.cost = c[k].m.cost * (uint64_t)rn / pre;
        }
        if (!c[K_UTF8].ok) { /* always keep the UTF-8 reading defined */
            c[K_UTF8].m.cost = UINT64_MAX / 4;
        }
    }

    /* Well-formed UTF-8 is itself evidence: 8-bit legacy text whose high
     * bytes all happen to form valid multi-byte sequences is rare (each needs
     * a lead byte followed by the right number of 0x80..0xBF bytes), so
     * without any invalid sequence each one costs a legacy reading
     * DET_UTF8_BITS (short NFD foreign text was read as cp1258 otherwise). */
    if (us.invalid == 0 && us.multi > 0)
        for (int k = K_TCVN3; k <= K_TCVN5712; k++)
            if (c[k].ok) c[k].m.cost += (uint64_t)us.multi * DET_UTF8_BITS * 8;

    /* best, then the best with a different decoding */
    int best = K_UTF8;
    for (int k = 0; k < K_COUNT; k++)
        if (c[k].ok && c[k].m.cost < c[best].m.cost) best = k;
    /* legacy charsets that read the sample alike: the first, in order of
     * preference, that would also write these bytes (TCVN3 reads VN1's
     * capitals 0x80..0x9F but never writes them: then TCVN5712) */
    if (best >= K_TCVN3 && best <= K_VIQR) {
        int n_same = 0;
        for (int k = K_TCVN3; k <= K_VIQR; k++)
            n_same += c[k].ok && c[k].m.hash == c[best].m.hash;
        if (n_same > 1)
            for (int k = K_TCVN3; k <= K_VIQR; k++)
                if (c[k].ok && c[k].m.hash == c[best].m.hash && round_trips(cand_cs[k], r, rn)) {
                    best = k;
                    break;
                }
    }
    int second = -1;
    double wsum = 1.0;
    for (int k = 0; k < K_COUNT; k++) {
        if (!c[k].ok || k == best || c[k].m.hash == c[best].m.hash) continue;
        wsum += margin_weight(c[k].m.cost, c[best].m.cost);
        if (second < 0 || c[k].m.cost < c[second].m.cost) second = k;
    }
    vnt_charset cs = cand_cs[best];
    double conf = 1.0 / wsum;
    double conf2 = second >= 0 ? margin_weight(c[second].m.cost, c[best].m.cost) / wsum : 0;
    vnt_charset cs2 = second >= 0 ? cand_cs[second] : VNT_CS_UNKNOWN;

    const lm *bm = &c[best].m;
    if (best == K_UTF8 && bm->viet == 0) {
        /* no Vietnamese letter: unaccented Vietnamese, other ASCII, or UTF-8
         * without Vietnamese (curly quotes, other languages) */
        double bits = bm->nch ? (double)bm->scost / 8.0 / (double)bm->nch : 99;
        size_t words;
        double frac = syllable_fraction(s + ua, ub - ua, &words);
        /* unaccented Vietnamese scores below ~3 bits a character under the
         * unaccented model and spells many words as syllables even
         * without marks; English and code score above 4 with few */
        double z = bits - 1.5 * frac;
        int viet_like = bm->letters >= 3 && z < 3.4;
        int all_ascii = high == 0 && ctrl == 0;
        vnt_charset plain = all_ascii ? VNT_CS_ASCII : VNT_CS_UTF8;
        double p = 1.0 / (1.0 + exp(-6.0 * (3.4 - z)));
        if (bm->letters < 3) p = 0.5;
        if (viet_like) {
            cs = VNT_CS_UNACCENTED;
            conf = conf * p;
            cs2 = plain;
            conf2 = 1 - p;
        } else if (bm->letters >= 3) {
            cs2 = VNT_CS_UNACCENTED;
            cs = plain;
            conf = conf * (1 - p);
            conf2 = p;
        } else {
            cs = plain; /* too few letters to tell: keep the charset runner-up */
            conf *= 0.5;
        }
        if (cs2 == cs) {
            cs2 = VNT_CS_UNKNOWN;
            conf2 = 0;
        }
    } else if (best == K_UTF8) {
        if (us.mods || us.tone_on_mod || us.tone_plain) {
            size_t comb = us.mods + us.tone_on_mod + us.tone_plain;
            if (us.precomposed > comb)
                cs = VNT_CS_UTF8; /* mostly NFC with a few stray marks */
            else if (us.tone_on_mod > us.mods || (us.mods == 0 && us.mod_letters))
                cs = VNT_CS_COMBINING;
            else
                cs = VNT_CS_NFD;
        }
    }
    /* a poor fit for every reading (binary, other languages) lowers confidence */
    double fit_bits = bm->nch ? (double)bm->cost / 8.0 / (double)bm->nch : 99;
    double fit = fit_bits <= 6 ? 1.0 : fit_bits >= 14 ? 0.0 : (14 - fit_bits) / 8.0;
    /* the runner-up is never more confident than the choice (the ASCII
     * branches above scale only the best's confidence) */
    if (conf2 > conf) conf2 = conf;
    out->charset = cs;
    out->confidence = conf * fit;
    out->second = cs2;
    out->second_confidence = conf2 * fit;
    return VNT_OK;
}
