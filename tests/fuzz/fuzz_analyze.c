/* Fuzz the article parser: any bytes analyse without error, every byte is in
 * one block or is whitespace, spans stay inside the input, JSON is produced. */
#include "vntext.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    vnt_article a;
    memset(&a, 0, sizeof a);
    vnt_article_opts o = {VNT_ARTICLE_OPTS_VERSION, "2021-04-29", NULL, NULL, 0, 0, NULL, 0};
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
    for (size_t i = 0; i < a.n_entities; i++)
        if (a.entities[i].end > size || a.entities[i].start >= a.entities[i].end) abort();
    for (size_t i = 0; i < a.n_values; i++)
        if (a.values[i].end > size || a.values[i].start >= a.values[i].end) abort();
    vnt_text j;
    memset(&j, 0, sizeof j);
    if (vnt_article_json(&a, s, size, "f", NULL, &o, 1, &j) != VNT_OK) abort();
    vnt_text_free(&j);
    vnt_article_free(&a);
    return 0;
}
