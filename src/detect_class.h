/* Character classes of the detection language model, shared by src/detect.c
 * and its table generator (tools/gen_detect_table.c) so that both read text
 * the same way. Case is folded; a letter followed by combining marks is one
 * class (NFC, NFD and "combining" spellings score alike). */
#ifndef VNT_DETECT_CLASS_H
#define VNT_DETECT_CLASS_H

#include "internal.h"

enum {
    VNT__DC_SPACE = 0, /* spaces, tabs, line breaks, NBSP */
    VNT__DC_DIGIT,
    VNT__DC_PEND,    /* . , ; : ! ? */
    VNT__DC_PUNCT,   /* other ASCII punctuation and symbols */
    VNT__DC_UPUNCT,  /* non-ASCII punctuation: quotes, dashes, ellipsis, « » */
    VNT__DC_SYMBOL,  /* other non-letter characters below U+3000 */
    VNT__DC_LATIN,   /* letters that are not Vietnamese: ç ñ ß ø ä Œ ƒ, Greek, Cyrillic */
    VNT__DC_SCRIPT,  /* CJK, Hangul, other scripts, emoji */
    VNT__DC_MARK,    /* a combining mark that did not join a letter */
    VNT__DC_CONTROL, /* C0 except tab/line breaks, DEL, C1 */
    VNT__DC_BAD,     /* U+FFFD */
    VNT__DC_CONS,    /* first of 20 ASCII consonants b c d f g h j k l m n p q r s t v w x z */
    VNT__DC_DD = VNT__DC_CONS + 20, /* đ */
    VNT__DC_VOWEL,                  /* first of 12 vowels x 6 tones */
    VNT__DC_COUNT = VNT__DC_VOWEL + 72
};

/* Classes of the unaccented model: the first 11 as above, then a..z. */
enum { VNT__DS_A = VNT__DC_CONS, VNT__DS_COUNT = VNT__DC_CONS + 26 };

/* consonant letter -> index 0..19, vowels -> -1 */
static inline int vnt__dc_cons(int lc)
{
    static const signed char idx[26] = {-1, 0,  1,  2,  -1, 3,  4,  5,  -1, 6,  7,  8,  9,
                                        10, -1, 11, 12, 13, 14, 15, -1, 16, 17, 18, -1, 19};
    return (lc >= 'a' && lc <= 'z') ? idx[lc - 'a'] : -1;
}

/* Class of one code point (combining marks: VNT__DC_MARK). */
static inline int vnt__dc_class(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
            return VNT__DC_SPACE;
        if (cp < 0x20 || cp == 0x7F) return VNT__DC_CONTROL;
        if (cp >= '0' && cp <= '9') return VNT__DC_DIGIT;
        uint32_t lc = cp | 0x20;
        if (lc >= 'a' && lc <= 'z') {
            int k = vnt__dc_cons((int)lc);
            if (k >= 0) return VNT__DC_CONS + k;
            vnt__letter l;
            vnt__letter_get(cp, &l);
            return VNT__DC_VOWEL + l.vowel * 6;
        }
        if (cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?')
            return VNT__DC_PEND;
        return VNT__DC_PUNCT;
    }
    if (cp < 0xA0) return VNT__DC_CONTROL;
    if (cp == 0xFFFD) return VNT__DC_BAD;
    vnt__letter l;
    if (vnt__letter_get(cp, &l)) {
        if (l.vowel == VNT__V_DD) return VNT__DC_DD;
        return VNT__DC_VOWEL + l.vowel * 6 + l.tone;
    }
    if (cp >= 0x300 && cp <= 0x36F) return VNT__DC_MARK;
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x3000)
        return VNT__DC_SPACE;
    if (cp == 0xAB || cp == 0xBB || cp == 0xB7 || cp == 0xA1 || cp == 0xBF ||
        (cp >= 0x2010 && cp <= 0x205E))
        return VNT__DC_UPUNCT;
    if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x52F) ||
        (cp >= 0x1E00 && cp <= 0x1EFF))
        return VNT__DC_LATIN;
    if (cp < 0x3000) return VNT__DC_SYMBOL;
    return VNT__DC_SCRIPT;
}

/* Fold a class to the unaccented model (vowels lose every diacritic). */
static inline int vnt__ds_fold(int c)
{
    static const char cons[20] = {'b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm',
                                  'n', 'p', 'q', 'r', 's', 't', 'v', 'w', 'x', 'z'};
    if (c < VNT__DC_CONS) return c;
    if (c < VNT__DC_DD) return VNT__DS_A + (cons[c - VNT__DC_CONS] - 'a');
    if (c == VNT__DC_DD) return VNT__DS_A + ('d' - 'a');
    return VNT__DS_A + (vnt__vowel_base((c - VNT__DC_VOWEL) / 6) - 'a');
}

/* Streams code points into classes, joining combining tone and modifier
 * marks to the vowel before them. Feed with vnt__dc_push; each completed
 * class is handed to emit(ctx, class). Call vnt__dc_flush at the end. */
typedef struct vnt__dc_stream {
    int pending; /* class waiting for possible marks, -1 if none */
} vnt__dc_stream;

#define VNT__DC_PUSH(st, cp, EMIT)                                                                 \
    do {                                                                                           \
        uint32_t cp_ = (cp);                                                                       \
        int p_ = (st)->pending;                                                                    \
        if (cp_ >= 0x300 && cp_ <= 0x36F && p_ >= VNT__DC_VOWEL) {                                 \
            int v_ = (p_ - VNT__DC_VOWEL) / 6, t_ = (p_ - VNT__DC_VOWEL) % 6;                      \
            int tm_ = vnt__combining_tone(cp_), md_ = vnt__combining_mod(cp_);                     \
            if (tm_ && !t_) {                                                                      \
                (st)->pending = VNT__DC_VOWEL + v_ * 6 + tm_;                                      \
                break;                                                                             \
            }                                                                                      \
            if (md_ && vnt__vowel_mod(v_) == VNT__MOD_NONE) {                                      \
                int nv_ = vnt__vowel_index(vnt__vowel_base(v_), md_);                              \
                if (nv_ >= 0) {                                                                    \
                    (st)->pending = VNT__DC_VOWEL + nv_ * 6 + t_;                                  \
                    break;                                                                         \
                }                                                                                  \
            }                                                                                      \
        }                                                                                          \
        if (p_ >= 0) EMIT(p_);                                                                     \
        (st)->pending = vnt__dc_class(cp_);                                                        \
    } while (0)

#endif
