/* UTF-8 decode / encode / validate (Unicode 15, ch. 3, Table 3-7). Invalid
 * bytes become U+FFFD one maximal subpart at a time, with their offsets. */
#include "internal.h"

int vnt_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    *cp = VNT_REPLACEMENT_CHAR;
    /* Table 3-7: well-formed byte sequences; the second byte's range depends
     * on the lead byte (this rules out overlongs, surrogates, > U+10FFFF). */
    unsigned lo = 0x80, hi = 0xBF;
    int need;
    uint32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return -1;
    }
    for (int i = 1; i <= need; i++) {
        if ((size_t)i >= n) return -i; /* truncated: the maximal subpart so far */
        unsigned b = s[i];
        if (b < lo || b > hi) return -i;
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return need + 1;
}

size_t vnt_utf8_encode(uint32_t cp, char out[4])
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp <= 0x10FFFF) {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}

size_t vnt_utf8_valid_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path, 8 bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) return i;
        i += (size_t)k;
    }
    return n;
}

vnt_status vnt_utf8_sanitize(const char *s, size_t n, unsigned flags, vnt_text *out)
{
    if (!out || (!s && n)) return VNT_ERR_ARG;
    vnt__buf b;
    vnt__buf_init(&b, n, (flags & VNT_MAP) != 0);
    size_t i = 0;
    while (i < n) {
        size_t ok = vnt_utf8_valid_prefix(s + i, n - i);
        for (size_t j = 0; j < ok && b.mapping; j++) {
            /* map every byte of a character to the character's start */
            size_t k = j;
            while (k > 0 && ((unsigned char)s[i + k] & 0xC0) == 0x80)
                k--;
            vnt__buf_putc(&b, s[i + j], i + k);
        }
        if (!b.mapping) vnt__buf_put(&b, s + i, ok, i);
        i += ok;
        if (i >= n) break;
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (!(flags & VNT_LOSSY)) {
            vnt__buf_free(&b);
            vnt__text_reset(out);
            out->err_offset = i;
            return VNT_ERR_UTF8;
        }
        vnt__buf_bad(&b, i);
        vnt__buf_put_cp(&b, VNT_REPLACEMENT_CHAR, i);
        i += (size_t)(k < 0 ? -k : k);
    }
    return vnt__buf_finish(&b, n, out);
}
