// SPDX-License-Identifier: GPL-2.0
/*
 * null.c - /dev/null: reads find end of file, writes vanish.
 *
 * The smallest driver there is, after Linux's drivers/char/mem.c: two
 * operations in the table, and an llseek that keeps the position at 0.
 * Built into the kernel, or as null.ko from this same file.
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>

#define MEM_MAJOR 1
#define NULL_MINOR 3

static ssize_t read_null(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return 0; /* end of file, always */
}

static ssize_t write_null(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	return count; /* everything was "written" */
}

static loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.owner  = THIS_MODULE,
	.llseek = null_lseek,
	.read   = read_null,
	.write  = write_null,
};

static struct class *null_class;

/* Everyone may read and write /dev/null. */
static char *null_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static int __init null_init(void)
{
	struct device *dev;
	int ret;

	ret = __register_chrdev(MEM_MAJOR, NULL_MINOR, 1, "mem", &null_fops);
	if (ret < 0)
		return ret;

	null_class = class_create("null");
	if (IS_ERR(null_class)) {
		ret = PTR_ERR(null_class);
		goto out_chrdev;
	}
	null_class->devnode = null_devnode;

	dev = device_create(null_class, NULL, MKDEV(MEM_MAJOR, NULL_MINOR), NULL, "null");
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto out_class;
	}
	return 0;

out_class:
	class_destroy(null_class);
out_chrdev:
	__unregister_chrdev(MEM_MAJOR, NULL_MINOR, 1, "mem");
	return ret;
}

static void __exit null_exit(void)
{
	device_destroy(null_class, MKDEV(MEM_MAJOR, NULL_MINOR));
	class_destroy(null_class);
	__unregister_chrdev(MEM_MAJOR, NULL_MINOR, 1, "mem");
}

module_init(null_init);
module_exit(null_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/null: the data sink");
MODULE_AUTHOR("simkernel");
