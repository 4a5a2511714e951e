// SPDX-License-Identifier: GPL-2.0
/*
 * hello-init.c - hello written the way current Linux code writes it: named
 * init and exit functions marked __init / __exit and registered with
 * module_init() / module_exit(), pr_info() for the messages, and the
 * MODULE_* tags that modinfo shows.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>

/* Only init uses it: Linux frees __initdata after init returns. */
static int hello_data __initdata = 3;

static int __init hello_init(void)
{
	pr_info("Hello, world %d\n", hello_data);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("Goodbye, world\n");
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Operating Systems course");
MODULE_DESCRIPTION("Hello, with module_init and module_exit");
MODULE_VERSION("1.1");
MODULE_ALIAS("hello-modern");
MODULE_SOFTDEP("pre: hello");
MODULE_INFO(lab, "1");
