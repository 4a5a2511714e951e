#!/usr/bin/env bash
# run.sh - one shell transcript test.
#
#   run.sh SIMKERNEL WORKDIR FILE.t
#
# FILE.t is a session as a student would see it: lines starting with "$ "
# are typed commands, the lines after them what simkernel printed (stdout
# and stderr together). An optional last line "[exit N]" is the exit status
# expected from simkernel; lines starting with "#:" are notes, and
# "#: args: ..." gives simkernel extra options. The commands run in WORKDIR on a fresh simulated
# root; timestamps, kernel addresses and the root's path vary from run to
# run, so both sides are normalised before they are compared (stat's
# "2024-11-26 09:48:58.000000000 +0000" becomes STAMP).
set -euo pipefail
simkernel=$1 workdir=$2 transcript=$3

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

normalise() {
    sed -E -e 's/\[ *[0-9]+\.[0-9]{6}\]/[TIME]/g' \
           -e 's/0x[0-9a-f]{16}/0xADDR/g' \
           -e 's/[A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}/DATE/g' \
           -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{9} [-+][0-9]{4}/STAMP/g' \
           -e "s#${root}#ROOT#g"
}

expected_exit=$(sed -n -E 's/^\[exit ([0-9]+)\]$/\1/p' "$transcript")
expected_exit=${expected_exit:-0}
read -r -a extra_args <<< "$(sed -n -E 's/^#: args: (.*)$/\1/p' "$transcript")"
grep -E '^\$ ' "$transcript" | sed -E 's/^\$ //' > "$root.cmds"
trap 'rm -rf "$root" "$root.cmds"' EXIT

set +e
actual=$(cd "$workdir" && "$simkernel" --root "$root" --echo "${extra_args[@]}" < "$root.cmds" 2>&1)
status=$?
set -e

diff -u <(grep -v -E '^(\[exit [0-9]+\]|#:.*)$' "$transcript" | normalise) <(printf '%s\n' "$actual" | normalise) \
    --label "expected: $transcript" --label "actual" || { echo "transcript differs"; exit 1; }
if [ "$status" != "$expected_exit" ]; then
    echo "exit status $status, expected $expected_exit"
    exit 1
fi
echo "transcript ok: $(basename "$transcript")"
