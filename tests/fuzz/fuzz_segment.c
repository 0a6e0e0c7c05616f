/* Fuzz segmentation + tagging with the committed model on arbitrary bytes:
 * words must tile the tokens and stay inside the input. */
#include "vntext.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static vnt_model *model; /* loaded once per process (fuzzer harness, not library) */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model) {
        const char *p = getenv("VNTEXT_MODEL");
        if (vnt_model_open(p ? p : "models/vntext.model", &model, NULL, 0) != VNT_OK) {
            fprintf(stderr, "fuzz_segment: cannot open the model (run from the project root)\n");
            abort();
        }
    }
    vnt_doc d = {0};
    if (vnt_analyze(model, (const char *)data, size, 0, &d) != VNT_OK) abort();
    size_t next = 0;
    for (size_t i = 0; i < d.n_words; i++) {
        const vnt_word *w = &d.words[i];
        if (w->tok_begin != next || w->tok_end <= w->tok_begin || w->end > size ||
            w->start >= w->end || (unsigned)w->upos >= VNT_UPOS_COUNT)
            abort();
        next = w->tok_end;
    }
    if (next != d.tokens.n) abort();
    vnt_doc_free(&d);
    return 0;
}
