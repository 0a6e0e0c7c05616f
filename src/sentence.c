/* Sentence boundaries over the tokens of vnt_tokenize.
 *
 * A sentence ends at a terminal token (. ! ? … and runs of them) followed by
 * the closing quotes and brackets that belong to it, when what follows looks
 * like a new sentence (a capital, a digit, an opening quote; not a lower-case
 * word or a comma). The tokenizer has already kept the full stops of
 * abbreviations (TP., GS.TS.), initials (T.) and numbers (1.000, 3,5) inside
 * their tokens, so those never reach this file as terminals. Blank lines
 * always end a sentence; a single line break ends one unless the next line
 * visibly continues it (lower case after a non-final token). */
#include "internal.h"

typedef struct ctx {
    const unsigned char *s;
    size_t n;
    const vnt_tokens *t;
} ctx;

static uint32_t first_cp(const ctx *c, const vnt_token *k)
{
    uint32_t cp = 0;
    if (vnt_utf8_decode((const char *)c->s + k->start, k->end - k->start, &cp) <= 0) return 0;
    return cp;
}

/* The token is one punctuation character cp (and nothing else). */
static int tok_is(const ctx *c, const vnt_token *k, uint32_t cp)
{
    if (k->type != VNT_TOK_PUNCT) return 0;
    uint32_t x;
    int len = vnt_utf8_decode((const char *)c->s + k->start, k->end - k->start, &x);
    return len > 0 && (size_t)len == k->end - k->start && x == cp;
}

/* . ! ? … and runs of them (the tokenizer makes a run one token), plus the
 * CJK / full-width full stop, exclamation and question marks */
static int is_terminal(const ctx *c, const vnt_token *k)
{
    if (k->type != VNT_TOK_PUNCT) return 0;
    uint32_t cp = first_cp(c, k);
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 ||
           cp == 0xFF1F || cp == 0xFF0E;
}

/* ... or … somewhere in the run: an ellipsis, which ends a sentence only
 * before a capital */
static int is_ellipsis(const ctx *c, const vnt_token *k)
{
    size_t len = k->end - k->start;
    const unsigned char *p = c->s + k->start;
    if (len >= 2 && p[0] == '.' && p[1] == '.') return 1;
    for (size_t i = 0; i + 3 <= len; i++)
        if (p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xA6) return 1;
    return 0;
}

static int is_closer_cp(uint32_t cp)
{
    return cp == ')' || cp == ']' || cp == '}' || cp == 0x201D || cp == 0x2019 || cp == 0xBB ||
           cp == 0x203A || cp == 0x300D || cp == 0x300F || cp == 0xFF09;
}

static int is_opener_cp(uint32_t cp)
{
    return cp == '(' || cp == '[' || cp == '{' || cp == 0x201C || cp == 0x2018 || cp == 0xAB ||
           cp == 0x2039 || cp == 0x300C || cp == 0x300E || cp == 0xFF08 || cp == '"' || cp == '\'';
}

/* Starts with a lower-case letter (a word that continues the sentence). */
static int starts_lower(const ctx *c, const vnt_token *k)
{
    switch (k->type) {
    case VNT_TOK_SYLLABLE:
    case VNT_TOK_FOREIGN:
    case VNT_TOK_ABBREV:
    case VNT_TOK_CODE: {
        vnt__letter L;
        uint32_t cp = first_cp(c, k);
        if (vnt__letter_get(cp, &L)) return !L.upper;
        return VNT_TOKEN_CASE(k->flags) == VNT_CASE_LOWER;
    }
    default: return 0;
    }
}

static int starts_upper(const ctx *c, const vnt_token *k)
{
    switch (k->type) {
    case VNT_TOK_SYLLABLE:
    case VNT_TOK_FOREIGN:
    case VNT_TOK_ABBREV:
    case VNT_TOK_CODE:
    case VNT_TOK_HASHTAG:
    case VNT_TOK_MENTION: return !starts_lower(c, k) || k->type >= VNT_TOK_HASHTAG;
    default: return 0;
    }
}

