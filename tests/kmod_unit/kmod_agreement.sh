#!/usr/bin/env bash
# kmod_agreement.sh - simkernel's depmod, modinfo and modprobe against
# Debian's kmod, on a tree of the modules this build made.
#
#   kmod_agreement.sh SIMKERNEL MODULE_DIR
#
# 1. depmod: kmod's `depmod -b` and simkernel's write the same bytes into
#    every file (modules.dep, modules.alias, the .bin indexes, ...), with the
#    same messages and exit status. A tree with a dependency cycle: the same
#    cycle report.
# 2. modinfo: the same output for every module, by file and by name.
# 3. modprobe --show-depends: the same lines for every module and some
#    aliases, with a modprobe.d file of options, aliases, softdeps, install
#    commands and a blacklist; and kmod's modprobe reads simkernel's own
#    index files (modules.dep.bin, ...) to the same answers. -R, -a, -i, -b
#    and -q the same too.
# 4. depmod -n, -n -v, -A: the same output.
#
# Skipped (exit 77) when kmod is not installed.
set -uo pipefail
simkernel=$1 moddir=$2
release=$("$simkernel" --version | awk '{print $2}')

find_tool() { for d in /usr/sbin /sbin /usr/bin /bin; do [ -x "$d/$1" ] && { echo "$d/$1"; return; }; done; }
kdepmod=$(find_tool depmod) kmodinfo=$(find_tool modinfo) kmodprobe=$(find_tool modprobe)
if [ -z "$kdepmod" ] || [ -z "$kmodinfo" ] || [ -z "$kmodprobe" ]; then
    echo "SKIP: Debian's kmod (depmod, modinfo, modprobe) is not installed: apt-get install kmod"
    exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# simkernel's tools run as its root, as kmod's run here as the host user:
# the trees are that user's (mktemp -d: mode 0700), and simulated root may
# do what that user may (docs/security.md), the student not always.
sim() { "$simkernel" --root "$work/root" -c "sudo $*"; }

# ---- the tree: every module of the build, a modules.order naming some,
# modules.builtin and its modinfo ----------------------------------------
tree=$work/tree
dir=$tree/lib/modules/$release
mkdir -p "$dir/kernel/drivers/char" "$dir/extra" "$dir/updates"
for ko in "$moddir"/*.ko; do
    name=$(basename "$ko")
    case $name in
    kt_cyc_*) continue ;;  # kmod writes nothing at all for a tree with a cycle
    null.ko | zero.ko | kbd.ko) cp "$ko" "$dir/kernel/drivers/char/" ;;
    *) cp "$ko" "$dir/extra/" ;;
    esac
done
cp "$moddir/kt_base.ko" "$dir/updates/"  # two of one name: "updates" wins
printf 'kernel/drivers/char/zero.ko\nextra/kt_top.ko\nextra/hello.ko\nkernel/drivers/char/null.ko\n' > "$dir/modules.order"
printf 'kernel/fs/simplefs.ko\n' > "$dir/modules.builtin"
printf 'simplefs.alias=fs-simplefs\0simplefs.license=GPL\0' > "$dir/modules.builtin.modinfo"
conf=$work/empty.conf  # no host /etc/depmod.d or /etc/modprobe.d
: > "$conf"
count=$(find "$dir" -name '*.ko' | wc -l)
echo "tree: $count modules"

# ---- 1. depmod ------------------------------------------------------------
cp -a "$tree" "$work/A"
cp -a "$tree" "$work/B"
"$kdepmod" -C "$conf" -b "$work/A" "$release" 2> "$work/kmod.err"
krc=$?
sim "depmod -C $conf -b $work/B $release" 2> "$work/sim.err"
src=$?
[ "$krc" = "$src" ] || fail "depmod: exit status $src, kmod's $krc"
diff <(sed "s#$work/A##g" "$work/kmod.err") <(sed "s#$work/B##g" "$work/sim.err") > "$work/err.diff" ||
    { fail "depmod: messages differ"; cat "$work/err.diff"; }
files=0
for f in "$work/A/lib/modules/$release"/modules.*; do
    name=$(basename "$f")
    files=$((files + 1))
    cmp -s "$f" "$work/B/lib/modules/$release/$name" || fail "depmod: $name differs from kmod's"
done
[ "$files" -ge 12 ] || fail "depmod: kmod wrote only $files files"
echo "depmod: $files files compared"

# A tree with a dependency cycle: kmod 30 stops (writing nothing),
# simkernel's writes the rest; both say the same.
cyc=$work/cyc
mkdir -p "$cyc/lib/modules/$release/extra"
cp "$moddir"/kt_cyc_a.ko "$moddir"/kt_cyc_b.ko "$moddir"/kt_base.ko "$moddir"/kt_mid.ko "$cyc/lib/modules/$release/extra/"
printf '' > "$cyc/lib/modules/$release/modules.order"
"$kdepmod" -C "$conf" -b "$cyc" "$release" 2>&1 | grep -v WARNING > "$work/kcyc"
krc=${PIPESTATUS[0]}
sim "depmod -C $conf -b $cyc $release" 2>&1 | grep -v WARNING > "$work/scyc"
src=${PIPESTATUS[0]}
[ "$krc" = 1 ] && [ "$src" = 1 ] || fail "depmod with a cycle: exit status $src, kmod's $krc"
diff "$work/kcyc" "$work/scyc" > /dev/null || { fail "depmod: cycle report differs"; diff "$work/kcyc" "$work/scyc"; }
grep -q "Cycle detected: kt_cyc_" "$work/scyc" || fail "depmod: no cycle reported"

# ---- 2. modinfo -----------------------------------------------------------
n=0
for ko in "$dir"/*/*.ko "$dir"/kernel/drivers/char/*.ko; do
    for opts in "" "-F depends" "-p" "-0" "-a" "-d" "-l" "-n" "-0 -F alias" "-F parmtype"; do
        a=$("$kmodinfo" $opts "$ko" 2>/dev/null | od -c; echo "exit ${PIPESTATUS[0]}")
        b=$(sim "modinfo $opts $ko" 2>/dev/null | od -c; echo "exit ${PIPESTATUS[0]}")
        [ "$a" = "$b" ] || fail "modinfo $opts $ko differs"
        n=$((n + 1))
    done
done
# A file that is not a module: the same message, and -n still names it.
echo "not an ELF file" > "$work/not-elf.ko"
{ printf '\177ELF\011\001\001'; head -c 100 /dev/zero; } > "$work/bad-class.ko"
for bad in "$work/not-elf.ko" "$work/bad-class.ko"; do
    for opts in "" "-n" "-F license"; do
        a=$("$kmodinfo" $opts "$bad" 2> "$work/kerr"; echo "exit $?"; cat "$work/kerr")
        b=$(sim "modinfo $opts $bad" 2> "$work/serr"; echo "exit $?"; cat "$work/serr")
        [ "$a" = "$b" ] || { fail "modinfo $opts $bad differs"; diff <(echo "$a") <(echo "$b"); }
        n=$((n + 1))
    done
done
for name in kt_top stack_consumer hello params kt-bottom fs-simplefs simplefs nothere symbol:kt_base_fn "-m kt-top" "-m kt-bottom" \
            "-F filename kt_top" "-n hello kt_mid" "-0 -F alias kt_base"; do
    a=$("$kmodinfo" -b "$work/A" -k "$release" $name 2>&1 | sed "s#$work/A##g" | tr '\0' '@'; echo "exit ${PIPESTATUS[0]}")
    b=$(sim "modinfo -b $work/A -k $release $name" 2>&1 | sed "s#$work/A##g" | tr '\0' '@'; echo "exit ${PIPESTATUS[0]}")
    [ "$a" = "$b" ] || { fail "modinfo by name $name differs"; diff <(echo "$a") <(echo "$b"); }
    n=$((n + 1))
done
echo "modinfo: $n runs compared"

# ---- 3. modprobe --show-depends ------------------------------------------------
mpconf=$work/modprobe.conf
cat > "$mpconf" <<'EOF'
options stack_consumer x=40 y="two words"
options kt_mid fail=0
alias my-stack kt_top
alias pa* params
softdep hello pre: kt_soft post: stack_provider
install kt_soft echo soft $CMDLINE_OPTS
blacklist params
EOF
n=0
names=$(cd "$dir" && find . -name '*.ko' | sed 's#.*/##; s#\.ko$##' | sort -u)
for name in $names my-stack pa-anything kt-bottom kt-stack:x symbol:stack_provider_add kt-top fs-simplefs simplefs nothere; do
    for index in A B; do  # kmod reads its own index files, then simkernel's
        a=$("$kmodprobe" -C "$mpconf" -d "$work/$index" -S "$release" --show-depends "$name" p=1 2>&1 |
            sed "s#$work/$index##g")
        b=$(sim "modprobe -C $mpconf -d $work/B -S $release --show-depends $name p=1" 2>&1 | sed "s#$work/B##g")
        [ "$a" = "$b" ] || { fail "modprobe --show-depends $name (kmod on tree $index) differs"; diff <(echo "$a") <(echo "$b"); }
        n=$((n + 1))
    done
