#!/usr/bin/env bash
# bridge_programs.sh - unmodified host programs on simkernel (docs/userspace.md):
# Debian's kmod tools against simkernel's built-in commands, coreutils on
# simulated devices, a C and a Python program with ioctl, signals, a killed
# client, pipes in the built-in shell.
#
#   bridge_programs.sh SIMKERNEL MODULE_DIR LED0TEST LED0TEST_STATIC SDK POLLTEST_C POLLPIPE_C
#
# POLLTEST_C is built here with gcc, as a student would; POLLPIPE_C (a
# blocking device with .poll, from the compatibility corpus) with the SDK.
#
# Skipped (exit 77) where seccomp user notification is unavailable.
set -uo pipefail
simkernel=$1 moddir=$2 led0test=$3 led0test_static=$4 sdk=$5 polltest_c=$6 pollpipe_c=$7
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect NAME EXPECTED ACTUAL
expect() {
    if [ "$2" != "$3" ]; then
        fail "$1"
        diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | sed 's/^/    /'
    fi
}
root=$work/root
run() { timeout 60 "$simkernel" run --root "$root" -- bash -c "$*" 2>&1; }
builtin() { timeout 60 "$simkernel" --root "$root" -c "$*" 2>&1; }
cd "$moddir" || exit 1

probe=$(run 'echo ok')
if [ "$probe" != ok ]; then
    echo "SKIP: simkernel run does not work here: $probe"
    exit 77
fi

# ---- Debian's kmod tools and simkernel's built-ins: same output, same status ----
# Kernel-log lines ("[    0.1] Hello World", on the console at once) are
# left out of every comparison.
kmod_script='insmod hello.ko; echo "status $?"; sudo insmod hello.ko >/dev/null; echo "status $?";
sudo insmod hello.ko; echo "status $?"; lsmod; modinfo hello; echo "status $?";
rmmod hello; echo "status $?"; sudo rmmod hello >/dev/null; echo "status $?"; sudo rmmod hello; echo "status $?";
sudo insmod params.ko myint=5; cat /sys/module/params/parameters/myint; sudo rmmod params; modinfo nosuch; echo "status $?"'
bridged=$(run "$kmod_script" | grep -v '^\[')
# Each message of Debian's tools as simkernel's built-ins print it (the
# built-ins' are checked against the same lines in tests/transcripts).
for want in "insmod: ERROR: could not insert module hello.ko: Operation not permitted" \
            "insmod: ERROR: could not insert module hello.ko: File exists" \
            "rmmod: ERROR: Module hello is not currently loaded" \
            "rmmod: ERROR: could not remove module hello: Operation not permitted" \
            "modinfo: ERROR: Module nosuch not found." "5"; do
    grep -qxF -- "$want" <<<"$bridged" || fail "kmod under the bridge: missing line: $want"$'\n'"$bridged"
done
expect "exit statuses of insmod, modinfo, rmmod as on Linux" \
    "status 1 status 0 status 1 status 0 status 1 status 0 status 1 status 1" "$(grep '^status' <<<"$bridged" | xargs)"
# lsmod and modinfo: byte for byte the built-in's, on the same kernel state.
expect "lsmod: Debian's = built-in" \
    "$(builtin 'sudo insmod hello.ko >/dev/null; lsmod' | grep -v '^\[')" \
    "$(run 'sudo insmod hello.ko >/dev/null; lsmod' | grep -v '^\[')"
expect "modinfo hello: Debian's = built-in" "$(builtin 'modinfo hello')" "$(run 'modinfo hello')"
expect "insmod as the student: same message" "$(builtin 'insmod hello.ko')" "$(run 'insmod hello.ko')"
expect "rmmod not loaded: same message" "$(builtin 'sudo rmmod hello')" "$(run 'sudo rmmod hello')"
expect "cat /proc/modules: Debian's cat = built-in cat" \
    "$(builtin 'sudo insmod hello.ko >/dev/null; cat /proc/modules' | grep -v '^\[')" \
    "$(run 'sudo insmod hello.ko >/dev/null; cat /proc/modules' | grep -v '^\[')"
