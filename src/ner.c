/* Entity tagger (issue 4): a first-order Viterbi over O / B-X / I-X labels
 * (X = PER ORG LOC MISC) for each sentence of an article, whose features are
 * the tokens, their case shapes, words and tags, the name lists, and the
 * entities the rules of entity.c proposed (stacking: the model learns when
 * the rules are right and where their spans end). It runs after the rules
 * when the model has an entity section (train/train_entity.c); the rules'
 * attributes (titles, honorific, level, province, ref) are kept for every
 * span the model confirms and looked up again for a span it changes. */
#include "ner.h"

#include <stdlib.h>
#include <string.h>

#define LAB_B(t)    (1 + 2 * (int)(t))
#define LAB_I(t)    (2 + 2 * (int)(t))
#define LAB_TYPE(l) (((l)-1) / 2)
#define LAB_IS_I(l) ((l) > 0 && ((l)&1) == 0)

uint64_t vnt__ner_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* Token range [*a, *b) of bytes [s, e): tokens starting inside it. */
static int tok_range(const an_ctx *c, size_t s, size_t e, size_t *a, size_t *b)
{
    size_t lo = 0, hi = c->nt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->t[mid].s < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    while (k < c->nt && c->t[k].e <= e)
        k++;
    *a = lo;
    *b = k;
    return k > lo && c->t[lo].s == s && c->t[k - 1].e == e;
}

unsigned vnt__ner_known_model(const void *model, uint64_t key)
{
    const vnt_model *m = model;
    if (!m->ner_names) return 0;
    uint64_t k = key & ~(uint64_t)15;
    if (!k) k = 16;
    for (uint32_t i = (uint32_t)(key >> 40) & m->ner_names_mask;; i = (i + 1) & m->ner_names_mask) {
        uint64_t e = m->ner_names[i];
        if (!e) return 0;
        if ((e & ~(uint64_t)15) == k) return (unsigned)(e & 15);
    }
}

/* Longest names the model knows, left to right: B I E S << 4 | types. */
/* For each token, the distance back to the nearest organisation head and on
 * to the nearest place name, within its sentence, at most 6 tokens, with no
 * punctuation between: two passes instead of a scan at every token. */
static void reach(const an_ctx *c, vnt__ner_tok *nt)
{
    size_t head = (size_t)-1, stop = 0; /* last head; first index after the last barrier */
    for (size_t i = 0; i < c->nt; i++) {
        if (c->t[i].sent0) head = (size_t)-1, stop = i;
        nt[i].dh = head != (size_t)-1 && head >= stop && i - head <= 6 ? (uint8_t)(i - head) : 0;
        if (nt[i].shape >> 2 == VNT_TOK_PUNCT)
            head = (size_t)-1, stop = i + 1;
        else if (nt[i].vocab & 4)
            head = i;
    }
    size_t place = (size_t)-1;
    for (size_t i = c->nt; i-- > 0;) {
        /* place: the nearest later place start in this sentence with no
         * punctuation up to and including it */
        nt[i].dp = place != (size_t)-1 && place - i <= 6 ? (uint8_t)(place - i) : 0;
        if (nt[i].shape >> 2 == VNT_TOK_PUNCT)
            place = (size_t)-1;
        else if (nt[i].vocab >> 8)
            place = i;
        if (c->t[i].sent0) place = (size_t)-1;
    }
}

static void known_names(an_ctx *c, vnt__ner_tok *nt, vnt__ner_known_fn known, const void *u)
{
    for (size_t i = 0; i < c->nt; i++)
        nt[i].known = 0;
    if (!known) return;
    for (size_t i = 0; i < c->nt;) {
        /* names start capitalised or with an organisation head */
        if (c->t[i].cse == VNT_CASE_LOWER && !(nt[i].vocab & 4)) {
            i++;
            continue;
        }
        uint64_t k = VNT__NER_NAME_SEED;
        size_t best = 0;
        unsigned types = 0;
        for (size_t n = 1; n <= VNT__NER_NAME_MAX && i + n <= c->nt; n++) {
            if (n > 1 && c->t[i + n - 1].sent0) break;
            k = vnt__ner_name_step(k, nt[i + n - 1].h);
            unsigned t = known(u, k ^ n);
            if (t) best = n, types = t;
        }
        if (!best) {
            i++;
            continue;
        }
        for (size_t j = i; j < i + best; j++)
            nt[j].known = (uint8_t)((best == 1           ? 3
                                     : j == i            ? 0
                                     : j + 1 == i + best ? 2
                                                         : 1)
                                        << 4 |
                                    types);
        i += best;
    }
}

