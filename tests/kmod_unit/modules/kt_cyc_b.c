// SPDX-License-Identifier: GPL-2.0
/* kt_cyc_b.c - needs kt_cyc_a, which needs it back: a dependency cycle. */
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/module.h>

extern int kt_cyc_a_fn(void);

int kt_cyc_b_fn(void)
{
	return 1;
}
EXPORT_SYMBOL(kt_cyc_b_fn);

static int __init kt_cyc_b_init(void)
{
	return kt_cyc_a_fn() ? 0 : -EINVAL;
}

static void __exit kt_cyc_b_exit(void)
{
}

module_init(kt_cyc_b_init);
module_exit(kt_cyc_b_exit);
MODULE_LICENSE("GPL");
