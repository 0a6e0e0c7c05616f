/* Mojibake repair: hand-written cases, nesting, partial damage, offsets, and
 * on the news corpus (when ../shared is present): every clean article is
 * left unchanged and every damaged one is restored. */
#include "test.h"
#include "vntext.h"

#include <stdint.h>

/* Windows-1252 0x80..0x9F (0 = undefined, passed through as a C1 control). */
static const uint16_t w1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                   0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* Damage s the way a program does that reads UTF-8 as Windows-1252
 * (latin1 = 0) or Latin-1 (latin1 = 1). Returns a malloc'd string. */
static char *damage(const char *s, size_t n, int latin1, size_t *out_n)
{
    char *o = malloc(n * 3 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned b = (unsigned char)s[i];
        uint32_t cp = b;
        if (!latin1 && b >= 0x80 && b < 0xA0 && w1252[b - 0x80]) cp = w1252[b - 0x80];
        k += vnt_utf8_encode(cp, o + k);
    }
    o[k] = 0;
    *out_n = k;
    return o;
}

static void expect_repair(const char *in, const char *want, size_t want_runs)
{
    vnt_text t = {0};
    size_t runs = 99;
    CHECK(vnt_repair_mojibake(in, strlen(in), VNT_MAP, &t, &runs) == VNT_OK);
    CHECK_STR(t.data, t.len, want);
    if (runs != want_runs) printf("  runs %zu, want %zu for \"%s\"\n", runs, want_runs, want);
    CHECK(runs == want_runs);
    vnt_text_free(&t);
}

static void test_basic(void)
{
    expect_repair("Vi\xC3\xA1\xC2\xBB\xE2\x80\xA1t", "Vi\xE1\xBB\x87t", 1);     /* Viá»‡t */
    expect_repair("Nguy\xC3\xA1\xC2\xBB\xE2\x80\xA6n", "Nguy\xE1\xBB\x85n", 1); /* Nguyá»…n */
    expect_repair("\xC3\x84\xE2\x80\x98\xC3\xA1\xC2\xBA\xC2\xA5t", "\xC4\x91\xE1\xBA\xA5t",
                  1); /* đất */
    /* two damaged words on one line form one run; two lines two runs */
    expect_repair("Vi\xC3\xA1\xC2\xBB\xE2\x80\xA1t Nam\nVi\xC3\xA1\xC2\xBB\xE2\x80\xA1t",
                  "Vi\xE1\xBB\x87t Nam\nVi\xE1\xBB\x87t", 2);
    expect_repair("", "", 0);
    expect_repair("plain ASCII text", "plain ASCII text", 0);
    expect_repair("caf\xC3\x83\xC2\xA9", "caf\xC3\xA9", 1); /* cafÃ© */
    /* 堀江: the first unit (E5 A0 80, "å<nbsp>€") alone could be clean text,
     * the second is clear damage */
    expect_repair("\xC3\xA5\xC2\xA0\xE2\x82\xAC\xC3\xA6\xC2\xB1\xC5\xB8",
                  "\xE5\xA0\x80\xE6\xB1\x9F", 1);
    expect_repair("\xC3\xA2\xE2\x82\xAC\xC5\x93quoted\xC3\xA2\xE2\x82\xAC\xC2\x9D", /* â€œ…â€\x9d */
                  "\xE2\x80\x9Cquoted\xE2\x80\x9D", 1);
}

static void test_clean_untouched(void)
{
    /* clean Vietnamese with the patterns closest to mojibake */
    const char *clean[] = {
        "Vi\xE1\xBB\x87t Nam",
        "\xE2\x80\x9C"
        "CH\xC3\x9A \xC3\x9D\xE2\x80\x9D",                   /* “CHÚ Ý” */
        "\xE2\x80\x9CNG\xC3\x83\xE2\x80\x9D r\xE1\xBB\x93i", /* “NGÃ” */
        "NG\xC3\x83\xC2\xA0"
        "BA",                                /* NGÃ<nbsp>BA */
        "\xC3\x94\xE2\x80\xA6 kh\xC3\xB4ng", /* Ô… không */
        "gi\xC3\xA1 100\xC2\xB0"
        "C \xC2\xA9 2020 caf\xC3\xA9 na\xC3\xAFve",
        "\xC3\x8A\xE2\x80\x99 x \xC3\x82\xC2\xA0y",
        "\xC4\x91\xC3\xA3\xC2\xA0\xE2\x80\x9Cn\xC3\xB3i\xE2\x80\x9D", /* đã<nbsp>“nói” */
        "x\xC3\xA3\xC2\xA0\xE2\x80\x98N\xC3\xB4ng th\xC3\xB4n\xE2\x80\x99", /* xã<nbsp>‘Nông thôn’
                                                                             */
    };
    for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
        vnt_text t = {0};
        size_t runs = 9;
        CHECK(vnt_repair_mojibake(clean[i], strlen(clean[i]), 0, &t, &runs) == VNT_OK);
        CHECK_STR(t.data, t.len, clean[i]);
        CHECK(runs == 0);
        vnt_text_free(&t);
    }
}

