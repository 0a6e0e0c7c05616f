/* Segmentation and tagging with the committed model: examples, offsets back
 * into the original input, case robustness, a shared model across threads,
 * and the evaluation on UD VTB / TueCL test (when ../shared is present). */
#include "test.h"
#include "vntext.h"

#include <pthread.h>

static vnt_model *model;

static int load(void)
{
    if (model) return 1;
    char msg[256];
    return vnt_model_open("models/vntext.model", &model, msg, sizeof msg) == VNT_OK;
}

/* "w1|w2|..." with the words' original bytes, syllables joined by ' ' */
static void words_of(const char *s, const vnt_doc *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < d->n_words && o + 1 < cap; i++) {
        const vnt_word *w = &d->words[i];
        o += (size_t)snprintf(out + o, cap - o, "%s%.*s", i ? "|" : "", (int)(w->end - w->start),
                              s + w->start);
    }
}

static int has_word(const char *list, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = list; (p = strstr(p, w)) != NULL; p++)
        if ((p == list || p[-1] == '|') && (p[n] == '|' || p[n] == 0)) return 1;
    return 0;
}

static void test_examples(void)
{
    if (!load()) SKIP("models/vntext.model not found (run from the project root)");
    static const char t[] = "Hà Nội là thủ đô của nước Cộng hòa Xã hội chủ nghĩa Việt Nam.";
    vnt_doc d = {0};
    char w[1024];
    CHECK(vnt_analyze(model, t, sizeof t - 1, 0, &d) == VNT_OK);
    words_of(t, &d, w, sizeof w);
    CHECK(has_word(w, "Hà Nội") && has_word(w, "thủ đô") && has_word(w, "Việt Nam") &&
          has_word(w, "chủ nghĩa"));
    CHECK(d.n_words > 0 && d.words[d.n_words - 1].upos == VNT_UPOS_PUNCT);
    for (size_t i = 0; i < d.n_words; i++)
        if (d.words[i].end - d.words[i].start == 3 && !memcmp(t + d.words[i].start, "của", 3))
            CHECK(d.words[i].upos == VNT_UPOS_ADP);
    /* segment only */
    CHECK(vnt_analyze(model, t, sizeof t - 1, VNT_ANALYZE_NO_TAG, &d) == VNT_OK);
    for (size_t i = 0; i < d.n_words; i++)
        CHECK(d.words[i].upos == VNT_UPOS_X);
    /* empty and whitespace input */
    CHECK(vnt_analyze(model, "", 0, 0, &d) == VNT_OK && d.n_words == 0 && d.sentences.n == 0);
    CHECK(vnt_analyze(model, " \n\t ", 4, 0, &d) == VNT_OK && d.n_words == 0);
    CHECK(vnt_analyze(model, NULL, 0, 0, &d) == VNT_OK && d.n_words == 0);
    CHECK(vnt_analyze(NULL, t, 1, 0, &d) == VNT_ERR_ARG);
    CHECK(vnt_analyze(model, t, 1, 1u << 20, &d) == VNT_ERR_ARG);
    vnt_doc_free(&d);
    CHECK(!strcmp(vnt_upos_name(VNT_UPOS_NOUN), "NOUN") &&
          vnt_upos_from_name("VERB") == VNT_UPOS_VERB);
    CHECK(!strcmp(vnt_upos_name((vnt_upos)99), "X") && vnt_upos_from_name("nope") == VNT_UPOS_X);
}

/* Every word is its tokens' span; words tile the tokens and sentences. */
static void check_structure(const char *s, size_t n, const vnt_doc *d)
{
    size_t next_tok = 0;
    for (size_t si = 0; si < d->sentences.n; si++) {
        const vnt_sentence *se = &d->sentences.sent[si];
        CHECK(d->sent_words[si] <= d->sent_words[si + 1]);
        for (size_t wi = d->sent_words[si]; wi < d->sent_words[si + 1]; wi++) {
            const vnt_word *w = &d->words[wi];
            CHECK(w->tok_begin == next_tok && w->tok_end > w->tok_begin);
            CHECK(w->tok_begin >= se->tok_begin && w->tok_end <= se->tok_end);
            CHECK(w->start == d->tokens.tok[w->tok_begin].start &&
                  w->end == d->tokens.tok[w->tok_end - 1].end);
            CHECK(w->start < w->end && w->end <= n);
            next_tok = w->tok_end;
        }
    }
    CHECK(next_tok == d->tokens.n);
    CHECK(d->sent_words[d->sentences.n] == d->n_words);
    (void)s;
}

