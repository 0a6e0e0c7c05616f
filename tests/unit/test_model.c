/* The model file: determinism, validation of every field, corruption
 * (every truncation, random byte flips) -> clean errors, never a crash. */
#include "test.h"
#include "vntext.h"

#include <unistd.h>

static const char tiny_conllu[] = "# text = Hà Nội là thủ đô .\n"
                                  "1\tHà Nội\t_\tPROPN\t_\t_\t_\t_\t_\t_\n"
                                  "2\tlà\t_\tAUX\t_\t_\t_\t_\t_\t_\n"
                                  "3\tthủ đô\t_\tNOUN\t_\t_\t_\t_\t_\t_\n"
                                  "4\t.\t_\tPUNCT\t_\t_\t_\t_\t_\t_\n"
                                  "\n"
                                  "# text = Tôi yêu Việt Nam !\n"
                                  "1\tTôi\t_\tPRON\t_\t_\t_\t_\t_\t_\n"
                                  "2\tyêu\t_\tVERB\t_\t_\t_\t_\t_\t_\n"
                                  "3\tViệt Nam\t_\tPROPN\t_\t_\t_\t_\t_\t_\n"
                                  "4\t!\t_\tPUNCT\t_\t_\t_\t_\t_\t_\n"
                                  "\n";

static char tmpdir[64];
static char conllu_path[128], lex_path[128];

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/vnt_test_model_%d", (int)getpid());
    mkdir(tmpdir, 0700);
    snprintf(conllu_path, sizeof conllu_path, "%s/tiny.conllu", tmpdir);
    snprintf(lex_path, sizeof lex_path, "word:%s/lex.txt", tmpdir);
    FILE *f = fopen(conllu_path, "wb");
    fputs(tiny_conllu, f);
    fclose(f);
    f = fopen(lex_path + 5, "wb");
    fputs("thủ đô\nViệt Nam\nHà Nội\n", f);
    fclose(f);
}

static void teardown(void)
{
    unlink(conllu_path);
    unlink(lex_path + 5);
    rmdir(tmpdir);
}

/* a small model: 2^10 segmenter weights, 2^8 tagger buckets */
static vnt_status train_tiny(vnt_text *out)
{
    const char *train[] = {conllu_path};
    const char *lex[] = {lex_path};
    vnt_train_opts o;
    memset(&o, 0, sizeof o);
    o.version = VNT_TRAIN_OPTS_VERSION;
    o.what = VNT_TRAIN_SEGMENT | VNT_TRAIN_TAG;
    o.train = train;
    o.n_train = 1;
    o.lexicons = lex;
    o.n_lexicons = 1;
    o.seg_bits = 10;
    o.tag_bits = 8;
    o.epochs_segment = o.epochs_tag = 3;
    o.seed = 7;
    o.meta = "licence=test\n";
    return vnt_train(&o, out);
}

static vnt_text tiny;

static void test_train_deterministic(void)
{
    vnt_text again = {0};
    CHECK(train_tiny(&tiny) == VNT_OK);
    CHECK(train_tiny(&again) == VNT_OK);
    CHECK(tiny.len > 0 && tiny.len == again.len && memcmp(tiny.data, again.data, tiny.len) == 0);
    vnt_text_free(&again);
    vnt_model *m = NULL;
    char msg[256];
    CHECK(vnt_model_open_memory(tiny.data, tiny.len, &m, msg, sizeof msg) == VNT_OK);
    char v[64];
    CHECK(vnt_model_meta(m, "licence", v, sizeof v) == 4 && !strcmp(v, "test"));
    CHECK(vnt_model_meta(m, "nosuch", v, sizeof v) == 0);
    vnt_text info = {0};
    CHECK(vnt_model_info(m, &info) == VNT_OK && strstr(info.data, "licence=test") &&
          strstr(info.data, "tagger"));
    vnt_text_free(&info);
    vnt_doc d = {0};
    CHECK(vnt_analyze(m, "Hà Nội là thủ đô.", strlen("Hà Nội là thủ đô."), 0, &d) == VNT_OK);
    CHECK(d.n_words >= 3);
    vnt_doc_free(&d);
    vnt_model_free(m);
}

/* bitwise CRC-32, independent of the library's */
static uint32_t crc32_ref(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
    }
    return ~c;
}
static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void test_messages(void)
{
    if (!tiny.len) SKIP("no tiny model");
    unsigned char *b = malloc(tiny.len);
    vnt_model *m = NULL;
    char msg[256];
    /* another format version, with a valid header CRC: named as such */
    memcpy(b, tiny.data, tiny.len);
    put32(b + 8, 2);
    put32(b + 60, crc32_ref(b, 60));
    CHECK(vnt_model_open_memory(b, tiny.len, &m, msg, sizeof msg) == VNT_ERR_MODEL && !m);
    CHECK(strstr(msg, "found 2, expected 1") != NULL);
    /* bad magic */
    memcpy(b, tiny.data, tiny.len);
    b[0] = 'X';
    CHECK(vnt_model_open_memory(b, tiny.len, &m, msg, sizeof msg) == VNT_ERR_MODEL &&
          strstr(msg, "magic"));
    /* a section byte: its CRC */
    memcpy(b, tiny.data, tiny.len);
    b[tiny.len - 1] ^= 0x40;
    CHECK(vnt_model_open_memory(b, tiny.len, &m, msg, sizeof msg) == VNT_ERR_MODEL &&
          strstr(msg, "CRC"));
    /* NULL message buffer is fine */
    CHECK(vnt_model_open_memory(b, tiny.len, &m, NULL, 0) == VNT_ERR_MODEL);
    CHECK(vnt_model_open_memory(NULL, 0, &m, msg, sizeof msg) == VNT_ERR_MODEL);
    CHECK(vnt_model_open("/nonexistent/x.model", &m, msg, sizeof msg) == VNT_ERR_IO);
    CHECK(vnt_model_open_memory(b, tiny.len, NULL, msg, sizeof msg) == VNT_ERR_ARG);
    free(b);
}

