/* Training of the entity tagger (ner.c): structured averaged perceptron
 * over the labelled regions of the team's gold articles (tests/gold), on top
 * of the rules' entities. The result is the base model with an entity
 * section added (or replaced). Deterministic for a seed. */
#include "../ner.h"
#include "train.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { L = VNT__NER_LABELS, BUCKET_BITS = 18 };

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

typedef struct sent {
    size_t a, b; /* token range in the training arrays */
} sent;

typedef struct tset {
    uint32_t *f; /* [tokens][VNT__NER_MAXF], unused slots 0 */
    uint8_t *nf, *gold;
    size_t n, cap;
    sent *s;
    size_t ns, cap_s;
} tset;

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 1;
    size_t nc = *cap ? *cap * 2 : 1024;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, nc * elem);
    if (!q) return 0;
    *p = q;
    *cap = nc;
    return 1;
}

/* The names of the labels (ner.h, known): key -> how often each type. */
typedef struct nkey {
    uint64_t key;
    uint32_t cnt[VNT_ENT_TYPE_COUNT];
} nkey;

typedef struct ntab {
    nkey *e;
    size_t cap, n;
} ntab;

static nkey *ntab_get(ntab *t, uint64_t key, int add)
{
    if (!key) key = 1;
    if (add && (t->n + 1) * 2 > t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 4096;
        nkey *ne = calloc(nc, sizeof *ne);
        if (!ne) return NULL;
        for (size_t i = 0; i < t->cap; i++)
            if (t->e[i].key) {
                size_t j = (size_t)(t->e[i].key >> 40) & (nc - 1);
                while (ne[j].key)
                    j = (j + 1) & (nc - 1);
                ne[j] = t->e[i];
            }
        free(t->e);
        t->e = ne;
        t->cap = nc;
    }
    if (!t->cap) return NULL;
    for (size_t j = (size_t)(key >> 40) & (t->cap - 1);; j = (j + 1) & (t->cap - 1)) {
        if (t->e[j].key == key) return &t->e[j];
        if (!t->e[j].key) {
            if (!add) return NULL;
            t->e[j].key = key;
            t->n++;
            return &t->e[j];
        }
    }
}

/* The label names of one article: their keys and types, appended to *keys. */
typedef struct dname {
    uint64_t key;
    int type;
} dname;

static int doc_names(const an_ctx *c, const vnt__ner_tok *tk, const vnt_entity_doc *d, dname **keys,
                     size_t *n, size_t *cap)
{
    for (size_t k = 0; k < d->n_ents; k++) {
        const vnt_entity_gold *g = &d->ents[k];
        size_t x = 0;
        while (x < c->nt && c->t[x].s < g->start)
            x++;
        size_t y = x;
        while (y < c->nt && c->t[y].e <= g->end)
            y++;
        if (y == x || y - x > VNT__NER_NAME_MAX) continue;
        uint64_t key = VNT__NER_NAME_SEED;
        for (size_t i = x; i < y; i++)
            key = vnt__ner_name_step(key, tk[i].h);
        if (!grow((void **)keys, cap, *n + 1, sizeof **keys)) return 0;
        (*keys)[(*n)++] = (dname){key ^ (y - x), (int)g->type};
    }
    return 1;
}

/* Jackknife: a name counts as known for an article only if other articles
 * have it (why: its own labels would make the feature perfect in training
 * and useless on new text). */
typedef struct jack {
    ntab *all;
    const dname *own;
    size_t n_own;
} jack;

static unsigned known_jack(const void *u, uint64_t key)
{
    const jack *j = u;
    const nkey *e = ntab_get(j->all, key ? key : 1, 0);
    if (!e) return 0;
    unsigned m = 0;
    for (int t = 0; t < VNT_ENT_TYPE_COUNT; t++) {
        uint32_t c = e->cnt[t];
        for (size_t k = 0; k < j->n_own; k++)
            if (j->own[k].key == key && j->own[k].type == t) c--;
        if (c) m |= 1u << t;
    }
    return m;
}

/* Analyse with the rules alone. *o must outlive the use of a (the analysis
 * keeps a pointer to its options). */
static vnt_status analyze_doc(const vnt_model *base, const vnt_entity_doc *d,
                              const vnt_article_opts *ao, vnt_article_opts *o, vnt_article *a)
{
    memset(o, 0, sizeof *o);
    if (ao) *o = *ao;
    o->version = VNT_ARTICLE_OPTS_VERSION;
    o->model = base;
    o->date = d->date;
    o->flags |= VNT_ARTICLE_RULES_ONLY;
    return vnt_article_analyze(d->text, d->len, o, a);
}

