/* vnt_normalize throughput on real news text (../shared/data/news), clean NFC
 * and the same text decomposed (NFD), beside glibc iconv(3) UTF-8 -> UTF-16
 * on the same input in the same run; peak RSS and first-call time. */
#include "bench.h"
#include "internal.h"

#include <iconv.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

/* Path of a file under ../shared (or $VNT_SHARED), NULL if absent. */
static const char *shared_path(const char *rel)
{
    static char path[4096];
    const char *root = getenv("VNT_SHARED");
    if (!root || !*root) root = "../shared";
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fclose(f);
    return path;
}

/* Seconds for one vnt_normalize call. */
static double time_norm(const char *s, size_t n, vnt_tone_style style, unsigned flags,
                        size_t *out_len)
{
    vnt_norm_opts o = {VNT_NORM_OPTS_VERSION, style, flags};
    vnt_text t = {0};
    double t0 = bench_now();
    vnt_status st = vnt_normalize(s, n, &o, &t);
    double dt = bench_now() - t0;
    if (st != VNT_OK) {
        printf("normalize failed: %s\n", vnt_strerror(st));
        exit(1);
    }
    *out_len = t.len;
    vnt_text_free(&t);
    return dt;
}

/* Seconds for one iconv(3) UTF-8 -> UTF-16LE of the whole input (into a
 * buffer allocated per call, as normalize allocates its output). */
static double time_iconv(iconv_t cd, const char *s, size_t n)
{
    char *out = malloc(n * 2 + 16);
    char *in = (char *)s, *op = out;
    size_t il = n, ol = n * 2 + 16;
    iconv(cd, NULL, NULL, NULL, NULL);
    double t0 = bench_now();
    size_t rc = iconv(cd, &in, &il, &op, &ol);
    double dt = bench_now() - t0;
    free(out);
    return rc == (size_t)-1 ? -1 : dt;
}

#define MBS(sec, n) ((sec) > 0 ? (double)(n) / (sec) / 1e6 : 0)

int main(void)
{
    double t0 = bench_now();
    vnt_text first = {0};
    vnt_normalize("Việt Nam hoà bình", strlen("Việt Nam hoà bình"), NULL, &first);
    double first_ms = (bench_now() - t0) * 1e3;
    vnt_text_free(&first);

    const char *path = shared_path("data/news/unc_dantri_2020_2021.txt");
    if (!path) {
        printf("SKIP bench_normalize: ../shared/data/news is absent\n");
        return 0;
    }
    size_t n;
    char *s = bench_read_file(path, &n);
    if (!s) {
        printf("SKIP bench_normalize: cannot read %s\n", path);
        return 0;
    }
    /* the same text fully decomposed, by the library's own NFD encoder */
    vnt_text nfd_t = {0};
    if (vnt_encode(VNT_CS_NFD, s, n, VNT_LOSSY, &nfd_t) != VNT_OK) return 1;
    size_t nfd_n = nfd_t.len;
    char *nfd = nfd_t.data;
    const int reps = 9;
    size_t len;
    iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
    if (cd == (iconv_t)-1) {
        printf("SKIP bench_normalize: iconv has no UTF-8 -> UTF-16LE\n");
        return 0;
    }
    /* Interleave the runs and keep the best of each, so that load from
     * other processes hits both sides alike. */
    double ic = 1e9, icd = 1e9, best[5] = {1e9, 1e9, 1e9, 1e9, 1e9};
    static const vnt_tone_style styles[5] = {VNT_TONES_KEEP, VNT_TONES_TRADITIONAL,
                                             VNT_TONES_MODERN, VNT_TONES_KEEP, VNT_TONES_KEEP};
    static const unsigned fl[5] = {0, 0, 0, VNT_MAP, 0};
    for (int r = 0; r < reps; r++) {
        double t = time_iconv(cd, s, n);
        if (t > 0 && t < ic) ic = t;
        t = time_iconv(cd, nfd, nfd_n);
        if (t > 0 && t < icd) icd = t;
        for (int v = 0; v < 5; v++) {
            if (v == 3 && r >= 3) continue; /* the map run is slower and bigger */
            t = v == 4 ? time_norm(nfd, nfd_n, styles[v], fl[v], &len)
                       : time_norm(s, n, styles[v], fl[v], &len);
            if (t < best[v]) best[v] = t;
        }
    }
    iconv_close(cd);
    printf("input: %s, %.1f MB NFC, %.1f MB NFD; best of %d interleaved runs\n", path, n / 1e6,
           nfd_n / 1e6, reps);
    printf("first call (startup): %.3f ms\n", first_ms);
    double keep = MBS(best[0], n);
    printf("iconv UTF-8->UTF-16 NFC   %8.1f MB/s\n", MBS(ic, n));
    printf("normalize NFC keep        %8.1f MB/s  (%.2fx iconv)\n", keep, keep / MBS(ic, n));
    printf("normalize NFC traditional %8.1f MB/s  (%.2fx iconv)\n", MBS(best[1], n),
           MBS(best[1], n) / MBS(ic, n));
    printf("normalize NFC modern      %8.1f MB/s  (%.2fx iconv)\n", MBS(best[2], n),
           MBS(best[2], n) / MBS(ic, n));
    printf("normalize NFC keep + map  %8.1f MB/s  (%.2fx iconv)\n", MBS(best[3], n),
           MBS(best[3], n) / MBS(ic, n));
    printf("iconv UTF-8->UTF-16 NFD   %8.1f MB/s\n", MBS(icd, nfd_n));
    printf("normalize NFD keep        %8.1f MB/s  (%.2fx iconv on NFD)\n", MBS(best[4], nfd_n),
           MBS(best[4], nfd_n) / MBS(icd, nfd_n));
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS: %.1f MB (input %.1f MB + NFD copy %.1f MB held)\n", ru.ru_maxrss / 1024.0,
           n / 1e6, nfd_n / 1e6);
    printf("ratio normalize/iconv (NFC, keep): %.2f %s\n", keep / MBS(ic, n),
           keep >= MBS(ic, n) ? "ok" : "SLOWER than iconv");
    vnt_text_free(&nfd_t);
    free(s);
    return 0;
}
