/* Training: lexicon compilation, averaged structured perceptron for the
 * segmenter (Viterbi over B/I), averaged perceptron for the greedy tagger,
 * case augmentation, quantization to int16 and the model file. */
#include "train.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#define DEF_SEG_BITS   18
#define DEF_TAG_BITS   18
#define DEF_SEG_EPOCHS 12
#define DEF_TAG_EPOCHS 5
#define DEF_TAG_RUNS   5

typedef struct logger {
    const vnt_train_opts *o;
} logger;

static void logf_(const vnt_train_opts *o, const char *fmt, ...)
{
    if (!o->log) return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    o->log(o->log_ud, line);
}

static uint64_t rng_next(uint64_t *s)
{
    /* splitmix64: tiny, deterministic on every platform */
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* -------------------------------------------------------------- lexicon */

typedef struct lexb {
    uint64_t *keys;
    uint8_t *flags;
    size_t cap, n;
} lexb;

static int lexb_add(lexb *b, uint64_t key, unsigned flags)
{
    if (!key) key = 1;
    if ((b->n + 1) * 2 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 1 << 16;
        uint64_t *nk = calloc(nc, sizeof *nk);
        uint8_t *nf = calloc(nc, 1);
        if (!nk || !nf) {
            free(nk);
            free(nf);
            return 0;
        }
        for (size_t i = 0; i < b->cap; i++)
            if (b->keys[i]) {
                size_t j = b->keys[i] & (nc - 1);
                while (nk[j])
                    j = (j + 1) & (nc - 1);
                nk[j] = b->keys[i];
                nf[j] = b->flags[i];
            }
        free(b->keys);
        free(b->flags);
        b->keys = nk;
        b->flags = nf;
        b->cap = nc;
    }
    size_t j = key & (b->cap - 1);
    while (b->keys[j] && b->keys[j] != key)
        j = (j + 1) & (b->cap - 1);
    if (!b->keys[j]) {
        b->keys[j] = key;
        b->n++;
    }
    b->flags[j] |= (uint8_t)flags;
    return 1;
}

/* Add one entry: tokens separated by spaces. */
static int lexb_entry(lexb *b, const char *s, size_t n, unsigned flags)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
        n--;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    if (!n) return 1;
    uint64_t keys[VNT__LEX_MAXLEN];
    size_t nt = 0, i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j > i) {
            if (nt == VNT__LEX_MAXLEN) return 1; /* too long: skip */
            vnt__tokinfo ti;
            vnt__token_info(s + i, j - i, &ti);
            keys[nt++] = ti.key;
        }
        i = j;
    }
    uint64_t h = vnt__seq_start();
    for (size_t k = 0; k < nt; k++) {
        h = vnt__seq_add(h, keys[k]);
        if (!lexb_add(b, h, k + 1 < nt ? VNT__LEX_PREFIX : flags)) return 0;
    }
    return 1;
}

static vnt_status lexb_file(lexb *b, const char *spec, const vnt_train_opts *o)
{
    static const struct {
        const char *kind;
        unsigned flags;
    } kinds[] = {{"word", VNT__LEX_WORD},       {"name", VNT__LEX_NAME},
                 {"surname", VNT__LEX_SURNAME}, {"middle", VNT__LEX_MIDDLE},
                 {"place", VNT__LEX_PLACE},     {"abbr", VNT__LEX_ABBR}};
    const char *colon = strchr(spec, ':');
    if (!colon) return VNT_ERR_ARG;
    int kind = -1;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strlen(kinds[i].kind) == (size_t)(colon - spec) &&
            !memcmp(spec, kinds[i].kind, (size_t)(colon - spec)))
            kind = (int)i;
    if (kind < 0) return VNT_ERR_ARG;
    char *d;
    size_t n;
    vnt_status st = vnt__read_file(colon + 1, &d, &n);
    if (st != VNT_OK) return st;
    size_t before = b->n;
    unsigned fl = kinds[kind].flags;
    int ok = 1;
    if (fl == VNT__LEX_PLACE) {
        static const char key[] = "\"name\"";
        const char *p = d, *end = d + n;
        while (ok && (p = strstr(p, key)) != NULL) {
            p += sizeof key - 1;
            while (p < end && (*p == ' ' || *p == ':'))
                p++;
            if (p >= end || *p != '"') continue;
            const char *q = ++p;
            while (q < end && *q != '"')
                q++;
            ok = lexb_entry(b, p, (size_t)(q - p), fl);
            p = q;
        }
    } else {
        size_t pos = 0;
        while (ok && pos < n) {
            size_t e = pos;
            while (e < n && d[e] != '\n')
                e++;
            size_t le = e;
            if (fl == VNT__LEX_SURNAME || fl == VNT__LEX_MIDDLE) {
                for (size_t k = pos; k < e; k++)
                    if (d[k] == '\t') {
                        le = k;
                        break;
                    }
            } else if (fl == VNT__LEX_ABBR) {
                for (size_t k = pos; k < e; k++)
                    if (d[k] == ':') {
                        le = k;
                        break;
                    }
            }
            ok = lexb_entry(b, d + pos, le - pos, fl);
            pos = e + 1;
        }
    }
    free(d);
    logf_(o, "lexicon %s: %zu new keys", base_name(colon + 1), b->n - before);
    return ok ? VNT_OK : VNT_ERR_NOMEM;
}

/* Compile into the section bytes: header + u32 slots. */
static unsigned char *lexb_section(const lexb *b, size_t *size)
{
    uint32_t slots = 1024;
    while (slots < b->n * 2)
        slots *= 2;
    *size = 16 + (size_t)slots * 4;
    unsigned char *p = calloc(1, *size);
    if (!p) return NULL;
    uint32_t *s = (uint32_t *)(p + 16);
    uint32_t n = 0;
    for (size_t i = 0; i < b->cap; i++) {
        uint64_t key = b->keys[i];
        if (!key) continue;
        uint32_t fp = (uint32_t)(key >> 40) | 1u;
        uint32_t j = (uint32_t)key & (slots - 1);
        while (s[j] && (s[j] >> 8) != fp)
            j = (j + 1) & (slots - 1);
        if (!s[j]) n++;
        s[j] = fp << 8 | (s[j] & 0xFF) | b->flags[i];
    }
    uint32_t hdr[4] = {slots, n, VNT__LEX_MAXLEN, 0};
    memcpy(p, hdr, 16); /* little-endian host (checked when loading) */
    return p;
}

