// SPDX-License-Identifier: GPL-2.0
/* kt_soft.c - needs nothing; kt_top names it as a soft dependency (pre:). */
#include <linux/init.h>
#include <linux/module.h>

static int __init kt_soft_init(void)
{
	pr_info("kt_soft: up\n");
	return 0;
}

static void __exit kt_soft_exit(void)
{
	pr_info("kt_soft: down\n");
}

module_init(kt_soft_init);
module_exit(kt_soft_exit);
MODULE_LICENSE("GPL");
