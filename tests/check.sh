#!/bin/sh
# make check: every test, the same suite under ASan+UBSan, then the fuzzers'
# corpora replayed under the sanitizers. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
tally=$(mktemp); export VNT_TALLY=$tally
jobs=$(nproc 2>/dev/null || echo 2)
rc=0
if [ ! -d ../shared ] && [ -z "${VNT_SHARED:-}" ]; then
  echo "note: ../shared is absent; tests that need it will SKIP"
fi
# system packages the search-extension tests need (root on Debian; else they SKIP)
sh tools/install-deps.sh || true
echo "== build and test (release)"
make -s -j"$jobs" all >/dev/null && make -s -j"$jobs" test || rc=1
echo "== generated tables"
make -s gen-check | tee /dev/stderr | awk '/^PASS/{p++} /^FAIL/{f++} /^SKIP/{s++} END{print p+0, f+0, s+0}' >> "$tally"
echo "== benchmark programs build"
if make -s -j"$jobs" bench-build >/dev/null; then
  echo "PASS benchmark programs build"; echo "1 0 0" >> "$tally"
else
  echo "FAIL benchmark programs build"; echo "0 1 0" >> "$tally"
fi
echo "== build and test (ASan + UBSan)"
make -s -j"$jobs" BUILD=build/asan SAN=1 all >/dev/null && \
  ASAN_OPTIONS=detect_leaks=1 make -s -j"$jobs" BUILD=build/asan SAN=1 test || rc=1
echo "== fuzzer corpus replay (ASan + UBSan)"
make -s -j"$jobs" BUILD=build/asan SAN=1 fuzz-replay || rc=1
awk '{p+=$1; f+=$2; s+=$3} END{printf "%d skipped\n%d passed, %d failed\n", s, p, f; exit (f>0)}' "$tally" || rc=1
rm -f "$tally"
exit $rc
