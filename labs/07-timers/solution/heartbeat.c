// SPDX-License-Identifier: GPL-2.0
/*
 * heartbeat.c - lab 7: a timer and a work item (reference solution).
 *
 * A timer fires every period_ms and counts a beat (the count is the
 * read-only parameter "beats"). A timer's function runs in interrupt
 * context and must not sleep, so at the fifth beat it hands the report to a
 * work item, which runs in a kernel thread and may.
 */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 7: timers and work queues");

static unsigned int period_ms = 20;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "Milliseconds between beats");

static int beats;
module_param(beats, int, 0444);
MODULE_PARM_DESC(beats, "Beats so far (read-only)");

static struct timer_list beat_timer;
static struct work_struct report_work;

static void report(struct work_struct *work)
{
	pr_info("heartbeat: the work ran after %d beats\n", 5);
}

static void beat(struct timer_list *t)
{
	beats++;
	if (beats == 5)
		schedule_work(&report_work);
	mod_timer(&beat_timer, jiffies + msecs_to_jiffies(period_ms));
}

static int __init heartbeat_init(void)
{
	if (period_ms == 0)
		return -EINVAL;
	INIT_WORK(&report_work, report);
	timer_setup(&beat_timer, beat, 0);
	mod_timer(&beat_timer, jiffies + msecs_to_jiffies(period_ms));
	return 0;
}

static void __exit heartbeat_exit(void)
{
	/* The timer first: it could queue the work again. */
	timer_shutdown_sync(&beat_timer);
	cancel_work_sync(&report_work);
	pr_info("heartbeat: stopped after %d beats\n", beats);
}

module_init(heartbeat_init);
module_exit(heartbeat_exit);
