#!/usr/bin/env bash
# example_test.sh - the example project of docs/testing.md, built against
# the installed kit (CI): cmake --install the build tree into a scratch
# prefix, write the files the page shows (each code block after a
# "<!-- file: NAME -->" line), configure, build and run its tests. Also
# checks what the install holds beyond the SDK (programs, labs without
# solutions, docs, man pages), and that the installed simkernel finds its
# SDK and labs beside itself.
#
#   example_test.sh BUILD_DIR DOCS_TESTING_MD
set -euo pipefail
build=$1 page=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAILED: $*"; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install"; }
for f in bin/simkernel bin/simkernel-switch lib/libsimkernel.so lib/libsimkernel-switch.so \
         lib/simkernel/sdk/Makefile lib/simkernel/modules/hello.ko lib/simkernel/modules/shipped.list \
         include/simkernel/testing.hpp include/simkernel/kernel.hpp lib/cmake/SimKernel/SimKernelTargets.cmake \
         share/simkernel/labs/README.md share/simkernel/labs/03-chardev/skeleton/board.c \
         share/doc/simkernel/testing.md share/man/man1/simkernel.1.gz; do
    [ -e "$prefix/$f" ] || fail "the install lacks $f"
done
# Every program installed has its section-1 page (tests/man checks what the pages say).
for prog in "$prefix"/bin/*; do
    [ -e "$prefix/share/man/man1/$(basename "$prog").1.gz" ] || fail "the install has $(basename "$prog") but no man page for it"
done
[ -z "$(find "$prefix/share/simkernel/labs" -name solution)" ] || fail "the install holds lab solutions"
# The installed program finds its own SDK and labs (not the build tree's).
"$prefix/bin/simkernel" lab list | grep -q "in $prefix/share/simkernel/labs" || fail "installed lab list does not use the installed labs"
out=$("$prefix/bin/simkernel" --root "$work/root" -c 'ls /lib/modules/6.8.0-simkernel/build/Makefile; sudo insmod /lib/modules/6.8.0-simkernel/kernel/drivers/char/scull.ko; lsmod' 2>&1) ||
    { echo "$out"; fail "the installed simkernel"; }
grep -q "^scull " <<<"$out" || { echo "$out"; fail "the installed simkernel did not load its shipped scull.ko"; }
[ "$(readlink -f "$work/root/lib/modules/6.8.0-simkernel/build")" = "$(readlink -f "$prefix/lib/simkernel/sdk")" ] ||
    fail "the installed simkernel's root leads to $(readlink -f "$work/root/lib/modules/6.8.0-simkernel/build"), not its own SDK"

# The example project, as docs/testing.md shows it.
proj=$work/knock
mkdir -p "$proj"
awk -v dir="$proj" '
    /^<!-- file: .* -->$/ { name = $3; next }
    name != "" && /^```/ { if (!inside) { inside = 1; next } inside = 0; name = ""; next }
    inside { print > (dir "/" name) }
' "$page"
for f in CMakeLists.txt knock.c knock_test.cpp; do [ -s "$proj/$f" ] || fail "docs/testing.md gave no $f"; done
t0=$EPOCHREALTIME
cmake -S "$proj" -B "$proj/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >"$work/cfg.log" 2>&1 || { cat "$work/cfg.log"; fail "configure"; }
ninja -C "$proj/build" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
ctest --test-dir "$proj/build" --output-on-failure >"$work/ctest.log" 2>&1 || { cat "$work/ctest.log"; fail "the example's tests"; }
t1=$EPOCHREALTIME
grep -q "100% tests passed" "$work/ctest.log" || { cat "$work/ctest.log"; fail "not every test passed"; }
echo "example project: configured, built and tested in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
