/* Fuzz the syllable parser: no crash; a parsed syllable re-spells (write)
 * into a string that parses to the same parts and tone in every style, with
 * the tone on the letter vnt_syllable_tone_letter names. */
#include "vntext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REQUIRE(c)                                                                                 \
    do {                                                                                           \
        if (!(c)) abort();                                                                         \
    } while (0)

static int same(const vnt_syllable *a, const vnt_syllable *b)
{
    return !strcmp(a->onset, b->onset) && !strcmp(a->glide, b->glide) &&
           !strcmp(a->nucleus, b->nucleus) && !strcmp(a->coda, b->coda) && a->tone == b->tone;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    vnt_syllable y;
    vnt_status st = vnt_syllable_parse(s, size, &y);
    REQUIRE(st == VNT_OK || st == VNT_ERR_NOT_SYLLABLE);
    REQUIRE(vnt_is_syllable(s, size) == (st == VNT_OK));
    if (st != VNT_OK) return 0;
    REQUIRE(y.len == size && (unsigned)y.tone <= VNT_TONE_DOT);
    for (int style = 0; style < 3; style++) {
        char buf[64];
        size_t k = vnt_syllable_write(&y, (vnt_tone_style)style, buf, sizeof buf);
        REQUIRE(k > 0 && k < sizeof buf && buf[k] == 0);
        vnt_syllable z;
        REQUIRE(vnt_syllable_parse(buf, k, &z) == VNT_OK);
        REQUIRE(same(&y, &z) && z.letter_case == (y.letter_case == VNT_CASE_MIXED ? VNT_CASE_LOWER
                                                                                  : y.letter_case));
        REQUIRE(z.tone == VNT_TONE_LEVEL
                    ? z.tone_letter == -1
                    : z.tone_letter == vnt_syllable_tone_letter(&y, (vnt_tone_style)style));
        /* a normalized syllable is its canonical spelling */
        vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, (vnt_tone_style)style, 0};
        vnt_text t = {0};
        REQUIRE(vnt_normalize(s, size, &o, &t) == VNT_OK);
        if (y.letter_case != VNT_CASE_MIXED && style != VNT_TONES_KEEP)
            REQUIRE(t.len == k && memcmp(t.data, buf, k) == 0);
        vnt_text_free(&t);
    }
    /* a short buffer: whole syllable or nothing, always NUL-terminated */
    char tiny[3];
    size_t k = vnt_syllable_write(&y, VNT_TONES_KEEP, tiny, sizeof tiny);
    REQUIRE(k > 0 && (k < sizeof tiny ? strlen(tiny) == k : tiny[0] == 0));
    return 0;
}
