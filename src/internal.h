/* What the rooms of the library share: letters, growable output buffers.
 * Not installed; symbols use the vnt__ prefix (internal, hidden). */
#ifndef VNT_INTERNAL_H
#define VNT_INTERNAL_H

#include "vntext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* strcmp with the first byte compared inline: in a bisection most steps
 * differ there, and the library call was a tenth of the analysis. */
static inline int vnt__strcmp(const char *a, const char *b)
{
    unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
    return x != y ? (int)x - (int)y : strcmp(a, b);
}

#if defined(__GNUC__)
#define VNT__HIDDEN      __attribute__((visibility("hidden")))
#define VNT__LIKELY(x)   __builtin_expect(!!(x), 1)
#define VNT__UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define VNT__HIDDEN
#define VNT__LIKELY(x)   (x)
#define VNT__UNLIKELY(x) (x)
#endif

/* ---------------------------------------------------------------- letters */

/* Vowel indices of the letter table (src/letters_table.h). */
enum {
    VNT__V_A = 0,
    VNT__V_AW,
    VNT__V_AA,
    VNT__V_E,
    VNT__V_EE,
    VNT__V_I,
    VNT__V_O,
    VNT__V_OO,
    VNT__V_OW,
    VNT__V_U,
    VNT__V_UW,
    VNT__V_Y,
    VNT__V_DD,
    VNT__V_COUNT
};
/* Diacritics that change the letter (not the tone). */
enum { VNT__MOD_NONE = 0, VNT__MOD_CIRCUMFLEX, VNT__MOD_BREVE, VNT__MOD_HORN, VNT__MOD_STROKE };

/* A letter seen through the Vietnamese alphabet. */
typedef struct vnt__letter {
    uint8_t vowel; /* VNT__V_* or 0xFF for a letter that is not a vowel/đ */
    uint8_t base;  /* lower-case ASCII base letter ('a'..'z'; 'd' for đ) */
    uint8_t mod;   /* VNT__MOD_* */
    uint8_t tone;  /* vnt_tone */
    uint8_t upper; /* 1 if upper case */
} vnt__letter;

/* Classify code point cp: ASCII letters and every precomposed Vietnamese
 * letter (vowels with any tone, đ/Đ). Returns 1 and fills *out, else 0. */
VNT__HIDDEN int vnt__letter_get(uint32_t cp, vnt__letter *out);
/* Code point of vowel index v (VNT__V_*) with tone and case; đ for VNT__V_DD
 * (tone must be 0). 0 if no such character. */
VNT__HIDDEN uint32_t vnt__letter_cp(int vowel, int tone, int upper);
/* Vowel index of an ASCII base plus modifier, or -1 (e.g. 'o'+HORN -> ơ). */
VNT__HIDDEN int vnt__vowel_index(int base, int mod);
/* Base letter / modifier of a vowel index. */
VNT__HIDDEN int vnt__vowel_base(int vowel);
VNT__HIDDEN int vnt__vowel_mod(int vowel);

/* Combining marks: tone (1..5) for U+0300 U+0301 U+0309 U+0303 U+0323 and
 * the deprecated U+0340 U+0341, else 0. */
VNT__HIDDEN int vnt__combining_tone(uint32_t cp);
/* Modifier (VNT__MOD_CIRCUMFLEX/BREVE/HORN) for U+0302 U+0306 U+031B, else 0. */
VNT__HIDDEN int vnt__combining_mod(uint32_t cp);
/* Combining mark code point for a tone (1..5). */
VNT__HIDDEN uint32_t vnt__tone_mark(int tone);
/* Combining mark code point for a modifier (circumflex/breve/horn). */
VNT__HIDDEN uint32_t vnt__mod_mark(int mod);

/* ---------------------------------------------------------------- buffers */

/* A growable byte buffer with an optional parallel offset map, used to build
 * a vnt_text. Every append records `src` (input offset) for each byte when
 * the map is on. On allocation failure `failed` is set and appends become
 * no-ops, so callers check once at the end. */
typedef struct vnt__buf {
    char *data;
    size_t len, cap;
    size_t *map; /* NULL unless mapping */
    int mapping;
    int failed;
    size_t *bad;
    size_t n_bad, cap_bad;
} vnt__buf;

VNT__HIDDEN void vnt__buf_init(vnt__buf *b, size_t hint, int mapping);
VNT__HIDDEN int vnt__buf_reserve(vnt__buf *b, size_t extra);
VNT__HIDDEN void vnt__buf_put(vnt__buf *b, const char *s, size_t n, size_t src);
VNT__HIDDEN void vnt__buf_putc(vnt__buf *b, char c, size_t src);
VNT__HIDDEN void vnt__buf_put_cp(vnt__buf *b, uint32_t cp, size_t src);
VNT__HIDDEN void vnt__buf_bad(vnt__buf *b, size_t src);
/* Move the buffer into *out (freeing what out held); map[len] = in_len.
 * Returns VNT_OK or VNT_ERR_NOMEM (then the buffer is freed). */
VNT__HIDDEN vnt_status vnt__buf_finish(vnt__buf *b, size_t in_len, vnt_text *out);
VNT__HIDDEN void vnt__buf_free(vnt__buf *b);

/* Reset a vnt_text to empty (freeing its content). */
VNT__HIDDEN void vnt__text_reset(vnt_text *t);

/* ------------------------------- syllables and normalization (syllable.c, normalize.c) */

#define VNT__SYL_MAX  10   /* letters in the longest syllable we parse */
#define VNT__SYL_CONS 0x80 /* vnt__tone_slots_quick: consonant code = this + base */

/* A parsed syllable, by index (see syllable.c for the tables). */
typedef struct vnt__syl {
    uint8_t onset, glide /* 0, 'o', 'u' */, nucleus, coda, tone;
    int8_t tone_pos; /* letter carrying the mark as written, -1 if none */
    uint8_t nuc_pos; /* letter where the nucleus starts */
    uint8_t nletters;
} vnt__syl;

/* Parse n composed letters as one syllable (tone mark on any vowel). */
VNT__HIDDEN int vnt__syl_parse(const vnt__letter *l, int n, vnt__syl *out);
/* Letter index of the canonical tone position for style (KEEP: traditional). */
VNT__HIDDEN int vnt__syl_tone_index(const vnt__syl *s, vnt_tone_style style);
/* Bit mask of acceptable tone positions (KEEP: traditional or modern). */
VNT__HIDDEN unsigned vnt__syl_tone_slots(const vnt__syl *s, vnt_tone_style style);
/* Shortcut of vnt__syl_tone_slots from the vowel run's shape only (normalize.c
 * fast path; equal to it on every valid syllable). */
VNT__HIDDEN unsigned vnt__tone_slots_quick(const uint8_t *code, int n, vnt_tone_style style);
/* Add a combining mark (tone or modifier) to a letter; 0 if it cannot take it. */
VNT__HIDDEN int vnt__absorb_mark(vnt__letter *l, uint32_t mark);
/* Code point of a (possibly modified) letter. */
VNT__HIDDEN uint32_t vnt__letter_to_cp(const vnt__letter *l);
/* vnt_normalize without its fast path (normalize.c), for tests and fuzzers. */
VNT__HIDDEN vnt_status vnt__normalize_ref(const char *s, size_t n, const vnt_norm_opts *opts,
                                          vnt_text *out);
/* ------------------------------------------- end syllables */

#endif
