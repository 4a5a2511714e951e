/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/delay.h - waiting for a while.
 *
 * msleep() and ssleep() put the task to sleep (other tasks run meanwhile);
 * a signal does not end them. msleep_interruptible() ends early on a
 * signal and returns the milliseconds left. udelay()/ndelay()/mdelay() spin
 * without sleeping: for the short waits a device needs between two port
 * writes, and the only waits allowed where sleeping is not (a timer
 * callback, an interrupt handler).
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>
#include <linux/sched.h>
#include <linux/bug.h>

__SK_BEGIN_DECLS
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void ndelay(unsigned long nsecs);
__SK_END_DECLS

static inline void udelay(unsigned long usecs) { ndelay(usecs * 1000); }
static inline void mdelay(unsigned long msecs) { ndelay(msecs * 1000000); }
static inline void ssleep(unsigned int seconds) { msleep(seconds * 1000); }
static inline void fsleep(unsigned long usecs)
{
	if (usecs <= 10)
		udelay(usecs);
	else if (usecs <= 20000)
		usleep_range(usecs, 2 * usecs);
	else
		msleep((unsigned int)((usecs + 999) / 1000));
}

#endif /* _LINUX_DELAY_H */
