/* vnt_normalize: NFC composition, tone repair and styles, lookalikes,
 * zero-width and NBSP, offset map, invalid UTF-8, idempotence, and the news
 * corpus (../shared) when present. */
#include "test.h"
#include "internal.h"

static int map_ok(const char *in, size_t n, const vnt_text *t);

/* normalize s with style/flags; compare with want; also checks the map and
 * idempotence on the way. */
static int norm_is(const char *s, vnt_tone_style style, unsigned flags, const char *want)
{
    vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, style, flags | VNT_MAP};
    vnt_text t = {0}, t2 = {0};
    int ok = vnt_normalize(s, strlen(s), &o, &t) == VNT_OK;
    ok = ok && t.len == strlen(want) && memcmp(t.data, want, t.len) == 0;
    if (!ok) printf("  \"%s\" -> \"%s\", want \"%s\"\n", s, t.data ? t.data : "(null)", want);
    vnt_text r = {0};
    if (ok && (vnt__normalize_ref(s, strlen(s), &o, &r) != VNT_OK || r.len != t.len ||
               memcmp(r.data, t.data, t.len) != 0 ||
               memcmp(r.map, t.map, (t.len + 1) * sizeof *t.map) != 0)) {
        printf("  \"%s\": reference gives \"%s\"\n", s, r.data ? r.data : "(null)");
        ok = 0;
    }
    vnt_text_free(&r);
    if (ok && !map_ok(s, strlen(s), &t)) {
        printf("  \"%s\": bad map\n", s);
        ok = 0;
    }
    if (ok && (vnt_normalize(t.data, t.len, &o, &t2) != VNT_OK || t2.len != t.len ||
               memcmp(t.data, t2.data, t.len) != 0)) {
        printf("  \"%s\": not idempotent: \"%s\"\n", s, t2.data);
        ok = 0;
    }
    vnt_text_free(&t);
    vnt_text_free(&t2);
    return ok;
}

#define KEEP VNT_TONES_KEEP
#define TRAD VNT_TONES_TRADITIONAL
#define MOD  VNT_TONES_MODERN

/* The map: non-decreasing, in range, map[len] == n, every output byte maps to
 * the start of an input character, and all bytes of one output character
 * map to the same place. */
static int map_ok(const char *in, size_t n, const vnt_text *t)
{
    if (!t->map || t->map[t->len] != n) return 0;
    for (size_t i = 0; i < t->len; i++) {
        if (t->map[i] >= n || (i > 0 && t->map[i] < t->map[i - 1])) return 0;
        if (((unsigned char)in[t->map[i]] & 0xC0) == 0x80) return 0;
        if (((unsigned char)t->data[i] & 0xC0) == 0x80 && t->map[i] != t->map[i - 1]) return 0;
    }
    return 1;
}

static void test_tone_repair(void)
{
    CHECK(norm_is("nứơc", KEEP, 0, "nước"));
    CHECK(norm_is("tóan", KEEP, 0, "toán"));
    CHECK(norm_is("muà", KEEP, 0, "mùa"));
    CHECK(norm_is("gía qúa", KEEP, 0, "giá quá"));
    CHECK(norm_is("ngừơi Vịêt", KEEP, 0, "người Việt"));
    CHECK(norm_is("hóan", KEEP, 0, "hoán"));
    CHECK(norm_is("NỨƠC", KEEP, 0, "NƯỚC"));
    CHECK(norm_is("Tóan", KEEP, 0, "Toán"));
    CHECK(norm_is("cuả", KEEP, 0, "của"));
    /* before non-ASCII punctuation and NBSP (fuzzer find) */
    CHECK(norm_is("“tóan” nứơc… òAn\xC2\xA0", TRAD, 0, "“toán” nước… oÀn "));
    CHECK(norm_is("thuyèn", KEEP, 0, "thuyèn")); /* not a syllable (uyè): left alone */
    CHECK(norm_is("thuỳên", KEEP, 0, "thuyền"));
    CHECK(norm_is("thuỳến", KEEP, 0, "thuỳến")); /* two marks: left alone */
    CHECK(norm_is("thùyên", KEEP, 0, "thuyền"));
    /* words that are not syllables keep their marks */
    CHECK(norm_is("café Nguyễnvăn Đắk Lắk", KEEP, 0, "café Nguyễnvăn Đắk Lắk"));
    /* no repair when asked */
    CHECK(norm_is("nứơc", KEEP, VNT_NORM_NO_TONE_REPAIR, "nứơc"));
    CHECK(norm_is("hoà", TRAD, VNT_NORM_NO_TONE_REPAIR, "hoà"));
}

