/* vntext analyze (issue 4): the seed article's acceptance list, facts and
 * entities on hand-written sentences, byte accounting on every news article. */
#include "test.h"
#include "vntext.h"

static vnt_model *model(void)
{
    vnt_model *m = NULL;
    char msg[128];
    if (vnt_model_open("models/vntext.model", &m, msg, sizeof msg) != VNT_OK) return NULL;
    return m;
}

static int run(const char *s, const char *date, const vnt_model *m, vnt_article *a)
{
    vnt_article_opts o = {VNT_ARTICLE_OPTS_VERSION, date, m, NULL, 0, 0, NULL, 0};
    return vnt_article_analyze(s, strlen(s), &o, a) == VNT_OK;
}

static const vnt_value *find_val(const vnt_article *a, const char *s, vnt_value_kind k,
                                 const char *text)
{
    for (size_t i = 0; i < a->n_values; i++)
        if (a->values[i].kind == k && a->values[i].end - a->values[i].start >= strlen(text) &&
            strstr(s + a->values[i].start, text) ==
                s + a->values[i].start + (a->values[i].end - a->values[i].start - strlen(text)))
            return &a->values[i];
    return NULL;
}

static const vnt_entity *find_ent(const vnt_article *a, const char *s, vnt_entity_type t,
                                  const char *text)
{
    size_t n = strlen(text);
    for (size_t i = 0; i < a->n_entities; i++)
        if (a->entities[i].type == t && a->entities[i].end - a->entities[i].start == n &&
            !memcmp(s + a->entities[i].start, text, n))
            return &a->entities[i];
    return NULL;
}

static int accounted(const char *s, size_t n, const vnt_article *a)
{
    size_t pos = 0;
    for (size_t i = 0; i < a->n_blocks; i++) {
        const vnt_block *b = &a->blocks[i];
        if (b->start < pos || b->end <= b->start || b->end > n) return 0;
        for (size_t k = pos; k < b->start; k++)
            if (!strchr(" \t\r\n\f\v", s[k])) return 0;
        pos = b->end;
    }
    for (size_t k = pos; k < n; k++)
        if (!strchr(" \t\r\n\f\v", s[k])) return 0;
    return 1;
}

