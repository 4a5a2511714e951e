// SPDX-License-Identifier: GPL-2.0
/*
 * start.c - the first half of the startstop module: its init.
 * The Makefile links start.o and stop.o into one startstop.ko.
 */
#include <linux/kernel.h>
#include <linux/module.h>

#include "startstop.h"

int init_module(void)
{
	pr_info("%s: Hello, world - this is the kernel speaking\n", startstop_banner());
	return 0;
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A module built from two source files");
