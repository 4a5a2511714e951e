/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/ratelimit_types.h - struct ratelimit_state: at most `burst` messages
 * per `interval` jiffies from one call site (printk_ratelimited keeps one
 * per call site: 10 per 5 seconds, as Linux's defaults).
 */
#ifndef _LINUX_RATELIMIT_TYPES_H
#define _LINUX_RATELIMIT_TYPES_H

#include <linux/types.h>
#include <asm/param.h>
#include <linux/compiler.h>
#include <linux/bits.h>
#include <linux/build_bug.h>

#define DEFAULT_RATELIMIT_INTERVAL (5 * HZ)
#define DEFAULT_RATELIMIT_BURST    10

struct ratelimit_state {
	int lock;               /* taken with an atomic exchange */
	int interval;           /* jiffies */
	int burst;
	int printed;
	int missed;
	unsigned long begin;
};

#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) \
	{ 0, (interval_init), (burst_init), 0, 0, 0 }
#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init) \
	struct ratelimit_state name = RATELIMIT_STATE_INIT(name, interval_init, burst_init)

__SK_BEGIN_DECLS
/* Nonzero when the caller may print now. */
int ___ratelimit(struct ratelimit_state *rs, const char *func);
__SK_END_DECLS
#define __ratelimit(state) ___ratelimit(state, __func__)

#endif /* _LINUX_RATELIMIT_TYPES_H */
