/* Fuzz the tokenizer and the sentence splitter: invariants, not just no-crash.
 * Tokens are in order, non-empty, non-overlapping, within the input; every
 * byte outside them is whitespace or a zero-width char; sentences cover the
 * tokens exactly; tokenizing a prefix that ends at a gap agrees with the
 * whole on the tokens before it; a syllable and word memo kept across
 * inputs (as vnt_analyze and the search tokenizer keep one) changes nothing. */
#include "nlp.h"
#include "vntext.h"

#include <stdlib.h>
#include <string.h>

static int gap_char(uint32_t cp)
{
    return cp == ' ' || (cp >= 9 && cp <= 13) || cp == 0x85 || cp == 0xA0 || cp == 0xAD ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
           (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    vnt_tokens t = {0};
    if (vnt_tokenize(s, size, 0, &t) != VNT_OK) abort();
    size_t pos = 0;
    for (size_t i = 0; i <= t.n; i++) {
        size_t st = i < t.n ? t.tok[i].start : size;
        if (st < pos) abort();
        for (size_t g = pos; g < st;) {
            uint32_t cp;
            int k = vnt_utf8_decode(s + g, st - g, &cp);
            if (k <= 0 || !gap_char(cp)) abort();
            g += (size_t)k;
        }
        if (i == t.n) break;
        const vnt_token *k = &t.tok[i];
        if (k->end <= k->start || k->end > size) abort();
        if ((unsigned)k->type >= VNT_TOK_TYPE_COUNT) abort();
        if (!!(k->flags & VNT_TOKF_SPACE_BEFORE) != (k->start > pos)) abort();
        if ((k->flags & VNT_TOKF_PARAGRAPH_BEFORE) && !(k->flags & VNT_TOKF_NEWLINE_BEFORE))
            abort();
        if (!vnt_token_type_name(k->type)[0]) abort();
        pos = k->end;
    }
    vnt_sentences ss = {0};
    if (vnt_split_sentences(s, size, &t, &ss) != VNT_OK) abort();
    size_t next = 0;
    for (size_t i = 0; i < ss.n; i++) {
        const vnt_sentence *x = &ss.sent[i];
        if (x->tok_begin != next || x->tok_end <= x->tok_begin || x->tok_end > t.n) abort();
        if (x->start != t.tok[x->tok_begin].start || x->end != t.tok[x->tok_end - 1].end) abort();
        next = x->tok_end;
    }
    if (next != t.n) abort();
    /* a prefix cut after the first whitespace byte past the middle: the
       tokens that end well before the cut are the same */
    size_t cut = size / 2;
    while (cut < size && s[cut] != ' ' && s[cut] != '\n')
        cut++;
    if (cut < size) {
        vnt_tokens u = {0};
        /* an exact-size copy, so that reading past the end is caught */
        char *pre = malloc(cut ? cut : 1);
        if (!pre) abort();
        memcpy(pre, s, cut);
        if (vnt_tokenize(pre, cut, 0, &u) != VNT_OK) abort();
        free(pre);
        for (size_t i = 0; i < u.n && i < t.n; i++) {
            /* lookahead of recognisers (phones with spaces, URLs) is bounded
               by the cut, so compare only tokens that end 64 bytes before it */
            if (t.tok[i].end + 64 > cut) break;
            if (u.tok[i].start != t.tok[i].start || u.tok[i].end != t.tok[i].end ||
                u.tok[i].type != t.tok[i].type)
                abort();
        }
        vnt_tokens_free(&u);
    }
    /* the memo remembers earlier inputs: a stale entry must never answer */
    static void *memo;
    enum { MEMO_N = 64 }; /* small: slots are shared and overwritten often */
    if (!memo && !(memo = calloc(MEMO_N, VNT__TOK_MEMO_ENTRY))) abort();
    vnt_tokens m = {0};
    for (int pass = 0; pass < 2; pass++) { /* the second pass hits */
        if (vnt__tokenize_memo(s, size, 0, &m, memo, MEMO_N) != VNT_OK || m.n != t.n) abort();
        for (size_t i = 0; i < t.n; i++)
            if (m.tok[i].start != t.tok[i].start || m.tok[i].end != t.tok[i].end ||
                m.tok[i].type != t.tok[i].type || m.tok[i].flags != t.tok[i].flags)
                abort();
    }
    vnt_tokens_free(&m);
    vnt_sentences_free(&ss);
    vnt_tokens_free(&t);
    return 0;
}
