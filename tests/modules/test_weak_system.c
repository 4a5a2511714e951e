// SPDX-License-Identifier: GPL-2.0
/*
 * test_weak_system.c - calls system(), declared weak so that it links and
 * would be left NULL if no one exports it. The host's dynamic linker would
 * bind it to the host's C library and the module would run a host shell
 * command; simkernel must refuse it as an unknown symbol instead.
 */
#include <linux/init.h>
#include <linux/module.h>

int system(const char *command) __attribute__((weak));

static int __init tw_init(void)
{
	if (system)
		system("echo test_weak_system: this must never run");
	return 0;
}

static void __exit tw_exit(void)
{
}

module_init(tw_init);
module_exit(tw_exit);

MODULE_LICENSE("GPL");
