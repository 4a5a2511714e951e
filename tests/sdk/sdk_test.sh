#!/usr/bin/env bash
# sdk_test.sh PART - the SDK's tests, one CTest test per PART:
#
#   examples     each example of modules/ built in a scratch copy with
#                `make -C build/sdk M=...`: kbuild's output, the files kbuild
#                writes, .modinfo as kmod's modinfo reads it; then loaded
#   params       params.ko: values set at insmod, /sys/module/.../parameters
#                read and written per the permission bits, bad values refused
#   kbuild       several obj-m, a Kbuild file, ccflags-y, EXPORT_SYMBOL and
#                depends, modpost's undefined-symbol error, compiler errors,
#                clean, modules_install + kmod's depmod
#   real_kbuild  every C module of modules/ built with Linux's own kbuild
#                (Debian's linux-headers-amd64); skipped when not installed
#   package      cmake --install, then find_package(SimKernel) from a
#                separate project builds a module
#
# Environment (set by tests/sdk/CMakeLists.txt): SK_SDK (build/sdk),
# SK_MODULES_SRC (modules/), SK_PROBE (sdk_probe), SK_BUILD, SK_RELEASE.
set -uo pipefail

part=${1:?usage: sdk_test.sh examples|params|kbuild|real_kbuild|package}
: "${SK_SDK:?}" "${SK_MODULES_SRC:?}" "${SK_PROBE:?}" "${SK_BUILD:?}" "${SK_RELEASE:?}"

tmp=$(mktemp -d /tmp/sdk-test-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
# expect_in TEXT PATTERN DESCRIPTION: a fixed string that must appear.
expect_in() { if grep -qF -- "$2" <<<"$1"; then ok; else bad "$3: no '$2' in:"; sed 's/^/    | /' <<<"$1"; fi; }
expect_not_in() { if grep -qF -- "$2" <<<"$1"; then bad "$3: unexpected '$2'"; else ok; fi; }
expect_file() { if [ -f "$1" ]; then ok; else bad "missing $1"; fi; }
expect_eq() { if [ "$1" = "$2" ]; then ok; else bad "$3: got '$1', want '$2'"; fi; }

# sdk_build DIR [ARGS...]: make -C build/sdk M=DIR ARGS; output in $out, status in $rc.
sdk_build() {
	local dir=$1
	shift
	out=$(make -C "$SK_SDK" M="$dir" "$@" 2>&1)
	rc=$?
}

copy_example() {  # copy_example NAME -> $tmp/NAME
	rm -rf "${tmp:?}/$1"
	cp -r "$SK_MODULES_SRC/$1" "$tmp/$1"
}

probe() { out=$("$SK_PROBE" "$@" 2>&1); }

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}

