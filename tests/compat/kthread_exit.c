// SPDX-License-Identifier: GPL-2.0
/*
 * kthread_exit.c - a kernel thread that ends itself: it counts to a limit,
 * then calls kthread_complete_and_exit(), which signals the completion the
 * module waits on and ends the thread with a result kthread_stop() returns.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/sched/task.h>

static int limit = 3;
module_param(limit, int, 0444);

static struct task_struct *worker;
static DECLARE_COMPLETION(worker_done);

static int counter_fn(void *data)
{
	int i;

	for (i = 1; i <= limit; i++) {
		pr_info("kthread_exit: %s counts %d\n", current->comm, i);
		msleep(10);
	}
	/* Never returns: the code after it does not run. */
	kthread_complete_and_exit(&worker_done, 100 + limit);
	pr_info("kthread_exit: not reached\n");
	return 0;
}

static int __init kthread_exit_init(void)
{
	worker = kthread_run(counter_fn, NULL, "counter");
	if (IS_ERR(worker))
		return PTR_ERR(worker);
	get_task_struct(worker);   /* kthread_stop() after the thread ended */
	return 0;
}

static void __exit kthread_exit_exit(void)
{
	int ret;

	wait_for_completion(&worker_done);
	ret = kthread_stop(worker);
	put_task_struct(worker);
	pr_info("kthread_exit: the thread ended with %d\n", ret);
}

module_init(kthread_exit_init);
module_exit(kthread_exit_exit);
MODULE_LICENSE("GPL");
