// SPDX-License-Identifier: GPL-2.0
/* debugfs_counters.c - debugfs as drivers use it: a directory, number files
 * of several kinds, a file with its own fops reached through simple_open,
 * a DEFINE_DEBUGFS_ATTRIBUTE file, a blob, debugfs_lookup, and one
 * debugfs_remove for the lot. Errors are not checked, as the debugfs API
 * asks: an ERR_PTR parent is passed on. */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>

static struct dentry *dir;
static u8 level = 3;
static u32 hits = 7;
static u64 big = 1ULL << 40;
static u32 mask = 0xbeef;
static bool enabled = true;
static atomic_t users = ATOMIC_INIT(-2);
static unsigned long ticks = 42;
static size_t bytes = 4096;
static u64 threshold = 10;
static char banner[] = "debugfs_counters v1\n";
static struct debugfs_blob_wrapper banner_blob = { .data = banner, .size = sizeof(banner) - 1 };

struct summary {
	const char *name;
	int calls;
};
static struct summary summary = { .name = "counters" };

static ssize_t summary_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	struct summary *s = file->private_data;
	char text[64];
	int n;

	if (*ppos == 0)
		s->calls++;
	n = scnprintf(text, sizeof(text), "%s: hits=%u calls=%d\n", s->name, hits, s->calls);
	return simple_read_from_buffer(buf, len, ppos, text, n);
}

static const struct file_operations summary_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = summary_read,
	.llseek = default_llseek,
};

static int threshold_get(void *data, u64 *val)
{
	*val = *(u64 *)data;
	return 0;
}

static int threshold_set(void *data, u64 val)
{
	if (val > 100)
		return -EINVAL;
	*(u64 *)data = val;
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(threshold_fops, threshold_get, threshold_set, "%llu\n");

static int __init counters_init(void)
{
	struct dentry *again;

	dir = debugfs_create_dir("counters", NULL);
	debugfs_create_u8("level", 0644, dir, &level);
	debugfs_create_u32("hits", 0444, dir, &hits);
	debugfs_create_u64("big", 0644, dir, &big);
	debugfs_create_x32("mask", 0600, dir, &mask);
	debugfs_create_bool("enabled", 0644, dir, &enabled);
	debugfs_create_atomic_t("users", 0644, dir, &users);
	debugfs_create_ulong("ticks", 0444, dir, &ticks);
	debugfs_create_size_t("bytes", 0444, dir, &bytes);
	debugfs_create_file("summary", 0444, dir, &summary, &summary_fops);
	debugfs_create_file("threshold", 0644, dir, &threshold, &threshold_fops);
	debugfs_create_blob("banner", 0444, dir, &banner_blob);

	/* A second directory of the same name: ERR_PTR(-EEXIST), and a file
	 * made in it fails the same way, without a check in between. */
	again = debugfs_create_dir("counters", NULL);
	pr_info("again: %ld\n", PTR_ERR(debugfs_create_file("x", 0444, again, NULL, &summary_fops)));
	pr_info("lookup: %s\n", debugfs_lookup("hits", dir) ? "found" : "missing");
	return 0;
}

static void __exit counters_exit(void)
{
	debugfs_remove_recursive(dir);
}

module_init(counters_init);
module_exit(counters_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("debugfs number files, simple_open and an attribute");
