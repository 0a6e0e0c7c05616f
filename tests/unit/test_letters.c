/* The generated letter table: every Vietnamese letter round-trips. */
#include "test.h"
#include "internal.h"

static void test_roundtrip(void)
{
    int n = 0;
    for (int v = 0; v < VNT__V_DD; v++)
        for (int t = 0; t < 6; t++)
            for (int up = 0; up < 2; up++) {
                uint32_t cp = vnt__letter_cp(v, t, up);
                vnt__letter l;
                CHECK(cp != 0 && vnt__letter_get(cp, &l));
                CHECK(l.vowel == v && l.tone == t && l.upper == up);
                CHECK(l.base == vnt__vowel_base(v) && l.mod == vnt__vowel_mod(v));
                n++;
            }
    CHECK(n == 144);
    vnt__letter l;
    CHECK(vnt__letter_get(0x111, &l) && l.vowel == VNT__V_DD && l.base == 'd' && !l.upper);
    CHECK(vnt__letter_get(0x110, &l) && l.upper);
    CHECK(vnt__letter_get('B', &l) && l.vowel == 0xFF && l.base == 'b' && l.upper);
    CHECK(!vnt__letter_get(0xC7, &l)); /* Ç is not Vietnamese */
    CHECK(!vnt__letter_get('1', &l));
    CHECK(vnt__letter_cp(VNT__V_EE, VNT_TONE_DOT, 0) == 0x1EC7); /* ệ */
    CHECK(vnt__vowel_index('u', VNT__MOD_HORN) == VNT__V_UW);
}

int main(void)
{
    RUN(test_roundtrip);
    TEST_END();
}