typedef struct run_ctx {
    uint64_t key, left, right;
    size_t at, len;
} run_ctx;

static int cmp_run(const void *x, const void *y)
{
    const run_ctx *a = x, *b = y;
    return a->key < b->key ? -1 : a->key > b->key ? 1 : (a->at > b->at) - (a->at < b->at);
}

static int lower_word(const an_ctx *c, size_t i)
{
    return c->t[i].cse == VNT_CASE_LOWER && c->t[i].type == VNT_TOK_SYLLABLE;
}

/* Context aggregation (one sense per document): a name mentioned several
 * times is often introduced once with its cue ("CLB Atalanta", "hãng
 * Moderna") and then bare; every mention gets the lower-case words around
 * the other mentions. Needs the runs of capitalised tokens. */
static void doc_context(const an_ctx *c, vnt__ner_tok *nt)
{
    for (size_t i = 0; i < c->nt; i++)
        nt[i].dl[0] = nt[i].dl[1] = nt[i].dr[0] = nt[i].dr[1] = 0;
    size_t nr = 0;
    for (size_t i = 0; i < c->nt; i++)
        if (nt[i].run == 1) nr++;
    run_ctx *r = nr ? malloc(nr * sizeof *r) : NULL;
    if (!r) return; /* no memory: no aggregated context, nothing else lost */
    nr = 0;
    for (size_t i = 0; i < c->nt; i++) {
        if (nt[i].run != 1) continue;
        size_t j = i;
        uint64_t key = 0x52554Eu;
        while (j < c->nt && nt[j].run == j - i + 1 && j - i < 4)
            key = vnt__mix(key, nt[j++].h);
        while (j < c->nt && nt[j].run == 4) /* capped: the rest of a long run */
            key = vnt__mix(key, nt[j++].h);
        run_ctx *x = &r[nr++];
        x->key = key;
        x->at = i;
        x->len = j - i;
        x->left = i > 0 && !c->t[i].sent0 && lower_word(c, i - 1) ? nt[i - 1].h : 0;
        x->right = j < c->nt && !c->t[j].sent0 && lower_word(c, j) ? nt[j].h : 0;
    }
    qsort(r, nr, sizeof *r, cmp_run);
    for (size_t g = 0; g < nr;) {
        size_t h = g;
        while (h < nr && r[h].key == r[g].key)
            h++;
        if (h - g >= 2) {
            /* the first two distinct cues of each side, in text order */
            uint64_t dl[2] = {0, 0}, dr[2] = {0, 0};
            for (size_t q = g; q < h; q++) {
                if (r[q].left && r[q].left != dl[0] && !dl[1]) dl[dl[0] ? 1 : 0] = r[q].left;
                if (r[q].right && r[q].right != dr[0] && !dr[1]) dr[dr[0] ? 1 : 0] = r[q].right;
            }
            for (size_t q = g; q < h; q++)
                for (size_t k = r[q].at; k < r[q].at + r[q].len; k++) {
                    nt[k].dl[0] = dl[0], nt[k].dl[1] = dl[1];
                    nt[k].dr[0] = dr[0], nt[k].dr[1] = dr[1];
                }
        }
        g = h;
    }
    free(r);
}

