/* vntext syllable: show the structure of Vietnamese syllables. */
#include "cli.h"

static const char syllable_help[] =
    "usage: vntext syllable [WORD...]\n"
    "\n"
    "Parse each word (the arguments, or whitespace-separated words on stdin) as a\n"
    "Vietnamese syllable and print one tab-separated line per word:\n"
    "  word  onset  glide  nucleus  coda  tone  traditional  modern  no-tone  no-marks\n"
    "(\"-\" for an empty part), or \"word<TAB>not a syllable\". Tones: level grave\n"
    "acute hook tilde dot (ngang huyền sắc hỏi ngã nặng).\n"
    "exit: 0 all words are syllables, 1 some are not, 2 usage, 3 I/O\n";

static const char *tone_names[] = {"level", "grave", "acute", "hook", "tilde", "dot"};

static int show(const char *w, size_t n)
{
    vnt_syllable s;
    printf("%.*s\t", (int)n, w);
    if (vnt_syllable_parse(w, n, &s) != VNT_OK) {
        printf("not a syllable\n");
        return 1;
    }
    char trad[64], mod[64], nt[64], nm[64];
    vnt_syllable_write(&s, VNT_TONES_TRADITIONAL, trad, sizeof trad);
    vnt_syllable_write(&s, VNT_TONES_MODERN, mod, sizeof mod);
    size_t k1 = vnt_strip_tones(w, n, nt, sizeof nt);
    size_t k2 = vnt_strip_diacritics(w, n, nm, sizeof nm);
    printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.*s\t%.*s\n", *s.onset ? s.onset : "-",
           *s.glide ? s.glide : "-", s.nucleus, *s.coda ? s.coda : "-", tone_names[s.tone], trad,
           mod, (int)(k1 < sizeof nt ? k1 : 0), nt, (int)(k2 < sizeof nm ? k2 : 0), nm);
    return 0;
}

int cmd_syllable(int argc, char **argv)
{
    if (cli_wants_help(argc, argv, syllable_help)) return 0;
    int rc = 0, nw = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("syllable", "unknown option '%s' (see --help)", argv[i]);
            return CLI_EXIT_USAGE;
        }
        nw++;
        rc |= show(argv[i], strlen(argv[i]));
    }
    if (nw) return rc;
    cli_reader r;
    if (cli_reader_open(&r, NULL) < 0) return CLI_EXIT_IO;
    const char *c;
    size_t len, off;
    int k;
    while ((k = cli_reader_next(&r, &c, &len, &off)) > 0) {
        size_t i = 0;
        while (i < len) {
            while (i < len && (c[i] == ' ' || c[i] == '\n' || c[i] == '\t' || c[i] == '\r'))
                i++;
            size_t st = i;
            while (i < len && !(c[i] == ' ' || c[i] == '\n' || c[i] == '\t' || c[i] == '\r'))
                i++;
            if (i > st) rc |= show(c + st, i - st);
        }
    }
    cli_reader_close(&r);
    return k < 0 ? CLI_EXIT_IO : rc;
}
