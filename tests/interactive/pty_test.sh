#!/usr/bin/env bash
# pty_test.sh - the shell on a terminal, as a student types at it: line
# editing and tab completion (libedit), history, and Ctrl-C. The shell runs
# under util-linux's script(1), which gives it a pseudo-terminal; the keys
# are written to that terminal with pauses, as fingers would.
#
#   pty_test.sh SIMKERNEL
set -euo pipefail
simkernel=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home  # the history file goes here, not in the user's home
unset XDG_STATE_HOME
mkdir -p "$HOME"
failures=0

# session NAME KEYS...: types each KEYS argument, 0.3 s apart, and keeps
# what the terminal showed (escape sequences and all) in $work/NAME.out.
session() {
    local name=$1
    shift
    {
        sleep 0.5  # the banner and the first prompt
        for keys in "$@"; do
            printf '%b' "$keys"
            sleep 0.3
        done
    } | timeout 20 script -qec "$simkernel --root $work/root" /dev/null >"$work/$name.out" 2>&1 || true
}

expect() {
    local name=$1 what=$2 text=$3
    if grep -qF -- "$text" "$work/$name.out"; then
        echo "ok: $name: $what"
    else
        echo "FAIL: $name: $what: no '$text' in:"
        cat -v "$work/$name.out" | sed 's/^/    /'
        failures=$((failures + 1))
    fi
}

# Tab completes a command name, and a path in the simulated /proc.
session complete 'lsm\t\n' 'cat /proc/versi\t\n' 'exit\n'
expect complete "lsm<Tab> runs lsmod" "Module                  Size  Used by"
expect complete "/proc/versi<Tab> completes the path" "Linux version"

# Up-arrow brings the last command back; the history outlives the session.
session history 'echo first-line\n' '\e[A\n' 'exit\n'
count=$(grep -c '^first-line' "$work/history.out" | tr -d '\r' || true)
if [ "$count" -ge 2 ]; then echo "ok: history: Up runs the last command again"; else
    echo "FAIL: history: 'first-line' printed $count times, expected 2"; cat -v "$work/history.out"; failures=$((failures + 1)); fi
# libedit's format: a header line, then each command with spaces as \040.
if grep -q 'first-line' "$HOME/.local/state/simkernel/history" 2>/dev/null; then
    echo "ok: history: kept in ~/.local/state/simkernel/history"
else
    echo "FAIL: history: no ~/.local/state/simkernel/history with the command"; failures=$((failures + 1))
fi

# Ctrl-C interrupts a read blocked on the keyboard, not the shell.
session ctrl_c 'cat /dev/kbd\n' '\003' 'echo still-here\n' 'exit\n'
expect ctrl_c "the shell is still there after Ctrl-C" "still-here"

# Ctrl-D at an empty prompt shuts the kernel down, as exit does.
session ctrl_d 'sudo insmod /lib/modules/6.8.0-simkernel/extra/hello.ko\n' '\004'
expect ctrl_d "Ctrl-D shuts down, running cleanup_module" "Goodbye"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all interactive checks passed"
