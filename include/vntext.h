/* vntext — Vietnamese text engine. The one public header.
 *
 * Conventions (see docs/api.md):
 *  - every symbol starts with vnt_ / VNT_;
 *  - functions return a vnt_status; vnt_strerror() names it;
 *  - variable-size results come back in a vnt_text the library allocates and
 *    vnt_text_free() releases; small fixed results go into caller structs;
 *    "needed size" functions write at most `cap` bytes and return the size
 *    they needed (utf8proc style), so a caller can retry with a bigger buffer;
 *  - the library never prints, exits, calls setlocale or keeps global
 *    mutable state; every function is safe to call from many threads.
 *
 * MIT licence, see LICENSE. */
#ifndef VNTEXT_H
#define VNTEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VNT_VERSION_MAJOR  0
#define VNT_VERSION_MINOR  1
#define VNT_VERSION_PATCH  0
#define VNT_VERSION_STRING "0.1.0"

const char *vnt_version(void);

/* ------------------------------------------------------------------ status */

typedef enum vnt_status {
    VNT_OK = 0,
    VNT_ERR_NOMEM,        /* allocation failed */
    VNT_ERR_ARG,          /* invalid argument (NULL pointer, unknown option) */
    VNT_ERR_UTF8,         /* input is not valid UTF-8 (strict mode) */
    VNT_ERR_DECODE,       /* bytes not valid in the source charset (strict mode) */
    VNT_ERR_ENCODE,       /* character not representable in the target charset */
    VNT_ERR_CHARSET,      /* unknown charset name */
    VNT_ERR_NOT_SYLLABLE, /* not a possible Vietnamese syllable */
    VNT_ERR_IO,           /* read/write failed (file helpers) */
    VNT_ERR_MODEL,        /* model file truncated, corrupted or of another version */
    VNT_STATUS_COUNT
} vnt_status;

/* Static English description of a status; never NULL. */
const char *vnt_strerror(vnt_status status);

/* ------------------------------------------------------------ output text */

/* Flags shared by the text-producing functions. */
enum {
    VNT_STRICT = 0,      /* default: invalid input is an error */
    VNT_LOSSY = 1u << 0, /* replace what cannot be read / written and count it:
                            invalid UTF-8 or undecodable bytes -> U+FFFD,
                            unencodable characters -> '?' */
    VNT_MAP = 1u << 1,   /* fill vnt_text.map (output byte -> input offset) */
};

/* A result produced by the library. Zero-initialise before the first use;
 * a call overwrites it (freeing what it held). */
typedef struct vnt_text {
    char *data;        /* output bytes, always followed by a NUL (not counted) */
    size_t len;        /* output length in bytes */
    size_t *map;       /* with VNT_MAP: len + 1 entries; map[i] is the input
                          offset where the input character that produced
                          output byte i starts; map[len] = input length.
                          Non-decreasing. NULL without VNT_MAP. */
    size_t n_bad;      /* sequences replaced (VNT_LOSSY) */
    size_t *bad;       /* input offsets of those sequences (n_bad entries) */
    size_t err_offset; /* on an error status: input offset of the first
                          offending byte; otherwise 0 */
} vnt_text;

void vnt_text_free(vnt_text *t);

/* ------------------------------------------------------------------ UTF-8 */

#define VNT_REPLACEMENT_CHAR 0xFFFDu

/* Decode one scalar value from s[0..n). Returns the number of bytes of a
 * valid sequence (1..4) with *cp set; for an invalid sequence returns
 * -(length of its maximal subpart, 1..3) with *cp = U+FFFD (Unicode ch. 3,
 * "U+FFFD substitution of maximal subparts"); returns 0 when n == 0.
 * Overlong forms, surrogates and values above U+10FFFF are invalid. */
int vnt_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp into out (4 bytes room). Returns 1..4, or 0 if cp is a surrogate
 * or above U+10FFFF. */
size_t vnt_utf8_encode(uint32_t cp, char out[4]);

/* Length of the longest valid UTF-8 prefix of s[0..n) (== n if valid). */
size_t vnt_utf8_valid_prefix(const char *s, size_t n);

/* Copy s to out. Strict: first invalid byte -> VNT_ERR_UTF8 with
 * out->err_offset. VNT_LOSSY: each maximal invalid subpart becomes U+FFFD
 * and its offset is recorded in out->bad. */
vnt_status vnt_utf8_sanitize(const char *s, size_t n, unsigned flags, vnt_text *out);

/* -------------------------------------------------------------- syllables */

/* The six tones, in the traditional order. */
typedef enum vnt_tone {
    VNT_TONE_LEVEL = 0, /* ngang (no mark)  a */
    VNT_TONE_GRAVE = 1, /* huyền            à */
    VNT_TONE_ACUTE = 2, /* sắc              á */
    VNT_TONE_HOOK = 3,  /* hỏi              ả */
    VNT_TONE_TILDE = 4, /* ngã              ã */
    VNT_TONE_DOT = 5    /* nặng             ạ */
} vnt_tone;

