/* Shared by the charset converters (charset*.c): the Unicode normalization
 * slice they need and the "cluster sink" that turns a stream of code points
 * into NFC / NFD / base+tone output or into legacy bytes. Not installed. */
#ifndef VNT_CHARSET_IMPL_H
#define VNT_CHARSET_IMPL_H

#include "internal.h"

typedef struct vnt__cs_pair {
    uint32_t cp;
    uint16_t v;
} vnt__cs_pair;

/* Output forms of the sink. */
enum { VNT__FORM_NFC = 0, VNT__FORM_NFD, VNT__FORM_COMBINING };

/* A starter plus at most this many code points that join it is normalized as
 * one cluster; longer runs of marks are split (the output is then not
 * guaranteed NFC, as in UAX #15's stream-safe format). */
#define VNT__CL_MAX 32

typedef struct vnt__cs_sink vnt__cs_sink;
/* Write one normalized code point; returns 0, or -1 after setting k->err. */
typedef int (*vnt__cs_emit_fn)(vnt__cs_sink *k, uint32_t cp, size_t off);

struct vnt__cs_sink {
    vnt__buf b;
    unsigned flags;
    int form;
    vnt_charset cs;
    vnt__cs_emit_fn emit;
    vnt_status err;
    size_t err_offset;
    uint32_t cl[VNT__CL_MAX];
    size_t n, off;
    /* VIQR writer: one code point of look-ahead and what a reader would
       still attach to the last letter written. */
    uint32_t pend;
    size_t pend_off;
    int has_pend;
    int viqr_base; /* last vowel written (lower-case ASCII) or 0 */
    int viqr_mod, viqr_tone;
};

VNT__HIDDEN int vnt__cs_ccc(uint32_t cp);
/* 1 if cp can combine with what precedes it (non-zero ccc or the second
 * element of a canonical composition). */
VNT__HIDDEN int vnt__cs_joins(uint32_t cp);
/* One level of canonical decomposition: returns 0 (none), 1 (*a only) or 2. */
VNT__HIDDEN int vnt__cs_decomp1(uint32_t cp, uint32_t *a, uint32_t *b);
/* Primary composite of a + b, or 0. */
VNT__HIDDEN uint32_t vnt__cs_compose(uint32_t a, uint32_t b);
/* Normalize cps[0..n) (one cluster) in place to NFC (compose=1) or NFD;
 * cap is the room of cps; returns the new length. */
VNT__HIDDEN size_t vnt__cs_normalize(uint32_t *cps, size_t n, size_t cap, int compose);

VNT__HIDDEN void vnt__cs_sink_init(vnt__cs_sink *k, size_t hint, unsigned flags, int form,
                                   vnt__cs_emit_fn emit);
VNT__HIDDEN int vnt__cs_push(vnt__cs_sink *k, uint32_t cp, size_t off);
VNT__HIDDEN int vnt__cs_flush(vnt__cs_sink *k);
/* Push s[i..j), all printable ASCII (0x20-0x7E), for an emit function that
 * writes such bytes unchanged (never the VIQR writer). */
VNT__HIDDEN void vnt__cs_push_ascii(vnt__cs_sink *k, const char *s, size_t i, size_t j);
/* Finish: flush, then move the output into out or report k->err. */
VNT__HIDDEN vnt_status vnt__cs_finish(vnt__cs_sink *k, size_t in_len, vnt_text *out);
/* Emit functions writing UTF-8 (NFC/NFD as normalized; base + tone). */
VNT__HIDDEN int vnt__cs_emit_utf8(vnt__cs_sink *k, uint32_t cp, size_t off);
VNT__HIDDEN int vnt__cs_emit_combining(vnt__cs_sink *k, uint32_t cp, size_t off);

/* VIQR (charset_viqr.c) */
VNT__HIDDEN vnt_status vnt__viqr_decode(const char *s, size_t n, unsigned flags, vnt_text *out);
VNT__HIDDEN int vnt__viqr_emit(vnt__cs_sink *k, uint32_t cp, size_t off);
VNT__HIDDEN int vnt__viqr_end(vnt__cs_sink *k);

#endif
