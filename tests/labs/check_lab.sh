#!/usr/bin/env bash
# check_lab.sh - a lab's checker, proven both ways (CI):
#
#   check_lab.sh solution|skeleton SIMKERNEL LAB_DIR EXPECTED_DIR
#
# solution: the reference solution, copied to a scratch directory, passes
#   every test (exit 0, full score), and the --junit and --json files have
#   the shapes JUnit readers and Gradescope expect.
# skeleton: the untouched starter code builds, fails the check (exit 1), and
#   the checker's report (times removed) is EXPECTED_DIR/<lab>.skeleton.out:
#   the messages a student sees first. SK_UPDATE_EXPECTED=1 writes that
#   file instead (for a new lab, or after a deliberate change: review the diff).
set -euo pipefail
mode=$1 simkernel=$(realpath "$2") lab_dir=$(realpath "$3") expected_dir=$(realpath "$4")
here=$(cd "$(dirname "$0")" && pwd)
lab=$(basename "$lab_dir")
number=$((10#${lab%%-*}))

work=$(mktemp -d)
chmod 755 "$work"  # the simulated student (not host root, when CI runs as root) must reach it
trap 'rm -rf "$work"' EXIT
cp -r "$lab_dir/$mode" "$work/$lab"

set +e
out=$(cd "$work" && "$simkernel" lab check "$number" "$lab" --junit "$work/junit.xml" --json "$work/results.json" 2>&1)
status=$?
set -e
# Times and the scratch directory vary from run to run; so do the numbers a
# wrong module gives (how many additions a race lost): N in "happened:" lines.
report=$(printf '%s\n' "$out" | sed -E -e "s#$work#WORK#g" -e 's/\([0-9]+\.[0-9]+ s\)/(TIME)/g' \
    -e 's#make -C [^ ]+ #make -C SDK #' -e '/^ +happened: /s/[0-9]+/N/g')

fail() { printf '%s\n' "$report"; echo "FAILED: $*"; exit 1; }

xmllint --noout --schema "$here/junit.xsd" "$work/junit.xml" 2>"$work/xmllint.err" ||
    { cat "$work/xmllint.err"; fail "the JUnit XML does not match tests/labs/junit.xsd"; }
# Gradescope's results.json: a score, and per test a name, score, max_score, status, output.
jq -e '
    (.score | type) == "number" and (.max_score | type) == "number" and
    (.execution_time | type) == "number" and (.output | type) == "string" and
    (.tests | type) == "array" and (.tests | length) > 0 and
    all(.tests[]; (.name | type) == "string" and (.number | type) == "string" and
        (.score | type) == "number" and (.max_score | type) == "number" and
        (.status == "passed" or .status == "failed") and (.output | type) == "string" and
        (.visibility == "visible")) and
    .score == ([.tests[].score] | add) and .max_score == ([.tests[].max_score] | add)
' "$work/results.json" >/dev/null || { cat "$work/results.json"; fail "results.json does not have Gradescope's shape"; }
tests=$(ls "$lab_dir"/tests/*.t | wc -l)
[ "$(jq '.tests | length' "$work/results.json")" = "$tests" ] || fail "results.json does not list all $tests tests"
[ "$(xmllint --xpath 'count(//testcase)' "$work/junit.xml")" = "$tests" ] || fail "the JUnit XML does not list all $tests tests"

case $mode in
solution)
    [ "$status" = 0 ] || fail "the reference solution does not pass (exit $status)"
    jq -e '.score == .max_score and all(.tests[]; .status == "passed")' "$work/results.json" >/dev/null ||
        fail "results.json does not give the solution full marks"
    [ "$(xmllint --xpath 'count(//failure)' "$work/junit.xml")" = 0 ] || fail "the JUnit XML has failures"
    echo "$lab: the solution passes every test"
    ;;
skeleton)
    [ "$status" = 1 ] || fail "the skeleton's check should exit 1 (some tests fail), not $status"
    grep -q '^build: .*: ok' <<<"$report" || fail "the skeleton does not build as given"
    jq -e '.score < .max_score' "$work/results.json" >/dev/null || fail "the skeleton scores full marks"
    if [ -n "${SK_UPDATE_EXPECTED:-}" ]; then
        printf '%s\n' "$report" >"$expected_dir/$lab.skeleton.out"
        echo "$lab: wrote $expected_dir/$lab.skeleton.out"
        exit 0
    fi
    diff -u "$expected_dir/$lab.skeleton.out" <(printf '%s\n' "$report") --label expected --label actual ||
        fail "the checker's report on the skeleton differs from $expected_dir/$lab.skeleton.out"
    echo "$lab: the skeleton fails as expected"
    ;;
*) echo "check_lab.sh: solution or skeleton, not $mode" >&2; exit 2 ;;
esac
