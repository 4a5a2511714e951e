// SPDX-License-Identifier: GPL-2.0
/* tasklets.c - bottom halves as drivers books show them: DECLARE_TASKLET
 * (callback style), tasklet_init with data (the old style), tasklet_hi_schedule
 * ahead of tasklet_schedule, DECLARE_TASKLET_DISABLED and tasklet_enable,
 * tasklet_disable, tasklet_kill. With sleep=1 a tasklet calls msleep, which a
 * tasklet must not; with forget=1 exit leaves one scheduled (and disabled). */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/atomic.h>

static bool sleep;
module_param(sleep, bool, 0444);
static bool forget;
module_param(forget, bool, 0444);

static DECLARE_COMPLETION(order_done);
static DECLARE_COMPLETION(old_done);
static atomic_t old_runs = ATOMIC_INIT(0);

static void last_fn(struct tasklet_struct *t)
{
	pr_info("tasklets: the normal tasklet runs after it\n");
	complete(&order_done);
}
static DECLARE_TASKLET(last_t, last_fn);

static void hi_fn(struct tasklet_struct *t)
{
	pr_info("tasklets: the high-priority tasklet runs first, in_interrupt() %d\n", in_interrupt() ? 1 : 0);
}
static DECLARE_TASKLET(hi_t, hi_fn);

static void first_fn(struct tasklet_struct *t)
{
	pr_info("tasklets: first tasklet schedules a normal one, then a high-priority one\n");
	tasklet_schedule(&last_t);
	tasklet_hi_schedule(&hi_t);
	if (sleep)
		msleep(10);
}
static DECLARE_TASKLET(first_t, first_fn);

static struct tasklet_struct old_t;

static void old_fn(unsigned long data)
{
	atomic_inc(&old_runs);
	pr_info("tasklets: old-style tasklet, data %lu\n", data);
	complete(&old_done);
}

static void gated_fn(struct tasklet_struct *t)
{
	pr_info("tasklets: the gated tasklet ran\n");
}
static DECLARE_TASKLET_DISABLED(gated_t, gated_fn);

static int __init tasklets_init(void)
{
	tasklet_schedule(&first_t);
	wait_for_completion(&order_done);

	tasklet_init(&old_t, old_fn, 42);
	tasklet_disable(&old_t);
	tasklet_schedule(&old_t);
	tasklet_schedule(&old_t);   /* already scheduled: still one run */
	msleep(50);
	pr_info("tasklets: while disabled it ran %d times\n", atomic_read(&old_runs));
	tasklet_enable(&old_t);
	wait_for_completion(&old_done);
	msleep(50);
	pr_info("tasklets: scheduled twice, enabled, it ran %d time(s)\n", atomic_read(&old_runs));

	tasklet_schedule(&gated_t);  /* declared disabled: waits for tasklet_enable */
	return 0;
}

static void __exit tasklets_exit(void)
{
	if (forget)
		return;
	tasklet_enable(&gated_t);
	tasklet_kill(&gated_t);      /* waits for it to run */
	tasklet_kill(&first_t);
	tasklet_kill(&hi_t);
	tasklet_kill(&last_t);
	tasklet_kill(&old_t);
	pr_info("tasklets: all killed\n");
}

module_init(tasklets_init);
module_exit(tasklets_exit);
MODULE_LICENSE("GPL");
