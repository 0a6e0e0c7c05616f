/* Fuzz the article parser: any bytes analyse without error, every byte is in
 * one block or is whitespace, spans stay inside the input, an entity's ref
 * points to an earlier entity, entities come in text order, JSON is
 * produced. (Built with -DVNT__AN_ENTITY_WINDOW=64, small inputs reach the
 * entity windows of long articles.) Each input runs without a
 * model (rules) and with the committed model (words, tags and the entity
 * tagger; $VNTEXT_MODEL or models/vntext.model from the project root). */
#include "vntext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static vnt_model *model; /* loaded once per process (fuzzer harness, not library) */

static void one(const char *s, size_t size, const vnt_model *m)
{
    vnt_article a;
    memset(&a, 0, sizeof a);
    vnt_article_opts o = {VNT_ARTICLE_OPTS_VERSION, "2021-04-29", m, NULL, 0, 0, NULL, 0};
    if (vnt_article_analyze(s, size, &o, &a) != VNT_OK) abort();
    size_t pos = 0;
    for (size_t i = 0; i < a.n_blocks; i++) {
        if (a.blocks[i].start < pos || a.blocks[i].end > size ||
            a.blocks[i].end <= a.blocks[i].start)
            abort();
        for (size_t k = pos; k < a.blocks[i].start; k++)
            if (!strchr(" \t\r\n\f\v", s[k]) || !s[k]) abort();
        pos = a.blocks[i].end;
    }
    for (size_t i = 0; i < a.n_entities; i++) {
        if (a.entities[i].end > size || a.entities[i].start >= a.entities[i].end) abort();
        if (a.entities[i].ref < -1 || a.entities[i].ref >= (long)i) abort();
        if (i && a.entities[i].start < a.entities[i - 1].start) abort(); /* text order */
        if ((unsigned)a.entities[i].type >= VNT_ENT_TYPE_COUNT) abort();
    }
    for (size_t i = 0; i < a.n_values; i++)
        if (a.values[i].end > size || a.values[i].start >= a.values[i].end) abort();
    vnt_text j;
    memset(&j, 0, sizeof j);
    if (vnt_article_json(&a, s, size, "f", NULL, &o, 1, &j) != VNT_OK) abort();
    vnt_text_free(&j);
    vnt_article_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model) {
        const char *p = getenv("VNTEXT_MODEL");
        if (vnt_model_open(p ? p : "models/vntext.model", &model, NULL, 0) != VNT_OK) {
            fprintf(stderr, "fuzz_analyze: cannot open the model (run from the project root)\n");
            abort();
        }
    }
    one((const char *)data, size, NULL);
    one((const char *)data, size, model);
    return 0;
}
