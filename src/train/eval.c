/* Evaluation against CoNLL-U gold data, CoNLL 2018 style: system words from
 * the raw "# text" are aligned to gold words by their offsets in the text
 * with whitespace removed; a word counts when both its ends match. */
#include "train.h"

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

vnt_status vnt_eval(const vnt_model *m, const char *conllu, size_t n, vnt_eval_result *out)
{
    if (!m || !out || (!conllu && n)) return VNT_ERR_ARG;
    memset(out, 0, sizeof *out);
    vnt__corpus c;
    vnt_status rc = vnt__corpus_parse(conllu ? conllu : "", n, &c);
    if (rc != VNT_OK) return rc;
    vnt__work wk = {0};
    size_t cap = 0;
    size_t *nows = NULL; /* text byte offset -> whitespace-free offset */
    vnt__span *gold = NULL, *toks = NULL;
    size_t gcap = 0, tcap = 0;
    size_t gt_gold = 0, gt_sys = 0, gt_match = 0;
    for (size_t si = 0; si < c.n_sents; si++) {
        const vnt__csent *s = &c.sents[si];
        out->sentences++;
        /* gold words as whitespace-free spans, and gold tokens */
        if (s->n_words > gcap) {
            gcap = s->n_words * 2;
            vnt__span *g = realloc(gold, gcap * sizeof *gold);
            if (!g) goto nomem;
            gold = g;
        }
        size_t pos = 0, nt = 0;
        for (size_t w = 0; w < s->n_words; w++) {
            const vnt__cword *cw = &c.words[s->word + w];
            size_t len = 0;
            for (size_t k = 0; k < cw->form_len; k++)
                len += !is_ws(c.buf[cw->form + k]);
            gold[w].start = pos;
            gold[w].end = pos + len;
            pos += len;
            for (size_t k = 0; k < cw->form_len;) {
                while (k < cw->form_len && c.buf[cw->form + k] == ' ')
                    k++;
                size_t j = k;
                while (j < cw->form_len && c.buf[cw->form + j] != ' ')
                    j++;
                if (j > k) nt++;
                k = j;
            }
            if (cw->form_len == 0) nt++;
        }
        out->gold_words += s->n_words;

        /* gold tokens: segmentation and tagging without the tokenizer */
        if (nt > tcap) {
            tcap = nt * 2;
            vnt__span *t = realloc(toks, tcap * sizeof *toks);
            if (!t) goto nomem;
            toks = t;
        }
        if (!vnt__work_reserve(&wk, nt + 1)) goto nomem;
        size_t ti = 0;
        uint8_t *gold_lab = malloc(nt + 1);
        if (!gold_lab) goto nomem;
        for (size_t w = 0; w < s->n_words; w++) {
            const vnt__cword *cw = &c.words[s->word + w];
            int first = 1;
            for (size_t k = 0; k < cw->form_len;) {
                while (k < cw->form_len && c.buf[cw->form + k] == ' ')
                    k++;
                size_t j = k;
                while (j < cw->form_len && c.buf[cw->form + j] != ' ')
                    j++;
                if (j > k) {
                    toks[ti].start = cw->form + k;
                    toks[ti].end = cw->form + j;
                    gold_lab[ti++] = first ? 0 : 1;
                    first = 0;
                }
                k = j;
            }
            if (first) {
                toks[ti].start = cw->form;
                toks[ti].end = cw->form;
                gold_lab[ti++] = 0;
            }
        }
        if (m->has_segment) {
            vnt__work_segment(m, &wk, c.buf, toks, nt);
            size_t b = 0;
            for (size_t i = 0; i < nt; i++) {
                gt_gold += i == 0 || gold_lab[i] == 0;
                gt_sys += i == 0 || wk.labels[i] == 0;
            }
            while (b < nt) {
                size_t e = b + 1;
                while (e < nt && gold_lab[e] == 1)
                    e++;
                int ok = b == 0 || wk.labels[b] == 0;
                for (size_t k = b + 1; k < e && ok; k++)
                    ok = wk.labels[k] == 1;
                if (ok && (e == nt || wk.labels[e] == 0)) gt_match++;
                b = e;
            }
        }
        if (m->has_tagger) {
            vnt__work_tokens(&wk, c.buf, toks, nt);
            memcpy(wk.labels, gold_lab, nt);
            size_t nw = vnt__work_tag(m, &wk, nt);
            for (size_t w = 0; w < nw && w < s->n_words; w++) {
                out->tagged++;
                out->tagged_correct += m->upos_of_tag[wk.tags[w]] == c.words[s->word + w].upos;
            }
        }
        free(gold_lab);

        /* raw text through the whole pipeline */
        if (!m->has_segment) continue;
        const char *text = c.buf + s->text;
        size_t tl = s->text_len;
        if (tl + 1 > cap) {
            cap = (tl + 1) * 2;
            size_t *nw_ = realloc(nows, cap * sizeof *nows);
            if (!nw_) goto nomem;
            nows = nw_;
        }
        size_t q = 0;
        for (size_t i = 0; i < tl; i++) {
            nows[i] = q;
            q += !is_ws(text[i]);
        }
        nows[tl] = q;
        if (q != pos) continue; /* text and forms disagree: every gold word missed */
        vnt__span *ws = NULL;
        uint8_t *tg = NULL;
        size_t nsw = 0;
        rc = vnt__analyze_words(m, text, tl, &ws, &tg, &nsw);
        if (rc != VNT_OK) goto fail;
        out->system_words += nsw;
        size_t g = 0;
        for (size_t w = 0; w < nsw; w++) {
            size_t a = nows[ws[w].start], e = nows[ws[w].end];
            while (g < s->n_words && gold[g].start < a)
                g++;
            if (g < s->n_words && gold[g].start == a && gold[g].end == e) {
                out->matched_words++;
                if (m->has_tagger && m->upos_of_tag[tg[w]] == c.words[s->word + g].upos)
                    out->upos_matched++;
            }
        }
        free(ws);
        free(tg);
    }
    {
        double p = out->system_words ? (double)out->matched_words / out->system_words : 0;
        double r = out->gold_words ? (double)out->matched_words / out->gold_words : 0;
        out->word_p = 100 * p;
        out->word_r = 100 * r;
        out->word_f1 = 100 * f1(p, r);
        double up = out->system_words ? (double)out->upos_matched / out->system_words : 0;
        double ur = out->gold_words ? (double)out->upos_matched / out->gold_words : 0;
        out->upos_p = 100 * up;
        out->upos_r = 100 * ur;
        out->upos_f1 = 100 * f1(up, ur);
        out->upos_acc = out->tagged ? 100.0 * out->tagged_correct / out->tagged : 0;
        out->gold_tokens_seg_correct = gt_match;
        double gp = gt_sys ? (double)gt_match / gt_sys : 0,
               gr = gt_gold ? (double)gt_match / gt_gold : 0;
        out->word_f1_gold_tokens = 100 * f1(gp, gr);
    }
    rc = VNT_OK;
    goto fail;
nomem:
    rc = VNT_ERR_NOMEM;
fail:
    vnt__work_free(&wk);
    free(nows);
    free(gold);
    free(toks);
    vnt__corpus_free(&c);
    return rc;
}