/* Punctuation that cannot start a sentence: , ; : and closers */
static int continues(const ctx *c, const vnt_token *k)
{
    if (k->type != VNT_TOK_PUNCT) return 0;
    uint32_t cp = first_cp(c, k);
    return cp == ',' || cp == ';' || cp == ':' || cp == 0x3001 || cp == 0xFF0C ||
           (is_closer_cp(cp) && cp != 0x2019);
}

/* Does the terminal at i (with its closers up to j) end the sentence? */
static int ends_here(const ctx *c, size_t begin, size_t i, size_t j)
{
    const vnt_tokens *t = c->t;
    if (j >= t->n) return 1;
    const vnt_token *nx = &t->tok[j];
    if (nx->flags & VNT_TOKF_NEWLINE_BEFORE) return 1;
    /* the last terminal of the run decides: … " . is a full stop */
    const vnt_token *term = &t->tok[i];
    for (size_t k = i + 1; k < j; k++)
        if (is_terminal(c, &t->tok[k])) term = &t->tok[k];
    /* "1. Giới thiệu", "a. Mục tiêu": a list marker, not a sentence */
    if (i == begin + 1 && first_cp(c, term) == '.') {
        const vnt_token *m = &t->tok[begin];
        if ((m->type == VNT_TOK_NUMBER && m->end - m->start <= 3) || m->end - m->start == 1)
            return 0;
    }
    if (starts_lower(c, nx) || continues(c, nx)) return 0;
    /* “Thật không?” – anh cười: a dash then lower case goes on (dialogue) */
    uint32_t d = first_cp(c, nx);
    if ((d == '-' || d == 0x2013 || d == 0x2014) && j + 1 < t->n &&
        !(t->tok[j + 1].flags & VNT_TOKF_NEWLINE_BEFORE) && starts_lower(c, &t->tok[j + 1]))
        return 0;
    if (is_ellipsis(c, term)) {
        /* … then a capital, possibly after an opening quote */
        if (starts_upper(c, nx)) return 1;
        if (nx->type == VNT_TOK_PUNCT && is_opener_cp(first_cp(c, nx)) && j + 1 < t->n &&
            starts_upper(c, &t->tok[j + 1]))
            return 1;
        return 0;
    }
    return 1;
}

/* A single line break inside a sentence: the previous line ends on a token
 * that cannot end one (a word, a comma) and the next starts in lower case. */
static int line_continues(const ctx *c, size_t i)
{
    const vnt_token *k = &c->t->tok[i], *p = &c->t->tok[i - 1];
    if (k->flags & VNT_TOKF_PARAGRAPH_BEFORE) return 0;
    if (!starts_lower(c, k)) return 0;
    if (is_terminal(c, p)) return 0;
    return 1;
}

static int emit(vnt_sentences *out, const vnt_tokens *t, size_t b, size_t e)
{
    if (e <= b) return 1;
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 64;
        if (cap > SIZE_MAX / sizeof(vnt_sentence)) return 0;
        vnt_sentence *v = realloc(out->sent, cap * sizeof *v);
        if (!v) return 0;
        out->sent = v;
        out->cap = cap;
    }
    vnt_sentence *x = &out->sent[out->n++];
    x->start = t->tok[b].start;
    x->end = t->tok[e - 1].end;
    x->tok_begin = b;
    x->tok_end = e;
    return 1;
}

/* Is a bracket opened in [b, i) (i: after the terminal and its closers)
 * closed later on the same line, soon? Then a full stop inside it does not
 * end the sentence (Điều 5. Khoản 2). */
