/* Search terms (issue 5): keys, accent-free alternatives, positions,
 * compounds, numbers/codes, query and prefix modes, offsets, odd input. */
#include "test.h"
#include "vntext.h"

#include <stdint.h>

/* "term@pos" for every term, space separated; alternatives marked '+'. */
static char dump_buf[4096];
static const char *dump(const char *s, unsigned flags, vnt_accents acc, const vnt_model *m)
{
    vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, acc, m != NULL, m, flags};
    vnt_terms t = {0};
    dump_buf[0] = 0;
    if (vnt_search_terms(s, strlen(s), &o, &t) != VNT_OK) {
        vnt_terms_free(&t);
        return "(error)";
    }
    size_t len = 0;
    for (size_t i = 0; i < t.n && len + 300 < sizeof dump_buf; i++) {
        const vnt_term *x = &t.term[i];
        len += (size_t)snprintf(dump_buf + len, sizeof dump_buf - len, "%s%s%s@%u%s", i ? " " : "",
                                (x->flags & VNT_TERM_ALT) ? "+" : "", t.text + x->off, x->pos,
                                (x->flags & VNT_TERM_PREFIX) ? "*" : "");
    }
    vnt_terms_free(&t);
    return dump_buf;
}

#define EXPECT(got, want) CHECK_STR(got, strlen(got), want)

static void test_accents_both(void)
{
    EXPECT(dump("Hoà bình", 0, VNT_ACCENTS_BOTH, NULL), "hòa@0 +hoa@0 bình@1 +binh@1");
    EXPECT(dump("HÒA BÌNH", 0, VNT_ACCENTS_BOTH, NULL), "hòa@0 +hoa@0 bình@1 +binh@1");
    EXPECT(dump("Đường", 0, VNT_ACCENTS_BOTH, NULL), "đường@0 +duong@0");
    EXPECT(dump("thể thế the", 0, VNT_ACCENTS_BOTH, NULL), "thể@0 +the@0 thế@1 +the@1 the@2");
    /* NFD, lookalike Ð (U+00D0) */
    EXPECT(dump("Vie\xcc\x82\xcc\xa3t \xc3\x90\xc6\xb0\xe1\xbb\x9dng", 0, VNT_ACCENTS_BOTH, NULL),
           "việt@0 +viet@0 đường@1 +duong@1");
}

/* kỹ = kĩ, hy sinh = hi sinh: the final i/y of an open syllable after a
 * consonant has one spelling; y tế, huy, kính keep theirs. */
static void test_i_y(void)
{
    EXPECT(dump("Kỹ thuật hy sinh QUÝ", 0, VNT_ACCENTS_BOTH, NULL),
           "kĩ@0 +ki@0 thuật@1 +thuat@1 hi@2 sinh@3 quí@4 +qui@4");
    EXPECT(dump("kĩ hi quí", 0, VNT_ACCENTS_BOTH, NULL), "kĩ@0 +ki@0 hi@1 quí@2 +qui@2");
    EXPECT(dump("y tế ý huy kính", 0, VNT_ACCENTS_KEEP, NULL), "y@0 tế@1 ý@2 huy@3 kính@4");
    /* a prefix ending in that y: as typed (quyết, Quỳnh, Myanmar) and with i */
    EXPECT(dump("Mỹ", VNT_SEARCH_QUERY | VNT_SEARCH_PREFIX, VNT_ACCENTS_BOTH, NULL),
           "mỹ@0* +mĩ@0*");
    EXPECT(dump("quy", VNT_SEARCH_QUERY | VNT_SEARCH_PREFIX, VNT_ACCENTS_BOTH, NULL),
           "quy@0* +qui@0*");
    EXPECT(dump("kyo", VNT_SEARCH_QUERY | VNT_SEARCH_PREFIX, VNT_ACCENTS_BOTH, NULL), "kyo@0*");
    /* the same for a prefix with the tone where the modern style puts it:
     * hoà* starts hoàn as typed, and is hòa */
    EXPECT(dump("hoà", VNT_SEARCH_QUERY | VNT_SEARCH_PREFIX, VNT_ACCENTS_BOTH, NULL),
           "hoà@0* +hòa@0*");
    EXPECT(dump("U23-MY", VNT_SEARCH_QUERY | VNT_SEARCH_PREFIX, VNT_ACCENTS_BOTH, NULL),
           "u@0 23@1 my@2* +mi@2*");
    /* one word for a dictionary: the y spelling as a variant of its own */
    EXPECT(dump("Quý", VNT_SEARCH_WORD, VNT_ACCENTS_BOTH, NULL), "quí@0 +qui@0 +quý@0 +quy@0");
    EXPECT(dump("quí", VNT_SEARCH_WORD, VNT_ACCENTS_BOTH, NULL), "quí@0 +qui@0");
    EXPECT(dump("Hoà", VNT_SEARCH_WORD, VNT_ACCENTS_BOTH, NULL), "hòa@0 +hoa@0 +hoà@0");
    /* runs of codes, URLs, e-mail addresses are keyed like syllables */
    EXPECT(dump("my.tran@gmail.com", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL),
           "mi@0 tran@1 gmail@2 com@3");
}

