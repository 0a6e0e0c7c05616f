/* vntext train / eval / model: build a model from CoNLL-U data, score it,
 * show what a model file holds. */
#include "cli.h"

static const char train_help[] =
    "usage: vntext train segment|tag|all --train FILE.conllu [OPTIONS] -o MODEL\n"
    "\n"
    "Train the word segmenter, the UPOS tagger or both into one model file.\n"
    "Deterministic: the same data, options and seed give the same bytes.\n"
    "  --train FILE      CoNLL-U training data (repeatable)\n"
    "  --dev FILE        CoNLL-U scored after each epoch (for tuning)\n"
    "  --lexicon K:FILE  lexicon compiled into the model (repeatable); K is word,\n"
    "                    name, surname, middle (first TSV column), place (\"name\"\n"
    "                    values of a JSON file) or abbr (ABBR:expansion lines)\n"
    "  --shared DIR      add the standard lexicons of DIR/data (the ../shared tree)\n"
    "  --evaluate FILE   score the finished model on FILE and record the scores in\n"
    "                    its metadata (repeatable; never used for training)\n"
    "  --meta K=V        extra metadata line (repeatable), e.g. licence=GPL-3.0\n"
    "  --epochs N        training epochs (default 12)\n"
    "  --seed N          shuffling / augmentation seed (default 1)\n"
    "  --seg-bits N, --tag-bits N   log2 of the hashed weight tables (18, 18)\n"
    "  -o, --output MODEL           the model file to write\n"
    "  -q, --quiet       no progress on stderr\n";

static const char eval_help[] =
    "usage: vntext eval segment|tag|all --gold FILE.conllu [--model MODEL]\n"
    "       vntext eval analyze [GOLD.tsv...]   (article analysis on the gold set in tests/gold)\n"
    "\n"
    "Score a model on gold CoNLL-U data, CoNLL 2018 style: the raw '# text' of\n"
    "each sentence goes through tokenizer, sentence splitter, segmenter and tagger;\n"
    "words align to gold words by character offsets (whitespace ignored).\n"
    "Prints word P/R/F1 (raw text), UPOS F1 (raw text), UPOS accuracy with gold\n"
    "words and segmentation F1 with gold syllables.\n";

static const char model_help[] =
    "usage: vntext model info MODEL\n"
    "\n"
    "Check a model file and print its sections, tag set and metadata (training\n"
    "data, licence, scores).\n";

static void log_line(void *ud, const char *line)
{
    (void)ud;
    fprintf(stderr, "%s\n", line);
}

#define MAXL 64

int cmd_train_entities(int argc, char **argv);

int cmd_train(int argc, char **argv)
{
    if (cli_wants_help(argc, argv, train_help)) return 0;
    if (argc < 2) {
        fputs(train_help, stderr);
        return CLI_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "entities")) return cmd_train_entities(argc - 1, argv + 1);
    vnt_train_opts o;
    memset(&o, 0, sizeof o);
    o.version = VNT_TRAIN_OPTS_VERSION;
    o.seed = 1;
    if (!strcmp(argv[1], "segment"))
        o.what = VNT_TRAIN_SEGMENT;
    else if (!strcmp(argv[1], "tag"))
        o.what = VNT_TRAIN_TAG;
    else if (!strcmp(argv[1], "all"))
        o.what = VNT_TRAIN_SEGMENT | VNT_TRAIN_TAG;
    else {
        cli_error("train", "first argument must be segment, tag or all");
        return CLI_EXIT_USAGE;
    }
    const char *train[MAXL], *lex[MAXL], *ev[MAXL], *out = NULL;
    static char lexbuf[MAXL][4200];
    char meta[4096] = "";
    size_t nt = 0, nl = 0, ne = 0;
    int quiet = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v;
