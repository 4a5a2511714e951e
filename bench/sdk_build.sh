#!/usr/bin/env bash
# sdk_build.sh [BUILD_DIR] [RUNS] - wall time of building the course's
# hello.ko from a clean directory with simkernel's SDK
# (make -C BUILD_DIR/sdk M=... modules) and, in the same run, with Linux's
# own kbuild against Debian's linux-headers-amd64 when it is installed.
# Target (issue 3): the SDK takes at most 1/4 of real kbuild's time.
#
# Prints each run, then the median of each and the ratio, as the lines that
# go into docs/performance.md ("SDK build time").
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
runs=${2:-7}
sdk=$build/sdk
[ -f "$sdk/Makefile" ] || { echo "no SDK at $sdk: build simkernel first" >&2; exit 1; }

kdir=
for k in /lib/modules/*/build /usr/src/linux-headers-*-amd64; do
	[ -f "$k/Makefile" ] && [ -f "$k/Module.symvers" ] && { kdir=$k; break; }
done

tmp=$(mktemp -d /tmp/sdk-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# time_build KDIR: "wall cpu" seconds of one clean
# `make -C KDIR M=<fresh copy> modules` (cpu: user + system of make and
# everything it ran, which a busy machine inflates less than wall time).
time_build() {
	local d=$tmp/hello.$RANDOM
	mkdir -p "$d"
	cp "$here/modules/hello/hello.c" "$d/"
	echo 'obj-m += hello.o' >"$d/Makefile"
	local t
	t=$( { TIMEFORMAT='%R %U %S'; time make -C "$1" M="$d" modules >/dev/null 2>&1; } 2>&1 ) ||
		{ echo "build failed with $1" >&2; exit 1; }
	[ -f "$d/hello.ko" ] || { echo "no hello.ko from $1" >&2; exit 1; }
	rm -rf "$d"
	echo "$t" | awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

sdk_wall=() sdk_cpu=() kb_wall=() kb_cpu=()
time_build "$sdk" >/dev/null  # warm the page cache once for each
[ -n "$kdir" ] && time_build "$kdir" >/dev/null
for ((i = 1; i <= runs; i++)); do
	read -r w c < <(time_build "$sdk")
	sdk_wall+=("$w") sdk_cpu+=("$c")
	if [ -n "$kdir" ]; then
		read -r w c < <(time_build "$kdir")
		kb_wall+=("$w") kb_cpu+=("$c")
	fi
done

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(make --version | head -1); $(cc --version | head -1)"
echo "runs: $runs, a clean build of hello.ko each, alternating SDK and kbuild"
echo "SDK    ($sdk) wall: ${sdk_wall[*]}"
sw=$(printf '%s\n' "${sdk_wall[@]}" | median)
sc=$(printf '%s\n' "${sdk_cpu[@]}" | median)
printf 'sdk_build/hello_sdk        median wall %.3f s, cpu %.3f s\n' "$sw" "$sc"
if [ -n "$kdir" ]; then
	echo "kbuild ($kdir) wall: ${kb_wall[*]}"
	kw=$(printf '%s\n' "${kb_wall[@]}" | median)
	kc=$(printf '%s\n' "${kb_cpu[@]}" | median)
	printf 'sdk_build/hello_kbuild     median wall %.3f s, cpu %.3f s\n' "$kw" "$kc"
	awk -v sw="$sw" -v kw="$kw" -v sc="$sc" -v kc="$kc" 'BEGIN {
		printf "sdk_build/ratio            wall %.3f, cpu %.3f (target: wall <= 0.25): %s\n",
			sw / kw, sc / kc, sw / kw <= 0.25 ? "PASS" : "MISS"
	}'
else
	echo "sdk_build/hello_kbuild     SKIPPED: linux-headers-amd64 is not installed"
fi
