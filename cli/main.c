/* vntext CLI entry point: dispatch to subcommands (cli/cmd_*.c). Uses only
 * the public API. Exit codes: 0 ok, 1 data error (invalid input, unencodable
 * character), 2 usage error, 3 I/O error, 4 out of memory. */
#include "cli.h"

#include <errno.h>

static const struct cli_cmd cmds[] = {
    {"analyze", cmd_analyze, "news articles to JSON: structure, entities, dates, money, keywords"},
    {"normalize", cmd_normalize,
     "clean NFC text: compose, repair and place tones, fold lookalikes"},
    {"convert", cmd_convert, "convert between UTF-8 and legacy Vietnamese charsets"},
    {"detect", cmd_detect, "guess the charset of the input, with a confidence"},
    {"repair", cmd_repair, "repair mojibake (UTF-8 read as Windows-1252/Latin-1)"},
    {"syllable", cmd_syllable, "parse syllables: onset, glide, nucleus, coda, tone"},
    {"tokenize", cmd_tokenize, "typed tokens (syllables, numbers, dates, URLs, ...) with offsets"},
    {"segment", cmd_segment, "split lines into words (syllables joined by _)"},
    {"tag", cmd_tag, "words with UD part-of-speech tags (word/UPOS)"},
    {"train", cmd_train, "train a segmentation / tagging model from CoNLL-U"},
    {"eval", cmd_eval, "score a model on gold CoNLL-U (word F1, UPOS)"},
    {"model", cmd_model, "model info FILE: sections, tags, licence, scores"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: vntext COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        fprintf(f, "  %-10s %s\n", cmds[i].name, cmds[i].help);
    fprintf(f, "\n'vntext COMMAND --help' describes a command. Files or stdin -> stdout.\n"
               "exit codes: 0 ok, 1 invalid or unrepresentable input, 2 usage, 3 I/O, 4 memory\n");
}

/* A command that succeeded still fails if its output could not be written. */
static int finish(int rc)
{
    if (rc == CLI_EXIT_OK && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "vntext: write error: %s\n", strerror(errno));
        return CLI_EXIT_IO;
    }
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("vntext %s\n", vnt_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (!strcmp(argv[1], cmds[i].name)) return finish(cmds[i].fn(argc - 1, argv + 1));
    fprintf(stderr, "vntext: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return CLI_EXIT_USAGE;
}
