/* Fuzz vnt_encode: the first byte picks the charset, the rest is UTF-8 (or
 * not) to encode strict and lossy with the offset map. Invariants: no crash;
 * lossy succeeds whenever strict does and replaces nothing then; maps are
 * monotone; a strict result decodes back to the NFC of the input. */
#include "vntext.h"

#include <stdlib.h>
#include <string.h>

static const vnt_charset SETS[] = {VNT_CS_UTF8,   VNT_CS_TCVN3,    VNT_CS_TCVN5712, VNT_CS_VNI,
                                   VNT_CS_VISCII, VNT_CS_VPS,      VNT_CS_VIQR,     VNT_CS_CP1258,
                                   VNT_CS_NFD,    VNT_CS_COMBINING};

static void check_map(const vnt_text *t, size_t n)
{
    if (!t->map || t->map[t->len] != n) abort();
    for (size_t j = 0; j < t->len; j++)
        if (t->map[j] > t->map[j + 1] || t->map[j] >= n) abort();
}

static int long_run(const char *s, size_t n)
{
    size_t run = 0;
    for (size_t j = 0; j < n; j++) {
        unsigned char c = (unsigned char)s[j];
        if (c < 0x80)
            run = 0;
        else if ((c & 0xC0) != 0x80 && ++run >= 16)
            return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    vnt_charset cs = SETS[data[0] % (sizeof SETS / sizeof SETS[0])];
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    vnt_text strict = {0}, lossy = {0}, back = {0}, nfc = {0};
    vnt_status st = vnt_encode(cs, s, n, VNT_STRICT | VNT_MAP, &strict);
    if (vnt_encode(cs, s, n, VNT_LOSSY | VNT_MAP, &lossy) != VNT_OK) abort();
    check_map(&lossy, n);
    if ((st == VNT_OK) != (lossy.n_bad == 0)) abort();
    if (st == VNT_OK) {
        check_map(&strict, n);
        if (strict.len != lossy.len || memcmp(strict.data, lossy.data, lossy.len)) abort();
        if (vnt_decode(cs, strict.data, strict.len, VNT_STRICT, &back) != VNT_OK) abort();
        if (vnt_decode(VNT_CS_UTF8, s, n, VNT_STRICT, &nfc) != VNT_OK) abort();
        if (!long_run(s, n) && (back.len != nfc.len || memcmp(back.data, nfc.data, nfc.len)))
            abort();
    } else if (st != VNT_ERR_ENCODE && st != VNT_ERR_UTF8) {
        abort();
    } else if (strict.err_offset >= n) {
        abort();
    }
    vnt_text_free(&strict);
    vnt_text_free(&lossy);
    vnt_text_free(&back);
    vnt_text_free(&nfc);
    return 0;
}
