#!/bin/sh
# Install the Debian packages the tests need (SQLite FTS5, pkg-config for the
# install test, python3 for generator checks and JSON parsing,
# PostgreSQL 15 server + PGXS headers). Quiet and idempotent: does nothing when
# everything is present. Without root or apt it installs nothing and says why;
# the tests that need a missing package then SKIP with that reason.
#
# Usage: tools/install-deps.sh [-n|--dry-run]
#   -n  print what would be done, change nothing
# Environment (for tests of this script): VNT_DEPS_UID overrides the user id,
#   VNT_DEPS_APT overrides the apt-get command, VNT_DEPS_DPKG_QUERY the dpkg-query one.
set -u
PKGS="sqlite3 libsqlite3-dev postgresql-15 postgresql-server-dev-15 pkg-config python3"
dry=0
case "${1:-}" in
  -n|--dry-run) dry=1 ;;
  "") ;;
  -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
  *) echo "install-deps: unknown option $1" >&2; exit 2 ;;
esac
APT=${VNT_DEPS_APT:-apt-get}
DPKGQ=${VNT_DEPS_DPKG_QUERY:-dpkg-query}
uid=${VNT_DEPS_UID:-$(id -u)}

if ! command -v "$DPKGQ" >/dev/null 2>&1; then
  echo "install-deps: skipped: not a Debian system (no $DPKGQ); SQLite/PostgreSQL tests may SKIP"
  exit 0
fi
missing=""
for p in $PKGS; do
  st=$("$DPKGQ" -W -f='${Status}' "$p" 2>/dev/null)
  case "$st" in *" installed") ;; *) missing="$missing $p" ;; esac
done
missing=${missing# }
if [ -z "$missing" ]; then
  echo "install-deps: all present ($PKGS)"
  exit 0
fi
if [ "$uid" != 0 ]; then
  echo "install-deps: skipped: not root; missing: $missing (tests needing them will SKIP)"
  exit 1
fi
if ! command -v "$APT" >/dev/null 2>&1; then
  echo "install-deps: skipped: $APT not found; missing: $missing (tests needing them will SKIP)"
  exit 1
fi
if [ $dry = 1 ]; then
  echo "install-deps: would run: $APT install -y -q --no-install-recommends $missing"
  exit 0
fi
log=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing $missing"
# First try with the package lists as they are; update them only if that fails
# (a fresh machine often has none).
if ! "$APT" install -y -q --no-install-recommends $missing >"$log" 2>&1; then
  if ! { "$APT" update -q >>"$log" 2>&1 &&
         "$APT" install -y -q --no-install-recommends $missing >>"$log" 2>&1; }; then
    echo "install-deps: apt-get failed (tests needing $missing will SKIP); last lines:"
    tail -5 "$log" | sed 's/^/  /'
    rm -f "$log"
    exit 1
  fi
fi
rm -f "$log"
echo "install-deps: installed $missing"
exit 0
