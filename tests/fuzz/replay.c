/* Plain driver for the libFuzzer targets: replays every file named on the
 * command line (directories are walked), so `make check` runs the corpora
 * without clang. Prints "PASS fuzz_X: N inputs". */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t n_inputs;

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc(len > 0 ? (size_t)len : 1);
    size_t got = len > 0 ? fread(buf, 1, (size_t)len, f) : 0;
    fclose(f);
    LLVMFuzzerTestOneInput(buf, got);
    free(buf);
    n_inputs++;
}

static void walk(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) return;
    if (!S_ISDIR(st.st_mode)) {
        run_file(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        walk(sub);
    }
    closedir(d);
}

int main(int argc, char **argv)
{
    /* a few fixed edge inputs beside the corpus */
    static const uint8_t edge[][8] = {{0}, {0xFF}, {0xC3}, {0xE1, 0xBB}, {0xF4, 0x90, 0x80, 0x80}};
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++)
        LLVMFuzzerTestOneInput(edge[i], i + 1);
    LLVMFuzzerTestOneInput((const uint8_t *)"", 0);
    for (int i = 1; i < argc; i++)
        walk(argv[i]);
    printf("PASS %s: %zu corpus inputs\n", argv[0], n_inputs);
    return 0;
}
