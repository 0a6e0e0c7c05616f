#!/bin/sh
# make install into a temporary prefix; a program compiled against the
# installed header, library and pkg-config file works.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
B=$(dirname "${VNTEXT:-build/vntext}")
if ! make -s BUILD="$B" install PREFIX="$T/usr" >"$T/log" 2>&1; then
  cat "$T/log"; echo "FAIL install: make install failed"; exit 0
fi
for f in include/vntext.h lib/libvntext.a lib/libvntext.so lib/pkgconfig/vntext.pc bin/vntext \
         share/vntext/vntext.model share/vntext/news-idf.tsv; do
  if [ -e "$T/usr/$f" ]; then echo "PASS install: $f"; else echo "FAIL install: $f missing"; fi
done
# the installed CLI finds its model under share/vntext (no environment)
if echo 'Ban Kinh tế Trung ương' | env -u VNTEXT_MODEL "$T/usr/bin/vntext" segment | grep -qx 'Ban Kinh_tế Trung_ương'; then
  echo "PASS install: installed vntext segment finds share/vntext/vntext.model"
else
  echo "FAIL install: installed vntext segment"
fi
cat > "$T/ex.c" <<'C'
#include <vntext.h>
#include <stdio.h>
int main(void) {
    vnt_text t = {0};
    if (vnt_normalize("n\xe1\xbb\xa9\xc6\xa1" "c", 7, NULL, &t) != VNT_OK) return 1;
    printf("%s %s\n", t.data, vnt_version());
    vnt_text_free(&t);
    return 0;
}
C
if ! command -v pkg-config >/dev/null 2>&1; then
  echo "SKIP install: pkg-config not installed, compile check skipped"; exit 0
fi
PKG_CONFIG_PATH="$T/usr/lib/pkgconfig" 
export PKG_CONFIG_PATH
san=""; case "$B" in *asan*) san="-fsanitize=address,undefined";; esac
if cc $san "$T/ex.c" $(pkg-config --cflags vntext) $(pkg-config --libs vntext) -o "$T/ex" 2>"$T/cc" &&
   LD_LIBRARY_PATH="$T/usr/lib" "$T/ex" | grep -q '^nước '; then
  echo "PASS install: program built with pkg-config runs (shared library)"
else
  cat "$T/cc"; echo "FAIL install: program built with pkg-config"
fi
if cc $san "$T/ex.c" -I"$T/usr/include" "$T/usr/lib/libvntext.a" -lm -lpthread -o "$T/ex2" && "$T/ex2" | grep -q '^nước '; then
  echo "PASS install: program linked statically runs"
else
  echo "FAIL install: static link"
fi
exit 0
