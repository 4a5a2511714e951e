// SPDX-License-Identifier: GPL-2.0
/* show_attr.c - DEFINE_SHOW_ATTRIBUTE on a misc device: a one-record
 * seq_file with the module's statistics. */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/seq_file.h>
#include <linux/fs.h>

static int reads;

static int stats_show(struct seq_file *m, void *v)
{
	reads++;
	seq_printf(m, "reads: %d\n", reads);
	seq_puts(m, "state: ok\n");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

static struct miscdevice stats_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "show_attr",
	.fops = &stats_fops,
	.mode = 0444,
};

static int __init show_attr_init(void)
{
	return misc_register(&stats_misc);
}

static void __exit show_attr_exit(void)
{
	misc_deregister(&stats_misc);
}

module_init(show_attr_init);
module_exit(show_attr_exit);
MODULE_LICENSE("GPL");
