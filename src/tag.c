/* POS tagging: greedy left-to-right averaged perceptron over words, with the
 * two previous predicted tags as features (feature.c). Training:
 * train/train.c.
 *
 * The weight rows live in tables of several MB, reached through a bucket
 * index, so each feature costs two dependent cache misses. The features
 * that do not depend on the previous tags are therefore gathered a chunk
 * of words at a time: ids, then index entries (prefetched), then rows
 * (prefetched), then the sums; only the six history features are looked
 * up word by word. */
#include "nlp.h"

#define TAG_CHUNK 8

/* s[0..nl) += row[0..nl); the first 16 in a fixed-count loop the compiler
 * turns into vector adds. */
static inline void add_row(int32_t *s, const int16_t *row, uint32_t nl)
{
    uint32_t t = 0;
    if (nl >= 16) {
        for (int u = 0; u < 16; u++)
            s[u] += row[u];
        t = 16;
    }
    for (; t < nl; t++)
        s[t] += row[t];
}

/* Branch-free: which tag wins is data, not a pattern the predictor learns. */
static inline uint32_t argmax(const int32_t *s, uint32_t nl)
{
    uint32_t best = 0;
    int32_t bv = s[0];
    for (uint32_t t = 1; t < nl; t++) {
        int better = s[t] > bv;
        bv = better ? s[t] : bv;
        best = better ? t : best;
    }
    return best;
}

void vnt__tag_decode(const vnt_model *m, const vnt__tag_word *w, size_t n, uint8_t *tags)
{
    uint32_t f[TAG_CHUNK][VNT__TAG_MAXF], h[TAG_CHUNK][VNT__TAG_MAXF];
    int nf[TAG_CHUNK], nh[TAG_CHUNK], guess[TAG_CHUNK], gp1[TAG_CHUNK], gp2[TAG_CHUNK];
    int32_t st[TAG_CHUNK][VNT__MAX_TAGS];
    const uint32_t nl = m->tag.n_labels, mask = m->tag.mask;
    const uint32_t *index = m->tag.index;
    const int16_t *rows = m->tag.w;
    int p1 = -1, p2 = -1;
    for (size_t c0 = 0; c0 < n; c0 += TAG_CHUNK) {
        size_t ce = c0 + TAG_CHUNK < n ? c0 + TAG_CHUNK : n, cn = ce - c0;
        for (size_t j = 0; j < cn; j++) {
            int k = nf[j] = vnt__tag_static(w, n, c0 + j, mask, f[j]);
            for (int q = 0; q < k; q++)
                __builtin_prefetch(index + f[j][q]);
        }
        for (size_t j = 0; j < cn; j++)
            for (int q = 0; q < nf[j]; q++) {
                /* the id becomes the row offset; rows may straddle lines */
                uint32_t r = index[f[j][q]] * nl;
                f[j][q] = r;
                __builtin_prefetch(rows + r);
                __builtin_prefetch(rows + r + nl - 1);
            }
        for (size_t j = 0; j < cn; j++) {
            int32_t *s = st[j];
            for (uint32_t t = 0; t < nl; t++)
                s[t] = 0;
            for (int q = 0; q < nf[j]; q++)
                if (f[j][q]) add_row(s, rows + f[j][q], nl); /* row 0: unseen, all zero */
            guess[j] = (int)argmax(s, nl);
        }
        /* The history features need the previous tags, known only word by
         * word; guess them from the static scores (usually right) and fetch
         * those rows ahead. A wrong guess only costs the miss it would have
         * anyway. */
        for (size_t j = 0; j < cn; j++) {
            int g1 = j ? guess[j - 1] : p1, g2 = j >= 2 ? guess[j - 2] : j == 1 ? p1 : p2;
            gp1[j] = g1, gp2[j] = g2;
            nh[j] = vnt__tag_hist(w, n, c0 + j, g1, g2, mask, h[j]);
            for (int q = 0; q < nh[j]; q++)
                __builtin_prefetch(index + h[j][q]);
        }
        for (size_t j = 0; j < cn; j++)
            for (int q = 0; q < nh[j]; q++) {
                uint32_t r = index[h[j][q]] * nl;
                __builtin_prefetch(rows + r);
                __builtin_prefetch(rows + r + nl - 1);
            }
        for (size_t j = 0; j < cn; j++) {
            uint32_t hf[VNT__TAG_MAXF];
            int32_t *s = st[j];
            /* the guess was right (the usual case): its feature ids stand */
            const uint32_t *hv = h[j];
            int k = nh[j];
            if (gp1[j] != p1 || gp2[j] != p2) {
                k = vnt__tag_hist(w, n, c0 + j, p1, p2, mask, hf);
                hv = hf;
            }
            for (int q = 0; q < k; q++)
                add_row(s, rows + (size_t)index[hv[q]] * nl, nl);
            uint32_t best = argmax(s, nl);
            tags[c0 + j] = (uint8_t)best;
            p2 = p1;
            p1 = (int)best;
        }
    }
}
