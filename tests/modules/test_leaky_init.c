// SPDX-License-Identifier: GPL-2.0
/*
 * test_leaky_init.c - init grabs a char device region, a class and its
 * /dev node, an IRQ line and memory, then fails without giving any of it
 * back. The kernel must release all of it, say so in the log, and look
 * exactly as it did before the insmod.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/slab.h>

#define TL_IRQ 5

static int tl_cookie;

static const struct file_operations tl_fops = {
	.owner = THIS_MODULE,
};

static irqreturn_t tl_interrupt(int irq, void *dev_id)
{
	return IRQ_NONE;
}

static int __init tl_init(void)
{
	struct class *cls;
	struct device *dev;
	int major, ret;

	/*
	 * Each step fails the load with its own error, so a second attempt
	 * shows whether the kernel really released the first one's leftovers
	 * (a class or IRQ still held would give EEXIST or EBUSY, not EIO).
	 */
	major = register_chrdev(0, "test_leaky", &tl_fops);
	if (major < 0)
		return major;
	cls = class_create("test_leaky");
	if (IS_ERR(cls))
		return PTR_ERR(cls);
	dev = device_create(cls, NULL, MKDEV(major, 0), NULL, "test_leaky");
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	ret = request_irq(TL_IRQ, tl_interrupt, 0, "test_leaky", &tl_cookie);
	if (ret)
		return ret;
	if (!kmalloc(100, GFP_KERNEL) || !kzalloc(28, GFP_KERNEL))
		return -ENOMEM;
	printk(KERN_ERR "test_leaky_init: failing with everything still held\n");
	return -EIO;
}

static void __exit tl_exit(void)
{
}

module_init(tl_init);
module_exit(tl_exit);

MODULE_LICENSE("GPL");
