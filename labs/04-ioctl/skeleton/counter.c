// SPDX-License-Identifier: GPL-2.0
/*
 * counter.c - lab 4: ioctl.
 *
 * /dev/counter holds one number. Each read(2) of a new open file returns it
 * as text; each write(2) adds one; ioctl(2) gets, sets and resets it.
 */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#include "counter_ioctl.h"

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 4: ioctl");

static int counter;
static DEFINE_MUTEX(counter_lock);

static ssize_t counter_read(struct file *file, char __user *buf, size_t count, loff_t *f_pos)
{
	char text[16];
	size_t len;

	mutex_lock(&counter_lock);
	len = snprintf(text, sizeof(text), "%d\n", counter);
	mutex_unlock(&counter_lock);
	if (*f_pos >= len)
		return 0;
	if (count > len - *f_pos)
		count = len - *f_pos;
	if (copy_to_user(buf, text + *f_pos, count))
		return -EFAULT;
	*f_pos += count;
	return count;
}

static ssize_t counter_write(struct file *file, const char __user *buf, size_t count, loff_t *f_pos)
{
	mutex_lock(&counter_lock);
	counter++;
	mutex_unlock(&counter_lock);
	return count;
}

static long counter_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	/* TODO 2: COUNTER_GET: put the counter (read under counter_lock) into
	 * the user's int at arg (put_user or copy_to_user; -EFAULT if it fails). */
	/* TODO 3: COUNTER_SET: read the user's int at arg (get_user); a
	 * negative value is refused with -EINVAL; else set the counter. */
	/* TODO 4: COUNTER_RESET: set the counter to 0. */
	/* TODO 5: any other command: -ENOTTY ("not a typewriter": no such command here). */
	return 0;
}

static const struct file_operations counter_fops = {
	.owner = THIS_MODULE,
	.read = counter_read,
	.write = counter_write,
	.unlocked_ioctl = counter_ioctl,
};

static struct miscdevice counter_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "counter",
	.fops = &counter_fops,
	/* TODO 6: a misc device's node is 0600 (root only) unless .mode says otherwise: make it 0666. */
};

static int __init counter_init(void)
{
	return misc_register(&counter_dev);
}

static void __exit counter_exit(void)
{
	misc_deregister(&counter_dev);
}

module_init(counter_init);
module_exit(counter_exit);
