/* Shared by the CLI subcommands (cli/cmd_*.c). The CLI uses only the public
 * API (include/vntext.h). */
#ifndef VNT_CLI_H
#define VNT_CLI_H

#include "vntext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Documented exit codes (vntext --help). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_DATA = 1,  /* invalid input bytes or unrepresentable character */
    CLI_EXIT_USAGE = 2, /* bad command line */
    CLI_EXIT_IO = 3,    /* cannot open / read / write */
    CLI_EXIT_NOMEM = 4
};

struct cli_cmd {
    const char *name;
    int (*fn)(int argc, char **argv); /* argv[0] is the command name */
    const char *help;
};

/* Subcommands. To add one: declare it here, add a line to cmds[] in main.c. */
int cmd_normalize(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_detect(int argc, char **argv);
int cmd_repair(int argc, char **argv);
int cmd_syllable(int argc, char **argv);
/* vntext eval analyze (cli/cmd_eval_analyze.c), dispatched from cmd_eval */
int cmd_eval_analyze_main(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_model(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);
/* The model for --model PATH (NULL: the default rule, see vntext segment --help);
 * prints the reason and returns NULL on failure. cli/cmd_segment.c */
vnt_model *cli_open_model(const char *cmd, const char *path);
/* Bytes of a data file: path, else $env_name, else name in BIN/../models or
 * BIN/../share/vntext; NULL when absent (an unreadable path says so). */
char *cli_load_data(const char *path, size_t *n, const char *env_name, const char *name);
/* Write a whole file through PATH.tmp and a rename, so that a process that
 * has the old file mapped (a model) keeps reading it instead of dying of
 * SIGBUS, and a failed write leaves the old file. 0 on success. cli/io.c */
int cli_write_file(const char *path, const void *data, size_t n);

/* ---- streaming input (cli/io.c) ----
 * Reads a file (or stdin for NULL / "-") in chunks that end at a safe cut
 * point: after an ASCII whitespace byte, so no character, combining sequence,
 * VNI/VIQR letter+mark pair or word is split. A chunk is at most
 * CLI_CHUNK_MAX bytes; a run without whitespace longer than that is cut after
 * ASCII punctuation before an ASCII byte (nothing joins there in any charset),
 * or failing that at a UTF-8 character boundary before a non-mark character.
 * Memory stays constant whatever the input size. */
#define CLI_CHUNK     65536
#define CLI_CHUNK_MAX (1u << 20)

typedef struct cli_reader {
    FILE *f;
    const char *name; /* for messages */
    char *buf;
    size_t cap, len, start; /* buf[start..len) not yet handed out */
    size_t offset;          /* input offset of buf[start] */
    int eof, err;
} cli_reader;

/* 0 ok, -1 cannot open (message printed). */
int cli_reader_open(cli_reader *r, const char *path);
/* Next chunk: *chunk points into the reader's buffer (valid until the next
 * call), *off is its offset in the input. Returns 1 with a chunk, 0 at end,
 * -1 on a read error (message printed). */
int cli_reader_next(cli_reader *r, const char **chunk, size_t *len, size_t *off);
void cli_reader_close(cli_reader *r);

/* Peek at up to n bytes from the start of the input without consuming them
 * (for detection). Returns the number of bytes available. */
size_t cli_reader_peek(cli_reader *r, const char **data, size_t n);

/* Write or die with CLI_EXIT_IO. */
void cli_write(const char *s, size_t n);

/* "vntext CMD: message" on stderr. */
void cli_error(const char *cmd, const char *fmt, ...);

/* Returns 1 if argv[i] is --help / -h (and prints the help text). */
int cli_wants_help(int argc, char **argv, const char *help);

/* Option value of argv[*i] for "--long=V", "--long V" or "-s V" (advancing
 * *i past a separate value); NULL if argv[*i] is not that option or the
 * value is missing. */
const char *cli_opt_value(int argc, char **argv, int *i, const char *lng, const char *shrt);
/* 1 if a is the option --long, --long=…, or -s. */
int cli_is_opt(const char *a, const char *lng, const char *shrt);
/* Exit code for a library status. */
int cli_status_exit(vnt_status st);

#endif