static const char sample[] =
    "Năm 2020, Vinamilk đã vượt qua các thương hiệu trong và ngoài nước để dẫn đầu Top 10.\n"
    "Ông Trần Văn Nam, Chủ tịch UBND tỉnh Lai Châu, cho biết ngày 26/1/2022 có 1.250 hộ dân được "
    "hỗ trợ.\n"
    "Theo https://dantri.com.vn, giá xăng tăng 12,5% ; liên hệ ten@example.vn …\n"
    "Nhà\xCC\x81 (NFD) và Ðà Nẵng, hoà bình, hòa bình\xE2\x80\x8B!\n"
    "\xFF\xFE broken \xE1\xBB bytes\n";

static void test_offsets_round_trip(void)
{
    if (!load()) SKIP("models/vntext.model not found (run from the project root)");
    vnt_doc d = {0};
    CHECK(vnt_analyze(model, sample, sizeof sample - 1, 0, &d) == VNT_OK);
    check_structure(sample, sizeof sample - 1, &d);
    /* the original bytes of each token are the input slice: nothing copied */
    for (size_t i = 0; i < d.tokens.n; i++)
        CHECK(d.tokens.tok[i].end <= sizeof sample - 1);
    /* the news corpus, a slice of it */
    const char *p = test_shared("data/news/unc_dantri_2020_2021.txt");
    if (p) {
        size_t len;
        char *news = test_read_file(p, &len);
        if (news) {
            if (len > 300000) len = 300000;
            CHECK(vnt_analyze(model, news, len, 0, &d) == VNT_OK);
            check_structure(news, len, &d);
            free(news);
        }
    }
    vnt_doc_free(&d);
}

/* word boundaries as token-index pairs, for comparing case variants */
static size_t bounds(const vnt_doc *d, size_t *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < d->n_words && k < cap; i++)
        out[k++] = d->words[i].tok_begin;
    return k;
}

static void test_case_variants(void)
{
    if (!load()) SKIP("models/vntext.model not found (run from the project root)");
    static const char *const v[][3] = {{"Hà Nội là thủ đô của Việt Nam.",
                                        "hà nội là thủ đô của việt nam.",
                                        "HÀ NỘI LÀ THỦ ĐÔ CỦA VIỆT NAM."},
                                       {"Chính phủ đã ban hành nghị định mới về giáo dục.",
                                        "chính phủ đã ban hành nghị định mới về giáo dục.",
                                        "CHÍNH PHỦ ĐÃ BAN HÀNH NGHỊ ĐỊNH MỚI VỀ GIÁO DỤC."},
                                       {"Các doanh nghiệp xuất khẩu gạo gặp nhiều khó khăn.",
                                        "các doanh nghiệp xuất khẩu gạo gặp nhiều khó khăn.",
                                        "CÁC DOANH NGHIỆP XUẤT KHẨU GẠO GẶP NHIỀU KHÓ KHĂN."}};
    vnt_doc d = {0};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        size_t ref[64], got[64], nr, ng;
        CHECK(vnt_analyze(model, v[i][0], strlen(v[i][0]), 0, &d) == VNT_OK);
        nr = bounds(&d, ref, 64);
        for (int c = 1; c < 3; c++) {
            CHECK(vnt_analyze(model, v[i][c], strlen(v[i][c]), 0, &d) == VNT_OK);
            ng = bounds(&d, got, 64);
            CHECK(ng == nr && !memcmp(ref, got, nr * sizeof *ref));
            if (ng != nr || memcmp(ref, got, nr * sizeof *ref))
                printf("  case variant differs: %s\n", v[i][c]);
        }
    }
    vnt_doc_free(&d);
}

