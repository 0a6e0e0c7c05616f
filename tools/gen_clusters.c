/* Distributional word clusters for the tagger, from unlabeled text.
 *
 *   gen_clusters MODEL TEXT... > clusters.tsv
 *
 * The text is segmented with MODEL's segmenter; each frequent word is
 * described by the counts of the frequent words just left and right of it
 * (Hellinger-scaled, randomly projected to a few dimensions), and those
 * vectors are grouped by spherical k-means twice: fine and coarse clusters.
 * Output: "syllables<TAB>fine<TAB>coarse" per word, most frequent first.
 * Deterministic: fixed seed, single thread, fixed summation order. Used by
 * `make clusters`; the trainer reads the file as --lexicon cluster:FILE. */
#include "nlp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_TARGET  30000 /* words that get a cluster */
#define N_CONTEXT 600   /* context words (by frequency), + 1 for "other", + 1 for edge */
#define DIM       96    /* projected dimensions */
#define K_FINE    256
#define K_COARSE  32
#define ITERS     12
#define MIN_COUNT 5

typedef struct word {
    uint64_t key;
    uint64_t count;
    uint32_t surf, surf_len; /* in the surface pool */
    int32_t rank;            /* frequency rank, -1 until ranked */
} word;

static word *W;
static size_t nW, capW;
static uint32_t *slot;
static size_t cap_slot;
static char *pool;
static size_t pool_len, pool_cap;

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void oom(void)
{
    fprintf(stderr, "gen_clusters: out of memory\n");
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) oom();
    return q;
}

static void rehash(size_t nc)
{
    uint32_t *ns = calloc(nc, sizeof *ns);
    if (!ns) oom();
    for (size_t i = 0; i < nW; i++) {
        size_t j = W[i].key & (nc - 1);
        while (ns[j])
            j = (j + 1) & (nc - 1);
        ns[j] = (uint32_t)i + 1;
    }
    free(slot);
    slot = ns;
    cap_slot = nc;
}

/* Index of a word key, added with its surface when new. */
static size_t intern(uint64_t key, const char *surf, size_t len)
{
    if ((nW + 1) * 2 > cap_slot) rehash(cap_slot ? cap_slot * 2 : 1 << 16);
    size_t j = key & (cap_slot - 1);
    while (slot[j]) {
        if (W[slot[j] - 1].key == key) return slot[j] - 1;
        j = (j + 1) & (cap_slot - 1);
    }
    if (nW == capW) W = xrealloc(W, (capW = capW ? capW * 2 : 1 << 16) * sizeof *W);
    if (pool_len + len > pool_cap) {
        while (pool_len + len > pool_cap)
            pool_cap = pool_cap ? pool_cap * 2 : 1 << 20;
        pool = xrealloc(pool, pool_cap);
    }
    memcpy(pool + pool_len, surf, len);
    W[nW] = (word){key, 0, (uint32_t)pool_len, (uint32_t)len, -1};
    pool_len += len;
    slot[j] = (uint32_t)nW + 1;
    return nW++;
}

/* Each pass over the text calls this per sentence with its word indices. */
typedef void (*sent_fn)(const size_t *ids, size_t n);

