/* Benchmark vnt_detect: MB/s on 64 KiB blocks and on 200-byte samples of
 * the news corpus (UTF-8 and TCVN3), beside glibc iconv(3) UTF-8 -> UTF-16
 * on the same UTF-8 bytes in the same run, as a ratio; peak RSS.
 * vnt_detect decodes only a region of each block (DET_REGION in
 * src/detect.c), so 64 KiB figures measure the whole call, not bytes scored.
 * Without ../shared a built-in paragraph is repeated. */
#include "bench.h"
#include "vntext.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <time.h>

/* ../shared/<rel> (or $VNT_SHARED/<rel>) read whole; NULL if absent. */
static char *read_shared(const char *rel, size_t *len)
{
    const char *root = getenv("VNT_SHARED");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root && *root ? root : "../shared", rel);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    struct stat st;
    char *buf = NULL;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0 && (buf = malloc((size_t)st.st_size + 1)))
        *len = fread(buf, 1, (size_t)st.st_size, f);
    fclose(f);
    return buf;
}

/* Seconds per pass over buf in chunks of `chunk` bytes (repeat >= 0.3 s). */
static double time_detect(const char *buf, size_t n, size_t chunk, size_t *sink)
{
    int reps = 0;
    double t0 = bench_now(), t;
    do {
        for (size_t i = 0; i + chunk <= n; i += chunk) {
            vnt_detection d;
            vnt_detect(buf + i, chunk, &d);
            *sink += (size_t)d.charset;
        }
        reps++;
        t = bench_now() - t0;
    } while (t < 0.3);
    return t / reps;
}

static double time_iconv(const char *buf, size_t n, size_t chunk)
{
    iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
    if (cd == (iconv_t)-1) return -1;
    char *out = malloc(chunk * 2 + 16);
    int reps = 0;
    double t0 = bench_now(), t;
    do {
        for (size_t i = 0; i + chunk <= n; i += chunk) {
            char *in = (char *)buf + i, *o = out;
            size_t il = chunk, ol = chunk * 2 + 16;
            iconv(cd, NULL, NULL, NULL, NULL);
            /* a chunk may end inside a character: iconv stops there (EINVAL) */
            iconv(cd, &in, &il, &o, &ol);
        }
        reps++;
        t = bench_now() - t0;
    } while (t < 0.3);
    free(out);
    iconv_close(cd);
    return t / reps;
}

int main(void)
{
    size_t n = 0;
    char *utf8 = read_shared("data/news/unc_dantri_2020_2021.txt", &n);
    if (!utf8) {
        const char *para =
            "Ng\xC3\xA0y 23/4, Ng\xC3\xA2n h\xC3\xA0ng \xC4\x91\xC3\xA3 t\xE1\xBB\x95 "
            "ch\xE1\xBB\xA9"
            "c \xC4\x91\xE1\xBA\xA1i h\xE1\xBB\x99i c\xE1\xBB\x95 \xC4\x91\xC3\xB4ng "
            "th\xC6\xB0\xE1\xBB\x9Dng ni\xC3\xAAn n\xC4\x83m 2021 t\xE1\xBA\xA1i H\xC3\xA0 "
            "N\xE1\xBB\x99i.\n";
        size_t pl = strlen(para);
        n = pl * 40000;
        utf8 = malloc(n + 1);
        for (size_t i = 0; i < 40000; i++)
            memcpy(utf8 + i * pl, para, pl);
        printf("note: ../shared absent, using a repeated built-in paragraph\n");
    }
    if (n > (8u << 20)) n = 8u << 20; /* 8 MiB is plenty */
    vnt_text tc = {0};
    vnt_encode(VNT_CS_TCVN3, utf8, n, VNT_LOSSY, &tc);
    size_t sink = 0;
    double mb = (double)n / 1e6;
    double ic64 = time_iconv(utf8, n, 65536), ic200 = time_iconv(utf8, n, 200);
    printf("input: %.1f MB of news text (UTF-8), %.1f MB as TCVN3\n", mb, (double)tc.len / 1e6);
    printf("%-34s %10s %12s %14s\n", "", "MB/s", "calls/s", "vs iconv");
    struct {
        const char *name;
        const char *buf;
        size_t len, chunk;
        double ic;
    } runs[] = {
        {"vnt_detect 64 KiB blocks, UTF-8", utf8, n, 65536, ic64},
        {"vnt_detect 64 KiB blocks, TCVN3", tc.data, tc.len, 65536, ic64},
        {"vnt_detect 200-byte samples, UTF-8", utf8, n / 8, 200, ic200},
        {"vnt_detect 200-byte samples, TCVN3", tc.data, tc.len / 8, 200, ic200},
    };
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        double t = time_detect(runs[r].buf, runs[r].len, runs[r].chunk, &sink);
        double mbs = (double)runs[r].len / 1e6 / t;
        double icmbs = mb / runs[r].ic;
        printf("%-34s %10.1f %12.0f %13.3fx\n", runs[r].name, mbs,
               (double)(runs[r].len / runs[r].chunk) / t, mbs / icmbs);
    }
    printf("%-34s %10.1f\n", "iconv UTF-8->UTF-16, 64 KiB blocks", mb / ic64);
    printf("%-34s %10.1f\n", "iconv UTF-8->UTF-16, 200-byte", mb / ic200);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS %.1f MB (input buffers included)  [%zu]\n", (double)ru.ru_maxrss / 1024.0,
           sink % 2);
    vnt_text_free(&tc);
    free(utf8);
    return 0;
}
