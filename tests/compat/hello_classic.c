// SPDX-License-Identifier: GPL-2.0
/*
 * hello_classic.c - the oldest form of a module, as LKMPG's first examples
 * show it: init_module() and cleanup_module() by those names, no
 * module_init(), data marked __initdata, and a return value that says
 * whether the load worked.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

static int loads __initdata = 3;

int init_module(void)
{
	pr_info("Hello world %d.\n", loads);
	/* Anything but 0 would make insmod fail: the module is not loaded. */
	return 0;
}

void cleanup_module(void)
{
	pr_info("Goodbye world.\n");
}

MODULE_LICENSE("GPL");
MODULE_AUTHOR("simkernel compat corpus");
MODULE_DESCRIPTION("init_module and cleanup_module by name");
