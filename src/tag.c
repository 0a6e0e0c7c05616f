/* POS tagging: greedy left-to-right averaged perceptron over words, with the
 * two previous predicted tags as features (feature.c). Training:
 * train/train.c. */
#include "nlp.h"

void vnt__tag_decode(const vnt_model *m, const vnt__tag_word *w, size_t n, uint8_t *tags)
{
    uint32_t f[VNT__TAG_MAXF];
    const uint32_t nl = m->tag.n_labels;
    int32_t score[VNT__MAX_TAGS];
    int p1 = -1, p2 = -1;
    for (size_t i = 0; i < n; i++) {
        int nf = vnt__tag_features(w, n, i, p1, p2, m->tag.mask, f);
        memset(score, 0, sizeof score);
        for (int k = 0; k < nf; k++) {
            const int16_t *row = m->tag.w + (size_t)m->tag.index[f[k]] * nl;
            for (uint32_t t = 0; t < nl; t++)
                score[t] += row[t];
        }
        uint32_t best = 0;
        for (uint32_t t = 1; t < nl; t++)
            if (score[t] > score[best]) best = t;
        tags[i] = (uint8_t)best;
        p2 = p1;
        p1 = (int)best;
    }
}
