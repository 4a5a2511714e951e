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

# session NAME STEP...: runs the shell on a pseudo-terminal and types at it.
# A STEP is KEYS (printf %b escapes), typed once the shell shows its next
# prompt; "now:KEYS", typed at once (Ctrl-C while a command runs); or
# "sleep:SECONDS", a pause (for a command to start blocking).
# Waiting for the prompt, not for a fixed time, keeps this right on a slow
# machine or under a sanitizer. What the terminal showed (escape sequences
# and all) is kept in $work/NAME.out.
session() {
    local name=$1
    shift
    local out=$work/$name.out fifo=$work/$name.in
    mkfifo "$fifo"
    timeout 60 script -qec "$simkernel --root $work/root" /dev/null <"$fifo" >"$out" 2>&1 &
    local pid=$!
    exec 3>"$fifo"
    local prompts=0
    for step in "$@"; do
        if [[ $step == sleep:* ]]; then
            sleep "${step#sleep:}"
            continue
        fi
        if [[ $step == now:* ]]; then
            printf '%b' "${step#now:}" >&3
            continue
        fi
        prompts=$((prompts + 1))
        for _ in $(seq 300); do  # up to 30 s for the prompt
            [ "$(grep -o '@simkernel:' "$out" 2>/dev/null | wc -l)" -ge "$prompts" ] && break
            sleep 0.1
        done
        printf '%b' "$step" >&3
    done
    exec 3>&-
    wait "$pid" || true
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
session ctrl_c 'cat /dev/kbd\n' sleep:1 'now:\003' 'echo still-here\n' 'exit\n'
expect ctrl_c "the shell is still there after Ctrl-C" "still-here"

# Ctrl-D at an empty prompt shuts the kernel down, as exit does.
session ctrl_d 'sudo insmod /lib/modules/6.8.0-simkernel/extra/hello.ko\n' '\004'
expect ctrl_d "Ctrl-D shuts down, running cleanup_module" "Goodbye"

# Signals to the shell's own task (pid 3, as ps shows), as an interactive
# bash takes them: TERM and QUIT are ignored, INT ends only the command;
# KILL ends the shell, and the kernel still shuts down in order.
session self_signals 'kill 3\n' 'echo survived-term\n' 'kill -QUIT 3\n' 'kill -INT 3\n' 'echo survived-int\n' 'exit\n'
expect self_signals "kill 3 (TERM) does not end an interactive shell" "survived-term"
expect self_signals "kill -QUIT and -INT 3 do not end it either" "survived-int"
rm -f "$work/root/var/log/system.log"
session self_kill 'sudo insmod /lib/modules/6.8.0-simkernel/extra/hello.ko\n' 'kill -9 3\n'
expect self_kill "kill -9 3 ends the shell, as its parent would say" "Killed"
expect self_kill "then the kernel shuts down, running cleanup_module" "Goodbye"
if grep -q 'Goodbye' "$work/root/var/log/system.log" 2>/dev/null; then
    echo "ok: self_kill: the kernel log is written on the way out"
else
    echo "FAIL: self_kill: no Goodbye in /var/log/system.log"; failures=$((failures + 1))
fi

# "kill %1 &" then "wait": the job that kills takes the jobs lock while the
# shell waits for it (this used to deadlock), and "exit" with jobs running.
session background_kill 'sleep 30 &\n' 'kill %1 &\n' 'wait\n' 'echo after-wait\n' 'sleep 30 &\n' 'kill %1 &\n' 'exit\n'
expect background_kill "wait returns once kill %1 has ended the job" "after-wait"
expect background_kill "the killed job is reported" "Terminated"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all interactive checks passed"