static void test_styles(void)
{
    const char *in = "hòa hoà khỏe khoẻ thủy thuỷ Hoà HOÀ hoàn quý uỷ";
    CHECK(norm_is(in, KEEP, 0, in));
    CHECK(norm_is(in, TRAD, 0, "hòa hòa khỏe khỏe thủy thủy Hòa HÒA hoàn quý ủy"));
    CHECK(norm_is(in, MOD, 0, "hoà hoà khoẻ khoẻ thuỷ thuỷ Hoà HOÀ hoàn quý uỷ"));
    /* KEEP repairs an impossible place to the traditional one */
    CHECK(norm_is("hoàn hòan", KEEP, 0, "hoàn hoàn"));
    CHECK(norm_is("hóa học", MOD, 0, "hoá học"));
}

static void test_nfc(void)
{
    /* ệ from marks in any order, and from half-composed letters */
    CHECK(norm_is("e\xCC\xA3\xCC\x82", KEEP, 0, "ệ"));
    CHECK(norm_is("e\xCC\x82\xCC\xA3", KEEP, 0, "ệ"));
    CHECK(norm_is("\xC3\xAA\xCC\xA3", KEEP, 0, "ệ"));     /* ê + dot */
    CHECK(norm_is("\xE1\xBA\xB9\xCC\x82", KEEP, 0, "ệ")); /* ẹ + circumflex */
    CHECK(norm_is("a\xCC\x86\xCC\xA3", KEEP, 0, "ặ"));
    CHECK(norm_is("a\xCC\xA3\xCC\x86", KEEP, 0, "ặ"));
    CHECK(norm_is("o\xCC\x9B\xCC\xA3", KEEP, 0, "ợ"));
    CHECK(norm_is("u\xCC\x9B\xCC\x80", KEEP, 0, "ừ"));
    CHECK(norm_is("E\xCC\xA3\xCC\x82", KEEP, 0, "Ệ"));
    /* deprecated U+0340 / U+0341 */
    CHECK(norm_is("a\xCD\x80 a\xCD\x81", KEEP, 0, "à á"));
    /* whole words in NFD, with tone repair on top */
    CHECK(norm_is("Vie\xCC\xA3\xCC\x82t Nam", KEEP, 0, "Việt Nam"));
    /* two tone marks: composed, not moved */
    CHECK(norm_is("nu\xCC\x9B\xCC\x81o\xCC\x9B\xCC\x81"
                  "c",
                  KEEP, 0, "nứớc"));
    CHECK(norm_is("nu\xCC\x9B\xCC\x81o\xCC\x9B"
                  "c",
                  KEEP, 0, "nước"));
    CHECK(norm_is("ho\xCC\x80"
                  "a",
                  MOD, 0, "hoà"));
    /* marks that cannot join stay, in order, after what did join */
    CHECK(norm_is("a\xCC\x80\xCC\x81", KEEP, 0, "à\xCC\x81"));
    /* other Latin letters: Unicode canonical composition where it exists
     * (NFD from macOS in French, German, Spanish names) */
    CHECK(norm_is("e\xCC\x88", KEEP, 0, "\xC3\xAB"));                 /* ë */
    CHECK(norm_is("e\xCC\x88\xCC\x81", KEEP, 0, "\xC3\xAB\xCC\x81")); /* ë + acute: no ë́ */
    CHECK(norm_is("n\xCC\x81", KEEP, 0, "\xC5\x84"));                 /* ń */
    CHECK(norm_is("\xD0\xB8\xCC\x86", KEEP, 0, "\xD0\xB9")); /* Cyrillic и + breve -> й */
    CHECK(norm_is("Mu\xCC\x88ller Espan\xCC\x83"
                  "a",
                  KEEP, 0,
                  "M\xC3\xBCller Espa\xC3\xB1"
                  "a"));
    CHECK(norm_is("\xCC\x81"
                  "a",
                  KEEP, 0,
                  "\xCC\x81"
                  "a"));
    CHECK(norm_is("1\xCC\x81", KEEP, 0, "1\xCC\x81"));
    /* other scripts pass through */
    CHECK(norm_is("naïve Москва 東京 😀 ñ", KEEP, 0, "naïve Москва 東京 😀 ñ"));
}

