// SPDX-License-Identifier: GPL-2.0
/* test_noinit.c - a cleanup_module and no init_module: nothing to run. */
#include <linux/module.h>

void cleanup_module(void)
{
	printk(KERN_ALERT "test_noinit: cleanup\n");
}

MODULE_LICENSE("GPL");
