// SPDX-License-Identifier: GPL-2.0
/*
 * gpl_provider.c - exports one function to every module and one only to
 * modules whose license is GPL-compatible (EXPORT_SYMBOL_GPL).
 *
 * The kernel keeps the difference in its symbol table: a module with
 * MODULE_LICENSE("Proprietary") (or none) that uses gpl_provider_secret is
 * refused, "gpl_consumer: Unknown symbol gpl_provider_secret (err -2)",
 * as if the symbol did not exist.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

int gpl_provider_answer(void)
{
	return 42;
}
EXPORT_SYMBOL(gpl_provider_answer);

int gpl_provider_secret(void)
{
	return 7;
}
EXPORT_SYMBOL_GPL(gpl_provider_secret);

static int __init gpl_provider_init(void)
{
	pr_info("gpl_provider: ready\n");
	return 0;
}

static void __exit gpl_provider_exit(void)
{
	pr_info("gpl_provider: done\n");
}

module_init(gpl_provider_init);
module_exit(gpl_provider_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Operating Systems course");
MODULE_DESCRIPTION("Exports one symbol to all modules and one to GPL modules only");
