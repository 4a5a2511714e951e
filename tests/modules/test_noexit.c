// SPDX-License-Identifier: GPL-2.0
/* test_noexit.c - no cleanup_module: it loads, and can never be removed. */
#include <linux/init.h>
#include <linux/module.h>

static int __init tn_init(void)
{
	printk(KERN_ALERT "test_noexit: loaded for good\n");
	return 0;
}

module_init(tn_init);

MODULE_LICENSE("GPL");