static void test_lookalikes(void)
{
    CHECK(norm_is("\xC3\x90\xC3\xA0 N\xE1\xBA\xB5ng", KEEP, 0, "Đà Nẵng")); /* Ð U+00D0 */
    CHECK(norm_is("\xC6\x89\xE1\xBB\x93ng", KEEP, 0, "Đồng"));              /* Ɖ U+0189 */
    CHECK(norm_is("\xC3\xB0i", KEEP, 0, "đi"));                             /* ð */
    /* Cyrillic о а е с р х у і inside Latin words */
    CHECK(norm_is("H\xC3\xA0 N\xD0\xBEi", KEEP, 0, "Hà Noi"));
    CHECK(norm_is("\xD1\x81\xD0\xB0\xD0\xB5 \xD1\x80\xD1\x85 b\xD1\x83\xD1\x96", KEEP, 0,
                  "\xD1\x81\xD0\xB0\xD0\xB5 \xD1\x80\xD1\x85 byi"));
    CHECK(norm_is("t\xD0\xBE\xCC\x81"
                  "an",
                  KEEP, 0, "toán")); /* Cyrillic о + U+0301 */
    CHECK(norm_is("h\xCE\xBF\xCC\x80"
                  "a",
                  MOD, 0, "hoà"));                       /* Greek ο */
    CHECK(norm_is("Москва сок", KEEP, 0, "Москва сок")); /* Cyrillic words stay */
    CHECK(norm_is("\xC3\x90\xC3\xA0", KEEP, VNT_NORM_NO_LOOKALIKES, "\xC3\x90\xC3\xA0"));
    CHECK(norm_is("N\xD0\xBEi", KEEP, VNT_NORM_NO_LOOKALIKES, "N\xD0\xBEi"));
}

static void test_spaces_zero_width(void)
{
    CHECK(norm_is("Vi\xE1\xBB\x87\xE2\x80\x8Bt", KEEP, 0, "Việt"));
    CHECK(norm_is("\xEF\xBB\xBFxin ch\xE2\x80\x8C\xC3\xA0o\xE2\x81\xA0", KEEP, 0, "xin chào"));
    CHECK(norm_is("a\xE2\x80\x8D"
                  "b",
                  KEEP, 0, "ab"));
    CHECK(norm_is("n\xE1\xBB\xA9\xE2\x80\x8B\xC6\xA1"
                  "c",
                  KEEP, 0, "nước"));                       /* nứ ZW ơc */
    CHECK(norm_is("a\xE2\x80\x8B\xCC\x81", KEEP, 0, "á")); /* a ZW U+0301 */
    CHECK(norm_is("a\xC2\xA0"
                  "b\xE2\x80\xAF"
                  "c",
                  KEEP, 0, "a b c"));
    /* ZWJ in an emoji sequence stays */
    const char *emoji = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9";
    CHECK(norm_is(emoji, KEEP, 0, emoji));
    CHECK(norm_is("a\xC2\xA0"
                  "b",
                  KEEP, VNT_NORM_NO_LOOKALIKES,
                  "a\xC2\xA0"
                  "b"));
    CHECK(norm_is("a\xE2\x80\x8B"
                  "b",
                  KEEP, VNT_NORM_NO_LOOKALIKES,
                  "a\xE2\x80\x8B"
                  "b"));
}