void vnt__ner_prepare(an_ctx *c, vnt__ner_tok *nt, vnt__ner_known_fn known, const void *u)
{
    for (size_t i = 0; i < c->nt; i++) {
        const an_tok *t = &c->t[i];
        vnt__ner_tok *o = &nt[i];
        o->h = vnt__ner_hash(t->lk);
        o->shape = (uint8_t)(t->type * 4 + (t->cse & 3));
        o->upos = t->upos;
        o->rule = 0;
        o->flags = (uint8_t)((t->sent0 ? 1 : 0) | (t->word0 ? 2 : 0) |
                             (t->wlast != i || !t->word0 ? 4 : 0) | (t->used ? 8 : 0));
        if (t->cse != VNT_CASE_LOWER && t->type == VNT_TOK_SYLLABLE) {
            unsigned g =
                vnt__an_gaz(c, i, VNT__GAZ_SURNAME | VNT__GAZ_GIVEN | VNT__GAZ_PLACE_PREFIX);
            if (g & VNT__GAZ_SURNAME) o->flags |= 16;
            if (g & VNT__GAZ_GIVEN) o->flags |= 32;
            if (g & VNT__GAZ_PLACE_PREFIX) o->flags |= 64;
        }
    }
    /* distributional clusters (the tagger's, from wiki and news text): a
     * company or club name unseen in the labels may share a cluster with
     * seen ones */
    const vnt__wordtab *wt = c->opts && c->opts->model ? &c->opts->model->words : NULL;
    uint64_t *key = wt && wt->slots ? malloc(c->nt * sizeof *key + 1) : NULL;
    for (size_t i = 0; i < c->nt; i++) {
        nt[i].cl = nt[i].cl2 = nt[i].wcl = 0;
        if (!key) continue;
        if (!(key[i] = c->t[i].key)) { /* not from the model's analysis */
            vnt__tokinfo ti;
            vnt__token_info(c->s + c->t[i].s, c->t[i].e - c->t[i].s, &ti);
            key[i] = ti.key;
        }
        const uint32_t *w = vnt__words_get(wt, vnt__seq_add(vnt__seq_start(), key[i]));
        if (w) nt[i].cl = (uint16_t)(w[2] & 0xFFFF), nt[i].cl2 = (uint16_t)(w[2] >> 16);
    }
    for (size_t i = 0; key && i < c->nt; i++) {
        if (!c->t[i].word0 || c->t[i].wlast <= i || c->t[i].wlast >= c->nt) continue;
        uint64_t h = vnt__seq_start();
        for (size_t k = i; k <= c->t[i].wlast; k++)
            h = vnt__seq_add(h, key[k]);
        const uint32_t *w = vnt__words_get(wt, h);
        for (size_t k = i; w && k <= c->t[i].wlast; k++)
            nt[k].wcl = (uint16_t)(w[2] & 0xFFFF);
    }
    free(key);
    for (size_t i = 0; i < c->nt; i++) {
        nt[i].vocab = (uint16_t)vnt__an_vocab(c, i);
        nt[i].wh = 0;
        if (c->t[i].word0 && c->t[i].wlast > i && c->t[i].wlast < c->nt) {
            uint64_t h = 0;
            for (size_t k = i; k <= c->t[i].wlast; k++)
                h = vnt__mix(h, nt[k].h);
            for (size_t k = i; k <= c->t[i].wlast; k++)
                nt[k].wh = h;
        }
    }
    reach(c, nt);
    known_names(c, nt, known, u);
    /* runs of capitalised tokens (a name's extent) */
    for (size_t i = 0; i < c->nt;) {
        size_t j = i;
        while (j < c->nt && c->t[j].cse != VNT_CASE_LOWER && (j == i || !c->t[j].sent0))
            j++;
        if (j == i) {
            nt[i].run = nt[i].runlen = 0;
            i++;
            continue;
        }
        for (size_t k = i; k < j; k++) {
            nt[k].run = (uint8_t)(k - i + 1 > 4 ? 4 : k - i + 1);
            nt[k].runlen = (uint8_t)(j - i > 5 ? 5 : j - i);
        }
        i = j;
    }
    doc_context(c, nt);
    const vnt_article *a = c->a;
    for (size_t k = 0; k < a->n_entities; k++) {
        const vnt_entity *e = &a->entities[k];
        size_t x, y;
        if (e->nominal) continue;
        tok_range(c, e->start, e->end, &x, &y);
        /* B I E S of the rule's span: where the rules end a name is a feature */
        for (size_t i = x; i < y; i++)
            nt[i].rule = (uint8_t)(1 + 4 * (int)e->type +
                                   (y - x == 1   ? 3
                                    : i == x     ? 0
                                    : i + 1 == y ? 2
                                                 : 1));
    }
}

static inline uint32_t fid(uint64_t h, uint32_t mask)
{
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return (uint32_t)h & mask;
}

static inline uint64_t mix(uint64_t a, uint64_t b)
{
    return vnt__mix(a, b);
}

