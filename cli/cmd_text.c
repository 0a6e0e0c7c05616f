/* normalize, convert, repair: one streaming pipeline
 *   bytes --decode(from)--> UTF-8 --repair mojibake--> --normalize--> --encode(to)--> bytes
 * Each stage is a library call on a bounded chunk (cli/io.c), so memory stays
 * constant on any input size. Error offsets are input byte offsets. */
#include "cli.h"

#include <errno.h>

typedef struct pipeline {
    const char *cmd;
    vnt_charset from; /* VNT_CS_UNKNOWN: detect from the first 64 KiB */
    vnt_charset to;   /* output charset */
    int normalize;
    vnt_norm_opts nopts;
    int repair;     /* repair mojibake */
    unsigned flags; /* VNT_LOSSY */
    int verbose;
    size_t n_bad;
} pipeline;

/* Charsets whose decoder is "UTF-8, composed": normalize handles them directly. */
static int is_utf8_family(vnt_charset cs)
{
    return cs == VNT_CS_UTF8 || cs == VNT_CS_NFD || cs == VNT_CS_COMBINING || cs == VNT_CS_ASCII ||
           cs == VNT_CS_UNACCENTED;
}

static const char *stage_name[] = {"decode", "repair", "normalize", "encode"};

/* Run the stages on one chunk. With map != 0 every stage keeps its offset map
 * so an error offset can be traced back to the input. On error returns the
 * status with *stage and *err_off (input offset within the chunk). */
static vnt_status run_chunk(pipeline *p, const char *s, size_t n, int map, vnt_text out[4],
                            const char **res, size_t *res_len, int *stage, size_t *err_off)
{
    const char *cur = s;
    size_t cur_len = n;
    unsigned mf = map ? VNT_MAP : 0;
    vnt_status st;
    int nstage = 0; /* stages that produced out[k] */
    int used[4] = {0, 0, 0, 0};
    size_t bad = 0; /* sequences replaced in this chunk, counted once each */

    /* 0: decode */
    if (!(is_utf8_family(p->from) && (p->normalize || p->repair))) {
        st = vnt_decode(p->from, cur, cur_len, p->flags | mf, &out[0]);
        if (st != VNT_OK) {
            *stage = 0;
            *err_off = out[0].err_offset;
            return st;
        }
        bad = out[0].n_bad;
        cur = out[0].data;
        cur_len = out[0].len;
        used[0] = 1;
    }
    /* 1: repair */
    if (p->repair) {
        st = vnt_repair_mojibake(cur, cur_len, VNT_LOSSY | mf, &out[1], NULL);
        if (st != VNT_OK) {
            *stage = 1;
            *err_off = 0;
            return st;
        }
        if (!used[0]) bad = out[1].n_bad;
        cur = out[1].data;
        cur_len = out[1].len;
        used[1] = 1;
    }
    /* 2: normalize */
    if (p->normalize) {
        vnt_norm_opts o = p->nopts;
        o.flags |= (p->flags & VNT_LOSSY) | mf;
        st = vnt_normalize(cur, cur_len, &o, &out[2]);
        if (st != VNT_OK) {
            *stage = 2;
            *err_off = out[2].err_offset;
            nstage = 2;
            goto trace;
        }
        if (!used[0] && !used[1]) bad = out[2].n_bad;
        cur = out[2].data;
        cur_len = out[2].len;
        used[2] = 1;
    }
    /* 3: encode */
    if (p->to != VNT_CS_UTF8) {
        st = vnt_encode(p->to, cur, cur_len, p->flags | mf, &out[3]);
        if (st != VNT_OK) {
            *stage = 3;
            *err_off = out[3].err_offset;
            nstage = 3;
            goto trace;
        }
        /* a legacy charset has no U+FFFD: the encoder replaced (and counted)
         * each one an earlier stage wrote, so its count is the total */
        if (p->to == VNT_CS_NFD || p->to == VNT_CS_COMBINING)
            bad += out[3].n_bad;
        else
            bad = out[3].n_bad;
        cur = out[3].data;
        cur_len = out[3].len;
    }
    /* counted only for output that is written (not twice when a failed
     * chunk is run again with maps) */
    p->n_bad += bad;
    *res = cur;
    *res_len = cur_len;
    return VNT_OK;
trace:
    /* err_off is an offset into the input of stage nstage: walk back */
    for (int k = nstage - 1; k >= 0; k--)
        if (used[k] && out[k].map)
            *err_off = out[k].map[*err_off < out[k].len ? *err_off : out[k].len];
    return st;
}

