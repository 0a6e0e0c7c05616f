/* Fuzz the model loader: any bytes either load or fail cleanly; a model
 * that loads must analyse text and an article (entity section) without
 * reading out of bounds. */
#include "vntext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vnt_model *m = NULL;
    char msg[256];
    if (vnt_model_open_memory(data, size, &m, msg, sizeof msg) != VNT_OK) return 0;
    static const char t[] = "Hà Nội là THỦ ĐÔ của Việt Nam, 12,5% ... ?";
    vnt_doc d = {0};
    vnt_analyze(m, t, sizeof t - 1, 0, &d);
    vnt_doc_free(&d);
    /* the article pipeline reads the entity section (tagger weights, names) */
    static const char art[] = "Tin\n\nÔng Nguyễn Văn An, Chủ tịch UBND tỉnh Lai Châu, nói.";
    vnt_article_opts o = {VNT_ARTICLE_OPTS_VERSION, "2022-01-26", m, NULL, 0, 0, NULL, 0};
    vnt_article a;
    memset(&a, 0, sizeof a);
    vnt_article_analyze(art, sizeof art - 1, &o, &a);
    vnt_article_free(&a);
    vnt_text info = {0};
    vnt_model_info(m, &info);
    vnt_text_free(&info);
    char v[32];
    vnt_model_meta(m, "licence", v, sizeof v);
    vnt_model_free(m);
    return 0;
}
