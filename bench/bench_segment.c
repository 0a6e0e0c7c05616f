/* Segmentation and tagging speed on the news corpus (../shared/data/news):
 * MB/s and tokens/s on one thread and on two, model load time, peak RSS,
 * beside a naive baseline (greedy longest match over the same word lists)
 * in the same run. Usage: bench_segment [MODEL] [TEXT] */
#include "bench.h"
#include "vntext.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* One per thread, each on its own cache lines: the counters are written per
 * line, and two jobs sharing a line would make the threads fight over it. */
typedef struct job {
    _Alignas(64) const vnt_model *m;
    const char *text;
    size_t a, b; /* byte range, whole lines */
    unsigned flags;
    size_t tokens, words;
    double cpu; /* this thread's CPU seconds */
} job;

static void *run(void *arg)
{
    job *j = arg;
    double c0 = bench_thread_cpu();
    vnt_doc d = {0};
    size_t p = j->a;
    while (p < j->b) {
        size_t e = p;
        while (e < j->b && j->text[e] != '\n')
            e++;
        vnt_analyze(j->m, j->text + p, e - p, j->flags, &d);
        j->tokens += d.tokens.n;
        j->words += d.n_words;
        p = e + 1;
    }
    vnt_doc_free(&d);
    j->cpu = bench_thread_cpu() - c0;
    return NULL;
}

static double last_cpu;    /* CPU seconds of the last timed() run (bench only) */
static double last_thread; /* the largest per-thread CPU seconds of that run */

static double timed(const vnt_model *m, const char *text, size_t n, unsigned flags, int threads,
                    size_t *tokens)
{
    job jobs[8];
    pthread_t th[8];
    size_t cut = 0;
    for (int t = 0; t < threads; t++) {
        size_t end = t == threads - 1 ? n : n * (size_t)(t + 1) / (size_t)threads;
        while (end < n && text[end] != '\n')
            end++;
        jobs[t] = (job){m, text, cut, end, flags, 0, 0, 0};
        cut = end < n ? end + 1 : n;
    }
    double t0 = bench_now(), c0 = bench_cpu();
    for (int t = 1; t < threads; t++)
        pthread_create(&th[t], NULL, run, &jobs[t]);
    run(&jobs[0]);
    for (int t = 1; t < threads; t++)
        pthread_join(th[t], NULL);
    double dt = bench_now() - t0;
    last_cpu = bench_cpu() - c0;
    *tokens = 0;
    last_thread = 0;
    for (int t = 0; t < threads; t++) {
        *tokens += jobs[t].tokens;
        if (jobs[t].cpu > last_thread) last_thread = jobs[t].cpu;
    }
    return dt;
}

/* ---- naive baseline: greedy longest match of lower-cased ASCII-folded-free
 * keys (exact bytes, lower-cased ASCII only) over a string hash set ---- */

typedef struct sset {
    uint64_t *h;
    size_t cap;
} sset;

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        h = (h ^ c) * 1099511628211ull;
    }
    return h | 1;
}

static void sset_add(sset *s, uint64_t h)
{
    size_t i = h & (s->cap - 1);
    while (s->h[i] && s->h[i] != h)
        i = (i + 1) & (s->cap - 1);
    s->h[i] = h;
}

static int sset_has(const sset *s, uint64_t h)
{
    size_t i = h & (s->cap - 1);
    while (s->h[i]) {
        if (s->h[i] == h) return 1;
        i = (i + 1) & (s->cap - 1);
    }
    return 0;
}

static void load_list(sset *s, const char *path)
{
    size_t n;
    char *d = bench_read_file(path, &n);
    if (!d) return;
    size_t p = 0;
    while (p < n) {
        size_t e = p;
        while (e < n && d[e] != '\n')
            e++;
        if (e > p) sset_add(s, fnv(d + p, e - p));
        p = e + 1;
    }
    free(d);
}

static double baseline(const sset *lex, const char *text, size_t n, size_t *words)
{
    vnt_tokens toks = {0};
    char key[256];
    double t0 = bench_now();
    size_t p = 0;
    *words = 0;
    double c0 = bench_cpu();
    while (p < n) {
        size_t e = p;
        while (e < n && text[e] != '\n')
            e++;
        vnt_tokenize(text + p, e - p, 0, &toks);
        for (size_t i = 0; i < toks.n;) {
            size_t best = 1, kl = 0;
            for (size_t L = 1; L <= 4 && i + L <= toks.n; L++) {
                const vnt_token *t = &toks.tok[i + L - 1];
                size_t tl = t->end - t->start;
                if (kl + tl + 1 >= sizeof key) break;
                if (L > 1) key[kl++] = ' ';
                memcpy(key + kl, text + p + t->start, tl);
                kl += tl;
                if (L > 1 && sset_has(lex, fnv(key, kl))) best = L;
            }
            i += best;
            (*words)++;
        }
        p = e + 1;
    }
    double dt = bench_now() - t0;
    last_cpu = bench_cpu() - c0;
    vnt_tokens_free(&toks);
    return dt;
}

/* What the machine gives two threads right now: the same pure-CPU loop on
 * one thread and on two (other load on the shared cores shows up here). */
