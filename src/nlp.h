/* What the model, segmenter, tagger, document and trainers share: token
 * keys, feature hashing, the loaded-model struct and the feature extractors
 * (one definition used by both the decoders and the trainers, so they can
 * never disagree). Internal; vnt__ prefix. */
#ifndef VNT_NLP_H
#define VNT_NLP_H

#include "internal.h"

/* ------------------------------------------------------------ file format */

#define VNT__MODEL_MAGIC        "VNTMODEL"
#define VNT__MODEL_FORMAT       1u /* container format version (docs/model-format.md) */
#define VNT__MODEL_HEADER       64u
#define VNT__MODEL_ENTRY        32u
#define VNT__MODEL_ALIGN        64u
#define VNT__MODEL_MAX_SECTIONS 32u

enum {
    VNT__SEC_META = 1,    /* UTF-8 "key=value\n" lines */
    VNT__SEC_LEXICON = 2, /* hashed word set with flags */
    VNT__SEC_SEGMENT = 3, /* segmenter weights */
    VNT__SEC_TAGSET = 4,  /* tag names */
    VNT__SEC_TAGGER = 5,  /* tagger weights */
    VNT__SEC_WORDS = 6,   /* per-word tagger facts: ambiguity class, clusters */
    VNT__SEC_ENTITY = 7   /* entity tagger weights (ner.c) */
};
/* Section layout versions: bump when the features or layout of a section
 * change, so an old model is refused instead of silently misread. */
#define VNT__LEXICON_VERSION 1u
#define VNT__SEGMENT_VERSION 2u
#define VNT__TAGSET_VERSION  1u
#define VNT__TAGGER_VERSION  4u
#define VNT__WORDS_VERSION   1u
#define VNT__ENTITY_VERSION  3u
/* Entity tagger labels: O, then B-/I- for PER ORG LOC MISC (vnt_entity_type). */
#define VNT__NER_LABELS 9

#define VNT__MAX_TAGS 32
#define VNT__TAG_NAME 16 /* bytes per tag name in the tag set section */

/* Lexicon slot (u32): bits 0..7 flags, 8..31 fingerprint; 0 = empty. */
enum {
    VNT__LEX_WORD = 1,     /* a dictionary word (>= 1 syllable) */
    VNT__LEX_PREFIX = 2,   /* a proper prefix of some entry: keep probing */
    VNT__LEX_NAME = 4,     /* given name / full personal name */
    VNT__LEX_PLACE = 8,    /* administrative place name */
    VNT__LEX_SURNAME = 16, /* family name (one syllable) */
    VNT__LEX_MIDDLE = 32,  /* common middle name syllable */
    VNT__LEX_ABBR = 64     /* abbreviation */
};
#define VNT__LEX_MAXLEN 6 /* longest entry, in syllables */

typedef struct vnt__lexicon {
    const uint32_t *slots;
    uint32_t mask; /* n_slots - 1 */
    uint32_t max_len;
} vnt__lexicon;

typedef struct vnt__weights {
    const int16_t *w;      /* n_buckets * n_labels, or n_rows * n_labels with index */
    const uint32_t *index; /* tagger: bucket -> row (row 0 is all zero) */
    uint32_t n_rows;
    uint32_t mask; /* n_buckets - 1 */
    uint32_t n_labels;
    float scale; /* real weight = w * scale */
} vnt__weights;

/* Word table: 16-byte slots {fingerprint, tag mask, clusters, 0}, linear
 * probing on the word key; fingerprint 0 = empty. */
typedef struct vnt__wordtab {
    const uint32_t *slots;
    uint32_t mask; /* n_slots - 1 */
} vnt__wordtab;

struct vnt_model {
    unsigned char *mem; /* malloc'd copy (from memory) or NULL */
    void *map;          /* mmap'd file or NULL */
    size_t size;
    const unsigned char *data;
    const char *meta;
    size_t meta_len;
    vnt__lexicon lex;
    int has_segment, has_tagger;
    vnt__weights seg;
    float seg_trans[3][2]; /* [prev label or 2 = sentence start][label] */
    vnt__weights tag;
    vnt__wordtab words;
    int n_tags;
    char tags[VNT__MAX_TAGS][VNT__TAG_NAME];
    int upos_of_tag[VNT__MAX_TAGS]; /* tag index -> vnt_upos */
    int has_entity;
    const int16_t *ner_w; /* [buckets][VNT__NER_LABELS] */
    uint32_t ner_mask;
    float ner_scale;
    float ner_trans[VNT__NER_LABELS + 1][VNT__NER_LABELS]; /* [prev or 9 = start][label] */
    const uint64_t *ner_names; /* key & ~15 | types, 0 = empty; NULL = none */
    uint32_t ner_names_mask;
};

/* ------------------------------------------------------------- hashing */

static inline uint64_t vnt__mix(uint64_t a, uint64_t b)
{
    uint64_t h = a ^ (b * 0x9E3779B97F4A7C15ull);
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 29;
    return h;
}

