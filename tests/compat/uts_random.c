// SPDX-License-Identifier: GPL-2.0
/*
 * uts_random.c - two small services of the kernel: the system's name and
 * release (init_utsname()), and random numbers (get_random_bytes,
 * get_random_u32, get_random_u32_below). /proc/uts_random shows the first
 * and checks the second: values in range, bytes not all zero.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>
#include <linux/random.h>

static int uts_random_show(struct seq_file *m, void *v)
{
	u8 bytes[16];
	int i, zero = 0, in_range = 1;

	seq_printf(m, "sysname %s\n", init_utsname()->sysname);
	seq_printf(m, "machine %s\n", init_utsname()->machine);
	get_random_bytes(bytes, sizeof(bytes));
	for (i = 0; i < sizeof(bytes); i++)
		zero += bytes[i] == 0;
	for (i = 0; i < 1000; i++)
		if (get_random_u32_below(6) >= 6)
			in_range = 0;
	seq_printf(m, "random bytes all zero: %s\n", zero == sizeof(bytes) ? "yes" : "no");
	seq_printf(m, "dice in 0..5: %s\n", in_range ? "yes" : "no");
	return 0;
}

static int uts_random_open(struct inode *inode, struct file *file)
{
	return single_open(file, uts_random_show, NULL);
}

static const struct proc_ops uts_random_ops = {
	.proc_open = uts_random_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init uts_random_init(void)
{
	if (!proc_create("uts_random", 0444, NULL, &uts_random_ops))
		return -ENOMEM;
	return 0;
}

static void __exit uts_random_exit(void)
{
	remove_proc_entry("uts_random", NULL);
}

module_init(uts_random_init);
module_exit(uts_random_exit);
MODULE_LICENSE("GPL");
