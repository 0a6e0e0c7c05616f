#!/bin/sh
# Run test programs and shell tests; count PASS/FAIL/SKIP lines.
# Usage: tests/run.sh LABEL PROGRAM...   Appends "passed failed skipped" to $VNT_TALLY.
label=$1; shift
pass=0; fail=0; skip=0
for t in "$@"; do
    out=$( "$t" 2>&1 ); rc=$?
    p=$(printf '%s\n' "$out" | grep -c '^PASS ')
    f=$(printf '%s\n' "$out" | grep -c '^FAIL ')
    s=$(printf '%s\n' "$out" | grep -c '^SKIP ')
    if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1; printf '%s\n' "$out" | tail -20
        echo "FAIL $t: exited with status $rc"
    elif [ "$f" -ne 0 ]; then
        printf '%s\n' "$out" | grep -v '^PASS '
    else
        printf '%s\n' "$out" | grep '^SKIP '
    fi
    pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
done
echo "[$label] $pass passed, $fail failed, $skip skipped"
[ -n "$VNT_TALLY" ] && echo "$pass $fail $skip" >> "$VNT_TALLY"
[ $fail -eq 0 ]
