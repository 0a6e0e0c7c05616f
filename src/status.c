/* Status names and the library version. */
#include "internal.h"

const char *vnt_version(void)
{
    return VNT_VERSION_STRING;
}

const char *vnt_strerror(vnt_status s)
{
    switch (s) {
    case VNT_OK: return "success";
    case VNT_ERR_NOMEM: return "out of memory";
    case VNT_ERR_ARG: return "invalid argument";
    case VNT_ERR_UTF8: return "invalid UTF-8";
    case VNT_ERR_DECODE: return "byte sequence not valid in the source charset";
    case VNT_ERR_ENCODE: return "character not representable in the target charset";
    case VNT_ERR_CHARSET: return "unknown charset";
    case VNT_ERR_NOT_SYLLABLE: return "not a Vietnamese syllable";
    case VNT_ERR_IO: return "input/output error";
    case VNT_ERR_MODEL: return "invalid model file";
    case VNT_STATUS_COUNT: break;
    }
    return "unknown status";
}
