// SPDX-License-Identifier: GPL-2.0
/*
 * test_unknown_sym.c - calls printf, which the kernel does not export. The
 * module links (-nostdlib leaves printf undefined) but must be refused with
 * "Unknown symbol printf" instead of reaching the host's C library.
 */
#include <linux/init.h>
#include <linux/module.h>

int printf(const char *fmt, ...);

static int __init tu_init(void)
{
	printf("test_unknown_sym: this must never run\n");
	return 0;
}

static void __exit tu_exit(void)
{
}

module_init(tu_init);
module_exit(tu_exit);

MODULE_LICENSE("GPL");
