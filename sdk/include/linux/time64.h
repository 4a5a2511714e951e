/* SPDX-License-Identifier: GPL-2.0 */
/* linux/time64.h - struct timespec64 and the units of time. */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/math.h>

#define MSEC_PER_SEC  1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC  1000000L
#define NSEC_PER_SEC  1000000000L
#define KTIME_MAX     ((s64)~((u64)1 << 63))

typedef long time64_t; /* also in <linux/types.h>, for modules */

struct timespec64 {
	time64_t tv_sec; /* seconds */
	long     tv_nsec; /* nanoseconds */
};

#endif /* _LINUX_TIME64_H */
