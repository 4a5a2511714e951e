#!/usr/bin/env bash
# man_pages.sh - every installed program has a section-1 page, the page
# renders without a warning, and it names every subcommand and option the
# program's --help lists (so neither drifts from the other).
#
#   man_pages.sh MAN_DIR PROGRAM...
#
# Each PROGRAM's page is MAN_DIR/<basename>.1. Its subcommands are found in
# --help ("Subcommands:"), recursively: `simkernel lab check --help` too.
set -euo pipefail
man_dir=$1
shift
status=0
fail() { echo "FAILED: $*"; status=1; }

# The options and subcommands one --help shows: "-c", "--root", and under
# "Subcommands:" the names (CLI11's layout: two spaces, the name, spaces).
help_words() {
    local help
    help=$("$@" --help 2>&1) || true
    awk '
        /^[A-Za-z].*:$/ { section = $0; next }
        /^  [^ ]/ {
            if (section == "Subcommands:") { print "SUB " $1; next }
            if (section ~ /^Options/) {
                n = split($1, names, ",")
                for (i = 1; i <= n; i++) if (names[i] ~ /^-/ && names[i] != "-h" && names[i] != "--help") print "OPT " names[i]
            }
        }' <<<"$help"
}

# check_words PAGE_TEXT CMD...: every option and subcommand of CMD, and of
# its subcommands, appears in the page.
check_words() {
    local text=$1
    shift
    local kind word label
    label=$(basename "$1")${2:+ ${*:2}}
    while read -r kind word; do
        [ -n "$word" ] || continue
        case $kind in
        OPT) grep -qE -e "(^|[^-[:alnum:]])$word([^-[:alnum:]]|\$)" <<<"$text" ||
                 fail "$(basename "$1").1: option $word of '$label' is missing" ;;
        SUB)
            grep -qE "(^|[^-[:alnum:]])$word([^-[:alnum:]]|\$)" <<<"$text" ||
                fail "$(basename "$1").1: subcommand '$label $word' is missing"
            check_words "$text" "$@" "$word"
            ;;
        esac
    done < <(help_words "$@")
}

for prog in "$@"; do
    name=$(basename "$prog")
    page=$man_dir/$name.1
    [ -f "$page" ] || { fail "$name has no man page ($page)"; continue; }
    # As man(1) shows it: warnings (groff -ww) go to standard error.
    err=$(MANWIDTH=80 man --warnings=w -E ascii -l "$page" 2>&1 >/dev/null) || fail "$name.1: man -l failed"
    [ -z "$err" ] || fail "$name.1 renders with warnings:"$'\n'"$err"
    text=$(MANWIDTH=200 man --nh --nj -E ascii -l "$page" 2>/dev/null | col -b)
    grep -q "^NAME" <<<"$text" && grep -q "^SYNOPSIS" <<<"$text" && grep -q "^DESCRIPTION" <<<"$text" ||
        fail "$name.1 lacks NAME, SYNOPSIS or DESCRIPTION"
    check_words "$text" "$prog"
done
[ "$status" = 0 ] && echo "man pages: $# programs, every page renders cleanly and names every option and subcommand"
exit "$status"
