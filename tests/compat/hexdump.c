// SPDX-License-Identifier: GPL-2.0
/* hexdump.c - print_hex_dump, pr_*_once and pr_*_ratelimited. */
#include <linux/module.h>
#include <linux/printk.h>

static const char data[] = "Hello, simkernel! \x01\x02\xff";

static int __init hexdump_init(void)
{
	int i;

	print_hex_dump(KERN_INFO, "data: ", DUMP_PREFIX_OFFSET, 16, 1, data, sizeof(data), true);
	print_hex_dump(KERN_INFO, "words: ", DUMP_PREFIX_NONE, 16, 4, data, 16, false);
	for (i = 0; i < 3; i++)
		pr_info_once("printed once (i=%d)\n", i);
	for (i = 0; i < 15; i++)
		pr_info_ratelimited("ratelimited %d\n", i);
	return 0;
}

static void __exit hexdump_exit(void)
{
}

module_init(hexdump_init);
module_exit(hexdump_exit);
MODULE_LICENSE("GPL");