/* ------------------------------------------------------------ word table */

/* Per word key: tag counts per jackknife fold (for ambiguity classes that do
 * not know the sentence being trained on) and the clusters from unlabeled
 * text (tools/gen_clusters.c). */
#define FOLDS 10
#define NT    VNT_UPOS_COUNT

typedef struct wentry {
    uint64_t key;
    uint32_t cnt[FOLDS][NT];
    uint16_t cl, cl2;
} wentry;

typedef struct wmap {
    uint32_t *slot; /* entry index + 1, 0 = empty */
    size_t cap;
    wentry *e;
    size_t n, ecap;
} wmap;

static void wmap_free(wmap *m)
{
    free(m->slot);
    free(m->e);
    memset(m, 0, sizeof *m);
}

static wentry *wmap_get(wmap *m, uint64_t key, int add)
{
    if (add && (m->n + 1) * 2 > m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 1 << 14;
        uint32_t *ns = calloc(nc, sizeof *ns);
        if (!ns) return NULL;
        for (size_t i = 0; i < m->n; i++) {
            size_t j = m->e[i].key & (nc - 1);
            while (ns[j])
                j = (j + 1) & (nc - 1);
            ns[j] = (uint32_t)i + 1;
        }
        free(m->slot);
        m->slot = ns;
        m->cap = nc;
    }
    if (!m->cap) return NULL;
    size_t j = key & (m->cap - 1);
    while (m->slot[j]) {
        if (m->e[m->slot[j] - 1].key == key) return &m->e[m->slot[j] - 1];
        j = (j + 1) & (m->cap - 1);
    }
    if (!add) return NULL;
    if (m->n == m->ecap) {
        size_t nc = m->ecap ? m->ecap * 2 : 4096;
        wentry *ne = realloc(m->e, nc * sizeof *ne);
        if (!ne) return NULL;
        m->e = ne;
        m->ecap = nc;
    }
    wentry *e = &m->e[m->n];
    memset(e, 0, sizeof *e);
    e->key = key;
    m->slot[j] = (uint32_t)++m->n;
    return e;
}

/* Cluster file: one "word<TAB>fine<TAB>coarse" line per word (syllables
 * separated by spaces), ids from 0. */
static vnt_status wmap_clusters(wmap *m, const char *path, const vnt_train_opts *o)
{
    char *d;
    size_t n, added = 0;
    vnt_status st = vnt__read_file(path, &d, &n);
    if (st != VNT_OK) return st;
    size_t pos = 0;
    while (pos < n) {
        size_t e = pos;
        while (e < n && d[e] != '\n')
            e++;
        size_t t1 = pos;
        while (t1 < e && d[t1] != '\t')
            t1++;
        if (t1 < e) {
            unsigned long c1 = strtoul(d + t1 + 1, NULL, 10);
            const char *t2 = memchr(d + t1 + 1, '\t', e - t1 - 1);
            unsigned long c2 = t2 ? strtoul(t2 + 1, NULL, 10) : 0;
            uint64_t h = vnt__seq_start();
            size_t i = pos;
            while (i < t1) {
                while (i < t1 && d[i] == ' ')
                    i++;
                size_t j = i;
                while (j < t1 && d[j] != ' ')
                    j++;
                if (j > i) {
                    vnt__tokinfo ti;
                    vnt__token_info(d + i, j - i, &ti);
                    h = vnt__seq_add(h, ti.key);
                }
                i = j;
            }
            wentry *w = wmap_get(m, h, 1);
            if (!w) {
                free(d);
                return VNT_ERR_NOMEM;
            }
            w->cl = (uint16_t)(c1 + 1);
            w->cl2 = (uint16_t)(c2 + 1);
            added++;
        }
        pos = e + 1;
    }
    free(d);
    logf_(o, "clusters %s: %zu words", base_name(path), added);
    return VNT_OK;
}

static uint32_t amb_mask(const wentry *w, int skip_fold)
{
    uint32_t m = 0;
    for (int t = 0; t < NT; t++) {
        uint32_t c = 0;
        for (int f = 0; f < FOLDS; f++)
            if (f != skip_fold) c += w->cnt[f][t];
        if (c) m |= 1u << t;
    }
    return m;
}

/* Compile into the section bytes: header + 16-byte slots. */
static unsigned char *wmap_section(const wmap *m, size_t *size)
{
    uint32_t slots = 1024;
    while (slots < m->n * 2)
        slots *= 2;
    *size = 16 + (size_t)slots * 16;
    unsigned char *p = calloc(1, *size);
    if (!p) return NULL;
    uint32_t *s = (uint32_t *)(p + 16);
    uint32_t n = 0;
    for (size_t i = 0; i < m->n; i++) {
        const wentry *w = &m->e[i];
        uint32_t fp = (uint32_t)(w->key >> 32) | 1u;
        uint32_t j = (uint32_t)w->key & (slots - 1);
        while (s[(size_t)j * 4] && s[(size_t)j * 4] != fp)
            j = (j + 1) & (slots - 1);
        if (s[(size_t)j * 4]) continue; /* fingerprint clash: first entry wins */
        s[(size_t)j * 4] = fp;
        s[(size_t)j * 4 + 1] = amb_mask(w, -1);
        s[(size_t)j * 4 + 2] = (uint32_t)w->cl | (uint32_t)w->cl2 << 16;
        n++;
    }
    uint32_t hdr[4] = {slots, n, 0, 0};
    memcpy(p, hdr, 16); /* little-endian host (checked when loading) */
    return p;
}

