#!/usr/bin/env bash
# depmod_bench.sh - simkernel's depmod against Debian's kmod depmod on the
# same generated tree of real modules, in the same run; and modprobe of a
# module at the end of a 10-deep dependency chain (issue 4).
#
#   bench/depmod_bench.sh [--build-dir DIR] [--modules N] [--seed S] [--reps R]
#
# The tree: N modules (default 2000) generated as small C files and
# compiled with the SDK's flags (scripts/sdk-flags.mk of the build), each
# exporting a function: N/20 library modules, and random dependency chains
# of 1 to 12 modules, each needing the one below it and, three times in
# ten, a library; plus chain_0 .. chain_9, each needing the one before. A
# modules.order lists them all.
# The tree is kept in DIR/bench/depmod-tree-N-S and only built once.
#
# Timings are CPU time (user + system) of the whole process, the median of
# R runs; simkernel's include booting its kernel, which is measured alone
# too. Then every file the two depmods wrote is compared byte for byte.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build n=2000 seed=1 reps=5
while [ $# -gt 0 ]; do
	case $1 in
	--build-dir) build=$(cd "$2" && pwd); shift 2 ;;
	--modules) n=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	--reps) reps=$2; shift 2 ;;
	*) echo "usage: $0 [--build-dir DIR] [--modules N] [--seed S] [--reps R]" >&2; exit 2 ;;
	esac
done
simkernel=$build/bin/simkernel
flags=$build/sdk/scripts/sdk-flags.mk
[ -x "$simkernel" ] && [ -f "$flags" ] || { echo "build simkernel in $build first" >&2; exit 1; }
kdepmod=$(command -v depmod || ls /usr/sbin/depmod /sbin/depmod 2>/dev/null | head -1)
kmodprobe=$(command -v modprobe || ls /usr/sbin/modprobe /sbin/modprobe 2>/dev/null | head -1)
[ -n "$kdepmod" ] || { echo "kmod's depmod is not installed (apt-get install kmod)" >&2; exit 1; }
release=$("$simkernel" --version | awk '{print $2}')

