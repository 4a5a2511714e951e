// SPDX-License-Identifier: GPL-2.0
/* knobs.c - lab 2: module parameters and /sys/module. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 2: module parameters");

static int count = 1;
/* TODO 1: make count a parameter (type int) that everyone may read in sysfs
 * but no one may change there (mode 0444), with the description
 * "How many greetings (1 to 10)". */

static char *name = "world";
/* TODO 2: make name a string parameter (charp) that root may change in
 * sysfs (mode 0644), with the description "Whom to greet". */

static int __init knobs_init(void)
{
	/* TODO 3: refuse a count outside 1..10: log
	 * "knobs: count must be 1 to 10, not <count>" at KERN_ERR and fail with -EINVAL. */

	/* TODO 4: log "knobs: hello, <name> (<i> of <count>)" count times, i = 1..count. */
	return 0;
}

static void __exit knobs_exit(void)
{
	pr_info("knobs: goodbye, %s\n", name);
}

module_init(knobs_init);
module_exit(knobs_exit);
