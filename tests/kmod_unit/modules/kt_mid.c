// SPDX-License-Identifier: GPL-2.0
/*
 * kt_mid.c - middle of the kmod tests' stack: needs kt_base_fn, exports
 * kt_mid_fn. With fail=1 its init fails (-ENODEV), to test that modprobe
 * leaves nothing of the stack behind.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

extern int kt_base_fn(void);

static int fail;
module_param(fail, int, 0444);
MODULE_PARM_DESC(fail, "Make init fail with -ENODEV");

int kt_mid_fn(void)
{
	return kt_base_fn() + 1;
}
EXPORT_SYMBOL_GPL(kt_mid_fn);

static int __init kt_mid_init(void)
{
	if (fail) {
		pr_err("kt_mid: failing on purpose\n");
		return -ENODEV;
	}
	pr_info("kt_mid: up (%d)\n", kt_base_fn());
	return 0;
}

static void __exit kt_mid_exit(void)
{
	pr_info("kt_mid: down\n");
}

module_init(kt_mid_init);
module_exit(kt_mid_exit);
MODULE_LICENSE("GPL");