static int run_file(pipeline *p, const char *path)
{
    cli_reader r;
    if (cli_reader_open(&r, path) < 0) return CLI_EXIT_IO;
    pipeline fp = *p;
    if (fp.from == VNT_CS_UNKNOWN) {
        const char *head;
        size_t hn = cli_reader_peek(&r, &head, 65536);
        vnt_detection d;
        vnt_detect(head, hn, &d);
        fp.from = d.charset;
        if (d.charset == VNT_CS_MOJIBAKE) {
            fp.from = VNT_CS_UTF8;
            fp.repair = 1;
        } else if (d.charset == VNT_CS_UNKNOWN) {
            fp.from = VNT_CS_UTF8;
        }
        if (p->verbose)
            fprintf(stderr, "vntext %s: %s: detected %s (confidence %.2f; runner-up %s %.2f)%s\n",
                    p->cmd, r.name, vnt_charset_name(d.charset), d.confidence,
                    vnt_charset_name(d.second), d.second_confidence,
                    fp.repair ? "; repairing mojibake" : "");
    } else if (p->verbose) {
        fprintf(stderr, "vntext %s: %s: reading as %s\n", p->cmd, r.name,
                vnt_charset_name(fp.from));
    }
    vnt_text out[4];
    memset(out, 0, sizeof out);
    const char *chunk;
    size_t len, off;
    int rc = CLI_EXIT_OK, k;
    while ((k = cli_reader_next(&r, &chunk, &len, &off)) > 0) {
        const char *res;
        size_t res_len, err_off = 0;
        int stage = 0;
        vnt_status st = run_chunk(&fp, chunk, len, 0, out, &res, &res_len, &stage, &err_off);
        if (st != VNT_OK && st != VNT_ERR_NOMEM) {
            /* rerun with maps to trace the offset back to the input */
            vnt_status st2 = run_chunk(&fp, chunk, len, 1, out, &res, &res_len, &stage, &err_off);
            if (st2 == st) {
                cli_error(p->cmd, "%s: byte %zu: %s (%s stage; --lossy replaces)", r.name,
                          off + err_off, vnt_strerror(st), stage_name[stage]);
            } else {
                cli_error(p->cmd, "%s: near byte %zu: %s", r.name, off, vnt_strerror(st));
            }
            rc = cli_status_exit(st);
            break;
        }
        if (st == VNT_ERR_NOMEM) {
            cli_error(p->cmd, "out of memory");
            rc = CLI_EXIT_NOMEM;
            break;
        }
        cli_write(res, res_len);
    }
    if (k < 0) rc = CLI_EXIT_IO;
    for (int i = 0; i < 4; i++)
        vnt_text_free(&out[i]);
    if (fp.n_bad)
        cli_error(p->cmd, "%s: %zu invalid or unrepresentable sequences replaced", r.name,
                  fp.n_bad);
    cli_reader_close(&r);
    return rc;
}

static int run_files(pipeline *p, int nfiles, char **files)
{
    int rc = nfiles == 0 ? run_file(p, NULL) : 0;
    for (int i = 0; i < nfiles; i++) {
        int k = run_file(p, files[i]);
        if (k && !rc) rc = k;
    }
    if (fflush(stdout) != 0) {
        cli_error(p->cmd, "write error: %s", strerror(errno));
        return CLI_EXIT_IO;
    }
    return rc;
}