/* ----------------------------------------------------------- training data */

typedef struct tdata {
    size_t n_sent;
    size_t *sent;     /* token range of sentence s: sent[s]..sent[s+1] */
    size_t *wsent;    /* word range: wsent[s]..wsent[s+1] */
    vnt__tokinfo *ti; /* per token */
    uint8_t *gold;    /* per token: 0 begins a word */
    uint8_t *start_len, *end_len, *cover, *name_cover, *flags; /* lexicon, per token */
    size_t *wtok;  /* per word: first token; wtok[n_words] = n_tokens */
    uint8_t *upos; /* per word */
    uint32_t *amb; /* per word: jackknifed ambiguity class (training data only) */
    size_t n_tok, n_words;
} tdata;

static void tdata_free(tdata *t)
{
    free(t->sent);
    free(t->wsent);
    free(t->ti);
    free(t->gold);
    free(t->start_len);
    free(t->wtok);
    free(t->upos);
    free(t->amb);
    memset(t, 0, sizeof *t);
}

static vnt_status tdata_build(tdata *t, vnt__corpus *const *cs, size_t nc, const vnt__lexicon *lx)
{
    memset(t, 0, sizeof *t);
    size_t ns = 0, ntok = 0, nw = 0;
    for (size_t c = 0; c < nc; c++) {
        ns += cs[c]->n_sents;
        nw += cs[c]->n_words;
        for (size_t w = 0; w < cs[c]->n_words; w++) {
            const char *f = cs[c]->buf + cs[c]->words[w].form;
            size_t fl = cs[c]->words[w].form_len, k = 0;
            while (k < fl) {
                while (k < fl && f[k] == ' ')
                    k++;
                if (k < fl) ntok++;
                while (k < fl && f[k] != ' ')
                    k++;
            }
        }
    }
    t->sent = malloc((ns + 1) * sizeof *t->sent);
    t->wsent = malloc((ns + 1) * sizeof *t->wsent);
    t->ti = malloc((ntok + 1) * sizeof *t->ti);
    t->gold = malloc(ntok + 1);
    t->start_len = malloc(5 * (ntok + 1));
    t->wtok = malloc((nw + 1) * sizeof *t->wtok);
    t->upos = malloc(nw + 1);
    if (!t->sent || !t->wsent || !t->ti || !t->gold || !t->start_len || !t->wtok || !t->upos) {
        tdata_free(t);
        return VNT_ERR_NOMEM;
    }
    t->end_len = t->start_len + (ntok + 1);
    t->cover = t->end_len + (ntok + 1);
    t->name_cover = t->cover + (ntok + 1);
    t->flags = t->name_cover + (ntok + 1);
    size_t s_i = 0, tok = 0, wi = 0;
    for (size_t c = 0; c < nc; c++) {
        for (size_t s = 0; s < cs[c]->n_sents; s++) {
            const vnt__csent *cs_ = &cs[c]->sents[s];
            t->sent[s_i] = tok;
            t->wsent[s_i] = wi;
            s_i++;
            for (size_t w = cs_->word; w < cs_->word + cs_->n_words; w++) {
                const char *f = cs[c]->buf + cs[c]->words[w].form;
                size_t fl = cs[c]->words[w].form_len, k = 0;
                int first = 1;
                t->wtok[wi] = tok;
                t->upos[wi] = cs[c]->words[w].upos;
                while (k < fl) {
                    while (k < fl && f[k] == ' ')
                        k++;
                    size_t j = k;
                    while (j < fl && f[j] != ' ')
                        j++;
                    if (j > k) {
                        vnt__token_info(f + k, j - k, &t->ti[tok]);
                        t->gold[tok] = first ? 0 : 1;
                        first = 0;
                        tok++;
                    }
                    k = j;
                }
                if (first) { /* empty form: keep one placeholder token */
                    vnt__token_info("_", 1, &t->ti[tok]);
                    t->gold[tok++] = 0;
                }
                wi++;
            }
        }
    }
    t->sent[s_i] = tok;
    t->wsent[s_i] = wi;
    t->wtok[wi] = tok;
    t->n_sent = ns;
    t->n_tok = tok;
    t->n_words = wi;
    for (size_t s = 0; s < ns; s++) {
        vnt__seg_ctx c = {t->ti + t->sent[s],          NULL,
                          t->sent[s + 1] - t->sent[s], t->start_len + t->sent[s],
                          t->end_len + t->sent[s],     t->cover + t->sent[s],
                          t->name_cover + t->sent[s],  t->flags + t->sent[s]};
        vnt__seg_lexicon(lx, &c);
    }
    return VNT_OK;
}

/* shapes of sentence tokens, with case augmentation */
static void shapes(const vnt__tokinfo *ti, size_t n, int mode, uint8_t *sh)
{
    for (size_t i = 0; i < n; i++)
        sh[i] = mode < 0 ? ti[i].shape : vnt__shape_recase(&ti[i], mode);
}

static int aug_mode(uint64_t *rng)
{
    /* 10% all lower case, 5% ALL CAPS: the keys are case-free, only the
     * shape features see case, so this teaches the model to live without */
    uint64_t r = rng_next(rng) % 100;
    return r < 10 ? 0 : r < 15 ? 1 : -1;
}

static void shuffle(size_t *order, size_t n, uint64_t *rng)
{
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(rng) % i);
        size_t tmp = order[i - 1];
        order[i - 1] = order[j];
        order[j] = tmp;
    }
}

static float quantize(const float *w, size_t n, int16_t *q)
{
    float mx = 0;
    for (size_t i = 0; i < n; i++)
        if (fabsf(w[i]) > mx) mx = fabsf(w[i]);
    float scale = mx > 0 ? mx / 32767.0f : 1.0f;
    for (size_t i = 0; i < n; i++)
        q[i] = (int16_t)lrintf(w[i] / scale);
    return scale;
}