static vnt_status add_doc(tset *ts, const vnt_model *base, const vnt_entity_doc *d,
                          const vnt_article_opts *ao, ntab *names)
{
    vnt_article a = {0};
    vnt_article_opts o;
    vnt_status st = analyze_doc(base, d, ao, &o, &a);
    if (st != VNT_OK) return st;
    an_ctx *c = &((an_internal *)a.internal)->ctx;
    vnt__ner_tok *tk = malloc((c->nt + 1) * sizeof *tk);
    uint8_t *gold = calloc(c->nt + 1, 1);
    dname *own = NULL;
    size_t n_own = 0, cap_own = 0;
    if (!tk || !gold) {
        st = VNT_ERR_NOMEM;
        goto out;
    }
    /* this article's names, to leave out of the known ones */
    vnt__ner_prepare(c, tk, NULL, NULL);
    if (!doc_names(c, tk, d, &own, &n_own, &cap_own)) {
        st = VNT_ERR_NOMEM;
        goto out;
    }
    jack j = {names, own, n_own};
    vnt__ner_prepare(c, tk, known_jack, &j);
    for (size_t k = 0; k < d->n_ents; k++) {
        const vnt_entity_gold *g = &d->ents[k];
        for (size_t i = 0; i < c->nt; i++)
            if (c->t[i].s >= g->start && c->t[i].e <= g->end)
                gold[i] = (uint8_t)(c->t[i].s == g->start || (i > 0 && c->t[i - 1].s < g->start)
                                        ? 1 + 2 * (int)g->type
                                        : 2 + 2 * (int)g->type);
    }
    for (size_t s0 = 0; s0 < c->nt;) {
        size_t s1 = s0 + 1;
        while (s1 < c->nt && !c->t[s1].sent0)
            s1++;
        if (c->t[s1 - 1].e <= d->region_end) {
            if (!grow((void **)&ts->f, &ts->cap, ts->n + (s1 - s0),
                      sizeof *ts->f * VNT__NER_MAXF) ||
                !grow((void **)&ts->s, &ts->cap_s, ts->ns + 1, sizeof *ts->s)) {
                st = VNT_ERR_NOMEM;
                goto out;
            }
            uint8_t *nf = realloc(ts->nf, ts->cap), *gd = realloc(ts->gold, ts->cap);
            if (nf) ts->nf = nf;
            if (gd) ts->gold = gd;
            if (!nf || !gd) {
                st = VNT_ERR_NOMEM;
                goto out;
            }
            ts->s[ts->ns++] = (sent){ts->n, ts->n + (s1 - s0)};
            for (size_t i = s0; i < s1; i++) {
                uint32_t *f = ts->f + ts->n * VNT__NER_MAXF;
                ts->nf[ts->n] =
                    (uint8_t)vnt__ner_features(tk, s0, s1, i, (1u << BUCKET_BITS) - 1, f);
                /* a label that cannot follow its predecessor (a gold span
                 * starting mid-token) becomes a B */
                uint8_t g = gold[i];
                if (!vnt__ner_allowed(i == s0 ? L : gold[i - 1], g)) g = (uint8_t)(g - 1);
                ts->gold[ts->n++] = g;
            }
        }
        s0 = s1;
    }
out:
    free(tk);
    free(gold);
    free(own);
    vnt_article_free(&a);
    return st;
}

/* Pass 1: the names of every article's labels, counted by type. */
static vnt_status count_names(const vnt_model *base, const vnt_entity_doc *docs, size_t n_docs,
                              const vnt_article_opts *ao, ntab *names)
{
    dname *keys = NULL;
    size_t cap = 0;
    vnt_status st = VNT_OK;
    for (size_t k = 0; k < n_docs && st == VNT_OK; k++) {
        vnt_article a = {0};
        vnt_article_opts o;
        st = analyze_doc(base, &docs[k], ao, &o, &a);
        if (st != VNT_OK) break;
        an_ctx *c = &((an_internal *)a.internal)->ctx;
        vnt__ner_tok *tk = malloc((c->nt + 1) * sizeof *tk);
        size_t n = 0;
        if (!tk)
            st = VNT_ERR_NOMEM;
        else {
            vnt__ner_prepare(c, tk, NULL, NULL);
            if (!doc_names(c, tk, &docs[k], &keys, &n, &cap)) st = VNT_ERR_NOMEM;
            for (size_t i = 0; i < n && st == VNT_OK; i++) {
                nkey *e = ntab_get(names, keys[i].key, 1);
                if (!e)
                    st = VNT_ERR_NOMEM;
                else
                    e->cnt[keys[i].type]++;
            }
        }
        free(tk);
        vnt_article_free(&a);
    }
    free(keys);
    return st;
}