static void pass(const vnt_model *m, char **files, int nf, sent_fn fn)
{
    vnt_doc d = {0};
    size_t *ids = NULL, cap = 0;
    char surf[1024];
    for (int f = 0; f < nf; f++) {
        FILE *fp = fopen(files[f], "rb");
        if (!fp) {
            fprintf(stderr, "gen_clusters: cannot open %s\n", files[f]);
            exit(1);
        }
        char *line = NULL;
        size_t lcap = 0;
        ssize_t len;
        while ((len = getline(&line, &lcap, fp)) > 0) {
            if (line[0] == '#' || line[0] == '=') continue; /* metadata, headings */
            if (vnt_analyze(m, line, (size_t)len, VNT_ANALYZE_NO_TAG, &d) != VNT_OK) continue;
            for (size_t s = 0; s < d.sentences.n; s++) {
                size_t a = d.sent_words[s], b = d.sent_words[s + 1];
                if (b - a > cap) ids = xrealloc(ids, (cap = (b - a) * 2) * sizeof *ids);
                for (size_t w = a; w < b; w++) {
                    uint64_t h = vnt__seq_start();
                    size_t sl = 0;
                    for (size_t t = d.words[w].tok_begin; t < d.words[w].tok_end; t++) {
                        const vnt_token *tk = &d.tokens.tok[t];
                        vnt__tokinfo ti;
                        vnt__token_info(line + tk->start, tk->end - tk->start, &ti);
                        h = vnt__seq_add(h, ti.key);
                        size_t tl = tk->end - tk->start;
                        if (sl + tl + 1 < sizeof surf) {
                            if (sl) surf[sl++] = ' ';
                            memcpy(surf + sl, line + tk->start, tl);
                            sl += tl;
                        }
                    }
                    ids[w - a] = intern(h, surf, sl);
                }
                fn(ids, b - a);
            }
        }
        free(line);
        fclose(fp);
    }
    free(ids);
    vnt_doc_free(&d);
}

static void count_fn(const size_t *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        W[ids[i]].count++;
}

#define CDIM (2 * (N_CONTEXT + 2))
static float *ctx; /* [N_TARGET][CDIM] counts */
static size_t n_target;

static size_t ctx_of(long j, const size_t *ids, size_t n)
{
    if (j < 0 || (size_t)j >= n) return N_CONTEXT + 1; /* sentence edge */
    int32_t r = W[ids[j]].rank;
    return r >= 0 && r < N_CONTEXT ? (size_t)r : N_CONTEXT;
}

static void ctx_fn(const size_t *ids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int32_t r = W[ids[i]].rank;
        if (r < 0 || (size_t)r >= n_target) continue;
        float *v = ctx + (size_t)r * CDIM;
        v[ctx_of((long)i - 1, ids, n)] += 1;
        v[N_CONTEXT + 2 + ctx_of((long)i + 1, ids, n)] += 1;
    }
}

static int by_count(const void *a, const void *b)
{
    const word *x = *(word *const *)a, *y = *(word *const *)b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key; /* stable across runs */
}

static void normalize(float *v, size_t d)
{
    double s = 0;
    for (size_t i = 0; i < d; i++)
        s += (double)v[i] * v[i];
    float inv = s > 0 ? (float)(1.0 / sqrt(s)) : 0;
    for (size_t i = 0; i < d; i++)
        v[i] *= inv;
}

