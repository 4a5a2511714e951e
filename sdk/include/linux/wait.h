/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/wait.h - wait queues: how a read waits for data.
 *
 * A driver keeps a wait_queue_head for "data arrived". A reader that finds
 * nothing calls wait_event_interruptible(wq, condition): it joins the queue
 * and sleeps until the condition is true. The interrupt handler (or a
 * writer) makes the condition true and calls wake_up_interruptible(&wq).
 * If a signal (Ctrl-C) arrives first, the wait returns -ERESTARTSYS, which
 * the driver returns, and the system call returns EINTR to the user.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <linux/bug.h>

struct wait_queue_entry {
	unsigned int flags;
#ifdef __cplusplus
	void *private_;         /* "private" is a keyword in C++ */
#else
	void *private;          /* the sleeping task */
#endif
	struct list_head entry; /* in the queue's list */
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ __SPIN_LOCK_UNLOCKED(name.lock), { &(name).head, &(name).head } }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

__SK_BEGIN_DECLS
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
/* Joins the queue and marks the task asleep; -ERESTARTSYS if a signal is
 * already pending (for an interruptible sleep), else 0. */
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr);
__SK_END_DECLS

#define wake_up(x)                    __wake_up(x, TASK_NORMAL, 1)
#define wake_up_all(x)                __wake_up(x, TASK_NORMAL, 0)
#define wake_up_interruptible(x)      __wake_up(x, TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_all(x)  __wake_up(x, TASK_INTERRUPTIBLE, 0)

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* The loop every wait_event_* shares: check, join, check, sleep. */
#define ___wait_event(wq_head, condition, state, ret, sleep)                 \
	({                                                                   \
		long __ret = ret;                                            \
		struct wait_queue_entry __wq_entry;                          \
		init_wait_entry(&__wq_entry, 0);                             \
		for (;;) {                                                   \
			long __int = prepare_to_wait_event(&(wq_head), &__wq_entry, state); \
			if (condition)                                       \
				break;                                       \
			if (__int) {                                         \
				__ret = __int;                               \
				break;                                       \
			}                                                    \
			sleep;                                               \
		}                                                            \
		finish_wait(&(wq_head), &__wq_entry);                        \
		__ret;                                                       \
	})

#define wait_event(wq_head, condition)                                       \
	do {                                                                 \
		if (!(condition))                                            \
			(void)___wait_event(wq_head, condition,              \
					    TASK_UNINTERRUPTIBLE, 0, schedule()); \
	} while (0)

/* 0 when condition became true, -ERESTARTSYS when a signal came first. */
#define wait_event_interruptible(wq_head, condition)                         \
	({                                                                   \
		int __r = 0;                                                 \
		if (!(condition))                                            \
			__r = (int)___wait_event(wq_head, condition,         \
						 TASK_INTERRUPTIBLE, 0, schedule()); \
		__r;                                                         \
	})

/* Remaining jiffies (at least 1) when condition became true, 0 on timeout. */
#define wait_event_timeout(wq_head, condition, timeout)                      \
	({                                                                   \
		long __t = (timeout);                                        \
		if (!(condition))                                            \
			(void)___wait_event(wq_head, ((condition) || !__t),  \
					    TASK_UNINTERRUPTIBLE, 0,         \
					    __t = schedule_timeout(__t));    \
		(condition) ? (__t ? __t : 1) : 0;                           \
	})

#define wait_event_interruptible_timeout(wq_head, condition, timeout)        \
	({                                                                   \
		long __t = (timeout);                                        \
		long __r = 0;                                                \
		if (!(condition))                                            \
			__r = ___wait_event(wq_head, ((condition) || !__t),  \
					    TASK_INTERRUPTIBLE, 0,           \
					    __t = schedule_timeout(__t));    \
		__r ? __r : ((condition) ? (__t ? __t : 1) : 0);             \
	})

#endif /* _LINUX_WAIT_H */
