/* Fuzz the model loader: any bytes either load or fail cleanly; a model
 * that loads must analyse text without reading out of bounds. */
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
    vnt_text info = {0};
    vnt_model_info(m, &info);
    vnt_text_free(&info);
    char v[32];
    vnt_model_meta(m, "licence", v, sizeof v);
    vnt_model_free(m);
    return 0;
}
