// SPDX-License-Identifier: GPL-2.0
/* mathuser.c - lab 11: a module that uses another's export (reference solution). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

#include "mathlib.h"

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 11: a module stacked on mathlib");

static unsigned long a = 12, b = 18;
module_param(a, ulong, 0444);
module_param(b, ulong, 0444);

static int __init mathuser_init(void)
{
	if (a == 0 || b == 0)
		return -EINVAL;
	pr_info("mathuser: gcd(%lu, %lu) = %lu\n", a, b, mathlib_gcd(a, b));
	return 0;
}

static void __exit mathuser_exit(void)
{
}

module_init(mathuser_init);
module_exit(mathuser_exit);
