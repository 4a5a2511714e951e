// SPDX-License-Identifier: GPL-2.0
/*
 * console.c - /dev/console: what is written appears on the terminal.
 *
 * The system console is where the kernel's urgent messages appear; on
 * simkernel that is the terminal the shell runs in. This driver lets user
 * space write there too, as Linux's /dev/console (major 5, minor 1) does.
 *
 * The table has one operation that does the work, .write: it copies the
 * user's bytes in, a small chunk at a time, and hands each chunk to the
 * console. There is no .read (a console that only shows things has nothing
 * to give back, so read(2) fails with EINVAL) and no .llseek (a terminal is
 * a stream: nonseekable_open makes lseek(2) fail with ESPIPE).
 */
#include <linux/console.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#include "mem_device.h"

#define TTYAUX_MAJOR   5
#define CONSOLE_MINOR  1
#define CONSOLE_CHUNK  256 /* bytes copied in per round: a stack buffer */

static ssize_t console_write(struct file *file, const char __user *buf, size_t count,
			     loff_t *ppos)
{
	char tmp[CONSOLE_CHUNK];
	size_t done = 0;

	while (done < count) {
		size_t n = count - done;

		if (n > sizeof(tmp))
			n = sizeof(tmp);
		if (copy_from_user(tmp, buf + done, n))
			return done ? done : -EFAULT; /* what was shown stays shown */
		sk_console_write(tmp, n);
		done += n;
	}
	return done;
}

static const struct file_operations console_fops = {
	.owner = THIS_MODULE,
	.write = console_write,
	.open  = nonseekable_open,
};

/*
 * crw--w--w-: everyone may write to the console, only root may open it for
 * reading (which would fail anyway: there is no .read).
 */
static char *console_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0622;
	return NULL;
}

static struct mem_device console_device = {
	.name    = "console",
	.region  = "/dev/console", /* the name Linux shows in /proc/devices */
	.major   = TTYAUX_MAJOR,
	.minor   = CONSOLE_MINOR,
	.fops    = &console_fops,
	.devnode = console_devnode,
};

module_mem_device(console_device);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/console: write-only, to the terminal");
MODULE_AUTHOR("simkernel");
