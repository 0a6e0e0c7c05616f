#!/bin/sh
# PostgreSQL text search extension "vntext" (issue 5) against a real server
# that this test starts itself: a private copy of the PostgreSQL 15 binaries
# (so the extension is "installed" without touching the system), initdb in a
# temporary directory, a unix socket there, stopped at the end even on
# failure. As root the server runs as the "postgres" (or "nobody") user.
# Prints PASS/FAIL/SKIP lines for tests/run.sh.
B=$(dirname "${VNTEXT:-build/vntext}")
ok() { echo "PASS postgres: $1"; }
ko() { echo "FAIL postgres: $1"; }
skip() { echo "SKIP postgres: $1"; exit 0; }
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGSHARE=${PGSHARE:-/usr/share/postgresql/15}
PGLIB=${PGLIB:-/usr/lib/postgresql/15/lib}

if nm "$B/libvntext.a" 2>/dev/null | grep -q __asan_init; then
  skip "sanitizer build: the server cannot load sanitizer-built code (the release pass runs this test)"
fi
[ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/postgres" ] ||
  skip "PostgreSQL 15 server not installed (run tools/install-deps.sh as root)"
[ -f "$B/pg/vntext.so" ] ||
  skip "extension not built: postgresql-server-dev-15 missing (run tools/install-deps.sh as root)"
command -v psql >/dev/null 2>&1 || skip "psql not installed"

T=$(mktemp -d /tmp/vntext-pg.XXXXXX)
RUNAS=""
if [ "$(id -u)" = 0 ]; then
  for u in postgres nobody; do id -u $u >/dev/null 2>&1 && { RUNAS=$u; break; }; done
  [ -n "$RUNAS" ] || { rm -rf "$T"; skip "running as root and no unprivileged user to run the server"; }
fi
as() { if [ -n "$RUNAS" ]; then runuser -u "$RUNAS" -- "$@"; else "$@"; fi; }
R=$T/usr/lib/postgresql/15 S=$T/usr/share/postgresql/15
cleanup() {
  [ -f "$T/data/postmaster.pid" ] && as "$R/bin/pg_ctl" -D "$T/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$T"
}
trap cleanup EXIT INT TERM
# PostgreSQL finds its share and lib directories relative to its binary:
# copy the binaries, link the rest, add the extension's files.
mkdir -p "$R/bin" "$R/lib" "$S/extension" "$S/tsearch_data"
cp "$PGBIN/postgres" "$PGBIN/initdb" "$PGBIN/pg_ctl" "$R/bin/"
for f in "$PGLIB"/*; do ln -s "$f" "$R/lib/"; done
for f in "$PGSHARE"/*; do case ${f##*/} in extension|tsearch_data) ;; *) ln -s "$f" "$S/";; esac; done
for f in "$PGSHARE"/extension/* "$PGSHARE"/tsearch_data/*; do ln -s "$f" "$S/${f#"$PGSHARE"/}"; done
cp "$B/pg/vntext.so" "$R/lib/"
cp ext/postgres/vntext.control ext/postgres/vntext--0.1.sql "$S/extension/"
[ -f models/vntext.model ] && cp models/vntext.model "$S/tsearch_data/vntext.model"
[ -n "$RUNAS" ] && chown -R "$RUNAS" "$T"
PORT=$((20000 + $$ % 20000))
if ! as "$R/bin/initdb" -D "$T/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$T/initdb.log" 2>&1; then
  ko "initdb failed: $(tail -2 "$T/initdb.log")"; exit 1
fi
if ! as "$R/bin/pg_ctl" -D "$T/data" -l "$T/server.log" -w -t 60 \
     -o "-k $T -p $PORT -c listen_addresses='127.0.0.1' -c fsync=off" start >/dev/null 2>&1; then
  ko "server did not start: $(tail -3 "$T/server.log")"; exit 1
fi
export PGHOST=$T PGPORT=$PORT PGUSER=postgres PGDATABASE=postgres
sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -c "$1" 2>&1; }
check() { name=$1; want=$2; got=$(sql "$3"); if [ "$got" = "$want" ]; then ok "$name"; else ko "$name: got '$got', want '$want'"; fi; }

check "CREATE EXTENSION vntext" "" "CREATE EXTENSION vntext"
if [ -f models/vntext.model ]; then
  check "to_tsvector: both accents, compound" "'binh':2 'bình':2 'hoa':1 'hoa_binh':1 'hòa':1 'hòa_bình':1" "SELECT to_tsvector('vietnamese', 'Hoà Bình')"
  check "accent-insensitive configuration" "'binh':2 'hoa':1 'hoa_binh':1" "SELECT to_tsvector('vietnamese_unaccent', 'HÒA BÌNH')"
else
  check "to_tsvector: both accents" "'binh':2 'bình':2 'hoa':1 'hòa':1" "SELECT to_tsvector('vietnamese', 'Hoà Bình')"
  check "accent-insensitive configuration" "'binh':2 'hoa':1" "SELECT to_tsvector('vietnamese_unaccent', 'HÒA BÌNH')"
fi
sql "CREATE TABLE news(id int PRIMARY KEY, body text, tsv tsvector);
     INSERT INTO news(id, body) VALUES
       (1, 'Ban Kinh tế Trung ương họp ở Hoà Bình.'),
       (2, 'Giá vàng hôm nay tăng; hóa đơn điện giảm.'),
       (3, 'Đường Lai Châu – Điện Biên sạt lở ngày 26/1/2022.'),
       (4, 'Xe biển số 49X-6666 vượt đèn đỏ; ca mắc Covid-19 mới.'),
       (5, 'HÒA BÌNH LÀ THỦ ĐÔ? Không, thủ đô là Hà Nội.'),
       (6, 'Thể thao: thế giới the thé.'),
       (7, 'Liên lạc: a.b@vnexpress.net, https://dantri.com.vn/suc-khoe.htm; lãi suất tăng 1,5%; 2.500 khách. Kỹ sư Mỹ hi sinh; Quỳnh quyết định.');
     UPDATE news SET tsv = to_tsvector('vietnamese', body);
     CREATE INDEX news_tsv ON news USING gin(tsv);" >/dev/null
ids() { sql "SET enable_seqscan = off; SELECT string_agg(id::text, ',' ORDER BY id) FROM news WHERE tsv @@ $1" | tail -1; }
q() { name=$1 want=$2; got=$(ids "$3"); if [ "$got" = "$want" ]; then ok "$name"; else ko "$name: $3 gave '$got', want '$want'"; fi; }
q "unaccented query matches every tone" "1,2,5" "to_tsquery('vietnamese', 'hoa')"
q "accented query keeps its tone" "1,5" "to_tsquery('vietnamese', 'hòa')"
q "tone style does not matter" "1,5" "to_tsquery('vietnamese', 'hoà')"
q "đ folds to d" "3" "plainto_tsquery('vietnamese', 'duong')"
q "mixed accents phrase" "5" "phraseto_tsquery('vietnamese', 'Hà noi')"
q "wrong tone in phrase" "" "phraseto_tsquery('vietnamese', 'hà nói')"
q "phrase = compound" "1" "phraseto_tsquery('vietnamese', 'kinh tế')"
q "phrase across compounds" "1" "phraseto_tsquery('vietnamese', 'tế trung ương')"
q "one syllable of a compound" "1" "to_tsquery('vietnamese', 'tế')"
q "websearch syntax" "1" "websearch_to_tsquery('vietnamese', '\"kinh te\" hoa -vàng')"
q "prefix" "3" "to_tsquery('vietnamese', 'lai <-> ch:*')"
q "code" "4" "plainto_tsquery('vietnamese', '49X-6666')"
q "a code as a query word" "4" "to_tsquery('vietnamese', 'covid-19')"
q "a part of a code" "4" "to_tsquery('vietnamese', 'covid')"
q "code phrase in a phrase" "4" "phraseto_tsquery('vietnamese', 'ca mắc Covid-19 mới')"
q "part of a date" "3" "plainto_tsquery('vietnamese', '26/1')"
q "compound typed as one word" "1" "plainto_tsquery('vietnamese', 'kinh_tế')"
q "date" "3" "plainto_tsquery('vietnamese', '26/1/2022')"
q "letters and digits apart" "4" "plainto_tsquery('vietnamese', 'covid19')"
q "a run of a URL" "7" "to_tsquery('vietnamese', 'dantri')"
q "a run of an e-mail address" "7" "plainto_tsquery('vietnamese', 'vnexpress')"
q "a domain as a query word" "7" "plainto_tsquery('vietnamese', 'dantri.com.vn')"
q "the number of a percentage" "7" "plainto_tsquery('vietnamese', '1,5')"
q "a percentage" "7" "plainto_tsquery('vietnamese', '1,5%')"
q "not a part of a percentage" "" "plainto_tsquery('vietnamese', '5%')"
q "a number without thousands separators" "7" "plainto_tsquery('vietnamese', '2500')"
q "a number with them" "7" "plainto_tsquery('vietnamese', '2.500')"
q "numbers stay whole" "" "plainto_tsquery('vietnamese', '500')"
q "i/y: one spelling" "7" "phraseto_tsquery('vietnamese', 'kĩ sư')"
q "i/y in a phrase" "7" "phraseto_tsquery('vietnamese', 'hy sinh')"
q "i/y, prefix" "7" "to_tsquery('vietnamese', 'mỹ:*')"
q "a y prefix as typed" "7" "to_tsquery('vietnamese', 'quy:*')"
q "an accented y prefix as typed" "7" "to_tsquery('vietnamese', 'quỳ:*')"
q "a prefix code" "4" "to_tsquery('vietnamese', 'covid19:*')"
q "a prefix with the modern tone place" "1,5" "to_tsquery('vietnamese', 'hoà:*')"
got=$(sql "SET enable_seqscan = off; EXPLAIN SELECT id FROM news WHERE tsv @@ to_tsquery('vietnamese', 'hoa')")
case $got in *news_tsv*) ok "GIN index is used";; *) ko "GIN index is not used: $got";; esac
check "ts_headline" "Đường <b>Lai Châu</b> – Điện Biên sạt lở ngày 26/1/2022." \
  "SELECT ts_headline('vietnamese', body, phraseto_tsquery('vietnamese', 'lai chau'), 'HighlightAll=true') FROM news WHERE id = 3"
# headline offsets: the text without the markers is the original, for every row and query
bad=$(sql "SELECT count(*) FROM news, (VALUES ('hoa'), ('duong'), ('kinh <-> te'), ('covid'), ('the')) AS v(q)
  WHERE replace(replace(ts_headline('vietnamese', body, to_tsquery('vietnamese', q), 'HighlightAll=true, StartSel=«, StopSel=»'), '«', ''), '»', '') <> body")
[ "$bad" = 0 ] && ok "ts_headline reproduces the original bytes" || ko "ts_headline changed the text in $bad rows"
case $(sql "CREATE TEXT SEARCH DICTIONARY d2 (TEMPLATE = vntext_template, accents = 'x')") in
  "ERROR:  vntext: bad option accents = 'x'"*) ok "bad dictionary option is an error";;
  *) ko "bad dictionary option is not an error";;
esac
# odd input: control characters, lone combining marks, a long document
check "odd input" "t" "SELECT length(to_tsvector('vietnamese', E'\\x01\\x02 \u0301\u0323 a\u0301\u0301 ---- đđđ ' || repeat('ừ', 3000))::text) > 0"
# fuzzed input: 300 random texts (ASCII, Latin, combining marks, Vietnamese
# letters; up to 400 characters) through to_tsvector, the query parsers and
# ts_headline; the server must answer every one (invalid UTF-8 never gets
# past PostgreSQL's own input checks)
fz=$(sql "SELECT setseed(0.5); SELECT count(*) FROM (SELECT to_tsvector('vietnamese', t) AS v,
  plainto_tsquery('vietnamese', left(t, 60)) AS q1, websearch_to_tsquery('vietnamese', left(t, 60)) AS q2,
  phraseto_tsquery('vietnamese_unaccent', left(t, 60)) AS q3,
  ts_headline('vietnamese', t, plainto_tsquery('vietnamese', left(t, 20))) AS h
  FROM (SELECT (SELECT string_agg(chr(CASE WHEN random() < 0.5 THEN 32 + (random() * 94)::int
                                        ELSE 192 + (random() * 7800)::int END), '')
                FROM generate_series(1, 1 + (g % 400))) AS t FROM generate_series(1, 300) g) x) y" | tail -1)
[ "$fz" = 300 ] && ok "fuzzed input: 300 random texts" || ko "fuzzed input: $fz"
big=$(sql "SELECT length(to_tsvector('vietnamese', repeat('Người dân Lai Châu đón Tết 2022, ', 30000))::text) > 0")
case $big in t|*"string is too long for tsvector"*) ok "1 MB document: indexed or the documented tsvector size error";; *) ko "1 MB document: $big";; esac

# The news query set, the same one test_sqlite.sh checks, beside simple + unaccent.
NEWS=${VNT_SHARED:-../shared}/data/news/unc_dantri_2020_2021.txt
if [ ! -f "$NEWS" ]; then
  echo "SKIP postgres: query set: ../shared/data/news is absent"
elif [ ! -x "$B/ext/search_eval" ]; then
  echo "SKIP postgres: query set: $B/ext/search_eval not built (SQLite headers missing)"
else
  "$B/ext/search_eval" pgload "$NEWS" > "$T/news.copy"
  n=$(wc -l < "$T/news.copy")
  sql "CREATE EXTENSION unaccent; DROP TABLE news;
       CREATE TABLE news(id int PRIMARY KEY, body text, tsv tsvector, tsu tsvector)" >/dev/null
  psql -X -q -c "\\copy news(id, body) FROM '$T/news.copy'" >/dev/null 2>"$T/copy.err" || ko "query set: COPY failed: $(cat "$T/copy.err")"
  # Index build speed, vntext beside simple + unaccent, in this run (one
  # backend, wall time of the UPDATE and of the GIN index; see docs/search.md).
  mb=$(sql "SELECT round(sum(octet_length(body)) / 1e6, 2) FROM news")
  ms() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -c '\timing on' -c "$1" 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1; }
  tv=$(ms "UPDATE news SET tsv = to_tsvector('vietnamese', body)")
  tu=$(ms "UPDATE news SET tsu = to_tsvector('simple', unaccent(body))")
  gv=$(ms "CREATE INDEX news_tsv ON news USING gin(tsv)")
  gu=$(ms "CREATE INDEX news_tsu ON news USING gin(tsu)")
  echo "  index build, $n documents, $mb MB (to_tsvector UPDATE; GIN index):"
  awk -v mb="$mb" -v tv="$tv" -v tu="$tu" -v gv="$gv" -v gu="$gu" 'BEGIN {
    printf "    vietnamese          %6.2f MB/s (%.0f ms; GIN %.0f ms)\n", mb / (tv / 1000), tv, gv
    printf "    simple + unaccent   %6.2f MB/s (%.0f ms; GIN %.0f ms)\n", mb / (tu / 1000), tu, gu }'
  "$B/ext/search_eval" pgsql tests/search/queries.tsv > "$T/q.sql"
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -f "$T/q.sql" > "$T/q.out" 2>&1
  "$B/ext/search_eval" pgscore tests/search/queries.tsv "$T/q.out" "$n"

  # Concurrent load on loopback TCP: 4 pgbench clients for ${VNT_PG_LOAD_SECS:-5} s,
  # 9 queries (random from the query set, through the GIN index) to 1 insert
  # of a whole article with its tsvector; zero errors wanted. The same
  # read load on simple + unaccent gives the baseline latency.
  awk -F'\t' '!/^#/ { n++; q = ""; c = split($2, w, " ");
      for (i = 1; i <= c; i++) { p = sub(/\*$/, "", w[i]); q = q (i > 1 ? " <-> " : "") "'"'"'" w[i] "'"'"'" (p ? ":*" : "") }
      print n "\t" q }' tests/search/queries.tsv > "$T/qs.tsv"
  nq=$(wc -l < "$T/qs.tsv")
  sql "CREATE TABLE qs(id int PRIMARY KEY, q text); CREATE TABLE load(id serial, body text, tsv tsvector)" >/dev/null
  psql -X -q -c "\\copy qs FROM '$T/qs.tsv'" >/dev/null
  printf '\\set i random(1, %s)\nSELECT count(*) FROM news WHERE tsv @@ to_tsquery('"'vietnamese'"', (SELECT q FROM qs WHERE id = :i));\n' "$nq" > "$T/read.sql"
  printf '\\set i random(1, %s)\nSELECT count(*) FROM news WHERE tsu @@ to_tsquery('"'simple'"', unaccent((SELECT q FROM qs WHERE id = :i)));\n' "$nq" > "$T/read_u.sql"
  printf '\\set d random(1, %s)\nINSERT INTO load(body, tsv) SELECT body, to_tsvector('"'vietnamese'"', body) FROM news WHERE id = :d;\n' "$n" > "$T/write.sql"
  secs=${VNT_PG_LOAD_SECS:-5}
  if ! command -v "$PGBIN/pgbench" >/dev/null 2>&1; then
    echo "SKIP postgres: concurrent load: $PGBIN/pgbench not installed"
  else
    bench() { "$PGBIN/pgbench" -n -h 127.0.0.1 -p "$PORT" -U postgres -c 4 -j 2 -T "$secs" "$@" postgres 2>&1; }
    out=$(bench -f "$T/read.sql@9" -f "$T/write.sql@1"); rc=$?
    lat=$(printf '%s\n' "$out" | sed -n 's/^latency average = \(.*\)$/\1/p')
    tx=$(printf '%s\n' "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
    failed=$(printf '%s\n' "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
    if [ $rc = 0 ] && [ "${failed:-0}" = 0 ] && [ "${tx:-0}" -gt 0 ] && ! printf '%s\n' "$out" | grep -q 'ERROR\|aborted'; then
      ok "concurrent load: 4 clients on 127.0.0.1 for ${secs} s, $tx transactions, 0 errors (latency average $lat)"
    else
      ko "concurrent load: rc $rc, failed ${failed:-?}: $(printf '%s\n' "$out" | grep -m3 'ERROR\|abort')"
    fi
    outu=$(bench -f "$T/read_u.sql"); outv=$(bench -f "$T/read.sql")
    echo "  query latency, 4 clients, GIN index: vietnamese $(printf '%s\n' "$outv" | sed -n 's/^latency average = //p'), simple + unaccent $(printf '%s\n' "$outu" | sed -n 's/^latency average = //p')"
  fi
fi
