// SPDX-License-Identifier: GPL-2.0
/*
 * mailbox.c - lab 6: blocking I/O with a wait queue.
 *
 * /dev/mailbox holds at most one message. A write puts it there (replacing
 * an unread one); a read takes it, and when there is none, sleeps until a
 * write brings one, unless the file was opened with O_NONBLOCK. poll(2)
 * and select(2) say when a read would not sleep.
 */
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 6: blocking I/O");

#define MAILBOX_SIZE 128

static char message[MAILBOX_SIZE];
static size_t message_len;
static bool has_message;
static DEFINE_MUTEX(mailbox_lock);
static DECLARE_WAIT_QUEUE_HEAD(mailbox_wait);

static ssize_t mailbox_read(struct file *file, char __user *buf, size_t count, loff_t *f_pos)
{
	size_t n;

	mutex_lock(&mailbox_lock);
	/* TODO 1: while there is no message: let go of the lock, then
	 *   - with O_NONBLOCK in file->f_flags, return -EAGAIN;
	 *   - else sleep on mailbox_wait until has_message (wait_event_interruptible);
	 *     if a signal ended the sleep (it returned non-zero), return -ERESTARTSYS;
	 * and take the lock again before looking.
	 * As given, a read with no message returns an empty one: end of file. */
	if (!has_message) {
		mutex_unlock(&mailbox_lock);
		return 0;
	}
	n = min(count, message_len);
	if (copy_to_user(buf, message, n)) {
		mutex_unlock(&mailbox_lock);
		return -EFAULT;
	}
	has_message = false;
	mutex_unlock(&mailbox_lock);
	return n;
}

static ssize_t mailbox_write(struct file *file, const char __user *buf, size_t count, loff_t *f_pos)
{
	size_t n = min(count, (size_t)MAILBOX_SIZE);

	mutex_lock(&mailbox_lock);
	if (copy_from_user(message, buf, n)) {
		mutex_unlock(&mailbox_lock);
		return -EFAULT;
	}
	message_len = n;
	WRITE_ONCE(has_message, true);
	mutex_unlock(&mailbox_lock);
	/* TODO 2: wake the readers sleeping on mailbox_wait. */
	return n;
}

/*
 * poll(2) and select(2) ask each file "can you be read or written now?"
 * through .poll, and sleep on the queues it names until a wake_up on one.
 */
static __poll_t mailbox_poll(struct file *file, poll_table *wait)
{
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;	/* a write never has to wait */

	/* TODO 3: name the queue a sleeping poll must be woken from
	 *   (poll_wait(file, &mailbox_wait, wait)), and add EPOLLIN | EPOLLRDNORM
	 *   to the mask when there is a message (READ_ONCE(has_message)).
	 * As given, the mailbox says it always has a message: poll never waits. */
	mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

static const struct file_operations mailbox_fops = {
	.owner = THIS_MODULE,
	.read = mailbox_read,
	.write = mailbox_write,
	.poll = mailbox_poll,
};

static struct miscdevice mailbox_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "mailbox",
	.fops = &mailbox_fops,
	.mode = 0666,
};

static int __init mailbox_init(void)
{
	return misc_register(&mailbox_dev);
}

static void __exit mailbox_exit(void)
{
	misc_deregister(&mailbox_dev);
}

module_init(mailbox_init);
module_exit(mailbox_exit);