/* ---------------------------------------------------------- segmenter */

typedef struct segtrain {
    uint32_t nb;
    float *w, *acc;
    float tr[3][2], tracc[3][2];
    double c;
    int16_t *q; /* quantized average, for scoring */
} segtrain;

/* Viterbi with float weights (training only; decoding uses segment.c). */
static void seg_viterbi_f(const segtrain *st, const vnt__seg_ctx *c, uint8_t *lab)
{
    size_t n = c->n;
    uint32_t f[VNT__SEG_MAXF];
    float dB = 0, dI = -1e30f;
    lab[0] = 0;
    for (size_t i = 1; i < n; i++) {
        int nf = vnt__seg_features(c, i, st->nb - 1, f);
        float e = 0;
        for (int k = 0; k < nf; k++)
            e += st->w[f[k]];
        float bB = dB + st->tr[0][0], iB = dI + st->tr[1][0], bI = dB + st->tr[0][1],
              iI = dI + st->tr[1][1];
        uint8_t bp = 0;
        float nB = bB, nI = bI;
        if (iB > bB) nB = iB, bp |= 1;
        if (iI > bI) nI = iI, bp |= 2;
        dB = nB + e;
        dI = nI;
        lab[i] = bp;
    }
    int y = dI > dB ? 1 : 0;
    for (size_t i = n; i-- > 0;) {
        uint8_t bp = lab[i];
        lab[i] = (uint8_t)y;
        y = (bp >> y) & 1;
    }
    lab[0] = 0;
}

static void seg_average(segtrain *st, vnt_model *fake, float *tmp)
{
    for (uint32_t i = 0; i < st->nb; i++)
        tmp[i] = st->w[i] - (float)(st->acc[i] / st->c);
    fake->seg.scale = quantize(tmp, st->nb, st->q);
    fake->seg.w = st->q;
    fake->seg.mask = st->nb - 1;
    fake->seg.n_labels = 1;
    fake->has_segment = 1;
    for (int a = 0; a < 3; a++)
        for (int b = 0; b < 2; b++)
            fake->seg_trans[a][b] = st->tr[a][b] - (float)(st->tracc[a][b] / st->c);
}

/* words found (gold tokens): word [b, e) is right when both sequences
 * start words at b and e and nowhere between */
static void seg_count(const uint8_t *gold, const uint8_t *pred, size_t n, size_t *ng, size_t *np,
                      size_t *nm)
{
    size_t b = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || gold[i] == 0) (*ng)++;
        if (i == 0 || pred[i] == 0) (*np)++;
    }
    while (b < n) {
        size_t e = b + 1;
        while (e < n && gold[e] == 1)
            e++;
        int ok = pred[b] == 0 || b == 0;
        for (size_t k = b + 1; k < e && ok; k++)
            ok = pred[k] == 1;
        if (ok && (e == n || pred[e] == 0)) (*nm)++;
        b = e;
    }
}

static double seg_dev_f1(const vnt_model *m, const tdata *d, vnt__work *wk)
{
    size_t ng = 0, np = 0, nm = 0;
    for (size_t s = 0; s < d->n_sent; s++) {
        size_t a = d->sent[s], n = d->sent[s + 1] - a;
        if (!n || !vnt__work_reserve(wk, n)) continue;
        memcpy(wk->ti, d->ti + a, n * sizeof *wk->ti);
        for (size_t i = 0; i < n; i++)
            wk->shape[i] = wk->ti[i].shape;
        vnt__seg_ctx c = {
            wk->ti,       wk->shape,         n,           d->start_len + a, d->end_len + a,
            d->cover + a, d->name_cover + a, d->flags + a};
        vnt__segment_decode(m, &c, wk->labels);
        seg_count(d->gold + a, wk->labels, n, &ng, &np, &nm);
    }
    double p = np ? (double)nm / np : 0, r = ng ? (double)nm / ng : 0;
    return p + r > 0 ? 200 * p * r / (p + r) : 0;
}

