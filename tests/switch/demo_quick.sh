#!/usr/bin/env bash
# demo_quick.sh - the classroom demo in CI: runs
#   simkernel-demo switch-vs-lkm --step --quick (Enter at each pause)
# and checks each row of its table, then that the checkout was not touched.
#
#   demo_quick.sh SIMKERNEL-DEMO SOURCE_DIR
set -euo pipefail
demo=$1 src=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
switch_src=$src/sim_kernel/switch/dev_switch.c
before=$(md5sum <"$switch_src")

# --step: it pauses at the walkthrough's four questions, going on at each Enter.
if ! out=$(printf '\n\n\n\n' | "$demo" switch-vs-lkm --step --quick --work "$work/demo" 2>&1); then
    printf '%s\n' "$out"
    echo "simkernel-demo failed"
    exit 1
fi
table=$(sed -n '/^== switch-vs-lkm:/,$p' <<<"$out")
fail() { printf '%s\n' "$out"; echo "FAILED: $*"; exit 1; }
[ "$(grep -c '^-- Pause. Ask: ' <<<"$out")" = 4 ] || fail "--step did not pause 4 times"
row() { grep -qE "^  $1\$" <<<"$table" || fail "no table row matching: $1"; }

n='[0-9]+'
s='[0-9]+\.[0-9]+'
row "core kernel code changed +$n lines in 6 dev_func_\* +0 lines"
row "new device code +drivers/char/dice\.c, $n lines +dice\.c, $n lines \(the same file\)"
row "build +rebuild kernel: $s s +build dice\.ko: $s s"
row "kernel restarted +yes: pid $n -> $n +no: pid $n throughout"
row "file opened before \(fd 3\) +gone: read\(3\) = EBADF +still open: read\(3\) = 4 bytes"
row "kernel log from before +gone +kept"
row "/dev/dice afterwards +works: 6 of 6 calls, rolled [1-6] +works: 6 of 6 calls, rolled [1-6]"
row "dispatch, one read +switch: $s ns +table: $s ns"
# Lines changed: the includes, the kind, the number and one case per dev_func_*.
lines=$(sed -n -E 's/^  core kernel code changed +([0-9]+) lines.*/\1/p' <<<"$table")
[ "$lines" -ge 8 ] || fail "only $lines lines changed in the switch kernel"

# The demo worked on a copy, and cleaned up after itself.
[ "$(md5sum <"$switch_src")" = "$before" ] || fail "the checkout's dev_switch.c changed"
grep -q DEV_DICE "$switch_src" && fail "the checkout's dev_switch.c has DEV_DICE"
[ ! -e "$src/drivers/char/dice.c" ] || fail "the demo wrote drivers/char/dice.c into the checkout"
[ ! -e "$src/labs/12-switch-vs-lkm/solution/dice.ko" ] || fail "the demo built dice.ko in the checkout"
[ ! -e "$work/demo" ] || fail "the demo left its work directory behind"
echo "demo table ok"
