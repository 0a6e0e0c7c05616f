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
    nw.memo = w->memo; /* survives growth */
    w->memo = NULL;
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
    free(w->memo);
    memset(w, 0, sizeof *w);
}

/* Syllables repeat a lot (a few thousand cover most text), and decoding
 * UTF-8 letter by letter costs more than a lookup: token infos are memoised
 * by their bytes in a small direct-mapped table in the caller's scratch
 * (2048 entries, 64 KB: 85% hits on news; 1024 and 4096 measured slower). */
void vnt__work_tokens(vnt__work *w, const char *text, const vnt__span *toks, size_t n)
{
    if (!w->memo) w->memo = calloc((size_t)1 << VNT__TOKMEMO_BITS, sizeof *w->memo);
    size_t end = n ? toks[n - 1].end : 0; /* the text is readable up to here */
    for (size_t i = 0; i < n; i++) {
        const char *s = text + toks[i].start;
        size_t len = toks[i].end - toks[i].start;
        vnt__tokinfo *ti = &w->ti[i];
        if (!w->memo || len > 16) {
            vnt__token_info(s, len, ti);
            w->shape[i] = ti->shape;
            continue;
        }
        uint64_t b0, b1;
        if (toks[i].start + 16 <= end) {
            /* whole words straight from the text, masked to the token (a
             * byte copy into a buffer would stall the wide reloads); low
             * bytes first: models load on little-endian hosts only */
            memcpy(&b0, s, 8);
            memcpy(&b1, s + 8, 8);
            if (len < 8) {
                b0 &= ~0ull >> (64 - 8 * len);
                b1 = 0;
            } else if (len < 16)
                b1 &= len == 8 ? 0 : ~0ull >> (64 - 8 * (len - 8));
        } else {
            unsigned char b[16] = {0};
            memcpy(b, s, len);
            memcpy(&b0, b, 8);
            memcpy(&b1, b + 8, 8);
        }
        uint64_t h = (b0 * 0x9E3779B97F4A7C15ull) ^ (b1 * 0xC2B2AE3D27D4EB4Full) ^ len;
        vnt__tokmemo *e = &w->memo[(h * 0xD6E8FEB86659FD93ull) >> (64 - VNT__TOKMEMO_BITS)];
        if (e->len == len && e->b0 == b0 && e->b1 == b1) {
            ti->key = e->key;
            ti->shape = e->shape;
            ti->viet = e->viet;
            ti->n_upper = e->n_upper;
            ti->n_lower = e->n_lower;
            ti->first_upper = e->first_upper;
        } else {
            vnt__token_info(s, len, ti);
            *e = (vnt__tokmemo){b0,          b1,          ti->key,         ti->shape,   ti->viet,
                                ti->n_upper, ti->n_lower, ti->first_upper, (uint8_t)len};
        }
        w->shape[i] = ti->shape;
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
