// SPDX-License-Identifier: GPL-2.0
/* export_consumer.c - uses export_provider's compat_add: it must be loaded
 * after it, and keeps it in use. */
#include <linux/module.h>

extern int compat_add(int a, int b);

static int __init consumer_init(void)
{
	pr_info("export_consumer: 2 + 3 = %d\n", compat_add(2, 3));
	return 0;
}

static void __exit consumer_exit(void)
{
}

module_init(consumer_init);
module_exit(consumer_exit);
MODULE_LICENSE("GPL");