int vnt__ner_features(const vnt__ner_tok *t, size_t a, size_t b, size_t i, uint32_t mask,
                      uint32_t *f)
{
    static const vnt__ner_tok edge = {
        .h = 0x5A5A5A5Aull, .shape = 0xFF, .upos = 0xFF, .rule = 0xFF, .cl = 0xFFFF, .cl2 = 0xFFFF};
    const vnt__ner_tok *p2 = i >= a + 2 ? &t[i - 2] : &edge, *p1 = i >= a + 1 ? &t[i - 1] : &edge;
    const vnt__ner_tok *n1 = i + 1 < b ? &t[i + 1] : &edge, *n2 = i + 2 < b ? &t[i + 2] : &edge;
    const vnt__ner_tok *c = &t[i];
    int k = 0;
    f[k++] = fid(1, mask);
    f[k++] = fid(mix(2, c->h), mask);
    f[k++] = fid(mix(3, p1->h), mask);
    f[k++] = fid(mix(4, n1->h), mask);
    f[k++] = fid(mix(5, p2->h), mask);
    f[k++] = fid(mix(6, n2->h), mask);
    f[k++] = fid(mix(mix(7, p1->h), c->h), mask);
    f[k++] = fid(mix(mix(8, c->h), n1->h), mask);
    f[k++] = fid(mix(9, c->shape), mask);
    f[k++] = fid(mix(10, (uint64_t)p1->shape << 8 | c->shape), mask);
    f[k++] = fid(mix(11, (uint64_t)c->shape << 8 | n1->shape), mask);
    f[k++] = fid(mix(12, (uint64_t)p1->shape << 16 | (uint64_t)c->shape << 8 | n1->shape), mask);
    f[k++] = fid(mix(13, c->rule), mask);
    f[k++] = fid(mix(14, (uint64_t)p1->rule << 8 | c->rule), mask);
    f[k++] = fid(mix(15, (uint64_t)c->rule << 8 | n1->rule), mask);
    f[k++] = fid(mix(16, (uint64_t)c->rule << 8 | c->shape), mask);
    f[k++] = fid(mix(17, c->upos), mask);
    f[k++] = fid(mix(18, (uint64_t)p1->upos << 8 | c->upos), mask);
    f[k++] = fid(mix(19, c->flags), mask);
    f[k++] = fid(mix(20, (uint64_t)p1->flags << 8 | c->flags), mask);
    f[k++] = fid(mix(mix(21, p1->h), c->shape), mask);
    f[k++] = fid(mix(mix(22, c->h), n1->shape), mask);
    f[k++] = fid(mix(mix(23, c->h), c->rule), mask);
    f[k++] = fid(mix(mix(24, p1->h), c->rule), mask);
    f[k++] = fid(mix(25, (uint64_t)c->flags << 16 | (uint64_t)c->shape << 8 | n1->shape), mask);
    f[k++] = fid(mix(mix(26, p2->h), p1->h), mask);
    f[k++] = fid(mix(27, c->vocab), mask);
    f[k++] = fid(mix(28, (uint64_t)p1->vocab << 16 | c->shape), mask);
    f[k++] = fid(mix(29, (uint64_t)n1->vocab << 16 | c->shape), mask);
    f[k++] = fid(mix(30, (uint64_t)c->run << 8 | c->runlen), mask);
    f[k++] = fid(mix(31, c->wh), mask);
    f[k++] = fid(mix(32, c->cl), mask);
    f[k++] = fid(mix(33, (uint64_t)c->cl2 << 8 | c->shape), mask);
    f[k++] = fid(mix(34, (uint64_t)p1->cl2 << 16 | c->cl2), mask);
    f[k++] = fid(mix(35, (uint64_t)c->cl2 << 16 | n1->cl2), mask);
    f[k++] = fid(mix(36, c->wcl), mask);
    f[k++] = fid(mix(37, c->known), mask);
    f[k++] = fid(mix(38, (uint64_t)c->known << 8 | c->shape), mask);
    f[k++] = fid(mix(39, (uint64_t)p1->known << 8 | c->known), mask);
    f[k++] = fid(mix(40, (uint64_t)c->known << 8 | c->rule), mask);
    /* reach: an organisation head a few tokens back and a place name a few
     * tokens on, with no punctuation between ("Cục Thi hành án dân sự Đà
     * Nẵng": the lower-case middle of a name) */
    unsigned dh = c->dh, dp = c->dp; /* vnt__ner_prepare: reach() */
    f[k++] = fid(mix(43, (uint64_t)dh << 8 | c->shape), mask);
    f[k++] = fid(mix(44, (uint64_t)dp << 8 | c->shape), mask);
    f[k++] = fid(mix(45, (uint64_t)dh << 4 | dp), mask);
    for (int q = 0; q < 2; q++) {
        if (c->dl[q]) f[k++] = fid(mix(41, c->dl[q]), mask);
        if (c->dr[q]) f[k++] = fid(mix(42, c->dr[q]), mask);
    }
    return k;
}