# ---------------------------------------------------------------------------
part_examples() {
	local ex ko name
	for ex in hello hello-init params two-file hello-cpp; do
		copy_example "$ex"
		local d=$tmp/$ex
		sdk_build "$d" modules
		expect_eq "$rc" 0 "$ex: make modules"
		[ "$rc" -eq 0 ] || { sed 's/^/    | /' <<<"$out"; continue; }
		case $ex in
		two-file) ko=startstop ;;
		*) ko=$ex ;;
		esac
		name=${ko//-/_}
		# kbuild's output, with absolute paths.
		case $ex in
		hello-cpp) expect_in "$out" "  CXX [M] $d/$ko.o" "$ex: compile line" ;;
		two-file)
			expect_in "$out" "  CC [M]  $d/start.o" "$ex: compile line"
			expect_in "$out" "  CC [M]  $d/stop.o" "$ex: compile line"
			expect_in "$out" "  LD [M]  $d/startstop.o" "$ex: composite object"
			;;
		*) expect_in "$out" "  CC [M]  $d/$ko.o" "$ex: compile line" ;;
		esac
		expect_in "$out" "  MODPOST $d/Module.symvers" "$ex: modpost line"
		expect_in "$out" "  CC [M]  $d/$ko.mod.o" "$ex: mod.o line"
		expect_in "$out" "  LD [M]  $d/$ko.ko" "$ex: link line"
		expect_file "$d/$ko.ko"
		# kbuild leaves a .ko 0644: it is not a program to run.
		expect_eq "$(stat -c %A "$d/$ko.ko")" "-rw-r--r--" "$ex: .ko mode"
		expect_file "$d/Module.symvers"
		expect_eq "$(cat "$d/modules.order")" "$d/$ko.o" "$ex: modules.order"
		expect_in "$(cat "$d/$ko.mod.c")" 'MODULE_INFO(name, KBUILD_MODNAME);' "$ex: mod.c"
		expect_not_in "$(cat "$d/$ko.mod.c")" intree "$ex: mod.c (out of tree)"

		# .modinfo as Debian's kmod reads it: every record, in order.
		if command -v modinfo >/dev/null; then
			local kmod fields
			kmod=$(modinfo "$d/$ko.ko")
			expect_in "$kmod" "filename:       $d/$ko.ko" "$ex: modinfo filename"
			expect_in "$kmod" "name:           $name" "$ex: modinfo name"
			expect_in "$kmod" "vermagic:       $SK_RELEASE SMP preempt mod_unload" "$ex: modinfo vermagic"
			expect_in "$kmod" "license:        GPL" "$ex: modinfo license"
			expect_in "$kmod" "depends:        " "$ex: modinfo depends"
			expect_not_in "$kmod" "intree:" "$ex: modinfo intree"
			# Every key=value of the section shows, in the section's order.
			fields=$(readelf -p .modinfo "$d/$ko.ko" | sed -n 's/^ *\[ *[0-9a-f]*\] *//p' |
				grep -v '^parm' | sed 's/=.*//' | tr '\n' ' ')
			expect_eq "$(modinfo "$d/$ko.ko" | sed 's/:.*//' | grep -v -e '^filename' -e '^parm' | tr '\n' ' ')" \
				"$fields" "$ex: modinfo keys in section order"
		fi

		# Loaded into a kernel: init runs, the kernel is tainted O (out of tree).
		probe "insmod $d/$ko.ko" "cat /proc/modules" "cat /sys/module/$name/initstate" \
			"cat /sys/module/$name/taint" "rmmod $name" log
		expect_in "$out" "insmod $d/$ko.ko = 0" "$ex: insmod"
		expect_in "$out" "$name: loading out-of-tree module taints kernel." "$ex: out-of-tree taint message"
		expect_in "$out" "$name " "$ex: in /proc/modules"
		expect_in "$out" "(OE)" "$ex: /proc/modules taint letters"
		expect_in "$out" "live" "$ex: /sys/module/$name/initstate"
		expect_in "$out" "rmmod $name = 0" "$ex: rmmod"
	done

	# What each example prints.
	probe "insmod $tmp/hello/hello.ko" "rmmod hello" log
	expect_in "$out" "Hello World" "hello: init message"
	expect_in "$out" "Goodbye" "hello: exit message"
	probe "insmod $tmp/hello-init/hello-init.ko" "cat /sys/module/hello_init/version" "rmmod hello_init" log
	expect_in "$out" "Hello, world 3" "hello-init: init message (__initdata)"
	expect_in "$out" "Goodbye, world" "hello-init: exit message"
	expect_in "$out" "1.1" "hello-init: /sys/module/hello_init/version"
	local kmod
	kmod=$(modinfo "$tmp/hello-init/hello-init.ko")
	expect_in "$kmod" "alias:          hello-modern" "hello-init: MODULE_ALIAS"
	expect_in "$kmod" "softdep:        pre: hello" "hello-init: MODULE_SOFTDEP"
	expect_in "$kmod" "lab:            1" "hello-init: MODULE_INFO"
	expect_in "$kmod" "version:        1.1" "hello-init: MODULE_VERSION"
	expect_in "$kmod" "description:    Hello, with module_init and module_exit" "hello-init: MODULE_DESCRIPTION"
	probe "insmod $tmp/two-file/startstop.ko" "rmmod startstop" log
	expect_in "$out" "startstop: Hello, world - this is the kernel speaking" "two-file: init (start.c calls stop.c)"
	expect_in "$out" "startstop: Short is the life of a kernel module" "two-file: exit"
	probe "insmod $tmp/hello-cpp/hello-cpp.ko" "stat /dev/hello_cpp" "user" "cat /dev/hello_cpp" \
		"cat /dev/hello_cpp" "root" "rmmod hello_cpp" log
	expect_in "$out" "stat /dev/hello_cpp = 0 mode=20444" "hello-cpp: device node, mode from devnode()"
	expect_in "$out" "Hello from C++ (1)" "hello-cpp: first read"
	expect_in "$out" "Hallo from C++ (2)" "hello-cpp: second read"
	expect_in "$out" "hello_cpp: 2 greetings served" "hello-cpp: exit"
	finish
}

