/* Option parsing helpers shared by the subcommands. */
#include "cli.h"

const char *cli_opt_value(int argc, char **argv, int *i, const char *lng, const char *shrt)
{
    const char *a = argv[*i];
    size_t ll = lng ? strlen(lng) : 0;
    if (lng && !strncmp(a, lng, ll) && a[ll] == '=') return a + ll + 1;
    if ((lng && !strcmp(a, lng)) || (shrt && !strcmp(a, shrt))) {
        if (*i + 1 >= argc) return NULL;
        return argv[++*i];
    }
    return NULL;
}

int cli_is_opt(const char *a, const char *lng, const char *shrt)
{
    if (lng) {
        size_t ll = strlen(lng);
        if (!strncmp(a, lng, ll) && (a[ll] == 0 || a[ll] == '=')) return 1;
    }
    return shrt && !strcmp(a, shrt);
}

int cli_status_exit(vnt_status st)
{
    switch (st) {
    case VNT_OK: return CLI_EXIT_OK;
    case VNT_ERR_NOMEM: return CLI_EXIT_NOMEM;
    case VNT_ERR_IO: return CLI_EXIT_IO;
    case VNT_ERR_ARG:
    case VNT_ERR_CHARSET: return CLI_EXIT_USAGE;
    default: return CLI_EXIT_DATA;
    }
}
