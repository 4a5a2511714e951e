#!/usr/bin/env bash
# build.sh [BUILD_DIR [CMAKE_ARGS...]] - configure and build (default: build/).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
ninja -C "$dir"
