// SPDX-License-Identifier: GPL-2.0
/*
 * test_chrdev.c - the well-behaved module of the loader tests.
 *
 * init kmallocs a message, registers a char device with a dynamic major and
 * makes /dev/test_chrdev; read() returns the message. cleanup undoes all
 * of it, so after rmmod the kernel must look exactly as before insmod.
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define MSG "hello from test_chrdev\n"

static int major;
static struct class *cls;
static char *msg;

static ssize_t tc_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	size_t len = strlen(msg);

	if (*ppos >= (loff_t)len)
		return 0;
	if (count > len - *ppos)
		count = len - *ppos;
	if (copy_to_user(buf, msg + *ppos, count))
		return -EFAULT;
	*ppos += count;
	return count;
}

static const struct file_operations tc_fops = {
	.owner = THIS_MODULE,
	.read  = tc_read,
};

static char *tc_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static int __init tc_init(void)
{
	struct device *dev;
	int ret;

	msg = kmalloc(sizeof(MSG), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	strscpy(msg, MSG, sizeof(MSG));

	major = register_chrdev(0, "test_chrdev", &tc_fops);
	if (major < 0) {
		ret = major;
		goto out_free;
	}
	cls = class_create("test_chrdev");
	if (IS_ERR(cls)) {
		ret = PTR_ERR(cls);
		goto out_chrdev;
	}
	cls->devnode = tc_devnode;
	dev = device_create(cls, NULL, MKDEV(major, 0), NULL, "test_chrdev");
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto out_class;
	}
	printk(KERN_ALERT "test_chrdev: loaded, major %d\n", major);
	return 0;

out_class:
	class_destroy(cls);
out_chrdev:
	unregister_chrdev(major, "test_chrdev");
out_free:
	kfree(msg);
	return ret;
}

static void __exit tc_exit(void)
{
	device_destroy(cls, MKDEV(major, 0));
	class_destroy(cls);
	unregister_chrdev(major, "test_chrdev");
	kfree(msg);
	printk(KERN_ALERT "test_chrdev: unloaded\n");
}

module_init(tc_init);
module_exit(tc_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("loader test: a module that registers and unregisters a char device");
