// SPDX-License-Identifier: GPL-2.0
/*
 * heartbeat.c - lab 7: a timer and a work item.
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
	/* TODO 3: at the fifth beat, queue report_work on the kernel's shared queue (schedule_work). */
	/* TODO 2: re-arm the timer for period_ms from now (mod_timer, msecs_to_jiffies). */
}

static int __init heartbeat_init(void)
{
	if (period_ms == 0)
		return -EINVAL;
	INIT_WORK(&report_work, report);
	/* TODO 1: set the timer up to call beat (timer_setup), and start it: first beat in period_ms. */
	return 0;
}

static void __exit heartbeat_exit(void)
{
	/* TODO 4: stop the timer and wait for a running beat to finish
	 * (timer_shutdown_sync or del_timer_sync), then cancel the work and wait
	 * for it (cancel_work_sync). Why in this order? */
	pr_info("heartbeat: stopped after %d beats\n", beats);
}

module_init(heartbeat_init);
module_exit(heartbeat_exit);