done
# Other options that load nothing: -R (resolve an alias), -a (several
# modules), -i (ignore install lines), -b (the blacklist applies to names
# too), -q; and the exit status. (stderr is kept apart: kmod buffers stdout.)
for args in "-R my-stack" "-R pa-x" "-R kt-bottom" "-R symbol:kt_mid_fn" "-R nothere" "-R -a my-stack pa-y" \
            "-D -a kt_top hello" "-D -a kt_top nothere hello" "-D -i hello" "-D -i kt_soft" "-D -b params" \
            "-D -b pa-x" "-D -q nothere" "-D --first-time kt_top" "-D" "-R"; do
    a=$("$kmodprobe" -C "$mpconf" -d "$work/B" -S "$release" $args 2> "$work/kerr" | sed "s#$work/B##g"; echo "exit ${PIPESTATUS[0]}"; cat "$work/kerr")
    b=$(sim "modprobe -C $mpconf -d $work/B -S $release $args" 2> "$work/serr" | sed "s#$work/B##g"; echo "exit ${PIPESTATUS[0]}"; cat "$work/serr")
    [ "$a" = "$b" ] || { fail "modprobe $args differs"; diff <(echo "$a") <(echo "$b"); }
    n=$((n + 1))
done
echo "modprobe: $n runs compared"

# ---- 4. depmod's other outputs ------------------------------------------------
# -n prints the files (and -v what needs what) instead of writing them; -A
# does nothing on an up-to-date tree. The tree of part 1, as kmod wrote it.
for args in "-n" "-n -v" "-A" "-A -n" "-n -e"; do
    a=$("$kdepmod" -C "$conf" -b "$work/A" $args "$release" 2>&1 | sed "s#$work/A##g"; echo "exit ${PIPESTATUS[0]}")
    b=$(sim "depmod -C $conf -b $work/A $args $release" 2>&1 | sed "s#$work/A##g"; echo "exit ${PIPESTATUS[0]}")
    [ "$a" = "$b" ] || { fail "depmod $args differs"; diff <(echo "$a") <(echo "$b") | head -20; }
done
echo "depmod: -n, -v, -A, -e compared"

if [ "$failures" -gt 0 ]; then
    echo "$failures differences from kmod"
    exit 1
fi
echo "simkernel agrees with $("$kdepmod" --version | head -1)"
