#!/bin/sh
# PostgreSQL benchmark (issue 5, docs/search.md): index build MB/s of
# to_tsvector('vietnamese') beside to_tsvector('simple', unaccent()) and GIN
# build, query latency under 4 concurrent clients for both, and a mixed
# read/write load with zero errors, all in one run against a private server.
# It is tests/cli/test_postgres.sh with a longer load (default 10 s); SKIPs
# like it when PostgreSQL, the extension or ../shared is absent.
#   sh bench/search_postgres.sh [SECONDS]
cd "$(dirname "$0")/.." || exit 2
VNT_PG_LOAD_SECS=${1:-10} sh tests/cli/test_postgres.sh | grep -E -v '^PASS (postgres: [^c]|postgres: co[^n]|query)'
