// SPDX-License-Identifier: GPL-2.0
/*
 * test_badmagic.c - a harmless module, linked with test_badmagic_modinfo.c
 * instead of the generated mod.c: it claims to be built for another kernel.
 */
#include <linux/init.h>
#include <linux/module.h>

static int __init tb_init(void)
{
	printk(KERN_ALERT "test_badmagic: this must never run\n");
	return 0;
}

static void __exit tb_exit(void)
{
}

module_init(tb_init);
module_exit(tb_exit);

MODULE_LICENSE("GPL");
