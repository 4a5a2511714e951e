// SPDX-License-Identifier: GPL-2.0
/*
 * test_oops.c - faults of every kind, in every context (tests/transcripts/oops*.t).
 *
 *   insmod test_oops.ko where=CONTEXT how=KIND
 *
 * where: write (default: the fault happens when a word is written to
 *        /dev/test_oops, and the word says how), init, exit, timer,
 *        kthread, work, irq (on the keyboard's shared IRQ 1: "keypress x").
 *        timer, kthread and work fault a quarter second after insmod, so
 *        that a transcript sees the Oops during its "sleep 1".
 * how:   null (NULL write), read (NULL read), wild (an unmapped address),
 *        div (division by zero), ud2 (an illegal instruction), bug (BUG()),
 *        bugon (BUG_ON), recurse (runaway recursion), warn (WARN_ON, goes on),
 *        warnf (WARN with a message), locked (NULL write holding a spinlock
 *        and a mutex), call (a call through a NULL function pointer),
 *        spin (a loop that never sleeps: a soft lockup), dsleep (three
 *        seconds asleep uninterruptibly: a hung task, with a short timeout)
 */
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

static char *where = "write";
module_param(where, charp, 0444);
static char *how = "null";
module_param(how, charp, 0444);
static int zero;  /* a divisor the compiler cannot see is 0 */
module_param(zero, int, 0444);

static DEFINE_SPINLOCK(oops_lock);
static DEFINE_MUTEX(oops_mutex);
static volatile int sink;

static noinline int recurse(int depth)
{
	volatile char frame[256];

	frame[0] = (char)depth;
	if (depth < 0)	/* never: the recursion does not end */
		return 0;
	return recurse(depth + 1) + frame[0];
}

/* Does the damage named by kind; returns only for the kinds that go on. */
static noinline void break_it(const char *kind)
{
	if (!strcmp(kind, "null"))
		*(volatile int *)0 = 0;
	else if (!strcmp(kind, "read"))
		sink = *(volatile int *)(uintptr_t)zero;
	else if (!strcmp(kind, "wild"))
		*(volatile int *)0x10000000dead0ULL = 1;
	else if (!strcmp(kind, "div"))
		sink = 1000 / zero;
	else if (!strcmp(kind, "ud2"))
		__asm__ volatile("ud2");
	else if (!strcmp(kind, "bug"))
		BUG();
	else if (!strcmp(kind, "bugon"))
		BUG_ON(zero == 0);
	else if (!strcmp(kind, "recurse"))
		sink = recurse(0);
	else if (!strcmp(kind, "warn"))
		WARN_ON(zero == 0);
	else if (!strcmp(kind, "warnf"))
		WARN(1, "test_oops: zero is %d\n", zero);
	else if (!strcmp(kind, "locked")) {
		mutex_lock(&oops_mutex);
		spin_lock(&oops_lock);
		*(volatile int *)0 = 0;
	} else if (!strcmp(kind, "spin")) {
		for (;;)
			__asm__ volatile("pause");
	} else if (!strcmp(kind, "dsleep")) {
		msleep(3000);
	} else if (!strcmp(kind, "call")) {
		void (*volatile fn)(void) = NULL;
		fn();
	}
}

static ssize_t oops_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char kind[16] = "";

	if (copy_from_user(kind, buf, min(count, sizeof(kind) - 1)))
		return -EFAULT;
	if (strchr(kind, '\n'))
		*strchr(kind, '\n') = '\0';
	break_it(kind);
	return count;
}

static const struct file_operations oops_fops = {
	.owner = THIS_MODULE,
	.write = oops_write,
};

static struct miscdevice oops_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "test_oops",
	.fops = &oops_fops,
	.mode = 0666,
};

static struct timer_list oops_timer;
static struct task_struct *oops_thread;
static struct delayed_work oops_work;
static int irq_requested;

static void oops_timer_fn(struct timer_list *t)
{
	break_it(how);
}

static int oops_thread_fn(void *data)
{
	msleep(250);
	break_it(how);
	while (!kthread_should_stop())
		msleep(10);
	return 0;
}

static void oops_work_fn(struct work_struct *w)
{
	break_it(how);
}

static irqreturn_t oops_irq(int irq, void *dev)
{
	break_it(how);
	return IRQ_NONE;
}

static int __init test_oops_init(void)
{
	int ret = misc_register(&oops_dev);

	if (ret)
		return ret;
	if (!strcmp(where, "init")) {
		break_it(how);
	} else if (!strcmp(where, "timer")) {
		timer_setup(&oops_timer, oops_timer_fn, 0);
		mod_timer(&oops_timer, jiffies + HZ / 4);
	} else if (!strcmp(where, "kthread")) {
		oops_thread = kthread_run(oops_thread_fn, NULL, "oopsd");
	} else if (!strcmp(where, "work")) {
		INIT_DELAYED_WORK(&oops_work, oops_work_fn);
		schedule_delayed_work(&oops_work, HZ / 4);
	} else if (!strcmp(where, "irq")) {
		ret = request_irq(1, oops_irq, IRQF_SHARED, "test_oops", &oops_dev);
		irq_requested = !ret;
	}
	pr_info("test_oops: ready (where=%s how=%s)\n", where, how);
	return ret;
}

static void __exit test_oops_exit(void)
{
	if (!strcmp(where, "exit"))
		break_it(how);
	if (oops_thread && !IS_ERR(oops_thread))
		kthread_stop(oops_thread);
	if (!strcmp(where, "timer"))
		del_timer_sync(&oops_timer);
	if (!strcmp(where, "work"))
		cancel_delayed_work_sync(&oops_work);
	if (irq_requested)
		free_irq(1, &oops_dev);
	misc_deregister(&oops_dev);
	pr_info("test_oops: unloaded\n");
}

module_init(test_oops_init);
module_exit(test_oops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Faults of every kind in every context, for the Oops tests");
