// SPDX-License-Identifier: GPL-2.0
/* test_enodev.c - init finds no hardware and fails with -ENODEV. */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>

static int __init te_init(void)
{
	printk(KERN_ERR "test_enodev: no device found\n");
	return -ENODEV;
}

static void __exit te_exit(void)
{
	printk(KERN_ALERT "test_enodev: cleanup must not run after a failed init\n");
}

module_init(te_init);
module_exit(te_exit);

MODULE_LICENSE("GPL");
