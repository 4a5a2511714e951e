// SPDX-License-Identifier: GPL-2.0
/*
 * chardev_count.c - LKMPG's chardev in our own words: a read-only device
 * that tells how many times it was opened; one open at a time (a second
 * gets EBUSY); writing is refused. The number is chosen by the kernel and
 * the node made by device_create().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/device.h>
#include <linux/atomic.h>
#include <linux/uaccess.h>
#include <linux/err.h>

#define DEVICE_NAME "chardev_count"

enum { DEV_FREE = 0, DEV_OPEN = 1 };

static int major;
static atomic_t in_use = ATOMIC_INIT(DEV_FREE);
static char message[80];
static struct class *cls;

static int cc_open(struct inode *inode, struct file *file)
{
	static int opened;

	if (atomic_cmpxchg(&in_use, DEV_FREE, DEV_OPEN))
		return -EBUSY;
	snprintf(message, sizeof(message), "Opened %d times\n", ++opened);
	try_module_get(THIS_MODULE);
	return 0;
}

static int cc_release(struct inode *inode, struct file *file)
{
	atomic_set(&in_use, DEV_FREE);
	module_put(THIS_MODULE);
	return 0;
}

static ssize_t cc_read(struct file *file, char __user *buf, size_t len, loff_t *off)
{
	size_t avail = strlen(message);
	size_t n;

	if (*off >= avail)
		return 0;
	n = min(len, avail - (size_t)*off);
	if (copy_to_user(buf, message + *off, n))
		return -EFAULT;
	*off += n;
	return n;
}

static ssize_t cc_write(struct file *file, const char __user *buf, size_t len, loff_t *off)
{
	pr_alert("chardev_count: writing is not supported\n");
	return -EINVAL;
}

static const struct file_operations cc_fops = {
	.owner = THIS_MODULE,
	.read = cc_read,
	.write = cc_write,
	.open = cc_open,
	.release = cc_release,
};

static int __init cc_init(void)
{
	struct device *dev;

	major = register_chrdev(0, DEVICE_NAME, &cc_fops);
	if (major < 0)
		return major;
	cls = class_create(THIS_MODULE, DEVICE_NAME);
	if (IS_ERR(cls)) {
		unregister_chrdev(major, DEVICE_NAME);
		return PTR_ERR(cls);
	}
	dev = device_create(cls, NULL, MKDEV(major, 0), NULL, DEVICE_NAME);
	if (IS_ERR(dev)) {
		class_destroy(cls);
		unregister_chrdev(major, DEVICE_NAME);
		return PTR_ERR(dev);
	}
	pr_info("chardev_count: device created on /dev/%s\n", DEVICE_NAME);
	return 0;
}

static void __exit cc_exit(void)
{
	device_destroy(cls, MKDEV(major, 0));
	class_destroy(cls);
	unregister_chrdev(major, DEVICE_NAME);
}

module_init(cc_init);
module_exit(cc_exit);
MODULE_LICENSE("GPL");
