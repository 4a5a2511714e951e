// debug_files.hpp - the files that show and switch the debugging checks
// (slab_debug.cpp, lockdep.cpp, fault_inject.cpp). procfs serves them from
// this one table:
//
//   /proc/slabinfo                    the caches in use (Linux's format)
//   /proc/sys/kernel/prove_locking    lock checking and might_sleep on (1) or off (0), as Linux's
//   /proc/sys/debug/slub_debug        red zones, poison and tracking for new objects (1) or not (0)
//   /proc/sys/debug/slab_validate     write 1: check every object now (Linux: /sys/kernel/slab/*/validate)
//   /proc/sys/debug/failslab/*        failslab's knobs (Linux: /sys/kernel/debug/failslab/*)
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

namespace sk {

class Kernel;

struct DebugFile {
    std::string path;  // under /proc
    mode_t mode;
    std::function<std::string(Kernel&)> show;
    std::function<int(Kernel&, const std::string&)> store;  // empty: read-only; 0 or -errno
};

const std::vector<DebugFile>& debug_files();

}  // namespace sk
