/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/completion.h - "wait until that is done".
 *
 * One task (or a kernel thread, or a timer) calls complete(&c) when some
 * work is finished; another waits for it with wait_for_completion(&c).
 * Each complete() lets one waiter through (or, if nobody waits yet, the
 * next one that comes); complete_all() lets everyone through until
 * reinit_completion(). Simpler and safer than a flag and a wait queue
 * written by hand: no wake-up can be lost.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/types.h>
#include <linux/wait.h>
#include <linux/bug.h>

struct completion {
	unsigned int done;          /* completions not yet consumed; UINT_MAX: all */
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(work) \
	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) \
	struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	__atomic_store_n(&x->done, 0, __ATOMIC_RELEASE);
}

__SK_BEGIN_DECLS
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* 0, or -ERESTARTSYS if a signal came first. */
int wait_for_completion_interruptible(struct completion *x);
int wait_for_completion_killable(struct completion *x);
/* Jiffies left (at least 1) if completed, 0 on timeout. */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
/* As above, or -ERESTARTSYS. */
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
/* Consume a completion without waiting: true if there was one. */
bool try_wait_for_completion(struct completion *x);
/* True if nobody would wait now (a completion is available). */
bool completion_done(struct completion *x);
__SK_END_DECLS

#endif /* _LINUX_COMPLETION_H */
