// time.cpp - jiffies and delays (kernel/time/time.c, kernel/time/timer.c's
// msleep, arch/x86/lib/delay.c).
#include <simkernel/kernel.hpp>
#include <simkernel/timers.hpp>

#include <linux/delay.h>

#include <chrono>
#include <thread>

extern "C" u64 get_jiffies_64(void) { return sk::jiffies_now(); }

extern "C" long schedule_timeout_uninterruptible(long timeout) {
    set_current_state_fn(TASK_UNINTERRUPTIBLE);
    return schedule_timeout(timeout);
}

// Sleeps at least msecs: wake-ups that come early just sleep again.
extern "C" void msleep(unsigned int msecs) {
    long timeout = static_cast<long>(msecs_to_jiffies(msecs)) + 1;
    while (timeout) timeout = schedule_timeout_uninterruptible(timeout);
}

// Ends early on a signal; returns the milliseconds that were left.
extern "C" unsigned long msleep_interruptible(unsigned int msecs) {
    long timeout = static_cast<long>(msecs_to_jiffies(msecs)) + 1;
    sk::Task* t = sk::current_task();
    while (timeout && !(t && t->has_signal())) timeout = schedule_timeout_interruptible(timeout);
    return jiffies_to_msecs(static_cast<unsigned long>(timeout));
}

// A sleep finer than a jiffy: the host's clock, without the scheduler
// (Linux uses an hrtimer). Not interruptible.
extern "C" void usleep_range(unsigned long min, unsigned long /*max*/) {
    if (sk::in_timer_callback()) {
        printk(KERN_ERR "BUG: sleeping function called from invalid context (usleep_range in a timer callback)\n");
        return;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(min));
}

// Busy-waits: allowed anywhere, and wasteful anywhere but for short waits.
extern "C" void ndelay(unsigned long nsecs) {
    auto until = std::chrono::steady_clock::now() + std::chrono::nanoseconds(nsecs);
    while (std::chrono::steady_clock::now() < until) __builtin_ia32_pause();
}
