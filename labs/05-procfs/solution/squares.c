// SPDX-License-Identifier: GPL-2.0
/*
 * squares.c - lab 5: a /proc file made with seq_file (reference solution).
 *
 * /proc/squares lists "i i*i" for i = 1..n, one line each, however long the
 * list and however small the reads: seq_file calls start/show/next/stop
 * as often as it needs to fill each read.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 5: /proc with seq_file");

static long n = 5;
module_param(n, long, 0444);
MODULE_PARM_DESC(n, "How many squares /proc/squares lists");

static struct proc_dir_entry *squares_entry;

/* The iterator's element is the number itself, stored in the pointer (+1: NULL ends the list). */
static void *squares_start(struct seq_file *m, loff_t *pos)
{
	return *pos < n ? (void *)(unsigned long)(*pos + 1) : NULL;
}

static void *squares_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return squares_start(m, pos);
}

static void squares_stop(struct seq_file *m, void *v)
{
}

static int squares_show(struct seq_file *m, void *v)
{
	long i = (long)(unsigned long)v;

	seq_printf(m, "%ld %ld\n", i, i * i);
	return 0;
}

static const struct seq_operations squares_seq_ops = {
	.start = squares_start,
	.next = squares_next,
	.stop = squares_stop,
	.show = squares_show,
};

static int squares_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &squares_seq_ops);
}

static const struct proc_ops squares_proc_ops = {
	.proc_open = squares_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

static int __init squares_init(void)
{
	if (n < 0 || n > 100000)
		return -EINVAL;
	squares_entry = proc_create("squares", 0444, NULL, &squares_proc_ops);
	if (!squares_entry)
		return -ENOMEM;
	return 0;
}

static void __exit squares_exit(void)
{
	proc_remove(squares_entry);
}

module_init(squares_init);
module_exit(squares_exit);
