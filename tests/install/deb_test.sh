#!/usr/bin/env bash
# deb_test.sh - the Debian package a course puts on its lab machines (CPack,
# cmake/Install.cmake): built from this tree, it holds every program with
# its man page (gzipped, rendering without a warning), the SDK, the shipped
# modules, the labs without solutions, the test kit and the docs; and,
# unpacked anywhere, its simkernel runs, finds its own SDK and labs, and
# loads a shipped module.
#
#   deb_test.sh BUILD_DIR
set -euo pipefail
build=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/out/simkernel_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { cat "$work/cpack.log"; fail "cpack made no .deb"; }
[ "$(dpkg-deb -f "$deb" Package)" = simkernel ] || fail "$deb is not the simkernel package"
dpkg-deb -x "$deb" "$work/root"
usr=$work/root/usr
for f in bin/simkernel bin/simkernel-switch lib/libsimkernel.so lib/simkernel/sdk/Makefile \
         lib/simkernel/modules/shipped.list include/simkernel/testing.hpp lib/cmake/SimKernel/SimKernelTargets.cmake \
         share/simkernel/labs/README.md share/doc/simkernel/teaching.md; do
    [ -e "$usr/$f" ] || fail "the package lacks /usr/$f"
done
[ -z "$(find "$usr/share/simkernel/labs" -name solution)" ] || fail "the package holds lab solutions"
for prog in "$usr"/bin/*; do
    page=$usr/share/man/man1/$(basename "$prog").1.gz
    [ -f "$page" ] || fail "the package has $(basename "$prog") but no $(basename "$page")"
    err=$(MANWIDTH=80 man --warnings=w -E ascii -l "$page" 2>&1 >/dev/null) || fail "man -l $(basename "$page") failed"
    [ -z "$err" ] || fail "$(basename "$page") renders with warnings: $err"
done
# Unpacked, not installed: it still finds everything beside itself.
"$usr/bin/simkernel" --version | grep -q "^simkernel 6.8.0-simkernel$" || fail "the packaged simkernel does not run"
"$usr/bin/simkernel" lab list | grep -q "in $usr/share/simkernel/labs" || fail "the packaged lab list does not use the packaged labs"
out=$("$usr/bin/simkernel" --root "$work/sim" -c 'sudo insmod /lib/modules/6.8.0-simkernel/kernel/drivers/char/scull.ko; lsmod' 2>&1) ||
    { echo "$out"; fail "the packaged simkernel"; }
grep -q "^scull " <<<"$out" || { echo "$out"; fail "the packaged simkernel did not load its shipped scull.ko"; }
echo "deb: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB): programs, man pages, SDK, modules, labs, kit, docs; runs unpacked"
