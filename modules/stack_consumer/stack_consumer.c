// SPDX-License-Identifier: GPL-2.0
/*
 * stack_consumer.c - the top of a module stack: it calls a function that
 * stack_provider exports, so it cannot load without it.
 *
 * "sudo insmod stack_consumer.ko" alone fails with "Unknown symbol in
 * module"; "sudo modprobe stack_consumer" loads stack_provider first,
 * because depmod wrote "extra/stack_consumer.ko: extra/stack_provider.ko"
 * in modules.dep. While this module is loaded, stack_provider's reference
 * count is 1 and lsmod shows "stack_consumer" under its "Used by".
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

/* Declared by hand here; a real stack would share a header. */
extern int stack_provider_add(int a, int b);
extern int stack_provider_calls(void);

static int x = 1, y = 2;
module_param(x, int, 0444);
MODULE_PARM_DESC(x, "First number to add");
module_param(y, int, 0444);
MODULE_PARM_DESC(y, "Second number to add");

static int __init stack_consumer_init(void)
{
	pr_info("stack_consumer: %d + %d + base = %d\n", x, y, stack_provider_add(x, y));
	return 0;
}

static void __exit stack_consumer_exit(void)
{
	pr_info("stack_consumer: the provider was called %d times\n", stack_provider_calls());
}

module_init(stack_consumer_init);
module_exit(stack_consumer_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Operating Systems course");
MODULE_DESCRIPTION("Uses stack_provider's exported function (a dependency stack)");
