/* UTF-8 decode/encode/validate and lossy sanitizing with offsets. */
#include "test.h"
#include "vntext.h"

static void test_decode_valid(void)
{
    uint32_t cp;
    CHECK(vnt_utf8_decode("A", 1, &cp) == 1 && cp == 'A');
    CHECK(vnt_utf8_decode("\xC4\x91", 2, &cp) == 2 && cp == 0x111);
    CHECK(vnt_utf8_decode("\xE1\xBB\x87", 3, &cp) == 3 && cp == 0x1EC7);
    CHECK(vnt_utf8_decode("\xF0\x9F\x98\x80", 4, &cp) == 4 && cp == 0x1F600);
    CHECK(vnt_utf8_decode("", 0, &cp) == 0);
}

static void test_decode_invalid(void)
{
    uint32_t cp;
    CHECK(vnt_utf8_decode("\x80", 1, &cp) == -1 && cp == 0xFFFD);
    CHECK(vnt_utf8_decode("\xC0\x80", 2, &cp) == -1);         /* overlong lead */
    CHECK(vnt_utf8_decode("\xE0\x80\x80", 3, &cp) == -1);     /* overlong */
    CHECK(vnt_utf8_decode("\xED\xA0\x80", 3, &cp) == -1);     /* surrogate */
    CHECK(vnt_utf8_decode("\xF4\x90\x80\x80", 4, &cp) == -1); /* > U+10FFFF */
    CHECK(vnt_utf8_decode("\xE1\xBB", 2, &cp) == -2);         /* truncated */
    CHECK(vnt_utf8_decode("\xE1\xBBX", 3, &cp) == -2);
    CHECK(vnt_utf8_decode("\xFF", 1, &cp) == -1);
}

static void test_encode(void)
{
    char b[4];
    CHECK(vnt_utf8_encode(0x1EC7, b) == 3 && memcmp(b, "\xE1\xBB\x87", 3) == 0);
    CHECK(vnt_utf8_encode(0xD800, b) == 0);
    CHECK(vnt_utf8_encode(0x110000, b) == 0);
    for (uint32_t c = 0; c < 0x110000; c += 7) {
        uint32_t back;
        size_t k = vnt_utf8_encode(c, b);
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        CHECK(k > 0 && vnt_utf8_decode(b, k, &back) == (int)k && back == c);
    }
}

static void test_sanitize(void)
{
    vnt_text t = {0};
    const char in[] = "Vi\xE1\xBB\x87t\xFFN\xE1\xBB"
                      "am";
    CHECK(vnt_utf8_sanitize(in, sizeof in - 1, VNT_STRICT, &t) == VNT_ERR_UTF8);
    CHECK(t.err_offset == 6);
    CHECK(vnt_utf8_sanitize(in, sizeof in - 1, VNT_LOSSY | VNT_MAP, &t) == VNT_OK);
    CHECK_STR(t.data, t.len,
              "Vi\xE1\xBB\x87t\xEF\xBF\xBDN\xEF\xBF\xBD"
              "am");
    CHECK(t.n_bad == 2 && t.bad[0] == 6 && t.bad[1] == 8);
    CHECK(t.map[2] == 2 && t.map[3] == 2 && t.map[4] == 2 && t.map[6] == 6 &&
          t.map[t.len] == sizeof in - 1);
    CHECK(vnt_utf8_valid_prefix(in, sizeof in - 1) == 6);
    CHECK(vnt_utf8_sanitize("", 0, VNT_STRICT, &t) == VNT_OK && t.len == 0 && t.data[0] == 0);
    vnt_text_free(&t);
}

static void test_nul_bytes(void)
{
    vnt_text t = {0};
    CHECK(vnt_utf8_sanitize("a\0b", 3, VNT_STRICT, &t) == VNT_OK && t.len == 3 && t.data[1] == 0);
    vnt_text_free(&t);
}

int main(void)
{
    RUN(test_decode_valid);
    RUN(test_decode_invalid);
    RUN(test_encode);
    RUN(test_sanitize);
    RUN(test_nul_bytes);
    TEST_END();
}
