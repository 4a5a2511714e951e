// SPDX-License-Identifier: GPL-2.0
/*
 * ram0.c - /dev/ram0: a fixed-size disk kept in memory.
 *
 * The device is `size` bytes (a module parameter, 64 KiB by default) that
 * read, write and lseek move through like a file that can neither grow nor
 * shrink. It fills three operations, the ones a disk needs, and copies
 * data with copy_to_user / copy_from_user:
 *
 *   .read    from the position, at most to the end of the device; at the
 *            end it returns 0 (end of file), so `cat /dev/ram0` stops.
 *   .write   from the position, at most to the end: a write that would
 *            cross the end is cut short, one at the end fails with ENOSPC
 *            (the disk is full).
 *   .llseek  SEEK_SET, SEEK_CUR and SEEK_END (from the end of the disk),
 *            through fixed_size_llseek: a position before the start or
 *            past the end is EINVAL, as for Linux's block devices.
 *
 * There is no .open: each open(2) gets its own struct file and so its own
 * f_pos, which is all a position needs. A mutex keeps one read or write
 * from seeing another's half-copied bytes.
 *
 * Linux's RAM disk (drivers/block/brd.c) is a block device; this one is a
 * character device so that it needs nothing but the calls above.
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define RAM0_DEFAULT_SIZE (64 * 1024)
#define RAM0_MAX_SIZE     KMALLOC_MAX_SIZE /* one kmalloc holds the disk */

static unsigned long size = RAM0_DEFAULT_SIZE;
module_param(size, ulong, 0444);
MODULE_PARM_DESC(size, "size of /dev/ram0 in bytes (default 65536, at most 4194304)");

static int ram0_major;
static struct class *ram0_class;
static char *ram0_data;
static DEFINE_MUTEX(ram0_lock);

static ssize_t ram0_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	loff_t pos = *ppos;
	size_t n;

	if (pos < 0)
		return -EINVAL;
	if ((unsigned long)pos >= size)
		return 0; /* end of device */
	n = size - pos;
	if (count < n)
		n = count;

	mutex_lock(&ram0_lock);
	if (copy_to_user(buf, ram0_data + pos, n)) {
		mutex_unlock(&ram0_lock);
		return -EFAULT;
	}
	mutex_unlock(&ram0_lock);

	*ppos = pos + n;
	return n;
}

static ssize_t ram0_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	loff_t pos = *ppos;
	size_t n;

	if (pos < 0)
		return -EINVAL;
	if (count == 0)
		return 0;
	if ((unsigned long)pos >= size)
		return -ENOSPC; /* the disk is full */
	n = size - pos;
	if (count < n)
		n = count;

	mutex_lock(&ram0_lock);
	if (copy_from_user(ram0_data + pos, buf, n)) {
		mutex_unlock(&ram0_lock);
		return -EFAULT;
	}
	mutex_unlock(&ram0_lock);

	*ppos = pos + n;
	return n;
}

static loff_t ram0_llseek(struct file *file, loff_t offset, int whence)
{
	return fixed_size_llseek(file, offset, whence, size);
}

static const struct file_operations ram0_fops = {
	.owner  = THIS_MODULE,
	.llseek = ram0_llseek,
	.read   = ram0_read,
	.write  = ram0_write,
};

/* A disk everyone may read and write: this is a teaching machine. */
static char *ram0_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static int __init ram0_init(void)
{
	struct device *dev;
	int ret;

	if (size == 0 || size > RAM0_MAX_SIZE) {
		pr_err("ram0: size=%lu: must be 1 to %lu bytes\n", size, (unsigned long)RAM0_MAX_SIZE);
		return -EINVAL;
	}

	ram0_data = kzalloc(size, GFP_KERNEL);
	if (!ram0_data)
		return -ENOMEM;

	ram0_major = register_chrdev(0, "ram", &ram0_fops);
	if (ram0_major < 0) {
		ret = ram0_major;
		goto out_free;
	}

	ram0_class = class_create("ram");
	if (IS_ERR(ram0_class)) {
		ret = PTR_ERR(ram0_class);
		goto out_chrdev;
	}
	ram0_class->devnode = ram0_devnode;

	dev = device_create(ram0_class, NULL, MKDEV(ram0_major, 0), NULL, "ram0");
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto out_class;
	}

	pr_info("ram0: %lu bytes, /dev/ram0 is %d:0\n", size, ram0_major);
	return 0;

out_class:
	class_destroy(ram0_class);
out_chrdev:
	unregister_chrdev(ram0_major, "ram");
out_free:
	kfree(ram0_data);
	return ret;
}

static void __exit ram0_exit(void)
{
	device_destroy(ram0_class, MKDEV(ram0_major, 0));
	class_destroy(ram0_class);
	unregister_chrdev(ram0_major, "ram");
	kfree(ram0_data);
}

module_init(ram0_init);
module_exit(ram0_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/ram0: a fixed-size disk in memory");
MODULE_AUTHOR("simkernel");