/* Key of a sequence of token keys (a word, a lexicon entry). */
static inline uint64_t vnt__seq_start(void)
{
    return 0x51ED270B27A4F1C5ull;
}
static inline uint64_t vnt__seq_add(uint64_t h, uint64_t k)
{
    return vnt__mix(h + 0x2545F4914F6CDD1Dull, k);
}

/* Token shape: case and character classes, independent of the key. */
enum {
    VNT__SH_OTHER = 0,
    VNT__SH_LOWER,  /* all letters lower case */
    VNT__SH_TITLE,  /* first upper, rest lower (or a single upper letter) */
    VNT__SH_UPPER,  /* two or more letters, all upper */
    VNT__SH_MIXED,  /* iPhone, McDonald */
    VNT__SH_DIGIT,  /* digits only */
    VNT__SH_NUMBER, /* digits with . , : / - */
    VNT__SH_ALNUM,  /* letters and digits */
    VNT__SH_PUNCT,  /* no letter, no digit */
    VNT__SH_COUNT
};

typedef struct vnt__tokinfo {
    uint64_t key;             /* case/NFD/tone-position-insensitive key */
    uint8_t shape;            /* VNT__SH_* as written */
    uint8_t viet;             /* 1 if it carries a Vietnamese diacritic or tone */
    uint8_t n_upper, n_lower; /* letter counts, capped at 255 */
    uint8_t first_upper;
} vnt__tokinfo;

/* Key and shape of one token s[0..n). */
VNT__HIDDEN void vnt__token_info(const char *s, size_t n, vnt__tokinfo *out);
/* Shape of a token with the given letter counts rewritten in one case
 * (for case augmentation and for case-insensitive decoding). */
VNT__HIDDEN uint8_t vnt__shape_recase(const vnt__tokinfo *t, int upper);

/* Lexicon probe: flags of an entry key (0 if absent). */
static inline unsigned vnt__lex_get(const vnt__lexicon *lx, uint64_t key)
{
    if (!lx->slots) return 0;
    uint32_t fp = (uint32_t)(key >> 40) | 1u; /* 24-bit fingerprint, never 0 */
    uint32_t i = (uint32_t)key & lx->mask;
    for (uint32_t probe = 0; probe <= lx->mask; probe++) {
        uint32_t s = lx->slots[i];
        if (s == 0) return 0;
        if ((s >> 8) == fp) return s & 0xFF;
        i = (i + 1) & lx->mask;
    }
    return 0;
}

/* Word table probe: the slot of a word key, or NULL. */
static inline const uint32_t *vnt__words_get(const vnt__wordtab *wt, uint64_t key)
{
    if (!wt->slots) return NULL;
    uint32_t fp = (uint32_t)(key >> 32) | 1u;
    uint32_t i = (uint32_t)key & wt->mask;
    for (uint32_t probe = 0; probe <= wt->mask; probe++) {
        const uint32_t *s = wt->slots + (size_t)i * 4;
        if (s[0] == 0) return NULL;
        if (s[0] == fp) return s;
        i = (i + 1) & wt->mask;
    }
    return NULL;
}

/* ------------------------------------------------------------- features */

/* Segmenter: per token, whether it begins a word (label 0 = B) or
 * continues the previous one (1 = I). The feature extractor writes hashed
 * ids (already masked) for position i of toks[0..n); returns the count. */
#define VNT__SEG_MAXF 32
typedef struct vnt__seg_ctx {
    const vnt__tokinfo *t;
    const uint8_t *shape; /* per token (possibly re-cased) */
    size_t n;
    /* per token lexicon summaries, filled by vnt__seg_lexicon */
    uint8_t *start_len;  /* longest dictionary word starting here */
    uint8_t *end_len;    /* longest ending here */
    uint8_t *cover;      /* longest word covering the boundary before this token */
    uint8_t *name_cover; /* same, names and places */
    uint8_t *flags;      /* single-token lexicon flags */
} vnt__seg_ctx;

VNT__HIDDEN void vnt__seg_lexicon(const vnt__lexicon *lx, vnt__seg_ctx *c);
VNT__HIDDEN int vnt__seg_features(const vnt__seg_ctx *c, size_t i, uint32_t mask, uint32_t *f);

/* Tagger: features of word i given the two previous tags. */
#define VNT__TAG_MAXF 48
typedef struct vnt__tag_word {
    uint64_t key;         /* sequence key of the word's token keys */
    uint64_t first, last; /* first / last token key */
    uint8_t n_tok;
    uint8_t shape;         /* shape of the first token */
    uint8_t all_title;     /* every token title/upper case */
    uint8_t lex;           /* lexicon flags of the whole word */
    uint32_t amb;          /* tags the word took in training (0 = unseen) */
    uint16_t cl, cl2;      /* fine / coarse distributional cluster + 1 (0 = none) */
    uint32_t f_amb, l_amb; /* words of 2+ syllables: ambiguity class of the first / last */
    uint16_t f_cl, l_cl;   /* syllable as a word of its own, and its cluster */
} vnt__tag_word;