# ---- the tree -------------------------------------------------------------------
tree=$build/bench/depmod-tree-$n-$seed
dir=$tree/lib/modules/$release
if [ ! -f "$tree/.complete" ]; then
	rm -rf "$tree"
	src=$tree/src
	mkdir -p "$src" "$dir/kernel/bench"
	echo "generating $n modules (seed $seed) in $src ..."
	awk -v n="$n" -v seed="$seed" -v src="$src" '
	function module(name, sym, deps, ndeps,    f, i, body) {
		f = src "/" name ".c"
		print "#include <linux/module.h>" > f
		print "MODULE_LICENSE(\"GPL\");" > f
		print "MODULE_ALIAS(\"bench:" name "\");" > f
		for (i = 1; i <= ndeps; i++) print "extern int " deps[i] "(void);" > f
		print "int " sym "(void) { return 1; }" > f
		print "EXPORT_SYMBOL(" sym ");" > f
		body = "0"
		for (i = 1; i <= ndeps; i++) body = body " + " deps[i] "()"
		print "int init_module(void) { return " body " >= 0 ? 0 : -1; }" > f
		print "void cleanup_module(void) { }" > f
		close(f)
		print name > (src "/list")
	}
	BEGIN {
		srand(seed)
		# As in a kernel tree: a few library modules many others use, and
		# stacks (driver -> subsystem -> core) of 1 to 12 modules, each
		# needing the one below it and now and then a library.
		nlib = int(n / 20)
		for (m = 0; m < n; m++) {
			name = sprintf("bm%04d", m)
			delete deps; k = 0
			if (m < nlib) {
				# a library: needs nothing
			} else if (m == nlib || left == 0) {
				left = 1 + int(rand() * 12)  # a new stack starts here
			} else {
				deps[++k] = sprintf("bm%04d_fn", m - 1)
			}
			if (m >= nlib) left--
			if (m >= nlib && rand() < 0.3) deps[++k] = sprintf("bm%04d_fn", int(rand() * nlib))
			module(name, name "_fn", deps, k)
		}
		for (c = 0; c < 10; c++) {
			delete deps; k = 0
			if (c > 0) deps[++k] = "chain_" (c - 1) "_fn"
			module("chain_" c, "chain_" c "_fn", deps, k)
		}
	}'
	# Each module is one C file plus what modpost would generate (name,
	# vermagic, __this_module), compiled and linked in one go.
	{
		echo "include $flags"
		echo "INC := -isystem $here/sdk/include -isystem $build/generated/include -isystem $build/sdk/include"
		echo 'MODS := $(shell cat list)'
		echo 'all: $(MODS:%=%.ko)'
		echo '%.ko: %.c'
		printf '\t@printf %s > $*.mod.c\n' "'#include <linux/module.h>\\n#include <linux/vermagic.h>\\nMODULE_INFO(vermagic, VERMAGIC_STRING);\\nMODULE_INFO(name, KBUILD_MODNAME);\\n__visible struct module __this_module __section(\".gnu.linkonce.this_module\") = { .name = KBUILD_MODNAME };\\n'"
		printf '\t@$(SK_CC) $(SK_DEFINES) $(SK_C_STD) $(SK_C_FLAGS) -g0 $(INC) -DKBUILD_MODNAME=%s $(SK_LD_FLAGS) -shared -o $@ $< $*.mod.c\n' "'\"\$*\"'"
	} > "$src/Makefile"
	echo "compiling them (make -j$(nproc)) ..."
	make -s -C "$src" -j"$(nproc)"
	cp "$src"/*.ko "$dir/kernel/bench/"
	sed 's#.*#kernel/bench/&.ko#' "$src/list" > "$dir/modules.order"
	: > "$dir/modules.builtin"
	: > "$dir/modules.builtin.modinfo"
	touch "$tree/.complete"
fi
count=$(ls "$dir/kernel/bench" | wc -l)

# ---- timing ----------------------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$tree" "$work/kmod"
cp -a "$tree" "$work/sim"
rm -rf "$work/kmod/src" "$work/sim/src"
conf=$work/empty.conf
: > "$conf"

# cpu CMD...: CPU seconds (user + system) of one run of CMD.
cpu() {
	local t
	t=$( { TIMEFORMAT='%U %S'; time "$@" >/dev/null 2>"$work/last.err"; } 2>&1 )
	echo "$t" | awk '{ printf "%.4f\n", $1 + $2 }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tree: $count modules, $(du -sh "$dir" | cut -f1); $reps runs each; CPU seconds, median"
: > "$work/k"; : > "$work/s"; : > "$work/b"
for ((r = 0; r < reps; r++)); do
	cpu "$kdepmod" -C "$conf" -b "$work/kmod" "$release" >> "$work/k"
	cpu "$simkernel" --root "$work/root" -c "depmod -C $conf -b $work/sim $release" >> "$work/s"
	cpu "$simkernel" --root "$work/root" -c "" >> "$work/b"
done
k=$(median < "$work/k") s=$(median < "$work/s") b=$(median < "$work/b")
printf 'depmod  kmod %s: %.3f s   simkernel: %.3f s (of which booting the kernel and shell: %.3f s)   ratio %.2f\n' \
	"$("$kdepmod" --version | head -1 | awk '{print $3}')" "$k" "$s" "$b" "$(echo "$s $k" | awk '{print $1 / $2}')"
same=yes
for f in "$work/kmod/lib/modules/$release"/modules.*; do
	cmp -s "$f" "$work/sim/lib/modules/$release/$(basename "$f")" || { same=no; echo "differs: $(basename "$f")"; }
done
echo "same output: $same ($(ls "$work/kmod/lib/modules/$release"/modules.* | wc -l) files compared)"

# ---- modprobe at the end of a 10-deep chain ---------------------------------------
# One shell session runs the command K times; the same session with 0
# commands is subtracted, so the figure is the command alone.
k_iter=20
session() {  # session K COMMAND: CPU seconds of a shell running COMMAND K times
	local script=$work/script.$1
	: > "$script"
	for ((i = 0; i < $1; i++)); do echo "$2" >> "$script"; done
	cpu "$simkernel" --root "$work/root" "$script"
}
per_cmd() {  # per_cmd COMMAND: median milliseconds of one COMMAND
	: > "$work/m"
	for ((r = 0; r < reps; r++)); do
		echo "$(session $k_iter "$1") $(session 0 "$1")" | awk -v k=$k_iter '{ printf "%.4f\n", ($1 - $2) / k * 1000 }' >> "$work/m"
	done
	median < "$work/m"
}
mp="modprobe -d $work/sim -S $release"
# The figure means something only if the chain really loads and unloads
# (the timed sessions discard their output): check it once.
loaded=$("$simkernel" --root "$work/root" -c "sudo $mp chain_9; lsmod; sudo $mp -r chain_9; lsmod" 2>&1 |
	awk '/^Module / { n++ } n == 1 && /^chain_/ { a++ } n == 2 && /^chain_/ { b++ } END { print a + 0, b + 0 }')
[ "$loaded" = "10 0" ] ||
	echo "WARNING: modprobe chain_9 left $loaded modules loaded (after loading, after removing), not 10 0: the figure below is not what it says"
load=$(per_cmd "sudo $mp chain_9; sudo $mp -r chain_9")
show=$(per_cmd "$mp --show-depends chain_9")
: > "$work/km"
for ((r = 0; r < reps; r++)); do cpu "$kmodprobe" -C "$conf" -d "$work/kmod" -S "$release" --show-depends chain_9 >> "$work/km"; done
km=$(echo "$(median < "$work/km")" | awk '{ printf "%.2f", $1 * 1000 }')
printf 'modprobe chain_9 (loads 10 modules) + modprobe -r chain_9 (removes them): %.2f ms\n' "$load"
printf 'modprobe --show-depends chain_9: simkernel %.2f ms; kmod %s ms (a whole process)\n' "$show" "$km"