static void test_map(void)
{
    vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, KEEP, VNT_MAP};
    vnt_text t = {0};
    /* "Vie" U+0323 U+0302 "t ": ệ comes from byte 2, t from byte 7 */
    const char *in = "Vie\xCC\xA3\xCC\x82t \xC3\x90"
                     "a";
    CHECK(vnt_normalize(in, strlen(in), &o, &t) == VNT_OK);
    CHECK_STR(t.data, t.len, "Việt Đa");
    CHECK(map_ok(in, strlen(in), &t));
    CHECK(t.map[0] == 0 && t.map[2] == 2 && t.map[3] == 2 && t.map[4] == 2 && t.map[5] == 7);
    CHECK(t.map[6] == 8 && t.map[7] == 9 && t.map[8] == 9 && t.map[9] == 11);
    CHECK(t.map[t.len] == strlen(in));
    /* moved tone: each letter maps to its own input letter */
    CHECK(vnt_normalize("nứơc", strlen("nứơc"), &o, &t) == VNT_OK);
    CHECK_STR(t.data, t.len, "nước");
    CHECK(t.map[1] == 1 && t.map[2] == 1 && t.map[3] == 4 && t.map[5] == 4 && t.map[6] == 6);
    /* no map unless asked */
    o.flags = 0;
    CHECK(vnt_normalize("nứơc", strlen("nứơc"), &o, &t) == VNT_OK && t.map == NULL);
    CHECK(vnt_normalize("abc", 3, NULL, &t) == VNT_OK && t.map == NULL);
    CHECK_STR(t.data, t.len, "abc");
    vnt_text_free(&t);
}

static void test_invalid_utf8(void)
{
    vnt_text t = {0};
    const char in[] = "n\xE1\xBB\xA9\xC6\xA1"
                      "c \xFF x\xE1\xBB";
    size_t n = sizeof in - 1;
    CHECK(vnt_normalize(in, n, NULL, &t) == VNT_ERR_UTF8 && t.err_offset == 8 && !t.data);
    vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, KEEP, VNT_LOSSY | VNT_MAP};
    CHECK(vnt_normalize(in, n, &o, &t) == VNT_OK);
    CHECK_STR(t.data, t.len, "nước \xEF\xBF\xBD x\xEF\xBF\xBD");
    CHECK(t.n_bad == 2 && t.bad[0] == 8 && t.bad[1] == 11);
    CHECK(map_ok(in, n, &t));
    /* arguments */
    CHECK(vnt_normalize(NULL, 1, NULL, &t) == VNT_ERR_ARG);
    CHECK(vnt_normalize("a", 1, NULL, NULL) == VNT_ERR_ARG);
    vnt_norm_opts bad = {VNT_NORM_OPTS_VERSION, (vnt_tone_style)7, 0};
    CHECK(vnt_normalize("a", 1, &bad, &t) == VNT_ERR_ARG);
    CHECK(vnt_normalize(NULL, 0, NULL, &t) == VNT_OK && t.len == 0 && t.data && !t.data[0]);
    vnt_text_free(&t);
}

static void test_nul_and_huge(void)
{
    vnt_text t = {0};
    CHECK(vnt_normalize("a\0h\xC3\xB3"
                        "a",
                        6, NULL, &t) == VNT_OK &&
          t.len == 6 && t.data[1] == 0);
    /* one huge "word": letters with marks, then a normal tail */
    size_t reps = 200000, n = 0;
    char *big = malloc(reps * 3 + 64);
    for (size_t i = 0; i < reps; i++) {
        memcpy(big + n, "e\xCC\x82", 3);
        n += 3;
    }
    memcpy(big + n, " tóan", strlen(" tóan"));
    n += strlen(" tóan");
    vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, KEEP, VNT_MAP};
    CHECK(vnt_normalize(big, n, &o, &t) == VNT_OK);
    CHECK(t.len == reps * 2 + strlen(" toán"));
    CHECK(map_ok(big, n, &t));
    CHECK(t.len > 8 && !memcmp(t.data + t.len - strlen(" toán"), " toán", strlen(" toán")));
    free(big);
    vnt_text_free(&t);
}

