#!/usr/bin/env bash
# random_shell.sh - the shell against thousands of random command lines
# (issue 17): every run must end by itself, in time, without a crash.
#
#   random_shell.sh SIMKERNEL MODDIR [SEED]
#
# Each run feeds simkernel a script of random lines: real commands with good
# and bad arguments, background jobs, kills of jobs and of other tasks,
# sudo, modules in and out (rmmod -f too), files made, chmod'ed and removed,
# quotes and operators in the wrong places. A run passes if simkernel
# exits by itself within the time limit (no hang), with the status of its
# last command or, if a line killed the shell, 128 + the signal and the
# word for it; and nothing in its output says it crashed (an abort, a
# sanitizer's report). The seed is printed: SK_FUZZ_SEED=N reproduces a run
# (SK_FUZZ_RUNS and SK_FUZZ_LINES change its size), and a failing script is
# kept.
set -uo pipefail
simkernel=$1 moddir=$2
# CI replays fixed seeds (a red CI must be this change's doing); a new seed
# each run is SK_FUZZ_SEED=random.
seed=${3:-${SK_FUZZ_SEED:-20261201}}
[ "$seed" = random ] && seed=$(date +%s)
runs=${SK_FUZZ_RUNS:-6} lines=${SK_FUZZ_LINES:-500}
limit=${SK_FUZZ_TIMEOUT:-120}  # seconds per run; a hang fails
RANDOM=$((seed % 32768))
work=$(mktemp -d)
keep=${TMPDIR:-/tmp}/simkernel-random-shell-$seed
trap 'rm -rf "$work"' EXIT
scratch=$work/scratch
mkdir -p "$scratch"
chmod 0777 "$work" "$scratch"  # the student (uid 1000 when run as host root) writes here
echo "random_shell: seed $seed, $runs runs of $lines lines (SK_FUZZ_SEED=$seed reproduces)"

commands=(
    "lsmod" "cat /proc/modules" "cat /proc/devices" "ls /dev" "ls -l /dev" "ls -a $scratch" "dmesg" "dmesg -c"
    "sudo dmesg -c" "dmesg -l warn" "id" "ps" "uname -a" "pwd" "cd /" "cd $scratch" "cd $moddir" "cd /nothere"
    "help" "help kill" "echo hi" "echo -n 'a b'" "echo -e 'a\\tb'" "stat /dev/null" "stat $scratch"
    "sleep 0.01" "sleep 0" "sleep 0.02 &" "wait" "kill %1" "kill -9 %1" "kill %2" "kill -INT %1" "kill -TERM %3"
    "kill 0" "kill -9 1" "sudo kill -9 1" "sudo kill 2" "kill -HUP 99" "kill -99 4" "kill" "kill -s TERM 5"
    "kill 4" "kill -9 6" "sudo kill -9 7" "kill -QUIT 8"
    "sudo insmod $moddir/hello.ko" "sudo rmmod hello" "sudo rmmod -f hello" "rmmod hello" "insmod nothere.ko"
    "sudo insmod $moddir/test_chrdev.ko" "sudo rmmod -f test_chrdev" "cat /dev/test_chrdev" "sudo rmmod test_chrdev"
    "sudo insmod $moddir/test_leaky_init.ko" "sudo insmod $moddir/test_badmagic.ko" "sudo insmod -f $moddir/test_badmagic.ko"
    "sudo rmmod test_badmagic" "sudo modprobe hello" "sudo modprobe -r hello" "modprobe -n hello" "modinfo hello"
    "modinfo $moddir/hello.ko" "sudo depmod" "depmod -n"
    "open /dev/null" "open /dev/zero O_RDONLY" "open /dev/test_chrdev" "open $scratch/f O_RDWR|O_CREAT 0600"
    "read 3 4" "read 4 16" "write 3 abc" "write 4 'x\\ny'" "close 3" "close 4" "close 5" "lseek 3 0 SEEK_SET"
    "lseek 4 2 SEEK_END" "ioctl 3 0" "ioctl 4 1 &7"
    "cat /dev/null" "echo x > $scratch/f" "echo y >> $scratch/f" "cat $scratch/f" "rm -f $scratch/f" "rm $scratch/g"
    "mkdir $scratch/d" "mkdir $scratch/d/e" "chmod 700 $scratch/d" "chmod 0 $scratch/f" "chmod 644 $scratch/f"
    "chmod xyz $scratch/f" "sudo chmod 755 $scratch/d" "cp $scratch/f $scratch/g" "cp /proc/modules $scratch/m"
    "sudo mknod /dev/fz c 1 3" "sudo rm /dev/fz" "cat /dev/fz" "keypress abc" "cat /sys/module/hello/initstate"
    "cat /proc/sys/kernel/tainted" "cat /proc/self/status" "cat /proc/1/status" "ls /sys/module" "ls /proc"
    "sudo sleep 0.01 &" "ps &" "lsmod &" "sudo insmod $moddir/hello.ko &" "sudo rmmod hello &" "cat /proc/modules &"
    "echo \$\$ '\$\$'" "cat /etc/shadow" "sudo cat /etc/hostname" "echo planted > /etc/modprobe.d/x.conf" "rm -f /etc/modprobe.d/x.conf"
)
junk=("" "-" "--" "-x" "%" "%9" "'" "\"" "\\" ";" "&" ">" ">>" "2>" "/" ".." "/proc/1/status" "/dev/null"
      "99999999999999999999" "-1" "0" "4" "O_RDWR|O_CREAT" "SEEK_END" "é" "*" "''" "\"a b\"" "a\\ b"
      "$scratch" "$scratch/f" "${scratch}/../x" "--help" "-f" "-v" "%1" "&&" "||" "|" "#" "x=1")

