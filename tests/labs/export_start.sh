#!/usr/bin/env bash
# export_start.sh - `simkernel lab export --student` and `lab start`, as an
# instructor and a student use them (CI):
#   - the export holds every lab's README, skeleton and tests, and no solution;
#   - it is a labs directory of its own (SIMKERNEL_LABS=DIR simkernel lab list);
#   - lab start copies the skeleton and README into a new directory, and
#     refuses a directory that is not empty, leaving it as it was;
#   - bad input (no such lab, export into a non-empty directory) is refused.
#
#   export_start.sh SIMKERNEL LABS_DIR
set -euo pipefail
simkernel=$(realpath "$1") labs=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*"; exit 1; }

"$simkernel" lab --labs "$labs" export --student "$work/export" >/dev/null
n=$(ls -d "$labs"/[0-9][0-9]-*/ | wc -l)
[ "$(ls -d "$work/export"/[0-9][0-9]-*/ | wc -l)" = "$n" ] || fail "the export does not hold all $n labs"
[ -z "$(find "$work/export" -name solution)" ] || fail "the export holds a solution directory"
for lab in "$labs"/[0-9][0-9]-*/; do
    name=$(basename "$lab")
    for f in README.md skeleton tests; do
        [ -e "$work/export/$name/$f" ] || fail "the export lacks $name/$f"
    done
    # No file of a solution that differs from the skeleton's is exported anywhere.
    for s in "$lab"/solution/*; do
        k="$lab/skeleton/$(basename "$s")"
        cmp -s "$s" "$k" && continue
        for e in $(find "$work/export" -type f); do
            cmp -s "$s" "$e" && fail "the export holds $name's solution $(basename "$s") as $e"
        done
    done
done
[ -f "$work/export/README.md" ] || fail "the export lacks the labs' README.md"
SIMKERNEL_LABS="$work/export" "$simkernel" lab list | grep -q '^ 3  chardev' || fail "lab list does not read the export"

# A second export into the same, now non-empty, directory is refused.
if "$simkernel" lab --labs "$labs" export --student "$work/export" 2>"$work/err"; then fail "export into a non-empty directory succeeded"; fi
grep -q "already exists and is not empty" "$work/err" || fail "export into a non-empty directory: $(cat "$work/err")"

# lab start: the skeleton and the README, in a new directory.
(cd "$work" && SIMKERNEL_LABS="$work/export" "$simkernel" lab start 3) >"$work/out"
grep -q "simkernel lab check 3" "$work/out" || fail "lab start does not say how to check: $(cat "$work/out")"
for f in README.md board.c Makefile; do [ -f "$work/lab03-chardev/$f" ] || fail "lab start did not copy $f"; done
[ ! -e "$work/lab03-chardev/tests" ] && [ ! -e "$work/lab03-chardev/solution" ] || fail "lab start copied tests or a solution"
cmp -s "$labs/03-chardev/skeleton/board.c" "$work/lab03-chardev/board.c" || fail "lab start's board.c is not the skeleton"

# Into a non-empty directory: refused, the directory as it was.
mkdir "$work/mine" && echo keep >"$work/mine/notes.txt"
if (cd "$work" && "$simkernel" lab --labs "$labs" start 3 mine) 2>"$work/err"; then fail "lab start into a non-empty directory succeeded"; fi
grep -q "already exists and is not empty" "$work/err" || fail "lab start, non-empty: $(cat "$work/err")"
[ "$(ls "$work/mine")" = notes.txt ] || fail "lab start changed a directory it refused"

# No such lab; check of a directory that does not exist; a directory with no Makefile.
if "$simkernel" lab --labs "$labs" start 99 "$work/x" 2>"$work/err"; then fail "lab start 99 succeeded"; fi
grep -q "there is no lab 99" "$work/err" || fail "lab start 99: $(cat "$work/err")"
[ ! -e "$work/x" ] || fail "lab start 99 made its directory"
if "$simkernel" lab --labs "$labs" check 3 "$work/nothere" 2>"$work/err"; then fail "lab check of a missing directory succeeded"; fi
grep -q "no directory .*nothere" "$work/err" || fail "lab check, missing directory: $(cat "$work/err")"
if "$simkernel" lab --labs "$labs" check 3 "$work/mine" 2>"$work/err"; then fail "lab check without a Makefile succeeded"; fi
grep -q "has no Makefile" "$work/err" || fail "lab check, no Makefile: $(cat "$work/err")"
# A module that does not build: every test fails, saying so, after make's own messages.
mkdir "$work/broken"
echo 'obj-m += greet.o' >"$work/broken/Makefile"
printf '#include <linux/module.h>\nMODULE_LICENSE("GPL");\nint x = ;\n' >"$work/broken/greet.c"
set +e
out=$("$simkernel" lab --labs "$labs" check 1 "$work/broken" --json "$work/broken.json" 2>&1)
status=$?
set -e
[ "$status" = 1 ] || fail "lab check of a module that does not build: exit $status"
grep -q "^build: .*: FAILED" <<<"$out" || fail "no FAILED build line: $out"
grep -q "greet.c:3:.*error" <<<"$out" || fail "the compiler's error is not shown: $out"
[ "$(grep -c "happened: make failed (its messages are above)" <<<"$out")" = "$(ls "$labs"/01-*/tests/*.t | wc -l)" ] ||
    fail "not every test says the build failed: $out"
jq -e '.score == 0 and (.output | test("did not build"))' "$work/broken.json" >/dev/null || fail "results.json of a failed build"
echo "export and start ok"