static void test_undefined_bytes(void)
{
    /* Ố = E1 BB 90: 0x90 is undefined in Windows-1252 and comes through as
     * U+0090; Ờ = E1 BB 9C -> œ; Ý = C3 9D -> U+009D */
    expect_repair("\xC3\xA1\xC2\xBB\xC2\x90", "\xE1\xBB\x90", 1);
    expect_repair("\xC3\x83\xC2\x9D", "\xC3\x9D", 1);
    expect_repair("\xC3\x81\xC2\x8F", "\xC3\x81\xC2\x8F", 0); /* C1 8F is not UTF-8 */
    /* Latin-1 reading: every 0x80..0x9F byte is a C1 control */
    const char *v = "Nguy\xE1\xBB\x85n \xC4\x91\xE1\xBB\x93ng \xC6\xB0\xC6\xA1ng";
    size_t dn;
    char *d = damage(v, strlen(v), 1, &dn);
    expect_repair(d, v, 1);
    free(d);
}

static void test_nested_and_partial(void)
{
    const char *v =
        "Ng\xC6\xB0\xE1\xBB\x9Di Vi\xE1\xBB\x87t \xC4\x91\xE1\xBB\xA9ng \xC4\x91\xE1\xBA\xA7u";
    size_t n1, n2, n3;
    char *d1 = damage(v, strlen(v), 0, &n1);
    char *d2 = damage(d1, n1, 0, &n2);
    char *d3 = damage(d1, n1, 1, &n3); /* cp1252 then Latin-1 */
    expect_repair(d1, v, 1);
    expect_repair(d2, v, 1);
    expect_repair(d3, v, 1);
    /* clean line, damaged line, clean line: only the middle one changes */
    char buf[1024];
    snprintf(buf, sizeof buf, "%s\n%s\n%s", v, d1, v);
    char want[1024];
    snprintf(want, sizeof want, "%s\n%s\n%s", v, v, v);
    expect_repair(buf, want, 1);
    snprintf(buf, sizeof buf, "%s\n%s\n%s", d2, v, d1);
    snprintf(want, sizeof want, "%s\n%s\n%s", v, v, v);
    expect_repair(buf, want, 2);
    free(d1);
    free(d2);
    free(d3);
}

static void test_map(void)
{
    /* "xViá»‡t": map of "ệ" points at the start of "á»‡" (offset 3) */
    const char in[] = "xVi\xC3\xA1\xC2\xBB\xE2\x80\xA1t";
    vnt_text t = {0};
    CHECK(vnt_repair_mojibake(in, sizeof in - 1, VNT_MAP, &t, NULL) == VNT_OK);
    CHECK_STR(t.data, t.len, "xVi\xE1\xBB\x87t");
    CHECK(t.map && t.map[3] == 3 && t.map[4] == 3 && t.map[5] == 3 && t.map[6] == 10);
    CHECK(t.map && t.map[t.len] == sizeof in - 1);
    /* nested: offsets still point into the original input */
    size_t n2;
    char *d2 = damage(in + 3, sizeof in - 4, 0, &n2); /* damage "á»‡t" again */
    char buf[128];
    memcpy(buf, "xVi", 3);
    memcpy(buf + 3, d2, n2);
    CHECK(vnt_repair_mojibake(buf, 3 + n2, VNT_MAP, &t, NULL) == VNT_OK);
    CHECK_STR(t.data, t.len, "xVi\xE1\xBB\x87t");
    CHECK(t.map && t.map[3] == 3 && t.map[6] == 3 + n2 - 1 && t.map[t.len] == 3 + n2);
    for (size_t i = 0; t.map && i < t.len; i++)
        CHECK(t.map[i] <= t.map[i + 1]);
    CHECK(vnt_repair_mojibake(in, sizeof in - 1, 0, &t, NULL) == VNT_OK && t.map == NULL);
    free(d2);
    vnt_text_free(&t);
}

