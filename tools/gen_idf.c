/* Keyword statistics for `vntext analyze` (issue 4): inverse document
 * frequency of every keyword candidate over the news corpus, written as the
 * sorted "key<TAB>idf" file models/news-idf.tsv.
 *
 *   make build/tools/gen_idf
 *   build/tools/gen_idf models/vntext.model ../shared/data/news/unc_dantri_2020_2021.txt \
 *       > models/news-idf.tsv
 *
 * Keys are exactly those vnt_article_analyze looks up (vnt__an_keys), so the
 * same model must be used. idf = ln(N / df); keys seen in one article only are
 * left out (the analyser scores unseen keys as rare). The output is derived
 * from the corpus and carries its licence, GPL-3.0 (models/news-idf.md). */
#include "analyze.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct keys {
    char **v;
    size_t n, cap;
} keys;

static void push(keys *k, const char *s)
{
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 1024;
        char **nv = realloc(k->v, k->cap * sizeof *nv);
        if (!nv) {
            fprintf(stderr, "gen_idf: out of memory\n");
            exit(1);
        }
        k->v = nv;
    }
    k->v[k->n++] = strdup(s);
}

static void on_key(void *u, const char *key)
{
    push(u, key);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long k = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = k >= 0 ? malloc((size_t)k + 1) : NULL;
    if (b && fread(b, 1, (size_t)k, f) != (size_t)k) free(b), b = NULL;
    fclose(f);
    if (b) b[k] = 0, *n = (size_t)k;
    return b;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_idf MODEL NEWS.txt > models/news-idf.tsv\n");
        return 2;
    }
    vnt_model *m = NULL;
    char msg[256];
    if (vnt_model_open(argv[1], &m, msg, sizeof msg) != VNT_OK) {
        fprintf(stderr, "gen_idf: %s\n", msg);
        return 1;
    }
    size_t n;
    char *b = slurp(argv[2], &n);
    if (!b) {
        fprintf(stderr, "gen_idf: cannot read %s\n", argv[2]);
        return 1;
    }
    keys all = {0}, doc = {0};
    vnt_article art;
    memset(&art, 0, sizeof art);
    vnt_article_opts o;
    memset(&o, 0, sizeof o);
    o.version = VNT_ARTICLE_OPTS_VERSION;
    o.model = m;
    size_t ndocs = 0;
    static const char tag[] = "# doc_id = ";
    char *p = strstr(b, tag);
    while (p) {
        /* body: after the three header lines, up to the next "# doc_id" */
        char *q = p;
        for (int h = 0; h < 3 && q; h++) {
            q = strchr(q, '\n');
            if (q) q++;
        }
        if (!q) break;
        char *nx = strstr(q, "\n# doc_id = ");
        size_t len = nx ? (size_t)(nx + 1 - q) : (size_t)(b + n - q);
        if (vnt_article_analyze(q, len, &o, &art) != VNT_OK) {
            fprintf(stderr, "gen_idf: analysis failed\n");
            return 1;
        }
        doc.n = 0;
        vnt__an_keys(&art, on_key, &doc);
        qsort(doc.v, doc.n, sizeof *doc.v, cmp);
        for (size_t i = 0; i < doc.n; i++) {
            if (i == 0 || strcmp(doc.v[i], doc.v[i - 1])) push(&all, doc.v[i]);
            free(doc.v[i]);
        }
        ndocs++;
        p = nx ? nx + 1 : NULL;
    }
    qsort(all.v, all.n, sizeof *all.v, cmp);
    printf("# news-idf: ln(N/df) over %zu articles of unc_dantri_2020_2021 (GPL-3.0)\n", ndocs);
    for (size_t i = 0; i < all.n;) {
        size_t j = i;
        while (j < all.n && !strcmp(all.v[j], all.v[i]))
            j++;
        /* keys with a tab or newline cannot be stored; singletons are left out */
        if (j - i >= 2 && !strpbrk(all.v[i], "\t\n"))
            printf("%s\t%.3f\n", all.v[i], log((double)ndocs / (double)(j - i)));
        i = j;
    }
    for (size_t i = 0; i < all.n; i++)
        free(all.v[i]);
    free(all.v), free(doc.v), free(b);
    vnt_article_free(&art);
    vnt_model_free(m);
    return 0;
}
