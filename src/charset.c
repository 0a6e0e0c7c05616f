/* Legacy Vietnamese charsets <-> UTF-8: names, the single-byte table
 * charsets (TCVN 5712 VN1/VN3, VISCII, VPS, Windows-1258, VNI Windows) and the
 * UTF-8 forms (NFC, NFD, base + combining tone). Decoding always yields NFC;
 * encoding accepts UTF-8 in any normalization form. VIQR: charset_viqr.c.
 * Behaviour and choices: docs/charsets.md. */
#include "charset_impl.h"

#define VNT__CS_BYTE_TABLES
#include "charset_tables.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ names */

static const char *const cs_names[VNT_CS_COUNT] = {
    "unknown", "utf-8",  "tcvn3", "tcvn5712",  "vni",   "viscii",     "vps",
    "viqr",    "cp1258", "nfd",   "combining", "ascii", "unaccented", "mojibake"};

static const struct {
    const char *name;
    vnt_charset cs;
} cs_aliases[] = {
    {"utf8", VNT_CS_UTF8},          {"unicode", VNT_CS_UTF8},
    {"tcvn", VNT_CS_TCVN3},         {"abc", VNT_CS_TCVN3},
    {"vn3", VNT_CS_TCVN3},          {"tcvn-3", VNT_CS_TCVN3},
    {"tcvn5712-3", VNT_CS_TCVN3},   {"tcvn5712-1", VNT_CS_TCVN5712},
    {"tcvn-5712", VNT_CS_TCVN5712}, {"vn1", VNT_CS_TCVN5712},
    {"vscii", VNT_CS_TCVN5712},     {"tcvn5712-1:1993", VNT_CS_TCVN5712},
    {"vni-win", VNT_CS_VNI},        {"vni-windows", VNT_CS_VNI},
    {"vni-ansi", VNT_CS_VNI},       {"x-viet-vni", VNT_CS_VNI},
    {"x-viet-vps", VNT_CS_VPS},     {"windows-1258", VNT_CS_CP1258},
    {"win-1258", VNT_CS_CP1258},    {"cp-1258", VNT_CS_CP1258},
    {"nfc", VNT_CS_UTF8},           {"utf-8-nfd", VNT_CS_NFD},
    {"decomposed", VNT_CS_NFD},     {"viqr-rfc1456", VNT_CS_VIQR},
    {"vietnet", VNT_CS_VIQR},
};

static int name_eq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x == '_') x = '-';
        if (x != y) return 0;
    }
    return *a == *b;
}

vnt_charset vnt_charset_from_name(const char *name)
{
    if (!name) return VNT_CS_UNKNOWN;
    for (int i = 1; i < VNT_CS_COUNT; i++)
        if (name_eq(name, cs_names[i])) return (vnt_charset)i;
    for (size_t i = 0; i < N_OF(cs_aliases); i++)
        if (name_eq(name, cs_aliases[i].name)) return cs_aliases[i].cs;
    return VNT_CS_UNKNOWN;
}

const char *vnt_charset_name(vnt_charset cs)
{
    return ((int)cs >= 0 && cs < VNT_CS_COUNT) ? cs_names[cs] : cs_names[0];
}

/* ------------------------------------------------------------ byte tables */

typedef struct cs_table {
    const uint16_t *dec;
    const uint8_t *enc_lo, *enc_viet;
    const vnt__cs_pair *other;
    size_t n_other;
} cs_table;

static const cs_table t_vn1 = {vnt__cs_vn1_dec, vnt__cs_vn1_enc_lo, vnt__cs_vn1_enc_viet,
                               vnt__cs_vn1_enc_other, VNT__CS_VN1_N_OTHER};
static const cs_table t_vn3 = {vnt__cs_vn3_dec, vnt__cs_vn3_enc_lo, vnt__cs_vn3_enc_viet,
                               vnt__cs_vn3_enc_other, VNT__CS_VN3_N_OTHER};
static const cs_table t_viscii = {vnt__cs_viscii_dec, vnt__cs_viscii_enc_lo,
                                  vnt__cs_viscii_enc_viet, vnt__cs_viscii_enc_other,
                                  VNT__CS_VISCII_N_OTHER};
static const cs_table t_vps = {vnt__cs_vps_dec, vnt__cs_vps_enc_lo, vnt__cs_vps_enc_viet,
                               vnt__cs_vps_enc_other, VNT__CS_VPS_N_OTHER};
static const cs_table t_cp1258 = {vnt__cs_cp1258_dec, vnt__cs_cp1258_enc_lo,
                                  vnt__cs_cp1258_enc_viet, vnt__cs_cp1258_enc_other,
                                  VNT__CS_CP1258_N_OTHER};
