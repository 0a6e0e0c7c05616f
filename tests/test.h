/* Minimal test harness: each test program prints one line per test,
 * "PASS name", "FAIL name: why" or "SKIP name: why"; tests/run.sh counts them. */
#ifndef VNT_TEST_H
#define VNT_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int t_failed_now, t_n_fail;
static const char *t_skip_reason;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            if (!t_failed_now) printf("  %s:%d: CHECK(%s)\n", __FILE__, __LINE__, #cond);          \
            t_failed_now++;                                                                        \
        }                                                                                          \
    } while (0)

/* Compare a (ptr,len) or NUL string with an expected C string. */
#define CHECK_STR(got, got_len, want)                                                              \
    do {                                                                                           \
        const char *g_ = (const char *)(got);                                                      \
        size_t gl_ = (size_t)(got_len), wl_ = strlen(want);                                        \
        if (!g_ || gl_ != wl_ || memcmp(g_, (want), wl_) != 0) {                                   \
            if (t_failed_now < 5)                                                                  \
                printf("  %s:%d: got \"%.*s\", want \"%s\"\n", __FILE__, __LINE__,                 \
                       g_ ? (int)gl_ : 6, g_ ? g_ : "(null)", (want));                             \
            t_failed_now++;                                                                        \
        }                                                                                          \
    } while (0)

#define SKIP(why)                                                                                  \
    do {                                                                                           \
        t_skip_reason = (why);                                                                     \
        return;                                                                                    \
    } while (0)

#define RUN(fn)                                                                                    \
    do {                                                                                           \
        t_failed_now = 0;                                                                          \
        t_skip_reason = NULL;                                                                      \
        fn();                                                                                      \
        if (t_skip_reason)                                                                         \
            printf("SKIP %s: %s\n", #fn, t_skip_reason);                                           \
        else if (t_failed_now) {                                                                   \
            printf("FAIL %s (%d checks failed)\n", #fn, t_failed_now);                             \
            t_n_fail++;                                                                            \
        } else                                                                                     \
            printf("PASS %s\n", #fn);                                                              \
        fflush(stdout);                                                                            \
    } while (0)

#define TEST_END() return t_n_fail ? 1 : 0

/* Path of a file under ../shared (or $VNT_SHARED), NULL if absent. */
static inline const char *test_shared(const char *rel)
{
    static char path[4096];
    const char *root = getenv("VNT_SHARED");
    if (!root || !*root) root = "../shared";
    snprintf(path, sizeof path, "%s/%s", root, rel);
    struct stat st;
    return stat(path, &st) == 0 ? path : NULL;
}

/* Read a whole file (malloc'd, NUL-terminated); NULL on failure. */
static inline char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) buf[n] = 0;
    if (len) *len = n;
    return buf;
}

#endif
