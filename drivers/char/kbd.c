// SPDX-License-Identifier: GPL-2.0
/*
 * kbd.c - a keyboard: read-only, fed by an interrupt.
 *
 * Each key press raises IRQ 1. The interrupt handler takes the byte from
 * the keyboard controller's data port (0x60) while the status port (0x64)
 * says one is waiting, queues it, and wakes the readers. read() hands out
 * what is queued; with nothing queued it sleeps until a key comes (or
 * returns -EAGAIN for an O_NONBLOCK open, or -ERESTARTSYS on Ctrl-C).
 *
 * The table has .read and no .write: writing to a keyboard makes no sense,
 * so write(2) fails with EINVAL. No .llseek either: a keyboard is a stream,
 * so lseek(2) fails with ESPIPE.
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define KBD_IRQ         1
#define KBD_DATA_PORT   0x60
#define KBD_STATUS_PORT 0x64
#define KBD_STATUS_FULL 0x01
#define KBD_BUF_SIZE    256

static int kbd_major;
static struct class *kbd_class;

/* A ring of keystrokes, filled by the interrupt, emptied by read(). */
static struct {
	unsigned char data[KBD_BUF_SIZE];
	unsigned int head, tail; /* head: next to write; tail: next to read */
	spinlock_t lock;
} kbd_queue;

static DECLARE_WAIT_QUEUE_HEAD(kbd_wait); /* readers waiting for a key */

static int kbd_queue_empty(void)
{
	int empty;

	spin_lock(&kbd_queue.lock);
	empty = kbd_queue.head == kbd_queue.tail;
	spin_unlock(&kbd_queue.lock);
	return empty;
}

static irqreturn_t kbd_interrupt(int irq, void *dev_id)
{
	int handled = 0;

	spin_lock(&kbd_queue.lock);
	while (inb(KBD_STATUS_PORT) & KBD_STATUS_FULL) {
		unsigned char c = inb(KBD_DATA_PORT);
		unsigned int next = (kbd_queue.head + 1) % KBD_BUF_SIZE;

		if (next != kbd_queue.tail) { /* full: the key is dropped */
			kbd_queue.data[kbd_queue.head] = c;
			kbd_queue.head = next;
		}
		handled = 1;
	}
	spin_unlock(&kbd_queue.lock);
	if (handled)
		wake_up_interruptible(&kbd_wait);
	return handled ? IRQ_HANDLED : IRQ_NONE;
}

static ssize_t kbd_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned char tmp[KBD_BUF_SIZE];
	size_t n = 0;

	if (count == 0)
		return 0;
	for (;;) {
		spin_lock(&kbd_queue.lock);
		while (n < count && n < sizeof(tmp) && kbd_queue.tail != kbd_queue.head) {
			tmp[n++] = kbd_queue.data[kbd_queue.tail];
			kbd_queue.tail = (kbd_queue.tail + 1) % KBD_BUF_SIZE;
		}
		spin_unlock(&kbd_queue.lock);
		if (n)
			break;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		/* Nothing queued: sleep until the interrupt handler wakes us. */
		if (wait_event_interruptible(kbd_wait, !kbd_queue_empty()))
			return -ERESTARTSYS; /* a signal: the user sees EINTR */
	}

	if (copy_to_user(buf, tmp, n))
		return -EFAULT;
	return n;
}

static const struct file_operations kbd_fops = {
	.owner = THIS_MODULE,
	.read  = kbd_read,
	.open  = nonseekable_open,
};

static char *kbd_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static int __init kbd_init(void)
{
	struct device *dev;
	int ret;

	spin_lock_init(&kbd_queue.lock);
	kbd_queue.head = kbd_queue.tail = 0;

	kbd_major = register_chrdev(0, "kbd", &kbd_fops);
	if (kbd_major < 0)
		return kbd_major;

	kbd_class = class_create("kbd");
	if (IS_ERR(kbd_class)) {
		ret = PTR_ERR(kbd_class);
		goto out_chrdev;
	}
	kbd_class->devnode = kbd_devnode;

	dev = device_create(kbd_class, NULL, MKDEV(kbd_major, 0), NULL, "kbd");
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto out_class;
	}

	ret = request_irq(KBD_IRQ, kbd_interrupt, IRQF_SHARED, "kbd", &kbd_queue);
	if (ret)
		goto out_device;

	pr_info("kbd: keyboard on IRQ %d, /dev/kbd is %d:0\n", KBD_IRQ, kbd_major);
	return 0;

out_device:
	device_destroy(kbd_class, MKDEV(kbd_major, 0));
out_class:
	class_destroy(kbd_class);
out_chrdev:
	unregister_chrdev(kbd_major, "kbd");
	return ret;
}

static void __exit kbd_exit(void)
{
	free_irq(KBD_IRQ, &kbd_queue);
	device_destroy(kbd_class, MKDEV(kbd_major, 0));
	class_destroy(kbd_class);
	unregister_chrdev(kbd_major, "kbd");
}

module_init(kbd_init);
module_exit(kbd_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A keyboard: read-only, interrupt-fed");
MODULE_AUTHOR("simkernel");
