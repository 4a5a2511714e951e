// SPDX-License-Identifier: GPL-2.0
/*
 * zero.c - /dev/zero: reads return as many zero bytes as asked for,
 * writes vanish (as drivers/char/mem.c's read_zero and write_null).
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#include "mem_device.h"

#define MEM_MAJOR 1
#define ZERO_MINOR 5

static ssize_t read_zero(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	/* clear_user writes zeros straight into the user's buffer. */
	if (clear_user(buf, count))
		return -EFAULT;
	return count;
}

static const struct file_operations zero_fops = {
	.owner  = THIS_MODULE,
	.llseek = null_lseek, /* mem.c's zero_lseek is null_lseek too */
	.read   = read_zero,
	.write  = write_null,
};

static struct mem_device zero_device = {
	.name    = "zero",
	.region  = "mem",
	.major   = MEM_MAJOR,
	.minor   = ZERO_MINOR,
	.fops    = &zero_fops,
	.devnode = mem_devnode_0666,
};

module_mem_device(zero_device);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/zero: an endless source of zero bytes");
MODULE_AUTHOR("simkernel");
