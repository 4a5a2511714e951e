// SPDX-License-Identifier: GPL-2.0
/*
 * kthread_counter.c - several kernel threads add to one counter under a
 * mutex, each a fixed number of times; the module waits for them all with
 * kthread_stop() and reports the total, which a lost update would spoil.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/err.h>
#include <linux/delay.h>

#define NTHREADS 4

static int rounds = 1000;
module_param(rounds, int, 0444);

static DEFINE_MUTEX(counter_lock);
static long counter;
static struct task_struct *threads[NTHREADS];

static int adder(void *data)
{
	int i;

	for (i = 0; i < rounds; i++) {
		mutex_lock(&counter_lock);
		counter++;
		mutex_unlock(&counter_lock);
		if (i % 100 == 0)
			cond_resched();
	}
	while (!kthread_should_stop())
		msleep(5);
	return rounds;
}

static int __init kc_init(void)
{
	int i;

	for (i = 0; i < NTHREADS; i++) {
		threads[i] = kthread_run(adder, NULL, "adder/%d", i);
		if (IS_ERR(threads[i])) {
			int err = PTR_ERR(threads[i]);

			while (--i >= 0)
				kthread_stop(threads[i]);
			return err;
		}
	}
	return 0;
}

static void __exit kc_exit(void)
{
	int i, done = 0;

	for (i = 0; i < NTHREADS; i++)
		done += kthread_stop(threads[i]);
	pr_info("kthread_counter: %d threads added %d times: counter %ld\n", NTHREADS, done, counter);
}

module_init(kc_init);
module_exit(kc_exit);
MODULE_LICENSE("GPL");