int vnt__ner_allowed(int prev, int lab)
{
    if (!LAB_IS_I(lab)) return 1;
    return prev > 0 && prev < VNT__NER_LABELS && LAB_TYPE(prev) == LAB_TYPE(lab);
}

void vnt__ner_viterbi(const float *em, size_t n,
                      const float trans[VNT__NER_LABELS + 1][VNT__NER_LABELS], uint8_t *bp,
                      uint8_t *out)
{
    enum { L = VNT__NER_LABELS };
    float d[L], nd[L], tr[L][L];
    /* forbidden transitions as a huge penalty: the inner loop without a
     * test (they never win: some allowed path is always finite) */
    for (int p = 0; p < L; p++)
        for (int l = 0; l < L; l++)
            tr[p][l] = vnt__ner_allowed(p, l) ? trans[p][l] : -1e30f;
    for (int l = 0; l < L; l++)
        d[l] = vnt__ner_allowed(L, l) ? trans[L][l] + em[l] : -1e30f;
    for (size_t i = 1; i < n; i++) {
        for (int l = 0; l < L; l++) {
            float best = d[0] + tr[0][l];
            int arg = 0;
            for (int p = 1; p < L; p++) {
                float s = d[p] + tr[p][l];
                if (s > best) best = s, arg = p;
            }
            nd[l] = best + em[i * L + (size_t)l];
            bp[i * L + (size_t)l] = (uint8_t)arg;
        }
        memcpy(d, nd, sizeof d);
    }
    int y = 0;
    for (int l = 1; l < L; l++)
        if (d[l] > d[y]) y = l;
    for (size_t i = n; i-- > 0;) {
        out[i] = (uint8_t)y;
        if (i) y = bp[i * L + (size_t)y];
    }
}

/* Copy of entity e with bytes [s, e) and, when the span changed, its
 * span-bound attributes looked up again. */
static void respan(an_ctx *c, vnt_entity *x, size_t s, size_t e)
{
    if (x->start == s && x->end == e) return;
    x->start = s;
    x->end = e;
    if (x->honorific.start >= s && x->honorific.start < e)
        x->honorific.start = x->honorific.end = 0;
    if (x->location.start < s || x->location.end > e) x->location.start = x->location.end = 0;
    if (x->type == VNT_ENT_LOC) {
        char key[256];
        int cue;
        const char *prov = NULL;
        vnt__gaz_key(c->s + s, e - s, key, sizeof key);
        int lv = vnt__gaz_place(key, &prov, &cue);
        x->level = lv ? vnt__gaz_level_name(lv) : "place";
        x->province = lv ? prov : NULL;
    }
}

#define NER_CHUNK 8
_Static_assert(VNT__NER_LABELS == 9, "the row sum below is written for 9 labels");