# ---------------------------------------------------------------------------
part_params() {
	copy_example params
	local d=$tmp/params ko=$tmp/params/params.ko
	sdk_build "$d" modules
	expect_eq "$rc" 0 "params: make"
	[ "$rc" -eq 0 ] || { sed 's/^/    | /' <<<"$out"; finish; }

	# parm: lines as kmod's modinfo prints them (MODULE_PARM_DESC + parmtype).
	local kmod
	kmod=$(modinfo "$ko")
	expect_in "$kmod" "parm:           myint:An integer (int)" "modinfo parm int"
	expect_in "$kmod" "parm:           myintarray:An array of up to 4 integers (array of int)" "modinfo parm array"
	expect_in "$kmod" "parm:           mybuf:A string copied into a 16-byte buffer (string)" "modinfo parm string"
	expect_in "$kmod" "parm:           mystring:A character string (charp)" "modinfo parm charp"
	expect_in "$kmod" "parm:           verbosity:debug_level, set as verbosity=N (int)" "modinfo parm named"
	expect_in "$kmod" "parm:           myinvbool:An inverted boolean: myinvbool=y stores false (invbool)" "modinfo invbool"

	# Values from the command line, before init runs.
	probe "insmod $ko mybyte=66 myshort=-5 myushort=65535 myint=5 myuint=7 mylong=-9 myulong=11 mybool=n myinvbool=y mystring=hi mybuf=\"two words\" myintarray=1,2,3 verbosity=2" log
	expect_in "$out" "= 0" "insmod with every parameter"
	expect_in "$out" "params: mybyte=66 myshort=-5 myushort=65535" "byte/short/ushort set"
	expect_in "$out" "params: myint=5 myuint=7 mylong=-9 myulong=11" "int/uint/long/ulong set"
	expect_in "$out" "params: mybool=0 myinvbool=0 verbosity=2" "bool/invbool/named set"
	expect_in "$out" "params: mystring=hi mybuf=two words" "charp/string set"
	expect_in "$out" "params: myintarray[2] = 3" "array set"
	expect_in "$out" "params: got 3 arguments for myintarray." "array count"

	# /sys/module/params/parameters: the files, their modes, reads and writes.
	local P=/sys/module/params/parameters
	probe "insmod $ko myint=5 myintarray=4,5" "ls /sys/module/params" "ls $P" \
		"stat $P/myint" "stat $P/myshort" "stat $P/mylong" "stat $P/mybyte" \
		"cat $P/myint" "cat $P/myintarray" "cat $P/mybool" "cat $P/myinvbool" "cat $P/mystring" "cat $P/mybuf" \
		"write $P/myint 42" "cat $P/myint" "write $P/myint abc" "write $P/mybool N" "cat $P/mybool" \
		"write $P/mybuf this-is-far-too-long" "write $P/mystring x" \
		"user" "cat $P/myint" "write $P/myint 7" "cat $P/myshort" "cat $P/mylong" \
		"root" "cat $P/mylong" "rmmod params" log
	expect_in "$out" "ls /sys/module/params = 0
coresize
holders
initsize
initstate
parameters
refcnt
sections
taint" "/sys/module/params entries"
	expect_not_in "$(sed -n "/^ls \/sys\/module\/params\/parameters = 0/,/^stat/p" <<<"$out")" "mybyte" "mode-0 parameter hidden from sysfs"
	expect_in "$out" "verbosity" "named parameter in sysfs under its name"
	expect_in "$out" "stat $P/myint = 0 mode=100644" "myint mode 0644"
	expect_in "$out" "stat $P/myshort = 0 mode=100660" "myshort mode 0660"
	expect_in "$out" "stat $P/mylong = 0 mode=100400" "mylong mode 0400"
	expect_in "$out" "stat $P/mybyte = -2 ENOENT" "mode-0 parameter has no file"
	expect_in "$out" "cat $P/myint = 2
5" "read int"
	expect_in "$out" "cat $P/myintarray = 4
4,5" "read array"
	expect_in "$out" "cat $P/mybool = 2
Y" "read bool"
	expect_in "$out" "cat $P/myinvbool = 2
Y" "read invbool"
	expect_in "$out" "cat $P/mystring = 5
blah" "read charp"
	expect_in "$out" "write $P/myint = 2" "root writes a 0644 parameter"
	expect_in "$out" "cat $P/myint = 3
42" "the write is seen"
	expect_in "$out" "write $P/myint = -22 EINVAL" "a bad value is refused"
	expect_in "$out" "cat $P/mybool = 2
N" "bool written"
	expect_in "$out" "write $P/mybuf = -28 ENOSPC" "string too long for its buffer"
	expect_in "$out" "write $P/mystring = -13 EACCES" "a 0444 parameter is read-only, even for root"
	expect_in "$out" "cat $P/myint = 3
42" "others may read a 0644 parameter"
	expect_in "$out" "write $P/myint = -13 EACCES" "only root writes"
	expect_in "$out" "cat $P/myshort = -13 EACCES" "0660: others may not read"
	expect_in "$out" "cat $P/mylong = -13 EACCES" "0400: only root reads"
	expect_in "$out" "cat $P/mylong = 5
9999" "root reads 0400"
	expect_in "$out" "params: myint=42 mybuf=buffer at exit" "the module sees the sysfs write"

	# Refused: Invalid parameters (EINVAL), a log line saying which, nothing loaded.
	local args
	for args in "myint=abc|params: \`abc' invalid for parameter \`myint'" \
		"myshort=70000|params: \`70000' invalid for parameter \`myshort'" \
		"mybool=maybe|params: \`maybe' invalid for parameter \`mybool'" \
		"nosuch=1|params: unknown parameter 'nosuch'" \
		"myintarray=1,2,3,4,5|myintarray: can only take 4 arguments" \
		"mybuf=0123456789abcdef|params: \`0123456789abcdef' too large for parameter \`mybuf'"; do
		probe "insmod $ko ${args%%|*}" "cat /proc/modules" "stat /sys/module/params" log
		expect_in "$out" "insmod $ko = -22 EINVAL" "${args%%|*}: Invalid parameters"
		expect_in "$out" "${args#*|}" "${args%%|*}: log line"
		expect_in "$out" "stat /sys/module/params = -2 ENOENT" "${args%%|*}: not loaded"
	done
	finish
}

