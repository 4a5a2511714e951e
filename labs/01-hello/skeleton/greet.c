// SPDX-License-Identifier: GPL-2.0
/* greet.c - lab 1: your first module. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

/* The license: without it, modpost refuses to build the module (as Linux's does). */
MODULE_LICENSE("GPL");
/* TODO 1: the author (you) and the description "My first module". */

static int __init greet_init(void)
{
	/* TODO 2: log "greet: hello, kernel" at level KERN_INFO. */
	/* TODO 3: log "greet: loaded at level <n>" at KERN_WARNING, <n> taken from KERN_WARNING itself. */
	return 0;
}

static void __exit greet_exit(void)
{
	/* TODO 4: log "greet: goodbye" at level KERN_INFO. */
}

module_init(greet_init);
module_exit(greet_exit);
