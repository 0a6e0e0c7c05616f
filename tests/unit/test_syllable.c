/* Syllable model: parsing, validity, tone placement in both styles, the
 * generated tone-style table, and tone/diacritic stripping. */
#include "test.h"
#include "internal.h"
#include "../../tools/tone_table.h"

/* Parse s and compare its parts: "onset/glide/nucleus/coda/tone". */
static int parts_are(const char *s, const char *want)
{
    vnt_syllable y;
    if (vnt_syllable_parse(s, strlen(s), &y) != VNT_OK) {
        printf("  %s: not parsed, want %s\n", s, want);
        return 0;
    }
    char got[64];
    snprintf(got, sizeof got, "%s/%s/%s/%s/%d", y.onset, y.glide, y.nucleus, y.coda, (int)y.tone);
    if (strcmp(got, want) != 0) {
        printf("  %s: got %s, want %s\n", s, got, want);
        return 0;
    }
    return 1;
}

static void test_parse_parts(void)
{
    CHECK(parts_are("ba", "b//a//0"));
    CHECK(parts_are("nghiêng", "ngh//iê/ng/0"));
    CHECK(parts_are("trường", "tr//ươ/ng/1"));
    CHECK(parts_are("nước", "n//ươ/c/2"));
    CHECK(parts_are("đường", "đ//ươ/ng/1"));
    CHECK(parts_are("khuya", "kh/u/ya//0"));
    CHECK(parts_are("khuỷu", "kh/u/y/u/3"));
    CHECK(parts_are("thuyền", "th/u/yê/n/1"));
    CHECK(parts_are("Nguyễn", "ng/u/yê/n/4"));
    CHECK(parts_are("hoàn", "h/o/a/n/1"));
    CHECK(parts_are("toán", "t/o/a/n/2"));
    CHECK(parts_are("ngoài", "ng/o/a/i/1"));
    CHECK(parts_are("xoáy", "x/o/a/y/2"));
    CHECK(parts_are("ngoằn", "ng/o/ă/n/1"));
    CHECK(parts_are("ngoẹo", "ng/o/e/o/5"));
    CHECK(parts_are("khuây", "kh/u/â/y/0"));
    CHECK(parts_are("huế", "h/u/ê//2"));
    CHECK(parts_are("thuở", "th/u/ơ//3"));
    CHECK(parts_are("mía", "m//ia//2"));
    CHECK(parts_are("mùa", "m//ua//1"));
    CHECK(parts_are("mưa", "m//ưa//0"));
    CHECK(parts_are("tiền", "t//iê/n/1"));
    CHECK(parts_are("muốn", "m//uô/n/2"));
    CHECK(parts_are("yêu", "//yê/u/0"));
    CHECK(parts_are("yến", "//yê/n/2"));
    CHECK(parts_are("ỉa", "//ia//3"));
    CHECK(parts_are("ạ", "//a//5"));
    CHECK(parts_are("ý", "//y//2"));
    CHECK(parts_are("oà", "/o/a//1"));
    CHECK(parts_are("ủy", "/u/y//3"));
    CHECK(parts_are("cái", "c//a/i/2"));
    CHECK(parts_are("tuổi", "t//uô/i/3"));
    CHECK(parts_are("người", "ng//ươ/i/1"));
    CHECK(parts_are("hươu", "h//ươ/u/0"));
    CHECK(parts_are("boong", "b//oo/ng/0"));
    CHECK(parts_are("kỹ", "k//y//4"));
    CHECK(parts_are("ghế", "gh//ê//2"));
    CHECK(parts_are("kìa", "k//ia//1"));
    CHECK(parts_are("nghĩa", "ngh//ia//4"));
}

static void test_qu_gi(void)
{
    /* qu and gi are onsets; the glide of qu is in the onset */
    CHECK(parts_are("quý", "qu//y//2"));
    CHECK(parts_are("qua", "qu//a//0"));
    CHECK(parts_are("quốc", "qu//ô/c/2"));
    CHECK(parts_are("quyết", "qu//yê/t/2"));
    CHECK(parts_are("quỳnh", "qu//y/nh/1"));
    CHECK(parts_are("quạu", "qu//a/u/5"));
    /* gi + nucleus i shares the i */
    CHECK(parts_are("gì", "gi//i//1"));
    CHECK(parts_are("gìn", "gi//i/n/1"));
    CHECK(parts_are("gi", "gi//i//0"));
    CHECK(parts_are("giết", "gi//iê/t/2"));
    CHECK(parts_are("giếng", "gi//iê/ng/2"));
    CHECK(parts_are("già", "gi//a//1"));
    CHECK(parts_are("giữa", "gi//ưa//4"));
    CHECK(parts_are("giường", "gi//ươ/ng/1"));
    CHECK(parts_are("giũa", "gi//ua//4"));
    /* a misplaced mark on the i of gi / u of qu still parses */
    CHECK(parts_are("gía", "gi//a//2"));
    CHECK(parts_are("qúa", "qu//a//2"));
}

