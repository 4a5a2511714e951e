// SPDX-License-Identifier: GPL-2.0
/*
 * fi_ignores.c - a module whose init does not check kmalloc's result: it
 * loads even when the allocation fails (a student's bug the test kit's
 * fault injection must report as "the failure was ignored").
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/slab.h>

static char *buf;

static int __init fi_ignores_init(void)
{
	buf = kmalloc(64, GFP_KERNEL);	/* not checked */
	return 0;
}

static void __exit fi_ignores_exit(void)
{
	kfree(buf);
}

module_init(fi_ignores_init);
module_exit(fi_ignores_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ignores a failed kmalloc, for the test kit's fault injection tests");