/* ------------------------------------------------------------- threads */

typedef struct tjob {
    const char *text;
    size_t len;
    uint64_t digest;
    int ok;
} tjob;

static uint64_t digest_doc(const vnt_doc *d)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < d->n_words; i++) {
        h = (h ^ d->words[i].start) * 1099511628211ull;
        h = (h ^ d->words[i].end) * 1099511628211ull;
        h = (h ^ (uint64_t)d->words[i].upos) * 1099511628211ull;
    }
    return h;
}

static void *tmain(void *arg)
{
    tjob *j = arg;
    vnt_doc d = {0};
    /* line by line, reusing the document */
    uint64_t h = 0;
    size_t a = 0;
    j->ok = 1;
    while (a < j->len) {
        size_t b = a;
        while (b < j->len && j->text[b] != '\n')
            b++;
        if (vnt_analyze(model, j->text + a, b - a, 0, &d) != VNT_OK) j->ok = 0;
        h = h * 31 + digest_doc(&d);
        a = b + 1;
    }
    vnt_doc_free(&d);
    j->digest = h;
    return NULL;
}

static void test_threads(void)
{
    if (!load()) SKIP("models/vntext.model not found (run from the project root)");
    const char *p = test_shared("data/news/unc_dantri_2020_2021.txt");
    size_t len = sizeof sample - 1;
    char *news = p ? test_read_file(p, &len) : NULL;
    const char *text = news ? news : sample;
    if (len > 400000) len = 400000;
    tjob ref = {text, len, 0, 0};
    tmain(&ref);
    CHECK(ref.ok);
    enum { NT = 4 };
    tjob jobs[NT];
    pthread_t th[NT];
    for (int i = 0; i < NT; i++) {
        jobs[i] = (tjob){text, len, 0, 0};
        CHECK(pthread_create(&th[i], NULL, tmain, &jobs[i]) == 0);
    }
    for (int i = 0; i < NT; i++) {
        pthread_join(th[i], NULL);
        CHECK(jobs[i].ok && jobs[i].digest == ref.digest);
    }
    free(news);
}

/* ---------------------------------------------------------- evaluation */

static void eval_file(const char *rel, double min_f1, double min_acc)
{
    const char *p = test_shared(rel);
    if (!p) SKIP("../shared data absent");
    size_t n;
    char *d = test_read_file(p, &n);
    if (!d) SKIP("cannot read gold file");
    vnt_eval_result r;
    CHECK(vnt_eval(model, d, n, &r) == VNT_OK);
    printf("  %s: words F1 %.2f (P %.2f R %.2f); UPOS F1 %.2f raw; UPOS accuracy %.2f gold words\n",
           rel, r.word_f1, r.word_p, r.word_r, r.upos_f1, r.upos_acc);
    CHECK(r.word_f1 >= min_f1);
    CHECK(r.upos_acc >= min_acc);
    free(d);
}

static void test_eval_vtb_test(void)
{
    if (!load()) SKIP("models/vntext.model not found (run from the project root)");
    /* the acceptance bars; the default model scores 96.09 / 90.13 */
    eval_file("data/ud-vi-vtb/vi_vtb-ud-test.conllu", 95.0, 90.0);
}

static void test_eval_tuecl(void)
{
    if (!load()) SKIP("models/vntext.model not found (run from the project root)");
    /* regression floors: the default model scores 90.80 / 80.03 */
    eval_file("data/ud-vi-tuecl/vi_tuecl-ud-test.conllu", 88.0, 78.0);
}

int main(void)
{
    RUN(test_examples);
    RUN(test_offsets_round_trip);
    RUN(test_case_variants);
    RUN(test_threads);
    RUN(test_eval_vtb_test);
    RUN(test_eval_tuecl);
    vnt_model_free(model);
    TEST_END();
}