static void test_case_and_nfd(void)
{
    vnt_syllable y;
    CHECK(vnt_syllable_parse("HOÀ", strlen("HOÀ"), &y) == VNT_OK);
    CHECK(y.letter_case == VNT_CASE_UPPER && y.tone == VNT_TONE_GRAVE && y.tone_letter == 2);
    CHECK(!strcmp(y.onset, "h") && !strcmp(y.glide, "o") && !strcmp(y.nucleus, "a"));
    char buf[32];
    size_t k = vnt_syllable_write(&y, VNT_TONES_TRADITIONAL, buf, sizeof buf);
    CHECK_STR(buf, k, "HÒA");
    k = vnt_syllable_write(&y, VNT_TONES_MODERN, buf, sizeof buf);
    CHECK_STR(buf, k, "HOÀ");
    CHECK(vnt_syllable_parse("Việt", strlen("Việt"), &y) == VNT_OK &&
          y.letter_case == VNT_CASE_TITLE);
    CHECK(vnt_syllable_parse("ViỆt", strlen("ViỆt"), &y) == VNT_OK &&
          y.letter_case == VNT_CASE_MIXED);
    /* NFD, marks in either order: Việt = V i e + U+0323 + U+0302 t */
    const char *nfd1 = "Vie\xCC\xA3\xCC\x82t", *nfd2 = "Vie\xCC\x82\xCC\xA3t";
    CHECK(parts_are(nfd1, "v//iê/t/5"));
    CHECK(parts_are(nfd2, "v//iê/t/5"));
    CHECK(vnt_syllable_parse(nfd1, strlen(nfd1), &y) == VNT_OK && y.len == strlen(nfd1));
    k = vnt_syllable_write(&y, VNT_TONES_KEEP, buf, sizeof buf);
    CHECK_STR(buf, k, "Việt");
    /* deprecated tone marks U+0340 / U+0341 */
    CHECK(parts_are("a\xCD\x81", "//a//2"));
    CHECK(parts_are("ho\xCC\x9B\xCC\x80n", "h//ơ/n/1"));
}

static void test_invalid(void)
{
    static const char *const bad[] = {
        "xyz",
        "cà phê",
        "",
        "ngo\xCC\xA4" /* o + diaeresis below */,
        "ce",
        "ky\xCC\x81t",
        "ka",
        "ghu",
        "ngi",
        "nge",
        "qa",
        "quu",
        "hoàt" /* stop coda with huyền */,
        "mắ" /* ă open */,
        "mâ",
        "tiê",
        "muô",
        "mươ",
        "tìc",
        "ăy",
        "ei",
        "bb",
        "a1",
        "aaa",
        "Việt ",
        " a",
        "hoá!",
        "quyến'",
        "mưoc",
        "kuy",
        "coa",
        "trươ",
        "hàà",
        "à\xCC\x81",
        "iên",
        "yan",
        "ừc",
        "thuyềnn",
        "streng",
        "gii",
        "giiêng",
        "lắk",
        "fa",
        "wá",
        "zê",
        "giuân",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        if (vnt_is_syllable(bad[i], strlen(bad[i]))) {
            printf("  accepted \"%s\"\n", bad[i]);
            CHECK(0);
        }
    }
    vnt_syllable y;
    CHECK(vnt_syllable_parse("xyz", 3, &y) == VNT_ERR_NOT_SYLLABLE);
    CHECK(vnt_syllable_parse(NULL, 1, &y) == VNT_ERR_ARG);
    CHECK(vnt_syllable_parse("a", 1, NULL) == VNT_ERR_ARG);
    CHECK(vnt_is_syllable("cà", strlen("cà")) && vnt_is_syllable("phê", strlen("phê")));
    CHECK(vnt_is_syllable("hìa", strlen("hìa")));
}

