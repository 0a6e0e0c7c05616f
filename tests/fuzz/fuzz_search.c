/* Fuzz the search terms (issue 5): every mode (accents both/fold/keep, index
 * and query, prefix, whole word, VNT_SEARCH_EXPAND). Invariants: terms in
 * position order, each alternative after a primary at its position, offsets
 * inside the input, NUL-terminated text of at most VNT_TERM_MAX bytes; under
 * VNT_SEARCH_EXPAND an index keeps the same primaries as without it, and a
 * query's expansions fold back to the word typed (a prefix ending in y: or
 * to it with i). */
#include "vntext.h"

#include <stdlib.h>
#include <string.h>

static void check(const char *s, size_t n, const vnt_terms *t)
{
    uint32_t pos = 0;
    for (size_t i = 0; i < t->n; i++) {
        const vnt_term *x = &t->term[i];
        if (x->start > x->end || x->end > n) abort();
        if (x->len == 0 || x->len > VNT_TERM_MAX) abort();
        if ((size_t)x->off + x->len >= t->text_len || t->text[x->off + x->len]) abort();
        if (memchr(t->text + x->off, 0, x->len)) abort();
        if (x->flags & VNT_TERM_ALT) {
            if (i == 0 || x->pos != t->term[i - 1].pos) abort();
        } else if (i > 0 && x->pos <= pos)
            abort();
        if (x->pos >= t->n_pos) abort();
        pos = x->pos;
    }
    (void)s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const unsigned mode = data[0];
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    vnt_search_opts o = {VNT_SEARCH_OPTS_VERSION, (vnt_accents)(mode % 3), (mode >> 2) & 1, NULL,
                         0};
    if (mode & 8) o.flags |= VNT_SEARCH_QUERY;
    if (mode & 16) o.flags |= VNT_SEARCH_PREFIX;
    if (mode & 32) o.flags |= VNT_SEARCH_WORD;
    if (mode & 64) o.flags |= VNT_SEARCH_EXPAND;
    vnt_terms t = {0}, u = {0};
    if (vnt_search_terms(s, n, &o, &t) != VNT_OK) abort();
    check(s, n, &t);
    if (o.accents == VNT_ACCENTS_BOTH && !(o.flags & VNT_SEARCH_QUERY)) {
        /* the same primaries (and compounds) with or without EXPAND */
        vnt_search_opts p = o;
        p.flags ^= VNT_SEARCH_EXPAND;
        if (vnt_search_terms(s, n, &p, &u) != VNT_OK) abort();
        size_t a = 0, b = 0;
        for (;;) {
            while (a < t.n && (t.term[a].flags & VNT_TERM_FOLDED))
                a++;
            while (b < u.n && (u.term[b].flags & VNT_TERM_FOLDED))
                b++;
            if (a == t.n || b == u.n) break;
            if (t.term[a].len != u.term[b].len || t.term[a].pos != u.term[b].pos ||
                memcmp(t.text + t.term[a].off, u.text + u.term[b].off, t.term[a].len))
                abort();
            a++, b++;
        }
        if (a != t.n || b != u.n) abort();
    }
    if ((o.flags & VNT_SEARCH_EXPAND) && (o.flags & VNT_SEARCH_QUERY) &&
        o.accents == VNT_ACCENTS_BOTH) {
        /* an expansion folds back to its primary */
        const vnt_term *prim = NULL;
        for (size_t i = 0; i < t.n; i++) {
            const vnt_term *x = &t.term[i];
            if (!(x->flags & VNT_TERM_ALT)) {
                prim = x;
                continue;
            }
            char f[VNT_TERM_MAX + 8], p[VNT_TERM_MAX + 8];
            if (!prim) abort();
            size_t fl = vnt_strip_diacritics(t.text + x->off, x->len, f, sizeof f);
            size_t pl = vnt_strip_diacritics(t.text + prim->off, prim->len, p, sizeof p);
            /* or to its spelling with i: a prefix "hy" or "hỳ" is also "hi"/"hì" */
            if (fl != pl ||
                (memcmp(f, p, fl) && !((prim->flags & VNT_TERM_PREFIX) && fl && p[fl - 1] == 'y' &&
                                       f[fl - 1] == 'i' && !memcmp(f, p, fl - 1))))
                abort();
        }
    }
    vnt_terms_free(&t);
    vnt_terms_free(&u);
    return 0;
}
