/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/ktime.h - ktime_t, a time in nanoseconds (signed 64 bits), and its
 * arithmetic. ktime_get() reads the monotonic clock (since boot, never
 * jumps); the clocks themselves are in <linux/timekeeping.h>.
 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>
#include <linux/jiffies.h>
#include <linux/time64.h>

typedef s64 ktime_t;

static inline ktime_t ktime_set(const s64 secs, const unsigned long nsecs)
{
	return secs * NSEC_PER_SEC + (s64)nsecs;
}
#define ktime_add(a, b)        ((a) + (b))
#define ktime_sub(a, b)        ((a) - (b))
#define ktime_add_ns(kt, nsval) ((kt) + (s64)(nsval))
#define ktime_sub_ns(kt, nsval) ((kt) - (s64)(nsval))
static inline ktime_t ktime_add_ms(const ktime_t kt, const u64 msec) { return kt + (s64)(msec * NSEC_PER_MSEC); }
static inline ktime_t ktime_add_us(const ktime_t kt, const u64 usec) { return kt + (s64)(usec * NSEC_PER_USEC); }
static inline int ktime_compare(const ktime_t a, const ktime_t b) { return a < b ? -1 : a > b ? 1 : 0; }
static inline bool ktime_after(const ktime_t a, const ktime_t b) { return a > b; }
static inline bool ktime_before(const ktime_t a, const ktime_t b) { return a < b; }
static inline s64 ktime_to_ns(const ktime_t kt) { return kt; }
static inline s64 ktime_to_us(const ktime_t kt) { return kt / NSEC_PER_USEC; }
static inline s64 ktime_to_ms(const ktime_t kt) { return kt / NSEC_PER_MSEC; }
static inline s64 ktime_us_delta(const ktime_t later, const ktime_t earlier) { return ktime_to_us(later - earlier); }
static inline s64 ktime_ms_delta(const ktime_t later, const ktime_t earlier) { return ktime_to_ms(later - earlier); }
static inline ktime_t ns_to_ktime(u64 ns) { return (ktime_t)ns; }
static inline ktime_t us_to_ktime(u64 us) { return (ktime_t)(us * NSEC_PER_USEC); }
static inline ktime_t ms_to_ktime(u64 ms) { return (ktime_t)(ms * NSEC_PER_MSEC); }
static inline struct timespec64 ktime_to_timespec64(const ktime_t kt)
{
	struct timespec64 ts = { kt / NSEC_PER_SEC, kt % NSEC_PER_SEC };
	return ts;
}
static inline ktime_t timespec64_to_ktime(struct timespec64 ts) { return ktime_set(ts.tv_sec, (unsigned long)ts.tv_nsec); }

#include <linux/timekeeping.h>
#include <linux/bug.h>

#endif /* _LINUX_KTIME_H */
