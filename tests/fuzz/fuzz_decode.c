/* Fuzz vnt_decode: the first byte picks the charset, the rest is decoded
 * strict and lossy with the offset map. Invariants: no crash; lossy always
 * succeeds with valid UTF-8 and a monotone map ending at the input length;
 * strict fails exactly when lossy replaced something, at the first bad
 * offset; decode(encode(decode(x))) == decode(x) whenever encode succeeds. */
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

/* Long runs of non-ASCII code points may hold more combining marks than one
 * normalization cluster takes; stability is only promised below that. */
static int long_run(const vnt_text *t)
{
    size_t run = 0;
    for (size_t j = 0; j < t->len; j++) {
        unsigned char c = (unsigned char)t->data[j];
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
    vnt_text strict = {0}, lossy = {0}, e = {0}, again = {0};
    vnt_status st = vnt_decode(cs, s, n, VNT_STRICT | VNT_MAP, &strict);
    if (vnt_decode(cs, s, n, VNT_LOSSY | VNT_MAP, &lossy) != VNT_OK) abort();
    check_map(&lossy, n);
    if (vnt_utf8_valid_prefix(lossy.data, lossy.len) != lossy.len) abort();
    if ((st == VNT_OK) != (lossy.n_bad == 0)) abort();
    if (st == VNT_OK) {
        check_map(&strict, n);
        if (strict.len != lossy.len || memcmp(strict.data, lossy.data, lossy.len)) abort();
    } else if (st != VNT_ERR_DECODE || strict.err_offset != lossy.bad[0]) {
        abort();
    }
    for (size_t j = 1; j < lossy.n_bad; j++)
        if (lossy.bad[j] <= lossy.bad[j - 1] || lossy.bad[j] >= n) abort();
    if (vnt_encode(cs, lossy.data, lossy.len, VNT_STRICT | VNT_MAP, &e) == VNT_OK) {
        check_map(&e, lossy.len);
        if (vnt_decode(cs, e.data, e.len, VNT_STRICT, &again) != VNT_OK) abort();
        if (!long_run(&lossy) &&
            (again.len != lossy.len || memcmp(again.data, lossy.data, lossy.len)))
            abort();
    }
    vnt_text_free(&strict);
    vnt_text_free(&lossy);
    vnt_text_free(&e);
    vnt_text_free(&again);
    return 0;
}
