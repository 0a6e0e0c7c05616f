/* PostgreSQL text search for Vietnamese (docs/search.md): a parser and a
 * dictionary template over vnt_search_terms(), the same terms the SQLite
 * tokenizer indexes.
 *
 * PostgreSQL gives each parser token its own position, and a dictionary sees
 * one token's text, so a multi-syllable word found by the segmenter is ONE
 * token ("compound", its original bytes with the space inside); the
 * dictionary returns its syllables (TSL_ADDPOS between them) and, at the
 * first syllable, the joined word as another variant. Syllable phrases then
 * match with or without the compound. Everything between terms is a "blank"
 * token, so ts_headline reproduces the original text exactly. */
#include "postgres.h"

#include "commands/defrem.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "tsearch/ts_public.h"
#include "tsearch/ts_utils.h"
#include "utils/builtins.h"

#include "vntext.h"

PG_MODULE_MAGIC;

/* Token type ids. 5, 13, 15-17 mean something to prsd_headline (URL parts
 * skipped, tags replaced), 12 is its "blank": use 12 for blank, avoid the
 * others. */
enum {
    T_SYLLABLE = 1,
    T_COMPOUND = 2,
    T_FOREIGN = 3,
    T_EMAIL = 4,
    T_URL = 6,
    T_NUMBER = 7,
    T_DATE = 8,
    T_TIME = 9,
    T_PERCENT = 10,
    T_CODE = 11,
    T_BLANK = 12,
    T_ABBREV = 14,
    T_PHONE = 18,
    T_HASHTAG = 19,
    T_MENTION = 20,
    T_MAX = 20
};

static const struct {
    int id;
    const char *alias, *descr;
} lextypes[] = {
    {T_SYLLABLE, "syllable", "Vietnamese syllable (or other word of one token)"},
    {T_COMPOUND, "compound", "Multi-syllable word found by the segmenter"},
    {T_FOREIGN, "foreignword", "Word that is not a Vietnamese syllable"},
    {T_EMAIL, "email", "Email address"},
    {T_URL, "url", "URL"},
    {T_NUMBER, "number", "Number"},
    {T_DATE, "date", "Date"},
    {T_TIME, "timeofday", "Time of day"},
    {T_PERCENT, "percent", "Percentage"},
    {T_CODE, "code", "Code of letters and digits (49X-6666, Covid-19)"},
    {T_BLANK, "blank", "Space, punctuation and symbols"},
    {T_ABBREV, "abbrev", "Abbreviation (UBND, TP.HCM)"},
    {T_PHONE, "phone", "Phone number"},
    {T_HASHTAG, "hashtag", "Hashtag"},
    {T_MENTION, "mention", "Mention"},
};

static int type_id(vnt_token_type t)
{
    switch (t) {
    case VNT_TOK_SYLLABLE: return T_SYLLABLE;
    case VNT_TOK_FOREIGN: return T_FOREIGN;
    case VNT_TOK_NUMBER: return T_NUMBER;
    case VNT_TOK_DATE: return T_DATE;
    case VNT_TOK_TIME: return T_TIME;
    case VNT_TOK_PERCENT: return T_PERCENT;
    case VNT_TOK_URL: return T_URL;
    case VNT_TOK_EMAIL: return T_EMAIL;
    case VNT_TOK_HASHTAG: return T_HASHTAG;
    case VNT_TOK_MENTION: return T_MENTION;
    case VNT_TOK_PHONE: return T_PHONE;
    case VNT_TOK_CODE: return T_CODE;
    case VNT_TOK_ABBREV: return T_ABBREV;
    default: return T_BLANK;
    }
}

/* The segmentation model, opened once per backend from
 * $sharedir/tsearch_data/vntext.model; without it there are no compounds. */
static vnt_model *model;
static bool model_tried;
/* reused between documents: its buffers only grow */
static vnt_doc doc;
static vnt_tokens toks;
/* the dictionary's terms: one token per call, so reusing the buffers and
 * the library's key memo matters (a fresh one per token was 4x slower) */
