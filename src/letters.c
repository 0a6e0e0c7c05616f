/* Vietnamese letters: base + diacritic + tone <-> code point.
 * The table is generated (tools/gen_letters.py) from the Unicode data. */
#include "internal.h"

#include "letters_table.h"

/* vowel index -> ASCII base and modifier */
static const uint8_t vowel_base[VNT__V_COUNT] = {'a', 'a', 'a', 'e', 'e', 'i', 'o',
                                                 'o', 'o', 'u', 'u', 'y', 'd'};
static const uint8_t vowel_mod[VNT__V_COUNT] = {
    VNT__MOD_NONE, VNT__MOD_BREVE, VNT__MOD_CIRCUMFLEX, VNT__MOD_NONE, VNT__MOD_CIRCUMFLEX,
    VNT__MOD_NONE, VNT__MOD_NONE,  VNT__MOD_CIRCUMFLEX, VNT__MOD_HORN, VNT__MOD_NONE,
    VNT__MOD_HORN, VNT__MOD_NONE,  VNT__MOD_STROKE};

int vnt__vowel_base(int v)
{
    return (v >= 0 && v < VNT__V_COUNT) ? vowel_base[v] : 0;
}
int vnt__vowel_mod(int v)
{
    return (v >= 0 && v < VNT__V_COUNT) ? vowel_mod[v] : 0;
}

int vnt__vowel_index(int base, int mod)
{
    for (int v = 0; v < VNT__V_COUNT; v++)
        if (vowel_base[v] == base && vowel_mod[v] == mod) return v;
    return -1;
}

static int unpack(uint8_t p, vnt__letter *out)
{
    int v = (p & 15) - 1;
    out->vowel = (uint8_t)v;
    out->base = vowel_base[v];
    out->mod = vowel_mod[v];
    out->tone = (uint8_t)((p >> 4) & 7);
    out->upper = (uint8_t)(p >> 7);
    return 1;
}

int vnt__letter_get(uint32_t cp, vnt__letter *out)
{
    if (cp < 0x80) {
        uint32_t lc = cp | 0x20;
        if (lc < 'a' || lc > 'z') return 0;
        out->base = (uint8_t)lc;
        out->mod = VNT__MOD_NONE;
        out->tone = 0;
        out->upper = (cp & 0x20) == 0;
        switch (lc) {
        case 'a': out->vowel = VNT__V_A; break;
        case 'e': out->vowel = VNT__V_E; break;
        case 'i': out->vowel = VNT__V_I; break;
        case 'o': out->vowel = VNT__V_O; break;
        case 'u': out->vowel = VNT__V_U; break;
        case 'y': out->vowel = VNT__V_Y; break;
        default: out->vowel = 0xFF;
        }
        return 1;
    }
    if (cp >= VNT__LET_LO1 && cp <= VNT__LET_HI1) {
        uint8_t p = vnt__let_dec1[cp - VNT__LET_LO1];
        return p ? unpack(p, out) : 0;
    }
    if (cp >= VNT__LET_LO2 && cp <= VNT__LET_HI2) {
        uint8_t p = vnt__let_dec2[cp - VNT__LET_LO2];
        return p ? unpack(p, out) : 0;
    }
    return 0;
}

uint32_t vnt__letter_cp(int vowel, int tone, int upper)
{
    if (vowel == VNT__V_DD) return tone == 0 ? (upper ? 0x0110u : 0x0111u) : 0;
    if (vowel < 0 || vowel >= VNT__V_DD || tone < 0 || tone > 5) return 0;
    return vnt__let_comp[vowel][tone][upper ? 1 : 0];
}

int vnt__combining_tone(uint32_t cp)
{
    switch (cp) {
    case 0x0300:
    case 0x0340: return VNT_TONE_GRAVE;
    case 0x0301:
    case 0x0341: return VNT_TONE_ACUTE;
    case 0x0309: return VNT_TONE_HOOK;
    case 0x0303: return VNT_TONE_TILDE;
    case 0x0323: return VNT_TONE_DOT;
    default: return 0;
    }
}

int vnt__combining_mod(uint32_t cp)
{
    switch (cp) {
    case 0x0302: return VNT__MOD_CIRCUMFLEX;
    case 0x0306: return VNT__MOD_BREVE;
    case 0x031B: return VNT__MOD_HORN;
    default: return 0;
    }
}

uint32_t vnt__tone_mark(int tone)
{
    static const uint32_t marks[6] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
    return (tone > 0 && tone < 6) ? marks[tone] : 0;
}

uint32_t vnt__mod_mark(int mod)
{
    switch (mod) {
    case VNT__MOD_CIRCUMFLEX: return 0x0302;
    case VNT__MOD_BREVE: return 0x0306;
    case VNT__MOD_HORN: return 0x031B;
    default: return 0;
    }
}