static void test_seed_article(void)
{
    const char *p = test_shared("examples/seed-article-ndo-laichau.txt");
    if (!p) SKIP("../shared/examples/seed-article-ndo-laichau.txt is absent");
    size_t n;
    char *s = test_read_file(p, &n);
    vnt_model *m = model();
    vnt_article a;
    memset(&a, 0, sizeof a);
    CHECK(run(s, NULL, m, &a));
    CHECK(accounted(s, n, &a));
    CHECK(a.n_blocks && a.blocks[0].kind == VNT_BLOCK_TITLE);
    CHECK_STR(s + a.blocks[0].start, a.blocks[0].end - a.blocks[0].start,
              "Ban Kinh tế Trung ương làm việc tại Lai Châu");
    CHECK(a.n_blocks > 1 && a.blocks[1].kind == VNT_BLOCK_SOURCE);
    CHECK_STR(s + a.blocks[1].start, a.blocks[1].end - a.blocks[1].start, "NDO -");
    CHECK(!strcmp(a.date, "2022-01-26"));
    const vnt_value *v = find_val(&a, s, VNT_VAL_DATE, "26/1");
    CHECK(v && !strcmp(v->iso, "2022-01-26") && v->part_of_day &&
          !strcmp(v->part_of_day, "morning"));
    v = find_val(&a, s, VNT_VAL_MONEY, "250 triệu đồng");
    CHECK(v && v->value == 250000000 && !strcmp(v->unit, "VND"));
    v = find_val(&a, s, VNT_VAL_QUANTITY, "200 suất quà");
    CHECK(v && v->value == 200 && !strcmp(v->unit, "suất quà"));
    const vnt_entity *e = find_ent(&a, s, VNT_ENT_PER, "Trần Tuấn Anh");
    CHECK(e && e->n_titles == 2);
    if (e && e->n_titles == 2) {
        const vnt_span *t = &a.titles[e->title_begin];
        CHECK_STR(s + t[0].start, t[0].end - t[0].start, "Ủy viên Bộ Chính trị");
        CHECK_STR(s + t[1].start, t[1].end - t[1].start, "Trưởng Ban Kinh tế Trung ương");
        CHECK_STR(s + e->honorific.start, e->honorific.end - e->honorific.start, "đồng chí");
    }
    /* "đồng chí Trưởng ban Kinh tế Trung ương" later on: a title-only
     * mention of the same person, linked to the first mention */
    {
        long first = e ? (long)(e - a.entities) : -2;
        int linked = 0, named = 0;
        const char *mt = "Trưởng ban Kinh tế Trung ương";
        for (size_t i = 0; i < a.n_entities; i++) {
            const vnt_entity *x = &a.entities[i];
            if (x->type != VNT_ENT_PER) continue;
            if (x->nominal && x->end - x->start == strlen(mt) &&
                !memcmp(s + x->start, mt, strlen(mt)) && x->ref == first &&
                x->honorific.end > x->honorific.start)
                linked++;
            if (!x->nominal && (long)i != first && x->ref != first) named++;
        }
        CHECK(linked >= 2);
        CHECK(named == 0); /* the second "Trần Tuấn Anh" points to the first too */
    }
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Ban Thường vụ Tỉnh ủy Lai Châu"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Liên đoàn Lao động tỉnh Lai Châu"));
    e = find_ent(&a, s, VNT_ENT_LOC, "Lai Châu");
    CHECK(e && e->level && !strcmp(e->level, "province") && e->province &&
          !strcmp(e->province, "Lai Châu"));
    e = find_ent(&a, s, VNT_ENT_LOC, "Ma Lù Thàng");
    CHECK(e && e->level && !strcmp(e->level, "border_gate"));
    e = find_ent(&a, s, VNT_ENT_LOC, "Kim Thủy Hà");
    CHECK(e && e->level && !strcmp(e->level, "border_gate"));
    e = find_ent(&a, s, VNT_ENT_LOC, "Trung Quốc");
    CHECK(e && e->level && !strcmp(e->level, "country"));
    CHECK(find_ent(&a, s, VNT_ENT_MISC, "Tết sum vầy - Xuân bình an"));
    int dup = 0, alt = 0;
    for (size_t i = 0; i < a.n_blocks; i++)
        if (a.blocks[i].kind == VNT_BLOCK_REMOVED) {
            const vnt_block *b = &a.blocks[i];
            if (!strcmp(b->reason, "duplicate") && b->end - b->start > 20 &&
                !memcmp(s + b->start, "Trưởng Ban Kinh tế trung ương thăm", 20))
                dup = 1;
            if (!strcmp(b->reason, "alt-text") && s[b->end - 1] == '0') alt = 1;
        }
    CHECK(dup && alt);
    vnt_text j;
    memset(&j, 0, sizeof j);
    CHECK(vnt_article_json(&a, s, n, "seed", NULL, NULL, 0, &j) == VNT_OK && j.len > 100);
    vnt_text_free(&j);
    vnt_article_free(&a);
    vnt_model_free(m);
    free(s);
}

static void test_facts(void)
{
    vnt_article a;
    memset(&a, 0, sizeof a);
    const char *s = "Tiêu đề\n\nChiều 5/3, công ty chi 1,5 tỷ USD và 700.000 đồng; giá 55,4 - 55,8 "
                    "triệu đồng/lượng. "
                    "Hôm qua có 12,5% người dân, 3 tuần và 14 ngày cách ly, lúc 8h30 năm "
                    "2020-2025, âm 140 độ C.";
    CHECK(run(s, "2021-04-29", NULL, &a));
    const vnt_value *v = find_val(&a, s, VNT_VAL_DATE, "5/3");
    CHECK(v && !strcmp(v->iso, "2021-03-05") && v->part_of_day &&
          !strcmp(v->part_of_day, "afternoon"));
    CHECK((v = find_val(&a, s, VNT_VAL_MONEY, "1,5 tỷ USD")) && v->value == 1.5e9 &&
          !strcmp(v->unit, "USD"));
    CHECK((v = find_val(&a, s, VNT_VAL_MONEY, "700.000 đồng")) && v->value == 700000);
    CHECK((v = find_val(&a, s, VNT_VAL_MONEY, "55,4")) && v->value == 55400000 &&
          !strcmp(v->unit, "VND"));
    CHECK((v = find_val(&a, s, VNT_VAL_DATE, "Hôm qua")) && !strcmp(v->iso, "2021-04-28") &&
          v->relative);
    CHECK((v = find_val(&a, s, VNT_VAL_PERCENT, "12,5%")) && v->value == 12.5);
    CHECK((v = find_val(&a, s, VNT_VAL_DURATION, "14 ngày")) && v->value == 14 &&
          !strcmp(v->unit, "day"));
    CHECK((v = find_val(&a, s, VNT_VAL_TIME, "8h30")) && !strcmp(v->iso, "08:30"));
    CHECK((v = find_val(&a, s, VNT_VAL_DATE, "2020-2025")) && !strcmp(v->iso, "2020/2025"));
    CHECK((v = find_val(&a, s, VNT_VAL_QUANTITY, "140 độ C.")) && v->value == -140);
    vnt_article_free(&a);
}

