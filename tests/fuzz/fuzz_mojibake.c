/* Fuzz mojibake repair: valid UTF-8 out, offsets monotone and in range, clean
 * input (nothing repaired) passes through byte for byte. */
#include "vntext.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    vnt_text t = {0};
    size_t runs = 0;
    if (vnt_repair_mojibake(s, size, VNT_MAP, &t, &runs) != VNT_OK) abort();
    if (vnt_utf8_valid_prefix(t.data, t.len) != t.len || t.data[t.len] != 0) abort();
    if (t.map[t.len] != size) abort();
    for (size_t j = 0; j < t.len; j++)
        if (t.map[j] > t.map[j + 1] || t.map[j] >= size) abort();
    int valid = vnt_utf8_valid_prefix(s, size) == size;
    if ((t.n_bad == 0) != valid) abort();
    if (valid && runs == 0 && (t.len != size || memcmp(t.data, s, size) != 0)) abort();
    /* repairing only shortens valid input (each repaired run is 2-4 chars of
     * 2+ bytes becoming one character) */
    if (valid && t.len > size) abort();
    /* without the map: same text */
    vnt_text u = {0};
    size_t runs2 = 0;
    if (vnt_repair_mojibake(s, size, 0, &u, &runs2) != VNT_OK || u.map != NULL) abort();
    if (u.len != t.len || memcmp(u.data, t.data, t.len) != 0 || runs2 != runs) abort();
    vnt_text_free(&t);
    vnt_text_free(&u);
    return 0;
}