/* Where a tone mark goes in oa/oe/uy without a final consonant. */
typedef enum vnt_tone_style {
    VNT_TONES_KEEP = 0,        /* leave each syllable as written (only repair
                                  marks that are on an impossible letter) */
    VNT_TONES_TRADITIONAL = 1, /* hòa, khỏe, thủy */
    VNT_TONES_MODERN = 2       /* hoà, khoẻ, thuỷ */
} vnt_tone_style;

/* Case of a syllable as written. */
enum { VNT_CASE_LOWER = 0, VNT_CASE_TITLE = 1, VNT_CASE_UPPER = 2, VNT_CASE_MIXED = 3 };

/* A parsed syllable. Parts are lower-case, tone-less UTF-8 NFC strings
 * ("" when absent). */
typedef struct vnt_syllable {
    char onset[8];   /* "", b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x */
    char glide[4];   /* "", "o", "u"  (the medial: hoa, khuya, quy -> "" since qu is the onset) */
    char nucleus[8]; /* a ă â e ê i o ô ơ u ư y, ia iê ya yê ua uô ưa ươ, oo (boong) */
    char coda[4];    /* "", c ch m n ng nh p t, semivowels i y o u */
    vnt_tone tone;
    int letter_case; /* VNT_CASE_* */
    int tone_letter; /* index (in letters, from 0) of the letter carrying the
                        tone mark as written, -1 if none */
    size_t len;      /* bytes of input parsed */
} vnt_syllable;

/* Parse s[0..n) as exactly one syllable (NFC or NFD, any case, tone mark on
 * any vowel). VNT_OK if it is a possible Vietnamese syllable, else
 * VNT_ERR_NOT_SYLLABLE (out is then unspecified). */
vnt_status vnt_syllable_parse(const char *s, size_t n, vnt_syllable *out);

/* 1 if s[0..n) is a possible Vietnamese syllable, else 0. */
int vnt_is_syllable(const char *s, size_t n);

/* Spell a parsed syllable in NFC with its tone on the canonical letter for
 * `style` (VNT_TONES_KEEP means traditional here) and its case. Returns the
 * bytes needed (without NUL); writes at most cap bytes, NUL-terminating when
 * room allows. */
size_t vnt_syllable_write(const vnt_syllable *syl, vnt_tone_style style, char *out, size_t cap);

/* Index (in letters) of the vowel that carries the tone for this syllable in
 * this style. */
int vnt_syllable_tone_letter(const vnt_syllable *syl, vnt_tone_style style);

/* Remove tone marks only (việt -> viêt); NFC output. Invalid UTF-8 becomes
 * U+FFFD. Returns bytes needed; writes at most cap (NUL-terminated if room). */
size_t vnt_strip_tones(const char *s, size_t n, char *out, size_t cap);

/* Remove every diacritic, đ -> d (Việt Nam -> Viet Nam): the
 * accent-insensitive key. Same buffer convention as vnt_strip_tones. */
size_t vnt_strip_diacritics(const char *s, size_t n, char *out, size_t cap);

/* ---------------------------------------------------------- normalization */

#define VNT_NORM_OPTS_VERSION 1

enum {
    /* normalize flags, beside VNT_LOSSY and VNT_MAP */
    VNT_NORM_NO_LOOKALIKES = 1u << 8, /* keep Ð/ð/Cyrillic lookalikes, zero-width, NBSP */
    VNT_NORM_NO_TONE_REPAIR = 1u << 9 /* only NFC; do not move misplaced tone marks */
};

typedef struct vnt_norm_opts {
    unsigned version;     /* VNT_NORM_OPTS_VERSION; the struct only grows at the end */
    vnt_tone_style tones; /* default VNT_TONES_KEEP */
    unsigned flags;       /* VNT_LOSSY, VNT_MAP, VNT_NORM_* */
} vnt_norm_opts;

/* Clean NFC UTF-8: canonical composition of every Vietnamese letter (marks in
 * any order) and of other Latin, Greek and Cyrillic letters with marks in canonical order (NFD
 * ü, ñ, é), tone marks repaired (nứơc -> nước, tóan -> toán) and placed per
 * opts->tones, lookalikes folded (Ð U+00D0, Ɖ U+0189, ð -> Đ/đ; Cyrillic and
 * Greek vowels inside Vietnamese words; zero-width characters removed; NBSP ->
 * space). Idempotent. opts may be NULL (defaults: keep tones, strict UTF-8,
 * no map). Invalid UTF-8: VNT_ERR_UTF8 unless VNT_LOSSY (U+FFFD, offsets in
 * out->bad). */
vnt_status vnt_normalize(const char *s, size_t n, const vnt_norm_opts *opts, vnt_text *out);

/* ------------------------------------------------------- legacy charsets */

