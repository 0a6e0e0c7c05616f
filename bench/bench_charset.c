/* Charset decoders and encoders on the news corpus: MB/s of input for each
 * charset, beside glibc iconv(3) UTF-8 -> UTF-16 on the same UTF-8 text in
 * the same run (ratio = ours / iconv), and the peak RSS.
 * Usage: build/bench/bench_charset [corpus]   (default ../shared/data/news/…) */
#include "bench.h"
#include "vntext.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static void iconv_all(iconv_t cd, char *in, size_t il, char *o, size_t ol)
{
    iconv(cd, NULL, NULL, NULL, NULL);
    iconv(cd, &in, &il, &o, &ol);
}

/* Best-of-reps seconds of one call. */
#define TIME_BEST(reps, ...)                                                                       \
    do {                                                                                           \
        best = 1e30;                                                                               \
        for (int r_ = 0; r_ < (reps); r_++) {                                                      \
            double t0_ = bench_now();                                                              \
            __VA_ARGS__;                                                                           \
            double dt_ = bench_now() - t0_;                                                        \
            if (dt_ < best) best = dt_;                                                            \
        }                                                                                          \
    } while (0)

int main(int argc, char **argv)
{
    char path[4096];
    const char *root = getenv("VNT_SHARED");
    if (argc > 1)
        snprintf(path, sizeof path, "%s", argv[1]);
    else
        snprintf(path, sizeof path, "%s/data/news/unc_dantri_2020_2021.txt",
                 root && *root ? root : "../shared");
    size_t n;
    char *utf8 = bench_read_file(path, &n);
    if (!utf8) {
        printf("SKIP bench_charset: %s absent\n", path);
        return 0;
    }
    const double mb = (double)n / 1e6;
    const int reps = 5;
    double best;

    /* reference: iconv UTF-8 -> UTF-16LE, same input */
    iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
    size_t cap16 = 2 * n + 16;
    char *u16 = malloc(cap16);
    TIME_BEST(reps, iconv_all(cd, utf8, n, u16, cap16));
    iconv_close(cd);
    free(u16);
    double ref = mb / best;
    printf("corpus %s: %.2f MB UTF-8\n", path, mb);
    printf("reference iconv UTF-8->UTF-16: %.1f MB/s\n", ref);
    printf("%-10s %9s %10s %7s %10s %7s %10s\n", "charset", "bytes MB", "decode", "ratio", "encode",
           "ratio", "enc+map");

    static const vnt_charset sets[] = {
        VNT_CS_UTF8, VNT_CS_TCVN3, VNT_CS_TCVN5712, VNT_CS_VNI, VNT_CS_VISCII,
        VNT_CS_VPS,  VNT_CS_VIQR,  VNT_CS_CP1258,   VNT_CS_NFD, VNT_CS_COMBINING};
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
        vnt_charset cs = sets[k];
        vnt_text enc = {0}, tmp = {0};
        /* lossy: a few articles hold characters some charsets lack */
        if (vnt_encode(cs, utf8, n, VNT_LOSSY, &enc) != VNT_OK) {
            printf("%-10s encode failed\n", vnt_charset_name(cs));
            continue;
        }
        double enc_mb = (double)enc.len / 1e6;
        TIME_BEST(reps, vnt_decode(cs, enc.data, enc.len, VNT_LOSSY, &tmp));
        double dec_rate = enc_mb / best;
        TIME_BEST(reps, vnt_encode(cs, utf8, n, VNT_LOSSY, &tmp));
        double enc_rate = mb / best;
        TIME_BEST(2, vnt_encode(cs, utf8, n, VNT_LOSSY | VNT_MAP, &tmp));
        double map_rate = mb / best;
        printf("%-10s %9.2f %6.1f MB/s %6.2fx %6.1f MB/s %6.2fx %6.1f MB/s\n", vnt_charset_name(cs),
               enc_mb, dec_rate, dec_rate / ref, enc_rate, enc_rate / ref, map_rate);
        fflush(stdout);
        vnt_text_free(&enc);
        vnt_text_free(&tmp);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    free(utf8);
    return 0;
}
