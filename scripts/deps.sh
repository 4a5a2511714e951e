#!/usr/bin/env bash
# deps.sh - install the Debian 12 packages simkernel builds and tests with.
# As root it installs what is missing; otherwise it names what to install.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config python3
  libboost-dev libboost-filesystem-dev  # Boost.DLL: mapping modules
  libfmt-dev libspdlog-dev              # formatting, the on-disk kernel log
  libcli11-dev                          # command-line options
  libelf-dev                            # reading .ko files before loading them
  libedit-dev                           # line editing, history, completion
  catch2                                # unit tests (v2)
  libbenchmark-dev                      # benchmarks
  kmod                                  # the reference modinfo/depmod/modprobe
  gdb                                   # issue 10: a breakpoint in a loaded module (tests/debug/)
  bsdutils                              # script(1): the shell tested on a pseudo-terminal
  linux-headers-amd64                   # real kbuild: modules/ must build against Linux too
  # issue 13 (labs, test kit):
  libxml2-utils jq                      # xmllint, jq: lab check's JUnit XML and results.json checked in CI
  man-db groff-base bsdextrautils       # man -l, groff, col: the man pages render cleanly (tests/man)
  clang libclang-rt-dev                 # issue 16: libFuzzer targets (fuzz/), scripts/fuzz
)
# Optional: set SK_EXTRA_PACKAGES="pkg ..." to add more (CI adds none).
# shellcheck disable=SC2206
PACKAGES+=(${SK_EXTRA_PACKAGES:-})

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "simkernel needs these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