static const cs_table t_vni = {vnt__cs_vni_dec, vnt__cs_vni_enc_lo, vnt__cs_vni_enc_viet,
                               vnt__cs_vni_enc_other, VNT__CS_VNI_N_OTHER};

static const cs_table *table_of(vnt_charset cs)
{
    switch (cs) {
    case VNT_CS_TCVN3: return &t_vn3;
    case VNT_CS_TCVN5712: return &t_vn1;
    case VNT_CS_VISCII: return &t_viscii;
    case VNT_CS_VPS: return &t_vps;
    case VNT_CS_CP1258: return &t_cp1258;
    case VNT_CS_VNI: return &t_vni;
    default: return NULL;
    }
}

/* Byte for cp in one table, or -1. */
static int direct(const cs_table *t, uint32_t cp)
{
    if (cp < 0x1C0) {
        if (cp == 0) return 0;
        return t->enc_lo[cp] ? t->enc_lo[cp] : -1;
    }
    if (cp >= 0x1EA0 && cp < 0x1F00)
        return t->enc_viet[cp - 0x1EA0] ? t->enc_viet[cp - 0x1EA0] : -1;
    size_t lo = 0, hi = t->n_other;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->other[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < t->n_other && t->other[lo].cp == cp) ? t->other[lo].v : -1;
}

/* VNI mark byte for a modifier mark and tone (lower-case set), or -1. */
static int vni_mark(uint32_t mod, uint32_t tone)
{
    for (size_t i = 0; i < N_OF(vnt__vni_marks); i++)
        if (vnt__vni_marks[i][1] == mod && vnt__vni_marks[i][2] == tone)
            return vnt__vni_marks[i][0];
    return -1;
}

/* Byte for a lone combining mark (after a base of case `upper`), or -1. */
static int mark_byte(vnt_charset cs, const cs_table *t, uint32_t mark, int upper)
{
    if (cs == VNT_CS_VNI) {
        int b = vnt__combining_tone(mark) ? vni_mark(0, mark) : vni_mark(mark, 0);
        return (b >= 0 && upper) ? b - 0x20 : b;
    }
    if (cs == VNT_CS_TCVN3) return -1; /* VN3 has no combining marks */
    return direct(t, mark);
}

/* Encode one NFC code point into out (at most 8 bytes); returns the byte
 * count, or 0 when the charset cannot represent it. */
static size_t encode_cp(vnt_charset cs, const cs_table *t, uint32_t cp, uint8_t *out)
{
    vnt__letter l;
    int b;
    if (cp < 0x80 && (cs == VNT_CS_TCVN3 || cs == VNT_CS_CP1258 || cs == VNT_CS_VNI)) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cs == VNT_CS_VNI && cp >= 0xC0 && vnt__letter_get(cp, &l) && l.vowel != 0xFF) {
        /* VNI writes a Vietnamese letter as ASCII base + one mark byte, except
           the single-byte letters (ơ ư đ, toned i, ỵ) found in the table. */
        if ((b = direct(t, cp)) >= 0 && cp != 0xFD && cp != 0xDD) {
            out[0] = (uint8_t)b;
            return 1;
        }
        size_t k = 0;
        uint32_t mod = vnt__mod_mark(l.mod), tone = vnt__tone_mark(l.tone);
        if (l.mod == VNT__MOD_HORN) { /* ơ / ư are single bytes */
            b = direct(t, vnt__letter_cp(l.vowel, 0, l.upper));
            if (b < 0) return 0;
            out[k++] = (uint8_t)b;
            mod = 0;
        } else {
            out[k++] = (uint8_t)(l.upper ? l.base - 32 : l.base);
        }
        if (mod || tone) {
            b = vni_mark(mod, tone);
            if (b < 0) return 0;
            out[k++] = (uint8_t)(l.upper ? b - 0x20 : b);
        }
        return k;
    }
    if ((b = direct(t, cp)) >= 0) {
        out[0] = (uint8_t)b;
        return 1;
    }
    if (cp < 0xC0) return 0;
    /* Not in the table: base + combining marks, where the charset has them
       (VN1, Windows-1258, VNI). A toned Vietnamese vowel is its tone-less
       letter + tone mark; otherwise try each way of keeping some marks on a
       precomposed base (ệ = ê + dot below in Windows-1258). */
    if (cs == VNT_CS_TCVN3 || cs == VNT_CS_VISCII || cs == VNT_CS_VPS) return 0;
    if (vnt__letter_get(cp, &l) && l.tone && l.vowel < VNT__V_DD) {
        int base = direct(t, vnt__letter_cp(l.vowel, 0, l.upper));
        int m = mark_byte(cs, t, vnt__tone_mark(l.tone), l.upper);
        if (base >= 0 && m >= 0) {
            out[0] = (uint8_t)base;
            out[1] = (uint8_t)m;
            return 2;
        }
    }
    uint32_t d[4 * VNT__CL_MAX + 8];
    d[0] = cp;
    size_t n = vnt__cs_normalize(d, 1, sizeof d / sizeof d[0], 0);
    if (n < 2 || n > 5 || vnt__cs_ccc(d[0])) return 0;
    size_t nm = n - 1;
    for (unsigned mask = (1u << nm) - 1;; mask--) { /* marks folded into the base */
        uint32_t c = d[0];
        for (size_t i = 0; i < nm && c; i++)
            if (mask & (1u << i)) c = vnt__cs_compose(c, d[1 + i]);
        if (c && (b = direct(t, c)) >= 0) {
            int upper = vnt__letter_get(c, &l) ? l.upper : 0;
            uint32_t back[4 * VNT__CL_MAX + 8];
            size_t k = 0, nb = 0;
            out[k++] = (uint8_t)b;
            back[nb++] = c;
            for (size_t i = 0; i < nm; i++) {
                if (mask & (1u << i)) continue;
                int m = mark_byte(cs, t, d[1 + i], upper);
                if (m < 0 || k >= 8) {
                    k = 0;
                    break;
                }
                out[k++] = (uint8_t)m;
                back[nb++] = d[1 + i];
            }
            /* keep it only if a reader composes it back to cp (marks of one
               combining class must stay in their order) */
            if (k && vnt__cs_normalize(back, nb, sizeof back / sizeof back[0], 1) == 1 &&
                back[0] == cp)
                return k;
        }
        if (mask == 0) break;
    }
    return 0;
}

