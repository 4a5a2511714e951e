#!/usr/bin/env bash
# runner_test.sh - `simkernel test` itself (CI): its patterns match what they
# should and fail what they should not, a failure is told in words (the step,
# why it matters, expected, happened), and a malformed transcript is refused.
#
#   runner_test.sh SIMKERNEL DIR WORKDIR
set -euo pipefail
sk=$1 dir=$2 workdir=$3
fail() { printf '%s\n' "${out:-}"; echo "FAILED: $*"; exit 1; }
run() { set +e; out=$("$sk" test --workdir "$workdir" "$@" 2>&1); status=$?; set -e; }
has() { grep -qxF -- "$1" <<<"$out" || fail "no line: $1"; }

run "$dir/patterns.t"
[ "$status" = 0 ] || fail "patterns.t should pass"
has "transcript ok: patterns.t ($(sed -n -E 's/.*\(([0-9.]+ s)\)$/\1/p' <<<"$out"))"

run "$dir/fail_regex.t"
[ "$status" = 1 ] || fail "fail_regex.t: exit $status, expected 1"
has "at: \$ echo hello"
has "why: It should say goodbye."
has 'expected: a line matching "goodbye|farewell"'
has 'happened: "hello"'
has "- goodbye|farewell (re)"
has "+ hello"

run "$dir/fail_range.t"
[ "$status" = 1 ] || fail "fail_range.t: exit $status"
has 'expected: a line like "{{1..12}}"'
has 'happened: "13"'

run "$dir/fail_missing.t"
[ "$status" = 1 ] || fail "fail_missing.t: exit $status"
has "at: \$ echo one"
has 'expected: "two"'
has "happened: no more output"

run "$dir/fail_exit.t"
[ "$status" = 1 ] || fail "fail_exit.t: exit $status"
has "expected: exit status 0"
has "happened: exit status 3"

# A transcript still running when its time is up is stopped, and said so.
t0=$SECONDS
run --timeout 1 "$dir/fail_timeout.t"
[ "$status" = 1 ] || fail "fail_timeout.t: exit $status"
[ $((SECONDS - t0)) -lt 10 ] || fail "fail_timeout.t was not stopped after 1 s"
has "at: \$ sleep 30"
has "happened: it was still running when the time ran out (a read or a wait that is never woken? a loop that never ends?)"

run "$dir/bad_range.t"
[ "$status" = 2 ] || fail "bad_range.t: exit $status, expected 2 (malformed)"
grep -q "bad_range.t:2: a range must go from low to high: {{9..1}}" <<<"$out" || fail "bad_range.t's message"
echo "runner ok"