static void test_accents_fold_keep(void)
{
    EXPECT(dump("Hoà bình", 0, VNT_ACCENTS_FOLD, NULL), "hoa@0 binh@1");
    EXPECT(dump("Hoà bình", 0, VNT_ACCENTS_KEEP, NULL), "hòa@0 bình@1");
    EXPECT(dump("Hoà bình", VNT_SEARCH_QUERY, VNT_ACCENTS_FOLD, NULL), "hoa@0 binh@1");
}

static void test_query_mode(void)
{
    EXPECT(dump("Hoà binh", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL), "hòa@0 binh@1");
    EXPECT(dump("Lai Châ", VNT_SEARCH_QUERY | VNT_SEARCH_PREFIX, VNT_ACCENTS_BOTH, NULL),
           "lai@0 châ@1*");
    EXPECT(dump("  ", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL), "");
}

static void test_numbers_codes(void)
{
    EXPECT(dump("ngày 26/1/2022", 0, VNT_ACCENTS_BOTH, NULL),
           "ngày@0 +ngay@0 26/1/2022@1 +26@1 1@2 2022@3");
    EXPECT(dump("xe 49X-6666", 0, VNT_ACCENTS_BOTH, NULL), "xe@0 49x-6666@1 +49@1 x@2 6666@3");
    /* letter runs and digit runs: covid19 = Covid-19, U23 = U-23 */
    EXPECT(dump("Covid19", 0, VNT_ACCENTS_BOTH, NULL), "covid19@0 +covid@0 19@1");
    EXPECT(dump("covid19", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL), "covid@0 19@1");
    EXPECT(dump("U-23", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL), "u@0 23@1");
    EXPECT(dump("H5N1", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL), "h@0 5@1 n@2 1@3");
    EXPECT(dump("1.000.000 đồng", 0, VNT_ACCENTS_BOTH, NULL),
           "1.000.000@0 +1000000@0 đồng@1 +dong@1");
    EXPECT(dump("Covid-19.", 0, VNT_ACCENTS_BOTH, NULL), "covid-19@0 +covid@0 19@1");
    /* a query: the runs as a phrase, so "30/4" finds 30/4/2021 too */
    EXPECT(dump("Covid-19 mới", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL), "covid@0 19@1 mới@2");
    EXPECT(dump("30/4", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL), "30@0 4@1");
    /* e-mail addresses and URLs: their runs, so "dantri" finds them */
    EXPECT(dump("Gửi a.b@dantri.com.vn", 0, VNT_ACCENTS_BOTH, NULL),
           "gửi@0 +gui@0 a.b@dantri.com.vn@1 +a@1 b@2 dantri@3 com@4 vn@5");
    EXPECT(dump("dantri.com.vn/suc-khoe", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL),
           "dantri@0 com@1 vn@2 suc@3 khoe@4");
    /* a percentage also gives its number; a query for it stays a percentage */
    EXPECT(dump("tăng 1,5%", 0, VNT_ACCENTS_BOTH, NULL), "tăng@0 +tang@0 1,5%@1 +1,5@1");
    EXPECT(dump("1,5%", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL), "1,5%@0");
    /* numbers stay whole: "500" is not in "2.500"; without the thousands
     * separators they are found too */
    EXPECT(dump("2.500 khách", 0, VNT_ACCENTS_BOTH, NULL), "2.500@0 +2500@0 khách@1 +khach@1");
    EXPECT(dump("-1.234,5 1.5 12.3456 0,5", 0, VNT_ACCENTS_BOTH, NULL),
           "-1.234,5@0 +-1234,5@0 1.5@1 12.3456@2 0,5@3");
    EXPECT(dump("2.500", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL), "2.500@0");
    EXPECT(dump("2.500%", 0, VNT_ACCENTS_BOTH, NULL), "2.500%@0 +2.500@0 +2500@0");
    /* invalid bytes separate runs */
    EXPECT(dump("covid\xff"
                "19",
                VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, NULL),
           "covid@0 19@1");
    /* a prefix code: its runs, the last one a prefix */
    EXPECT(dump("covid19", VNT_SEARCH_QUERY | VNT_SEARCH_PREFIX, VNT_ACCENTS_BOTH, NULL),
           "covid@0 19@1*");
}

