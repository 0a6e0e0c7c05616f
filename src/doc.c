/* The document: text -> tokens -> sentences -> words -> UPOS, every
 * annotation an offset range of the original input. */
#include "nlp.h"

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 1;
    size_t nc = *cap ? *cap : 64;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem) return 0;
        nc *= 2;
    }
    void *q = realloc(*p, nc * elem);
    if (!q) return 0;
    *p = q;
    *cap = nc;
    return 1;
}

/* 4096 syllable checks remembered across calls (96 KB): a document is
 * usually analyzed line by line, and lines share their syllables. */
#define TOK_MEMO 4096

typedef struct doc_scratch {
    vnt__work wk;
    vnt__span *spans;
    size_t cap_spans;
    void *tok_memo; /* TOK_MEMO entries for vnt__tokenize_memo, or NULL */
    uint64_t *keys; /* token keys of the last call (vnt__doc_keys), 0 = none */
    size_t cap_keys;
} doc_scratch;

vnt_status vnt_analyze(const vnt_model *m, const char *s, size_t n, unsigned flags, vnt_doc *doc)
{
    if (!m || !doc || (!s && n) || (flags & ~(unsigned)VNT_ANALYZE_NO_TAG)) return VNT_ERR_ARG;
    if (!s) s = "";
    doc->n_words = 0;
    if (!doc->scratch && !(doc->scratch = calloc(1, sizeof(doc_scratch)))) return VNT_ERR_NOMEM;
    doc_scratch *sc = doc->scratch;
    if (!sc->tok_memo) sc->tok_memo = calloc(TOK_MEMO, VNT__TOK_MEMO_ENTRY); /* NULL: no memo */
    vnt_status st =
        vnt__tokenize_memo(s, n, 0, &doc->tokens, sc->tok_memo, sc->tok_memo ? TOK_MEMO : 0);
    if (st != VNT_OK) return st;
    st = vnt_split_sentences(s, n, &doc->tokens, &doc->sentences);
    if (st != VNT_OK) return st;
    size_t ns = doc->sentences.n;
    if (!grow((void **)&doc->sent_words, &doc->cap_sent_words, ns + 1, sizeof *doc->sent_words) ||
        !grow((void **)&sc->keys, &sc->cap_keys, doc->tokens.n + 1, sizeof *sc->keys))
        return VNT_ERR_NOMEM;
    memset(sc->keys, 0, doc->tokens.n * sizeof *sc->keys);
    int do_tag = !(flags & VNT_ANALYZE_NO_TAG) && m->has_tagger;
    for (size_t si = 0; si < ns; si++) {
        const vnt_sentence *se = &doc->sentences.sent[si];
        size_t t0 = se->tok_begin, nt = se->tok_end - se->tok_begin;
        doc->sent_words[si] = doc->n_words;
        if (!nt) continue;
        if (!vnt__work_reserve(&sc->wk, nt) ||
            !grow((void **)&sc->spans, &sc->cap_spans, nt, sizeof *sc->spans) ||
            !grow((void **)&doc->words, &doc->cap_words, doc->n_words + nt, sizeof *doc->words))
            return VNT_ERR_NOMEM;
        for (size_t i = 0; i < nt; i++) {
            sc->spans[i].start = doc->tokens.tok[t0 + i].start;
            sc->spans[i].end = doc->tokens.tok[t0 + i].end;
        }
        vnt__work_segment(m, &sc->wk, s, sc->spans, nt);
        for (size_t i = 0; i < nt; i++)
            sc->keys[t0 + i] = sc->wk.ti[i].key;
        size_t nw;
        if (do_tag)
            nw = vnt__work_tag(m, &sc->wk, nt);
        else {
            nw = 0;
            for (size_t i = 0; i < nt; i++)
                if (i == 0 || sc->wk.labels[i] == 0) sc->wk.wbeg[nw++] = i;
            sc->wk.wbeg[nw] = nt;
        }
        for (size_t k = 0; k < nw; k++) {
            vnt_word *w = &doc->words[doc->n_words++];
            w->tok_begin = t0 + sc->wk.wbeg[k];
            w->tok_end = t0 + sc->wk.wbeg[k + 1];
            w->start = doc->tokens.tok[w->tok_begin].start;
            w->end = doc->tokens.tok[w->tok_end - 1].end;
            w->upos = do_tag ? (vnt_upos)m->upos_of_tag[sc->wk.tags[k]] : VNT_UPOS_X;
        }
    }
    doc->sent_words[ns] = doc->n_words;
    return VNT_OK;
}

void vnt_doc_free(vnt_doc *doc)
{
    if (!doc) return;
    vnt_tokens_free(&doc->tokens);
    vnt_sentences_free(&doc->sentences);
    free(doc->words);
    free(doc->sent_words);
    doc_scratch *sc = doc->scratch;
    if (sc) {
        vnt__work_free(&sc->wk);
        free(sc->spans);
        free(sc->tok_memo);
        free(sc->keys);
        free(sc);
    }
    memset(doc, 0, sizeof *doc);
}

const uint64_t *vnt__doc_keys(const vnt_doc *doc)
{
    const doc_scratch *sc = doc->scratch;
    return sc && sc->keys && doc->tokens.n ? sc->keys : NULL;
}

vnt_status vnt__analyze_words(const vnt_model *m, const char *s, size_t n, vnt__span **words,
                              uint8_t **tags, size_t *n_words)
{
    vnt_doc d = {0};
    *words = NULL;
    *tags = NULL;
    *n_words = 0;
    vnt_status st = vnt_analyze(m, s, n, 0, &d);
    if (st == VNT_OK) {
        *words = malloc((d.n_words + 1) * sizeof **words);
        *tags = malloc(d.n_words + 1);
        if (!*words || !*tags) {
            free(*words);
            free(*tags);
            *words = NULL;
            *tags = NULL;
            st = VNT_ERR_NOMEM;
        } else {
            /* tag-set indices: eval compares through upos_of_tag, so map back */
            for (size_t i = 0; i < d.n_words; i++) {
                (*words)[i].start = d.words[i].start;
                (*words)[i].end = d.words[i].end;
                uint8_t t = 0;
                for (int k = 0; k < m->n_tags; k++)
                    if (m->upos_of_tag[k] == (int)d.words[i].upos) t = (uint8_t)k;
                (*tags)[i] = t;
            }
            *n_words = d.n_words;
        }
    }
    vnt_doc_free(&d);
    return st;
}
