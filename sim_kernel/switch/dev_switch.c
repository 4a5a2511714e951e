// SPDX-License-Identifier: GPL-2.0
/*
 * dev_switch.c - the switch kernel's device-independent layer: one function
 * per system call, each a switch with a case per device.
 *
 * This is the kernel the course notes start from. It knows every device it
 * will ever drive when it is compiled: the drivers' source files are
 * compiled into this file, and dev_func_read() and the others name each
 * driver's function in a case of their switch. To add a device, add its
 * driver below, its kind, its device number, and a case to each of the six
 * dev_func_*() - then rebuild the kernel and restart it.
 *
 * The loadable kernel has none of this: chrdev_open() (char_dev.cpp) finds
 * the driver's struct file_operations by device number, and read(), write()
 * and the rest call through that table, so a module loaded at run time can
 * bring a device the kernel never heard of.
 *
 * Built into libsimkernel-switch.so only (build/bin/simkernel-switch).
 */
#include <linux/fs.h>
#include <linux/kdev_t.h>

#include "dev_switch.h"

/*
 * The drivers, compiled in. Each is still a built-in driver: its
 * module_init() runs at boot and makes its /dev node. Each gets its own
 * KBUILD_MODNAME, and each driver's boot hook its own name.
 */
#define __sk_builtin_init __UNIQUE_ID(sk_builtin_init)
#define __sk_builtin_exit __UNIQUE_ID(sk_builtin_exit)

#undef KBUILD_MODNAME
#define KBUILD_MODNAME "null"
#include "../../drivers/char/null.c"
#undef KBUILD_MODNAME
#define KBUILD_MODNAME "zero"
#include "../../drivers/char/zero.c"
#undef KBUILD_MODNAME
#define KBUILD_MODNAME "kbd"
#include "../../drivers/char/kbd.c"
#undef KBUILD_MODNAME
#define KBUILD_MODNAME "console"
#include "../../drivers/char/console.c"

/* The devices this kernel was built with. */
enum dev_kind {
	DEV_NONE,	/* 0: not a device of this kernel */
	DEV_NULL,
	DEV_ZERO,
	DEV_KBD,
	DEV_CONSOLE,
};

/* Which device a device number is (its driver registered it at boot). */
int dev_kind_of(dev_t dev)
{
	if (dev == MKDEV(MEM_MAJOR, NULL_MINOR))
		return DEV_NULL;
	if (dev == MKDEV(MEM_MAJOR, ZERO_MINOR))
		return DEV_ZERO;
	if (kbd_major > 0 && MAJOR(dev) == (unsigned int)kbd_major)
		return DEV_KBD;
	if (dev == MKDEV(TTYAUX_MAJOR, CONSOLE_MINOR))
		return DEV_CONSOLE;
	return DEV_NONE;
}

/*
 * The six system calls. A device without an operation still has its case,
 * with the error Linux gives for a driver without it; a kind with no case
 * is a device this function was not told about: ENODEV.
 */

int dev_func_open(int dev, struct inode *inode, struct file *file)
{
	switch (dev) {
	case DEV_NULL: return 0;
	case DEV_ZERO: return 0;
	case DEV_KBD: return nonseekable_open(inode, file);
	case DEV_CONSOLE: return nonseekable_open(inode, file);
	default: return -ENODEV;
	}
}

int dev_func_close(int dev, struct inode *inode, struct file *file)
{
	switch (dev) {
	case DEV_NULL: return 0;
	case DEV_ZERO: return 0;
	case DEV_KBD: return 0;
	case DEV_CONSOLE: return 0;
	default: return -ENODEV;
	}
}

ssize_t dev_func_read(int dev, struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	switch (dev) {
	case DEV_NULL: return read_null(file, buf, count, pos);
	case DEV_ZERO: return read_zero(file, buf, count, pos);
	case DEV_KBD: return kbd_read(file, buf, count, pos);
	case DEV_CONSOLE: return -EINVAL; /* a console only shows */
	default: return -ENODEV;
	}
}

ssize_t dev_func_write(int dev, struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	switch (dev) {
	case DEV_NULL: return write_null(file, buf, count, pos);
	case DEV_ZERO: return write_null(file, buf, count, pos); /* as mem.c: write_zero is write_null */
	case DEV_KBD: return -EINVAL; /* a keyboard cannot be written */
	case DEV_CONSOLE: return console_write(file, buf, count, pos);
	default: return -ENODEV;
	}
}

loff_t dev_func_lseek(int dev, struct file *file, loff_t offset, int whence)
{
	switch (dev) {
	case DEV_NULL: return null_lseek(file, offset, whence);
	case DEV_ZERO: return null_lseek(file, offset, whence);
	case DEV_KBD: return -ESPIPE; /* a stream */
	case DEV_CONSOLE: return -ESPIPE;
	default: return -ENODEV;
	}
}

long dev_func_ioctl(int dev, struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (dev) {
	case DEV_NULL: return -ENOTTY;
	case DEV_ZERO: return -ENOTTY;
	case DEV_KBD: return -ENOTTY;
	case DEV_CONSOLE: return -ENOTTY;
	default: return -ENODEV;
	}
}
