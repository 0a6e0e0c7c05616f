/* Charset detection: hand-written cases that always run, arbitrary bytes,
 * and the accuracy thresholds on a fixed subset of the news corpus (200-byte
 * windows >= 99%, 50-byte windows >= 95% in every form) when ../shared is
 * present. tools/detect_eval prints the full confusion table. */
#include "test.h"
#include "unit/detect_samples.h"
#include "vntext.h"

static const char *VI = "Ng\xC3\xA0y 23/4, Ng\xC3\xA2n h\xC3\xA0ng TMCP S\xC3\xA0i G\xC3\xB2n "
                        "\xC4\x91\xC3\xA3 t\xE1\xBB\x95 ch\xE1\xBB\xA9"
                        "c \xC4\x91\xE1\xBA\xA1i h\xE1\xBB\x99i "
                        "c\xE1\xBB\x95 \xC4\x91\xC3\xB4ng th\xC6\xB0\xE1\xBB\x9Dng ni\xC3\xAAn "
                        "n\xC4\x83m 2021 t\xE1\xBA\xA1i H\xC3\xA0 N\xE1\xBB\x99i. "
                        "Ng\xC6\xB0\xE1\xBB\x9Di d\xC3\xA2n mu\xE1\xBB\x91n bi\xE1\xBA\xBFt "
                        "th\xC3\xAAm v\xE1\xBB\x81 k\xE1\xBA\xBF ho\xE1\xBA\xA1"
                        "ch kinh doanh.";

static vnt_charset detect(const char *s, size_t n, double *conf)
{
    vnt_detection d;
    memset(&d, 0xAB, sizeof d);
    if (vnt_detect(s, n, &d) != VNT_OK) return VNT_CS_UNKNOWN;
    CHECK(d.confidence >= 0 && d.confidence <= 1);
    CHECK(d.second_confidence >= 0 && d.second_confidence <= 1);
    CHECK(d.second != d.charset);
    CHECK((int)d.charset >= 0 && d.charset < VNT_CS_COUNT);
    if (conf) *conf = d.confidence;
    return d.charset;
}

static void expect(vnt_charset cs, const char *s, size_t n)
{
    vnt_charset got = detect(s, n, NULL);
    if (got != cs)
        printf("  want %s, got %s for \"%.40s\"\n", vnt_charset_name(cs), vnt_charset_name(got), s);
    CHECK(got == cs);
}

static void test_each_charset(void)
{
    static const vnt_charset cs[] = {VNT_CS_UTF8,   VNT_CS_TCVN3, VNT_CS_VNI,
                                     VNT_CS_VISCII, VNT_CS_VPS,   VNT_CS_VIQR,
                                     VNT_CS_CP1258, VNT_CS_NFD,   VNT_CS_COMBINING};
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        vnt_text t = {0};
        CHECK(vnt_encode(cs[i], VI, strlen(VI), VNT_LOSSY, &t) == VNT_OK);
        expect(cs[i], t.data, t.len);
        vnt_text_free(&t);
    }
    /* TCVN5712 (VN1) differs from TCVN3 in its capitals with tones */
    const char *caps =
        "\xE1\xBA\xA2NH: \xC4\x90\xE1\xBA\xA0I H\xE1\xBB\x98I \xC4\x90\xE1\xBB\x92NG "
        "T\xC3\x82M \xE1\xBB\xA6Y BAN \xE1\xBB\xA8NG PH\xC3\x93 "
        "\xC3\x9AT \xC3\x8DT \xE1\xBB\xA4 \xE1\xBB\xAA. ";
    char buf[512];
    snprintf(buf, sizeof buf, "%s%s", caps, VI);
    vnt_text t = {0};
    CHECK(vnt_encode(VNT_CS_TCVN5712, buf, strlen(buf), VNT_STRICT, &t) == VNT_OK);
    expect(VNT_CS_TCVN5712, t.data, t.len);
    vnt_text_free(&t);
}