/* normalize(normalize(x)) == normalize(x) on hand-picked awkward inputs */
static void test_idempotent_samples(void)
{
    static const char *const samples[] = {
        "nứ\xE2\x80\x8B\xC6\xA1"
        "c",
        "a\xE2\x80\x8B\xCC\x81\xCC\x81",
        "\xCC\x81\xCC\x81",
        "\xD0\xBE\xCC\x81 b\xD0\xBE\xCC\x81",
        "q\xCC\x81"
        "ua",
        "gi\xCC\x80"
        "a",
        "\xC3\x90\xD0\xBE",
        "x\xC2\xA0\xCC\x81",
        "u\xCC\x9B\xCC\x81o\xCC\x9B\xCC\x81",
        "\xEF\xBB\xBF\xCC\x80",
        "HO\xCC\x80"
        "A ho\xCC\x80"
        "A",
        "\xE2\x80\x8D\xE2\x80\x8D",
        "ọ\xE2\x80\x8D"
        "a",
    };
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++)
        for (int st = 0; st < 3; st++)
            for (unsigned fl = 0; fl < 4; fl++) {
                unsigned flags = (fl & 1 ? VNT_NORM_NO_LOOKALIKES : 0) |
                                 (fl & 2 ? VNT_NORM_NO_TONE_REPAIR : 0) | VNT_MAP;
                vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, (vnt_tone_style)st, flags};
                vnt_text a = {0}, b = {0};
                const char *s = samples[i];
                CHECK(vnt_normalize(s, strlen(s), &o, &a) == VNT_OK);
                CHECK(map_ok(s, strlen(s), &a));
                CHECK(vnt_normalize(a.data, a.len, &o, &b) == VNT_OK);
                if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0) {
                    printf("  sample %zu style %d flags %u: \"%s\" -> \"%s\"\n", i, st, fl, a.data,
                           b.data);
                    CHECK(0);
                }
                vnt_text_free(&a);
                vnt_text_free(&b);
            }
}

/* Random strings over an alphabet of awkward pieces: every style and flag
 * set gives an idempotent result, the fast path equals the reference, the
 * map is sound. Deterministic (fixed seed). */
static void test_random_strings(void)
{
    static const char *const pieces[] = {
        "a",
        "o",
        "u",
        "y",
        "i",
        "e",
        "q",
        "g",
        "n",
        "h",
        "t",
        "c",
        "k",
        "A",
        "O",
        "U",
        "Y",
        "ư",
        "ơ",
        "ê",
        "â",
        "ă",
        "ô",
        "đ",
        "Đ",
        "á",
        "à",
        "ả",
        "ã",
        "ạ",
        "ớ",
        "ừ",
        "ệ",
        "ỷ",
        "\xCC\x81",
        "\xCC\x80",
        "\xCC\xA3",
        "\xCC\x82",
        "\xCC\x86",
        "\xCC\x9B",
        "\xCD\x81",
        "\xCC\x88",
        "\xE2\x80\x8B",
        "\xE2\x80\x8D",
        "\xEF\xBB\xBF",
        "\xC2\xA0",
        "\xE2\x80\xAF",
        "\xC3\x90",
        "\xC3\xB0",
        "\xD0\xBE",
        "\xD0\xB0",
        "\xD0\xB2",
        "\xCE\xBF",
        "ñ",
        " ",
        " ",
        "-",
        "1",
        "\xE2\x80\x9C",
        "\xF0\x9F\x98\x80",
        "\xFF",
        "\xE1\xBB",
        "\x00",
    };
    const size_t np = sizeof pieces / sizeof *pieces;
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    char buf[256];
    int bad = 0;
    for (int it = 0; it < 20000 && bad < 5; it++) {
        size_t len = 0;
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        int pieces_n = 1 + (int)((seed >> 33) % 12);
        for (int k = 0; k < pieces_n; k++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const char *p = pieces[(seed >> 33) % np];
            size_t pl = p[0] ? strlen(p) : 1; /* "\x00" is one NUL byte */
            memcpy(buf + len, p, pl);
            len += pl;
        }
        unsigned fl = (unsigned)(seed >> 20) & 3;
        vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, (vnt_tone_style)((seed >> 40) % 3),
                           VNT_LOSSY | VNT_MAP | (fl & 1 ? VNT_NORM_NO_LOOKALIKES : 0) |
                               (fl & 2 ? VNT_NORM_NO_TONE_REPAIR : 0)};
        vnt_text a = {0}, b = {0}, r = {0};
        int ok = vnt_normalize(buf, len, &o, &a) == VNT_OK && map_ok(buf, len, &a) &&
                 vnt_normalize(a.data, a.len, &o, &b) == VNT_OK && b.len == a.len &&
                 !memcmp(a.data, b.data, a.len) && vnt__normalize_ref(buf, len, &o, &r) == VNT_OK &&
                 r.len == a.len && !memcmp(r.data, a.data, a.len) &&
                 !memcmp(r.map, a.map, (a.len + 1) * sizeof *a.map);
        if (!ok) {
            printf("  input of %zu bytes (style %d, flags %u):", len, (int)o.tones, fl);
            for (size_t i = 0; i < len; i++)
                printf(" %02x", (unsigned char)buf[i]);
            printf("\n");
            bad++;
        }
        vnt_text_free(&a);
        vnt_text_free(&b);
        vnt_text_free(&r);
    }
    CHECK(bad == 0);
}

