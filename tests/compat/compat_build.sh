#!/usr/bin/env bash
# compat_build.sh SRC OUT SDK - builds the compatibility corpus (issue 14).
#
# Every module SRC's Kbuild names is built UNCHANGED, in one invocation each:
#   1. with Linux's own kbuild against Debian's linux-headers (when present),
#   2. with the simkernel SDK (make -C SDK M=OUT), into OUT, where the
#      transcripts (SRC/*.t) then load them.
# A module kbuild builds and the SDK does not is a failure of the SDK; a
# module kbuild refuses is a failure of the corpus (it must be real Linux code).
set -uo pipefail
src=$(realpath "${1:?usage: compat_build.sh SRC OUT SDK}") out=$(realpath -m "${2:?}") sdk=$(realpath "${3:?}")

mods=$(sed -n -E 's/^obj-m \+= ([a-z0-9_]+)\.o$/\1/p' "$src/Kbuild")
failed=0

kdir=
for k in /lib/modules/*/build /usr/src/linux-headers-*-amd64; do
	[ -f "$k/Makefile" ] && [ -f "$k/Module.symvers" ] && { kdir=$k; break; }
done
kbuilt=
if [ -n "$kdir" ]; then
	kb=$(mktemp -d /tmp/compat-kbuild-XXXXXX)
	trap 'rm -rf "$kb"' EXIT
	cp "$src"/Kbuild "$src"/*.c "$kb"/
	make -k -j2 -C "$kdir" M="$kb" modules >"$kb/log" 2>&1
	for m in $mods; do
		if [ -f "$kb/$m.ko" ]; then
			kbuilt="$kbuilt $m"
		else
			echo "FAIL: $m.c does not build with Linux's kbuild ($kdir): the corpus must be real Linux code"
			grep -E "$m\.c:[0-9]+:[0-9]+: (error|warning)" "$kb/log" | sed 's/^/    /'
			failed=1
		fi
	done
	echo "kbuild ($kdir): built$kbuilt"
else
	echo "note: no Linux headers installed: only the SDK build is checked"
fi

rm -rf "$out"
mkdir -p "$out"
cp "$src"/Kbuild "$src"/*.c "$out"/
make -k -j2 -C "$sdk" M="$out" modules >"$out/build.log" 2>&1
for m in $mods; do
	if [ ! -f "$out/$m.ko" ]; then
		echo "FAIL: $m.c builds with Linux's kbuild but not with the SDK:"
		grep -E "$m\.c:[0-9]+:[0-9]+: (error|warning)|$m|\*\*\*" "$out/build.log" | head -20 | sed 's/^/    /'
		failed=1
	elif grep -qE "^[^ ]*$m\.c:[0-9]+:[0-9]+: warning" "$out/build.log"; then
		echo "FAIL: $m.c builds with warnings with the SDK (kbuild gives none):"
		grep -E "$m\.c:[0-9]+:[0-9]+: warning" "$out/build.log" | sed 's/^/    /'
		failed=1
	fi
done
echo "SDK: $(ls "$out"/*.ko 2>/dev/null | wc -l) of $(wc -w <<<"$mods") modules built"

# What cannot exist in simkernel fails the build with a one-line reason.
refused() {  # refused WHAT CODE REASON: CODE must not compile, saying REASON
	local dir
	dir=$(mktemp -d /tmp/compat-refused-XXXXXX)
	printf '#include <linux/module.h>\n#include <linux/io.h>\n%s\nMODULE_LICENSE("GPL");\n' "$2" >"$dir/refused.c"
	echo 'obj-m += refused.o' >"$dir/Kbuild"
	if make -C "$sdk" M="$dir" modules >"$dir/log" 2>&1; then
		echo "FAIL: $1 built with the SDK; it must be refused"
		failed=1
	elif ! grep -qF "$3" "$dir/log"; then
		echo "FAIL: $1 refused without saying why ('$3'):"
		sed 's/^/    /' "$dir/log" | head -10
		failed=1
	else
		echo "refused as it should be: $1"
	fi
	rm -rf "$dir"
}
refused "ioremap" 'static int __init r_init(void) { void __iomem *p = ioremap(0xfe000000, 4096); writel(1, p); return 0; } module_init(r_init);' \
	"simkernel has no device memory"
refused "<linux/dma-mapping.h>" '#include <linux/dma-mapping.h>' "simkernel has no DMA"
# issue 14 (helper): mmap of a device (no page tables, no physical addresses)
refused "remap_pfn_range" '#include <linux/mm.h>
static int r_mmap(struct file *f, struct vm_area_struct *vma) { return remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff, vma->vm_end - vma->vm_start, vma->vm_page_prot); }
static const struct file_operations r_fops = { .mmap = r_mmap };
const struct file_operations *r_get(void) { return &r_fops; }' "simkernel has no page tables"
refused "virt_to_phys" 'static int __init r_init(void) { static char page[4096]; return virt_to_phys(page) ? 0 : -1; } module_init(r_init);' \
	"simkernel has no physical addresses"
exit $failed