typedef enum vnt_charset {
    VNT_CS_UNKNOWN = 0,
    VNT_CS_UTF8,      /* UTF-8 (NFC on decode) */
    VNT_CS_TCVN3,     /* TCVN 5712:1993 VN3 (".VnTime" fonts, "ABC") */
    VNT_CS_TCVN5712,  /* TCVN 5712:1993 VN1 (glibc "TCVN5712-1"): VN3 plus
                         upper-case toned vowels in C0 positions */
    VNT_CS_VNI,       /* VNI Windows (base letter + mark bytes) */
    VNT_CS_VISCII,    /* VISCII 1.1 (RFC 1456) */
    VNT_CS_VPS,       /* VPS */
    VNT_CS_VIQR,      /* VIQR (RFC 1456): a( a^ e^ o^ o+ u+ dd  ` ' ? ~ . */
    VNT_CS_CP1258,    /* Windows-1258: base + combining tone */
    VNT_CS_NFD,       /* UTF-8, fully decomposed */
    VNT_CS_COMBINING, /* UTF-8, precomposed base letter + combining tone */
    /* detection-only results: */
    VNT_CS_ASCII,      /* plain ASCII with no Vietnamese evidence */
    VNT_CS_UNACCENTED, /* Vietnamese typed without diacritics (ASCII) */
    VNT_CS_MOJIBAKE,   /* UTF-8 that was read as Windows-1252/Latin-1 and re-encoded */
    VNT_CS_COUNT
} vnt_charset;

/* Case-insensitive; accepts the CLI names (utf-8, tcvn3, tcvn5712, vni, viscii, vps,
 * viqr, cp1258, nfd, combining) and common aliases (utf8, tcvn, windows-1258,
 * vni-win). VNT_CS_UNKNOWN if not known. */
vnt_charset vnt_charset_from_name(const char *name);
/* The CLI name of a charset ("utf-8", "tcvn3", …, "ascii", "unaccented",
 * "mojibake", "unknown"). */
const char *vnt_charset_name(vnt_charset cs);

/* Bytes in `from` -> UTF-8 NFC. Strict: an undecodable byte is
 * VNT_ERR_DECODE with out->err_offset; VNT_LOSSY replaces it with U+FFFD. */
vnt_status vnt_decode(vnt_charset from, const char *s, size_t n, unsigned flags, vnt_text *out);

/* UTF-8 (any normalization form) -> bytes in `to`. Strict: a character the
 * charset cannot represent is VNT_ERR_ENCODE with out->err_offset (offset in
 * the input); VNT_LOSSY writes '?' and records it in out->bad. */
vnt_status vnt_encode(vnt_charset to, const char *s, size_t n, unsigned flags, vnt_text *out);

/* Repair UTF-8 that was decoded as Windows-1252 or Latin-1 and re-encoded as
 * UTF-8, once or twice nested, in the damaged parts only ("Viá»‡t" ->
 * "Việt"). *n_repaired (may be NULL) receives the number of repaired runs.
 * Output is UTF-8; input that is not valid UTF-8 is handled as with
 * VNT_LOSSY. */
vnt_status vnt_repair_mojibake(const char *s, size_t n, unsigned flags, vnt_text *out,
                               size_t *n_repaired);

/* -------------------------------------------------------------- detection */

typedef struct vnt_detection {
    vnt_charset charset; /* best guess */
    double confidence;   /* 0..1 */
    vnt_charset second;  /* runner-up (VNT_CS_UNKNOWN if none) */
    double second_confidence;
} vnt_detection;

/* Which charset are these bytes most likely in: any decodable charset above,
 * or ASCII / unaccented Vietnamese / mojibake. Looks at most at the first
 * 64 KiB. Never fails on any bytes (VNT_ERR_ARG only for NULL out). */
vnt_status vnt_detect(const char *s, size_t n, vnt_detection *out);

/* ------------------------------------------- tokens and sentences (issue 3)
 * tokenize.c / sentence.c: declarations go between these two markers. */

/* Token types. Every token is a byte range [start, end) of the ORIGINAL input
 * (which may be NFD, have misplaced tones, lookalikes, NBSP, zero-width
 * characters or invalid UTF-8): tokenizing never copies or rewrites text. */
typedef enum vnt_token_type {
    VNT_TOK_SYLLABLE = 0, /* a possible Vietnamese syllable: Việt, nam, NGƯỜI */
    VNT_TOK_FOREIGN,      /* other letters: Vinamilk, Asia, km, Москва */
    VNT_TOK_NUMBER,       /* 250, 1.000.000, 1,5, -3 */
    VNT_TOK_DATE,         /* 26/1, 26/1/2022, 26-1-2022, 3/2021, 2022-01-26 */
    VNT_TOK_TIME,         /* 8h30, 8h, 8:30, 20g15 */
    VNT_TOK_PERCENT,      /* 12%, 12,5% */
    VNT_TOK_URL,          /* https://…, www.…, dantri.com.vn/… */
    VNT_TOK_EMAIL,        /* ten@example.vn */
    VNT_TOK_HASHTAG,      /* #VietNam */
    VNT_TOK_MENTION,      /* @user */
    VNT_TOK_PHONE,        /* 0912345678, 0912 345 678, 0912.345.678, +84 912 345 678 */
    VNT_TOK_CODE,         /* letters and digits: Covid-19, F-16, 49X-6666, U23, 15/2020/NĐ-CP */
    VNT_TOK_ABBREV,       /* UBND, TP.HCM, Tp., TS., GS.TS., v.v., initials T. */
    VNT_TOK_PUNCT,  /* one punctuation character, or a run of . ! ? … (ellipsis, ?!) or of - */
    VNT_TOK_SYMBOL, /* $ + = © ° ₫, emoji (with their modifiers) */
    VNT_TOK_OTHER,  /* control characters, invalid bytes or marks with no letter */
    VNT_TOK_TYPE_COUNT
} vnt_token_type;