static void *spin(void *arg)
{
    volatile uint64_t x = 0;
    for (uint64_t i = 0; i < 300000000u; i++)
        x += i;
    (void)arg;
    return NULL;
}

static double spin_ratio(void)
{
    double t0 = bench_now();
    spin(NULL);
    double one = bench_now() - t0;
    pthread_t th;
    t0 = bench_now();
    pthread_create(&th, NULL, spin, NULL);
    spin(NULL);
    pthread_join(th, NULL);
    return 2 * one / (bench_now() - t0);
}

int main(int argc, char **argv)
{
    const char *mp = argc > 1 ? argv[1] : "models/vntext.model";
    const char *tp = argc > 2 ? argv[2] : "../shared/data/news/unc_dantri_2020_2021.txt";
    size_t n;
    char *text = bench_read_file(tp, &n);
    if (!text) {
        printf("SKIP bench_segment: %s not found\n", tp);
        return 0;
    }
    /* model load: best of 20 */
    vnt_model *m = NULL;
    double best = 1e9;
    for (int i = 0; i < 20; i++) {
        double t0 = bench_now();
        char msg[256];
        if (vnt_model_open(mp, &m, msg, sizeof msg) != VNT_OK) {
            printf("cannot open %s: %s\n", mp, msg);
            return 1;
        }
        double dt = bench_now() - t0;
        if (dt < best) best = dt;
        if (i < 19) vnt_model_free(m);
    }
    double mb = n / 1e6;
    printf("input: %s, %.1f MB\n", tp, mb);
    printf("model load (mmap + validate + CRC): %.2f ms\n", best * 1e3);
    size_t tok;
    timed(m, text, n < 2000000 ? n : 2000000, VNT_ANALYZE_NO_TAG, 1, &tok); /* warm-up */
    /* On a loaded machine the wall-clock ratio of 2 threads to 1 measures
     * the load; the CPU-time ratio (1-thread CPU time / the busiest thread's
     * CPU time) is what 2 free cores would give: it still shows lock waits
     * spinning, false sharing and shared-cache contention, not time spent
     * waiting for a core. */
    double s1 = timed(m, text, n, VNT_ANALYZE_NO_TAG, 1, &tok);
    double s1c = last_thread;
    printf("segment, 1 thread:  %7.1f MB/s  %6.2f M tokens/s   (per CPU second: %.1f MB/s)\n",
           mb / s1, tok / s1 / 1e6, mb / last_cpu);
    double s2 = timed(m, text, n, VNT_ANALYZE_NO_TAG, 2, &tok);
    printf("segment, 2 threads: %7.1f MB/s  %6.2f M tokens/s  (wall x%.2f; CPU time x%.2f)\n",
           mb / s2, tok / s2 / 1e6, s1 / s2, s1c / last_thread);
    double g1 = timed(m, text, n, 0, 1, &tok);
    double g1c = last_thread;
    printf("segment+tag, 1 thread:  %7.1f MB/s  %6.2f M tokens/s   (per CPU second: %.1f MB/s)\n",
           mb / g1, tok / g1 / 1e6, mb / last_cpu);
    double g2 = timed(m, text, n, 0, 2, &tok);
    printf("segment+tag, 2 threads: %7.1f MB/s  %6.2f M tokens/s  (wall x%.2f; CPU time x%.2f)\n",
           mb / g2, tok / g2 / 1e6, g1 / g2, g1c / last_thread);
    /* the tokenizer alone and the naive baseline, same input */
    vnt_tokens toks = {0};
    double t0 = bench_now(), c0 = bench_cpu();
    size_t p = 0, nt = 0;
    while (p < n) {
        size_t e = p;
        while (e < n && text[e] != '\n')
            e++;
        vnt_tokenize(text + p, e - p, 0, &toks);
        nt += toks.n;
        p = e + 1;
    }
    double tk = bench_now() - t0;
    vnt_tokens_free(&toks);
    printf("tokenizer + nothing else, 1 thread: %7.1f MB/s  %6.2f M tokens/s   (per CPU second: "
           "%.1f MB/s)\n",
           mb / tk, nt / tk / 1e6, mb / (bench_cpu() - c0));
    sset lex = {calloc(1 << 18, sizeof(uint64_t)), 1 << 18};
    load_list(&lex, "../shared/data/lexicon/wiktionary-vi-headwords.txt");
    load_list(&lex, "../shared/data/lexicon/hongocduc-vi-headwords.txt");
    size_t bw;
    double bl = baseline(&lex, text, n, &bw);
    printf("baseline greedy longest match (same word lists), 1 thread: %7.1f MB/s   (per CPU "
           "second: %.1f MB/s)\n",
           mb / bl, mb / last_cpu);
    printf("machine now: a pure-CPU loop on 2 threads runs x%.2f one thread (x2.00 = two free "
           "cores; the wall-clock ratios above cannot beat it)\n",
           spin_ratio());
    printf("note: wall-clock figures depend on machine load (load average now shown by uptime)\n");
    free(lex.h);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS: %.1f MB (includes the %.1f MB input)\n", ru.ru_maxrss / 1024.0, mb);
    vnt_model_free(m);
    free(text);
    return 0;
}
