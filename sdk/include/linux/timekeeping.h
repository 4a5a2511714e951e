/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/timekeeping.h - the clocks. Monotonic (ktime_get: since boot, never
 * jumps), boot time (the same in simkernel: the machine never suspends) and
 * real (wall-clock) time.
 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/ktime.h>
#include <linux/errno.h>

__SK_BEGIN_DECLS
ktime_t ktime_get(void);
ktime_t ktime_get_real(void);
ktime_t ktime_get_boottime(void);
time64_t ktime_get_seconds(void);
time64_t ktime_get_real_seconds(void);
void ktime_get_real_ts64(struct timespec64 *ts);
void ktime_get_ts64(struct timespec64 *ts);
__SK_END_DECLS

static inline u64 ktime_get_ns(void) { return (u64)ktime_get(); }
static inline u64 ktime_get_real_ns(void) { return (u64)ktime_get_real(); }
static inline u64 ktime_get_boottime_ns(void) { return (u64)ktime_get_boottime(); }
static inline u64 ktime_get_mono_fast_ns(void) { return ktime_get_ns(); }

#endif /* _LINUX_TIMEKEEPING_H */
