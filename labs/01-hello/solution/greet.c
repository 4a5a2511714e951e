// SPDX-License-Identifier: GPL-2.0
/* greet.c - lab 1: your first module (reference solution). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("A. Student");
MODULE_DESCRIPTION("My first module");

static int __init greet_init(void)
{
	printk(KERN_INFO "greet: hello, kernel\n");
	/* KERN_WARNING is KERN_SOH "4": the level is its second character. */
	pr_warn("greet: loaded at level %c\n", KERN_WARNING[1]);
	return 0;
}

static void __exit greet_exit(void)
{
	pr_info("greet: goodbye\n");
}

module_init(greet_init);
module_exit(greet_exit);
