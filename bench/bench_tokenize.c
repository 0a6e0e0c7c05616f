/* Tokenizer and sentence splitter throughput on the news corpus
 * (../shared/data/news, or $VNT_SHARED), beside a naive baseline in the same
 * run: splitting on ASCII whitespace. Prints MB/s, tokens/s and peak RSS. */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"
#include "vntext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* CPU time of this process: on a shared, loaded machine it varies much less
 * than wall time (the program is single-threaded, so the two agree on an
 * idle machine). VNT_BENCH_WALL=1 measures wall time instead. */
static double now(void)
{
    static int wall = -1;
    if (wall < 0) wall = getenv("VNT_BENCH_WALL") != NULL;
    struct timespec ts;
    clock_gettime(wall ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* naive: count runs of non-whitespace bytes */
static size_t naive_split(const char *s, size_t n, size_t *sink)
{
    size_t count = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!sp && !in) {
            count++;
            *sink += i;
        }
        in = !sp;
    }
    return count;
}

int main(int argc, char **argv)
{
    const char *root = getenv("VNT_SHARED");
    char path[4096];
    snprintf(path, sizeof path, "%s/data/news/unc_dantri_2020_2021.txt",
             root && *root ? root : "../shared");
    if (argc > 1) snprintf(path, sizeof path, "%s", argv[1]);
    size_t n;
    char *s = bench_read_file(path, &n);
    if (!s) {
        printf("SKIP bench_tokenize: %s absent\n", path);
        return 0;
    }
    int reps = 5;
    double mb = (double)n / 1e6;
    /* baseline */
    size_t sink = 0, nn = 0;
    double t0, tn = 1e9;
    for (int r = 0; r < reps; r++) {
        t0 = now();
        nn = naive_split(s, n, &sink);
        double d = now() - t0;
        if (d < tn) tn = d;
    }
    /* tokenizer (warm: the token list keeps its memory between calls) */
    vnt_tokens t = {0};
    vnt_tokenize(s, n, 0, &t);
    double best = 1e9;
    for (int r = 0; r < reps; r++) {
        t0 = now();
        vnt_tokenize(s, n, 0, &t);
        double d = now() - t0;
        if (d < best) best = d;
    }
    /* the same in 64 KiB pieces cut after whitespace, as the CLI streams */
    double bc = 1e9;
    size_t nc = 0;
    vnt_tokens tc = {0};
    for (int r = 0; r < reps; r++) {
        t0 = now();
        nc = 0;
        for (size_t off = 0; off < n;) {
            size_t len = n - off < 65536 ? n - off : 65536;
            while (off + len < n && len > 1 && s[off + len - 1] != ' ' && s[off + len - 1] != '\n')
                len--;
            vnt_tokenize(s + off, len, 0, &tc);
            nc += tc.n;
            off += len;
        }
        double d = now() - t0;
        if (d < bc) bc = d;
    }
    vnt_tokens_free(&tc);
    vnt_sentences ss = {0};
    double bs = 1e9;
    for (int r = 0; r < reps; r++) {
        t0 = now();
        vnt_split_sentences(s, n, &t, &ss);
        double d = now() - t0;
        if (d < bs) bs = d;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("input: %s, %.1f MB; best of %d runs, %s time\n", path, mb, reps,
           getenv("VNT_BENCH_WALL") ? "wall" : "CPU");
    printf("naive whitespace split: %8.1f MB/s  %6.1f M tokens/s  (%zu tokens)\n", mb / tn,
           (double)nn / tn / 1e6, nn);
    printf("vnt_tokenize:           %8.1f MB/s  %6.1f M tokens/s  (%zu tokens)\n", mb / best,
           (double)t.n / best / 1e6, t.n);
    printf("vnt_tokenize, 64 KiB:   %8.1f MB/s  %6.1f M tokens/s  (%zu tokens)\n", mb / bc,
           (double)nc / bc / 1e6, nc);
    printf("vnt_split_sentences:    %8.1f MB/s  (%zu sentences, tokens given)\n", mb / bs, ss.n);
    printf("tokenize / naive time ratio: %.1fx\n", best / tn);
    printf("peak RSS: %.1f MB (input %.1f MB, tokens %.1f MB)\n", ru.ru_maxrss / 1024.0, mb,
           t.cap * sizeof(vnt_token) / 1e6);
    vnt_tokens_free(&t);
    vnt_sentences_free(&ss);
    free(s);
    return (int)(sink & 0);
}