/* Token flags. The low two bits are the case of the letters (VNT_CASE_*;
 * VNT_CASE_LOWER when the token has no letters; one upper-case letter is
 * VNT_CASE_TITLE). The "gap" is the text between the previous token (or the
 * start of the input) and this one: whitespace and stray zero-width chars. */
enum {
    VNT_TOKF_CASE_MASK = 3u,
    VNT_TOKF_SPACE_BEFORE = 1u << 2,     /* the gap is not empty */
    VNT_TOKF_NEWLINE_BEFORE = 1u << 3,   /* the gap holds a line break */
    VNT_TOKF_PARAGRAPH_BEFORE = 1u << 4, /* the gap holds two or more line breaks */
    VNT_TOKF_UNCLEAN = 1u << 5,  /* not plain NFC text: combining marks, Ð/ð/Ɖ or Cyrillic/Greek
                                    lookalikes, zero-width chars, invalid bytes; the key is
                                    vnt_normalize() of the slice (else the slice itself) */
    VNT_TOKF_INVALID = 1u << 6,  /* holds invalid UTF-8 */
    VNT_TOKF_DIACRITIC = 1u << 7 /* has a Vietnamese diacritic (ă â đ ê ô ơ ư or a tone) */
};
#define VNT_TOKEN_CASE(flags) ((int)((flags)&VNT_TOKF_CASE_MASK))

typedef struct vnt_token {
    size_t start, end; /* bytes [start, end) of the input */
    vnt_token_type type;
    uint32_t flags; /* VNT_TOKF_* */
} vnt_token;

/* A growable token list. Zero-initialise before the first use; a call
 * overwrites it (keeping its memory); vnt_tokens_free() releases it. */
typedef struct vnt_tokens {
    vnt_token *tok;
    size_t n, cap;
} vnt_tokens;

/* Split s[0..n) into tokens. Whitespace (Unicode White_Space, NBSP included)
 * separates tokens and belongs to none; zero-width characters join the word
 * they are inside and are otherwise treated as whitespace. Every other byte
 * belongs to exactly one token, tokens are in input order and do not overlap.
 * Words glued together by scrapers are cut apart when the cut is clear
 * (Sáng23/4, vớiSARS, thànhphố -> thành + phố: two tokens, no gap).
 * Thread-safe, no global state; never fails on any bytes. flags: 0
 * (reserved; other values are VNT_ERR_ARG). VNT_ERR_NOMEM leaves
 * out->n == 0. */
vnt_status vnt_tokenize(const char *s, size_t n, unsigned flags, vnt_tokens *out);
void vnt_tokens_free(vnt_tokens *t);
/* "syllable", "foreign", "number", "date", "time", "percent", "url", "email",
 * "hashtag", "mention", "phone", "code", "abbrev", "punct", "symbol", "other";
 * "?" for an out-of-range value. */
const char *vnt_token_type_name(vnt_token_type type);

/* A sentence: bytes [start, end) of the input (first token's start, last
 * token's end) and its tokens [tok_begin, tok_end) in the token list. */
typedef struct vnt_sentence {
    size_t start, end;
    size_t tok_begin, tok_end;
} vnt_sentence;

typedef struct vnt_sentences {
    vnt_sentence *sent;
    size_t n, cap;
} vnt_sentences;

/* Sentence boundaries of s[0..n) given its tokens (from vnt_tokenize on the
 * same bytes; toks may be NULL to tokenize here). A sentence ends at . ! ? …
 * (and runs of them) with closing quotes and brackets attached, but not after
 * abbreviations (TP., GS.TS.), initials, numbers, nor at an ellipsis or
 * ! ? followed by lower case; a blank line always ends one; a line break ends
 * one (a headline without final punctuation is its own sentence) unless the
 * next line continues in lower case after a non-final token. Every token
 * belongs to exactly one sentence; sentences are never empty. */
vnt_status vnt_split_sentences(const char *s, size_t n, const vnt_tokens *toks, vnt_sentences *out);
void vnt_sentences_free(vnt_sentences *ss);

/* ------------------------------------------- end tokens and sentences */

/* ------------------------- model, segmentation, tagging, documents (issue 3)
 * model.c / segment.c / tag.c / doc.c: declarations go between these markers. */

/* Universal POS tags (UD UPOS), in a fixed order. */
typedef enum vnt_upos {
    VNT_UPOS_X = 0,
    VNT_UPOS_ADJ,
    VNT_UPOS_ADP,
    VNT_UPOS_ADV,
    VNT_UPOS_AUX,
    VNT_UPOS_CCONJ,
    VNT_UPOS_DET,
    VNT_UPOS_INTJ,
    VNT_UPOS_NOUN,
    VNT_UPOS_NUM,
    VNT_UPOS_PART,
    VNT_UPOS_PRON,
    VNT_UPOS_PROPN,
    VNT_UPOS_PUNCT,
    VNT_UPOS_SCONJ,
    VNT_UPOS_SYM,
    VNT_UPOS_VERB,
    VNT_UPOS_COUNT
} vnt_upos;

/* "NOUN", …; "X" for an out-of-range value. */
const char *vnt_upos_name(vnt_upos upos);
/* Exact UPOS name -> tag; VNT_UPOS_X if unknown. */
vnt_upos vnt_upos_from_name(const char *name);

