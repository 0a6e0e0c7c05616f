/* vntext detect: which charset is each input in. */
#include "cli.h"

static const char detect_help[] =
    "usage: vntext detect [--short] [FILE...]\n"
    "\n"
    "Guess the charset of each input from its first 64 KiB: utf-8, tcvn3, tcvn5712,\n"
    "vni, viscii, vps, viqr, cp1258, nfd, combining, or ascii, unaccented\n"
    "(Vietnamese typed without diacritics), mojibake (UTF-8 read as Windows-1252\n"
    "and re-encoded). Prints \"NAME: CHARSET confidence C (runner-up R C2)\";\n"
    "--short prints only the charset name.\n"
    "exit: 0 ok, 2 usage, 3 I/O\n";

static int detect_one(const char *path, int shrt)
{
    cli_reader r;
    if (cli_reader_open(&r, path) < 0) return CLI_EXIT_IO;
    const char *head;
    size_t n = cli_reader_peek(&r, &head, 65536);
    int rc = r.err ? CLI_EXIT_IO : 0;
    vnt_detection d;
    vnt_detect(head, n, &d);
    if (!rc) {
        if (shrt)
            printf("%s\n", vnt_charset_name(d.charset));
        else
            printf("%s: %s confidence %.2f (runner-up %s %.2f)\n", r.name,
                   vnt_charset_name(d.charset), d.confidence, vnt_charset_name(d.second),
                   d.second_confidence);
    }
    cli_reader_close(&r);
    return rc;
}

int cmd_detect(int argc, char **argv)
{
    if (cli_wants_help(argc, argv, detect_help)) return 0;
    int shrt = 0, nfiles = 0, rc = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--short"))
            shrt = 1;
        else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("detect", "unknown option '%s' (see --help)", argv[i]);
            return CLI_EXIT_USAGE;
        }
    }
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) continue;
        nfiles++;
        int k = detect_one(argv[i], shrt);
        if (k && !rc) rc = k;
    }
    if (!nfiles) rc = detect_one(NULL, shrt);
    return rc;
}