static vnt_terms terms;

static const vnt_model *get_model(void)
{
    if (!model_tried) {
        model_tried = true;
        char *path = get_tsearch_config_filename("vntext", "model");
        if (vnt_model_open(path, &model, NULL, 0) != VNT_OK) model = NULL;
        pfree(path);
    }
    return model;
}

static void check_encoding(void)
{
    if (GetDatabaseEncoding() != PG_UTF8)
        ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("vntext text search needs a UTF8 database")));
}

static void vnt_error(vnt_status st)
{
    if (st == VNT_ERR_NOMEM)
        ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory in vntext")));
    ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR), errmsg("vntext: %s", vnt_strerror(st))));
}

/* ------------------------------------------------------------------ parser */

typedef struct unit {
    int start, end, type;
} unit;

typedef struct pstate {
    char *s;
    int n;
    unit *u;
    int nu, next;
    int at; /* bytes emitted so far */
} pstate;

PG_FUNCTION_INFO_V1(vntext_prs_start);
Datum vntext_prs_start(PG_FUNCTION_ARGS)
{
    check_encoding();
    pstate *p = palloc0(sizeof *p);
    p->s = (char *)PG_GETARG_POINTER(0);
    p->n = PG_GETARG_INT32(1);
    const vnt_model *m = get_model();
    const vnt_tokens *tk;
    vnt_status st;
    if (m) {
        st = vnt_analyze(m, p->s, (size_t)p->n, VNT_ANALYZE_NO_TAG, &doc);
        tk = &doc.tokens;
    } else {
        st = vnt_tokenize(p->s, (size_t)p->n, 0, &toks);
        tk = &toks;
    }
    if (st != VNT_OK) vnt_error(st);
    p->u = palloc(sizeof(unit) * (tk->n + 1));
    size_t wi = 0;
    for (size_t i = 0; i < tk->n;) {
        const vnt_token *t = &tk->tok[i];
        int ty = type_id(t->type);
        size_t k = 1;
        if (m && ty == T_SYLLABLE) {
            /* a word of 2+ syllables (and nothing else) is one token */
            while (wi < doc.n_words && doc.words[wi].tok_end <= i)
                wi++;
            if (wi < doc.n_words && doc.words[wi].tok_begin == i) {
                size_t e = doc.words[wi].tok_end;
                size_t j = i;
                while (j < e && tk->tok[j].type == VNT_TOK_SYLLABLE)
                    j++;
                if (j == e && e - i >= 2 && e - i <= 8) k = e - i;
            }
        }
        if (ty == T_BLANK) {
            i++;
            continue; /* part of the gap before the next unit */
        }
        unit *u = &p->u[p->nu++];
        u->start = (int)t->start;
        u->end = (int)tk->tok[i + k - 1].end;
        u->type = k > 1 ? T_COMPOUND : ty;
        i += k;
    }
    PG_RETURN_POINTER(p);
}

PG_FUNCTION_INFO_V1(vntext_prs_nexttoken);
Datum vntext_prs_nexttoken(PG_FUNCTION_ARGS)
{
    pstate *p = (pstate *)PG_GETARG_POINTER(0);
    char **t = (char **)PG_GETARG_POINTER(1);
    int *tlen = (int *)PG_GETARG_POINTER(2);
    if (p->at >= p->n) PG_RETURN_INT32(0);
    *t = p->s + p->at;
    if (p->next < p->nu && p->u[p->next].start == p->at) {
        const unit *u = &p->u[p->next++];
        *tlen = u->end - u->start;
        p->at = u->end;
        PG_RETURN_INT32(u->type);
    }
    int end = p->next < p->nu ? p->u[p->next].start : p->n;
    *tlen = end - p->at;
    p->at = end;
    PG_RETURN_INT32(T_BLANK);
}