# ---------------------------------------------------------------------------
part_kbuild() {
	local d=$tmp/multi
	mkdir -p "$d"
	# Two modules in one directory, a Kbuild file (a Makefile beside it is
	# ignored, as kbuild ignores it), ccflags-y, -y objects, exports.
	cat >"$d/prov.c" <<-'EOF'
		#include <linux/module.h>
		int prov_add(int a, int b) { return a + b; }
		EXPORT_SYMBOL(prov_add);
		int prov_gpl(void) { return GREETING; }
		EXPORT_SYMBOL_GPL(prov_gpl);
		int helper(void) { return 1; }  /* not exported: private to prov */
		static int __init prov_init(void) { pr_info("prov: up, greeting %d\n", GREETING); return 0; }
		static void __exit prov_exit(void) { }
		module_init(prov_init);
		module_exit(prov_exit);
		MODULE_LICENSE("GPL");
	EOF
	cat >"$d/cons_main.c" <<-'EOF'
		#include <linux/module.h>
		int prov_add(int a, int b);
		int helper(void);
		static int __init cons_init(void) { pr_info("cons: %d %d\n", prov_add(2, 3), helper()); return 0; }
		static void __exit cons_exit(void) { }
		module_init(cons_init);
		module_exit(cons_exit);
		MODULE_LICENSE("GPL");
	EOF
	cat >"$d/cons_helper.c" <<-'EOF'
		int helper(void);
		int helper(void) { return 7; }  /* same name as prov's: no clash */
	EOF
	printf 'obj-m += prov.o\nobj-m += cons.o\ncons-y := cons_main.o cons_helper.o\nccflags-y := -DGREETING=42\n' >"$d/Kbuild"
	printf 'this Makefile is not read: the Kbuild file wins\n' >"$d/Makefile"
	sdk_build "$d"
	expect_eq "$rc" 0 "make with no target builds modules"
	[ "$rc" -eq 0 ] || sed 's/^/    | /' <<<"$out"
	expect_in "$out" "  LD [M]  $d/cons.o" "cons-y composite"
	expect_file "$d/prov.ko"
	expect_file "$d/cons.ko"
	expect_eq "$(cat "$d/modules.order")" "$d/prov.o
$d/cons.o" "modules.order, in obj-m order"
	expect_eq "$(cat "$d/Module.symvers")" "$(printf '0x00000000\tprov_add\t%s/prov\tEXPORT_SYMBOL\t\n0x00000000\tprov_gpl\t%s/prov\tEXPORT_SYMBOL_GPL\t' "$d" "$d")" \
		"Module.symvers"
	expect_eq "$(modinfo -F depends "$d/cons.ko")" "prov" "modpost's depends="
	probe "insmod $d/cons.ko" "insmod $d/prov.ko" "insmod $d/cons.ko" "ls /sys/module/prov/holders" \
		"cat /sys/module/prov/refcnt" "rmmod prov" "rmmod cons" "rmmod prov" log
	expect_in "$out" "insmod $d/cons.ko = -2 ENOENT" "consumer before provider: Unknown symbol"
	expect_in "$out" "cons: Unknown symbol prov_add (err -2)" "unknown symbol log line"
	expect_in "$out" "prov: up, greeting 42" "ccflags-y reached the compiler"
	expect_in "$out" "cons: 5 7" "exports resolved; helpers stay private"
	expect_in "$out" "ls /sys/module/prov/holders = 0
cons" "holders"
	expect_in "$out" "rmmod prov = -11 EAGAIN" "provider in use"
	expect_in "$out" "rmmod cons = 0" "rmmod consumer"

	# Nothing to do the second time.
	sdk_build "$d" modules
	expect_not_in "$out" "CC [M]" "an up-to-date build compiles nothing"
	touch "$d/prov.c"
	sdk_build "$d" modules
	expect_in "$out" "  CC [M]  $d/prov.o" "an edited source is recompiled"
	expect_not_in "$out" "cons_main.o" "the other module is not"

	# modules_install into a simulated root, then kmod's depmod.
	local root=$tmp/root
	sdk_build "$d" modules_install INSTALL_MOD_PATH="$root"
	expect_eq "$rc" 0 "modules_install"
	expect_in "$out" "  INSTALL $root/lib/modules/$SK_RELEASE/extra/prov.ko" "install line"
	expect_in "$out" "  DEPMOD  $root/lib/modules/$SK_RELEASE" "depmod line"
	expect_file "$root/lib/modules/$SK_RELEASE/extra/cons.ko"
	if command -v depmod >/dev/null || [ -x /sbin/depmod ] || [ -x /usr/sbin/depmod ]; then
		expect_in "$(cat "$root/lib/modules/$SK_RELEASE/modules.dep")" "extra/cons.ko: extra/prov.ko" "kmod's depmod sees the dependency"
		expect_in "$(cat "$root/lib/modules/$SK_RELEASE/modules.symbols")" "alias symbol:prov_add prov" "kmod's depmod sees the export"
	fi
	# The default root is the shell's.
	local state=$tmp/state
	out=$(XDG_STATE_HOME=$state make -C "$SK_SDK" M="$d" modules_install 2>&1)
	expect_file "$state/simkernel/root/lib/modules/$SK_RELEASE/extra/prov.ko"

	# clean removes what the build made, and only that.
	sdk_build "$d" clean
	expect_in "$out" "  CLEAN   $d/Module.symvers" "clean line"
	expect_eq "$(cd "$d" && ls -A | sort | tr '\n' ' ')" "Kbuild Makefile cons_helper.c cons_main.c prov.c " "clean leaves the sources"

	# A call into libc: modpost refuses it at build time, as Linux's does;
	# built anyway (KBUILD_MODPOST_WARN=1), the loader refuses it.
	local l=$tmp/libc
	mkdir -p "$l"
	cat >"$l/uselibc.c" <<-'EOF'
		#include <linux/module.h>
		int printf(const char *fmt, ...);
		int init_module(void) { printf("hello\n"); return 0; }
		void cleanup_module(void) { }
		MODULE_LICENSE("GPL");
	EOF
	echo 'obj-m += uselibc.o' >"$l/Makefile"
	sdk_build "$l"
	expect_eq "$rc" 2 "libc call: the build fails"
	expect_in "$out" "ERROR: modpost: \"printf\" [$l/uselibc.ko] undefined!" "modpost names the symbol"
	sdk_build "$l" KBUILD_MODPOST_WARN=1
	expect_eq "$rc" 0 "KBUILD_MODPOST_WARN=1 builds it"
	expect_in "$out" "WARNING: modpost: \"printf\" [$l/uselibc.ko] undefined!" "as a warning"
	probe "insmod $l/uselibc.ko" log
	expect_in "$out" "insmod $l/uselibc.ko = -2 ENOENT" "the loader refuses it"
	expect_in "$out" "uselibc: Unknown symbol printf (err -2)" "and names the symbol"

	# No MODULE_LICENSE: an error, as in Linux since 5.12.
	local n=$tmp/nolicense
	mkdir -p "$n"
	printf '#include <linux/module.h>\nint init_module(void) { return 0; }\n' >"$n/nolic.c"
	echo 'obj-m += nolic.o' >"$n/Makefile"
	sdk_build "$n"
	expect_eq "$rc" 2 "no license: the build fails"
	expect_in "$out" "ERROR: modpost: missing MODULE_LICENSE() in $n/nolic.o" "modpost says so"

	# A proprietary module using a GPL-only export: refused, as Linux's modpost does.
	local g=$tmp/proprietary
	mkdir -p "$g"
	cat >"$g/prop.c" <<-'EOF'
		#include <linux/module.h>
		#include <linux/device.h>
		int init_module(void) { class_destroy(NULL); return 0; }
		MODULE_LICENSE("Proprietary");
	EOF
	echo 'obj-m += prop.o' >"$g/Makefile"
	sdk_build "$g"
	expect_eq "$rc" 2 "GPL-only symbol in a proprietary module: the build fails"
	expect_in "$out" "ERROR: modpost: GPL-incompatible module prop.ko uses GPL-only symbol 'class_destroy'" "modpost names it"

	# Compiler errors are the compiler's, plainly.
	local e=$tmp/err
	mkdir -p "$e"
	printf '#include <linux/module.h>\nint init_module(void) { return undeclared_thing; }\n' >"$e/broken.c"
	echo 'obj-m += broken.o' >"$e/Makefile"
	sdk_build "$e"
	expect_eq "$rc" 2 "a compile error fails the build"
	expect_in "$out" "$e/broken.c:2:" "the compiler's file:line"
	expect_in "$out" "error: " "the compiler's error"
	expect_in "$out" "undeclared_thing" "the compiler's message"

	# Without M=, a clear message; kernelrelease works.
	out=$(make -C "$SK_SDK" modules 2>&1)
	expect_in "$out" "make -C $SK_SDK M=\$PWD modules" "no M=: says what to type"
	expect_eq "$(make -s -C "$SK_SDK" kernelrelease)" "$SK_RELEASE" "kernelrelease"
	finish
}