void vnt__an_ner(an_ctx *c)
{
    const vnt_model *m = c->opts ? c->opts->model : NULL;
    if (!m || !m->has_entity || !c->nt) return;
    enum { L = VNT__NER_LABELS };
    vnt_article *a = c->a;
    size_t nt = c->nt;
    vnt__ner_tok *tk = malloc(nt * sizeof *tk);
    float *em = malloc(nt * L * sizeof *em);
    uint8_t *bp = malloc(nt * L), *lab = malloc(nt);
    vnt_entity *old = malloc((a->n_entities + 1) * sizeof *old);
    long *remap = malloc((a->n_entities + 1) * sizeof *remap);
    if (!tk || !em || !bp || !lab || !old || !remap) {
        c->nomem = 1;
        goto done;
    }
    vnt__ner_prepare(c, tk, vnt__ner_known_model, m);
    /* emissions, then a Viterbi per sentence */
    for (size_t s0 = 0; s0 < nt;) {
        size_t s1 = s0 + 1;
        while (s1 < nt && !c->t[s1].sent0)
            s1++;
        /* a chunk of tokens at a time: every feature row prefetched before
         * the first is summed (the table is larger than L2 and each row a
         * likely miss; summing row after row waited on each in turn) */
        for (size_t c0 = s0; c0 < s1; c0 += NER_CHUNK) {
            size_t ce = c0 + NER_CHUNK < s1 ? c0 + NER_CHUNK : s1;
            uint32_t f[NER_CHUNK][VNT__NER_MAXF];
            int nf[NER_CHUNK];
            for (size_t i = c0; i < ce; i++) {
                nf[i - c0] = vnt__ner_features(tk, s0, s1, i, m->ner_mask, f[i - c0]);
                for (int q = 0; q < nf[i - c0]; q++) {
                    const int16_t *w = m->ner_w + (size_t)f[i - c0][q] * L;
                    __builtin_prefetch(w);
                    __builtin_prefetch(w + L - 1);
                }
            }
            for (size_t i = c0; i < ce; i++) {
                int32_t acc[L] = {0};
                for (int q = 0; q < nf[i - c0]; q++) {
                    const int16_t *w = m->ner_w + (size_t)f[i - c0][q] * L;
                    /* 8 + 1: a fixed count of 8 the compiler makes one
                     * widening vector add */
                    for (int l = 0; l < 8; l++)
                        acc[l] += w[l];
                    acc[8] += w[8];
                }
                for (int l = 0; l < L; l++)
                    em[i * L + (size_t)l] = (float)acc[l] * m->ner_scale;
            }
        }
        vnt__ner_viterbi(em + s0 * L, s1 - s0, m->ner_trans, bp + s0 * L, lab + s0);
        s0 = s1;
    }
    /* the model's spans, each with the attributes of the rule entity it
     * confirms (same span and type) or overlaps (same type); nominal
     * mentions stay as the rules made them */
    size_t n_old = a->n_entities;
    if (n_old) memcpy(old, a->entities, n_old * sizeof *old);
    for (size_t k = 0; k < n_old; k++)
        remap[k] = -1;
    a->n_entities = 0;
    size_t ko = 0;
    for (size_t i = 0; i < nt;) {
        if (lab[i] == 0 || LAB_IS_I(lab[i])) {
            i++;
            continue;
        }
        int ty = LAB_TYPE(lab[i]);
        size_t j = i + 1;
        while (j < nt && lab[j] == LAB_I(ty))
            j++;
        size_t s = c->t[i].s, e = c->t[j - 1].e;
        /* nominal rule mentions before this span keep their place */
        for (; ko < n_old && old[ko].start < s; ko++)
            if (old[ko].nominal) remap[ko] = vnt__an_push_entity(c, &old[ko]);
        long src = -1;
        for (size_t k = 0; k < n_old; k++) {
            if (old[k].nominal || (int)old[k].type != ty) continue;
            if (old[k].start == s && old[k].end == e) {
                src = (long)k;
                break;
            }
            if (src < 0 && old[k].start < e && s < old[k].end) src = (long)k;
        }
        vnt_entity x;
        if (src >= 0) {
            x = old[src];
            respan(c, &x, s, e);
        } else {
            memset(&x, 0, sizeof x);
            x.start = x.end = 0;
            x.type = (vnt_entity_type)ty;
            x.ref = -1;
            respan(c, &x, s, e);
        }
        long at = vnt__an_push_entity(c, &x);
        if (at < 0) goto done;
        if (src >= 0 && remap[src] < 0) remap[src] = at;
        i = j;
    }
    for (; ko < n_old; ko++)
        if (old[ko].nominal) remap[ko] = vnt__an_push_entity(c, &old[ko]);
    /* refs: through the remap; a mention whose first mention is gone is
     * linked to the first kept entity of the same type and text, if any */
    for (size_t k = 0; k < a->n_entities; k++) {
        vnt_entity *x = &a->entities[k];
        long r = x->ref >= 0 && (size_t)x->ref < n_old ? remap[x->ref] : -1;
        if (r >= (long)k) r = -1;
        if (r < 0)
            for (size_t q = 0; q < k; q++) {
                const vnt_entity *y = &a->entities[q];
                if (y->type == x->type && !y->nominal && y->ref < 0 &&
                    y->end - y->start == x->end - x->start &&
                    !memcmp(c->s + y->start, c->s + x->start, x->end - x->start)) {
                    r = (long)q;
                    break;
                }
            }
        if (r >= 0 && a->entities[r].ref >= 0) r = a->entities[r].ref;
        x->ref = r;
    }
done:
    free(tk);
    free(em);
    free(bp);
    free(lab);
    free(old);
    free(remap);
}
