// SPDX-License-Identifier: GPL-2.0
/*
 * stack_provider.c - the bottom of a module stack: it exports a function
 * (and a counter) for other modules to use.
 *
 * EXPORT_SYMBOL puts the name in the module's __ksymtab; when the module is
 * loaded, the kernel adds it to its symbol table (/proc/kallsyms), and
 * depmod, reading the same table from the .ko file, learns that a module
 * needing stack_provider_add needs this module.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static int base = 100;
module_param(base, int, 0444);
MODULE_PARM_DESC(base, "Added to every sum");

static int calls;

/* What the stack is for: the consumer calls this. */
int stack_provider_add(int a, int b)
{
	calls++;
	return base + a + b;
}
EXPORT_SYMBOL(stack_provider_add);

int stack_provider_calls(void)
{
	return calls;
}
EXPORT_SYMBOL(stack_provider_calls);

static int __init stack_provider_init(void)
{
	pr_info("stack_provider: ready (base=%d)\n", base);
	return 0;
}

static void __exit stack_provider_exit(void)
{
	pr_info("stack_provider: done after %d calls\n", calls);
}

module_init(stack_provider_init);
module_exit(stack_provider_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Operating Systems course");
MODULE_DESCRIPTION("Exports a function for stack_consumer (a dependency stack)");
MODULE_ALIAS("stack-bottom");
