/* Detection evaluation: every news article written in every form, then
 * byte windows of 200 and 50 bytes at random offsets; prints the confusion
 * table (rows: true form, columns: detected) and per-form accuracy, where a
 * guess is right per the rule in tests/unit/detect_samples.h.
 *
 *   build/tools/detect_eval [-w windows-per-article] [-n max-articles]
 *                           [-s seed] [-v] [news-file]
 *
 * Default file: ../shared/data/news/unc_dantri_2020_2021.txt (the detection
 * model is trained on Wikipedia text, so this is unseen data). */
#include "unit/detect_samples.h"
#include "vntext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *short_name(vnt_charset cs)
{
    static const char *n[VNT_CS_COUNT] = {"unk",    "utf8",  "tcvn3", "5712", "vni",
                                          "viscii", "vps",   "viqr",  "1258", "nfd",
                                          "comb",   "ascii", "unacc", "moji"};
    return (int)cs < VNT_CS_COUNT ? n[cs] : "?";
}

int main(int argc, char **argv)
{
    const char *path = "../shared/data/news/unc_dantri_2020_2021.txt";
    size_t per = 1, max_articles = SIZE_MAX;
    uint64_t seed = 20240611;
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-w") && i + 1 < argc)
            per = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "-n") && i + 1 < argc)
            max_articles = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "-v"))
            verbose++;
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: %s [-w N] [-n N] [-s SEED] [-v] [news-file]\n", argv[0]);
            return 2;
        } else
            path = argv[i];
    }
    ds_corpus c;
    if (!ds_load(&c, path)) {
        fprintf(stderr, "detect_eval: cannot read %s\n", path);
        return 1;
    }
    size_t na = c.count < max_articles ? c.count : max_articles;
    static const size_t sizes[2] = {200, 50};
    static size_t conf[2][VNT_CS_COUNT][VNT_CS_COUNT], right[2][VNT_CS_COUNT],
        total[2][VNT_CS_COUNT];
    uint64_t st = seed ? seed : 1;
    clock_t t0 = clock();
    size_t detections = 0;
    for (size_t f = 0; f < DS_NFORMS; f++) {
        vnt_charset form = ds_forms[f];
        for (size_t a = 0; a < na; a++) {
            size_t en;
            char *e = ds_encode(form, c.all + c.off[a], c.len[a], &en);
            if (!e) continue;
            for (int z = 0; z < 2; z++)
                for (size_t k = 0; k < per; k++) {
                    const char *w;
                    size_t wn;
                    ds_window(e, en, sizes[z], &st, &w, &wn);
                    vnt_detection d;
                    vnt_detect(w, wn, &d);
                    detections++;
                    int ok = ds_correct(form, d.charset, w, wn);
                    conf[z][form][d.charset]++;
                    total[z][form]++;
                    right[z][form] += ok;
                    if (!ok && verbose) {
                        printf("%-6s -> %-6s (%.2f; 2nd %s %.2f) %zu bytes: ", short_name(form),
                               short_name(d.charset), d.confidence, short_name(d.second),
                               d.second_confidence, sizes[z]);
                        for (size_t i = 0; i < wn; i++) {
                            unsigned ch = (unsigned char)w[i];
                            if (ch >= 0x20 && ch < 0x7F)
                                putchar(ch);
                            else
                                printf("\\x%02X", ch);
                        }
                        putchar('\n');
                    }
                }
            free(e);
        }
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    int worst_ok = 1;
    for (int z = 0; z < 2; z++) {
        printf("\n== %zu-byte windows (%zu articles x %zu), rows: true form, columns: detected\n",
               sizes[z], na, per);
        printf("%-7s", "");
        for (int g = 1; g < VNT_CS_COUNT; g++)
            printf("%7s", short_name((vnt_charset)g));
        printf("%9s\n", "correct");
        for (size_t f = 0; f < DS_NFORMS; f++) {
            vnt_charset form = ds_forms[f];
            printf("%-7s", short_name(form));
            for (int g = 1; g < VNT_CS_COUNT; g++)
                printf("%7zu", conf[z][form][g]);
            double acc =
                total[z][form] ? 100.0 * (double)right[z][form] / (double)total[z][form] : 0;
            printf("%8.2f%%\n", acc);
            if (acc < (z == 0 ? 99.0 : 95.0)) worst_ok = 0;
        }
    }
    printf("\n%zu detections in %.2f s; thresholds (99%% at 200 bytes, 95%% at 50): %s\n",
           detections, secs, worst_ok ? "met" : "NOT met");
    printf(
        "(a guess counts as right when it is the true form or decodes and re-encodes the window\n"
        " identically, see tests/unit/detect_samples.h; the table shows raw guesses)\n");
    ds_free(&c);
    return worst_ok ? 0 : 1;
}