/* A trained model (segmenter, tagger, lexicon; docs/model-format.md).
 * Opaque and immutable once opened: share one between any number of threads. */
typedef struct vnt_model vnt_model;

/* Open a model file (memory-mapped). Every field is validated; on failure
 * *out is NULL, the status is VNT_ERR_MODEL (corrupt, truncated, other format
 * version) or VNT_ERR_IO, and msg (may be NULL) receives a one-line reason
 * such as "format version found 2, expected 1". */
vnt_status vnt_model_open(const char *path, vnt_model **out, char *msg, size_t msg_cap);
/* The same from bytes in memory (copied: the caller may free them). */
vnt_status vnt_model_open_memory(const void *data, size_t n, vnt_model **out, char *msg,
                                 size_t msg_cap);
void vnt_model_free(vnt_model *m);
/* A readable description: sections, sizes, tag set, metadata (training data,
 * licence, scores). */
vnt_status vnt_model_info(const vnt_model *m, vnt_text *out);
/* One metadata value ("licence", "train", …): returns its length, copies at
 * most cap-1 bytes + NUL into out; 0 if absent. */
size_t vnt_model_meta(const vnt_model *m, const char *key, char *out, size_t cap);
/* An analysed text: tokens and sentences (as vnt_tokenize and
 * vnt_split_sentences give them), words and their UPOS tags. Every offset is
 * a byte offset into the ORIGINAL input. */
typedef struct vnt_word {
    size_t start, end;         /* bytes [start, end): first token's start, last token's end */
    size_t tok_begin, tok_end; /* its tokens [tok_begin, tok_end) (syllables and others) */
    vnt_upos upos;             /* VNT_UPOS_X when not tagged */
} vnt_word;

typedef struct vnt_doc {
    vnt_tokens tokens;
    vnt_sentences sentences;
    vnt_word *words;
    size_t n_words, cap_words;
    size_t *sent_words; /* words of sentence i: [sent_words[i], sent_words[i+1]) */
    size_t cap_sent_words;
    void *scratch; /* internal, reused between calls */
} vnt_doc;

enum {
    VNT_ANALYZE_NO_TAG = 1u << 0 /* segment only (upos stays VNT_UPOS_X) */
};

/* Tokenize, split sentences, segment words and tag them with model m (not
 * modified: one model serves any number of threads, each with its own doc).
 * doc must be zero-initialised before its first use; a call overwrites it,
 * keeping its memory, so a loop over lines allocates nothing once warm.
 * A model without a tagger leaves upos at VNT_UPOS_X. */
vnt_status vnt_analyze(const vnt_model *m, const char *s, size_t n, unsigned flags, vnt_doc *doc);
void vnt_doc_free(vnt_doc *doc);

/* Training (src/train/). Deterministic: the same inputs, options and seed
 * give the same model bytes. */
#define VNT_TRAIN_OPTS_VERSION 1
enum { VNT_TRAIN_SEGMENT = 1u << 0, VNT_TRAIN_TAG = 1u << 1 };

typedef struct vnt_train_opts {
    unsigned version;         /* VNT_TRAIN_OPTS_VERSION */
    unsigned what;            /* VNT_TRAIN_SEGMENT | VNT_TRAIN_TAG */
    const char *const *train; /* CoNLL-U files to train on */
    size_t n_train;
    const char *dev;             /* CoNLL-U scored after each epoch (may be NULL) */
    const char *const *lexicons; /* "KIND:PATH", KIND = word (one entry a line),
                                    name, surname, middle (first column of a TSV),
                                    place (the "name" values of a JSON file),
                                    abbr (ABBR:expansion lines) */
    size_t n_lexicons;
    const char *const *evaluate; /* CoNLL-U files scored after training; the
                                    scores are recorded in the model metadata */
    size_t n_evaluate;
    const char *meta;                        /* extra "key=value\n" lines for the metadata */
    unsigned epochs_segment, epochs_tag;     /* 0: defaults */
    unsigned seg_bits, tag_bits;             /* log2 of the hashed weight tables; 0: defaults */
    uint64_t seed;                           /* shuffling and case augmentation */
    void (*log)(void *ud, const char *line); /* progress lines (may be NULL) */
    void *log_ud;
} vnt_train_opts;

/* Train and return the model file bytes in *out. VNT_ERR_IO if a file cannot
 * be read (out->err_offset is the index into train/lexicons/evaluate,
 * counted across them in that order). */
vnt_status vnt_train(const vnt_train_opts *opts, vnt_text *out);

/* Evaluation against a CoNLL-U file, in the style of the CoNLL 2018 shared
 * task: the raw "# text" of each sentence goes through the whole pipeline
 * and words are aligned to the gold words by character offsets, whitespace
 * ignored; UPOS accuracy is also measured on the gold words. */
typedef struct vnt_eval_result {
    size_t sentences;
    size_t gold_words, system_words, matched_words; /* raw text */
    double word_p, word_r, word_f1;                 /* percent */
    size_t upos_matched;                            /* matched words with the right UPOS */
    double upos_p, upos_r, upos_f1;                 /* percent, raw text */
    size_t tagged, tagged_correct;                  /* gold words */
    double upos_acc;                                /* percent, gold words */
    size_t gold_tokens_seg_correct;                 /* gold tokens: words found */
    double word_f1_gold_tokens;                     /* segmentation F1 on gold syllables */
} vnt_eval_result;