VNT__HIDDEN void vnt__tag_word_info(const vnt__lexicon *lx, const vnt__wordtab *wt,
                                    const vnt__tokinfo *t, const uint8_t *shape, size_t n,
                                    vnt__tag_word *out);
/* The same split in two: features of the words alone, then those of the
 * previous tags. */
VNT__HIDDEN int vnt__tag_static(const vnt__tag_word *w, size_t n, size_t i, uint32_t mask,
                                uint32_t *f);
VNT__HIDDEN int vnt__tag_hist(const vnt__tag_word *w, size_t n, size_t i, int prev1, int prev2,
                              uint32_t mask, uint32_t *f);
VNT__HIDDEN int vnt__tag_features(const vnt__tag_word *w, size_t n, size_t i, int prev1, int prev2,
                                  uint32_t mask, uint32_t *f);

/* Decoders on prepared contexts (per-call scratch from the caller). */
VNT__HIDDEN void vnt__segment_decode(const vnt_model *m, const vnt__seg_ctx *c, uint8_t *labels);
VNT__HIDDEN void vnt__tag_decode(const vnt_model *m, const vnt__tag_word *w, size_t n,
                                 uint8_t *tags);

/* ---------------------------------------------------------- model build */

/* CRC-32 (IEEE, as zlib). */
VNT__HIDDEN uint32_t vnt__crc32(const void *data, size_t n);

typedef struct vnt__section_in {
    uint32_t id, version;
    const void *data;
    size_t size;
} vnt__section_in;

/* Lay out a model file from sections; out receives the bytes. */
VNT__HIDDEN vnt_status vnt__model_write(const vnt__section_in *secs, size_t n, vnt_text *out);

/* ------------------------------------------------------------ pipeline */

/* vnt_tokenize with a caller-kept syllable memo (tokenize.c): memo points to
 * memo_entries (a power of two) entries of VNT__TOK_MEMO_ENTRY bytes,
 * zeroed before first use; NULL / 0 = vnt_tokenize. */
#define VNT__TOK_MEMO_ENTRY 32
VNT__HIDDEN vnt_status vnt__tokenize_memo(const char *str, size_t n, unsigned flags,
                                          vnt_tokens *out, void *memo, size_t memo_entries);

typedef struct vnt__span {
    size_t start, end; /* byte offsets */
} vnt__span;

/* Memo of token infos by their bytes (tokens of up to 16 bytes). */
typedef struct vnt__tokmemo {
    uint64_t b0, b1; /* the bytes, zero-padded */
    uint64_t key;
    uint8_t shape, viet, n_upper, n_lower, first_upper, len; /* len 0 = empty */
} vnt__tokmemo;
#define VNT__TOKMEMO_BITS 11

/* Per-call scratch for one sentence (grown on demand, reused). */
typedef struct vnt__work {
    vnt__tokmemo *memo; /* 1 << VNT__TOKMEMO_BITS entries, allocated on first use */
    size_t cap;
    vnt__tokinfo *ti;
    uint8_t *shape, *start_len, *end_len, *cover, *name_cover, *flags, *labels, *tags;
    vnt__tag_word *tw;
    size_t *wbeg; /* first token of each word, n_words + 1 entries */
} vnt__work;

VNT__HIDDEN int vnt__work_reserve(vnt__work *w, size_t n);
VNT__HIDDEN void vnt__work_free(vnt__work *w);
/* Segment the n tokens of one sentence (spans into text): w->labels[i] is 0
 * when token i begins a word, 1 when it continues one. recase: -1 keep the
 * shapes as written, 0 / 1 see every token as lower / upper case. */
VNT__HIDDEN void vnt__work_segment(const vnt_model *m, vnt__work *w, const char *text,
                                   const vnt__span *toks, size_t n);
/* Tag the words given by w->labels (after vnt__work_segment or filled by the
 * caller together with w->ti/w->shape); returns the word count, w->wbeg and
 * w->tags (tag-set indices) filled. */
VNT__HIDDEN size_t vnt__work_tag(const vnt_model *m, vnt__work *w, size_t n);
/* Token info of each span into w->ti / w->shape. */
VNT__HIDDEN void vnt__work_tokens(vnt__work *w, const char *text, const vnt__span *toks, size_t n);

/* Raw text -> words (byte spans into s) and their tag-set indices, through
 * the tokenizer, sentence splitter, segmenter and tagger (doc.c). The
 * arrays are malloc'd; the caller frees them. */
/* Token keys (vnt__token_info) of the last vnt_analyze on doc, one per
 * token, 0 where none was computed; NULL before any call. (Why: later
 * stages key tokens too, and recomputing was 2% of the article analysis.) */
VNT__HIDDEN const uint64_t *vnt__doc_keys(const vnt_doc *doc);
VNT__HIDDEN vnt_status vnt__analyze_words(const vnt_model *m, const char *s, size_t n,
                                          vnt__span **words, uint8_t **tags, size_t *n_words);

#endif
