// SPDX-License-Identifier: GPL-2.0
/*
 * test_printf.c - a module formats with the kernel's printf, as on Linux:
 * its snprintf and sprintf, and printk, know %ps, %pe and hashed %p, and
 * refuse %n (a WARNING, the output stops there).
 */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/string.h>

static int __init test_printf_init(void)
{
	char buf[64];
	int n = -1;

	snprintf(buf, sizeof(buf), "%ps", test_printf_init);
	pr_info("test_printf: symbol %s\n", buf);
	pr_info("test_printf: %pe %p\n", ERR_PTR(-EINVAL), NULL);
	sprintf(buf, "stop%n here", &n);
	pr_info("test_printf: [%s] n=%d\n", buf, n);
	return 0;
}

static void __exit test_printf_exit(void)
{
}

module_init(test_printf_init);
module_exit(test_printf_exit);
MODULE_LICENSE("GPL");