static const char *model_path(void)
{
    const char *env = getenv("VNTEXT_MODEL");
    if (env && *env) return env;
    struct stat st;
    return stat("models/vntext.model", &st) == 0 ? "models/vntext.model" : NULL;
}

static void test_compounds(void)
{
    const char *mp = model_path();
    if (!mp) SKIP("no model (models/vntext.model or $VNTEXT_MODEL)");
    vnt_model *m = NULL;
    char msg[200];
    if (vnt_model_open(mp, &m, msg, sizeof msg) != VNT_OK) SKIP("model does not open");
    const char *got = dump("Ban Kinh tế Trung ương", 0, VNT_ACCENTS_BOTH, m);
    EXPECT(got, "ban@0 kinh@1 +kinh_tế@1 +kinh_te@1 tế@2 +te@2 trung@3 +trung_ương@3 "
                "+trung_uong@3 ương@4 +uong@4");
    /* query mode never emits compounds */
    EXPECT(dump("Kinh tế", VNT_SEARCH_QUERY, VNT_ACCENTS_BOTH, m), "kinh@0 tế@1");
    /* offsets of a compound: the whole word */
    vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_KEEP, 1, m, 0};
    vnt_terms t = {0};
    const char *s = "Ban Kinh tế Trung ương";
    CHECK(vnt_search_terms(s, strlen(s), &o, &t) == VNT_OK);
    for (size_t i = 0; i < t.n; i++)
        if (t.term[i].flags & VNT_TERM_COMPOUND) {
            CHECK(t.term[i].npos == 2);
            CHECK(t.term[i].start == 4 || t.term[i].start == 14);
            CHECK(t.term[i].end == 13 || t.term[i].end == 26);
        }
    vnt_terms_free(&t);
    vnt_model_free(m);
}

static void test_word_mode(void)
{
    /* PostgreSQL's dictionary sees one word at a time */
    EXPECT(dump("Kinh tế", VNT_SEARCH_WORD, VNT_ACCENTS_BOTH, NULL), "kinh@0 tế@1 +te@1");
    vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_BOTH, 1, NULL, VNT_SEARCH_WORD};
    vnt_terms t = {0};
    CHECK(vnt_search_terms("Kinh tế", strlen("Kinh tế"), &o, &t) == VNT_OK);
    CHECK(t.n == 5);
    if (t.n == 5) CHECK_STR(t.text + t.term[1].off, t.term[1].len, "kinh_tế");
    vnt_terms_free(&t);
}

/* A URL too long to be a term is found by its runs, the first 64 of them. */
static void test_long_codes(void)
{
    char url[400] = "https://dantri.com.vn/";
    while (strlen(url) < 300)
        strcat(url, "tin-tuc/"); /* 70 more runs */
    vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_BOTH, 0, NULL, 0};
    vnt_terms t = {0};
    CHECK(vnt_search_terms(url, strlen(url), &o, &t) == VNT_OK);
    /* https dantri com vn tin tuc …: no term for the whole URL, each run
     * with its own bytes */
    CHECK(t.n == 64 && /* 74 runs, the first 64 */ !strcmp(t.text + t.term[1].off, "dantri") &&
          t.term[1].start == 8 && t.term[1].end == 14 && !(t.term[0].flags & VNT_TERM_ALT) &&
          t.n_pos == 64);
    vnt_terms_free(&t);
}

static void test_offsets(void)
{
    const char *s =
        "  Chủ tịch UBND TP.HCM, ông Nguyễn Văn A; 8h30 ngày 26/1 – 12,5% https://dantri.com.vn/x";
    vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_BOTH, 0, NULL, 0};
    vnt_terms t = {0};
    CHECK(vnt_search_terms(s, strlen(s), &o, &t) == VNT_OK);
    uint32_t prev = 0;
    for (size_t i = 0; i < t.n; i++) {
        const vnt_term *x = &t.term[i];
        CHECK(x->start < x->end && x->end <= strlen(s));
        CHECK(x->pos >= prev && x->pos <= prev + 1);
        CHECK(((x->flags & VNT_TERM_ALT) != 0) == (i > 0 && x->pos == prev));
        prev = x->pos;
        CHECK(strlen(t.text + x->off) == x->len);
    }
    CHECK(t.n_pos == 21); /* TP.HCM and 26/1: two positions each; 8h30 three; the URL five */
    vnt_terms_free(&t);
}

