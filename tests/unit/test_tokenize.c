/* Tokenizer: token types, boundaries, offsets into the original input, NFD
 * input, invariants over the seed article and the news corpus. */
#include "internal.h"
#include "test.h"
#include "vntext.h"

/* "surface/type surface/type ..." for s */
static char *render(const char *s, size_t n)
{
    vnt_tokens t = {0};
    if (vnt_tokenize(s, n, 0, &t) != VNT_OK) return NULL;
    size_t cap = n * 2 + t.n * 12 + 16, len = 0;
    char *out = malloc(cap);
    out[0] = 0;
    for (size_t i = 0; i < t.n; i++) {
        const vnt_token *k = &t.tok[i];
        len +=
            (size_t)snprintf(out + len, cap - len, "%s%.*s/%s", i ? " " : "",
                             (int)(k->end - k->start), s + k->start, vnt_token_type_name(k->type));
    }
    vnt_tokens_free(&t);
    return out;
}

#define EXPECT(in, want)                                                                           \
    do {                                                                                           \
        char *got_ = render((in), strlen(in));                                                     \
        CHECK_STR(got_, got_ ? strlen(got_) : 0, (want));                                          \
        free(got_);                                                                                \
    } while (0)

/* Is cp whitespace or a stray zero-width char (what may lie between tokens)? */
static int gap_char(uint32_t cp)
{
    return cp == ' ' || (cp >= 9 && cp <= 13) || cp == 0x85 || cp == 0xA0 || cp == 0xAD ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
           (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

/* The invariants: tokens in order, non-empty, not overlapping; every byte
 * outside tokens is whitespace; the gap flags agree with the gaps. Returns
 * the number of violations. */
static int check_invariants(const char *s, size_t n, const vnt_tokens *t)
{
    int bad = 0;
    size_t pos = 0;
    for (size_t i = 0; i <= t->n; i++) {
        size_t st = i < t->n ? t->tok[i].start : n;
        if (st < pos) return bad + 1;
        size_t g = pos;
        while (g < st) {
            uint32_t cp;
            int k = vnt_utf8_decode(s + g, st - g, &cp);
            if (k <= 0 || !gap_char(cp)) {
                if (bad < 3) printf("  byte %zu not in a token\n", g);
                bad++;
                break;
            }
            g += (size_t)k;
        }
        if (i == t->n) break;
        const vnt_token *k = &t->tok[i];
        if (k->end <= k->start || k->end > n) return bad + 1;
        if (!!(k->flags & VNT_TOKF_SPACE_BEFORE) != (st > pos)) bad++;
        if ((unsigned)k->type >= VNT_TOK_TYPE_COUNT) bad++;
        pos = k->end;
    }
    return bad;
}

static void test_words(void)
{
    EXPECT("Ban Kinh tế Trung ương",
           "Ban/syllable Kinh/syllable tế/syllable Trung/syllable ương/syllable");
    EXPECT("Vinamilk lọt Top 1.000", "Vinamilk/foreign lọt/syllable Top/foreign 1.000/number");
    EXPECT("Nielsen, Asia-Pacific", "Nielsen/foreign ,/punct Asia/foreign -/punct Pacific/foreign");
    EXPECT("xoong khuya quýt gì giữa",
           "xoong/syllable khuya/syllable quýt/syllable gì/syllable giữa/syllable");
    EXPECT("Vietnam’s H'Mông", "Vietnam’s/foreign H'Mông/foreign");
    EXPECT("Москва", "Москва/foreign");
}

static void test_hyphen(void)
{
    EXPECT("cao tốc Nội Bài-Lào Cai",
           "cao/syllable tốc/syllable Nội/syllable Bài/syllable -/punct Lào/syllable Cai/syllable");
    EXPECT("Doanh nghiệp-Người dân-Nhà nước",
           "Doanh/syllable nghiệp/syllable -/punct Người/syllable dân/syllable -/punct "
           "Nhà/syllable nước/syllable");
    EXPECT("kinh tế-công nghiệp-đô thị", "kinh/syllable tế/syllable -/punct công/syllable "
                                         "nghiệp/syllable -/punct đô/syllable thị/syllable");
    EXPECT("“Tết sum vầy-Xuân bình an”", "“/punct Tết/syllable sum/syllable vầy/syllable -/punct "
                                         "Xuân/syllable bình/syllable an/syllable ”/punct");
    EXPECT("nhiệm kỳ 2020-2025", "nhiệm/syllable kỳ/syllable 2020/number -/punct 2025/number");
}

static void test_codes(void)
{
    EXPECT("dịch Covid-19 COVID-19", "dịch/syllable Covid-19/code COVID-19/code");
    EXPECT("F-16 49X-6666 SARS-CoV-2 U23 H5N1 3G",
           "F-16/code 49X-6666/code SARS-CoV-2/code U23/code H5N1/code 3G/code");
    EXPECT("Nghị định 15/2020/NĐ-CP.", "Nghị/syllable định/syllable 15/2020/NĐ-CP/code ./punct");
    EXPECT("xe 29A-123.45", "xe/syllable 29A-123.45/code");
    EXPECT("V-League K-pop X-quang 100m2 m2 48h",
           "V-League/foreign K-pop/foreign X-quang/foreign 100/number m2/foreign m2/foreign "
           "48/number h/foreign");
    /* words glued by a scraper */
    EXPECT("vớiSARS-CoV-2 ViệtNam iPhone VietJet ĐứcAnh",
           "với/syllable SARS-CoV-2/code Việt/syllable Nam/syllable iPhone/foreign VietJet/foreign "
           "Đức/syllable Anh/syllable");
    EXPECT(
        "thànhphố tỷđồng ởẤn vuaVũ ViỆt cóthời café",
        "thành/syllable phố/syllable tỷ/syllable đồng/syllable ở/syllable Ấn/syllable vua/syllable "
        "Vũ/syllable ViỆt/syllable cóthời/foreign café/foreign");
    EXPECT("Đắk Lắk ĐẮK NÔNG", "Đắk/syllable Lắk/syllable ĐẮK/syllable NÔNG/syllable");
    EXPECT("Sáng23/4 dịch Covid-19luôn",
           "Sáng/syllable 23/4/date dịch/syllable Covid-19/code luôn/syllable");
}

static void test_numbers(void)
{
    EXPECT("250 triệu đồng", "250/number triệu/syllable đồng/syllable");
    EXPECT("1.000.000 1,5 3.14 -3 +5",
           "1.000.000/number 1,5/number 3.14/number -3/number +5/number");
    EXPECT("năm 2021.", "năm/syllable 2021/number ./punct");
    EXPECT("5km 1.000km 50.000đ",
           "5/number km/foreign 1.000/number km/foreign 50.000/number đ/foreign");
    EXPECT("12% 12,5% -3%", "12%/percent 12,5%/percent -3%/percent");
    EXPECT("Đại hội XIII", "Đại/syllable hội/syllable XIII/number");
    EXPECT("5-6 m", "5/number -/punct 6/number m/foreign");
}

static void test_dates_times(void)
{
    EXPECT("Sáng 26/1, Đoàn", "Sáng/syllable 26/1/date ,/punct Đoàn/syllable");
    EXPECT(
        "26/1/2022 26-1-2022 26.1.2022 2022-01-26 3/2021 26/01/22",
        "26/1/2022/date 26-1-2022/date 26.1.2022/date 2022-01-26/date 3/2021/date 26/01/22/date");
    EXPECT("8h30 8h 8:30 20g15 08:30:15", "8h30/time 8h/time 8:30/time 20g15/time 08:30:15/time");
    EXPECT("5ha 2:1", "5/number ha/syllable 2/number :/punct 1/number");
}

static void test_web_phone(void)
{
    EXPECT(
        "https://dantri.com.vn/a-b.htm, www.google.com. dantri.com.vn",
        "https://dantri.com.vn/a-b.htm/url ,/punct www.google.com/url ./punct dantri.com.vn/url");
    EXPECT("(xem https://vi.wikipedia.org/wiki/A_(B))",
           "(/punct xem/syllable https://vi.wikipedia.org/wiki/A_(B)/url )/punct");
    EXPECT("ten.ho@example.vn #VietNam #1 @user",
           "ten.ho@example.vn/email #VietNam/hashtag #/punct 1/number @user/mention");
    EXPECT("0912345678 0912 345 678 0912.345.678",
           "0912345678/phone 0912 345 678/phone 0912.345.678/phone");
    EXPECT("ĐT: (028) 5445 1111 - 0901 45 77 98",
           "ĐT/abbrev :/punct (028) 5445 1111/phone -/punct 0901 45 77 98/phone");
    EXPECT("+84 912 345 678 +84912345678 1900.1234",
           "+84 912 345 678/phone +84912345678/phone 1900.1234/phone");
}

static void test_abbrev(void)
{
    EXPECT("TP.HCM Tp. Hồ Chí Minh",
           "TP.HCM/abbrev Tp./abbrev Hồ/syllable Chí/syllable Minh/syllable");
    EXPECT("TS. Nguyễn GS.TS. Trần T. A.",
           "TS./abbrev Nguyễn/syllable GS.TS./abbrev Trần/syllable T./abbrev A./abbrev");
    EXPECT("UBND HĐND NDO v.v. Th.s ThS. U.S.A.",
           "UBND/abbrev HĐND/abbrev NDO/abbrev v.v./abbrev Th.s/abbrev ThS./abbrev U.S.A./abbrev");
    EXPECT("VH-TT GD&ĐT NN&PTNT", "VH-TT/abbrev GD&ĐT/abbrev NN&PTNT/abbrev");
    EXPECT("ở TP.HCM.", "ở/syllable TP.HCM/abbrev ./punct");
    EXPECT("CA tỉnh", "CA/abbrev tỉnh/syllable");
}

static void test_case(void)
{
    EXPECT("NGƯỜI VIỆT NAM ĐẾN TỪ TP.HCM",
           "NGƯỜI/syllable VIỆT/syllable NAM/syllable ĐẾN/syllable TỪ/syllable TP.HCM/abbrev");
    EXPECT("CA SĨ HÀ NỘI", "CA/syllable SĨ/syllable HÀ/syllable NỘI/syllable");
    EXPECT("trưởng ban kinh tế", "trưởng/syllable ban/syllable kinh/syllable tế/syllable");
    vnt_tokens t = {0};
    const char *s = "việt Việt VIỆT ViỆt A";
    CHECK(vnt_tokenize(s, strlen(s), 0, &t) == VNT_OK && t.n == 5);
    if (t.n == 5) {
        CHECK(VNT_TOKEN_CASE(t.tok[0].flags) == VNT_CASE_LOWER);
        CHECK(VNT_TOKEN_CASE(t.tok[1].flags) == VNT_CASE_TITLE);
        CHECK(VNT_TOKEN_CASE(t.tok[2].flags) == VNT_CASE_UPPER);
        CHECK(VNT_TOKEN_CASE(t.tok[3].flags) == VNT_CASE_MIXED);
        CHECK(VNT_TOKEN_CASE(t.tok[4].flags) == VNT_CASE_TITLE);
        CHECK(t.tok[0].flags & VNT_TOKF_DIACRITIC);
        CHECK(!(t.tok[0].flags & VNT_TOKF_UNCLEAN));
    }
    vnt_tokens_free(&t);
}

static void test_punct(void)
{
    EXPECT("trồng dược liệu… và", "trồng/syllable dược/syllable liệu/syllable …/punct và/syllable");
    EXPECT("Sao?! Thôi!!! Ừ... -- — «x»",
           "Sao/syllable ?!/punct Thôi/syllable !!!/punct Ừ/syllable .../punct --/punct —/punct "
           "«/punct x/foreign »/punct");
    EXPECT("(Việt Nam)-Kim", "(/punct Việt/syllable Nam/syllable )/punct -/punct Kim/syllable");
    EXPECT("$5 ©2022 😀👍🏽",
           "$/symbol 5/number ©/symbol 2022/number 😀/symbol 👍🏽/symbol");
}

static void test_gaps_and_flags(void)
{
    vnt_tokens t = {0};
    const char *s = "A b\nC\r\n\r\nD\xC2\xA0"
                    "E";
    CHECK(vnt_tokenize(s, strlen(s), 0, &t) == VNT_OK && t.n == 5);
    if (t.n == 5) {
        CHECK(!(t.tok[0].flags & VNT_TOKF_SPACE_BEFORE));
        CHECK((t.tok[1].flags & VNT_TOKF_SPACE_BEFORE) &&
              !(t.tok[1].flags & VNT_TOKF_NEWLINE_BEFORE));
        CHECK((t.tok[2].flags & VNT_TOKF_NEWLINE_BEFORE) &&
              !(t.tok[2].flags & VNT_TOKF_PARAGRAPH_BEFORE));
        CHECK(t.tok[3].flags & VNT_TOKF_PARAGRAPH_BEFORE);
        CHECK(t.tok[4].flags & VNT_TOKF_SPACE_BEFORE); /* NBSP separates */
    }
    CHECK(vnt_tokenize(s, strlen(s), 7, &t) == VNT_ERR_ARG);
    CHECK(vnt_tokenize(NULL, 0, 0, &t) == VNT_OK && t.n == 0);
    CHECK(vnt_tokenize("x", 1, 0, NULL) == VNT_ERR_ARG);
    vnt_tokens_free(&t);
    vnt_tokens_free(&t);
}

static void test_dirty_input(void)
{
    /* zero-width inside a word joins it; alone it is a gap; Ð lookalike */
    EXPECT("Vi\xE2\x80\x8B\xE1\xBB\x87t \xE2\x80\x8B Nam",
           "Vi\xE2\x80\x8B\xE1\xBB\x87t/syllable Nam/syllable");
    EXPECT("\xC3\x90\xE1\xBA\xA1i h\xE1\xBB\x99i",
           "\xC3\x90\xE1\xBA\xA1i/syllable h\xE1\xBB\x99i/syllable");
    /* misplaced tone still a syllable */
    EXPECT("hoà hòa", "hoà/syllable hòa/syllable");
    /* invalid bytes stay inside the word they are in, or alone */
    EXPECT("Vi\xFFt \xFF\xFE x", "Vi\xFFt/foreign \xFF\xFE/other x/foreign");
    /* a combining mark with no letter before it */
    EXPECT("\xCC\x81 a", "\xCC\x81/other a/syllable");
    vnt_tokens t = {0};
    const char *s = "Vi\xE2\x80\x8B\xE1\xBB\x87t";
    CHECK(vnt_tokenize(s, strlen(s), 0, &t) == VNT_OK && t.n == 1 &&
          (t.tok[0].flags & VNT_TOKF_UNCLEAN));
    s = "x\0y";
    CHECK(vnt_tokenize(s, 3, 0, &t) == VNT_OK && t.n == 3 && t.tok[1].type == VNT_TOK_OTHER);
    vnt_tokens_free(&t);
}

/* NFD: decompose every precomposed Vietnamese letter into base + modifier
 * mark + tone mark; map[k] = NFC offset of the character NFD byte k is in. */
static char *to_nfd(const char *s, size_t n, size_t *out_n, size_t **map)
{
    char *o = malloc(n * 3 + 1);
    size_t *m = malloc((n * 3 + 1) * sizeof *m);
    size_t k = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        int len = vnt_utf8_decode(s + i, n - i, &cp);
        if (len <= 0) len = 1;
        vnt__letter L;
        size_t k0 = k;
        if (cp >= 0x80 && vnt__letter_get(cp, &L) && L.vowel != VNT__V_DD) {
            o[k++] = (char)(L.upper ? L.base - 32 : L.base);
            if (L.mod) k += vnt_utf8_encode(vnt__mod_mark(L.mod), o + k);
            if (L.tone) k += vnt_utf8_encode(vnt__tone_mark(L.tone), o + k);
        } else {
            memcpy(o + k, s + i, (size_t)len);
            k += (size_t)len;
        }
        for (size_t j = k0; j < k; j++)
            m[j] = i;
        i += (size_t)len;
    }
    m[k] = n;
    *out_n = k;
    *map = m;
    return o;
}

/* The same tokens (boundaries mapped back, types, case) for NFC and NFD. */
static int same_as_nfd(const char *s, size_t n)
{
    size_t dn, *map;
    char *d = to_nfd(s, n, &dn, &map);
    vnt_tokens a = {0}, b = {0};
    int bad = 0;
    if (vnt_tokenize(s, n, 0, &a) || vnt_tokenize(d, dn, 0, &b) || a.n != b.n) {
        printf("  NFD: %zu tokens vs %zu\n", a.n, b.n);
        bad = 1;
    }
    for (size_t i = 0; !bad && i < a.n; i++) {
        const vnt_token *x = &a.tok[i], *y = &b.tok[i];
        if (map[y->start] != x->start || map[y->end] != x->end || x->type != y->type ||
            VNT_TOKEN_CASE(x->flags) != VNT_TOKEN_CASE(y->flags)) {
            printf("  NFD differs at \"%.*s\" (%s vs %s)\n", (int)(x->end - x->start), s + x->start,
                   vnt_token_type_name(x->type), vnt_token_type_name(y->type));
            bad = 1;
        }
    }
    if (!bad && check_invariants(d, dn, &b)) bad = 1;
    vnt_tokens_free(&a);
    vnt_tokens_free(&b);
    free(d);
    free(map);
    return bad;
}

static void test_nfd(void)
{
    const char *s =
        "Nội Bài-Lào Cai, Covid-19, TP.HCM, ĐẠI HỘI XIII, Tp. Hồ Chí Minh; Trần T. A. 12,5%";
    CHECK(same_as_nfd(s, strlen(s)) == 0);
    EXPECT("Vie\xCC\x82\xCC\xA3t", "Vie\xCC\x82\xCC\xA3t/syllable");
}

static void test_seed_article(void)
{
    const char *p = test_shared("examples/seed-article-ndo-laichau.txt");
    if (!p) SKIP("../shared/examples/seed-article-ndo-laichau.txt absent");
    size_t n;
    char *s = test_read_file(p, &n);
    CHECK(s != NULL);
    if (!s) return;
    vnt_tokens t = {0};
    CHECK(vnt_tokenize(s, n, 0, &t) == VNT_OK);
    CHECK(check_invariants(s, n, &t) == 0);
    /* a few landmarks */
    int seen_date = 0, seen_covid = 0, seen_hyphen = 0;
    for (size_t i = 0; i < t.n; i++) {
        const vnt_token *k = &t.tok[i];
        size_t len = k->end - k->start;
        if (len == 4 && !memcmp(s + k->start, "26/1", 4)) seen_date = k->type == VNT_TOK_DATE;
        if (len == 8 && !memcmp(s + k->start, "Covid-19", 8)) seen_covid = k->type == VNT_TOK_CODE;
        if (len == 1 && s[k->start] == '-' && i > 0 && t.tok[i - 1].end == k->start &&
            !memcmp(s + t.tok[i - 1].start, "Bài", 4))
            seen_hyphen = k->type == VNT_TOK_PUNCT;
    }
    CHECK(seen_date && seen_covid && seen_hyphen);
    CHECK(same_as_nfd(s, n) == 0);
    vnt_tokens_free(&t);
    free(s);
}

/* s with every letter upper- (up = 1) or lower-cased; Vietnamese letters
 * keep their byte length (both cases are in the same UTF-8 block). */
static char *recase(const char *s, size_t n, int up)
{
    char *o = malloc(n + 1);
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int len = vnt_utf8_decode(s + i, n - i, &cp);
        if (len <= 0) len = 1;
        vnt__letter L;
        char b[4];
        if (vnt__letter_get(cp, &L)) {
            uint32_t c2 = cp < 0x80 ? (up ? (uint32_t)L.base - 32 : L.base)
                                    : vnt__letter_cp(L.vowel, L.tone, up);
            if (c2 && vnt_utf8_encode(c2, b) == (size_t)len) {
                memcpy(o + i, b, (size_t)len);
                i += (size_t)len;
                continue;
            }
        }
        memcpy(o + i, s + i, (size_t)len);
        i += (size_t)len;
    }
    o[n] = 0;
    return o;
}

