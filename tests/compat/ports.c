// SPDX-License-Identifier: GPL-2.0
/* ports.c - claiming I/O ports as LDD3's short does: request_region on a
 * range (the keyboard controller's is taken), inb on the status port. */
#include <linux/module.h>
#include <linux/ioport.h>
#include <linux/io.h>

static unsigned long base = 0x378;
module_param(base, ulong, 0444);

static int __init ports_init(void)
{
	if (!request_region(base, 3, "ports")) {
		pr_info("ports: can't get I/O port address 0x%lx\n", base);
		return -ENODEV;
	}
	pr_info("ports: claimed 0x%lx-0x%lx\n", base, base + 2);
	if (!request_region(0x60, 1, "ports-kbd"))
		pr_info("ports: 0x60 is the keyboard's\n");
	pr_info("ports: keyboard status 0x%02x\n", inb(0x64));
	return 0;
}

static void __exit ports_exit(void)
{
	release_region(base, 3);
}

module_init(ports_init);
module_exit(ports_exit);
MODULE_LICENSE("GPL");
