// timekeeping.cpp - ktime_get and the other clocks (kernel/time/timekeeping.c).
// Monotonic and boot time count from the kernel's boot, as the log's
// timestamps do (microsecond resolution); real time is the host's clock.
#include <simkernel/kernel.hpp>

#include <linux/ktime.h>

#include <chrono>
#include <simkernel/export.hpp>

namespace {
ktime_t since_boot() {
    sk::Kernel* k = sk::kernel_if_running();
    return k ? static_cast<ktime_t>(k->log.usec_since_boot()) * NSEC_PER_USEC : 0;
}
ktime_t wall_clock() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}
}  // namespace

extern "C" ktime_t ktime_get(void) { return since_boot(); }
EXPORT_SYMBOL(ktime_get);
extern "C" ktime_t ktime_get_boottime(void) { return since_boot(); }
EXPORT_SYMBOL(ktime_get_boottime);
extern "C" ktime_t ktime_get_real(void) { return wall_clock(); }
EXPORT_SYMBOL(ktime_get_real);
extern "C" time64_t ktime_get_seconds(void) { return since_boot() / NSEC_PER_SEC; }
EXPORT_SYMBOL(ktime_get_seconds);
extern "C" time64_t ktime_get_real_seconds(void) { return wall_clock() / NSEC_PER_SEC; }
EXPORT_SYMBOL(ktime_get_real_seconds);
extern "C" void ktime_get_real_ts64(struct timespec64* ts) { *ts = ktime_to_timespec64(wall_clock()); }
EXPORT_SYMBOL(ktime_get_real_ts64);
extern "C" void ktime_get_ts64(struct timespec64* ts) { *ts = ktime_to_timespec64(since_boot()); }
EXPORT_SYMBOL(ktime_get_ts64);
