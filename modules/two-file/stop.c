// SPDX-License-Identifier: GPL-2.0
/*
 * stop.c - the second half of the startstop module: its cleanup, and a
 * helper start.c calls across files.
 */
#include <linux/kernel.h>
#include <linux/module.h>

#include "startstop.h"

const char *startstop_banner(void)
{
	return "startstop";
}

void cleanup_module(void)
{
	pr_info("%s: Short is the life of a kernel module\n", startstop_banner());
}