# ---------------------------------------------------------------------------
part_real_kbuild() {
	local kdir=
	for k in /lib/modules/*/build /usr/src/linux-headers-*-amd64; do
		[ -f "$k/Makefile" ] && [ -f "$k/Module.symvers" ] && { kdir=$k; break; }
	done
	if [ -z "$kdir" ]; then
		echo "SKIPPED: real kbuild: no Linux headers installed (apt-get install linux-headers-amd64)"
		exit 77
	fi
	echo "real kbuild: $kdir"
	# Every C module directory, copied side by side (a consumer's Makefile may
	# name ../provider/Module.symvers), then built in passes until no more
	# build: a provider is built before the consumers that need it.
	local dir ex pending=() next progress
	for dir in "$SK_MODULES_SRC"/*/; do
		ex=$(basename "$dir")
		[ -f "$dir/Makefile" ] || [ -f "$dir/Kbuild" ] || continue
		if ls "$dir" | grep -qE '\.(cpp|cc)$'; then
			echo "skip $ex: C++ (kbuild compiles C only)"
			continue
		fi
		copy_example "$ex"
		pending+=("$ex")
	done
	declare -A log
	progress=1
	while [ ${#pending[@]} -gt 0 ] && [ $progress -eq 1 ]; do
		progress=0 next=()
		for ex in "${pending[@]}"; do
			if log[$ex]=$(make -C "$kdir" M="$tmp/$ex" modules 2>&1); then
				progress=1
				echo "built $ex"
			else
				next+=("$ex")
			fi
		done
		pending=("${next[@]}")
	done
	# A module real kbuild refuses on purpose (modpost: a proprietary module
	# using an EXPORT_SYMBOL_GPL symbol, say) passes if the SDK refuses it
	# with the same modpost error: the two agree, which is what matters.
	if [ ${#pending[@]} -gt 0 ]; then
		local sdktree=$tmp/sdk-tree refused=()
		mkdir -p "$sdktree"
		declare -A sdklog
		for dir in "$SK_MODULES_SRC"/*/; do cp -r "$dir" "$sdktree/"; done
		for pass in 1 2 3; do
			for ex in "${!log[@]}"; do
				[ -f "$sdktree/$ex/modules.order" ] && [ -n "${sdklog[$ex]+x}" ] && continue
				sdklog[$ex]=$(make -C "$SK_SDK" M="$sdktree/$ex" modules 2>&1)
			done
		done
		for ex in "${pending[@]}"; do
			local want got
			want=$(grep '^ERROR: modpost:' <<<"${log[$ex]}" | sed 's|/[^] ]*/||g')
			got=$(grep '^ERROR: modpost:' <<<"${sdklog[$ex]}" | sed 's|/[^] ]*/||g')
			if [ -n "$want" ] && [ "$want" = "$got" ]; then
				ok
				echo "refused by real kbuild and by the SDK alike: $ex: $want"
				refused+=("$ex")
			else
				bad "$ex: real kbuild fails:"
				sed 's/^/    | /' <<<"${log[$ex]}"
				[ -n "$want" ] && { echo "    and the SDK says:"; sed 's/^/    | /' <<<"${sdklog[$ex]}"; }
			fi
		done
		for ex in "${refused[@]}"; do unset "log[$ex]"; done
	fi
	local obj
	for dir in "$SK_MODULES_SRC"/*/; do
		ex=$(basename "$dir")
		[ -n "${log[$ex]+x}" ] || continue
		for obj in $(sed -n 's/^ *obj-m *[+:]\{0,1\}= *//p' "$dir/Makefile" "$dir/Kbuild" 2>/dev/null); do
			expect_file "$tmp/$ex/${obj%.o}.ko"
		done
		if grep -q -e '^warning' -e ' warning:' <<<"${log[$ex]}"; then
			bad "$ex: real kbuild warns:"
			sed 's/^/    | /' <<<"${log[$ex]}"
		fi
	done
	finish
}

# ---------------------------------------------------------------------------
part_package() {
	local prefix=$tmp/prefix
	out=$(cmake --install "$SK_BUILD" --prefix "$prefix" 2>&1)
	expect_eq "$?" 0 "cmake --install"
	expect_file "$prefix/lib/simkernel/sdk/Makefile"
	expect_file "$prefix/lib/simkernel/sdk/include/linux/module.h"
	expect_file "$prefix/lib/simkernel/sdk/include/linux/version.h"
	expect_file "$prefix/lib/cmake/SimKernel/SimKernelConfig.cmake"

	# The installed tree is a kbuild tree too.
	copy_example hello
	out=$(make -C "$prefix/lib/simkernel/sdk" M="$tmp/hello" modules 2>&1)
	expect_eq "$?" 0 "make -C <prefix>/lib/simkernel/sdk M=... modules"
	expect_file "$tmp/hello/hello.ko"

	# A course repository: find_package(SimKernel) + simkernel_add_module.
	local c=$tmp/course
	mkdir -p "$c/src"
	cp "$SK_MODULES_SRC/hello/hello.c" "$c/src/"
	cat >"$c/CMakeLists.txt" <<-'EOF'
		cmake_minimum_required(VERSION 3.20)
		project(course C)
		find_package(SimKernel REQUIRED)
		simkernel_add_module(hello SOURCES src/hello.c)
	EOF
	out=$(cmake -S "$c" -B "$c/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" 2>&1 && ninja -C "$c/build" 2>&1)
	expect_eq "$?" 0 "find_package(SimKernel) project builds"
	[ -f "$c/build/modules/hello.ko" ] || sed 's/^/    | /' <<<"$out"
	expect_file "$c/build/modules/hello.ko"
	if [ -f "$c/build/modules/hello.ko" ]; then
		expect_eq "$(modinfo -F vermagic "$c/build/modules/hello.ko")" "$SK_RELEASE SMP preempt mod_unload " "package vermagic"
		expect_eq "$(modinfo -F intree "$c/build/modules/hello.ko")" "" "package modules are out of tree"
		probe "insmod $c/build/modules/hello.ko" log
		expect_in "$out" "Hello World" "package-built module loads"
	fi
	finish
}

"part_$part"
