#!/usr/bin/env bash
# bench/bridge_bench.sh - what the bridge costs (issue 12), all in one run,
# as JSON on stdout (Google Benchmark's shape: name, real_time, time_unit)
# with each target's PASS/MISS on stderr.
#
#   bench/bridge_bench.sh [BUILD_DIR]      (default: build)
#
#   bridge/read_zero_bridged   1-byte read(2) of /dev/zero by a host program
#                              under `simkernel run` (target: median < 10 us)
#   bridge/read_zero_host      the same program, unbridged: the host's /dev/zero
#   bridge/read_zero_sim       the in-process simulated call (simkernel-bench's
#                              syscall/read_zero_sim)
#   bridge/dd_64k_GBps         dd if=/dev/zero bs=64k count=16384 of=/dev/null,
#                              bridged (target: >= 1 GB/s)
#   bridge/host_file_read_{bridged,unbridged}[_64k]   pread(2) of a host file,
#                              1 byte and 64 KiB (target: bridged within 1.5x)
#   bridge/poll_zero_{bridged,host}   poll(2) of /dev/zero, no timeout: the
#                              simulated poll through the bridge, and the host's
#   bridge/host_dup_close_{bridged,unbridged}   dup(2) + close(2) of a host
#                              file's fd: what a trapped close costs host fds
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(realpath "${1:-$repo/build}")
sk="$build/bin/simkernel" bb="$build/bin/bridge_bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 65536 /dev/urandom > "$work/host.dat"
run() { "$sk" run --root "$work/root" -- "$@"; }

zero_bridged=$(run "$bb" read /dev/zero 1 200000)
zero_host=$("$bb" read /dev/zero 1 200000)
zero_sim=$("$build/bin/simkernel-bench" --benchmark_filter='syscall/read_zero_sim$' --benchmark_format=json 2>/dev/null |
    python3 -c 'import json,sys; print(round(json.load(sys.stdin)["benchmarks"][0]["real_time"], 1))')
dd_rate=$(run dd if=/dev/zero bs=64k count=16384 of=/dev/null 2>&1 | tail -1)
dd_secs=$(sed -E 's/.* copied, ([0-9.]+) s.*/\1/' <<<"$dd_rate")
dd_gbps=$(python3 -c "print(round(1073741824 / $dd_secs / 1e9, 2))")
file_bridged=$(run "$bb" read "$work/host.dat" 1 200000)
file_host=$("$bb" read "$work/host.dat" 1 200000)
file64_bridged=$(run "$bb" read "$work/host.dat" 65536 20000)
file64_host=$("$bb" read "$work/host.dat" 65536 20000)
poll_bridged=$(run "$bb" poll /dev/zero 0 100000)
poll_host=$("$bb" poll /dev/zero 0 100000)
dupclose_bridged=$(run "$bb" dupclose "$work/host.dat" 0 100000)
dupclose_host=$("$bb" dupclose "$work/host.dat" 0 100000)

cat <<JSON
{
  "context": {"date": "$(date -u +%FT%TZ)", "host": "$(uname -sr)", "cpus": $(nproc), "load": "$(cut -d' ' -f1-3 /proc/loadavg)"},
  "benchmarks": [
    {"name": "bridge/read_zero_bridged", "real_time": $zero_bridged, "time_unit": "ns"},
    {"name": "bridge/read_zero_host", "real_time": $zero_host, "time_unit": "ns"},
    {"name": "bridge/read_zero_sim", "real_time": $zero_sim, "time_unit": "ns"},
    {"name": "bridge/dd_64k_GBps", "value": $dd_gbps, "unit": "GB/s"},
    {"name": "bridge/host_file_read_bridged", "real_time": $file_bridged, "time_unit": "ns"},
    {"name": "bridge/host_file_read_unbridged", "real_time": $file_host, "time_unit": "ns"},
    {"name": "bridge/host_file_read_bridged_64k", "real_time": $file64_bridged, "time_unit": "ns"},
    {"name": "bridge/host_file_read_unbridged_64k", "real_time": $file64_host, "time_unit": "ns"},
    {"name": "bridge/poll_zero_bridged", "real_time": $poll_bridged, "time_unit": "ns"},
    {"name": "bridge/poll_zero_host", "real_time": $poll_host, "time_unit": "ns"},
    {"name": "bridge/host_dup_close_bridged", "real_time": $dupclose_bridged, "time_unit": "ns"},
    {"name": "bridge/host_dup_close_unbridged", "real_time": $dupclose_host, "time_unit": "ns"}
  ]
}
JSON
verdict() { if python3 -c "import sys; sys.exit(0 if $2 else 1)"; then echo "PASS  $1" >&2; else echo "MISS  $1" >&2; fi; }
verdict "bridged 1-byte read of /dev/zero: $zero_bridged ns (< 10000)" "$zero_bridged < 10000"
verdict "dd 64k through the bridge: $dd_gbps GB/s (>= 1)" "$dd_gbps >= 1"
verdict "host file 1-byte read bridged/unbridged: $file_bridged / $file_host ns (<= 1.5x)" "$file_bridged <= 1.5 * $file_host"
verdict "host file 64k read bridged/unbridged: $file64_bridged / $file64_host ns (<= 1.5x)" "$file64_bridged <= 1.5 * $file64_host"