static vnt_status train_segment(const vnt_train_opts *o, const tdata *d, const tdata *dev,
                                unsigned bits, unsigned epochs, unsigned char **sec,
                                size_t *sec_size)
{
    segtrain st = {0};
    st.nb = 1u << bits;
    st.w = calloc(st.nb, sizeof *st.w);
    st.acc = calloc(st.nb, sizeof *st.acc);
    st.q = calloc(st.nb, sizeof *st.q);
    float *tmp = malloc(st.nb * sizeof *tmp);
    size_t *order = malloc((d->n_sent + 1) * sizeof *order);
    size_t maxn = 1;
    for (size_t s = 0; s < d->n_sent; s++)
        if (d->sent[s + 1] - d->sent[s] > maxn) maxn = d->sent[s + 1] - d->sent[s];
    uint8_t *sh = malloc(maxn), *pred = malloc(maxn);
    vnt__work wk = {0};
    vnt_status rc = VNT_OK;
    if (!st.w || !st.acc || !st.q || !tmp || !order || !sh || !pred) {
        rc = VNT_ERR_NOMEM;
        goto out;
    }
    uint64_t rng = o->seed ^ 0x5E65E65E65ull;
    st.c = 1;
    vnt_model fake;
    for (unsigned ep = 0; ep < epochs; ep++) {
        shuffle(order, d->n_sent, &rng);
        size_t errs = 0;
        for (size_t oi = 0; oi < d->n_sent; oi++) {
            size_t s = order[oi], a = d->sent[s], n = d->sent[s + 1] - a;
            if (n < 2) continue;
            shapes(d->ti + a, n, aug_mode(&rng), sh);
            vnt__seg_ctx c = {
                d->ti + a,         sh,          n, d->start_len + a, d->end_len + a, d->cover + a,
                d->name_cover + a, d->flags + a};
            seg_viterbi_f(&st, &c, pred);
            const uint8_t *g = d->gold + a;
            int diff = 0;
            for (size_t i = 1; i < n; i++) {
                if (g[i] == pred[i]) continue;
                diff = 1;
                errs++;
                uint32_t f[VNT__SEG_MAXF];
                int nf = vnt__seg_features(&c, i, st.nb - 1, f);
                float dlt = g[i] == 0 ? 1.0f : -1.0f;
                for (int k = 0; k < nf; k++) {
                    st.w[f[k]] += dlt;
                    st.acc[f[k]] += (float)(st.c * dlt);
                }
            }
            if (diff)
                for (size_t i = 1; i < n; i++) {
                    st.tr[g[i - 1]][g[i]] += 1;
                    st.tracc[g[i - 1]][g[i]] += (float)st.c;
                    st.tr[pred[i - 1]][pred[i]] -= 1;
                    st.tracc[pred[i - 1]][pred[i]] -= (float)st.c;
                }
            st.c++;
        }
        if (dev && dev->n_sent) {
            memset(&fake, 0, sizeof fake);
            seg_average(&st, &fake, tmp);
            logf_(o, "segment epoch %u: %zu token errors, dev words F1 (gold tokens) %.2f", ep + 1,
                  errs, seg_dev_f1(&fake, dev, &wk));
        } else
            logf_(o, "segment epoch %u: %zu token errors", ep + 1, errs);
    }
    memset(&fake, 0, sizeof fake);
    seg_average(&st, &fake, tmp);
    *sec_size = 64 + (size_t)st.nb * 2;
    *sec = calloc(1, *sec_size);
    if (!*sec) {
        rc = VNT_ERR_NOMEM;
        goto out;
    }
    uint32_t hdr[2] = {st.nb, 1};
    memcpy(*sec, hdr, 8);
    memcpy(*sec + 8, &fake.seg.scale, 4);
    for (int a = 0; a < 3; a++)
        for (int b = 0; b < 2; b++)
            memcpy(*sec + 12 + 4 * (2 * a + b), &fake.seg_trans[a][b], 4);
    memcpy(*sec + 64, st.q, (size_t)st.nb * 2);
out:
    free(st.w);
    free(st.acc);
    free(st.q);
    free(tmp);
    free(order);
    free(sh);
    free(pred);
    vnt__work_free(&wk);
    return rc;
}

/* ------------------------------------------------------------- tagger */

/* Word keys of the training words into the map: tag counts per fold, and
 * each word's ambiguity class as seen from the other folds. */
static vnt_status tdata_words(tdata *t, wmap *m)
{
    t->amb = malloc((t->n_words + 1) * sizeof *t->amb);
    wentry **ent = malloc((t->n_words + 1) * sizeof *ent);
    if (!t->amb || !ent) {
        free(ent);
        return VNT_ERR_NOMEM;
    }
    for (size_t s = 0; s < t->n_sent; s++)
        for (size_t w = t->wsent[s]; w < t->wsent[s + 1]; w++) {
            uint64_t h = vnt__seq_start();
            for (size_t k = t->wtok[w]; k < t->wtok[w + 1]; k++)
                h = vnt__seq_add(h, t->ti[k].key);
            wentry *e = wmap_get(m, h, 1);
            if (!e) {
                free(ent);
                return VNT_ERR_NOMEM;
            }
            e->cnt[s % FOLDS][t->upos[w]]++;
        }
    /* second pass: pointers are stable now */
    for (size_t s = 0; s < t->n_sent; s++)
        for (size_t w = t->wsent[s]; w < t->wsent[s + 1]; w++) {
            uint64_t h = vnt__seq_start();
            for (size_t k = t->wtok[w]; k < t->wtok[w + 1]; k++)
                h = vnt__seq_add(h, t->ti[k].key);
            t->amb[w] = amb_mask(wmap_get(m, h, 0), (int)(s % FOLDS));
        }
    free(ent);
    return VNT_OK;
}

typedef struct tagtrain {
    uint32_t nb;
    float *w, *acc;
    double c;
    int16_t *q;      /* dense quantized average */
    uint32_t *index; /* bucket -> stored row */
    int16_t *rows;   /* stored rows; row 0 is zero */
    uint32_t n_rows;
} tagtrain;

static const int16_t *qrow_(const int16_t *q, uint32_t b)
{
    return q + (size_t)b * NT;
}
static int16_t rowmax(const int16_t *r)
{
    int m = 0;
    for (int t = 0; t < NT; t++)
        if (abs(r[t]) > m) m = abs(r[t]);
    return (int16_t)(m > 32767 ? 32767 : m);
}
/* Words of sentence s; training sentences take their jackknifed ambiguity
 * classes (d->amb), others the model's. */
static void tag_words(const vnt__lexicon *lx, const vnt__wordtab *wt, const tdata *d, size_t s,
                      const uint8_t *sh_sent, vnt__tag_word *tw)
{
    size_t a = d->sent[s];
    for (size_t w = d->wsent[s]; w < d->wsent[s + 1]; w++) {
        size_t t0 = d->wtok[w], t1 = d->wtok[w + 1];
        vnt__tag_word *o = &tw[w - d->wsent[s]];
        vnt__tag_word_info(lx, wt, d->ti + t0, sh_sent + (t0 - a), t1 - t0, o);
        if (d->amb) o->amb = d->amb[w];
    }
}

static double tag_dev_acc(const vnt_model *m, const tdata *d, vnt__tag_word *tw, uint8_t *sh,
                          uint8_t *pred)
{
    size_t ok = 0, all = 0;
    for (size_t s = 0; s < d->n_sent; s++) {
        size_t a = d->sent[s], n = d->sent[s + 1] - a, nw = d->wsent[s + 1] - d->wsent[s];
        shapes(d->ti + a, n, -1, sh);
        tag_words(&m->lex, &m->words, d, s, sh, tw);
        vnt__tag_decode(m, tw, nw, pred);
        for (size_t i = 0; i < nw; i++)
            ok += pred[i] == d->upos[d->wsent[s] + i];
        all += nw;
    }
    return all ? 100.0 * ok / all : 0;
}

