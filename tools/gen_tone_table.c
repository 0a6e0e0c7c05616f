/* Writes the tone-style table (tests/golden/tone-styles.tsv) to stdout:
 *   make tools && build/tools/gen_tone_table > tests/golden/tone-styles.tsv */
#include "tone_table.h"

int main(void)
{
    return tone_table_write(stdout) > 0 ? 0 : 1;
}