static void test_options(void)
{
    vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_BOTH, 0, NULL, 0};
    CHECK(vnt_search_option(&o, "accents", "fold") == VNT_OK && o.accents == VNT_ACCENTS_FOLD);
    CHECK(vnt_search_option(&o, "accents", "keep") == VNT_OK && o.accents == VNT_ACCENTS_KEEP);
    CHECK(vnt_search_option(&o, "compounds", "1") == VNT_OK && o.compounds == 1);
    CHECK(vnt_search_option(&o, "compounds", "off") == VNT_OK && o.compounds == 0);
    CHECK(vnt_search_option(&o, "accents", "x") == VNT_ERR_ARG);
    CHECK(vnt_search_option(&o, "nosuch", "1") == VNT_ERR_ARG);
    vnt_terms t = {0};
    CHECK(vnt_search_terms(NULL, 3, &o, &t) == VNT_ERR_ARG);
    o.accents = (vnt_accents)7;
    CHECK(vnt_search_terms("a", 1, &o, &t) == VNT_ERR_ARG);
    vnt_terms_free(&t);
}

static void test_odd_input(void)
{
    /* random bytes, invalid UTF-8, a long run: no crash, terms are valid UTF-8 */
    uint32_t x = 12345;
    char buf[4096];
    vnt_terms t = {0};
    for (int round = 0; round < 300; round++) {
        size_t n = (size_t)(round * 13) % sizeof buf;
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] =
                (char)(round % 3 ? (char)(x >> 16) : "a\xcc\x81 .-/1\xc4\x91\xff"[(x >> 16) % 11]);
        }
        CHECK(vnt_search_terms(buf, n, NULL, &t) == VNT_OK);
        for (size_t i = 0; i < t.n; i++) {
            CHECK(vnt_utf8_valid_prefix(t.text + t.term[i].off, t.term[i].len) == t.term[i].len);
            CHECK(t.term[i].end <= n);
        }
    }
    size_t big = 3u << 20;
    char *h = malloc(big);
    for (size_t i = 0; i < big; i++)
        h[i] = (i % 7 == 6) ? ' ' : "ngườ"[i % 7 < 4 ? i % 4 : 0];
    CHECK(vnt_search_terms(h, big, NULL, &t) == VNT_OK);
    memset(h, 'a', big);
    CHECK(vnt_search_terms(h, big, NULL, &t) == VNT_OK && t.n == 0); /* too long: dropped */
    free(h);
    vnt_terms_free(&t);
}

/* The key memo (reused between calls, cleared when full) never changes a
 * term: many distinct tokens through one reused vnt_terms give the same
 * terms as a fresh vnt_terms per call. */
static int same_terms(const vnt_terms *a, const vnt_terms *b)
{
    if (a->n != b->n || a->n_pos != b->n_pos) return 0;
    for (size_t i = 0; i < a->n; i++) {
        const vnt_term *x = &a->term[i], *y = &b->term[i];
        if (x->start != y->start || x->end != y->end || x->pos != y->pos || x->len != y->len ||
            x->flags != y->flags || memcmp(a->text + x->off, b->text + y->off, x->len))
            return 0;
    }
    return 1;
}

static void test_memo(void)
{
    static const char *const on[] = {"",   "b",  "c",  "ch",  "d",  "đ",
                                     "gh", "kh", "ng", "Ngh", "tr", "Qu"};
    static const char *const nu[] = {"a", "á", "oà", "uyê", "ươ", "ỗ", "ia", "Ữ", "ay", "ê"};
    static const char *const co[] = {"", "n", "ng", "nh", "c", "t", "p", "m"};
    char *text = malloc(1 << 16);
    uint32_t x = 7;
    vnt_terms reused = {0}, fresh = {0};
    vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_BOTH, 0, NULL, 0};
    for (int round = 0; round < 40; round++) {
        size_t len = 0;
        while (len + 64 < (1 << 16)) {
            x = x * 1664525u + 1013904223u;
            /* syllables, made-up words and numbers: over 10,000 distinct tokens */
            if ((x >> 28) < 3)
                len += (size_t)snprintf(text + len, 64, "%uzq%u ", x >> 20, x & 255);
            else
                len += (size_t)snprintf(text + len, 64, "%s%s%s ", on[(x >> 8) % 12],
                                        nu[(x >> 12) % 10], co[(x >> 16) % 8]);
        }
        CHECK(vnt_search_terms(text, len, &o, &reused) == VNT_OK);
        vnt_terms_free(&fresh);
        CHECK(vnt_search_terms(text, len, &o, &fresh) == VNT_OK);
        CHECK(same_terms(&reused, &fresh));
    }
    vnt_terms_free(&reused);
    vnt_terms_free(&fresh);
    free(text);
}

