// SPDX-License-Identifier: GPL-2.0
/*
 * test_lockdep.c - one locking bug per load, for the lock checking
 * transcripts (tests/transcripts/lockdep_*.t):
 *
 *   insmod test_lockdep.ko bug=KIND
 *
 * abba:     takes A then B, releases both, then B then A (a mutex pair): the
 *           order contradicts the first, though nothing deadlocks this time
 * abba_spin: the same with two spinlocks
 * nested:   two locks of one class (initialised at one place) held at once
 * sleep:    mutex_lock, then kmalloc(GFP_KERNEL) and msleep, under a spinlock
 * timer:    msleep in a timer callback (a quarter second after insmod)
 * unlock:   spin_unlock of a lock it does not hold
 * kthread:  a kernel thread that ends holding a mutex
 * held:     nothing at load; "echo lock > /dev/test_lockdep" returns to user
 *           space holding a mutex
 * none:     takes A then B twice: no report
 */
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>

static char *bug = "none";
module_param(bug, charp, 0444);

static DEFINE_MUTEX(lock_a);
static DEFINE_MUTEX(lock_b);
static DEFINE_SPINLOCK(spin_a);
static DEFINE_SPINLOCK(spin_b);
static DEFINE_MUTEX(held_mutex);

struct ld_dev {
	spinlock_t lock;
	int value;
};
static struct ld_dev devs[2];

static struct timer_list ld_timer;
static struct task_struct *ld_thread;

static noinline void take_a_then_b(void)
{
	mutex_lock(&lock_a);
	mutex_lock(&lock_b);
	mutex_unlock(&lock_b);
	mutex_unlock(&lock_a);
}

static noinline void take_b_then_a(void)
{
	mutex_lock(&lock_b);
	mutex_lock(&lock_a);
	mutex_unlock(&lock_a);
	mutex_unlock(&lock_b);
}

static noinline void spin_a_then_b(void)
{
	spin_lock(&spin_a);
	spin_lock(&spin_b);
	spin_unlock(&spin_b);
	spin_unlock(&spin_a);
}

static noinline void spin_b_then_a(void)
{
	spin_lock(&spin_b);
	spin_lock(&spin_a);
	spin_unlock(&spin_a);
	spin_unlock(&spin_b);
}

static noinline void nested(void)
{
	spin_lock(&devs[0].lock);
	spin_lock(&devs[1].lock);
	devs[0].value = devs[1].value;
	spin_unlock(&devs[1].lock);
	spin_unlock(&devs[0].lock);
}

static noinline void sleep_under_spinlock(void)
{
	void *p;

	spin_lock(&spin_a);
	mutex_lock(&lock_a);
	mutex_unlock(&lock_a);
	p = kmalloc(32, GFP_KERNEL);
	kfree(p);
	spin_unlock(&spin_a);
}

static void ld_timer_fn(struct timer_list *t)
{
	msleep(1);
}

static noinline void unlock_unheld(void)
{
	spin_unlock(&spin_b);
}

static int ld_thread_fn(void *data)
{
	/* A quarter second after insmod, so that its report comes after the
	 * transcript's next command line, whatever the machine's speed. */
	msleep(250);
	mutex_lock(&lock_b);
	return 0;	/* ends holding lock_b */
}

static ssize_t ld_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char word[16] = "";

	if (copy_from_user(word, buf, min(count, sizeof(word) - 1)))
		return -EFAULT;
	if (!strncmp(word, "lock", 4))
		mutex_lock(&held_mutex);	/* and return holding it */
	return count;
}

static const struct file_operations ld_fops = {
	.owner = THIS_MODULE,
	.write = ld_write,
};

static struct miscdevice ld_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "test_lockdep",
	.fops = &ld_fops,
};

static int __init test_lockdep_init(void)
{
	int i;

	for (i = 0; i < 2; i++)
		spin_lock_init(&devs[i].lock);	/* one init site: one class */
	if (!strcmp(bug, "abba")) {
		take_a_then_b();
		take_b_then_a();
	} else if (!strcmp(bug, "abba_spin")) {
		spin_a_then_b();
		spin_b_then_a();
	} else if (!strcmp(bug, "nested")) {
		nested();
	} else if (!strcmp(bug, "sleep")) {
		sleep_under_spinlock();
	} else if (!strcmp(bug, "timer")) {
		timer_setup(&ld_timer, ld_timer_fn, 0);
		mod_timer(&ld_timer, jiffies + HZ / 4);
	} else if (!strcmp(bug, "unlock")) {
		unlock_unheld();
	} else if (!strcmp(bug, "kthread")) {
		ld_thread = kthread_run(ld_thread_fn, NULL, "ld_thread");
		if (IS_ERR(ld_thread))
			return PTR_ERR(ld_thread);
	} else {
		take_a_then_b();
		take_a_then_b();
	}
	return misc_register(&ld_misc);
}

static void __exit test_lockdep_exit(void)
{
	misc_deregister(&ld_misc);
	if (!strcmp(bug, "timer"))
		del_timer_sync(&ld_timer);
	if (ld_thread)
		kthread_stop(ld_thread);
}

module_init(test_lockdep_init);
module_exit(test_lockdep_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("locking bugs, one per load");
