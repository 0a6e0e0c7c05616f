/* Article analysis speed (issue 4) on the news corpus (../shared/data/news):
 * MB/s and articles/s of vnt_article_analyze + vnt_article_json (what
 * `vntext analyze` does per article) on one thread and on two, beside a
 * naive baseline in the same run (tokenizer only, no structure, facts or
 * entities), and peak RSS. SKIPs when ../shared is absent.
 * Usage: bench_analyze [MODEL] [NEWS.txt] */
#include "bench.h"
#include "vntext.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct art {
    const char *s;
    size_t n;
    char date[11];
} art;

typedef struct job {
    const art *v;
    size_t a, b; /* articles a, a + step, … below b (interleaved, as vntext analyze --threads) */
    size_t step;
    const vnt_model *m;
    const char *idf;
    size_t idf_len;
    int naive;
    size_t out_bytes;
    double tcpu; /* this thread's CPU seconds */
} job;

/* models/news-orgs.tsv, read once by main (read-only while threads run) */
static char *orgs_data;
static size_t orgs_size;

static void *run(void *arg)
{
    job *j = arg;
    double t0 = bench_thread_cpu();
    vnt_article a;
    memset(&a, 0, sizeof a);
    vnt_text t = {0};
    vnt_tokens tk = {0};
    for (size_t i = j->a; i < j->b; i += j->step) {
        const art *x = &j->v[i];
        if (j->naive) {
            vnt_tokenize(x->s, x->n, 0, &tk);
            j->out_bytes += tk.n;
            continue;
        }
        vnt_article_opts o;
        memset(&o, 0, sizeof o);
        o.version = VNT_ARTICLE_OPTS_VERSION;
        o.model = j->m;
        o.date = x->date;
        o.idf = j->idf;
        o.idf_len = j->idf_len;
        o.orgs = orgs_data;
        o.orgs_len = orgs_size;
        if (vnt_article_analyze(x->s, x->n, &o, &a) != VNT_OK ||
            vnt_article_json(&a, x->s, x->n, NULL, NULL, &o, 0, &t) != VNT_OK) {
            fprintf(stderr, "bench_analyze: analysis failed\n");
            exit(1);
        }
        j->out_bytes += t.len;
    }
    vnt_article_free(&a);
    vnt_text_free(&t);
    vnt_tokens_free(&tk);
    j->tcpu = bench_thread_cpu() - t0;
    return NULL;
}

static double cpu1[2]; /* one-thread CPU seconds: [0] analyze, [1] baseline */

/* one pass over all articles with nt threads (every nt-th article each) */
static void pass(const char *name, const art *v, size_t na, size_t bytes, int nt,
                 const vnt_model *m, const char *idf, size_t idf_len, int naive, double *wall1)
{
    job J[2];
    pthread_t th[2];
    double w0 = bench_now(), c0 = bench_cpu();
    for (int k = 0; k < nt; k++) {
        J[k] = (job){v, (size_t)k, na, (size_t)nt, m, idf, idf_len, naive, 0, 0};
        if (nt > 1)
            pthread_create(&th[k], NULL, run, &J[k]);
        else
            run(&J[k]);
    }
    if (nt > 1)
        for (int k = 0; k < nt; k++)
            pthread_join(th[k], NULL);
    double w = bench_now() - w0, c = bench_cpu() - c0;
    printf("%-28s %d thread%s  %7.2f MB/s  %8.0f articles/s  (wall %.2f s, cpu %.2f s", name, nt,
           nt > 1 ? "s" : " ", bytes / 1e6 / w, na / w, w, c);
    if (nt == 1) *wall1 = w;
    if (nt > 1 && *wall1 > 0) printf(", speed-up %.2fx", *wall1 / w);
    printf(")\n");
    /* CPU time per thread: on a loaded machine the wall clock says little;
     * the busiest thread's CPU time bounds the wall time on idle cores, and
     * a sum above the one-thread CPU time shows contention */
    double mx = 0, sum = 0;
    for (int k = 0; k < nt; k++) {
        sum += J[k].tcpu;
        if (J[k].tcpu > mx) mx = J[k].tcpu;
    }
    if (nt == 1) cpu1[naive] = J[0].tcpu;
    printf("%-28s   per core %6.2f MB/s of CPU", "", mx > 0 ? bytes / 1e6 / sum : 0);
    if (nt > 1 && mx > 0 && cpu1[naive] > 0)
        printf("; thread CPU %.2f s max, %.2f s sum; CPU-bound speed-up %.2fx", mx, sum,
               cpu1[naive] / mx);
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *mp = argc > 1 ? argv[1] : "models/vntext.model";
    const char *np = argc > 2 ? argv[2] : "../shared/data/news/unc_dantri_2020_2021.txt";
    size_t n;
    char *b = bench_read_file(np, &n);
    if (!b) {
        printf("SKIP bench_analyze: %s absent\n", np);
        return 0;
    }
    vnt_model *m = NULL;
    char msg[256];
    if (vnt_model_open(mp, &m, msg, sizeof msg) != VNT_OK) {
        printf("SKIP bench_analyze: model %s: %s\n", mp, msg);
        free(b);
        return 0;
    }
    size_t idf_len = 0;
    char *idf = bench_read_file("models/news-idf.tsv", &idf_len);
    orgs_data = bench_read_file("models/news-orgs.tsv", &orgs_size);
    /* UNC articles: body after "# doc_id / # url / # date" up to the next "# doc_id" */
    art *v = NULL;
    size_t na = 0, cap = 0, bytes = 0;
    char *p = strstr(b, "# doc_id = ");
    while (p) {
        char *q = p, *d = strstr(p, "# date = ");
        for (int h = 0; h < 3 && q; h++)
            if ((q = strchr(q, '\n')) != NULL) q++;
        if (!q) break;
        char *nx = strstr(q, "\n# doc_id = ");
        if (na == cap) {
            cap = cap ? cap * 2 : 1024;
            art *nv = realloc(v, cap * sizeof *v);
            if (!nv) return 1;
            v = nv;
        }
        v[na].s = q;
        v[na].n = nx ? (size_t)(nx + 1 - q) : (size_t)(b + n - q);
        v[na].date[0] = 0;
        if (d && d < q) memcpy(v[na].date, d + 9, 8), v[na].date[8] = 0;
        bytes += v[na].n;
        na++;
        p = nx ? nx + 1 : NULL;
    }
    printf("news corpus: %zu articles, %.2f MB (bodies)%s\n", na, bytes / 1e6,
           idf ? "" : "; models/news-idf.tsv absent, keywords without IDF");
    double w1 = 0, wn = 0;
    pass("naive baseline (tokenize)", v, na, bytes, 1, m, idf, idf_len, 1, &wn);
    pass("naive baseline (tokenize)", v, na, bytes, 2, m, idf, idf_len, 1, &wn);
    pass("analyze + JSON", v, na, bytes, 1, m, idf, idf_len, 0, &w1);
    pass("analyze + JSON", v, na, bytes, 2, m, idf, idf_len, 0, &w1);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS %.1f MB (corpus %.1f MB in memory)\n", ru.ru_maxrss / 1024.0, n / 1e6);
    free(v);
    free(idf);
    free(orgs_data);
    free(b);
    vnt_model_free(m);
    return 0;
}
