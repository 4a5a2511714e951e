// SPDX-License-Identifier: GPL-2.0
/*
 * racer.c - lab 8: kernel threads and a race (reference solution).
 *
 * Two kernel threads add 1 to the same counter, loops times each. init
 * starts them together, waits until both are done and logs the total, which
 * must be 2 * loops. Each step reads the counter, works a little (a short
 * sleep, as real code waits for a device), and writes it back.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 8: kernel threads and locking");

#define RACERS 2

static int loops = 100;
module_param(loops, int, 0444);
MODULE_PARM_DESC(loops, "Additions per thread");

static int total;
static DEFINE_MUTEX(total_lock);	/* guards total: the step sleeps, so a mutex */
static DECLARE_COMPLETION(start);	/* both threads go at once */
static struct completion finished[RACERS];
static struct task_struct *racers[RACERS];

static int racer_fn(void *data)
{
	long id = (long)data;
	int i, v;

	wait_for_completion(&start);
	for (i = 0; i < loops; i++) {
		mutex_lock(&total_lock);
		v = total;
		usleep_range(100, 200);
		total = v + 1;
		mutex_unlock(&total_lock);
	}
	complete(&finished[id]);
	/* A kernel thread returns only when told to: kthread_stop waits for it. */
	while (!kthread_should_stop())
		msleep_interruptible(10);
	return 0;
}

static int __init racer_init(void)
{
	long i;

	if (loops < 1 || loops > 10000)
		return -EINVAL;
	for (i = 0; i < RACERS; i++) {
		init_completion(&finished[i]);
		racers[i] = kthread_create(racer_fn, (void *)i, "racer/%ld", i);
		if (IS_ERR(racers[i])) {
			int err = PTR_ERR(racers[i]);

			complete_all(&start);
			while (--i >= 0)
				kthread_stop(racers[i]);
			return err;
		}
		wake_up_process(racers[i]);
	}
	complete_all(&start);
	for (i = 0; i < RACERS; i++)
		wait_for_completion(&finished[i]);
	pr_info("racer: total %d, expected %d\n", total, RACERS * loops);
	return 0;
}

static void __exit racer_exit(void)
{
	int i;

	for (i = 0; i < RACERS; i++)
		kthread_stop(racers[i]);
}

module_init(racer_init);
module_exit(racer_exit);
