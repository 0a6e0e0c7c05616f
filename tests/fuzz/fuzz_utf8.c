/* Fuzz UTF-8 decode / validate / sanitize: invariants, not just no-crash. */
#include "vntext.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    size_t valid = vnt_utf8_valid_prefix(s, size);
    if (valid > size) abort();
    /* decoding step by step agrees with valid_prefix and re-encodes exactly */
    size_t i = 0;
    while (i < size) {
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, size - i, &cp);
        if (k == 0 || k > 4 || k < -3) abort();
        if (k > 0) {
            char enc[4];
            if (vnt_utf8_encode(cp, enc) != (size_t)k || memcmp(enc, s + i, (size_t)k)) abort();
            i += (size_t)k;
        } else {
            if (i < valid || cp != VNT_REPLACEMENT_CHAR) abort();
            break;
        }
    }
    vnt_text t = {0};
    vnt_status st = vnt_utf8_sanitize(s, size, VNT_STRICT, &t);
    if ((st == VNT_OK) != (valid == size)) abort();
    if (st != VNT_OK && t.err_offset != valid) abort();
    st = vnt_utf8_sanitize(s, size, VNT_LOSSY | VNT_MAP, &t);
    if (st == VNT_OK) {
        if (vnt_utf8_valid_prefix(t.data, t.len) != t.len) abort();
        if ((t.n_bad == 0) != (valid == size)) abort();
        for (size_t j = 0; j < t.len; j++)
            if (t.map[j] > t.map[j + 1] || t.map[j] >= size) abort();
        if (t.map[t.len] != size) abort();
    }
    vnt_text_free(&t);
    return 0;
}