/* VNT_SEARCH_EXPAND: index syllables accented only; an accent-free query
 * word becomes all its accented spellings, so matches are those of the
 * default (both forms indexed). */
static int has_term(const vnt_terms *t, const char *s, size_t n)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->term[i].len == n && !memcmp(t->text + t->term[i].off, s, n)) return 1;
    return 0;
}

static void test_expand(void)
{
    const unsigned X = VNT_SEARCH_EXPAND, Q = VNT_SEARCH_QUERY | VNT_SEARCH_EXPAND;
    EXPECT(dump("Hoà bình café", X, VNT_ACCENTS_BOTH, NULL), "hòa@0 bình@1 café@2 +cafe@2");
    EXPECT(dump("Hoà bình", Q, VNT_ACCENTS_BOTH, NULL), "hòa@0 bình@1"); /* accented: exact */
    EXPECT(dump("Covid-19", Q, VNT_ACCENTS_BOTH, NULL), "covid@0 19@1");
    /* accent-free: itself first, then accented spellings, all at its position */
    const char *d = dump("duong", Q, VNT_ACCENTS_BOTH, NULL);
    CHECK(!strncmp(d, "duong@0 +", 9));
    CHECK(strstr(d, "+đường@0") && strstr(d, "+dương@0") && strstr(d, "+dưỡng@0"));
    CHECK(!strstr(d, "@1"));
    /* "uu" is no rhyme, but hữu is a syllable */
    CHECK(strstr(dump("huu", Q, VNT_ACCENTS_BOTH, NULL), "+hữu@0") != NULL);
    /* a prefix: accented prefixes of any syllable, flagged as prefixes */
    d = dump("Lai chu", Q | VNT_SEARCH_PREFIX, VNT_ACCENTS_BOTH, NULL);
    CHECK(strstr(d, "+chư@1*") && strstr(d, "+chú@1*") && strstr(d, "chu@1*"));
    /* five vowels is no syllable: no expansion */
    EXPECT(dump("oaoao", Q, VNT_ACCENTS_BOTH, NULL), "oaoao@0");

    /* completeness: the accented key of every syllable of the tone table and
     * the samples is among the expansions of its accent-free form */
    static const char *const files[] = {"tests/golden/tone-styles.tsv", "samples/bai-bao.txt",
                                        "samples/ban-tin.txt"};
    vnt_search_opts ko = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_KEEP, 0, NULL, 0};
    vnt_search_opts qo = {VNT_SEARCH_OPTS_VERSION, VNT_ACCENTS_BOTH, 0, NULL, Q};
    vnt_terms keys = {0}, q = {0};
    size_t checked = 0, missing = 0;
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        size_t len;
        char *text = test_read_file(files[f], &len);
        CHECK(text != NULL);
        if (!text) continue;
        CHECK(vnt_search_terms(text, len, &ko, &keys) == VNT_OK);
        for (size_t i = 0; i < keys.n; i++) {
            const vnt_term *k = &keys.term[i];
            const char *ks = keys.text + k->off;
            char fold[VNT_TERM_MAX + 8];
            size_t fl = vnt_strip_diacritics(ks, k->len, fold, sizeof fold);
            if (k->type != VNT_TOK_SYLLABLE || (fl == k->len && !memcmp(fold, ks, fl))) continue;
            CHECK(vnt_search_terms(fold, fl, &qo, &q) == VNT_OK);
            checked++;
            if (!has_term(&q, ks, k->len) && missing++ < 5)
                fprintf(stderr, "  %s: not among the expansions of %.*s\n", ks, (int)fl, fold);
        }
        free(text);
    }
    CHECK(checked > 2000);
    CHECK(missing == 0);
    vnt_terms_free(&keys);
    vnt_terms_free(&q);
}

int main(void)
{
    RUN(test_accents_both);
    RUN(test_i_y);
    RUN(test_accents_fold_keep);
    RUN(test_query_mode);
    RUN(test_numbers_codes);
    RUN(test_compounds);
    RUN(test_word_mode);
    RUN(test_long_codes);
    RUN(test_offsets);
    RUN(test_options);
    RUN(test_odd_input);
    RUN(test_memo);
    RUN(test_expand);
    TEST_END();
}
