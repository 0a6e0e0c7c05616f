/* VIQR, RFC 1456 "Vietnamese Quoted-Readable": 7-bit ASCII where a vowel is
 * followed by an optional modifier  ( breve  ^ circumflex  + horn  and an
 * optional tone  ` grave  ' acute  ? hook  ~ tilde  . dot below;  dd is đ.
 * A backslash before one of those characters makes it literal ("a\." is
 * "a."); the writer adds one exactly where a reader would otherwise attach
 * the character to the preceding letter, and always doubles a literal
 * backslash. */
#include "charset_impl.h"

static int is_vowel(int c)
{
    c |= 0x20;
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static int tone_of(int c)
{
    switch (c) {
    case '`': return VNT_TONE_GRAVE;
    case '\'': return VNT_TONE_ACUTE;
    case '?': return VNT_TONE_HOOK;
    case '~': return VNT_TONE_TILDE;
    case '.': return VNT_TONE_DOT;
    default: return 0;
    }
}

/* Modifier that character c puts on lower-case vowel v, or 0. */
static int mod_of(int v, int c)
{
    if (c == '(' && v == 'a') return VNT__MOD_BREVE;
    if (c == '^' && (v == 'a' || v == 'e' || v == 'o')) return VNT__MOD_CIRCUMFLEX;
    if (c == '+' && (v == 'o' || v == 'u')) return VNT__MOD_HORN;
    return 0;
}

static int escapable(int c)
{
    return tone_of(c) || c == '(' || c == '^' || c == '+' || c == '\\' || c == 'd' || c == 'D';
}

static const char tone_chars[6] = {0, '`', '\'', '?', '~', '.'};

vnt_status vnt__viqr_decode(const char *str, size_t n, unsigned flags, vnt_text *out)
{
    const unsigned char *s = (const unsigned char *)str;
    vnt__buf b;
    vnt__buf_init(&b, n, (flags & VNT_MAP) != 0);
    size_t i = 0;
    while (i < n) {
        int c = s[i];
        if (c >= 0x80) {
            if (!(flags & VNT_LOSSY)) {
                vnt__buf_free(&b);
                vnt__text_reset(out);
                out->err_offset = i;
                return VNT_ERR_DECODE;
            }
            vnt__buf_bad(&b, i);
            vnt__buf_put_cp(&b, VNT_REPLACEMENT_CHAR, i);
            i++;
            continue;
        }
        if (c == '\\' && i + 1 < n && escapable(s[i + 1])) {
            vnt__buf_putc(&b, (char)s[i + 1], i);
            i += 2;
            continue;
        }
        if (is_vowel(c)) {
            int v = c | 0x20, upper = c < 'a';
            size_t j = i + 1;
            int mod = 0, tone = 0;
            if (j < n && (mod = mod_of(v, s[j])) != 0) j++;
            if (j < n && (tone = tone_of(s[j])) != 0) j++;
            int vi = vnt__vowel_index(v, mod);
            vnt__buf_put_cp(&b, vnt__letter_cp(vi, tone, upper), i);
            i = j;
            continue;
        }
        if ((c == 'd' || c == 'D') && i + 1 < n && (s[i + 1] | 0x20) == 'd') {
            vnt__buf_put_cp(&b, c == 'D' ? 0x110 : 0x111, i);
            i += 2;
            continue;
        }
        vnt__buf_putc(&b, (char)c, i);
        i++;
    }
    return vnt__buf_finish(&b, n, out);
}

/* Write cp given the next code point (0 at the end). */
static int viqr_write(vnt__cs_sink *k, uint32_t cp, size_t off, uint32_t next)
{
    vnt__letter l;
    if (cp < 0x80) {
        int c = (int)cp;
        int consumed = 0;
        if (k->viqr_base) {
            if (!k->viqr_mod && !k->viqr_tone && mod_of(k->viqr_base, c)) consumed = 1;
            if (!k->viqr_tone && tone_of(c)) consumed = 1;
        }
        if (c == '\\') consumed = 1;
        /* a plain d before d/đ would be read as đ */
        if ((c == 'd' || c == 'D') &&
            (next == 'd' || next == 'D' || next == 0x110 || next == 0x111))
            consumed = 1;
        if (consumed) vnt__buf_putc(&k->b, '\\', off);
        vnt__buf_putc(&k->b, (char)c, off);
        k->viqr_base = 0;
        if (is_vowel(c)) {
            k->viqr_base = c | 0x20;
            k->viqr_mod = k->viqr_tone = 0;
        }
        return 0;
    }
    if (vnt__letter_get(cp, &l)) {
        if (l.vowel == VNT__V_DD) {
            vnt__buf_put(&k->b, l.upper ? "DD" : "dd", 2, off);
            k->viqr_base = 0;
            return 0;
        }
        vnt__buf_putc(&k->b, (char)(l.upper ? l.base - 32 : l.base), off);
        static const char mod_chars[4] = {0, '^', '(', '+'};
        if (l.mod) vnt__buf_putc(&k->b, mod_chars[l.mod], off);
        if (l.tone) vnt__buf_putc(&k->b, tone_chars[l.tone], off);
        k->viqr_base = l.base;
        k->viqr_mod = l.mod;
        k->viqr_tone = l.tone;
        return 0;
    }
    if (!(k->flags & VNT_LOSSY)) {
        k->err = VNT_ERR_ENCODE;
        k->err_offset = off;
        return -1;
    }
    vnt__buf_bad(&k->b, off);
    return viqr_write(k, '?', off, next);
}

/* One code point of look-ahead: "d" is escaped when a d or đ follows. */
int vnt__viqr_emit(vnt__cs_sink *k, uint32_t cp, size_t off)
{
    int r = 0;
    if (k->has_pend) r = viqr_write(k, k->pend, k->pend_off, cp);
    k->pend = cp;
    k->pend_off = off;
    k->has_pend = 1;
    return r;
}

int vnt__viqr_end(vnt__cs_sink *k)
{
    int r = 0;
    if (k->has_pend) r = viqr_write(k, k->pend, k->pend_off, 0);
    k->has_pend = 0;
    return r;
}
