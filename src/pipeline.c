/* One sentence through the models: token keys, lexicon matches,
 * segmentation, tagging, in a scratch the caller owns (so a shared model
 * needs no locking and no allocation per token). */
#include "nlp.h"

int vnt__work_reserve(vnt__work *w, size_t n)
{
    if (n + 1 <= w->cap) return 1;
    size_t cap = w->cap ? w->cap : 256;
    while (cap < n + 1)
        cap *= 2;
    vnt__work nw = {0};
    nw.cap = cap;
    nw.ti = malloc(cap * sizeof *nw.ti);
    nw.tw = malloc(cap * sizeof *nw.tw);
    nw.wbeg = malloc((cap + 1) * sizeof *nw.wbeg);
    /* the byte arrays live in one block */
    uint8_t *blk = malloc(cap * 9);
    if (!nw.ti || !nw.tw || !nw.wbeg || !blk) {
        free(nw.ti);
        free(nw.tw);
        free(nw.wbeg);
        free(blk);
        return 0;
    }
    nw.shape = blk;
    nw.start_len = blk + cap;
    nw.end_len = blk + 2 * cap;
    nw.cover = blk + 3 * cap;
    nw.name_cover = blk + 4 * cap;
    nw.flags = blk + 5 * cap;
    nw.labels = blk + 6 * cap;
    nw.tags = blk + 7 * cap;
    vnt__work_free(w);
    *w = nw;
    return 1;
}

void vnt__work_free(vnt__work *w)
{
    free(w->ti);
    free(w->tw);
    free(w->wbeg);
    free(w->shape);
    memset(w, 0, sizeof *w);
}

void vnt__work_tokens(vnt__work *w, const char *text, const vnt__span *toks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        vnt__token_info(text + toks[i].start, toks[i].end - toks[i].start, &w->ti[i]);
        w->shape[i] = w->ti[i].shape;
    }
}

static void seg_ctx(const vnt_model *m, vnt__work *w, size_t n, vnt__seg_ctx *c)
{
    c->t = w->ti;
    c->shape = w->shape;
    c->n = n;
    c->start_len = w->start_len;
    c->end_len = w->end_len;
    c->cover = w->cover;
    c->name_cover = w->name_cover;
    c->flags = w->flags;
    vnt__seg_lexicon(&m->lex, c);
}

void vnt__work_segment(const vnt_model *m, vnt__work *w, const char *text, const vnt__span *toks,
                       size_t n)
{
    vnt__work_tokens(w, text, toks, n);
    if (!m->has_segment) { /* a tagger-only model: every token is a word */
        memset(w->labels, 0, n);
        return;
    }
    vnt__seg_ctx c;
    seg_ctx(m, w, n, &c);
    vnt__segment_decode(m, &c, w->labels);
}

size_t vnt__work_tag(const vnt_model *m, vnt__work *w, size_t n)
{
    size_t nw = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || w->labels[i] == 0) w->wbeg[nw++] = i;
    w->wbeg[nw] = n;
    for (size_t k = 0; k < nw; k++)
        vnt__tag_word_info(&m->lex, &m->words, w->ti + w->wbeg[k], w->shape + w->wbeg[k],
                           w->wbeg[k + 1] - w->wbeg[k], &w->tw[k]);
    if (m->has_tagger)
        vnt__tag_decode(m, w->tw, nw, w->tags);
    else
        memset(w->tags, 0, nw);
    return nw;
}