static void test_invalid_input(void)
{
    vnt_text t = {0};
    size_t runs;
    CHECK(vnt_repair_mojibake("a\xFF"
                              "b\xC3\xA1\xC2\xBB\xE2\x80\xA1",
                              10, VNT_MAP, &t, &runs) == VNT_OK);
    CHECK_STR(t.data, t.len,
              "a\xEF\xBF\xBD"
              "b\xE1\xBB\x87");
    CHECK(t.n_bad == 1 && t.bad[0] == 1 && runs == 1);
    CHECK(vnt_repair_mojibake("a\0b", 3, 0, &t, NULL) == VNT_OK && t.len == 3);
    CHECK(vnt_repair_mojibake(NULL, 1, 0, &t, NULL) == VNT_ERR_ARG);
    CHECK(vnt_repair_mojibake("a", 1, 0, NULL, NULL) == VNT_ERR_ARG);
    vnt_text_free(&t);
}

/* Every article of the news corpus: unchanged when clean; restored after
 * damage (Windows-1252, and every 7th doubly nested); a damaged article
 * between two clean ones is the only thing that changes. */
static void test_news_corpus(void)
{
    const char *path = test_shared("data/news/unc_dantri_2020_2021.txt");
    if (!path) SKIP("../shared/data/news absent");
    size_t len;
    char *all = test_read_file(path, &len);
    if (!all) SKIP("cannot read news corpus");
    size_t docs = 0, changed = 0, unrepaired = 0;
    vnt_text t = {0};
    char *p = all, *end = all + len;
    while (p < end) {
        char *q = p;
        /* an article runs to the next "# doc_id" line */
        while (q < end) {
            char *nl = memchr(q, '\n', (size_t)(end - q));
            q = nl ? nl + 1 : end;
            if (q + 8 < end && memcmp(q, "# doc_id", 8) == 0) break;
        }
        size_t n = (size_t)(q - p), runs = 0;
        docs++;
        if (vnt_repair_mojibake(p, n, 0, &t, &runs) != VNT_OK || t.len != n ||
            memcmp(t.data, p, n) != 0 || runs) {
            if (changed++ < 3) {
                size_t i = 0;
                while (i < n && i < t.len && t.data[i] == p[i])
                    i++;
                printf("  clean article %zu changed at %zu: \"%.40s\"\n", docs, i,
                       p + (i > 10 ? i - 10 : 0));
            }
        }
        size_t dn, dn2;
        char *d = damage(p, n, docs % 5 == 0, &dn);
        char *dd = docs % 7 == 0 ? damage(d, dn, 0, &dn2) : NULL;
        if (vnt_repair_mojibake(dd ? dd : d, dd ? dn2 : dn, 0, &t, &runs) != VNT_OK || t.len != n ||
            memcmp(t.data, p, n) != 0) {
            if (unrepaired++ < 3) {
                size_t i = 0;
                while (i < n && i < t.len && t.data[i] == p[i])
                    i++;
                printf("  damaged article %zu differs at %zu: got \"%.40s\" want \"%.40s\"\n", docs,
                       i, t.data + (i > 10 ? i - 10 : 0), p + (i > 10 ? i - 10 : 0));
            }
        }
        free(d);
        free(dd);
        /* partial: the second half (from a line start) damaged */
        char *mid = memchr(p + n / 2, '\n', n - n / 2);
        if (docs % 3 == 0 && mid) {
            size_t h = (size_t)(mid + 1 - p), pn;
            char *part = damage(p + h, n - h, 0, &pn);
            char *whole = malloc(h + pn + 1);
            memcpy(whole, p, h);
            memcpy(whole + h, part, pn);
            if (vnt_repair_mojibake(whole, h + pn, 0, &t, &runs) != VNT_OK || t.len != n ||
                memcmp(t.data, p, n) != 0)
                unrepaired++;
            free(part);
            free(whole);
        }
        p = q;
    }
    printf("  %zu articles: %zu clean changed, %zu damaged not restored\n", docs, changed,
           unrepaired);
    CHECK(docs > 2000);
    CHECK(changed == 0);
    CHECK(unrepaired == 0);
    vnt_text_free(&t);
    free(all);
}

int main(void)
{
    RUN(test_basic);
    RUN(test_clean_untouched);
    RUN(test_undefined_bytes);
    RUN(test_nested_and_partial);
    RUN(test_map);
    RUN(test_invalid_input);
    RUN(test_news_corpus);
    TEST_END();
}
