/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/timer.h - run a function later, once, at a given jiffies value.
 *
 *     struct my_dev { struct timer_list blink; ... };
 *     static void blink_fn(struct timer_list *t)
 *     {
 *             struct my_dev *d = from_timer(d, t, blink);
 *             ...                                       // must not sleep
 *             mod_timer(&d->blink, jiffies + HZ / 2);  // again in 0.5 s
 *     }
 *     timer_setup(&d->blink, blink_fn, 0);
 *     mod_timer(&d->blink, jiffies + HZ);
 *     ...
 *     del_timer_sync(&d->blink);                        // before freeing d
 *
 * The function runs in the timer "softirq", not in any task: it must not
 * sleep (no msleep, no mutex_lock, no copy_to_user). simkernel runs every
 * timer on one kernel thread and says "BUG: scheduling while atomic" if a
 * callback tries to sleep.
 *
 * A module that is removed with a timer still pending would crash Linux
 * when the timer fires into freed code; simkernel deletes the timer and
 * says so in the kernel log.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/ktime.h>
#include <linux/bug.h>

struct module;

struct timer_list {
	struct list_head entry;  /* the kernel's; do not touch */
	unsigned long expires;   /* in jiffies */
	void (*function)(struct timer_list *);
	u32 flags;
	struct module *owner;    /* simkernel: who set it up (THIS_MODULE) */
};

#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED     0x00200000
#define TIMER_IRQSAFE    0x00400000

__SK_BEGIN_DECLS
void sk_timer_init(struct module *owner, struct timer_list *timer,
		   void (*func)(struct timer_list *), unsigned int flags);
/* Sets the expiry and queues the timer; 1 if it was already pending. */
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
/* Dequeues it; 1 if it was pending. The _sync form also waits for a
 * running callback to return, so the timer's memory may then be freed. */
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);
__SK_END_DECLS

#define timer_setup(timer, callback, flags) \
	sk_timer_init(THIS_MODULE, (timer), (callback), (flags))
#define DEFINE_TIMER(_name, _function) \
	struct timer_list _name = { { &(_name).entry, &(_name).entry }, 0, (_function), 0, THIS_MODULE }
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

/* Linux 6.2+ names for the same calls (not for the kernel's own C++, where
 * glibc's <time.h> has a timer_delete of its own). */
#ifndef __SIMKERNEL_HOSTED__
#define timer_delete(t)      del_timer(t)
#endif
#define timer_delete_sync(t) del_timer_sync(t)
#define timer_container_of(var, t, field) from_timer(var, t, field)

#endif /* _LINUX_TIMER_H */
