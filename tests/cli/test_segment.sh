#!/bin/sh
# CLI: segment / tag / eval / model / train. PASS/FAIL lines for tests/run.sh.
V=${VNTEXT:-build/vntext}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok() { echo "PASS cli-segment: $1"; }
ko() { echo "FAIL cli-segment: $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else ko "$name"; fi; }

for c in segment tag train eval model; do
  check "$c --help" sh -c "$V $c --help | grep -q '^usage: vntext $c'"
done
if [ ! -f models/vntext.model ]; then echo "SKIP cli-segment: models/vntext.model absent"; exit 0; fi
M="--model models/vntext.model"
printf 'Hà Nội là thủ đô của Việt Nam.\n\nHÀ NỘI LÀ THỦ ĐÔ.\n' > "$T/in.txt"
check "segment joins syllables with _" sh -c "$V segment $M $T/in.txt | head -1 | grep -q '^Hà_Nội là thủ_đô của Việt_Nam \.\$'"
check "one output line per input line" sh -c "test \$($V segment $M $T/in.txt | wc -l) -eq 3"
check "tag prints word/UPOS" sh -c "$V tag $M $T/in.txt | head -1 | grep -q '^Hà_Nội/PROPN là/AUX thủ_đô/NOUN'"
check "--joiner" sh -c "$V segment $M --joiner=+ $T/in.txt | head -1 | grep -q '^Hà+Nội'"
check "unknown format exits 2" sh -c "$V segment $M --format=xml $T/in.txt >/dev/null 2>&1; test \$? -eq 2"
check "missing model exits 3" sh -c "$V segment --model $T/none $T/in.txt >/dev/null 2>&1; test \$? -eq 3"
check "jsonl offsets" sh -c "$V tag $M --format=jsonl $T/in.txt | head -1 | grep -q '\"word\":\"Hà Nội\",\"start\":0,\"end\":9,\"upos\":\"PROPN\"'"
check "conllu TokenRange" sh -c "$V tag $M --format=conllu $T/in.txt | grep -q '^1	Hà Nội	_	PROPN	_	_	_	_	_	TokenRange=0:9\$'"
if command -v python3 >/dev/null 2>&1; then
  check "jsonl is valid JSON" sh -c "$V tag $M --format=jsonl $T/in.txt | python3 -c 'import sys,json; [json.loads(l) for l in sys.stdin]'"
fi
# threads keep input order
i=0; : > "$T/many.txt"
while [ $i -lt 300 ]; do echo "Dòng $i: Chính phủ ban hành nghị định mới về giáo dục và đào tạo." >> "$T/many.txt"; i=$((i+1)); done
$V tag $M "$T/many.txt" > "$T/one" && $V tag $M --threads 3 "$T/many.txt" > "$T/three"
check "--threads output equals one thread" cmp -s "$T/one" "$T/three"
check "model info shows licence" sh -c "$V model info models/vntext.model | grep -q 'licence=GPL'"
head -c 1000 models/vntext.model > "$T/cut.model"
check "truncated model: exit 1 and a reason" sh -c "$V model info $T/cut.model 2>&1 >/dev/null | grep -q 'expected'; test \$? -eq 0"
# eval and train on a tiny file
cat > "$T/g.conllu" <<'X'
# text = Hà Nội là thủ đô .
1	Hà Nội	_	PROPN	_	_	_	_	_	_
2	là	_	AUX	_	_	_	_	_	_
3	thủ đô	_	NOUN	_	_	_	_	_	_
4	.	_	PUNCT	_	_	_	_	_	_

X
check "eval prints F1" sh -c "$V eval all $M --gold $T/g.conllu | grep -q 'words (raw text).*F1 100.00'"
check "train writes a model" sh -c "$V train all -q --train $T/g.conllu --seg-bits 10 --tag-bits 8 -o $T/t.model && $V model info $T/t.model | grep -q 'train=g.conllu'"
