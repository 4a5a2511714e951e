/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/workqueue.h - "do this soon, in a task that may sleep".
 *
 * An interrupt handler or a timer must not sleep; when it has work that
 * needs to (take a mutex, allocate, talk to a slow device), it queues a
 * work item. A worker thread of the queue runs the item's function later,
 * in process context.
 *
 *     static void refill(struct work_struct *w)
 *     {
 *             struct my_dev *d = container_of(w, struct my_dev, refill);
 *             mutex_lock(&d->lock); ... mutex_unlock(&d->lock);
 *     }
 *     INIT_WORK(&d->refill, refill);
 *     schedule_work(&d->refill);      // from the interrupt handler
 *     ...
 *     cancel_work_sync(&d->refill);   // in cleanup, before freeing d
 *
 * schedule_work() uses the kernel's shared queue (system_wq, whose worker
 * `ps` shows as [events]); alloc_workqueue() makes a queue with a worker of
 * its own. A work item is queued at most once: queueing it again while it
 * is pending does nothing and returns false. A _delayed_ work item waits
 * `delay` jiffies on a timer first.
 *
 * Items a module leaves queued at removal would run freed code in Linux;
 * simkernel cancels them and says so in the kernel log.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/export.h>
#include <linux/timer.h>
#include <linux/bug.h>

struct module;
struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	unsigned long data;     /* the kernel's; do not touch */
	struct list_head entry; /* the kernel's; do not touch */
	work_func_t func;
	struct module *owner;   /* simkernel: who initialised it (THIS_MODULE) */
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;          /* queues work when it fires */
	struct workqueue_struct *wq;      /* where it goes then */
};

/* Flags of alloc_workqueue (accepted; simkernel's queues all behave alike:
 * one worker, items in order). */
#define WQ_UNBOUND      (1 << 1)
#define WQ_FREEZABLE    (1 << 2)
#define WQ_MEM_RECLAIM  (1 << 3)
#define WQ_HIGHPRI      (1 << 4)
#define WQ_CPU_INTENSIVE (1 << 5)

__SK_BEGIN_DECLS
extern struct workqueue_struct *system_wq;
void delayed_work_timer_fn(struct timer_list *t);

struct workqueue_struct *sk_alloc_workqueue(struct module *owner, const char *fmt, unsigned int flags,
					    int max_active, ...) __attribute__((__format__(printf, 2, 5)));
void destroy_workqueue(struct workqueue_struct *wq);
void flush_workqueue(struct workqueue_struct *wq);

/* true if queued, false if it was already pending. */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
/* Waits until the item is neither queued nor running; true if it waited. */
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
/* Takes it off the queue; the _sync forms also wait for a running one.
 * true if it was pending. */
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
bool work_pending(const struct work_struct *work);
__SK_END_DECLS

static inline void sk_init_work(struct module *owner, struct work_struct *work, work_func_t func)
{
	work->data = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
	work->owner = owner;
}

#define INIT_WORK(_work, _func) sk_init_work(THIS_MODULE, (_work), (_func))
#define __WORK_INITIALIZER(n, f) { 0, { &(n).entry, &(n).entry }, (f), THIS_MODULE }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)

#define INIT_DELAYED_WORK(_dwork, _func)                                  \
	do {                                                              \
		INIT_WORK(&(_dwork)->work, (_func));                      \
		timer_setup(&(_dwork)->timer, delayed_work_timer_fn, 0);  \
		(_dwork)->wq = 0;                                         \
	} while (0)
#define DECLARE_DELAYED_WORK(n, f)                                              \
	struct delayed_work n = { __WORK_INITIALIZER((n).work, (f)),            \
				  { { &(n).timer.entry, &(n).timer.entry }, 0,  \
				    delayed_work_timer_fn, 0, THIS_MODULE }, 0 }
#define to_delayed_work(w) container_of(w, struct delayed_work, work)
#define delayed_work_pending(w) work_pending(&(w)->work)

#define alloc_workqueue(fmt, flags, max_active, ...) \
	sk_alloc_workqueue(THIS_MODULE, fmt, (flags), (max_active), ##__VA_ARGS__)
#define alloc_ordered_workqueue(fmt, flags, ...) \
	alloc_workqueue(fmt, WQ_UNBOUND | (flags), 1, ##__VA_ARGS__)
#define create_workqueue(name) alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, (name))

static inline bool schedule_work(struct work_struct *work) { return queue_work(system_wq, work); }
static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}
static inline void flush_scheduled_work(void) { flush_workqueue(system_wq); }

#endif /* _LINUX_WORKQUEUE_H */
