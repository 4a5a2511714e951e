// SPDX-License-Identifier: GPL-2.0
/*
 * null.c - /dev/null: reads find end of file, writes vanish.
 *
 * The smallest driver there is, after Linux's drivers/char/mem.c: two
 * operations in the table (write_null and null_lseek are mem_device.h's,
 * shared with zero.c as in mem.c).
 * Built into the kernel, or as null.ko from this same file.
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>

#include "mem_device.h"

#define MEM_MAJOR 1
#define NULL_MINOR 3

static ssize_t read_null(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return 0; /* end of file, always */
}

static const struct file_operations null_fops = {
	.owner  = THIS_MODULE,
	.llseek = null_lseek,
	.read   = read_null,
	.write  = write_null,
};

static struct mem_device null_device = {
	.name    = "null",
	.region  = "mem",
	.major   = MEM_MAJOR,
	.minor   = NULL_MINOR,
	.fops    = &null_fops,
	.devnode = mem_devnode_0666, /* everyone may read and write it */
};

module_mem_device(null_device);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/null: the data sink");
MODULE_AUTHOR("simkernel");