static void test_entities(void)
{
    vnt_article a;
    memset(&a, 0, sizeof a);
    const char *s = "Tin\n\nSáng nay, ông Nguyễn Văn An, Chủ tịch UBND tỉnh Thanh Hóa, làm việc "
                    "tại huyện Ba Vì với "
                    "Tổng thống Donald Trump. Ông An cho biết Bộ Y tế đã đến Nhật Bản. "
                    "Chủ tịch UBND tỉnh Thanh Hóa nói thêm. Đồng chí Trần Tuấn Anh, Trưởng "
                    "Ban Kinh tế Trung ương đến. Đồng chí Trưởng ban đề nghị. Ông Anh nói. "
                    "Theo Viện nghiên cứu Scripps, anh được đưa tới Bệnh viện Nguyễn Tri "
                    "Phương. PV Dân Trí ghi nhận HA Gia Lai thắng tại Sân bay Quốc tế Đà Nẵng.";
    CHECK(run(s, "2021-04-29", NULL, &a));
    const vnt_entity *e = find_ent(&a, s, VNT_ENT_PER, "Nguyễn Văn An");
    CHECK(e && e->n_titles == 1 && e->honorific.end > e->honorific.start);
    e = find_ent(&a, s, VNT_ENT_ORG, "UBND tỉnh Thanh Hóa");
    CHECK(e && e->location.end > e->location.start);
    e = find_ent(&a, s, VNT_ENT_LOC, "Ba Vì");
    CHECK(e && e->level && !strcmp(e->level, "district") && e->province &&
          !strcmp(e->province, "Hà Nội"));
    CHECK(find_ent(&a, s, VNT_ENT_PER, "Donald Trump"));
    e = find_ent(&a, s, VNT_ENT_PER, "An");
    CHECK(e && e->ref >= 0);
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Bộ Y tế"));
    e = find_ent(&a, s, VNT_ENT_LOC, "Nhật Bản");
    CHECK(e && e->level && !strcmp(e->level, "country"));
    /* title-only and given-name mentions point to the person */
    const vnt_entity *an = find_ent(&a, s, VNT_ENT_PER, "Nguyễn Văn An");
    const vnt_entity *ta = find_ent(&a, s, VNT_ENT_PER, "Trần Tuấn Anh");
    e = find_ent(&a, s, VNT_ENT_PER, "Chủ tịch UBND tỉnh Thanh Hóa");
    CHECK(an && e && e->nominal && e->ref == an - a.entities);
    e = find_ent(&a, s, VNT_ENT_PER, "Trưởng ban");
    CHECK(ta && e && e->nominal && e->ref == ta - a.entities);
    CHECK(!find_ent(&a, s, VNT_ENT_ORG, "ban"));
    e = find_ent(&a, s, VNT_ENT_PER, "Anh");
    CHECK(ta && e && !e->nominal && e->ref == ta - a.entities);
    CHECK(!find_ent(&a, s, VNT_ENT_LOC, "Anh"));
    /* organisation names: head + domain words + name, named after a person,
     * the reporter's paper, a sponsor's club; a facility is a place */
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Viện nghiên cứu Scripps"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Bệnh viện Nguyễn Tri Phương"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Dân Trí"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "HA Gia Lai"));
    CHECK(find_ent(&a, s, VNT_ENT_LOC, "Sân bay Quốc tế Đà Nẵng"));
    vnt_article_free(&a);
}

/* A foreign Title Case name is a person only with person evidence; media,
 * institutions and clubs are organisations. */
