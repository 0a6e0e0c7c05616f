#!/bin/sh
# Replay each fuzzer's corpus (tests/fuzz/corpus/<name>/) with its plain build.
build=$1
progs=""
for src in tests/fuzz/fuzz_*.c; do
  [ -e "$src" ] || continue
  n=$(basename "$src" .c)
  w="$build/fuzz/$n.replay"
  printf '#!/bin/sh\nexec %s tests/fuzz/corpus/%s\n' "$build/fuzz/$n" "$n" > "$w"; chmod +x "$w"
  progs="$progs $w"
done
exec tests/run.sh "fuzz replay" $progs
