// SPDX-License-Identifier: GPL-2.0
/* test_debugfs_leak.c - makes a debugfs directory and a number file and
 * forgets them at exit: rmmod must remove both and name them in the log. */
#include <linux/debugfs.h>
#include <linux/module.h>

static u32 value = 5;

static int __init leak_init(void)
{
	struct dentry *dir = debugfs_create_dir("leaky", NULL);

	debugfs_create_u32("value", 0644, dir, &value);
	return 0;
}

static void __exit leak_exit(void)
{
}

module_init(leak_init);
module_exit(leak_exit);
MODULE_LICENSE("GPL");
