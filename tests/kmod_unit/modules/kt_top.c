// SPDX-License-Identifier: GPL-2.0
/* kt_top.c - top of the kmod tests' stack: needs kt_mid_fn (so kt_base too). */
#include <linux/init.h>
#include <linux/module.h>

extern int kt_mid_fn(void);

static int __init kt_top_init(void)
{
	pr_info("kt_top: up (%d)\n", kt_mid_fn());
	return 0;
}

static void __exit kt_top_exit(void)
{
	pr_info("kt_top: down\n");
}

module_init(kt_top_init);
module_exit(kt_top_exit);
MODULE_LICENSE("GPL");
MODULE_ALIAS("kt-stack:*");
MODULE_SOFTDEP("pre: kt_soft");
