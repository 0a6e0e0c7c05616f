#!/bin/sh
# SQLite FTS5 tokenizer "vietnamese" (issue 5): the C API test program
# (static registration; also run in the sanitizer build), the loadable
# extension in the sqlite3 shell, and the news query set when ../shared is
# present. Prints PASS/FAIL/SKIP lines for tests/run.sh.
B=$(dirname "${VNTEXT:-build/vntext}")
ok() { echo "PASS sqlite: $1"; }
ko() { echo "FAIL sqlite: $1"; }
skip() { echo "SKIP sqlite: $1"; }
[ -f models/vntext.model ] && [ -z "${VNTEXT_MODEL:-}" ] && VNTEXT_MODEL=models/vntext.model
export VNTEXT_MODEL

if [ ! -x "$B/ext/test_fts5" ]; then
  skip "not built: SQLite headers missing (run tools/install-deps.sh as root, or apt-get install libsqlite3-dev sqlite3)"
  exit 0
fi
"$B/ext/test_fts5" | sed 's/^\(PASS\|FAIL\|SKIP\) /\1 sqlite C API: /'

if [ ! -f "$B/vntext_sqlite.so" ]; then
  skip "sqlite3 shell: no $B/vntext_sqlite.so in this build (a sanitizer build cannot be loaded by the system sqlite3; the C API test above covers it)"
  exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
  skip "sqlite3 shell not installed (run tools/install-deps.sh as root)"
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
q() { sqlite3 -batch "$T/db" ".load $B/vntext_sqlite" "$@" 2>&1; }
check() { name=$1; want=$2; shift 2; got=$(q "$@"); if [ "$got" = "$want" ]; then ok "$name"; else ko "$name: got '$got', want '$want'"; fi; }

q "CREATE VIRTUAL TABLE news USING fts5(title, body, tokenize='vietnamese');
   INSERT INTO news VALUES('Hoà Bình mưa lớn', 'Đường lên Lai Châu sạt lở; Ban Kinh tế Trung ương họp.');
   INSERT INTO news VALUES('Giá vàng', 'Hóa đơn tiền điện tháng 1/2022 tăng.');" >/dev/null
check ".load and unaccented query" "1" "SELECT rowid FROM news WHERE news MATCH 'duong'"
check "accented query keeps its tone" "2" "SELECT rowid FROM news WHERE news MATCH 'hóa'"
check "tone style does not matter" "1" "SELECT rowid FROM news WHERE news MATCH 'hòa'"
check "phrase across a compound" "1" "SELECT rowid FROM news WHERE news MATCH '\"tế trung ương\"'"
check "prefix" "1" "SELECT rowid FROM news WHERE news MATCH 'lai ch*'"
check "highlight" "Đường lên [Lai Châu] sạt lở; Ban Kinh tế Trung ương họp." \
  "SELECT highlight(news, 1, '[', ']') FROM news WHERE news MATCH '\"lai chau\"'"
check "snippet" "...[Kinh tế] Trung..." \
  "SELECT snippet(news, 1, '[', ']', '...', 3) FROM news WHERE news MATCH '\"kinh te\"'"
check "load_extension()" "1" "SELECT rowid FROM news WHERE news MATCH 'hoa binh' AND load_extension('$B/vntext_sqlite') IS NULL"
case $(q "CREATE VIRTUAL TABLE bad USING fts5(x, tokenize='vietnamese accents sideways')") in
  *"error in tokenizer constructor"*) ok "bad option is an error" ;;
  *) ko "bad option is an error" ;;
esac

# Concurrent load: 4 sqlite3 processes on one WAL database, each writing
# 40 transactions of documents and running MATCH queries between them,
# bounded by `timeout`; zero errors wanted (busy waits up to 10 s).
q "PRAGMA journal_mode=WAL" >/dev/null
printf '.timeout 10000\n.bail on\n' > "$T/load.sql"
i=0
while [ $i -lt 40 ]; do
  cat >> "$T/load.sql" <<EOF
BEGIN IMMEDIATE;
INSERT INTO news VALUES('Tin $i: Hoà Bình', 'Ban Kinh tế Trung ương họp; ca mắc Covid-19 mới ở Lai Châu ngày 26/1/2022, lần $i.');
INSERT INTO news VALUES('Giá vàng $i', 'Hóa đơn tiền điện tăng; thủ đô Hà Nội mưa lớn.');
COMMIT;
SELECT count(*) FROM news WHERE news MATCH '"kinh tế" AND hoa';
SELECT count(*) FROM news WHERE news MATCH 'covid AND "lai ch" *';
EOF
  i=$((i + 1))
done
start=$(date +%s)
pids=""
for c in 1 2 3 4; do
  (timeout 120 sqlite3 -batch "$T/db" ".load $B/vntext_sqlite" ".read $T/load.sql" > "$T/load.$c" 2>&1; echo $? > "$T/load.$c.rc") &
  pids="$pids $!"
done
wait $pids
errs=0
for c in 1 2 3 4; do
  [ "$(cat "$T/load.$c.rc")" = 0 ] || errs=$((errs + 1))
  grep -q -i 'error\|locked\|busy' "$T/load.$c" && errs=$((errs + 1))
done
rows=$(q "SELECT count(*) FROM news")
integ=$(q "INSERT INTO news(news) VALUES('integrity-check'); SELECT 'ok'")
if [ $errs = 0 ] && [ "$rows" = 322 ] && [ "$integ" = ok ]; then
  ok "concurrent load: 4 processes x 40 write transactions + 80 queries, $rows rows, 0 errors, integrity ok ($(( $(date +%s) - start )) s)"
else
  ko "concurrent load: $errs failed processes, $rows rows (want 322), integrity '$integ': $(head -3 "$T/load.1")"
fi

# The news query set, the same one test_postgres.sh checks.
if [ ! -x "$B/ext/search_eval" ]; then
  skip "query set: $B/ext/search_eval not built"
elif [ ! -f "${VNT_SHARED:-../shared}/data/news/unc_dantri_2020_2021.txt" ]; then
  skip "query set: ../shared/data/news is absent"
else
  "$B/ext/search_eval" sqlite "${VNT_SHARED:-../shared}/data/news/unc_dantri_2020_2021.txt" tests/search/queries.tsv
fi