vnt_status vnt_train_entities(const vnt_model *base, const vnt_entity_doc *docs, size_t n_docs,
                              const vnt_article_opts *aopts, int epochs, uint64_t seed,
                              vnt_text *out)
{
    if (!base || !out || (!docs && n_docs) || epochs < 1 || epochs > 1000) return VNT_ERR_ARG;
    tset ts = {0};
    ntab names = {0};
    vnt_status st = VNT_OK;
    const size_t nb = (size_t)1 << BUCKET_BITS;
    float *w = calloc(nb * L, sizeof *w), *u = calloc(nb * L, sizeof *u);
    float tr[L + 1][L] = {{0}}, tu[L + 1][L] = {{0}};
    size_t *order = NULL;
    float *em = NULL;
    uint8_t *bp = NULL, *pred = NULL;
    unsigned char *sec = NULL;
    char *meta = NULL;
    if (!w || !u) {
        st = VNT_ERR_NOMEM;
        goto done;
    }
    st = count_names(base, docs, n_docs, aopts, &names);
    for (size_t k = 0; k < n_docs && st == VNT_OK; k++)
        st = add_doc(&ts, base, &docs[k], aopts, &names);
    if (st != VNT_OK) goto done;
    order = malloc((ts.ns + 1) * sizeof *order);
    em = malloc((ts.n + 1) * L * sizeof *em);
    bp = malloc((ts.n + 1) * L);
    pred = malloc(ts.n + 1);
    if (!order || !em || !bp || !pred) {
        st = VNT_ERR_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < ts.ns; i++)
        order[i] = i;
    uint64_t rng = seed * 0x9E3779B97F4A7C15ull + 1;
    float cnt = 1;
    for (int ep = 0; ep < epochs; ep++) {
        for (size_t i = ts.ns; i > 1; i--) { /* Fisher-Yates, xorshift64 */
            rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
            size_t j = (size_t)(rng % i), x = order[i - 1];
            order[i - 1] = order[j], order[j] = x;
        }
        for (size_t oi = 0; oi < ts.ns; oi++) {
            const sent *s = &ts.s[order[oi]];
            size_t n = s->b - s->a;
            for (size_t i = s->a; i < s->b; i++) {
                float *e = em + (i - s->a) * L;
                for (int l = 0; l < L; l++)
                    e[l] = 0;
                for (int q = 0; q < ts.nf[i]; q++) {
                    const float *wf = w + (size_t)ts.f[i * VNT__NER_MAXF + q] * L;
                    for (int l = 0; l < L; l++)
                        e[l] += wf[l];
                }
            }
            vnt__ner_viterbi(em, n, (const float(*)[L])tr, bp, pred);
            for (size_t k = 0; k < n; k++) {
                size_t i = s->a + k;
                int g = ts.gold[i], p = pred[k];
                int pg = k ? ts.gold[i - 1] : L, pp = k ? pred[k - 1] : L;
                if (g != p) {
                    for (int q = 0; q < ts.nf[i]; q++) {
                        size_t f = (size_t)ts.f[i * VNT__NER_MAXF + q] * L;
                        w[f + (size_t)g] += 1, u[f + (size_t)g] += cnt;
                        w[f + (size_t)p] -= 1, u[f + (size_t)p] -= cnt;
                    }
                }
                if (g != p || pg != pp) {
                    tr[pg][g] += 1, tu[pg][g] += cnt;
                    tr[pp][p] -= 1, tu[pp][p] -= cnt;
                }
            }
            cnt += 1;
        }
    }
    /* averaged weights, quantised to int16 */
    float maxw = 0;
    for (size_t i = 0; i < nb * L; i++) {
        w[i] -= u[i] / cnt;
        if (fabsf(w[i]) > maxw) maxw = fabsf(w[i]);
    }
    for (int a = 0; a <= L; a++)
        for (int b = 0; b < L; b++)
            tr[a][b] -= tu[a][b] / cnt;
    float scale = maxw > 0 ? maxw / 32000.0f : 1.0f;
    uint32_t ns = 0;
    if (names.n) {
        ns = 64;
        while (ns < 2 * names.n + 1)
            ns *= 2;
    }
    size_t wsz = 448 + nb * L * 2, secsz = wsz + (size_t)ns * 8;
    sec = calloc(1, secsz);
    if (!sec) {
        st = VNT_ERR_NOMEM;
        goto done;
    }
    put32(sec, (uint32_t)nb);
    put32(sec + 4, L);
    memcpy(sec + 8, &scale, 4);
    put32(sec + 12, ns);
    /* the names: key & ~15 | types, probed from key >> 40 as ner.c does */
    for (size_t i = 0; i < names.cap; i++) {
        const nkey *e = &names.e[i];
        if (!e->key) continue;
        uint64_t k = e->key & ~(uint64_t)15, v;
        if (!k) k = 16;
        unsigned m = 0;
        for (int t = 0; t < VNT_ENT_TYPE_COUNT; t++)
            if (e->cnt[t]) m |= 1u << t;
        v = k | m;
        size_t j = (size_t)(e->key >> 40) & (ns - 1);
        for (;; j = (j + 1) & (ns - 1)) {
            unsigned char *q = sec + wsz + 8 * j;
            uint64_t old = 0;
            for (int b = 0; b < 8; b++)
                old |= (uint64_t)q[b] << (8 * b);
            if (!old) {
                for (int b = 0; b < 8; b++)
                    q[b] = (unsigned char)(v >> (8 * b));
                break;
            }
        }
    }
    for (int a = 0; a <= L; a++)
        for (int b = 0; b < L; b++)
            memcpy(sec + 16 + 4 * (L * a + b), &tr[a][b], 4);
    for (size_t i = 0; i < nb * L; i++) {
        long q = lroundf(w[i] / scale);
        int16_t v = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
        sec[448 + 2 * i] = (unsigned char)((uint16_t)v & 0xFF);
        sec[448 + 2 * i + 1] = (unsigned char)((uint16_t)v >> 8);
    }
    /* the base model's sections, its entity section replaced; meta notes it */
    const unsigned char *d = base->data;
    uint32_t nsec = le32(d + 16), toff = le32(d + 20);
    vnt__section_in secs[VNT__MODEL_MAX_SECTIONS];
    size_t k = 0;
    char extra[160];
    int el =
        snprintf(extra, sizeof extra,
                 "entity=averaged perceptron, %zu sentences, %zu tokens, %d epochs, seed %llu\n",
                 ts.ns, ts.n, epochs, (unsigned long long)seed);
    for (uint32_t i = 0; i < nsec && k + 1 < VNT__MODEL_MAX_SECTIONS; i++) {
        const unsigned char *e = d + toff + 32 * (size_t)i;
        uint32_t id = le32(e), ver = le32(e + 4);
        uint64_t off = le64(e + 8), size = le64(e + 16);
        if (id == VNT__SEC_ENTITY) continue;
        if (id == VNT__SEC_META) {
            size_t ml = (size_t)size;
            const char *m0 = (const char *)d + off;
            /* drop an earlier entity= line */
            meta = malloc(ml + (size_t)el + 2);
            if (!meta) {
                st = VNT_ERR_NOMEM;
                goto done;
            }
            size_t mlen = 0;
            for (size_t p = 0; p < ml;) {
                const char *nl = memchr(m0 + p, '\n', ml - p);
                size_t q = nl ? (size_t)(nl - m0) + 1 : ml;
                if (!(q - p >= 7 && !memcmp(m0 + p, "entity=", 7))) {
                    memcpy(meta + mlen, m0 + p, q - p);
                    mlen += q - p;
                }
                p = q;
            }
            if (mlen && meta[mlen - 1] != '\n') meta[mlen++] = '\n';
            memcpy(meta + mlen, extra, (size_t)el);
            mlen += (size_t)el;
            secs[k++] = (vnt__section_in){id, ver, meta, mlen};
        } else
            secs[k++] = (vnt__section_in){id, ver, d + off, (size_t)size};
    }
    secs[k++] = (vnt__section_in){VNT__SEC_ENTITY, VNT__ENTITY_VERSION, sec, secsz};
    st = vnt__model_write(secs, k, out);
done:
    free(names.e);
    free(ts.f);
    free(ts.nf);
    free(ts.gold);
    free(ts.s);
    free(w);
    free(u);
    free(order);
    free(em);
    free(bp);
    free(pred);
    free(sec);
    free(meta);
    return st;
}