static void test_truncations(void)
{
    if (!tiny.len) SKIP("no tiny model");
    for (size_t k = 0; k < tiny.len; k++) {
        vnt_model *m = NULL;
        char msg[256] = "";
        vnt_status st = vnt_model_open_memory(tiny.data, k, &m, msg, sizeof msg);
        CHECK(st == VNT_ERR_MODEL && m == NULL && msg[0]);
        if (st == VNT_OK) vnt_model_free(m);
    }
    /* one byte too many is also refused: the header records the size */
    unsigned char *b = malloc(tiny.len + 1);
    memcpy(b, tiny.data, tiny.len);
    b[tiny.len] = 0;
    vnt_model *m = NULL;
    CHECK(vnt_model_open_memory(b, tiny.len + 1, &m, NULL, 0) == VNT_ERR_MODEL);
    free(b);
}

static uint64_t rng(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* flip bytes; whatever still opens (flips in padding) must still run */
static void flips(const char *data, size_t len, int rounds, uint64_t seed)
{
    unsigned char *b = malloc(len);
    static const char text[] =
        "HÀ NỘI là thủ đô của nước Cộng hòa xã hội chủ nghĩa Việt Nam. 12,5% ?!";
    int opened = 0;
    for (int r = 0; r < rounds; r++) {
        memcpy(b, data, len);
        int nflip = 1 + (int)(rng(&seed) % 3);
        for (int k = 0; k < nflip; k++)
            b[rng(&seed) % len] ^= (unsigned char)(1 + rng(&seed) % 255);
        vnt_model *m = NULL;
        char msg[256] = "";
        vnt_status st = vnt_model_open_memory(b, len, &m, msg, sizeof msg);
        CHECK(st == VNT_OK || (st == VNT_ERR_MODEL && msg[0] && !m));
        if (st == VNT_OK) {
            opened++;
            vnt_doc d = {0};
            CHECK(vnt_analyze(m, text, sizeof text - 1, 0, &d) == VNT_OK);
            vnt_doc_free(&d);
            vnt_model_free(m);
        }
    }
    free(b);
    (void)opened;
}

static void test_flips_tiny(void)
{
    if (!tiny.len) SKIP("no tiny model");
    flips(tiny.data, tiny.len, 3000, 0x9E3779B97F4A7C15ull);
}

static void test_flips_default_model(void)
{
    size_t len;
    char *d = test_read_file("models/vntext.model", &len);
    if (!d) SKIP("models/vntext.model not found (run from the project root)");
    flips(d, len, 60, 12345);
    free(d);
}

static void test_open_path_equals_memory(void)
{
    size_t len;
    char *d = test_read_file("models/vntext.model", &len);
    if (!d) SKIP("models/vntext.model not found (run from the project root)");
    vnt_model *a = NULL, *b = NULL;
    char msg[256];
    CHECK(vnt_model_open("models/vntext.model", &a, msg, sizeof msg) == VNT_OK);
    CHECK(vnt_model_open_memory(d, len, &b, msg, sizeof msg) == VNT_OK);
    free(d); /* the memory model holds its own copy */
    if (a && b) {
        static const char t[] = "Ông Nguyễn Văn An đến Hà Nội hôm qua.";
        vnt_doc x = {0}, y = {0};
        CHECK(vnt_analyze(a, t, sizeof t - 1, 0, &x) == VNT_OK);
        CHECK(vnt_analyze(b, t, sizeof t - 1, 0, &y) == VNT_OK);
        CHECK(x.n_words == y.n_words);
        for (size_t i = 0; i < x.n_words && i < y.n_words; i++)
            CHECK(x.words[i].start == y.words[i].start && x.words[i].end == y.words[i].end &&
                  x.words[i].upos == y.words[i].upos);
        vnt_doc_free(&x);
        vnt_doc_free(&y);
        char v[256];
        CHECK(vnt_model_meta(a, "licence", v, sizeof v) > 0 && strstr(v, "GPL"));
    }
    vnt_model_free(a);
    vnt_model_free(b);
}

int main(void)
{
    setup();
    RUN(test_train_deterministic);
    RUN(test_messages);
    RUN(test_truncations);
    RUN(test_flips_tiny);
    RUN(test_flips_default_model);
    RUN(test_open_path_equals_memory);
    vnt_text_free(&tiny);
    teardown();
    TEST_END();
}
