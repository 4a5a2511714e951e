// SPDX-License-Identifier: GPL-2.0
/* sleepy.c - LDD3's sleepy device: a read sleeps until a write wakes it;
 * a signal (Ctrl-C, kill) ends the sleep with -ERESTARTSYS. */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/wait.h>
#include <linux/sched.h>

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int flag;

static ssize_t sleepy_read(struct file *filp, char __user *buf, size_t count, loff_t *pos)
{
	pr_info("process %i (%s) going to sleep\n", current->pid, current->comm);
	if (wait_event_interruptible(wq, flag != 0)) {
		pr_info("process %i (%s) interrupted by a signal\n", current->pid, current->comm);
		return -ERESTARTSYS;
	}
	flag = 0;
	pr_info("awoken %i (%s)\n", current->pid, current->comm);
	return 0;
}

static ssize_t sleepy_write(struct file *filp, const char __user *buf, size_t count, loff_t *pos)
{
	pr_info("process %i (%s) awakening the readers...\n", current->pid, current->comm);
	flag = 1;
	wake_up_interruptible(&wq);
	return count;
}

static const struct file_operations sleepy_fops = {
	.owner = THIS_MODULE,
	.read = sleepy_read,
	.write = sleepy_write,
};

static struct miscdevice sleepy_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "sleepy",
	.fops = &sleepy_fops,
	.mode = 0666,
};

static int __init sleepy_init(void)
{
	return misc_register(&sleepy_misc);
}

static void __exit sleepy_exit(void)
{
	misc_deregister(&sleepy_misc);
}

module_init(sleepy_init);
module_exit(sleepy_exit);
MODULE_LICENSE("GPL");
