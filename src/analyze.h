/* Shared by the article-analysis rooms (issue 4): article.c (structure and the
 * pipeline), facts.c (values), entity.c (names), gazetteer.c (places, names),
 * article_json.c (output). Not installed; vnt__an_ prefix. */
#ifndef VNT_ANALYZE_H
#define VNT_ANALYZE_H

#include "internal.h"

/* One token of a kept block with what the rules need. */
typedef struct an_tok {
    size_t s, e;    /* bytes of the original input */
    uint8_t type;   /* vnt_token_type */
    uint8_t cse;    /* VNT_CASE_* */
    uint8_t sent0;  /* first token of a sentence */
    uint8_t word0;  /* first token of a word (segmenter), or of itself */
    uint8_t upos;   /* vnt_upos of its word, VNT_UPOS_X without a model */
    uint8_t used;   /* taken by a value or entity */
    uint8_t place0; /* match_place's first test, remembered: 0 not yet, 1 no place
                       starts with this word, 2 some may */
    uint8_t gaz;    /* vnt__an_gaz: which facts are known (high nibble) and true */
    uint32_t wlast; /* index in c->t of the last token of its word */
    uint64_t key;   /* vnt__token_info key from the model's analysis, 0 = not known */
    char lk[40];    /* lower-case surface (cut at 39 bytes) for vocabulary lookups */
} an_tok;

/* Is the token's lower-case surface exactly w? For a literal w the length is
 * a constant and the compare (terminator included) becomes a few integer
 * compares; otherwise the first byte is tested inline. Why: these tests run
 * for every token against dozens of cue words, most miss, and strcmp calls
 * were 5% of analyze. */
static inline int is(const an_tok *t, const char *w)
{
    if (__builtin_constant_p(strlen(w)) && strlen(w) < sizeof t->lk)
        return !memcmp(t->lk, w, strlen(w) + 1);
    return t->lk[0] == w[0] && !strcmp(t->lk, w);
}

/* A table of the vocabulary lists' entries (entity.c vt_table): hash with
 * the low byte replaced by the lists' bits, beside an entry for the exact
 * compare; linear probing. */
typedef struct an_vtab {
    uint64_t *slot;
    const char **str;
    size_t cap; /* 0: not built yet; with slot NULL: could not be built */
} an_vtab;

typedef struct an_ctx {
    const char *s;
    size_t n;
    vnt_article *a;
    an_tok *t;
    size_t nt, cap_t;
    int year, month, day; /* article date, 0 if unknown */
    size_t cap_ent, cap_val, cap_titles, cap_sent, cap_blocks;
    int nomem;
    int words; /* t[] carries the segmenter's words and tags (a model was given) */
    /* opts->orgs the same way (values: article counts) */
    uint64_t *org_slot;
    size_t org_cap, org_n;
    const char *org_p;
    uint32_t org_sig;
    unsigned org_gen;             /* gen when org_* was last checked against the bytes */
    const vnt_article_opts *opts; /* of the current call */
    /* keys of opts->idf hashed with their idf (article.c), built once per
     * article object for the bytes at idf_p (why: a binary search over the
     * text missed the cache at every step) */
    uint64_t *idf_slot;
    size_t idf_cap, idf_n;
    const char *idf_p;
    uint32_t idf_sig;
    unsigned idf_gen;
    /* gazetteer keys of entities, computed once per article (entity.c) */
    struct an_ekey *ek;
    size_t cap_ek;
    unsigned gen; /* article counter: ek entries of older articles are stale */
    /* the vocabulary lists' first words and whole phrases, built once per
     * article object (entity.c vt_table) */
    struct an_vtab vfirst, vphrase, vlast;
} an_ctx;

/* vnt_article.internal: the context outlives the call so that
 * vnt_article_json writes tokens and words without analysing again. */
typedef struct an_internal {
    an_ctx ctx;
    vnt_tokens tk;
    vnt_sentences ss;
} an_internal;

/* structure (article.c) */
VNT__HIDDEN vnt_status vnt__an_structure(an_ctx *c);
/* values (facts.c) */
VNT__HIDDEN void vnt__an_facts(an_ctx *c);
VNT__HIDDEN int vnt__an_parse_number(const char *s, size_t n, double *out);
/* entities (entity.c) */
/* The entity rules compare mentions pairwise, which is quadratic in the
 * text they see; a longer article is given to them (and to the entity
 * tagger) in windows of about this many bytes, cut at sentence starts, so
 * the work stays linear. A news article fits in one. (A fuzz build may
 * make it tiny, to reach the windowing with small inputs.) */
#ifndef VNT__AN_ENTITY_WINDOW
#define VNT__AN_ENTITY_WINDOW ((size_t)64 << 10)
#endif
VNT__HIDDEN void vnt__an_entities(an_ctx *c);
/* Gazetteer facts of token i's own key (48-byte key), asked once per token
 * (why: the rules and the entity tagger ask them of the same capitals):
 * the VNT__GAZ_* bits of want that hold. */
enum { VNT__GAZ_SURNAME = 1, VNT__GAZ_GIVEN = 2, VNT__GAZ_PLACE_PREFIX = 4 };
VNT__HIDDEN unsigned vnt__an_gaz(an_ctx *c, size_t i, unsigned want);
/* vocabulary bits of token i for the entity tagger (entity.c) */
VNT__HIDDEN unsigned vnt__an_vocab(an_ctx *c, size_t i);
/* places and names (gazetteer.c): key = lower case with each syllable's tone
 * as a trailing digit. */
VNT__HIDDEN size_t vnt__gaz_key(const char *s, size_t n, char *out, size_t cap);
/* level 1..8 (see gazetteer_table.h) or 0; *province (static) may be NULL;
 * *needs_cue when the name is only taken after xã/phường/… */
VNT__HIDDEN int vnt__gaz_place(const char *key, const char **province, int *needs_cue);
/* 1 if some place's key starts with key (a cheap test before trying longer spans) */
VNT__HIDDEN int vnt__gaz_place_prefix(const char *key);
VNT__HIDDEN int vnt__gaz_surname(const char *key);
VNT__HIDDEN int vnt__gaz_given(const char *key);
VNT__HIDDEN const char *vnt__gaz_level_name(int level);

/* 1 if key (vnt__gaz_key) is a name of opts->orgs */
VNT__HIDDEN int vnt__an_org_name(an_ctx *c, const char *key);

/* keyword candidates of an analysed article, in text order (tools/gen_idf.c) */
VNT__HIDDEN size_t vnt__an_keys(const vnt_article *a, void (*fn)(void *u, const char *key),
                                void *u);

/* helpers */
VNT__HIDDEN void vnt__an_lower(const char *s, size_t n, char *out, size_t cap);
VNT__HIDDEN int vnt__an_push_value(an_ctx *c, const vnt_value *v);
VNT__HIDDEN long vnt__an_push_entity(an_ctx *c, const vnt_entity *e);
VNT__HIDDEN int vnt__an_push_title(an_ctx *c, size_t s, size_t e);
/* 1 if word w (lower case) is in a list of n strings sorted by strcmp
 * (binary search; tests check every list with vnt__an_lists_sorted) */
VNT__HIDDEN int vnt__an_in(const char *w, const char *const *list, size_t n);
VNT__HIDDEN int vnt__an_sorted(const char *const *list, size_t n);
VNT__HIDDEN int vnt__an_lists_sorted(void);
VNT__HIDDEN int vnt__an_facts_lists_sorted(void);
VNT__HIDDEN int vnt__an_article_lists_sorted(void);

#endif