/* Lower-case and ALL-CAPS versions of the seed article: the same token
 * boundaries, and the syllables stay syllables. */
static void test_seed_cases(void)
{
    const char *p = test_shared("examples/seed-article-ndo-laichau.txt");
    if (!p) SKIP("../shared/examples/seed-article-ndo-laichau.txt absent");
    size_t n;
    char *s = test_read_file(p, &n);
    CHECK(s != NULL);
    if (!s) return;
    vnt_tokens a = {0}, b = {0};
    CHECK(vnt_tokenize(s, n, 0, &a) == VNT_OK);
    for (int up = 0; up <= 1; up++) {
        char *r = recase(s, n, up);
        CHECK(vnt_tokenize(r, n, 0, &b) == VNT_OK && b.n == a.n);
        size_t diff = 0;
        for (size_t i = 0; i < a.n && i < b.n; i++) {
            if (a.tok[i].start != b.tok[i].start || a.tok[i].end != b.tok[i].end) diff++;
            if (a.tok[i].type == VNT_TOK_SYLLABLE && b.tok[i].type != VNT_TOK_SYLLABLE) {
                if (diff < 3)
                    printf("  %s: \"%.*s\" is %s\n", up ? "upper" : "lower",
                           (int)(b.tok[i].end - b.tok[i].start), r + b.tok[i].start,
                           vnt_token_type_name(b.tok[i].type));
                diff++;
            }
            if (up && a.tok[i].type == VNT_TOK_SYLLABLE &&
                VNT_TOKEN_CASE(b.tok[i].flags) != VNT_CASE_UPPER &&
                b.tok[i].end - b.tok[i].start > 1)
                diff++;
        }
        CHECK(diff == 0);
        free(r);
    }
    vnt_tokens_free(&a);
    vnt_tokens_free(&b);
    free(s);
}

