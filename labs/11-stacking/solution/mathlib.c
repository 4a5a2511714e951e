// SPDX-License-Identifier: GPL-2.0
/* mathlib.c - lab 11: a module that exports a function (reference solution). */
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include "mathlib.h"

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 11: a library module");

unsigned long mathlib_gcd(unsigned long a, unsigned long b)
{
	while (b) {
		unsigned long r = a % b;

		a = b;
		b = r;
	}
	return a;
}
EXPORT_SYMBOL_GPL(mathlib_gcd);

static int __init mathlib_init(void)
{
	pr_info("mathlib: ready\n");
	return 0;
}

static void __exit mathlib_exit(void)
{
	pr_info("mathlib: gone\n");
}

module_init(mathlib_init);
module_exit(mathlib_exit);
