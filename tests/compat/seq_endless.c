// SPDX-License-Identifier: GPL-2.0
/* seq_endless.c - the seq_file HOWTO's endless sequence: /proc/sequence
 * counts up forever; each read() gets one page, and `head` (or a few reads)
 * stops it. start() allocates the iterator, stop() frees it, as the HOWTO. */
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

static int starts;

static void *ct_seq_start(struct seq_file *s, loff_t *pos)
{
	loff_t *spos = kmalloc(sizeof(loff_t), GFP_KERNEL);

	if (!spos)
		return NULL;
	*spos = *pos;
	starts++;
	return spos;
}

static void *ct_seq_next(struct seq_file *s, void *v, loff_t *pos)
{
	loff_t *spos = v;

	*pos = ++*spos;
	return spos;
}

static void ct_seq_stop(struct seq_file *s, void *v)
{
	kfree(v);
}

static int ct_seq_show(struct seq_file *s, void *v)
{
	loff_t *spos = v;

	seq_printf(s, "%lld\n", (long long)*spos);
	return 0;
}

static const struct seq_operations ct_seq_ops = {
	.start = ct_seq_start,
	.next = ct_seq_next,
	.stop = ct_seq_stop,
	.show = ct_seq_show,
};

static int ct_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &ct_seq_ops);
}

static const struct proc_ops ct_file_ops = {
	.proc_open = ct_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

/* A one-record file through DEFINE_PROC_SHOW_ATTRIBUTE: how many times
 * start() ran, i.e. how many reads the sequence took. */
static int starts_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", starts);
	return 0;
}
DEFINE_PROC_SHOW_ATTRIBUTE(starts);

static int __init ct_init(void)
{
	if (!proc_create("sequence", 0444, NULL, &ct_file_ops))
		return -ENOMEM;
	if (!proc_create("sequence_starts", 0444, NULL, &starts_proc_ops)) {
		remove_proc_entry("sequence", NULL);
		return -ENOMEM;
	}
	return 0;
}

static void __exit ct_exit(void)
{
	remove_proc_entry("sequence_starts", NULL);
	remove_proc_entry("sequence", NULL);
}

module_init(ct_init);
module_exit(ct_exit);
MODULE_LICENSE("GPL");