#define VAL(l, s)                                                                                  \
    if (!(v = cli_opt_value(argc, argv, &i, l, s))) {                                              \
        cli_error("train", "option '%s' needs a value", a);                                        \
        return CLI_EXIT_USAGE;                                                                     \
    }
        if (cli_is_opt(a, "--train", NULL)) {
            VAL("--train", NULL);
            if (nt < MAXL) train[nt++] = v;
        } else if (cli_is_opt(a, "--dev", NULL)) {
            VAL("--dev", NULL);
            o.dev = v;
        } else if (cli_is_opt(a, "--lexicon", NULL)) {
            VAL("--lexicon", NULL);
            if (nl < MAXL) lex[nl++] = v;
        } else if (cli_is_opt(a, "--shared", NULL)) {
            VAL("--shared", NULL);
            static const char *const std[] = {
                "word:%s/data/lexicon/wiktionary-vi-headwords.txt",
                "word:%s/data/lexicon/hongocduc-vi-headwords.txt",
                "name:%s/data/names/boy.txt",
                "name:%s/data/names/girl.txt",
                "surname:%s/data/names/surname_freq_from_uit_member.tsv",
                "middle:%s/data/names/middle_syllable_freq_from_uit_member.tsv",
                "place:%s/data/places/legacy-63/tinh_tp.json",
                "place:%s/data/places/legacy-63/quan_huyen.json",
                "abbr:%s/data/lexicon/abbreviations.txt"};
            for (size_t k = 0; k < sizeof std / sizeof std[0] && nl < MAXL; k++) {
                snprintf(lexbuf[nl], sizeof lexbuf[nl], std[k], v);
                lex[nl] = lexbuf[nl];
                nl++;
            }
        } else if (cli_is_opt(a, "--evaluate", NULL)) {
            VAL("--evaluate", NULL);
            if (ne < MAXL) ev[ne++] = v;
        } else if (cli_is_opt(a, "--meta", NULL)) {
            VAL("--meta", NULL);
            size_t ml = strlen(meta);
            snprintf(meta + ml, sizeof meta - ml, "%s\n", v);
        } else if (cli_is_opt(a, "--epochs", NULL)) {
            VAL("--epochs", NULL);
            o.epochs_segment = o.epochs_tag = (unsigned)atoi(v);
        } else if (cli_is_opt(a, "--seed", NULL)) {
            VAL("--seed", NULL);
            o.seed = strtoull(v, NULL, 10);
        } else if (cli_is_opt(a, "--seg-bits", NULL)) {
            VAL("--seg-bits", NULL);
            o.seg_bits = (unsigned)atoi(v);
        } else if (cli_is_opt(a, "--tag-bits", NULL)) {
            VAL("--tag-bits", NULL);
            o.tag_bits = (unsigned)atoi(v);
        } else if (cli_is_opt(a, "--output", "-o")) {
            VAL("--output", "-o");
            out = v;
        } else if (cli_is_opt(a, "--quiet", "-q"))
            quiet = 1;
        else {
            cli_error("train", "unknown option '%s' (see --help)", a);
            return CLI_EXIT_USAGE;
        }
#undef VAL
    }
    if (!nt || !out) {
        cli_error("train", "--train and -o are required (see --help)");
        return CLI_EXIT_USAGE;
    }
    o.train = train;
    o.n_train = nt;
    o.lexicons = lex;
    o.n_lexicons = nl;
    o.evaluate = ev;
    o.n_evaluate = ne;
    o.meta = meta[0] ? meta : NULL;
    if (!quiet) o.log = log_line;
    vnt_text t = {0};
    vnt_status st = vnt_train(&o, &t);
    if (st != VNT_OK) {
        if (st == VNT_ERR_IO) {
            size_t k = t.err_offset;
            const char *f = k < nt             ? train[k]
                            : k < nt + nl      ? lex[k - nt]
                            : k < nt + nl + ne ? ev[k - nt - nl]
                                               : o.dev;
            cli_error("train", "cannot read %s", f ? f : "?");
        } else
            cli_error("train", "%s", vnt_strerror(st));
        vnt_text_free(&t);
        return cli_status_exit(st);
    }
    if (cli_write_file(out, t.data, t.len) != 0) {
        cli_error("train", "cannot write %s", out);
        vnt_text_free(&t);
        return CLI_EXIT_IO;
    }
    if (!quiet) fprintf(stderr, "wrote %s (%zu bytes)\n", out, t.len);
    vnt_text_free(&t);
    return 0;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 20, len = 0;
    char *b = malloc(cap);
    size_t k;
    while (b && (k = fread(b + len, 1, cap - len, f)) > 0) {
        len += k;
        if (len == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
            } else
                b = nb;
        }
    }
    fclose(f);
    *n = len;
    return b;
}