static void test_labels(void)
{
    expect(VNT_CS_ASCII, "The quick brown fox jumps over the lazy dog while the cat sleeps.", 65);
    const char *code = "int main(void) { return printf(\"hello, world\\n\") > 0 ? 0 : 1; }";
    expect(VNT_CS_ASCII, code, strlen(code));
    const char *un =
        "Nguoi dan mong muon biet them ve ke hoach kinh doanh cua ngan hang trong nam nay.";
    expect(VNT_CS_UNACCENTED, un, strlen(un));
    const char *viqr = "Ngu+o+`i da^n mong muo^'n bie^'t the^m ve^` ke^' hoa.ch kinh doanh.";
    expect(VNT_CS_VIQR, viqr, strlen(viqr));
    const char *moji = "Ng\xC6\xB0\xE1\xBB\x9Di d\xC3\xA2n"; /* Người dân, damaged below */
    vnt_text t = {0};
    size_t dn = 0;
    char *d = ds_encode(VNT_CS_MOJIBAKE, VI, strlen(VI), &dn);
    expect(VNT_CS_MOJIBAKE, d, dn);
    free(d);
    expect(VNT_CS_UTF8, moji, strlen(moji));
    /* English with curly quotes is UTF-8, not ASCII */
    const char *en = "\xE2\x80\x9CThe quick brown fox\xE2\x80\x9D jumps over the lazy dog.";
    expect(VNT_CS_UTF8, en, strlen(en));
    vnt_text_free(&t);
}

static void test_windows_cut(void)
{
    /* a window may start and end inside a character */
    vnt_text t = {0};
    CHECK(vnt_encode(VNT_CS_NFD, VI, strlen(VI), VNT_STRICT, &t) == VNT_OK);
    expect(VNT_CS_NFD, t.data + 1, 48);
    vnt_text_free(&t);
    expect(VNT_CS_UTF8, VI + 2, 47);
    expect(VNT_CS_UTF8, VI + 1, strlen(VI) - 2);
}

static void test_any_bytes(void)
{
    vnt_detection d;
    CHECK(vnt_detect("", 0, &d) == VNT_OK && d.charset == VNT_CS_ASCII && d.confidence == 0);
    CHECK(vnt_detect(NULL, 0, &d) == VNT_OK);
    CHECK(vnt_detect("abc", 3, NULL) == VNT_ERR_ARG);
    char bin[4096];
    uint64_t st = 99;
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (char)(ds_rand(&st) >> 56);
    double conf;
    detect(bin, sizeof bin, &conf);
    CHECK(conf < 0.5); /* random bytes fit no charset well */
    memset(bin, 0, sizeof bin);
    detect(bin, sizeof bin, NULL);
    for (size_t n = 0; n < 64; n++)
        detect(bin, n, NULL);
    /* every single byte and every pair starting with a high byte */
    for (int a = 0; a < 256; a++) {
        char two[2] = {(char)a, 'a'};
        detect(two, 1, NULL);
        detect(two, 2, NULL);
    }
    /* a long input: only the first 64 KiB is looked at */
    size_t big = 200000;
    char *b = malloc(big);
    for (size_t i = 0; i < big; i++)
        b[i] = "abc de\n"[i % 7];
    detect(b, big, NULL);
    free(b);
}

/* Deterministic subset of the news corpus: the first 250 articles, one
 * window of each size per article and form. */
static void test_news_accuracy(void)
{
    const char *path = test_shared("data/news/unc_dantri_2020_2021.txt");
    if (!path) SKIP("../shared/data/news absent");
    ds_corpus c;
    if (!ds_load(&c, path)) SKIP("cannot read news corpus");
    size_t na = c.count < 250 ? c.count : 250;
    uint64_t st = 12345;
    for (size_t f = 0; f < DS_NFORMS; f++) {
        size_t right[2] = {0, 0}, total[2] = {0, 0};
        for (size_t a = 0; a < na; a++) {
            size_t en;
            char *e = ds_encode(ds_forms[f], c.all + c.off[a], c.len[a], &en);
            if (!e) continue;
            for (int z = 0; z < 2; z++) {
                const char *w;
                size_t wn;
                ds_window(e, en, z ? 50 : 200, &st, &w, &wn);
                vnt_detection d;
                vnt_detect(w, wn, &d);
                right[z] += ds_correct(ds_forms[f], d.charset, w, wn);
                total[z]++;
            }
            free(e);
        }
        double a200 = 100.0 * (double)right[0] / (double)total[0];
        double a50 = 100.0 * (double)right[1] / (double)total[1];
        printf("  %-10s 200 bytes %6.2f%%   50 bytes %6.2f%%\n", vnt_charset_name(ds_forms[f]),
               a200, a50);
        CHECK(a200 >= 99.0);
        CHECK(a50 >= 95.0);
    }
    ds_free(&c);
}

int main(void)
{
    RUN(test_each_charset);
    RUN(test_labels);
    RUN(test_windows_cut);
    RUN(test_any_bytes);
    RUN(test_news_accuracy);
    TEST_END();
}
