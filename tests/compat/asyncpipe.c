// SPDX-License-Identifier: GPL-2.0
/*
 * asyncpipe.c - an LDD3 scullpipe in small: a ring buffer that readers
 * block on, with .poll (select/poll wait on the read and write queues) and
 * .fasync (a writer's data sends SIGIO to every file that asked for it).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/poll.h>
#include <linux/sched/signal.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define APIPE_SIZE 16

struct apipe {
	wait_queue_head_t inq, outq;
	struct mutex lock;
	char buf[APIPE_SIZE];
	size_t rp, count;             /* read position, bytes held */
	struct fasync_struct *async_queue;
};

static struct apipe pipe_dev;

static size_t apipe_space(struct apipe *p)
{
	return APIPE_SIZE - p->count;
}

static ssize_t apipe_read(struct file *filp, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct apipe *p = filp->private_data;
	size_t n, first;

	if (mutex_lock_interruptible(&p->lock))
		return -ERESTARTSYS;
	while (p->count == 0) {
		mutex_unlock(&p->lock);
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(p->inq, p->count != 0))
			return -ERESTARTSYS;
		if (mutex_lock_interruptible(&p->lock))
			return -ERESTARTSYS;
	}
	n = min(count, p->count);
	first = min(n, (size_t)APIPE_SIZE - p->rp);
	if (copy_to_user(ubuf, p->buf + p->rp, first) ||
	    copy_to_user(ubuf + first, p->buf, n - first)) {
		mutex_unlock(&p->lock);
		return -EFAULT;
	}
	p->rp = (p->rp + n) % APIPE_SIZE;
	p->count -= n;
	mutex_unlock(&p->lock);
	wake_up_interruptible(&p->outq);   /* writers: there is room now */
	return n;
}

static ssize_t apipe_write(struct file *filp, const char __user *ubuf, size_t count, loff_t *ppos)
{
	struct apipe *p = filp->private_data;
	size_t n, wp, first;

	if (mutex_lock_interruptible(&p->lock))
		return -ERESTARTSYS;
	while (apipe_space(p) == 0) {
		mutex_unlock(&p->lock);
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(p->outq, apipe_space(p) != 0))
			return -ERESTARTSYS;
		if (mutex_lock_interruptible(&p->lock))
			return -ERESTARTSYS;
	}
	n = min(count, apipe_space(p));
	wp = (p->rp + p->count) % APIPE_SIZE;
	first = min(n, (size_t)APIPE_SIZE - wp);
	if (copy_from_user(p->buf + wp, ubuf, first) ||
	    copy_from_user(p->buf, ubuf + first, n - first)) {
		mutex_unlock(&p->lock);
		return -EFAULT;
	}
	p->count += n;
	mutex_unlock(&p->lock);
	wake_up_interruptible(&p->inq);
	if (p->async_queue)
		kill_fasync(&p->async_queue, SIGIO, POLL_IN);
	return n;
}

static __poll_t apipe_poll(struct file *filp, poll_table *wait)
{
	struct apipe *p = filp->private_data;
	__poll_t mask = 0;

	mutex_lock(&p->lock);
	poll_wait(filp, &p->inq, wait);
	poll_wait(filp, &p->outq, wait);
	if (p->count)
		mask |= EPOLLIN | EPOLLRDNORM;
	if (apipe_space(p))
		mask |= EPOLLOUT | EPOLLWRNORM;
	mutex_unlock(&p->lock);
	return mask;
}

static int apipe_fasync(int fd, struct file *filp, int mode)
{
	struct apipe *p = filp->private_data;

	return fasync_helper(fd, filp, mode, &p->async_queue);
}

static int apipe_open(struct inode *inode, struct file *filp)
{
	filp->private_data = &pipe_dev;
	return stream_open(inode, filp);
}

static int apipe_release(struct inode *inode, struct file *filp)
{
	apipe_fasync(-1, filp, 0);   /* off the SIGIO list */
	return 0;
}

static const struct file_operations apipe_fops = {
	.owner = THIS_MODULE,
	.open = apipe_open,
	.release = apipe_release,
	.read = apipe_read,
	.write = apipe_write,
	.poll = apipe_poll,
	.fasync = apipe_fasync,
	.llseek = no_llseek,
};

static struct miscdevice apipe_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "asyncpipe",
	.fops = &apipe_fops,
	.mode = 0666,
};

static int __init apipe_init(void)
{
	init_waitqueue_head(&pipe_dev.inq);
	init_waitqueue_head(&pipe_dev.outq);
	mutex_init(&pipe_dev.lock);
	return misc_register(&apipe_misc);
}

static void __exit apipe_exit(void)
{
	misc_deregister(&apipe_misc);
}

module_init(apipe_init);
module_exit(apipe_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A pipe with poll and SIGIO, after LDD3's scullpipe");