/* word -> traditional / modern, hand-written */
static void test_tone_styles(void)
{
    static const char *const cases[][3] = {
        {"hoà", "hòa", "hoà"},       {"hòa", "hòa", "hoà"},       {"khoẻ", "khỏe", "khoẻ"},
        {"thuỷ", "thủy", "thuỷ"},    {"Thuỷ", "Thủy", "Thuỷ"},    {"HOÀ", "HÒA", "HOÀ"},
        {"toán", "toán", "toán"},    {"hoàn", "hoàn", "hoàn"},    {"thuyền", "thuyền", "thuyền"},
        {"quý", "quý", "quý"},       {"quỳ", "quỳ", "quỳ"},       {"gìn", "gìn", "gìn"},
        {"nước", "nước", "nước"},    {"mùa", "mùa", "mùa"},       {"mía", "mía", "mía"},
        {"cửa", "cửa", "cửa"},       {"tiền", "tiền", "tiền"},    {"muốn", "muốn", "muốn"},
        {"ngoài", "ngoài", "ngoài"}, {"xoáy", "xoáy", "xoáy"},    {"khuỷu", "khuỷu", "khuỷu"},
        {"huỳnh", "huỳnh", "huỳnh"}, {"uỷ", "ủy", "uỷ"},          {"oà", "òa", "oà"},
        {"loè", "lòe", "loè"},       {"hoạ", "họa", "hoạ"},       {"hoạt", "hoạt", "hoạt"},
        {"thuở", "thuở", "thuở"},    {"huế", "huế", "huế"},       {"giữa", "giữa", "giữa"},
        {"già", "già", "già"},       {"giếng", "giếng", "giếng"}, {"ngoẹo", "ngoẹo", "ngoẹo"},
        {"tuý", "túy", "tuý"},       {"luỹ", "lũy", "luỹ"},       {"quạ", "quạ", "quạ"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        vnt_syllable y;
        if (vnt_syllable_parse(cases[i][0], strlen(cases[i][0]), &y) != VNT_OK) {
            printf("  %s not parsed\n", cases[i][0]);
            CHECK(0);
            continue;
        }
        char buf[32];
        size_t k = vnt_syllable_write(&y, VNT_TONES_TRADITIONAL, buf, sizeof buf);
        CHECK_STR(buf, k, cases[i][1]);
        k = vnt_syllable_write(&y, VNT_TONES_MODERN, buf, sizeof buf);
        CHECK_STR(buf, k, cases[i][2]);
        k = vnt_syllable_write(&y, VNT_TONES_KEEP, buf, sizeof buf);
        CHECK_STR(buf, k, cases[i][1]);
    }
    vnt_syllable y;
    CHECK(vnt_syllable_parse("hoà", strlen("hoà"), &y) == VNT_OK);
    CHECK(y.tone_letter == 2);
    CHECK(vnt_syllable_tone_letter(&y, VNT_TONES_TRADITIONAL) == 1);
    CHECK(vnt_syllable_tone_letter(&y, VNT_TONES_MODERN) == 2);
    CHECK(vnt_syllable_parse("gìn", strlen("gìn"), &y) == VNT_OK);
    CHECK(vnt_syllable_tone_letter(&y, VNT_TONES_MODERN) == 1);
    CHECK(vnt_syllable_parse("quyết", strlen("quyết"), &y) == VNT_OK);
    CHECK(vnt_syllable_tone_letter(&y, VNT_TONES_TRADITIONAL) == 3);
}

static void test_write_buffer(void)
{
    vnt_syllable y;
    CHECK(vnt_syllable_parse("nghiêng", strlen("nghiêng"), &y) == VNT_OK);
    char buf[4] = "xxx";
    size_t need = vnt_syllable_write(&y, VNT_TONES_KEEP, buf, sizeof buf);
    CHECK(need == strlen("nghiêng") && buf[0] == 0); /* never half a syllable */
    CHECK(vnt_syllable_write(&y, VNT_TONES_KEEP, NULL, 0) == need);
    char big[16];
    CHECK(vnt_syllable_write(&y, VNT_TONES_KEEP, big, need + 1) == need);
    CHECK_STR(big, strlen(big), "nghiêng");
    vnt_syllable junk;
    memset(&junk, 0, sizeof junk);
    strcpy(junk.nucleus, "zz");
    CHECK(vnt_syllable_write(&junk, VNT_TONES_KEEP, big, sizeof big) == 0);
    CHECK(vnt_syllable_tone_letter(&junk, VNT_TONES_KEEP) == -1);
}

/* The committed table equals what the model generates now. */
static void test_tone_table_golden(void)
{
    char *gen = NULL;
    size_t gen_len = 0;
    FILE *f = open_memstream(&gen, &gen_len);
    CHECK(f != NULL);
    if (!f) return;
    int rows = tone_table_write(f);
    fclose(f);
    CHECK(rows > 2000);
    size_t len;
    char *gold = test_read_file("tests/golden/tone-styles.tsv", &len);
    if (!gold) {
        free(gen);
        printf("  tests/golden/tone-styles.tsv missing (run from the project root)\n");
        CHECK(0);
        return;
    }
    if (len != gen_len || memcmp(gold, gen, len) != 0) {
        size_t i = 0;
        while (i < len && i < gen_len && gold[i] == gen[i])
            i++;
        size_t ls = i;
        while (ls > 0 && gold[ls - 1] != '\n')
            ls--;
        printf("  golden differs at byte %zu: \"%.60s\" vs generated \"%.60s\"\n"
               "  regenerate: make tools && build/tools/gen_tone_table > "
               "tests/golden/tone-styles.tsv\n",
               i, gold + ls, ls < gen_len ? gen + ls : "");
        CHECK(0);
    }
    /* every row: modern and traditional differ only for open oa/oe/uy */
    char *line = gold;
    int differ = 0;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (*line != '#') {
            char on[16], rh[16], tr[32], mo[32];
            int t;
            if (sscanf(line, "%15s\t%15s\t%d\t%31s\t%31s", on, rh, &t, tr, mo) == 5 &&
                strcmp(tr, mo) != 0) {
                differ++;
                CHECK(!strcmp(rh, "oa") || !strcmp(rh, "oe") || !strcmp(rh, "uy"));
                CHECK(t != 0);
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    /* ("" h) x (oa oe uy) + gi x (oa oe; gi takes no glide u), 5 tones each;
     * qu + y is not a glide (quý in both styles) */
    CHECK(differ == (2 * 3 + 2) * 5);
    free(gold);
    free(gen);
}

/* The normalizer's shortcut (vnt__tone_slots_quick) agrees with the model on
 * every valid syllable: every onset x rhyme x tone, in the three styles. */
static void test_quick_slots_agree(void)
{
    static const char *const onsets[] = {"",   "b",  "c", "ch", "d",  "đ",  "g",   "gh", "gi", "h",
                                         "k",  "kh", "l", "m",  "n",  "ng", "ngh", "nh", "p",  "ph",
                                         "qu", "r",  "s", "t",  "th", "tr", "v",   "x"};
    static const char *const glides[] = {"", "o", "u"};
    static const char *const nuclei[] = {"a",  "ă",  "â",  "e",  "ê",  "i",  "o",
                                         "ô",  "ơ",  "u",  "ư",  "y",  "ia", "ya",
                                         "iê", "yê", "ua", "uô", "ưa", "ươ", "oo"};
    static const char *const codas[] = {"",  "c", "ch", "m", "n", "ng", "nh",
                                        "p", "t", "i",  "y", "o", "u"};
    int valid = 0, bad = 0;
    for (size_t o = 0; o < sizeof onsets / sizeof *onsets; o++)
        for (size_t g = 0; g < 3; g++)
            for (size_t nu = 0; nu < sizeof nuclei / sizeof *nuclei; nu++)
                for (size_t c = 0; c < sizeof codas / sizeof *codas; c++)
                    for (int t = 1; t < 6; t++)
                        for (int st = 0; st < 3; st++) {
                            vnt_syllable y;
                            memset(&y, 0, sizeof y);
                            strcpy(y.onset, onsets[o]);
                            strcpy(y.glide, glides[g]);
                            strcpy(y.nucleus, nuclei[nu]);
                            strcpy(y.coda, codas[c]);
                            y.tone = (vnt_tone)t;
                            char w[64];
                            size_t k = vnt_syllable_write(&y, (vnt_tone_style)st, w, sizeof w);
                            /* letters of the spelling */
                            vnt__letter l[VNT__SYL_MAX];
                            uint8_t code[VNT__SYL_MAX];
                            int nl = 0, tpos = -1;
                            size_t i = 0;
                            while (i < k && nl < VNT__SYL_MAX) {
                                uint32_t cp;
                                i += (size_t)vnt_utf8_decode(w + i, k - i, &cp);
                                vnt__letter_get(cp, &l[nl]);
                                code[nl] = l[nl].vowel < VNT__V_DD ? l[nl].vowel
                                                                   : VNT__SYL_CONS + l[nl].base;
                                if (l[nl].tone) tpos = nl;
                                nl++;
                            }
                            vnt__syl sy;
                            vnt_syllable back;
                            /* only spellings that parse back to these parts
                             * (u + coda y is spelled like glide u + y) */
                            if (!vnt__syl_parse(l, nl, &sy) ||
                                vnt_syllable_parse(w, k, &back) != VNT_OK ||
                                !tone_table_same(&y, &back))
                                continue;
                            valid++;
                            for (int s2 = 0; s2 < 3; s2++) {
                                unsigned m = vnt__syl_tone_slots(&sy, (vnt_tone_style)s2);
                                unsigned q = vnt__tone_slots_quick(code, nl, (vnt_tone_style)s2);
                                if (m != q || !(vnt__syl_tone_slots(&sy, (vnt_tone_style)st) &
                                                (1u << tpos))) {
                                    if (bad++ < 5)
                                        printf("  %s (written in style %d) style %d: model %x "
                                               "quick %x\n",
                                               w, st, s2, m, q);
                                }
                            }
                        }
    CHECK(bad == 0);
    CHECK(valid > 10000);
}

static void test_strip(void)
{
    char buf[64];
    size_t k = vnt_strip_tones("Việt Nam hoà bình", strlen("Việt Nam hoà bình"), buf, sizeof buf);
    CHECK_STR(buf, k, "Viêt Nam hoa binh");
    k = vnt_strip_diacritics("Việt Nam Đường ĐÀ", strlen("Việt Nam Đường ĐÀ"), buf, sizeof buf);
    CHECK_STR(buf, k, "Viet Nam Duong DA");
    /* NFD input, non-Vietnamese text, invalid UTF-8 */
    const char *nfd = "Vie\xCC\xA3\xCC\x82t";
    k = vnt_strip_tones(nfd, strlen(nfd), buf, sizeof buf);
    CHECK_STR(buf, k, "Viêt");
    k = vnt_strip_diacritics(nfd, strlen(nfd), buf, sizeof buf);
    CHECK_STR(buf, k, "Viet");
    k = vnt_strip_diacritics("naïve Москва 東京 ñ", strlen("naïve Москва 東京 ñ"), buf, sizeof buf);
    CHECK_STR(buf, k, "naïve Москва 東京 ñ");
    k = vnt_strip_tones("a\xFF"
                        "b",
                        3, buf, sizeof buf);
    CHECK_STR(buf, k,
              "a\xEF\xBF\xBD"
              "b");
    k = vnt_strip_diacritics("\xC3\x90\xC3\xB0", 4, buf, sizeof buf); /* Ð ð */
    CHECK_STR(buf, k, "Dd");
    k = vnt_strip_tones("n\xCC\x81", 3, buf, sizeof buf); /* stray tone mark */
    CHECK_STR(buf, k, "n");
    CHECK(vnt_strip_tones("", 0, buf, sizeof buf) == 0 && buf[0] == 0);
    CHECK(vnt_strip_tones(NULL, 0, NULL, 0) == 0);
    /* needed size, truncation at a character boundary, NUL */
    const char *s = "Hà Nội";
    size_t need = vnt_strip_tones(s, strlen(s), NULL, 0);
    CHECK(need == strlen("Ha Nôi"));
    memset(buf, 'x', sizeof buf);
    k = vnt_strip_tones(s, strlen(s), buf, 7);
    CHECK(k == need && strlen(buf) < 7 && !strncmp(buf, "Ha N", 4));
    k = vnt_strip_tones(s, strlen(s), buf, need + 1);
    CHECK_STR(buf, strlen(buf), "Ha Nôi");
    k = vnt_strip_diacritics("ằ", strlen("ằ"), buf, 1);
    CHECK(k == 1 && buf[0] == 0);
}

int main(void)
{
    RUN(test_parse_parts);
    RUN(test_qu_gi);
    RUN(test_case_and_nfd);
    RUN(test_invalid);
    RUN(test_tone_styles);
    RUN(test_write_buffer);
    RUN(test_tone_table_golden);
    RUN(test_quick_slots_agree);
    RUN(test_strip);
    TEST_END();
}