static int parse_charset(const char *cmd, const char *name, vnt_charset *cs)
{
    *cs = vnt_charset_from_name(name);
    if (*cs == VNT_CS_UNKNOWN || *cs >= VNT_CS_ASCII) {
        cli_error(cmd,
                  "unknown charset '%s' (utf-8, tcvn3, tcvn5712, vni, viscii, vps, viqr, "
                  "cp1258, nfd, combining)",
                  name);
        return 0;
    }
    return 1;
}

/* Parse the options common to the three commands; files are collected in
 * files[] (argv entries). Returns -1 to continue, else an exit code. */
static int parse_common(pipeline *p, int argc, char **argv, char **files, int *nfiles)
{
    *nfiles = 0;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            files[(*nfiles)++] = argv[i];
        } else if (!strcmp(a, "--")) {
            only_files = 1;
        } else if ((v = cli_opt_value(argc, argv, &i, "--from", "-f"))) {
            if (!parse_charset(p->cmd, v, &p->from)) return CLI_EXIT_USAGE;
        } else if ((v = cli_opt_value(argc, argv, &i, "--to", "-t"))) {
            if (!parse_charset(p->cmd, v, &p->to)) return CLI_EXIT_USAGE;
        } else if ((v = cli_opt_value(argc, argv, &i, "--tones", NULL))) {
            if (!strcmp(v, "keep"))
                p->nopts.tones = VNT_TONES_KEEP;
            else if (!strcmp(v, "traditional"))
                p->nopts.tones = VNT_TONES_TRADITIONAL;
            else if (!strcmp(v, "modern"))
                p->nopts.tones = VNT_TONES_MODERN;
            else {
                cli_error(p->cmd, "--tones must be keep, traditional or modern");
                return CLI_EXIT_USAGE;
            }
            if (p->nopts.tones != VNT_TONES_KEEP) p->normalize = 1;
        } else if (!strcmp(a, "--lossy")) {
            p->flags |= VNT_LOSSY;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            p->verbose = 1;
        } else if (!strcmp(a, "--no-lookalikes")) {
            p->nopts.flags |= VNT_NORM_NO_LOOKALIKES;
        } else if (!strcmp(a, "--no-tone-repair")) {
            p->nopts.flags |= VNT_NORM_NO_TONE_REPAIR;
        } else if (!strcmp(a, "--normalize")) {
            p->normalize = 1;
        } else if (!strcmp(a, "--repair")) {
            p->repair = 1;
        } else {
            cli_error(p->cmd, "unknown option '%s' (see --help)", a);
            return CLI_EXIT_USAGE;
        }
    }
    return -1;
}

static const char normalize_help[] =
    "usage: vntext normalize [-f CHARSET] [--tones=keep|traditional|modern] [--lossy] [-v]\n"
    "                        [--no-lookalikes] [--no-tone-repair] [FILE...]\n"
    "\n"
    "Clean Vietnamese text to UTF-8 NFC: compose every letter (marks in any order),\n"
    "repair misplaced tone marks (nứơc -> nước), place tones in the chosen style\n"
    "(keep: as written; traditional: hòa khỏe thủy; modern: hoà khoẻ thuỷ), fold\n"
    "lookalikes (Ð/ð -> Đ/đ, Cyrillic/Greek vowels in words, zero-width, NBSP).\n"
    "The charset is detected from the first 64 KiB unless -f is given; mojibake\n"
    "is repaired. Files or stdin -> stdout, streaming in constant memory.\n"
    "\n"
    "  -f, --from CHARSET  utf-8 tcvn3 tcvn5712 vni viscii vps viqr cp1258 nfd combining\n"
    "  --tones STYLE       keep (default), traditional, modern\n"
    "  --lossy             replace invalid bytes with U+FFFD instead of failing\n"
    "  -v, --verbose       report the detected charset on stderr\n"
    "\n"
    "exit: 0 ok, 1 invalid input (byte offset on stderr), 2 usage, 3 I/O, 4 memory\n";