static void test_news_corpus(void)
{
    const char *p = test_shared("data/news/unc_dantri_2020_2021.txt");
    if (!p) SKIP("../shared/data/news/unc_dantri_2020_2021.txt absent");
    size_t n;
    char *s = test_read_file(p, &n);
    CHECK(s != NULL);
    if (!s) return;
    vnt_tokens t = {0};
    /* whole corpus at once, then article by article (an article starts at
       "# doc_id"), each also as NFD for the first 200 articles */
    CHECK(vnt_tokenize(s, n, 0, &t) == VNT_OK);
    CHECK(check_invariants(s, n, &t) == 0);
    size_t counts[VNT_TOK_TYPE_COUNT] = {0};
    for (size_t i = 0; i < t.n; i++)
        counts[t.tok[i].type]++;
    printf("  news: %zu bytes, %zu tokens:", n, t.n);
    for (int k = 0; k < VNT_TOK_TYPE_COUNT; k++)
        if (counts[k]) printf(" %s %zu", vnt_token_type_name((vnt_token_type)k), counts[k]);
    printf("\n");
    size_t articles = 0, nfd_bad = 0;
    const char *a = s, *end = s + n;
    while (a < end) {
        const char *b = strstr(a + 1, "\n# doc_id");
        if (!b) b = end;
        vnt_tokens u = {0};
        if (vnt_tokenize(a, (size_t)(b - a), 0, &u) != VNT_OK ||
            check_invariants(a, (size_t)(b - a), &u))
            t_failed_now++;
        vnt_tokens_free(&u);
        if (articles < 200 && same_as_nfd(a, (size_t)(b - a))) nfd_bad++;
        articles++;
        a = b;
    }
    printf("  news: %zu articles, %zu differ in NFD\n", articles, nfd_bad);
    CHECK(nfd_bad == 0);
    CHECK(articles > 100);
    vnt_tokens_free(&t);
    free(s);
}

int main(void)
{
    RUN(test_words);
    RUN(test_hyphen);
    RUN(test_codes);
    RUN(test_numbers);
    RUN(test_dates_times);
    RUN(test_web_phone);
    RUN(test_abbrev);
    RUN(test_case);
    RUN(test_punct);
    RUN(test_gaps_and_flags);
    RUN(test_dirty_input);
    RUN(test_nfd);
    RUN(test_seed_article);
    RUN(test_seed_cases);
    RUN(test_news_corpus);
    TEST_END();
}