expect "modprobe, modprobe -r, modprobe -n -v: Debian's = built-in" \
    "$(builtin 'sudo modprobe hello; lsmod; sudo modprobe -r hello; lsmod; modprobe -n -v hello' | grep -v '^\[')" \
    "$(run 'sudo modprobe hello; lsmod; sudo modprobe -r hello; lsmod; modprobe -n -v hello' | grep -v '^\[')"
# hello2.ko is hello.ko under another file name: its module is "hello".
expect "Debian's depmod writes simkernel's root (modules.dep), modprobe finds the file" "extra/hello2.ko:
hello                  20480  0" "$(run 'cp hello.ko /lib/modules/$(uname -r)/extra/hello2.ko && depmod && grep hello2 /lib/modules/$(uname -r)/modules.dep;
    sudo modprobe hello2 2>&1; lsmod | grep ^hello' | grep -v '^\[')"
expect "uname -r" "$(builtin 'uname -r')" "$(run 'uname -r')"

# ---- coreutils on simulated devices ----
expect "head -c 16 /dev/zero | hexdump -C" \
"00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
00000010" "$(run 'head -c 16 /dev/zero | hexdump -C')"
expect "ls /dev: the simulated devices" "console kbd null zero" "$(run 'ls /dev | xargs')"
ls_l=$(run 'ls -l /dev/null /dev/zero')
grep -qE '^crw-rw-rw- 1 root root 1, 3 .* /dev/null$' <<<"$ls_l" || fail "ls -l /dev/null: $ls_l"
expect "stat /dev/zero" "character special file 1,5" "$(run 'stat -c "%F %t,%T" /dev/zero')"
expect "dd from /dev/zero" "1048576" "$(run 'dd if=/dev/zero bs=64k count=16 2>/dev/null | wc -c')"
expect "cp from /proc (copy_file_range falls back)" "$(run 'cat /proc/version')" \
    "$(run "cp /proc/version $work/version && cat $work/version")"
expect "echo N | sudo tee a parameter" "20
20" "$(run 'sudo insmod params.ko >/dev/null; echo 20 | sudo tee /sys/module/params/parameters/myuint; cat /sys/module/params/parameters/myuint' | grep -v '^\[')"
expect "the student may not write it" "tee: /sys/module/params/parameters/myuint: Permission denied" \
    "$(run 'sudo insmod params.ko >/dev/null; echo 20 | tee /sys/module/params/parameters/myuint >/dev/null' | grep -v '^\[')"
expect "sudo sh -c with a redirection" "7" \
    "$(run 'sudo insmod params.ko >/dev/null; sudo sh -c "echo 7 > /sys/module/params/parameters/myuint"; cat /sys/module/params/parameters/myuint' | grep -v '^\[')"
expect "id: the student, then simulated root" "1000 0" "$(run 'echo $(id -u) $(sudo id -u)')"
expect "a student's program may not take root itself" "PermissionError: [Errno 1] Operation not permitted" \
    "$(run 'python3 -c "import os; os.setuid(0)" 2>&1 | tail -1')"
expect "a bash pipeline" "hello 20480 0 - Live 0x0000000000000000 (OE)" \
    "$(run 'sudo insmod hello.ko >/dev/null; cat /proc/modules | grep hello | cat' | grep -v '^\[')"

# ---- a C program and a Python one, with ioctl ----
expect "C test program on /dev/led0" "after LED_SET 1: 1
after LED_TOGGLE: 0
LED_SET 7: Invalid argument
unknown command: Inappropriate ioctl for device
read: Invalid argument
brightness: 0
fd is 512" "$(run "sudo insmod led0.ko; $led0test")"
expect "the same program statically linked" "$(run "sudo insmod led0.ko; $led0test")" \
    "$(run "sudo insmod led0.ko; $led0test_static")"
expect "Python ioctl on /dev/led0" "(1,)" "$(run 'sudo insmod led0.ko; python3 -c "
import fcntl, os, struct
fd = os.open(\"/dev/led0\", os.O_RDWR)
fcntl.ioctl(fd, 0x4c03)                       # LED_TOGGLE
print(struct.unpack(\"i\", fcntl.ioctl(fd, 0x80044c02, bytes(4))))   # LED_GET
"')"

# ---- signals: a blocking read interrupted ----
expect "SIGALRM interrupts a blocking read of /dev/kbd" "interrupted" "$(run 'python3 -c "
import os, signal
class Alarm(Exception): pass
def on_alarm(*a): raise Alarm()
signal.signal(signal.SIGALRM, on_alarm)
fd = os.open(\"/dev/kbd\", os.O_RDONLY)
signal.alarm(1)
try:
    os.read(fd, 1)
except Alarm:
    print(\"interrupted\")
"')"
expect "Ctrl-C (SIGINT) ends cat /dev/kbd" "130" "$(run 'timeout -s INT 0.5 cat /dev/kbd; echo $(( $? == 124 ? 130 : $? ))')"

# ---- a killed client leaves no open file behind ----
expect "kill -9 of a holder: its file is closed, rmmod works" "rmmod: ERROR: Module scull is in use
removed" "$(run 'sudo insmod scull.ko; sleep 100 < /dev/scull0 & sleep 0.3; sudo rmmod scull; kill -9 $!; wait 2>/dev/null; sleep 0.2; sudo rmmod scull && echo removed' | grep -v -e '^\[' -e Killed)"

# ---- fork and exec keep simulated fds ----
expect "a child inherits an open simulated fd" "00000000  00 00 00 00                                       |....|
00000004" "$(run 'exec 0</dev/zero; head -c 4 | hexdump -C')"

# ---- poll, select, fcntl(O_NONBLOCK), dup2 anywhere: a device with .poll ----
mkdir -p "$work/pp"
cp "$pollpipe_c" "$work/pp/"
echo 'obj-m += pollpipe.o' > "$work/pp/Kbuild"
if ! make -s -C "$sdk" M="$work/pp" modules >"$work/pp/log" 2>&1; then
    fail "pollpipe.ko does not build with the SDK"; sed 's/^/    /' "$work/pp/log"
fi
gcc -O2 -Wall -o "$work/polltest" "$polltest_c" || fail "polltest.c does not build with gcc"
expect "C program: O_NONBLOCK, poll, select, ppoll, pselect, a wait woken by another process, dup2 onto fd 7" \
"F_GETFL: O_RDWR 1, O_NONBLOCK 0
after F_SETFL: O_NONBLOCK 1
read of the empty device: Resource temporarily unavailable
poll POLLIN, 50 ms, empty: 0 revents 0
poll POLLIN|POLLOUT: 1 revents 0x4
poll woken by a write: 1 revents 0x1
read: wake
poll device + pipe, the pipe written: 1 revents 0 0x1
poll device + pipe, the device written: 1 revents 0x1 0
select readable, empty: 0
select after a write: 2 readable 1 writable 1
pselect: 1 readable 1
ppoll: 1 revents 0x1
select on a closed fd: Bad file descriptor
poll fd 7: 1 revents 0x4
fd 7 F_GETFL O_RDWR: 1
read of fd 0 (dup2 of fd 7): via0
read of fd 7 itself: Bad file descriptor
F_DUPFD 100: at or above 100" "$(run "sudo insmod $work/pp/pollpipe.ko; $work/polltest" | grep -v '^\[')"
expect "Python select.select on a simulated fd" "([], [], [])
True True" "$(run "sudo insmod $work/pp/pollpipe.ko; python3 -c '
import os, select
fd = os.open(\"/dev/pollpipe\", os.O_RDWR)
print(select.select([fd], [], [], 0.05))
os.write(fd, b\"x\")
r, w, _ = select.select([fd], [fd], [], 1)
print(r == [fd], w == [fd])
'" | grep -v '^\[')"
expect "Python: O_NONBLOCK set with fcntl, then read" "EAGAIN" "$(run "sudo insmod $work/pp/pollpipe.ko; python3 -c '
import errno, fcntl, os
fd = os.open(\"/dev/pollpipe\", os.O_RDONLY)
fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)
try:
    os.read(fd, 1)
except BlockingIOError as e:
    print(errno.errorcode[e.errno])
'" | grep -v '^\[')"
expect "SIGALRM interrupts a select on the device, and a poll of the device and a pipe" "interrupted
interrupted" "$(run "sudo insmod $work/pp/pollpipe.ko; python3 -c '
import os, select, signal
class Alarm(Exception): pass
def on_alarm(*a): raise Alarm()
signal.signal(signal.SIGALRM, on_alarm)
fd = os.open(\"/dev/pollpipe\", os.O_RDWR)
r, w = os.pipe()
def select_device(): select.select([fd], [], [])
def poll_both():
    p = select.poll(); p.register(fd, select.POLLIN); p.register(r, select.POLLIN); p.poll()
for wait in (select_device, poll_both):
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        wait()
    except Alarm:
        print(\"interrupted\")
'" | grep -v '^\[')"
expect "bash: exec 5</dev/zero; head -c 4 <&5" "00000000  00 00 00 00                                       |....|
00000004" "$(run 'exec 5</dev/zero; head -c 4 <&5 | hexdump -C')"
expect "bash: echo >&5 and read <&5 on a simulated fd at 5" \
    "hi" "$(run 'sudo insmod '"$work"'/pp/pollpipe.ko; exec 5<>/dev/pollpipe; echo hi >&5; read x <&5; echo $x' | grep -v '^\[')"
expect "bash: exec 5<&- closes the simulated file (rmmod works at once)" "rmmod: ERROR: Module scull is in use
removed" "$(run 'sudo insmod scull.ko; exec 5</dev/scull0; sudo rmmod scull; exec 5<&-; sudo rmmod scull && echo removed' | grep -v '^\[')"

# ---- cd into a simulated directory ----
expect "cd /sys/module/hello; cat initstate; cd ..; cd /tmp" "/sys/module/hello
live
/sys/module/hello
/sys/module
/tmp" "$(run 'sudo insmod hello.ko >/dev/null; cd /sys/module/hello && /bin/pwd && cat initstate;
    python3 -c "import os; print(os.getcwd())"; cd ..; pwd; cd /tmp; /bin/pwd' | grep -v '^\[')"
expect "a relative chdir out of a simulated directory is refused, with a reason in the log" \
    "Invalid cross-device link" "$(run 'cd /sys; python3 -c "
import os
try:
    os.chdir(\"..\")
except OSError as e:
    print(e.strerror)
"' | grep -v '^\[')"

# ---- processes: tasks made by fork, ended by exit, reaped by wait ----
expect "a subshell that opened a device has closed it once waited for" "removed" \
    "$(run 'sudo insmod scull.ko; ( exec 5</dev/scull0 ); sudo rmmod scull && echo removed' | grep -v '^\[')"
expect "a child that made no trapped call holds nothing after it is gone" "removed" \
    "$(run 'sudo insmod scull.ko; exec 5</dev/scull0; ( : ); exec 5<&-; sudo rmmod scull && echo removed' | grep -v '^\[')"
expect "no task is left behind by forks (the number of tasks, before and after)" "same" \
    "$(run 'a=$(ls /proc | grep -c "^[0-9]"); for i in 1 2 3; do ( : ); (exec 5</dev/zero); /bin/true; true | cat; done; b=$(ls /proc | grep -c "^[0-9]"); [ "$a" = "$b" ] && echo same || echo "$a then $b"')"

# ---- the built-in shell: pipes and host commands ----
expect "built-in shell: dmesg | grep Hello" "[    0.000000] Hello World" \
    "$(builtin 'sudo insmod hello.ko >/dev/null; dmesg | grep Hello' | grep Hello | sed 's/^\[ *[0-9.]*\]/[    0.000000]/' | sort -u)"
expect "built-in shell: a pipe" "6.8.0-simkernel" "$(builtin 'cat /proc/sys/kernel/osrelease | cat')"
echo 20 > "$work/in"
expect "built-in shell: sudo and a host program" "20" \
    "$(builtin "sudo insmod params.ko >/dev/null; sudo tee /sys/module/params/parameters/myuint < $work/in >/dev/null; cat /sys/module/params/parameters/myuint" | grep -v '^\[')"

expect "built-in shell: a host pipe in the background, then wait" "[1]+  Done                    head -c 5 /dev/zero | wc -c > $work/bg.out
5" "$(builtin "head -c 5 /dev/zero | wc -c > $work/bg.out & wait" | grep -v '^\[1\] '; cat "$work/bg.out")"
expect "built-in shell: kill %1 ends a host program in the background" "[1]+  Terminated              sleep 30" \
    "$(builtin 'sleep 30 & kill %1; wait' | grep -v '^\[1\] ')"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "all bridge checks passed"