int cmd_normalize(int argc, char **argv)
{
    if (cli_wants_help(argc, argv, normalize_help)) return 0;
    pipeline p = {.cmd = "normalize", .from = VNT_CS_UNKNOWN, .to = VNT_CS_UTF8, .normalize = 1};
    p.nopts.version = VNT_NORM_OPTS_VERSION;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int n, rc = files ? parse_common(&p, argc, argv, files, &n) : CLI_EXIT_NOMEM;
    if (rc < 0) rc = run_files(&p, n, files);
    free(files);
    return rc;
}

static const char convert_help[] =
    "usage: vntext convert [-f FROM] [-t TO] [--lossy] [--normalize] [-v] [FILE...]\n"
    "\n"
    "Convert between UTF-8 and the Vietnamese legacy charsets. Charsets:\n"
    "  utf-8      UTF-8 (NFC)          tcvn3     TCVN 5712:1993 VN3 (ABC, .Vn fonts)\n"
    "  tcvn5712   TCVN 5712 VN1        vni       VNI Windows\n"
    "  viscii     VISCII (RFC 1456)    vps       VPS\n"
    "  viqr       VIQR (RFC 1456)      cp1258    Windows-1258\n"
    "  nfd        UTF-8 decomposed     combining UTF-8, base letter + combining tone\n"
    "FROM is detected when -f is not given; TO defaults to utf-8. A character the\n"
    "target cannot represent is an error with its byte offset, unless --lossy\n"
    "(then '?' is written and the count reported). TCVN3 has no upper-case toned\n"
    "vowels: see docs/charsets.md. --normalize also cleans the text (as\n"
    "vntext normalize) before encoding.\n"
    "\n"
    "exit: 0 ok, 1 invalid or unrepresentable input (byte offset on stderr), 2 usage,\n"
    "      3 I/O, 4 memory\n";

int cmd_convert(int argc, char **argv)
{
    if (cli_wants_help(argc, argv, convert_help)) return 0;
    pipeline p = {.cmd = "convert", .from = VNT_CS_UNKNOWN, .to = VNT_CS_UTF8};
    p.nopts.version = VNT_NORM_OPTS_VERSION;
    p.nopts.flags = VNT_NORM_NO_LOOKALIKES | VNT_NORM_NO_TONE_REPAIR;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int n, rc = files ? parse_common(&p, argc, argv, files, &n) : CLI_EXIT_NOMEM;
    if (p.normalize) p.nopts.flags &= ~(unsigned)(VNT_NORM_NO_LOOKALIKES | VNT_NORM_NO_TONE_REPAIR);
    if (rc < 0) rc = run_files(&p, n, files);
    free(files);
    return rc;
}

static const char repair_help[] =
    "usage: vntext repair [--normalize] [-v] [FILE...]\n"
    "\n"
    "Repair mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 and\n"
    "re-encoded (\"Viá»‡t\" -> \"Việt\"), once or twice, only where damaged.\n"
    "Clean parts pass through unchanged. Invalid UTF-8 becomes U+FFFD.\n"
    "exit: 0 ok, 2 usage, 3 I/O, 4 memory\n";

int cmd_repair(int argc, char **argv)
{
    if (cli_wants_help(argc, argv, repair_help)) return 0;
    pipeline p = {
        .cmd = "repair", .from = VNT_CS_UTF8, .to = VNT_CS_UTF8, .repair = 1, .flags = VNT_LOSSY};
    p.nopts.version = VNT_NORM_OPTS_VERSION;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int n, rc = files ? parse_common(&p, argc, argv, files, &n) : CLI_EXIT_NOMEM;
    if (rc < 0) rc = run_files(&p, n, files);
    free(files);
    return rc;
}
