// SPDX-License-Identifier: GPL-2.0
/*
 * print_string.c - LKMPG's print_string in our own words: a module that
 * writes to the terminal of whoever loaded it, through that tty's driver,
 * instead of to the kernel log.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/tty.h>

static char *greeting = "Hello from the kernel";
module_param(greeting, charp, 0444);

static void say(const char *text)
{
	struct tty_struct *tty = get_current_tty();
	const struct tty_operations *ops;

	if (!tty) {
		pr_info("print_string: %s has no terminal\n", current->comm);
		return;
	}
	ops = tty->driver->ops;
	/* A tty wants CR LF at the end of a line, not LF alone. */
	ops->write(tty, (const unsigned char *)text, strlen(text));
	ops->write(tty, (const unsigned char *)"\015\012", 2);
	tty_kref_put(tty);
}

static int __init print_string_init(void)
{
	say(greeting);
	return 0;
}

static void __exit print_string_exit(void)
{
	say("Goodbye from the kernel");
}

module_init(print_string_init);
module_exit(print_string_exit);
MODULE_LICENSE("GPL");
