/* Word segmentation: first-order Viterbi over B (begins a word) / I
 * (continues it) for each token of a sentence. The emission score of B is
 * a sum of hashed feature weights (feature.c); I scores 0, which loses
 * nothing with two labels. Training: train/train_segment.c. */
#include "nlp.h"

/* Emission scores are computed a chunk at a time: feature ids first, with
 * their weights prefetched, then the sums, so the weight loads (a table the
 * size of L2) overlap instead of stalling one after the other. */
#define SEG_CHUNK 16

void vnt__segment_decode(const vnt_model *m, const vnt__seg_ctx *c, uint8_t *labels)
{
    size_t n = c->n;
    if (n == 0) return;
    uint32_t f[SEG_CHUNK][VNT__SEG_MAXF];
    int nf[SEG_CHUNK];
    float e[SEG_CHUNK];
    const int16_t *w = m->seg.w;
    const float sc = m->seg.scale;
    /* labels[i] holds the back-pointers first: bit b = best previous label
     * when token i takes label b; then it is overwritten by the path. */
    float dB = 0.0f, dI = -1e30f; /* token 0 always begins a word */
    labels[0] = 0;
    for (size_t c0 = 1; c0 < n; c0 += SEG_CHUNK) {
        size_t ce = c0 + SEG_CHUNK < n ? c0 + SEG_CHUNK : n;
        for (size_t i = c0; i < ce; i++) {
            uint32_t *fi = f[i - c0];
            int k = nf[i - c0] = vnt__seg_features(c, i, m->seg.mask, fi);
            for (int q = 0; q < k; q++)
                __builtin_prefetch(w + fi[q]);
        }
        for (size_t i = c0; i < ce; i++) {
            const uint32_t *fi = f[i - c0];
            int32_t acc = 0;
            for (int q = 0; q < nf[i - c0]; q++)
                acc += w[fi[q]];
            e[i - c0] = (float)acc * sc;
        }
        for (size_t i = c0; i < ce; i++) {
            float bB = dB + m->seg_trans[0][0], iB = dI + m->seg_trans[1][0];
            float bI = dB + m->seg_trans[0][1], iI = dI + m->seg_trans[1][1];
            uint8_t bp = 0;
            float nB, nI;
            if (iB > bB) {
                nB = iB;
                bp |= 1;
            } else
                nB = bB;
            if (iI > bI) {
                nI = iI;
                bp |= 2;
            } else
                nI = bI;
            dB = nB + e[i - c0];
            dI = nI;
            labels[i] = bp;
        }
    }
    int y = dI > dB ? 1 : 0;
    for (size_t i = n; i-- > 0;) {
        uint8_t bp = labels[i];
        labels[i] = (uint8_t)y;
        y = (bp >> y) & 1;
    }
    labels[0] = 0;
}