/* conllu[0..n): the gold file's bytes. Needs a model with a segmenter for the
 * raw-text scores and a tagger for the UPOS scores (others stay 0). */
vnt_status vnt_eval(const vnt_model *m, const char *conllu, size_t n, vnt_eval_result *out);

/* ------------------------- end model, segmentation, tagging, documents */

/* ---------------------------------------------------- search terms (issue 5)
 * search.c: what a full-text index stores for a text and what a query looks
 * up (docs/search.md). Shared by the SQLite and PostgreSQL extensions so both
 * engines agree term for term. */

/* Which forms of a syllable are terms. Tone style, case and the i/y of an
 * open syllable after a consonant never matter: hòa, hoà and HOÀ give one
 * term, so do kỹ and kĩ. */
typedef enum vnt_accents {
    VNT_ACCENTS_BOTH = 0, /* index: the accented form and, at the same position, the
                             accent-free one (đ -> d); query: each syllable as typed,
                             so "hoa" matches hòa/hóa/hoa and "hòa" only hòa */
    VNT_ACCENTS_FOLD = 1, /* accent-free terms only: every query is accent-insensitive */
    VNT_ACCENTS_KEEP = 2  /* accented terms only: "hoa" matches only hoa */
} vnt_accents;

enum {
    /* vnt_search_opts.flags */
    VNT_SEARCH_QUERY = 1u << 0,  /* query mode: no accent-free alternatives under
                                    VNT_ACCENTS_BOTH, no compounds */
    VNT_SEARCH_PREFIX = 1u << 1, /* query mode, the text is a prefix ("Lai Ch" of
                                    "Lai Ch*"): the last term is VNT_TERM_PREFIX and
                                    keeps its tone mark where it was typed */
    VNT_SEARCH_WORD = 1u << 2,   /* treat the whole text as one word: with compounds
                                    on, also index it as a compound (no segmenter run) */
    VNT_SEARCH_EXPAND = 1u << 3  /* VNT_ACCENTS_BOTH with half the index terms: a
                                    syllable is indexed in its accented form only, and
                                    an accent-free query word (or prefix) becomes its
                                    accented spellings as alternatives (hoa -> hoa |
                                    hòa | hóa | ...). Same matches; give the flag at
                                    index and query time alike. Other words (café,
                                    codes) keep their accent-free alternative. */
};

enum {
    /* vnt_term.flags */
    VNT_TERM_ALT = 1u << 0,      /* same position as the term before it (colocated) */
    VNT_TERM_FOLDED = 1u << 1,   /* the accent-free form (only when it differs) */
    VNT_TERM_COMPOUND = 1u << 2, /* a multi-syllable word, syllable keys joined by '_'
                                    ("kinh_tế"), at its first syllable's position */
    VNT_TERM_PART = 1u << 3,     /* a letter or digit run of a code/date term: the
                                    runs are a phrase, the first at the term's position
                                    ("covid-19" -> covid-19 | covid, then 19 at +1) */
    VNT_TERM_PREFIX = 1u << 4,   /* query: match terms starting with this text */
    VNT_TERM_SPELLING = 1u << 5  /* VNT_SEARCH_WORD, not QUERY: one syllable keyed
                                    otherwise than typed (quý -> quí, hoà -> hòa) gives
                                    its spelling as typed too (quý, quy; hoà), for a
                                    dictionary to give as a variant of its own, so a
                                    prefix "quy" still finds quyết and "hoà" hoàn */
};

/* Terms longer than this many bytes are dropped (a URL or a run of letters
 * that long is no useful search term; PostgreSQL refuses lexemes > 2047). */
#define VNT_TERM_MAX 256

typedef struct vnt_term {
    size_t start, end;   /* bytes [start, end) of the ORIGINAL text (a compound: its
                            first syllable's start to its last syllable's end) */
    uint32_t off, len;   /* the term: vnt_terms.text + off, len bytes, NUL after */
    uint32_t pos;        /* position from 0; an alternative has its primary's */
    uint16_t npos;       /* positions covered: 1, or the syllables of a compound */
    uint16_t flags;      /* VNT_TERM_* */
    vnt_token_type type; /* token type of the (first) token */
} vnt_term;

/* A growable term list. Zero-initialise before the first use; a call
 * overwrites it (keeping its memory); vnt_terms_free() releases it. Terms are
 * in position order; at each position the primary term comes first, then its
 * alternatives (VNT_TERM_ALT). n_pos is the number of positions. */
typedef struct vnt_terms {
    vnt_term *term;
    size_t n, cap;
    char *text;
    size_t text_len, text_cap;
    uint32_t n_pos;
    void *scratch; /* internal, reused between calls */
} vnt_terms;

#define VNT_SEARCH_OPTS_VERSION 1

typedef struct vnt_search_opts {
    unsigned version;       /* VNT_SEARCH_OPTS_VERSION; the struct only grows at the end */
    vnt_accents accents;    /* default VNT_ACCENTS_BOTH */
    int compounds;          /* 1: index multi-syllable words too (needs model) */
    const vnt_model *model; /* segmenter for compounds; NULL: no compounds */
    unsigned flags;         /* VNT_SEARCH_* */
} vnt_search_opts;

