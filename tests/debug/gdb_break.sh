#!/usr/bin/env bash
# gdb_break.sh SIMKERNEL MODDIR - a debugger on a student's driver: a
# breakpoint set in faulty_read before faulty.ko is loaded is hit when a
# task reads /dev/faulty, with the function's source line (issue 10, part 7;
# docs/debugging.md). Exit 77 (skipped) without gdb.
set -euo pipefail
simkernel=$1 moddir=$2
command -v gdb >/dev/null || { echo "gdb is not installed: skipped"; exit 77; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
out=$(cd "$moddir" && timeout 240 gdb -batch -nx \
    -ex 'set breakpoint pending on' -ex 'set debuginfod enabled off' \
    -ex 'break faulty_read' -ex run -ex 'bt 2' -ex kill \
    --args "$simkernel" --root "$root" -c 'sudo insmod faulty.ko; cat /dev/faulty' 2>&1) || true
if ! grep -q 'Breakpoint 1, faulty_read' <<<"$out" || ! grep -q 'faulty\.c:[0-9]' <<<"$out"; then
    printf '%s\n' "$out" | tail -30
    echo "FAIL: gdb did not stop in faulty_read (faulty.c) inside simkernel"
    exit 1
fi
grep -m1 'Breakpoint 1, faulty_read' <<<"$out"
echo "gdb ok: stopped in the module's faulty_read"
