// SPDX-License-Identifier: GPL-2.0
/* kt_base.c - bottom of the kmod tests' three-module stack: exports kt_base_fn. */
#include <linux/init.h>
#include <linux/module.h>

int kt_base_fn(void)
{
	return 1;
}
EXPORT_SYMBOL(kt_base_fn);

static int __init kt_base_init(void)
{
	pr_info("kt_base: up\n");
	return 0;
}

static void __exit kt_base_exit(void)
{
	pr_info("kt_base: down\n");
}

module_init(kt_base_init);
module_exit(kt_base_exit);
MODULE_LICENSE("GPL");
MODULE_ALIAS("kt-bottom");
