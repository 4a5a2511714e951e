// SPDX-License-Identifier: GPL-2.0
/*
 * kbd.c - a keyboard: read-only, fed by an interrupt.
 *
 * Each key press raises IRQ 1. The interrupt handler takes the byte from
 * the keyboard controller's data port (0x60) while the status port (0x64)
 * says one is waiting, and queues it. read() hands out what is queued.
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
	return handled ? IRQ_HANDLED : IRQ_NONE;
}

static ssize_t kbd_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned char tmp[KBD_BUF_SIZE];
	size_t n = 0;

	spin_lock(&kbd_queue.lock);
	while (n < count && n < sizeof(tmp) && kbd_queue.tail != kbd_queue.head) {
		tmp[n++] = kbd_queue.data[kbd_queue.tail];
		kbd_queue.tail = (kbd_queue.tail + 1) % KBD_BUF_SIZE;
	}
	spin_unlock(&kbd_queue.lock);

	if (n == 0 && (file->f_flags & O_NONBLOCK))
		return -EAGAIN;
	if (copy_to_user(buf, tmp, n))
		return -EFAULT;
	return n; /* 0 when nothing is queued */
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