static int inside_brackets(const ctx *c, size_t b, size_t i)
{
    const vnt_tokens *t = c->t;
    int depth = 0;
    for (size_t k = b; k < i; k++) {
        if (tok_is(c, &t->tok[k], '(') || tok_is(c, &t->tok[k], '[')) depth++;
        if ((tok_is(c, &t->tok[k], ')') || tok_is(c, &t->tok[k], ']')) && depth > 0) depth--;
    }
    if (depth == 0) return 0;
    for (size_t k = i; k < t->n && k < i + 40; k++) {
        if (t->tok[k].flags & VNT_TOKF_NEWLINE_BEFORE) return 0;
        if (tok_is(c, &t->tok[k], '(') || tok_is(c, &t->tok[k], '[')) return 0;
        if (tok_is(c, &t->tok[k], ')') || tok_is(c, &t->tok[k], ']')) return 1;
    }
    return 0;
}

static vnt_status split(const ctx *c, vnt_sentences *out)
{
    const vnt_tokens *t = c->t;
    size_t begin = 0, i = 0;
    int dq = 0, sq = 0; /* ASCII " and ' open in this sentence */
    while (i < t->n) {
        const vnt_token *k = &t->tok[i];
        if (i > begin && (k->flags & VNT_TOKF_NEWLINE_BEFORE) && !line_continues(c, i)) {
            if (!emit(out, t, begin, i)) return VNT_ERR_NOMEM;
            begin = i;
            dq = sq = 0;
        }
        if (is_terminal(c, k)) {
            /* closing quotes and brackets, more terminals: same line only */
            size_t j = i + 1;
            int dq2 = dq, sq2 = sq;
            while (j < t->n && !(t->tok[j].flags & VNT_TOKF_NEWLINE_BEFORE)) {
                const vnt_token *x = &t->tok[j];
                if (x->type != VNT_TOK_PUNCT) break;
                uint32_t cp = first_cp(c, x);
                if (cp == '"' || cp == '\'') {
                    /* a straight quote after a terminal closes when a quote is
                       open, when it is glued to the terminal (đi!" Anh), or
                       when what follows cannot open a sentence (! " . / ! " và);
                       else it opens the next sentence */
                    int *q = cp == '"' ? &dq2 : &sq2;
                    const vnt_token *after = j + 1 < t->n ? &t->tok[j + 1] : NULL;
                    if (after && (after->flags & VNT_TOKF_NEWLINE_BEFORE)) after = NULL;
                    int closes = *q || !(x->flags & VNT_TOKF_SPACE_BEFORE) || !after ||
                                 is_terminal(c, after) || continues(c, after) ||
                                 starts_lower(c, after);
                    if (!closes) break;
                    *q = 0;
                } else if (!is_closer_cp(cp) && !is_terminal(c, x)) {
                    break;
                }
                j++;
            }
            if (ends_here(c, begin, i, j) && !inside_brackets(c, begin, j)) {
                if (!emit(out, t, begin, j)) return VNT_ERR_NOMEM;
                begin = i = j;
                dq = sq = 0;
                continue;
            }
        }
        if (tok_is(c, k, '"')) dq = !dq;
        if (tok_is(c, k, '\'')) sq = !sq;
        i++;
    }
    if (!emit(out, t, begin, t->n)) return VNT_ERR_NOMEM;
    return VNT_OK;
}

vnt_status vnt_split_sentences(const char *s, size_t n, const vnt_tokens *toks, vnt_sentences *out)
{
    if (!out || (!s && n)) return VNT_ERR_ARG;
    out->n = 0;
    vnt_tokens own = {0};
    if (!toks) {
        vnt_status st = vnt_tokenize(s, n, 0, &own);
        if (st != VNT_OK) return st;
        toks = &own;
    }
    for (size_t i = 0; i < toks->n; i++)
        if (toks->tok[i].end > n || toks->tok[i].start >= toks->tok[i].end ||
            (i && toks->tok[i].start < toks->tok[i - 1].end)) {
            vnt_tokens_free(&own);
            return VNT_ERR_ARG;
        }
    ctx c = {(const unsigned char *)s, n, toks};
    vnt_status st = split(&c, out);
    if (st != VNT_OK) out->n = 0;
    vnt_tokens_free(&own);
    return st;
}

void vnt_sentences_free(vnt_sentences *ss)
{
    if (!ss) return;
    free(ss->sent);
    ss->sent = NULL;
    ss->n = ss->cap = 0;
}