int cmd_eval(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "analyze")) return cmd_eval_analyze_main(argc - 1, argv + 1);
    if (cli_wants_help(argc, argv, eval_help)) return 0;
    if (argc < 2 ||
        (strcmp(argv[1], "segment") && strcmp(argv[1], "tag") && strcmp(argv[1], "all"))) {
        cli_error("eval", "first argument must be segment, tag or all");
        return CLI_EXIT_USAGE;
    }
    int seg = strcmp(argv[1], "tag") != 0, tag = strcmp(argv[1], "segment") != 0;
    const char *gold[MAXL], *model = NULL;
    int ng = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v;
        if (cli_is_opt(a, "--gold", "-g")) {
            if (!(v = cli_opt_value(argc, argv, &i, "--gold", "-g"))) goto missing;
            if (ng < MAXL) gold[ng++] = v;
        } else if (cli_is_opt(a, "--model", "-m")) {
            if (!(v = cli_opt_value(argc, argv, &i, "--model", "-m"))) goto missing;
            model = v;
        } else if (a[0] != '-' && ng < MAXL)
            gold[ng++] = a;
        else {
            cli_error("eval", "unknown option '%s' (see --help)", a);
            return CLI_EXIT_USAGE;
        }
        continue;
    missing:
        cli_error("eval", "option '%s' needs a value", a);
        return CLI_EXIT_USAGE;
    }
    if (!ng) {
        cli_error("eval", "--gold FILE is required");
        return CLI_EXIT_USAGE;
    }
    vnt_model *m = cli_open_model("eval", model);
    if (!m) return CLI_EXIT_IO;
    int rc = 0;
    for (int g = 0; g < ng; g++) {
        size_t n;
        char *d = slurp(gold[g], &n);
        if (!d) {
            cli_error("eval", "cannot read %s", gold[g]);
            rc = CLI_EXIT_IO;
            continue;
        }
        vnt_eval_result r;
        vnt_status st = vnt_eval(m, d, n, &r);
        free(d);
        if (st != VNT_OK) {
            cli_error("eval", "%s: %s", gold[g], vnt_strerror(st));
            rc = cli_status_exit(st);
            continue;
        }
        printf("%s: %zu sentences, %zu gold words\n", gold[g], r.sentences, r.gold_words);
        if (seg) {
            printf("  words (raw text)      P %6.2f  R %6.2f  F1 %6.2f   (%zu system words, %zu "
                   "matched)\n",
                   r.word_p, r.word_r, r.word_f1, r.system_words, r.matched_words);
            printf("  words (gold tokens)   F1 %6.2f\n", r.word_f1_gold_tokens);
        }
        if (tag) {
            printf("  UPOS (raw text)       P %6.2f  R %6.2f  F1 %6.2f\n", r.upos_p, r.upos_r,
                   r.upos_f1);
            printf("  UPOS (gold words)     accuracy %6.2f   (%zu of %zu)\n", r.upos_acc,
                   r.tagged_correct, r.tagged);
        }
    }
    vnt_model_free(m);
    return rc;
}

int cmd_model(int argc, char **argv)
{
    if (cli_wants_help(argc, argv, model_help)) return 0;
    if (argc != 3 || strcmp(argv[1], "info")) {
        fputs(model_help, stderr);
        return CLI_EXIT_USAGE;
    }
    char msg[256];
    vnt_model *m;
    vnt_status st = vnt_model_open(argv[2], &m, msg, sizeof msg);
    if (st != VNT_OK) {
        cli_error("model", "%s: %s", argv[2], msg[0] ? msg : vnt_strerror(st));
        return cli_status_exit(st);
    }
    vnt_text t = {0};
    st = vnt_model_info(m, &t);
    if (st == VNT_OK) {
        printf("%s\n", argv[2]);
        cli_write(t.data, t.len);
    }
    vnt_text_free(&t);
    vnt_model_free(m);
    return cli_status_exit(st);
}
