// preempt.cpp - in_interrupt() and in_hardirq() (include/linux/preempt.h):
// true in an interrupt handler (hard interrupt context), or in a timer or
// tasklet function (softirq context), where Linux forbids sleeping.
#include <simkernel/lockdep.hpp>
#include <simkernel/timers.hpp>

#include <linux/preempt.h>
#include <simkernel/export.hpp>

extern "C" int sk_in_interrupt(void) { return sk::in_timer_callback() || (sk::in_hardirq)() ? 1 : 0; }
extern "C" int sk_in_hardirq(void) { return (sk::in_hardirq)() ? 1 : 0; }
EXPORT_SYMBOL(sk_in_interrupt);
EXPORT_SYMBOL(sk_in_hardirq);