static int emit_legacy(vnt__cs_sink *k, uint32_t cp, size_t off)
{
    uint8_t tmp[8];
    const cs_table *t = table_of(k->cs);
    size_t n = encode_cp(k->cs, t, cp, tmp);
    if (n == 1) {
        vnt__buf_putc(&k->b, (char)tmp[0], off);
        return 0;
    }
    if (n) {
        vnt__buf_put(&k->b, (const char *)tmp, n, off);
        return 0;
    }
    if (!(k->flags & VNT_LOSSY)) {
        k->err = VNT_ERR_ENCODE;
        k->err_offset = off;
        return -1;
    }
    vnt__buf_bad(&k->b, off);
    vnt__letter l;
    /* TCVN3 has no upper-case toned vowels: lossy mode writes the lower-case
       letter (what a ".VnTimeH" capitals font shows as upper case). */
    if (k->cs == VNT_CS_TCVN3 && vnt__letter_get(cp, &l) && l.upper && l.vowel < VNT__V_DD &&
        (n = encode_cp(k->cs, t, vnt__letter_cp(l.vowel, l.tone, 0), tmp)) > 0) {
        vnt__buf_put(&k->b, (const char *)tmp, n, off);
        return 0;
    }
    vnt__buf_putc(&k->b, '?', off);
    return 0;
}

/* ----------------------------------------------------------------- decode */

static vnt_status decode_table(vnt_charset cs, const char *s, size_t n, unsigned flags,
                               vnt_text *out)
{
    const uint16_t *dec = table_of(cs)->dec;
    vnt__cs_sink k;
    vnt__cs_sink_init(&k, n + n / 2, flags, VNT__FORM_NFC, vnt__cs_emit_utf8);
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) { /* printable ASCII is itself in every table */
            size_t j = i + 1;
            while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F)
                j++;
            vnt__cs_push_ascii(&k, s, i, j);
            i = j - 1;
            continue;
        }
        uint32_t cp = dec[c];
        if (cs == VNT_CS_VNI && cp >= 0xFE00 && cp < 0xFF00) {
            const uint16_t *m = vnt__vni_marks[(cp & 0xFF) >> 1];
            if (m[1]) vnt__cs_push(&k, m[1], i);
            if (m[2]) vnt__cs_push(&k, m[2], i);
            continue;
        }
        if (VNT__UNLIKELY(cp == VNT__CS_NONE)) {
            if (!(flags & VNT_LOSSY)) {
                vnt__buf_free(&k.b);
                vnt__text_reset(out);
                out->err_offset = i;
                return VNT_ERR_DECODE;
            }
            vnt__buf_bad(&k.b, i);
            cp = VNT_REPLACEMENT_CHAR;
        }
        vnt__cs_push(&k, cp, i);
    }
    return vnt__cs_finish(&k, n, out);
}

