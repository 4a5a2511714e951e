// SPDX-License-Identifier: GPL-2.0
/* mathlib.c - lab 11: a module that exports a function. */
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include "mathlib.h"

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 11: a library module");

unsigned long mathlib_gcd(unsigned long a, unsigned long b)
{
	/* TODO 1: Euclid: while b is not 0, (a, b) becomes (b, a % b); then a is the answer. */
	return 1;
}
/* TODO 2: export mathlib_gcd to GPL modules only (EXPORT_SYMBOL_GPL). */

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