static void tag_average(tagtrain *tt, vnt_model *fake, float *tmp)
{
    size_t total = (size_t)tt->nb * NT;
    for (size_t i = 0; i < total; i++)
        tmp[i] = tt->w[i] - (float)(tt->acc[i] / tt->c);
    fake->tag.scale = quantize(tmp, total, tt->q);
    /* keep only the rows that are not zero, behind a bucket index: most
     * buckets stay empty */
    uint64_t *nz = malloc((size_t)tt->nb * sizeof *nz);
    uint32_t n = 0;
    for (uint32_t b = 0; nz && b < tt->nb; b++)
        if (rowmax(qrow_(tt->q, b))) nz[n++] = b;
    memset(tt->index, 0, (size_t)tt->nb * sizeof *tt->index);
    memset(tt->rows, 0, NT * sizeof *tt->rows);
    for (uint32_t k = 0; k < n; k++) {
        uint32_t b = (uint32_t)(nz[k] & 0xFFFFFFFFu);
        tt->index[b] = k + 1;
        memcpy(tt->rows + (size_t)(k + 1) * NT, qrow_(tt->q, b), NT * sizeof *tt->rows);
    }
    tt->n_rows = n + 1;
    free(nz);
    fake->tag.w = tt->rows;
    fake->tag.index = tt->index;
    fake->tag.n_rows = tt->n_rows;
    fake->tag.mask = tt->nb - 1;
    fake->tag.n_labels = NT;
    fake->n_tags = NT;
    fake->has_tagger = 1;
}

static vnt_status train_tag(const vnt_train_opts *o, const vnt__lexicon *lx, const vnt__wordtab *wt,
                            const tdata *d, const tdata *dev, unsigned bits, unsigned epochs,
                            unsigned char **sec, size_t *sec_size)
{
    tagtrain tt = {0};
    tt.nb = 1u << bits;
    size_t total = (size_t)tt.nb * NT;
    tt.w = calloc(total, sizeof *tt.w);
    tt.acc = calloc(total, sizeof *tt.acc);
    tt.q = calloc(total, sizeof *tt.q);
    tt.index = calloc(tt.nb, sizeof *tt.index);
    tt.rows = calloc(((size_t)tt.nb + 1) * NT, sizeof *tt.rows);
    float *tmp = malloc(total * sizeof *tmp);
    size_t *order = malloc((d->n_sent + 1) * sizeof *order);
    size_t maxn = 1, maxd = 1;
    for (size_t s = 0; s < d->n_sent; s++)
        if (d->sent[s + 1] - d->sent[s] > maxn) maxn = d->sent[s + 1] - d->sent[s];
    if (dev)
        for (size_t s = 0; s < dev->n_sent; s++)
            if (dev->sent[s + 1] - dev->sent[s] > maxd) maxd = dev->sent[s + 1] - dev->sent[s];
    if (maxd > maxn) maxn = maxd;
    uint8_t *sh = malloc(maxn), *pred = malloc(maxn);
    vnt__tag_word *tw = malloc(maxn * sizeof *tw);
    vnt_status rc = VNT_OK;
    if (!tt.w || !tt.acc || !tt.q || !tt.index || !tt.rows || !tmp || !order || !sh || !pred ||
        !tw) {
        rc = VNT_ERR_NOMEM;
        goto out;
    }
    uint64_t rng = o->seed ^ 0x7A67A67A6ull;
    vnt_model fake;
    /* several runs over different shuffles, averaged: a cheap ensemble that
     * was worth +0.3 UPOS accuracy in cross-validation on train */
    const int runs = DEF_TAG_RUNS;
    float *ens = runs > 1 ? calloc(total, sizeof *ens) : NULL;
    if (runs > 1 && !ens) {
        rc = VNT_ERR_NOMEM;
        goto out;
    }
    for (int run = 0; run < runs; run++) {
        if (run) {
            memset(tt.w, 0, total * sizeof *tt.w);
            memset(tt.acc, 0, total * sizeof *tt.acc);
        }
        tt.c = 1;
        for (unsigned ep = 0; ep < epochs; ep++) {
            shuffle(order, d->n_sent, &rng);
            size_t errs = 0;
            for (size_t oi = 0; oi < d->n_sent; oi++) {
                size_t s = order[oi], a = d->sent[s], n = d->sent[s + 1] - a, w0 = d->wsent[s];
                size_t nw = d->wsent[s + 1] - w0;
                shapes(d->ti + a, n, aug_mode(&rng), sh);
                tag_words(lx, wt, d, s, sh, tw);
                int p1 = -1, p2 = -1;
                for (size_t i = 0; i < nw; i++) {
                    uint32_t f[VNT__TAG_MAXF];
                    int nf = vnt__tag_features(tw, nw, i, p1, p2, tt.nb - 1, f);
                    float sc[NT] = {0};
                    for (int k = 0; k < nf; k++) {
                        const float *row = tt.w + (size_t)f[k] * NT;
                        for (int t = 0; t < NT; t++)
                            sc[t] += row[t];
                    }
                    int best = 0;
                    for (int t = 1; t < NT; t++)
                        if (sc[t] > sc[best]) best = t;
                    int g = d->upos[w0 + i];
                    if (best != g) {
                        errs++;
                        for (int k = 0; k < nf; k++) {
                            size_t r = (size_t)f[k] * NT;
                            tt.w[r + g] += 1;
                            tt.acc[r + g] += (float)tt.c;
                            tt.w[r + best] -= 1;
                            tt.acc[r + best] -= (float)tt.c;
                        }
                    }
                    tt.c++;
                    p2 = p1;
                    p1 = best;
                }
            }
            if (dev && dev->n_sent) {
                memset(&fake, 0, sizeof fake);
                fake.lex = *lx;
                fake.words = *wt;
                tag_average(&tt, &fake, tmp);
                logf_(o, "tag epoch %u: %zu errors, dev UPOS accuracy (gold words) %.2f", ep + 1,
                      errs, tag_dev_acc(&fake, dev, tw, sh, pred));
            } else
                logf_(o, "tag epoch %u: %zu errors", ep + 1, errs);
        }
        if (ens)
            for (size_t i = 0; i < total; i++)
                ens[i] += (tt.w[i] - (float)(tt.acc[i] / tt.c)) / (float)runs;
    }
    if (ens) { /* the mean of the runs' averaged weights */
        memcpy(tt.w, ens, total * sizeof *tt.w);
        memset(tt.acc, 0, total * sizeof *tt.acc);
        tt.c = 1;
        free(ens);
        if (dev && dev->n_sent) {
            memset(&fake, 0, sizeof fake);
            fake.lex = *lx;
            fake.words = *wt;
            tag_average(&tt, &fake, tmp);
            logf_(o, "tag epoch %u: mean of %d runs, dev UPOS accuracy (gold words) %.2f", epochs,
                  runs, tag_dev_acc(&fake, dev, tw, sh, pred));
        }
    }
    memset(&fake, 0, sizeof fake);
    tag_average(&tt, &fake, tmp);
    size_t rows_off = (64 + (size_t)tt.nb * 4 + 63) / 64 * 64;
    *sec_size = rows_off + (size_t)tt.n_rows * NT * 2;
    *sec = calloc(1, *sec_size);
    if (!*sec) {
        rc = VNT_ERR_NOMEM;
        goto out;
    }
    uint32_t hdr[4] = {tt.nb, NT, 0, tt.n_rows};
    memcpy(hdr + 2, &fake.tag.scale, 4);
    memcpy(*sec, hdr, 16);
    memcpy(*sec + 64, tt.index, (size_t)tt.nb * 4);
    memcpy(*sec + rows_off, tt.rows, (size_t)tt.n_rows * NT * 2);
out:
    free(tt.w);
    free(tt.acc);
    free(tt.q);
    free(tt.index);
    free(tt.rows);
    free(tmp);
    free(order);
    free(sh);
    free(pred);
    free(tw);
    return rc;
}

