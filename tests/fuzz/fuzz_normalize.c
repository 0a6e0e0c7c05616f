/* Fuzz vnt_normalize: no crash; with the first byte choosing style and
 * flags, check idempotence, the offset map (non-decreasing, in range,
 * map[len] == n, on character starts), the lossy/strict contract, and
 * that strip_tones / strip_diacritics return the size they need; and that
 * the fast path gives exactly what the reference (every word parsed) gives. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REQUIRE(c)                                                                                 \
    do {                                                                                           \
        if (!(c)) abort();                                                                         \
    } while (0)

static void check_strip(const char *s, size_t n, int all)
{
    size_t need = all ? vnt_strip_diacritics(s, n, NULL, 0) : vnt_strip_tones(s, n, NULL, 0);
    char *buf = malloc(need + 1);
    size_t got =
        all ? vnt_strip_diacritics(s, n, buf, need + 1) : vnt_strip_tones(s, n, buf, need + 1);
    REQUIRE(got == need && buf[need] == 0);
    /* a short buffer: same answer, NUL inside, no overflow */
    size_t cap = need / 2 + 1;
    char *small = malloc(cap);
    got = all ? vnt_strip_diacritics(s, n, small, cap) : vnt_strip_tones(s, n, small, cap);
    REQUIRE(got == need && memchr(small, 0, cap) != NULL);
    REQUIRE(memcmp(small, buf, strlen(small)) == 0);
    free(small);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned sel = size ? data[0] : 0;
    const char *s = size ? (const char *)data + 1 : "";
    size_t n = size ? size - 1 : 0;
    unsigned flags = VNT_MAP | (sel & 4 ? VNT_NORM_NO_LOOKALIKES : 0) |
                     (sel & 8 ? VNT_NORM_NO_TONE_REPAIR : 0) | (sel & 16 ? 0 : VNT_LOSSY);
    vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, (vnt_tone_style)(sel % 3), flags};
    vnt_text a = {0}, b = {0};
    vnt_status st = vnt_normalize(s, n, &o, &a);
    size_t valid = vnt_utf8_valid_prefix(s, n);
    if (!(flags & VNT_LOSSY) && valid < n) {
        REQUIRE(st == VNT_ERR_UTF8 && a.err_offset == valid && a.data == NULL);
    } else {
        REQUIRE(st == VNT_OK && a.data && a.data[a.len] == 0);
        REQUIRE(vnt_utf8_valid_prefix(a.data, a.len) == a.len);
        REQUIRE(a.map && a.map[a.len] == n);
        for (size_t i = 0; i < a.len; i++) {
            REQUIRE(a.map[i] < n);
            if (i) REQUIRE(a.map[i] >= a.map[i - 1]);
            REQUIRE(((unsigned char)s[a.map[i]] & 0xC0) != 0x80 || a.map[i] >= valid);
        }
        REQUIRE((a.n_bad == 0) == (valid == n));
        for (size_t i = 0; i < a.n_bad; i++)
            REQUIRE(a.bad[i] < n && (!i || a.bad[i] > a.bad[i - 1]));
        /* idempotent, and the map of a second pass is the identity on
         * character starts */
        REQUIRE(vnt_normalize(a.data, a.len, &o, &b) == VNT_OK);
        REQUIRE(b.len == a.len && memcmp(a.data, b.data, a.len) == 0);
        /* the same result without a map */
        vnt_norm_opts o2 = o;
        o2.flags &= ~(unsigned)VNT_MAP;
        REQUIRE(vnt_normalize(s, n, &o2, &b) == VNT_OK && b.map == NULL);
        REQUIRE(b.len == a.len && memcmp(a.data, b.data, a.len) == 0);
    }
    vnt_text r = {0};
    REQUIRE(vnt__normalize_ref(s, n, &o, &r) == st);
    if (st == VNT_OK) {
        REQUIRE(r.len == a.len && memcmp(r.data, a.data, a.len) == 0);
        REQUIRE(memcmp(r.map, a.map, (a.len + 1) * sizeof *a.map) == 0);
        REQUIRE(r.n_bad == a.n_bad);
    } else {
        REQUIRE(r.err_offset == a.err_offset);
    }
    vnt_text_free(&r);
    check_strip(s, n, 0);
    check_strip(s, n, 1);
    vnt_text_free(&a);
    vnt_text_free(&b);
    return 0;
}