/* ------------------------------------------------------------ corpus */

/* Why did this article change? Look at what the input holds. */
enum { WHY_TONE, WHY_NFD, WHY_ZW, WHY_NBSP, WHY_LOOK, WHY_COUNT };
static const char *const why_name[WHY_COUNT] = {"tone mark moved", "combining marks composed",
                                                "zero-width removed", "NBSP -> space",
                                                "lookalike folded"};

static void first_diff_word(const char *a, size_t an, const char *b, size_t bn, char *out,
                            size_t cap)
{
    size_t i = 0;
    while (i < an && i < bn && a[i] == b[i])
        i++;
    size_t s = i;
    while (s > 0 && a[s - 1] != ' ' && a[s - 1] != '\n')
        s--;
    size_t ea = i, eb = i;
    while (ea < an && a[ea] != ' ' && a[ea] != '\n' && ea - s < 40)
        ea++;
    while (eb < bn && b[eb] != ' ' && b[eb] != '\n' && eb - s < 40)
        eb++;
    snprintf(out, cap, "\"%.*s\" -> \"%.*s\"", (int)(ea - s), a + s, (int)(eb - s), b + s);
}

static void test_news_corpus(void)
{
    const char *path = test_shared("data/news/unc_dantri_2020_2021.txt");
    if (!path) SKIP("../shared/data/news/unc_dantri_2020_2021.txt absent");
    size_t n;
    char *text = test_read_file(path, &n);
    if (!text) SKIP("cannot read the news corpus");
    int articles = 0, changed = 0, why_count[WHY_COUNT] = {0}, not_idem = 0;
    int nfd_bad = 0, fast_bad = 0;
    size_t pos = 0;
    while (pos < n) {
        /* one article: from a "# doc_id" line to the next */
        size_t end = pos + 1;
        while (end < n) {
            const char *hit = strstr(text + end, "\n# doc_id");
            end = hit ? (size_t)(hit - text) + 1 : n;
            break;
        }
        const char *a = text + pos;
        size_t an = end - pos;
        articles++;
        vnt_text t[3] = {{0}, {0}, {0}}, t2 = {0};
        for (int st = 0; st < 3; st++) {
            vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, (vnt_tone_style)st, st == 0 ? VNT_MAP : 0};
            CHECK(vnt_normalize(a, an, &o, &t[st]) == VNT_OK);
            if (st == 0) CHECK(map_ok(a, an, &t[0]));
            CHECK(vnt_normalize(t[st].data, t[st].len, &o, &t2) == VNT_OK);
            if (t2.len != t[st].len || memcmp(t2.data, t[st].data, t2.len) != 0) not_idem++;
            /* the fast path agrees with the reference (every word parsed) */
            CHECK(vnt__normalize_ref(a, an, &o, &t2) == VNT_OK);
            if (t2.len != t[st].len || memcmp(t2.data, t[st].data, t2.len) != 0) {
                if (fast_bad++ < 3) {
                    char ex[160];
                    first_diff_word(t2.data, t2.len, t[st].data, t[st].len, ex, sizeof ex);
                    printf("  fast path differs from reference (style %d): %s\n", st, ex);
                }
            }
        }
        if (t[0].len != an || memcmp(t[0].data, a, an) != 0) {
            changed++;
            int why = WHY_TONE;
            for (size_t i = 0; i + 1 < an; i++) {
                unsigned char c0 = (unsigned char)a[i], c1 = (unsigned char)a[i + 1];
                if (c0 == 0xCC || (c0 == 0xCD && c1 <= 0x81))
                    why = WHY_NFD;
                else if (c0 == 0xE2 && c1 == 0x80 && i + 2 < an &&
                         ((unsigned char)a[i + 2] >= 0x8B && (unsigned char)a[i + 2] <= 0x8D))
                    why = why == WHY_TONE ? WHY_ZW : why;
                else if (c0 == 0xEF && c1 == 0xBB)
                    why = why == WHY_TONE ? WHY_ZW : why;
                else if ((c0 == 0xC2 && c1 == 0xA0) || (c0 == 0xE2 && c1 == 0x80 && i + 2 < an &&
                                                        (unsigned char)a[i + 2] == 0xAF))
                    why = why == WHY_TONE ? WHY_NBSP : why;
                else if ((c0 == 0xC3 && (c1 == 0x90 || c1 == 0xB0)) || c0 == 0xD0 || c0 == 0xD1)
                    why = why == WHY_TONE ? WHY_LOOK : why;
            }
            why_count[why]++;
            if (why_count[why] <= 2) {
                char ex[160];
                first_diff_word(a, an, t[0].data, t[0].len, ex, sizeof ex);
                printf("  example (%s): %s\n", why_name[why], ex);
            }
        }
        /* the article in NFD normalizes to the same text as the NFC one */
        vnt_text dt = {0}, td = {0};
        CHECK(vnt_encode(VNT_CS_NFD, a, an, VNT_LOSSY, &dt) == VNT_OK);
        CHECK(vnt_normalize(dt.data, dt.len, NULL, &td) == VNT_OK);
        if (td.len != t[0].len || memcmp(td.data, t[0].data, td.len) != 0) {
            if (nfd_bad++ < 3) {
                char ex[160];
                first_diff_word(t[0].data, t[0].len, td.data, td.len, ex, sizeof ex);
                printf("  NFD differs: %s\n", ex);
            }
        }
        vnt_text_free(&dt);
        vnt_text_free(&td);
        for (int st = 0; st < 3; st++)
            vnt_text_free(&t[st]);
        vnt_text_free(&t2);
        pos = end;
    }
    printf("  %d articles, %d changed by normalize (keep):", articles, changed);
    for (int w = 0; w < WHY_COUNT; w++)
        if (why_count[w]) printf(" %s %d;", why_name[w], why_count[w]);
    printf("\n  not idempotent: %d; NFD input differing from NFC: %d\n", not_idem, nfd_bad);
    CHECK(articles == 2653);
    CHECK(not_idem == 0);
    CHECK(nfd_bad == 0);
    CHECK(fast_bad == 0);
    free(text);
}

int main(void)
{
    RUN(test_tone_repair);
    RUN(test_styles);
    RUN(test_nfc);
    RUN(test_lookalikes);
    RUN(test_spaces_zero_width);
    RUN(test_map);
    RUN(test_invalid_utf8);
    RUN(test_nul_and_huge);
    RUN(test_idempotent_samples);
    RUN(test_random_strings);
    RUN(test_news_corpus);
    TEST_END();
}
