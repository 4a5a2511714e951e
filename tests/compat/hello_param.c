// SPDX-License-Identifier: GPL-2.0
/* hello_param.c - hello world with parameters, as every tutorial starts. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static char *whom = "world";
static int howmany = 1;
module_param(whom, charp, 0444);
module_param(howmany, int, 0644);
MODULE_PARM_DESC(howmany, "how many greetings");

static int __init hello_init(void)
{
	int i;

	for (i = 0; i < howmany; i++)
		pr_info("Hello, %s (%d)\n", whom, i);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("Goodbye, %s\n", whom);
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("simkernel compat corpus");
MODULE_DESCRIPTION("hello with parameters");
