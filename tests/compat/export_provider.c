// SPDX-License-Identifier: GPL-2.0
/* export_provider.c - a module that exports a function to others. */
#include <linux/module.h>

int compat_add(int a, int b)
{
	return a + b;
}
EXPORT_SYMBOL(compat_add);

static int __init provider_init(void)
{
	pr_info("export_provider: ready\n");
	return 0;
}

static void __exit provider_exit(void)
{
}

module_init(provider_init);
module_exit(provider_exit);
MODULE_LICENSE("GPL");
