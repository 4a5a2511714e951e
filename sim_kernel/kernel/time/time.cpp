// time.cpp - jiffies and delays (kernel/time/time.c, kernel/time/timer.c's
// msleep, arch/x86/lib/delay.c).
#include <simkernel/kernel.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/timers.hpp>

#include <linux/delay.h>

#include <chrono>
#include <thread>
#include <simkernel/export.hpp>

extern "C" u64 get_jiffies_64(void) { return sk::jiffies_now(); }
EXPORT_SYMBOL(get_jiffies_64);

extern "C" long schedule_timeout_uninterruptible(long timeout) {
    set_current_state_fn(TASK_UNINTERRUPTIBLE);
    return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

// Sleeps at least msecs: wake-ups that come early just sleep again.
#define CALLER reinterpret_cast<uintptr_t>(__builtin_return_address(0))
#define MIGHT_SLEEP() sk::might_sleep_at("kernel/time/timer.c", 2105, CALLER)

extern "C" void msleep(unsigned int msecs) {
    MIGHT_SLEEP();
    long timeout = static_cast<long>(msecs_to_jiffies(msecs)) + 1;
    while (timeout) timeout = schedule_timeout_uninterruptible(timeout);
}
EXPORT_SYMBOL(msleep);

// Ends early on a signal; returns the milliseconds that were left.
extern "C" unsigned long msleep_interruptible(unsigned int msecs) {
    MIGHT_SLEEP();
    long timeout = static_cast<long>(msecs_to_jiffies(msecs)) + 1;
    sk::Task* t = sk::current_task();
    while (timeout && !(t && t->has_signal())) timeout = schedule_timeout_interruptible(timeout);
    return jiffies_to_msecs(static_cast<unsigned long>(timeout));
}
EXPORT_SYMBOL(msleep_interruptible);

// A sleep finer than a jiffy: the host's clock, without the scheduler
// (Linux uses an hrtimer). Not interruptible.
extern "C" void usleep_range(unsigned long min, unsigned long /*max*/) {
    MIGHT_SLEEP();
    if (sk::in_timer_callback()) return;  // might_sleep said why; the sleep is skipped
    std::this_thread::sleep_for(std::chrono::microseconds(min));
}
EXPORT_SYMBOL(usleep_range);

// Busy-waits: allowed anywhere, and wasteful anywhere but for short waits.
extern "C" void ndelay(unsigned long nsecs) {
    auto until = std::chrono::steady_clock::now() + std::chrono::nanoseconds(nsecs);
    while (std::chrono::steady_clock::now() < until) __builtin_ia32_pause();
}
EXPORT_SYMBOL(ndelay);
