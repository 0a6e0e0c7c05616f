/* Entity tagger shared by analysis (ner.c) and training
 * (train/train_entity.c). Not installed; vnt__ner_ prefix. */
#ifndef VNT_NER_H
#define VNT_NER_H
#include "analyze.h"
#include "nlp.h"

#define VNT__NER_MAXF 52

/* What the features read of one token. */
typedef struct vnt__ner_tok {
    uint64_t h;    /* hash of the lower-case surface */
    uint8_t shape; /* token type * 4 + case */
    uint8_t upos;
    uint8_t rule;          /* the rules' label (0 O, B/I per type) */
    uint8_t flags;         /* 1 sentence start, 2 word start, 4 inside a word of several
                              tokens, 8 taken by a value, 16 surname, 32 given name,
                              64 starts a place name */
    uint16_t vocab;        /* vnt__an_vocab() */
    uint8_t run;           /* position in a run of capitalised tokens (0: none), capped */
    uint8_t runlen;        /* length of that run, capped */
    uint64_t wh;           /* hash of the segmenter word it belongs to (0 if one token) */
    uint16_t cl, cl2;      /* distributional cluster (fine, coarse) + 1 of the token as a
                              word, from the model's words section; 0 = none */
    uint16_t wcl;          /* fine cluster + 1 of its segmenter word, 0 = none */
    uint8_t known;         /* in a name the model was trained on (its longest match):
                              B/I/E/S << 4 | types the name had (1 << type); 0 = none */
    uint8_t dh, dp;        /* distance (1-6, 0 none) back to an organisation head and on to a
                              place name, in the sentence with no punctuation between */
    uint64_t dl[2], dr[2]; /* lower-case words before / after other mentions of its
                              capitalised run in the document (0 = none) */
} vnt__ner_tok;

/* Names seen in training: a key of a span's token hashes -> the types it was
 * labelled with (bit 1 << type), 0 if never. */
typedef unsigned (*vnt__ner_known_fn)(const void *u, uint64_t key);
#define VNT__NER_NAME_MAX 8 /* tokens */
/* Key of the tokens [a, a+n) of nt: a chain of their surface hashes. */
static inline uint64_t vnt__ner_name_step(uint64_t k, uint64_t h)
{
    return vnt__mix(k, h);
}
#define VNT__NER_NAME_SEED 0x4E414D45ull
/* The hash of a token's lower-case surface, as vnt__ner_tok.h. */
VNT__HIDDEN uint64_t vnt__ner_hash(const char *lk);
/* Look a key up in the model's name table. */
VNT__HIDDEN unsigned vnt__ner_known_model(const void *model, uint64_t key);

/* Fill nt[0..c->nt) from the tokens and the rule entities of c->a. */
VNT__HIDDEN void vnt__ner_prepare(an_ctx *c, vnt__ner_tok *nt, vnt__ner_known_fn known,
                                  const void *u);
/* Feature ids (< mask + 1) of token i of the sentence [a, b); returns how many. */
VNT__HIDDEN int vnt__ner_features(const vnt__ner_tok *t, size_t a, size_t b, size_t i,
                                  uint32_t mask, uint32_t *f);
/* 0 when label lab may not follow prev (VNT__NER_LABELS = sentence start):
 * I-X only after B-X or I-X. */
VNT__HIDDEN int vnt__ner_allowed(int prev, int lab);
/* Best label path of n tokens for emissions em[n][L]; bp is n*L scratch. */
VNT__HIDDEN void vnt__ner_viterbi(const float *em, size_t n,
                                  const float trans[VNT__NER_LABELS + 1][VNT__NER_LABELS],
                                  uint8_t *bp, uint8_t *out);
/* Replace the rule entities of c->a by the tagger's (model entity section). */
VNT__HIDDEN void vnt__an_ner(an_ctx *c);
#endif
