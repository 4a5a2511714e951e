// SPDX-License-Identifier: GPL-2.0
/*
 * sleep_proc.c - LKMPG's sleep.c in our own words: a /proc file only one
 * process may hold open at a time. Another opener sleeps until it is
 * closed (or gets EAGAIN with O_NONBLOCK); a signal ends its wait with
 * EINTR. Writing leaves a message that reading shows.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>
#include <linux/atomic.h>
#include <linux/uaccess.h>

#define MSG_MAX 40

static char message[MSG_MAX] = "(empty)\n";
static size_t message_len = 8;
static atomic_t already_open = ATOMIC_INIT(0);
static DECLARE_WAIT_QUEUE_HEAD(waitq);
static struct proc_dir_entry *entry;

static ssize_t sleep_read(struct file *file, char __user *buf, size_t len, loff_t *offset)
{
	return simple_read_from_buffer(buf, len, offset, message, message_len);
}

static ssize_t sleep_write(struct file *file, const char __user *buf, size_t len, loff_t *offset)
{
	size_t n = min(len, (size_t)MSG_MAX);

	if (copy_from_user(message, buf, n))
		return -EFAULT;
	message_len = n;
	return n;
}

static int sleep_open(struct inode *inode, struct file *file)
{
	if (!try_module_get(THIS_MODULE))
		return -ENODEV;
	if ((file->f_flags & O_NONBLOCK) && atomic_read(&already_open)) {
		module_put(THIS_MODULE);
		return -EAGAIN;
	}
	while (atomic_cmpxchg(&already_open, 0, 1)) {
		pr_info("sleep_proc: %s (%d) waits for the file\n", current->comm, current->pid);
		if (wait_event_interruptible(waitq, !atomic_read(&already_open))) {
			pr_info("sleep_proc: %s (%d) was interrupted\n", current->comm, current->pid);
			module_put(THIS_MODULE);
			return -EINTR;
		}
	}
	return 0;
}

static int sleep_release(struct inode *inode, struct file *file)
{
	atomic_set(&already_open, 0);
	wake_up(&waitq);
	module_put(THIS_MODULE);
	return 0;
}

static const struct proc_ops sleep_ops = {
	.proc_open = sleep_open,
	.proc_read = sleep_read,
	.proc_write = sleep_write,
	.proc_release = sleep_release,
	.proc_lseek = noop_llseek,
};

static int __init sleep_proc_init(void)
{
	entry = proc_create("sleep", 0666, NULL, &sleep_ops);
	if (!entry)
		return -ENOMEM;
	return 0;
}

static void __exit sleep_proc_exit(void)
{
	remove_proc_entry("sleep", NULL);
}

module_init(sleep_proc_init);
module_exit(sleep_proc_exit);
MODULE_LICENSE("GPL");