/* ---------------------------------------------------------------- driver */

static int meta_add(vnt__buf *b, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (k < 0) return 0;
    vnt__buf_put(b, line, strlen(line), 0);
    return !b->failed;
}

vnt_status vnt_train(const vnt_train_opts *o, vnt_text *out)
{
    if (!o || !out || o->version != VNT_TRAIN_OPTS_VERSION || !o->n_train || !o->train ||
        !(o->what & (VNT_TRAIN_SEGMENT | VNT_TRAIN_TAG)))
        return VNT_ERR_ARG;
    unsigned seg_bits = o->seg_bits ? o->seg_bits : DEF_SEG_BITS;
    unsigned tag_bits = o->tag_bits ? o->tag_bits : DEF_TAG_BITS;
    unsigned seg_ep = o->epochs_segment ? o->epochs_segment : DEF_SEG_EPOCHS;
    unsigned tag_ep = o->epochs_tag ? o->epochs_tag : DEF_TAG_EPOCHS;
    if (seg_bits < 10 || seg_bits > 24 || tag_bits < 8 || tag_bits > 22) return VNT_ERR_ARG;
    vnt_status rc = VNT_OK;
    vnt__corpus *cs = calloc(o->n_train, sizeof *cs);
    vnt__corpus **cps = calloc(o->n_train, sizeof *cps);
    vnt__corpus devc = {0};
    lexb lb = {0};
    wmap wm = {0};
    tdata td = {0}, dd = {0};
    unsigned char *lexsec = NULL, *segsec = NULL, *tagsec = NULL, *tagset = NULL, *wsec = NULL;
    size_t lexsz = 0, segsz = 0, tagsz = 0, tagsetsz = 0, wsz = 0;
    vnt__buf meta;
    vnt__buf_init(&meta, 2048, 0);
    vnt_model *m = NULL;
    if (!cs || !cps) {
        rc = VNT_ERR_NOMEM;
        goto out;
    }
    size_t idx = 0;
    for (size_t i = 0; i < o->n_train; i++, idx++) {
        if ((rc = vnt__corpus_read(o->train[i], &cs[i])) != VNT_OK) goto io;
        cps[i] = &cs[i];
        logf_(o, "train %s: %zu sentences, %zu words", base_name(o->train[i]), cs[i].n_sents,
              cs[i].n_words);
    }
    for (size_t i = 0; i < o->n_lexicons; i++, idx++) {
        if (!strncmp(o->lexicons[i], "cluster:", 8))
            rc = wmap_clusters(&wm, o->lexicons[i] + 8, o);
        else
            rc = lexb_file(&lb, o->lexicons[i], o);
        if (rc == VNT_ERR_NOMEM) goto out;
        if (rc != VNT_OK) goto io;
    }
    if (o->dev && (rc = vnt__corpus_read(o->dev, &devc)) != VNT_OK) {
        idx = (size_t)-1;
        goto io;
    }
    lexsec = lexb_section(&lb, &lexsz);
    if (!lexsec) {
        rc = VNT_ERR_NOMEM;
        goto out;
    }
    vnt__lexicon lx = {(const uint32_t *)(lexsec + 16), 0, VNT__LEX_MAXLEN};
    memcpy(&lx.mask, lexsec, 4);
    lx.mask -= 1;
    if ((rc = tdata_build(&td, cps, o->n_train, &lx)) != VNT_OK) goto out;
    if (o->dev) {
        vnt__corpus *dp = &devc;
        if ((rc = tdata_build(&dd, &dp, 1, &lx)) != VNT_OK) goto out;
    }
    logf_(o, "%zu sentences, %zu tokens, %zu words; lexicon %zu keys", td.n_sent, td.n_tok,
          td.n_words, lb.n);
    if ((o->what & VNT_TRAIN_SEGMENT) && (rc = train_segment(o, &td, o->dev ? &dd : NULL, seg_bits,
                                                             seg_ep, &segsec, &segsz)) != VNT_OK)
        goto out;
    if (o->what & VNT_TRAIN_TAG) {
        if ((rc = tdata_words(&td, &wm)) != VNT_OK) goto out;
        if (!(wsec = wmap_section(&wm, &wsz))) {
            rc = VNT_ERR_NOMEM;
            goto out;
        }
        vnt__wordtab wt = {(const uint32_t *)(wsec + 16), 0};
        memcpy(&wt.mask, wsec, 4);
        wt.mask -= 1;
        logf_(o, "word table: %zu words", wm.n);
        if ((rc = train_tag(o, &lx, &wt, &td, o->dev ? &dd : NULL, tag_bits, tag_ep, &tagsec,
                            &tagsz)) != VNT_OK)
            goto out;
        tagsetsz = 4 + (size_t)NT * VNT__TAG_NAME;
        tagset = calloc(1, tagsetsz);
        if (!tagset) {
            rc = VNT_ERR_NOMEM;
            goto out;
        }
        uint32_t nt = NT;
        memcpy(tagset, &nt, 4);
        for (int t = 0; t < NT; t++)
            strcpy((char *)tagset + 4 + t * VNT__TAG_NAME, vnt_upos_name((vnt_upos)t));
    }

    meta_add(&meta, "created_by=vntext %s\n", vnt_version());
    for (size_t i = 0; i < o->n_train; i++)
        meta_add(&meta, "train=%s\n", base_name(o->train[i]));
    if (o->dev) meta_add(&meta, "dev=%s\n", base_name(o->dev));
    for (size_t i = 0; i < o->n_lexicons; i++) {
        const char *c = strchr(o->lexicons[i], ':');
        meta_add(&meta, "lexicon=%.*s:%s\n", (int)(c - o->lexicons[i]), o->lexicons[i],
                 base_name(c + 1));
    }
    meta_add(&meta, "seed=%llu\n", (unsigned long long)o->seed);
    if (segsec)
        meta_add(&meta,
                 "segmenter=averaged structured perceptron, B/I Viterbi, 2^%u hashed int16 "
                 "weights, %u epochs\n",
                 seg_bits, seg_ep);
    if (tagsec)
        meta_add(&meta,
                 "tagger=averaged perceptron, greedy, 2^%u x %d hashed int16 weights, %u epochs, "
                 "mean of %d runs; ambiguity classes (10-fold jackknife) and word clusters\n",
                 tag_bits, NT, tag_ep, DEF_TAG_RUNS);
    if (o->meta) {
        vnt__buf_put(&meta, o->meta, strlen(o->meta), 0);
        if (meta.len && meta.data[meta.len - 1] != '\n') vnt__buf_putc(&meta, '\n', 0);
    }
    for (int pass = 0; pass < 2; pass++) {
        vnt__section_in secs[6];
        size_t ns = 0;
        secs[ns++] = (vnt__section_in){VNT__SEC_META, 1, meta.data, meta.len};
        secs[ns++] = (vnt__section_in){VNT__SEC_LEXICON, VNT__LEXICON_VERSION, lexsec, lexsz};
        if (segsec)
            secs[ns++] = (vnt__section_in){VNT__SEC_SEGMENT, VNT__SEGMENT_VERSION, segsec, segsz};
        if (tagsec) {
            secs[ns++] = (vnt__section_in){VNT__SEC_TAGSET, VNT__TAGSET_VERSION, tagset, tagsetsz};
            secs[ns++] = (vnt__section_in){VNT__SEC_TAGGER, VNT__TAGGER_VERSION, tagsec, tagsz};
            secs[ns++] = (vnt__section_in){VNT__SEC_WORDS, VNT__WORDS_VERSION, wsec, wsz};
        }
        if (meta.failed) {
            rc = VNT_ERR_NOMEM;
            goto out;
        }
        if ((rc = vnt__model_write(secs, ns, out)) != VNT_OK) goto out;
        if (pass == 1 || !o->n_evaluate) break;
        /* score the finished model on the evaluation files, record it */
        char msg[256];
        if ((rc = vnt_model_open_memory(out->data, out->len, &m, msg, sizeof msg)) != VNT_OK)
            goto out;
        for (size_t i = 0; i < o->n_evaluate; i++) {
            char *d;
            size_t n;
            if ((rc = vnt__read_file(o->evaluate[i], &d, &n)) != VNT_OK) {
                idx = o->n_train + o->n_lexicons + i;
                goto io;
            }
            vnt_eval_result r;
            rc = vnt_eval(m, d, n, &r);
            free(d);
            if (rc != VNT_OK) goto out;
            const char *bn = base_name(o->evaluate[i]);
            meta_add(&meta,
                     "score.%s=words F1 %.2f (P %.2f R %.2f), UPOS F1 %.2f (raw text); UPOS "
                     "accuracy %.2f (gold words)\n",
                     bn, r.word_f1, r.word_p, r.word_r, r.upos_f1, r.upos_acc);
            logf_(o, "%s: words F1 %.2f, UPOS F1 %.2f (raw text); UPOS accuracy %.2f (gold words)",
                  bn, r.word_f1, r.upos_f1, r.upos_acc);
        }
        vnt_model_free(m);
        m = NULL;
    }
    goto out;
io:
    out->err_offset = idx;
out:
    vnt_model_free(m);
    for (size_t i = 0; cs && i < o->n_train; i++)
        vnt__corpus_free(&cs[i]);
    free(cs);
    free(cps);
    vnt__corpus_free(&devc);
    free(lb.keys);
    free(lb.flags);
    tdata_free(&td);
    tdata_free(&dd);
    free(lexsec);
    free(segsec);
    free(tagsec);
    free(tagset);
    free(wsec);
    wmap_free(&wm);
    vnt__buf_free(&meta);
    return rc;
}