/* Set one option by name, as the extensions take them: "accents" = fold |
 * keep | both, "compounds" = 1 | 0 (also on/off, true/false). VNT_ERR_ARG for
 * an unknown name or value. */
vnt_status vnt_search_option(vnt_search_opts *opts, const char *name, const char *value);

/* The terms of s[0..n) (any bytes: invalid UTF-8 is read as U+FFFD, the
 * documented replacement, which also separates a code's runs). Each
 * indexable token (syllable, foreign word, number, date, time, percent, URL,
 * e-mail, hashtag, mention, phone, code, abbreviation) is one position (one
 * per run for the kinds with runs below); punctuation and symbols are not
 * terms. Dates, times, codes, abbreviations, phones, hashtags, mentions,
 * e-mail addresses and URLs are single terms ("49x-6666", "26/1/2022"; none
 * when longer than VNT_TERM_MAX) with their letter runs and digit runs, the
 * first 64, as VNT_TERM_PART terms (the first colocated, the others at the
 * next positions: 49, x, 6666; a run that is a syllable is keyed as one;
 * each run's offsets are its own bytes when the token is clean); a query
 * gives only the runs, as a phrase (a prefix: the last run), so "30/4" also
 * finds "30/4/2021" and "covid19" finds "Covid-19". A number is one term
 * ("2.500"), and when indexing also colocated without its thousands
 * separators ("2500"); a percentage also gives its number, colocated, when
 * indexing ("1,5%" and "1,5"). A prefix that is a syllable keyed otherwise
 * (quy -> qui, hoà -> hòa) is also that key, as an alternative. opts NULL: both accents, no
 * compounds, index mode. Errors: VNT_ERR_ARG, VNT_ERR_NOMEM. */
vnt_status vnt_search_terms(const char *s, size_t n, const vnt_search_opts *opts, vnt_terms *out);
void vnt_terms_free(vnt_terms *t);

/* ---------------------------------------------------- end search terms */

/* ------------------------------------------- article analysis (issue 4)
 * article.c / facts.c / entity.c / gazetteer.c / analyze.c: news articles to
 * structured data. Every range is a byte range of the ORIGINAL input. */

/* Structure: every input byte is in exactly one block or is whitespace
 * between blocks. */
typedef enum vnt_block_kind {
    VNT_BLOCK_TITLE = 0, /* the headline */
    VNT_BLOCK_SOURCE,    /* a dateline such as "NDO -", "(Dân trí) -", "TTO -" */
    VNT_BLOCK_PARAGRAPH, /* body text (the first one is the lead) */
    VNT_BLOCK_CAPTION,   /* an image caption */
    VNT_BLOCK_REMOVED,   /* scraping residue; see vnt_block.reason */
    VNT_BLOCK_KIND_COUNT
} vnt_block_kind;

typedef struct vnt_block {
    size_t start, end; /* bytes [start, end): one line without its blanks, or the dateline */
    vnt_block_kind kind;
    const char *reason; /* VNT_BLOCK_REMOVED: static "duplicate", "alt-text", "photo-credit",
                           "related", "share", "html"; NULL otherwise */
} vnt_block;

typedef enum vnt_entity_type {
    VNT_ENT_PER = 0,
    VNT_ENT_ORG,
    VNT_ENT_LOC,
    VNT_ENT_MISC,
    VNT_ENT_TYPE_COUNT
} vnt_entity_type;

typedef struct vnt_span {
    size_t start, end;
} vnt_span;

typedef struct vnt_entity {
    size_t start, end;
    vnt_entity_type type;
    long ref;           /* index of the first mention of the same entity, -1 if this is it */
    vnt_span honorific; /* PER: "ông", "đồng chí"…; start == end when none */
    size_t title_begin, n_titles; /* PER: titles in vnt_article.titles[title_begin…] */
    const char *level;            /* LOC: "country", "province", "district", "ward",
                                     "border_gate", "region", "city", "place"; NULL otherwise */
    const char *province;         /* LOC in Vietnam: the province it belongs to after the
                                     1 July 2025 merger (static string); NULL if unknown */
    vnt_span location; /* ORG: the place named in it ("Tỉnh ủy Lai Châu"); start == end
                          when none */
    int nominal;       /* PER: a title-only repeat mention ("đồng chí Trưởng ban") of
                          the person at ref, not a name; it may overlap the ORG of
                          its title */
} vnt_entity;

typedef enum vnt_value_kind {
    VNT_VAL_DATE = 0,
    VNT_VAL_TIME,
    VNT_VAL_MONEY,
    VNT_VAL_QUANTITY,
    VNT_VAL_PERCENT,
    VNT_VAL_DURATION,
    VNT_VAL_KIND_COUNT
} vnt_value_kind;

