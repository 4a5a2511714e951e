// SPDX-License-Identifier: GPL-2.0
/*
 * zero.c - /dev/zero: reads return as many zero bytes as asked for,
 * writes vanish (as drivers/char/mem.c's read_zero and write_null).
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#define MEM_MAJOR 1
#define ZERO_MINOR 5

static ssize_t read_zero(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	/* clear_user writes zeros straight into the user's buffer. */
	if (clear_user(buf, count))
		return -EFAULT;
	return count;
}

static ssize_t write_zero(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	return count;
}

static loff_t zero_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

static const struct file_operations zero_fops = {
	.owner  = THIS_MODULE,
	.llseek = zero_lseek,
	.read   = read_zero,
	.write  = write_zero,
};

static struct class *zero_class;

static char *zero_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static int __init zero_init(void)
{
	struct device *dev;
	int ret;

	ret = __register_chrdev(MEM_MAJOR, ZERO_MINOR, 1, "mem", &zero_fops);
	if (ret < 0)
		return ret;

	zero_class = class_create("zero");
	if (IS_ERR(zero_class)) {
		ret = PTR_ERR(zero_class);
		goto out_chrdev;
	}
	zero_class->devnode = zero_devnode;

	dev = device_create(zero_class, NULL, MKDEV(MEM_MAJOR, ZERO_MINOR), NULL, "zero");
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto out_class;
	}
	return 0;

out_class:
	class_destroy(zero_class);
out_chrdev:
	__unregister_chrdev(MEM_MAJOR, ZERO_MINOR, 1, "mem");
	return ret;
}

static void __exit zero_exit(void)
{
	device_destroy(zero_class, MKDEV(MEM_MAJOR, ZERO_MINOR));
	class_destroy(zero_class);
	__unregister_chrdev(MEM_MAJOR, ZERO_MINOR, 1, "mem");
}

module_init(zero_init);
module_exit(zero_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/zero: an endless source of zero bytes");
MODULE_AUTHOR("simkernel");
