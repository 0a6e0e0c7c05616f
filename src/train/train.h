/* Shared by the trainers and the evaluator: the CoNLL-U corpus reader and
 * the per-sentence analysis scratch. Internal. */
#ifndef VNT_TRAIN_H
#define VNT_TRAIN_H

#include "nlp.h"

typedef struct vnt__cword {
    size_t form, form_len; /* in corpus buf */
    uint8_t upos;
} vnt__cword;

typedef struct vnt__csent {
    size_t text, text_len; /* the "# text" line, or 0/0 */
    size_t word, n_words;  /* range in words[] */
} vnt__csent;

typedef struct vnt__corpus {
    char *buf;
    size_t len;
    vnt__csent *sents;
    size_t n_sents, cap_sents;
    vnt__cword *words;
    size_t n_words, cap_words;
} vnt__corpus;

/* Parse CoNLL-U bytes (copied). Multiword-token ranges and empty nodes are
 * skipped. */
VNT__HIDDEN vnt_status vnt__corpus_parse(const char *s, size_t n, vnt__corpus *c);
VNT__HIDDEN vnt_status vnt__corpus_read(const char *path, vnt__corpus *c);
VNT__HIDDEN void vnt__corpus_free(vnt__corpus *c);

/* Read a whole file (malloc'd, NUL-terminated). */
VNT__HIDDEN vnt_status vnt__read_file(const char *path, char **data, size_t *len);

#endif