static void test_foreign_names(void)
{
    vnt_article a;
    memset(&a, 0, sizeof a);
    const char *s = "Tin\n\nTheo trang tin Insider, hôm qua Liverpool thắng. Tờ Yonhap đưa tin. "
                    "Người mẫu Sofia Richie đến. Sau đó, Sofia cười. Anh học tại đại học "
                    "Nagoya. Trận đấu có Real Madrid. Sau đó, Messi ghi bàn. Đội bóng "
                    "của Barcelona thắng. Trận đấu của CLB Barcelona B diễn ra. Hai cầu "
                    "thủ Man Utd dự Champions League. Hãng bán iPhone 12 Pro Max. Công ty "
                    "Bia Hà Nội (Habeco) lãi lớn. Habeco cho biết sẽ chia cổ tức. Anh sống "
                    "tại Đài Loan và làm việc ở Hội An.";
    CHECK(run(s, "2021-04-29", NULL, &a));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Insider"));
    CHECK(!find_ent(&a, s, VNT_ENT_PER, "Liverpool"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Yonhap"));
    CHECK(find_ent(&a, s, VNT_ENT_PER, "Sofia Richie"));
    CHECK(find_ent(&a, s, VNT_ENT_PER, "Sofia"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Nagoya"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Real Madrid"));
    CHECK(find_ent(&a, s, VNT_ENT_PER, "Messi"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Barcelona"));
    CHECK(!find_ent(&a, s, VNT_ENT_LOC, "Barcelona"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Man Utd"));
    CHECK(find_ent(&a, s, VNT_ENT_MISC, "Champions League"));
    CHECK(!find_ent(&a, s, VNT_ENT_PER, "Pro Max"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Habeco"));
    CHECK(!find_ent(&a, s, VNT_ENT_PER, "Habeco"));
    CHECK(find_ent(&a, s, VNT_ENT_LOC, "Đài Loan"));
    CHECK(find_ent(&a, s, VNT_ENT_LOC, "Hội An"));
    vnt_article_free(&a);
}

/* Sanitizer builds analyse every 8th article (why: ~30 s under ASan for all
 * 2,653); the release run checks every one. */
#if defined(__SANITIZE_ADDRESS__)
#define NEWS_STRIDE 8
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NEWS_STRIDE 8
#endif
#endif
#ifndef NEWS_STRIDE
#define NEWS_STRIDE 1
#endif

static void test_every_news_article(void)
{
    const char *p = test_shared("data/news/unc_dantri_2020_2021.txt");
    if (!p) SKIP("../shared/data/news is absent");
    size_t n;
    char *s = test_read_file(p, &n);
    vnt_article a;
    memset(&a, 0, sizeof a);
    vnt_text j;
    memset(&j, 0, sizeof j);
    size_t docs = 0, bad = 0;
    char *q = s;
    while ((q = strstr(q, "# doc_id = ")) != NULL) {
        char *body = q;
        for (int h = 0; h < 3 && body; h++) {
            body = strchr(body, '\n');
            if (body) body++;
        }
        if (!body) break;
        char *next = strstr(body, "\n# doc_id = ");
        size_t len = next ? (size_t)(next + 1 - body) : (size_t)(s + n - body);
        vnt_article_opts o = {VNT_ARTICLE_OPTS_VERSION, NULL, NULL, NULL, 0, 0, NULL, 0};
        if (docs % NEWS_STRIDE == 0 &&
            (vnt_article_analyze(body, len, &o, &a) != VNT_OK || !accounted(body, len, &a) ||
             vnt_article_json(&a, body, len, NULL, NULL, &o, 0, &j) != VNT_OK))
            bad++;
        docs++;
        q = body + len;
    }
    CHECK(docs == 2653);
    CHECK(bad == 0);
    vnt_text_free(&j);
    vnt_article_free(&a);
    free(s);
}

static void test_garbage(void)
{
    vnt_article a;
    memset(&a, 0, sizeof a);
    const char *cases[] = {
        "", "\n\n\n", "(", "- -0\n-0", "\xff\xfe 26/13/99999 999999999999999 tỷ đồng", "NDO -"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK(vnt_article_analyze(cases[i], strlen(cases[i]), NULL, &a) == VNT_OK);
        CHECK(accounted(cases[i], strlen(cases[i]), &a));
    }
    CHECK(vnt_article_analyze(NULL, 1, NULL, &a) == VNT_ERR_ARG);
    vnt_article_free(&a);
}

/* opts->orgs: a listed name is an organisation where a person was the guess */
static void test_org_names(void)
{
    const char *s =
        "Tin\n\nHôm qua, Bloomberg đưa tin ông Lee Kwang cho biết Samsung sẽ mở nhà máy.";
    const char orgs[] = "# test\nbloomberg\t3\nsamsung\t2\n";
    vnt_article a;
    memset(&a, 0, sizeof a);
    vnt_article_opts o = {VNT_ARTICLE_OPTS_VERSION, NULL, NULL, NULL, 0, 0, orgs, sizeof orgs - 1};
    CHECK(vnt_article_analyze(s, strlen(s), &o, &a) == VNT_OK);
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Bloomberg"));
    CHECK(find_ent(&a, s, VNT_ENT_ORG, "Samsung"));
    CHECK(find_ent(&a, s, VNT_ENT_PER, "Lee Kwang"));
    /* version 1 callers have no orgs field: the guess stays */
    o.version = 1;
    CHECK(vnt_article_analyze(s, strlen(s), &o, &a) == VNT_OK);
    CHECK(!find_ent(&a, s, VNT_ENT_ORG, "Bloomberg"));
    vnt_article_free(&a);
}

/* the vocabulary lists are searched by bisection: each must stay sorted */
/* The entity tagger: trained in-process on one labelled article it fits
 * that article; the model file it writes loads and keeps the base's
 * sections; the shipped model carries one; RULES_ONLY turns it off. */
static void test_tagger(void)
{
    vnt_model *base = model();
    if (!base) SKIP("models/vntext.model absent");
    const char *s = "Tin\n\nÔng Lê Minh Tuấn nói Alibaba và Công ty Sữa Việt Nam làm việc ở Kon "
                    "Tum. Alibaba mua Zorby. Lê Minh Tuấn đến Kon Tum.";
    static const char *const spans[] = {"Lê Minh Tuấn", "Alibaba", "Công ty Sữa Việt Nam",
                                        "Kon Tum",      "Alibaba", "Zorby",
                                        "Lê Minh Tuấn", "Kon Tum"};
    static const vnt_entity_type types[] = {VNT_ENT_PER, VNT_ENT_ORG, VNT_ENT_ORG, VNT_ENT_LOC,
                                            VNT_ENT_ORG, VNT_ENT_ORG, VNT_ENT_PER, VNT_ENT_LOC};
    vnt_entity_gold g[8];
    const char *p = s;
    for (int i = 0; i < 8; i++) {
        p = strstr(p, spans[i]);
        CHECK(p != NULL);
        if (!p) return;
        g[i] = (vnt_entity_gold){(size_t)(p - s), (size_t)(p - s) + strlen(spans[i]), types[i]};
        p += strlen(spans[i]);
    }
    vnt_entity_doc d = {s, strlen(s), NULL, strlen(s), g, 8};
    vnt_text out = {0};
    CHECK(vnt_train_entities(base, &d, 1, NULL, 20, 1, &out) == VNT_OK);
    vnt_model *m = NULL;
    CHECK(vnt_model_open_memory(out.data, out.len, &m, NULL, 0) == VNT_OK);
    vnt_article a;
    memset(&a, 0, sizeof a);
    if (m) {
        CHECK(run(s, NULL, m, &a));
        size_t names = 0;
        for (size_t i = 0; i < a.n_entities; i++)
            names += !a.entities[i].nominal;
        CHECK(names == 8);
        for (int i = 0; i < 8; i++)
            CHECK(find_ent(&a, s, types[i], spans[i]) != NULL);
        /* the repeat mention is linked to the first */
        const vnt_entity *z = find_ent(&a, s, VNT_ENT_ORG, "Alibaba");
        CHECK(z && a.entities[(z - a.entities) + 0].ref == -1);
        vnt_text info = {0};
        CHECK(vnt_model_info(m, &info) == VNT_OK && strstr(info.data, "entity tagger:") &&
              strstr(info.data, "segmenter:") && strstr(info.data, "tagger:"));
        vnt_text_free(&info);
        /* rules only: "Zorby" has no evidence for the rules */
        vnt_article r;
        memset(&r, 0, sizeof r);
        vnt_article_opts o = {VNT_ARTICLE_OPTS_VERSION, NULL, m, NULL, 0,
                              VNT_ARTICLE_RULES_ONLY,   NULL, 0};
        CHECK(vnt_article_analyze(s, strlen(s), &o, &r) == VNT_OK);
        CHECK(!find_ent(&r, s, VNT_ENT_ORG, "Zorby"));
        vnt_article_free(&r);
    }
    vnt_article_free(&a);
    vnt_model_free(m);
    vnt_text_free(&out);
    /* the shipped model has the tagger */
    vnt_text info = {0};
    CHECK(vnt_model_info(base, &info) == VNT_OK && strstr(info.data, "entity tagger:"));
    vnt_text_free(&info);
    vnt_model_free(base);
}

int vnt__an_lists_sorted(void);
static void test_lists_sorted(void)
{
    CHECK(vnt__an_lists_sorted());
}

int main(void)
{
    RUN(test_lists_sorted);
    RUN(test_org_names);
    RUN(test_seed_article);
    RUN(test_facts);
    RUN(test_entities);
    RUN(test_foreign_names);
    RUN(test_tagger);
    RUN(test_garbage);
    RUN(test_every_news_article);
    TEST_END();
}