/* Spherical k-means on X[n][DIM] (unit rows): assignment into as[]. */
static void kmeans(const float *X, size_t n, size_t k, uint64_t seed, int *as)
{
    float *C = calloc(k * DIM, sizeof *C);
    double *acc = calloc(k * DIM, sizeof *acc);
    float *best = malloc(n * sizeof *best);
    if (!C || !acc || !best) oom();
    /* k-means++ seeding on cosine distance, fixed seed */
    uint64_t rng = seed;
    size_t first = (size_t)(rng_next(&rng) % n);
    memcpy(C, X + first * DIM, DIM * sizeof *C);
    for (size_t i = 0; i < n; i++)
        best[i] = 2.0f;
    for (size_t c = 1; c < k; c++) {
        double tot = 0;
        for (size_t i = 0; i < n; i++) {
            float dot = 0;
            for (int d = 0; d < DIM; d++)
                dot += X[i * DIM + d] * C[(c - 1) * DIM + d];
            float dist = 1.0f - dot;
            if (dist < best[i]) best[i] = dist;
            tot += best[i] > 0 ? best[i] : 0;
        }
        double r = (double)(rng_next(&rng) >> 11) / 9007199254740992.0 * tot;
        size_t pick = n - 1;
        for (size_t i = 0; i < n; i++) {
            r -= best[i] > 0 ? best[i] : 0;
            if (r <= 0) {
                pick = i;
                break;
            }
        }
        memcpy(C + c * DIM, X + pick * DIM, DIM * sizeof *C);
    }
    for (int it = 0; it < ITERS; it++) {
        size_t moved = 0;
        for (size_t i = 0; i < n; i++) {
            int bc = 0;
            float bd = -2;
            for (size_t c = 0; c < k; c++) {
                float dot = 0;
                for (int d = 0; d < DIM; d++)
                    dot += X[i * DIM + d] * C[c * DIM + d];
                if (dot > bd) bd = dot, bc = (int)c;
            }
            if (it == 0 || as[i] != bc) moved++;
            as[i] = bc;
        }
        memset(acc, 0, k * DIM * sizeof *acc);
        for (size_t i = 0; i < n; i++)
            for (int d = 0; d < DIM; d++)
                acc[(size_t)as[i] * DIM + d] += X[i * DIM + d];
        for (size_t c = 0; c < k; c++) {
            double s = 0;
            for (int d = 0; d < DIM; d++)
                s += acc[c * DIM + d] * acc[c * DIM + d];
            if (s == 0) continue; /* empty cluster keeps its centroid */
            for (int d = 0; d < DIM; d++)
                C[c * DIM + d] = (float)(acc[c * DIM + d] / sqrt(s));
        }
        fprintf(stderr, "k-means k=%zu iteration %d: %zu moved\n", k, it + 1, moved);
        if (!moved) break;
    }
    free(C);
    free(acc);
    free(best);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gen_clusters MODEL TEXT... > clusters.tsv\n");
        return 2;
    }
    vnt_model *m;
    char msg[256];
    if (vnt_model_open(argv[1], &m, msg, sizeof msg) != VNT_OK) {
        fprintf(stderr, "gen_clusters: %s\n", msg);
        return 1;
    }
    pass(m, argv + 2, argc - 2, count_fn);
    word **by = malloc(nW * sizeof *by);
    if (!by) return 1;
    for (size_t i = 0; i < nW; i++)
        by[i] = &W[i];
    qsort(by, nW, sizeof *by, by_count);
    n_target = 0;
    for (size_t i = 0; i < nW; i++) {
        by[i]->rank = (int32_t)i;
        if (i < N_TARGET && by[i]->count >= MIN_COUNT) n_target = i + 1;
    }
    fprintf(stderr, "%zu distinct words, %zu clustered\n", nW, n_target);
    ctx = calloc(n_target * CDIM, sizeof *ctx);
    if (!ctx) return 1;
    pass(m, argv + 2, argc - 2, ctx_fn);
    /* Hellinger scaling, then a fixed random +-1 projection to DIM */
    float *X = calloc(n_target * DIM, sizeof *X);
    float *P = malloc((size_t)CDIM * DIM * sizeof *P);
    if (!X || !P) return 1;
    uint64_t rng = 1;
    for (size_t i = 0; i < (size_t)CDIM * DIM; i++)
        P[i] = (rng_next(&rng) & 1) ? 1.0f : -1.0f;
    for (size_t w = 0; w < n_target; w++) {
        float *v = ctx + w * CDIM;
        for (int side = 0; side < 2; side++) {
            float *h = v + side * (N_CONTEXT + 2);
            double s = 0;
            for (int c = 0; c < N_CONTEXT + 2; c++)
                s += h[c];
            for (int c = 0; c < N_CONTEXT + 2; c++)
                h[c] = s > 0 ? (float)sqrt(h[c] / s) : 0;
        }
        float *x = X + w * DIM;
        for (int c = 0; c < CDIM; c++)
            if (v[c] != 0)
                for (int d = 0; d < DIM; d++)
                    x[d] += v[c] * P[(size_t)c * DIM + d];
        normalize(x, DIM);
    }
    int *fine = malloc(n_target * sizeof *fine), *coarse = malloc(n_target * sizeof *coarse);
    if (!fine || !coarse) return 1;
    kmeans(X, n_target, K_FINE, 11, fine);
    kmeans(X, n_target, K_COARSE, 12, coarse);
    for (size_t i = 0; i < n_target; i++) {
        const word *w = by[i];
        printf("%.*s\t%d\t%d\n", (int)w->surf_len, pool + w->surf, fine[i], coarse[i]);
    }
    free(fine);
    free(coarse);
    free(X);
    free(P);
    free(ctx);
    free(by);
    free(W);
    free(slot);
    free(pool);
    vnt_model_free(m);
    return 0;
}
