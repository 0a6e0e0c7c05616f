#!/bin/sh
# CLI behaviour: round trips, streaming, exit codes, error offsets, --help.
# Prints PASS/FAIL lines for tests/run.sh. $VNTEXT is the binary under test.
V=${VNTEXT:-build/vntext}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok() { echo "PASS cli: $1"; }
ko() { echo "FAIL cli: $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else ko "$name"; fi; }

S=samples/ban-tin.txt

# --help on every subcommand, exit 0, mentions usage
for c in normalize convert detect repair syllable; do
  check "$c --help" sh -c "$V $c --help | grep -q '^usage: vntext $c'"
done
check "unknown command exits 2" sh -c "$V nosuch >/dev/null 2>&1; test \$? -eq 2"
check "unknown option exits 2" sh -c "$V normalize --nosuch </dev/null >/dev/null 2>&1; test \$? -eq 2"
check "unknown charset exits 2" sh -c "$V convert -t klingon </dev/null >/dev/null 2>&1; test \$? -eq 2"

# every charset round-trips the sample
for cs in tcvn3 tcvn5712 vni viscii vps viqr cp1258 nfd combining utf-8; do
  "$V" convert -t $cs $S > "$T/s.$cs" 2>"$T/err" && "$V" convert -f $cs "$T/s.$cs" > "$T/back.$cs" 2>>"$T/err"
  check "round trip $cs" cmp -s $S "$T/back.$cs"
  check "detect $cs" sh -c "d=\$($V detect --short $T/s.$cs); case $cs:\$d in tcvn3:tcvn5712|tcvn5712:tcvn3|$cs:$cs) true;; *) echo \"  got \$d\"; false;; esac"
  check "normalize auto-detects $cs" sh -c "$V normalize $T/s.$cs | cmp -s - $S"
done

# the bundled legacy sample decodes to the UTF-8 original
check "make-run sample is the TCVN3 form of ban-tin.txt" sh -c "$V convert -f tcvn3 samples/ban-tin-tcvn3.txt | cmp -s - $S"

# normalization: stdin, tone styles, idempotence
check "normalize nứơc tóan" sh -c "printf 'nứơc tóan\n' | $V normalize | grep -qx 'nước toán'"
check "tones=modern" sh -c "printf 'hòa khỏe thủy\n' | $V normalize --tones=modern | grep -qx 'hoà khoẻ thuỷ'"
check "tones=traditional" sh -c "printf 'hoà khoẻ thuỷ\n' | $V normalize --tones=traditional | grep -qx 'hòa khỏe thủy'"
check "NFD input composed" sh -c "printf 'Vie\314\202\314\243t\n' | $V normalize | grep -qx 'Việt'"
if [ -w /dev/full ]; then
  check "write error exits 3 with a message" sh -c "printf 'a\n' | $V normalize >/dev/full 2>$T/e; test \$? -eq 3 && grep -q 'write error' $T/e"
  check "detect: write error exits 3" sh -c "printf 'a\n' | $V detect >/dev/full 2>/dev/null; test \$? -eq 3"
fi
check "empty input" sh -c "$V normalize </dev/null | cmp -s - /dev/null"

# invalid UTF-8: error with the byte offset, or --lossy replacement
printf 'abc\377def' > "$T/bad"
check "invalid UTF-8 exits 1" sh -c "$V normalize -f utf-8 $T/bad >/dev/null 2>$T/e; test \$? -eq 1"
check "invalid UTF-8 error names byte 3" grep -q 'byte 3' "$T/e"
check "--lossy replaces" sh -c "$V normalize -f utf-8 --lossy $T/bad 2>/dev/null | grep -qx 'abc�def'"
check "--lossy counts an invalid byte once when encoding" sh -c "$V convert -f utf-8 -t viscii --lossy $T/bad 2>&1 >/dev/null | grep -q ': 1 invalid'"
check "a failing chunk adds nothing to the count" sh -c "printf 'a\377b \342\202\254\n' | $V convert -f utf-8 --repair -t viscii 2>&1 >/dev/null | grep -c replaced | grep -qx 0"

# unencodable character: offset of that character in the input
printf 'Việt Nam \342\202\254 5\n' > "$T/euro"
check "unencodable exits 1" sh -c "$V convert -t viscii $T/euro >/dev/null 2>$T/e; test \$? -eq 1"
check "unencodable error names byte 11" grep -q "byte 11" "$T/e"
check "convert --lossy writes ?" sh -c "$V convert -t viscii --lossy $T/euro 2>/dev/null | $V convert -f viscii | grep -qx 'Việt Nam ? 5'"

# streaming: a large input (many chunks, long lines, a line without spaces) round-trips
i=0; : > "$T/big"
while [ $i -lt 400 ]; do cat $S >> "$T/big"; i=$((i+1)); done
head -c 1500000 /dev/zero | tr '\0' 'a' >> "$T/big"; echo >> "$T/big"
check "streaming normalize of a 2 MB input is unchanged" sh -c "$V normalize -f utf-8 $T/big | cmp -s - $T/big"
check "streaming round trip vni" sh -c "$V convert -t vni $T/big | $V convert -f vni | cmp -s - $T/big"

# a run without whitespace longer than a chunk (1 MiB) is not cut inside a
# VIQR letter, a VNI base + mark byte or a mojibake sequence
N=1048576
printf ',,Vi\341\273\207t Nam\n' > "$T/viet"
{ head -c $((N-3)) /dev/zero | tr '\0' ','; printf 'Vie^.t Nam\n'; } > "$T/cut.viqr"
check "long run: VIQR letter at the chunk cut" sh -c "$V convert -f viqr $T/cut.viqr | tail -c 13 | cmp -s - $T/viet"
{ head -c $((N-3)) /dev/zero | tr '\0' ','; printf 'Vie\344t Nam\n'; } > "$T/cut.vni"
check "long run: VNI mark byte at the chunk cut" sh -c "$V convert -f vni $T/cut.vni | tail -c 13 | cmp -s - $T/viet"
{ head -c $((N-4)) /dev/zero | tr '\0' ','; printf 'Vi\303\241\302\273\342\200\241t Nam\n'; } > "$T/cut.moji"
check "long run: mojibake at the chunk cut" sh -c "$V repair $T/cut.moji | tail -c 13 | cmp -s - $T/viet"

# mojibake repair
check "repair Viá»‡t" sh -c "printf 'Vi\303\241\302\273\342\200\241t Nam\n' | $V repair | grep -qx 'Việt Nam'"

# syllable structure
check "syllable quý" sh -c "$V syllable quý | grep -q '^quý	qu	-	y	-	acute'"
check "syllable rejects xyz" sh -c "$V syllable xyz >/dev/null; test \$? -eq 1"
exit 0