PG_FUNCTION_INFO_V1(vntext_prs_end);
Datum vntext_prs_end(PG_FUNCTION_ARGS)
{
    pstate *p = (pstate *)PG_GETARG_POINTER(0);
    if (p->u) pfree(p->u);
    pfree(p);
    PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(vntext_prs_lextype);
Datum vntext_prs_lextype(PG_FUNCTION_ARGS)
{
    size_t n = sizeof lextypes / sizeof *lextypes;
    LexDescr *d = palloc(sizeof(LexDescr) * (n + 1));
    for (size_t i = 0; i < n; i++) {
        d[i].lexid = lextypes[i].id;
        d[i].alias = pstrdup(lextypes[i].alias);
        d[i].descr = pstrdup(lextypes[i].descr);
    }
    d[n].lexid = 0;
    PG_RETURN_POINTER(d);
}

/* -------------------------------------------------------------- dictionary */

typedef struct dstate {
    vnt_search_opts opts;
} dstate;

PG_FUNCTION_INFO_V1(vntext_dict_init);
Datum vntext_dict_init(PG_FUNCTION_ARGS)
{
    List *options = (List *)PG_GETARG_POINTER(0);
    dstate *d = palloc0(sizeof *d);
    d->opts.version = VNT_SEARCH_OPTS_VERSION;
    d->opts.accents = VNT_ACCENTS_BOTH;
    d->opts.compounds = 1;
    ListCell *l;
    foreach (l, options) {
        DefElem *e = (DefElem *)lfirst(l);
        char *v = defGetString(e);
        if (vnt_search_option(&d->opts, e->defname, v) != VNT_OK)
            ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                            errmsg("vntext: bad option %s = '%s'", e->defname, v),
                            errhint("accents = fold | keep | both, compounds = 1 | 0")));
    }
    PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(vntext_dict_lexize);
Datum vntext_dict_lexize(PG_FUNCTION_ARGS)
{
    dstate *d = (dstate *)PG_GETARG_POINTER(0);
    char *in = (char *)PG_GETARG_POINTER(1);
    int32 len = PG_GETARG_INT32(2);
    vnt_search_opts o = d->opts;
    /* a token of several syllables is a word the parser's segmenter found */
    o.flags = VNT_SEARCH_WORD;
    o.model = NULL;
    vnt_status st = vnt_search_terms(in, (size_t)len, &o, &terms);
    if (st != VNT_OK) vnt_error(st);
    TSLexeme *res = palloc0(sizeof(TSLexeme) * (terms.n + 1));
    int k = 0;
    uint32 pos = 0;
    for (size_t i = 0; i < terms.n; i++) {
        const vnt_term *x = &terms.term[i];
        res[k].lexeme = pnstrdup(terms.text + x->off, x->len);
        /* Variants are OR-ed in a query, lexemes of one variant AND-ed (the
         * accented form and its accent-free form) or, at later positions, a
         * phrase. Variant 1: the syllables, or the letter/digit runs of a
         * code (covid <-> 19); variant 2: the compound word (kinh_tế) or the
         * whole code (covid-19). A document gets both, so "covid" finds
         * Covid-19 and "30/4" finds 30/4/2021. */
        int whole =
            (x->flags & VNT_TERM_COMPOUND) || (!(x->flags & VNT_TERM_PART) && i + 1 < terms.n &&
                                               (terms.term[terms.n - 1].flags & VNT_TERM_PART));
        /* variant 3: the spelling with a final y (quý -> quí, also quý): a
         * prefix query "quy:*" finds quyết through it */
        res[k].nvariant = (x->flags & VNT_TERM_SPELLING) ? 3 : whole ? 2 : 1;
        res[k].flags = (k > 0 && x->pos != pos) ? TSL_ADDPOS : 0;
        pos = x->pos;
        k++;
    }
    PG_RETURN_POINTER(res);
}
