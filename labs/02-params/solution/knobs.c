// SPDX-License-Identifier: GPL-2.0
/* knobs.c - lab 2: module parameters and /sys/module (reference solution). */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 2: module parameters");

static int count = 1;
module_param(count, int, 0444);
MODULE_PARM_DESC(count, "How many greetings (1 to 10)");

static char *name = "world";
module_param(name, charp, 0644);
MODULE_PARM_DESC(name, "Whom to greet");

static int __init knobs_init(void)
{
	int i;

	if (count < 1 || count > 10) {
		pr_err("knobs: count must be 1 to 10, not %d\n", count);
		return -EINVAL;
	}
	for (i = 1; i <= count; i++)
		pr_info("knobs: hello, %s (%d of %d)\n", name, i, count);
	return 0;
}

static void __exit knobs_exit(void)
{
	pr_info("knobs: goodbye, %s\n", name);
}

module_init(knobs_init);
module_exit(knobs_exit);
