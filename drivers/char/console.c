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

#define TTYAUX_MAJOR   5
#define CONSOLE_MINOR  1
#define CONSOLE_CHUNK  256 /* bytes copied in per round: a stack buffer */

static struct class *console_class;

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

static int __init console_init(void)
{
	struct device *dev;
	int ret;

	/* One minor of major 5, with the name Linux shows in /proc/devices. */
	ret = __register_chrdev(TTYAUX_MAJOR, CONSOLE_MINOR, 1, "/dev/console", &console_fops);
	if (ret < 0)
		return ret;

	console_class = class_create("console");
	if (IS_ERR(console_class)) {
		ret = PTR_ERR(console_class);
		goto out_chrdev;
	}
	console_class->devnode = console_devnode;

	dev = device_create(console_class, NULL, MKDEV(TTYAUX_MAJOR, CONSOLE_MINOR), NULL, "console");
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto out_class;
	}
	return 0;

out_class:
	class_destroy(console_class);
out_chrdev:
	__unregister_chrdev(TTYAUX_MAJOR, CONSOLE_MINOR, 1, "/dev/console");
	return ret;
}

static void __exit console_exit(void)
{
	device_destroy(console_class, MKDEV(TTYAUX_MAJOR, CONSOLE_MINOR));
	class_destroy(console_class);
	__unregister_chrdev(TTYAUX_MAJOR, CONSOLE_MINOR, 1, "/dev/console");
}

module_init(console_init);
module_exit(console_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/console: write-only, to the terminal");
MODULE_AUTHOR("simkernel");
