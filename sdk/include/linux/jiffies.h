/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/jiffies.h - the kernel's clock: ticks since boot.
 *
 * jiffies counts timer ticks, HZ of them per second (250, as Debian's
 * CONFIG_HZ). As in Linux it does not start at 0 but at INITIAL_JIFFIES,
 * five minutes before the 32-bit counter wraps, so that code comparing
 * jiffies with < instead of time_after() breaks within minutes of boot,
 * where someone will see it.
 *
 * In simkernel jiffies is read from the host's monotonic clock on each use,
 * so it is always current (Linux bumps a variable on each tick).
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <asm/param.h>
#include <asm/ptrace.h>
#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/string.h>
#include <asm/current.h>
#include <asm/page.h>
#include <linux/gfp_types.h>
#include <linux/ioctl.h>
#include <linux/time.h>
#include <linux/bug.h>

#define MAX_JIFFY_OFFSET ((long)(~0UL >> 1) - 1)
#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

__SK_BEGIN_DECLS
u64 get_jiffies_64(void);
__SK_END_DECLS

#ifndef __SIMKERNEL_HOSTED__ /* the kernel's C++ calls get_jiffies_64() */
#define jiffies ((unsigned long)get_jiffies_64())
#endif

/* Wrap-safe comparisons: true if a is after (before) b. */
#define time_after(a, b)     ((long)((b) - (a)) < 0)
#define time_before(a, b)    time_after(b, a)
#define time_after_eq(a, b)  ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_is_before_jiffies(a)    time_after(get_jiffies_64(), a)
#define time_is_after_jiffies(a)     time_before(get_jiffies_64(), a)

/* Conversions round up, as Linux's do: a wait is never shorter than asked. */
static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return ((unsigned long)m * HZ + 999) / 1000;
}
static inline unsigned long usecs_to_jiffies(unsigned int u)
{
	return ((unsigned long)u * HZ + 999999) / 1000000;
}
static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * (1000 / HZ));
}
static inline unsigned int jiffies_to_usecs(unsigned long j)
{
	return (unsigned int)(j * (1000000 / HZ));
}
static inline unsigned long secs_to_jiffies(unsigned int s)
{
	return (unsigned long)s * HZ;
}

#endif /* _LINUX_JIFFIES_H */
