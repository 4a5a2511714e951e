/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/interrupt.h - interrupt handlers.
 *
 * The simulated machine raises an interrupt line (IRQ 1 is the keyboard, as
 * on a PC); the kernel calls every handler a driver registered for it with
 * request_irq().
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/bug.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/container_of.h>

typedef enum irqreturn {
	IRQ_NONE        = 0, /* not our device */
	IRQ_HANDLED     = 1, /* handled */
	IRQ_WAKE_THREAD = 2,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED 0x00000080

__SK_BEGIN_DECLS
int sk_request_irq(struct module *owner, unsigned int irq, irq_handler_t handler,
		   unsigned long flags, const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
__SK_END_DECLS

static inline int request_irq(unsigned int irq, irq_handler_t handler,
			      unsigned long flags, const char *name, void *dev_id)
{
	return sk_request_irq(THIS_MODULE, irq, handler, flags, name, dev_id);
}

/*
 * Tasklets: the "bottom half" an interrupt handler defers its slower work
 * to. The function runs soon after tasklet_schedule(), in softirq context
 * (as a timer's does): it must not sleep ("BUG: scheduling while atomic").
 * A tasklet scheduled again before it ran runs once; one scheduled while it
 * runs runs again after. simkernel runs every tasklet on one kernel thread,
 * the high-priority ones (tasklet_hi_schedule) first.
 *
 *     static void bh(struct tasklet_struct *t) { ... }   // must not sleep
 *     static DECLARE_TASKLET(my_tasklet, bh);
 *     ... in the interrupt handler: tasklet_schedule(&my_tasklet);
 *     ... in module_exit:          tasklet_kill(&my_tasklet);
 *
 * A module removed with a tasklet still scheduled would crash Linux when it
 * ran into freed code; simkernel removes it and says so in the kernel log.
 */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;     /* TASKLET_STATE_SCHED, TASKLET_STATE_RUN bits */
	atomic_t count;          /* 0: enabled; tasklet_disable() adds one */
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
	struct module *owner;    /* simkernel: who set it up (THIS_MODULE) */
};

enum {
	TASKLET_STATE_SCHED,	/* scheduled, not yet run */
	TASKLET_STATE_RUN	/* its function is running */
};

#define __SK_TASKLET(name, count_, member, fn, cb)		\
struct tasklet_struct name = {					\
	.count = ATOMIC_INIT(count_),				\
	.use_callback = cb,					\
	.member = fn,						\
	.owner = THIS_MODULE,					\
}
#define DECLARE_TASKLET(name, _callback)              __SK_TASKLET(name, 0, callback, _callback, true)
#define DECLARE_TASKLET_DISABLED(name, _callback)     __SK_TASKLET(name, 1, callback, _callback, true)
#define DECLARE_TASKLET_OLD(name, _func)              __SK_TASKLET(name, 0, func, _func, false)
#define DECLARE_TASKLET_DISABLED_OLD(name, _func)     __SK_TASKLET(name, 1, func, _func, false)

#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

__SK_BEGIN_DECLS
void sk_tasklet_init(struct module *owner, struct tasklet_struct *t,
		     void (*func)(unsigned long), unsigned long data);
void sk_tasklet_setup(struct module *owner, struct tasklet_struct *t,
		      void (*callback)(struct tasklet_struct *));
void sk_tasklet_schedule(struct module *caller, struct tasklet_struct *t, int hi);
void sk_tasklet_enable(struct tasklet_struct *t);
/* Waits until the tasklet is neither scheduled nor running. */
void tasklet_kill(struct tasklet_struct *t);
/* Waits until its function is not running. */
void tasklet_unlock_wait(struct tasklet_struct *t);
__SK_END_DECLS

#define tasklet_init(t, func, data) sk_tasklet_init(THIS_MODULE, (t), (func), (data))
#define tasklet_setup(t, callback)  sk_tasklet_setup(THIS_MODULE, (t), (callback))

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	sk_tasklet_schedule(THIS_MODULE, t, 0);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	sk_tasklet_schedule(THIS_MODULE, t, 1);
}

static inline int tasklet_trylock(struct tasklet_struct *t)
{
	return !test_and_set_bit(TASKLET_STATE_RUN, &t->state);
}

static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
	smp_mb__after_atomic();
}

static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
	smp_mb();
}
#define tasklet_disable_in_atomic(t) tasklet_disable(t)

/* The count drops; the kernel runs the tasklet if it was scheduled meanwhile. */
static inline void tasklet_enable(struct tasklet_struct *t)
{
	sk_tasklet_enable(t);
}

#endif /* _LINUX_INTERRUPT_H */
