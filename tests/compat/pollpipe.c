// SPDX-License-Identifier: GPL-2.0
/* pollpipe.c - LDD3's blocking pipe in small: read sleeps until a write
 * (or returns -EAGAIN with O_NONBLOCK), and .poll reports readiness. */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/sched/signal.h>

static DECLARE_WAIT_QUEUE_HEAD(readq);
static DEFINE_MUTEX(lock);
static char buf[128];
static size_t len;

static ssize_t pp_read(struct file *f, char __user *ubuf, size_t count, loff_t *ppos)
{
	ssize_t n;

	if (mutex_lock_interruptible(&lock))
		return -ERESTARTSYS;
	while (len == 0) {
		mutex_unlock(&lock);
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(readq, len != 0))
			return -ERESTARTSYS;
		if (mutex_lock_interruptible(&lock))
			return -ERESTARTSYS;
	}
	n = min(count, len);
	if (copy_to_user(ubuf, buf, n)) {
		mutex_unlock(&lock);
		return -EFAULT;
	}
	memmove(buf, buf + n, len - n);
	len -= n;
	mutex_unlock(&lock);
	return n;
}

static ssize_t pp_write(struct file *f, const char __user *ubuf, size_t count, loff_t *ppos)
{
	size_t n;

	if (mutex_lock_interruptible(&lock))
		return -ERESTARTSYS;
	n = min(count, sizeof(buf) - len);
	if (n == 0) {
		mutex_unlock(&lock);
		return -ENOSPC;
	}
	if (copy_from_user(buf + len, ubuf, n)) {
		mutex_unlock(&lock);
		return -EFAULT;
	}
	len += n;
	mutex_unlock(&lock);
	wake_up_interruptible(&readq);
	return n;
}

static __poll_t pp_poll(struct file *f, poll_table *wait)
{
	__poll_t mask = 0;

	poll_wait(f, &readq, wait);
	mutex_lock(&lock);
	if (len)
		mask |= EPOLLIN | EPOLLRDNORM;
	if (len < sizeof(buf))
		mask |= EPOLLOUT | EPOLLWRNORM;
	mutex_unlock(&lock);
	return mask;
}

static const struct file_operations pp_fops = {
	.owner = THIS_MODULE,
	.read = pp_read,
	.write = pp_write,
	.poll = pp_poll,
	.llseek = noop_llseek,
};

static struct miscdevice pp_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "pollpipe",
	.fops = &pp_fops,
	.mode = 0666,
};

static int __init pp_init(void)
{
	return misc_register(&pp_dev);
}

static void __exit pp_exit(void)
{
	misc_deregister(&pp_dev);
}

module_init(pp_init);
module_exit(pp_exit);
MODULE_LICENSE("GPL");
