#!/bin/sh
# vntext tokenize: text and JSONL output, offsets, sentences, files, exit codes.
# Prints PASS/FAIL lines for tests/run.sh. $VNTEXT is the binary under test.
V=${VNTEXT:-build/vntext}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok() { echo "PASS tokenize-cli: $1"; }
ko() { echo "FAIL tokenize-cli: $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else ko "$name"; fi; }

check "--help" sh -c "$V tokenize --help | grep -q '^usage: vntext tokenize'"
check "unknown option exits 2" sh -c "$V tokenize --nosuch </dev/null >/dev/null 2>&1; test \$? -eq 2"
check "missing file exits 3" sh -c "$V tokenize $T/none >/dev/null 2>&1; test \$? -eq 3"
check "text format" sh -c "printf 'Sáng 26/1, Covid-19.\n' | $V tokenize | grep -qx 'Sáng/syllable 26/1/date ,/punct Covid-19/code ./punct'"
check "one line per input line" sh -c "printf 'a\n\nb\n' | $V tokenize | wc -l | grep -qx 3"
check "jsonl offsets" sh -c "printf 'xin chào\nTP.HCM\n' | $V tokenize --format=jsonl | sed -n 2p | grep -q '\"start\":10,\"end\":16,\"type\":\"abbrev\",\"text\":\"TP.HCM\"'"
printf 'a"b\\\n' > "$T/q"
printf '"text":"\\""\n"text":"\\\\"\n' > "$T/q.want"
check "jsonl escapes \" and \\" sh -c "$V tokenize --format=jsonl $T/q | grep -oF -f $T/q.want | wc -l | grep -qx 2"
printf 'x\377y\n' > "$T/bad"
printf 'x\\ufffdy' > "$T/bad.want"
check "invalid UTF-8 in jsonl" sh -c "$V tokenize --format=jsonl $T/bad | grep -qF -f $T/bad.want"
check "sentences" sh -c "printf 'Tôi đi. Anh ở TP. Hồ Chí Minh.\n' | $V tokenize --sentences | wc -l | grep -qx 2"
printf 'Một. Hai.\n\nBa\n' > "$T/f"
check "file argument, sentences across paragraphs" sh -c "$V tokenize --sentences $T/f | wc -l | grep -qx 3"
# offsets in the JSONL are bytes of the input: every slice is the token text
if command -v python3 >/dev/null 2>&1; then
  printf 'Nội Bài-Lào Cai, 12,5%% của 1.000.000 đồng; https://x.vn/a.\nDòng hai 8h30 ngày 26/1/2022.\n' > "$T/g"
  check "jsonl offsets slice the input" python3 -c "
import json,sys
data=open('$T/g','rb').read()
for line in sys.stdin:
    for t in json.loads(line)['tokens']:
        assert data[t['start']:t['end']].decode()==t['text'], t
" < "$($V tokenize --format=jsonl $T/g > $T/g.jsonl; echo $T/g.jsonl)"
else
  echo "SKIP tokenize-cli: jsonl offsets slice the input: python3 not installed"
fi