typedef struct vnt_value {
    size_t start, end;
    vnt_value_kind kind;
    double value;  /* money in units, quantity, percent, duration; dates: 0 */
    char iso[24];  /* date: "2022-01-26", "2022-01", "2022", "2018/2023"; time: "08:30";
                      "" for the others */
    char unit[48]; /* money: "VND", "USD"…; quantity: the unit or counted noun as written
                      ("suất quà"); duration: "minute", "hour", "day", "week", "month",
                      "year"; percent: "%" */
    const char *part_of_day; /* date/time: "morning", "noon", "afternoon", "evening", "night";
                                NULL if not said */
    int relative;            /* date resolved from a relative expression ("hôm qua") */
} vnt_value;

typedef struct vnt_keyword {
    char text[64]; /* the keyword as first written (NUL-terminated, possibly cut) */
    double score;
} vnt_keyword;

/* An analysed article. Zero-initialise before the first use; a call overwrites
 * it (keeping its memory); vnt_article_free() releases it. */
typedef struct vnt_article {
    vnt_block *blocks;
    size_t n_blocks;
    char date[11]; /* ISO date of the article ("" if unknown): the metadata date if
                      given, else the first full date in the text */
    vnt_entity *entities;
    size_t n_entities;
    vnt_span *titles; /* the titles of PER entities */
    size_t n_titles;
    vnt_value *values;
    size_t n_values;
    vnt_span *sentences; /* sentences of the title, paragraphs and captions */
    size_t n_sentences;
    size_t summary[3]; /* indices into sentences, in text order */
    size_t n_summary;
    vnt_keyword keywords[10];
    size_t n_keywords;
    vnt_doc doc; /* with a model: tokens/words/tags of the last block analysed
                    (internal scratch; use vnt_article_json for them) */
    void *internal;
} vnt_article;

#define VNT_ARTICLE_OPTS_VERSION 2
enum {
    VNT_ARTICLE_NO_TOKENS = 1u << 0, /* vnt_article_json: leave out tokens and words */
    VNT_ARTICLE_RULES_ONLY = 1u << 1 /* entities from the rules alone, even when the model
                                        has an entity tagger (training, comparison) */
};

typedef struct vnt_article_opts {
    unsigned version; /* VNT_ARTICLE_OPTS_VERSION; the struct only grows at the end */
    const char *date; /* article date from metadata, "YYYY-MM-DD" or "YYYYMMDD"; may be NULL */
    const vnt_model *model; /* for words and UPOS tags; may be NULL (then tokens only) */
    const char *idf;        /* keyword statistics: the bytes of a "key<TAB>idf" file sorted by
                               key (models/news-idf.tsv); may be NULL */
    size_t idf_len;
    unsigned flags; /* VNT_ARTICLE_* */
    /* version >= 2 */
    const char *orgs; /* organisation names: the bytes of a "key<TAB>count" file sorted by
                         key (models/news-orgs.tsv); may be NULL */
    size_t orgs_len;
} vnt_article_opts;

/* Analyse one article s[0..n) (UTF-8; invalid bytes are tolerated). opts may
 * be NULL. Never fails on any bytes (VNT_ERR_ARG for NULL out, VNT_ERR_NOMEM).
 * Time is linear in n: a text longer than about 64 KiB (three times the
 * longest article of the news corpus) gets its entities window by window,
 * cut at sentence starts, and a later mention refs a first one in its own
 * window only. */
vnt_status vnt_article_analyze(const char *s, size_t n, const vnt_article_opts *opts,
                               vnt_article *out);
/* One JSON object (one line, or indented with pretty != 0) describing a, for
 * the same s[0..n). id and url may be NULL. flags: VNT_ARTICLE_NO_TOKENS. */
vnt_status vnt_article_json(const vnt_article *a, const char *s, size_t n, const char *id,
                            const char *url, const vnt_article_opts *opts, int pretty,
                            vnt_text *out);
void vnt_article_free(vnt_article *a);

/* Training the entity tagger (train/train_entity.c): articles with the
 * region [0, region_end) labelled by hand and the entities in it. */
typedef struct vnt_entity_gold {
    size_t start, end; /* bytes of text */
    vnt_entity_type type;
} vnt_entity_gold;

typedef struct vnt_entity_doc {
    const char *text;
    size_t len;
    const char *date; /* article date as in vnt_article_opts, may be NULL */
    size_t region_end;
    const vnt_entity_gold *ents;
    size_t n_ents;
} vnt_entity_doc;

/* Train the entity tagger on docs over the rule entities that
 * vnt_article_analyze finds with `base` (and aopts' idf/orgs), `epochs`
 * passes of an averaged perceptron shuffled by `seed`; *out receives base's
 * model file with the entity section added (or replaced). */
vnt_status vnt_train_entities(const vnt_model *base, const vnt_entity_doc *docs, size_t n_docs,
                              const vnt_article_opts *aopts, int epochs, uint64_t seed,
                              vnt_text *out);
/* "title", "source", "paragraph", "caption", "removed"; "?" out of range. */
const char *vnt_block_kind_name(vnt_block_kind k);
/* "PER", "ORG", "LOC", "MISC"; "?" out of range. */
const char *vnt_entity_type_name(vnt_entity_type t);
/* "date", "time", "money", "quantity", "percent", "duration"; "?" out of range. */
const char *vnt_value_kind_name(vnt_value_kind k);

/* ------------------------------------------- end article analysis */

#ifdef __cplusplus
}
#endif
#endif /* VNTEXT_H */