static vnt_status decode_utf8(const char *s, size_t n, unsigned flags, vnt_text *out)
{
    vnt__cs_sink k;
    vnt__cs_sink_init(&k, n, flags, VNT__FORM_NFC, vnt__cs_emit_utf8);
    size_t i = 0;
    while (i < n) {
        unsigned c = (unsigned char)s[i];
        if (c < 0x80) {
            size_t j = i + 1;
            while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F)
                j++;
            if (c >= 0x20 && c < 0x7F)
                vnt__cs_push_ascii(&k, s, i, j);
            else {
                vnt__cs_push(&k, c, i);
                j = i + 1;
            }
            i = j;
            continue;
        }
        uint32_t cp;
        int len = vnt_utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            if (!(flags & VNT_LOSSY)) {
                vnt__buf_free(&k.b);
                vnt__text_reset(out);
                out->err_offset = i;
                return VNT_ERR_DECODE;
            }
            vnt__buf_bad(&k.b, i);
            len = -len;
        }
        vnt__cs_push(&k, cp, i);
        i += (size_t)len;
    }
    return vnt__cs_finish(&k, n, out);
}

vnt_status vnt_decode(vnt_charset from, const char *s, size_t n, unsigned flags, vnt_text *out)
{
    if (!out) return VNT_ERR_ARG;
    if (!s && n) {
        vnt__text_reset(out);
        return VNT_ERR_ARG;
    }
    if (!s) s = "";
    switch (from) {
    case VNT_CS_UTF8:
    case VNT_CS_NFD:
    case VNT_CS_COMBINING:
    case VNT_CS_ASCII:
    case VNT_CS_UNACCENTED: return decode_utf8(s, n, flags, out);
    case VNT_CS_VIQR: return vnt__viqr_decode(s, n, flags, out);
    case VNT_CS_TCVN3:
    case VNT_CS_TCVN5712:
    case VNT_CS_VNI:
    case VNT_CS_VISCII:
    case VNT_CS_VPS:
    case VNT_CS_CP1258: return decode_table(from, s, n, flags, out);
    default: vnt__text_reset(out); return VNT_ERR_CHARSET;
    }
}

/* ----------------------------------------------------------------- encode */

vnt_status vnt_encode(vnt_charset to, const char *s, size_t n, unsigned flags, vnt_text *out)
{
    if (!out) return VNT_ERR_ARG;
    if (!s && n) {
        vnt__text_reset(out);
        return VNT_ERR_ARG;
    }
    if (!s) s = "";
    vnt__cs_sink k;
    switch (to) {
    case VNT_CS_UTF8: vnt__cs_sink_init(&k, n, flags, VNT__FORM_NFC, vnt__cs_emit_utf8); break;
    case VNT_CS_NFD:
        vnt__cs_sink_init(&k, n + n / 4, flags, VNT__FORM_NFD, vnt__cs_emit_utf8);
        break;
    case VNT_CS_COMBINING:
        vnt__cs_sink_init(&k, n + n / 4, flags, VNT__FORM_NFC, vnt__cs_emit_combining);
        break;
    case VNT_CS_VIQR: vnt__cs_sink_init(&k, n + n / 4, flags, VNT__FORM_NFC, vnt__viqr_emit); break;
    case VNT_CS_TCVN3:
    case VNT_CS_TCVN5712:
    case VNT_CS_VNI:
    case VNT_CS_VISCII:
    case VNT_CS_VPS:
    case VNT_CS_CP1258: vnt__cs_sink_init(&k, n, flags, VNT__FORM_NFC, emit_legacy); break;
    default: vnt__text_reset(out); return VNT_ERR_CHARSET;
    }
    k.cs = to;
    size_t i = 0;
    while (i < n) {
        unsigned c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && to != VNT_CS_VIQR) {
            size_t j = i + 1;
            while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F)
                j++;
            vnt__cs_push_ascii(&k, s, i, j);
            if (k.err) break;
            i = j;
            continue;
        }
        uint32_t cp = c;
        int len = 1;
        if (c >= 0x80) {
            len = vnt_utf8_decode(s + i, n - i, &cp);
            if (len < 0) {
                if (!(flags & VNT_LOSSY)) {
                    vnt__buf_free(&k.b);
                    vnt__text_reset(out);
                    out->err_offset = i;
                    return VNT_ERR_UTF8;
                }
                /* U+FFFD, written as such where the charset has no such
                   character (counted once, by the encoder's lossy path) */
                len = -len;
                if (to == VNT_CS_UTF8 || to == VNT_CS_NFD || to == VNT_CS_COMBINING)
                    vnt__buf_bad(&k.b, i);
            }
        }
        if (vnt__cs_push(&k, cp, i)) break;
        i += (size_t)len;
    }
    return vnt__cs_finish(&k, n, out);
}
