/* Fuzz detection: never fails on any bytes, answers stay in range. */
#include "vntext.h"

#include <stdlib.h>

static void check(const char *s, size_t n)
{
    vnt_detection d;
    if (vnt_detect(s, n, &d) != VNT_OK) abort();
    if ((int)d.charset <= VNT_CS_UNKNOWN || d.charset >= VNT_CS_COUNT) abort();
    if ((int)d.second < VNT_CS_UNKNOWN || d.second >= VNT_CS_COUNT || d.second == d.charset)
        abort();
    if (!(d.confidence >= 0 && d.confidence <= 1)) abort();
    if (!(d.second_confidence >= 0 && d.second_confidence <= 1)) abort();
    if (d.second == VNT_CS_UNKNOWN && d.second_confidence != 0) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    check(s, size);
    check(s, size / 2);
    if (size > 1) check(s + 1, size - 1);
    return 0;
}
