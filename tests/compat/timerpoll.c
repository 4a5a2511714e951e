// SPDX-License-Identifier: GPL-2.0
/*
 * timerpoll.c - a device that becomes readable when a timer fires: each
 * write arms a timer for the number of milliseconds written; the timer
 * function (interrupt context) sets a flag and wakes the poll queue, so a
 * poll() or select() sleeping on the device returns then.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/kernel.h>

static DECLARE_WAIT_QUEUE_HEAD(tick_wait);
static DEFINE_SPINLOCK(tick_lock);
static struct timer_list tick_timer;
static int fired;

static void tick_fn(struct timer_list *t)
{
	unsigned long flags;

	spin_lock_irqsave(&tick_lock, flags);
	fired = 1;
	spin_unlock_irqrestore(&tick_lock, flags);
	wake_up_interruptible(&tick_wait);
}

static ssize_t tp_write(struct file *f, const char __user *ubuf, size_t count, loff_t *ppos)
{
	unsigned int ms;
	int err = kstrtouint_from_user(ubuf, count, 10, &ms);

	if (err)
		return err;
	spin_lock_irq(&tick_lock);
	fired = 0;
	spin_unlock_irq(&tick_lock);
	mod_timer(&tick_timer, jiffies + msecs_to_jiffies(ms));
	return count;
}

static ssize_t tp_read(struct file *f, char __user *ubuf, size_t count, loff_t *ppos)
{
	int was;

	spin_lock_irq(&tick_lock);
	was = fired;
	fired = 0;
	spin_unlock_irq(&tick_lock);
	if (!was)
		return -EAGAIN;
	if (count < 5)
		return -EINVAL;
	if (copy_to_user(ubuf, "tick\n", 5))
		return -EFAULT;
	return 5;
}

static __poll_t tp_poll(struct file *f, poll_table *wait)
{
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;   /* a write is always taken */

	poll_wait(f, &tick_wait, wait);
	spin_lock_irq(&tick_lock);
	if (fired)
		mask |= EPOLLIN | EPOLLRDNORM;
	spin_unlock_irq(&tick_lock);
	return mask;
}

static const struct file_operations tp_fops = {
	.owner = THIS_MODULE,
	.read = tp_read,
	.write = tp_write,
	.poll = tp_poll,
	.llseek = noop_llseek,
};

static struct miscdevice tp_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "timerpoll",
	.fops = &tp_fops,
	.mode = 0666,
};

static int __init tp_init(void)
{
	timer_setup(&tick_timer, tick_fn, 0);
	return misc_register(&tp_dev);
}

static void __exit tp_exit(void)
{
	misc_deregister(&tp_dev);
	del_timer_sync(&tick_timer);
}

module_init(tp_init);
module_exit(tp_exit);
MODULE_LICENSE("GPL");
