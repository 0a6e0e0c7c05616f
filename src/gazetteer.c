/* Places and person-name lists for article analysis, from the generated
 * src/gazetteer_table.h (tools/gen_gazetteer.py; data MIT, see there). */
#include "analyze.h"

struct gaz_entry {
    const char *key;
    signed char level, province, cue;
};

#include "gazetteer_table.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Lower case, tone marks taken off each syllable and written as a digit after
 * it (tools/gen_gazetteer.py key()): hòa/hoà/HÒA all give "hoa1". */
size_t vnt__gaz_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    int tone = 0;
    if (!cap) return 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80 && ch != ' ' && ch != '\t' && ch != '\n') {
            /* ASCII other than blanks: no tone, lower case (why: most bytes) */
            if (o + 2 >= cap) break;
            out[o++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            i++;
            continue;
        }
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) k = 1;
        i += (size_t)k;
        vnt__letter lt;
        char buf[4];
        size_t bl = 0;
        int t;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
            if (tone && o + 1 < cap) out[o++] = (char)('0' + tone);
            tone = 0;
            if (o && out[o - 1] != ' ' && o + 1 < cap) out[o++] = ' ';
            continue;
        }
        if ((t = vnt__combining_tone(cp)) != 0) {
            tone = t;
            continue;
        }
        if (vnt__letter_get(cp, &lt)) {
            if (lt.tone) tone = lt.tone;
            lt.tone = 0;
            lt.upper = 0;
            bl = vnt_utf8_encode(vnt__letter_to_cp(&lt), buf);
        } else {
            bl = vnt_utf8_encode(cp, buf);
        }
        if (o + bl + 1 >= cap) break;
        memcpy(out + o, buf, bl);
        o += bl;
    }
    if (tone && o + 1 < cap) out[o++] = (char)('0' + tone);
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = 0;
    return o;
}

static int find(const char *key, const char *const *arr, size_t n, size_t stride)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *k = *(const char *const *)((const char *)arr + mid * stride);
        int c = vnt__strcmp(key, k);
        if (!c) return (int)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

int vnt__gaz_place(const char *key, const char **province, int *needs_cue)
{
    int i =
        find(key, (const char *const *)&gaz_places[0].key, COUNT(gaz_places), sizeof gaz_places[0]);
    if (i < 0) return 0;
    if (province)
        *province = gaz_places[i].province >= 0 ? gaz_provinces[(int)gaz_places[i].province] : NULL;
    if (needs_cue) *needs_cue = gaz_places[i].cue;
    return gaz_places[i].level;
}

int vnt__gaz_place_prefix(const char *key)
{
    /* the first key not below key is the only one that can start with it */
    size_t lo = 0, hi = COUNT(gaz_places), kl = strlen(key);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (vnt__strcmp(gaz_places[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < COUNT(gaz_places) && !strncmp(gaz_places[lo].key, key, kl);
}

int vnt__gaz_surname(const char *key)
{
    return find(key, gaz_surnames, COUNT(gaz_surnames), sizeof gaz_surnames[0]) >= 0;
}

int vnt__gaz_given(const char *key)
{
    return find(key, gaz_given, COUNT(gaz_given), sizeof gaz_given[0]) >= 0;
}

const char *vnt__gaz_level_name(int level)
{
    static const char *const names[] = {NULL,          "country", "province", "district", "ward",
                                        "border_gate", "region",  "city",     "place"};
    return level > 0 && level <= 8 ? names[level] : NULL;
}