# Every draw happens in this shell: bash reseeds RANDOM in each subshell, so
# a draw inside $(...) would make the seed reproduce nothing.
pick() { local -n arr=$1; picked=${arr[RANDOM % ${#arr[@]}]}; }

line() {
    local l
    pick commands; l=$picked
    case $((RANDOM % 10)) in
    0 | 1) pick junk; l="$l $picked" ;;                           # a bad argument
    2) pick junk; l="$l $picked"; pick junk; l="$l $picked" ;;
    3) pick commands; l="$l; $picked" ;;                           # two on a line
    4) pick junk; l="$picked$l" ;;                                 # something in front
    esac
    printf '%s\n' "$l"
}

total=0 failures=0
for run in $(seq "$runs"); do
    script=$work/run$run.cmds
    for _ in $(seq "$lines"); do line; done > "$script"
    echo "echo end-of-script" >> "$script"
    root=$work/root$run
    out=$work/run$run.out err=$work/run$run.err
    (cd "$scratch" && timeout -k 10 "$limit" "$simkernel" --root "$root" --echo < "$script" > "$out" 2> "$err")
    status=$?
    ran=$(grep -c '^\$ ' "$out")
    total=$((total + ran))
    verdict=""
    if [ "$status" = 124 ] || [ "$status" = 137 ] && ! tail -n 3 "$err" | grep -qx 'Killed'; then
        verdict="no end within ${limit}s (a hang)"
    # A host program the line ran may crash ("/bin/bash: line 1: ... Segmentation
    # fault" is the host's bash reporting on it); simkernel itself may not.
    elif grep -v '^/bin/bash: line [0-9]*: ' "$err" |
            grep -qE 'terminate called|AddressSanitizer|LeakSanitizer|ThreadSanitizer|runtime error:|Segmentation fault|Aborted'; then
        verdict="crashed"
    elif [ "$status" -ge 128 ]; then
        # Only a line that killed the shell itself may end it so, saying so.
        case $status in
        129) word=Hangup ;; 130) word=Interrupt ;; 131) word=Quit ;; 137) word=Killed ;; 143) word=Terminated ;;
        *) word="" ;;
        esac
        if [ -z "$word" ] || ! grep -qx "$word" "$err"; then verdict="died with status $status"; fi
    elif ! grep -qx 'end-of-script' "$out"; then
        verdict="stopped before the end of its script (status $status)"
    fi
    if [ -n "$verdict" ]; then
        failures=$((failures + 1))
        mkdir -p "$keep"
        cp "$script" "$out" "$err" "$keep/"
        echo "FAIL: run $run: $verdict after $ran lines; script and output kept in $keep"
        tail -n 20 "$err" | sed 's/^/    /'
    else
        echo "ok: run $run: $ran lines, status $status"
    fi
done
echo "random_shell: $total lines in $runs runs, $failures failed"
[ "$failures" = 0 ]
