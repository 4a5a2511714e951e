// SPDX-License-Identifier: GPL-2.0
/*
 * proc_owner.c - a /proc file with an owner and a size: proc_set_user()
 * gives it to a user (uid 1000 by default), so that user may write it
 * where others may not, and proc_set_size() says how big it is in stat.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <linux/uidgid.h>
#include <linux/cred.h>
#include <linux/fs.h>

#define NOTE_MAX 64

static int owner = 1000;
module_param(owner, int, 0444);

static struct proc_dir_entry *entry;
static char note[NOTE_MAX] = "nothing yet\n";
static size_t note_len = 12;

static ssize_t note_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return simple_read_from_buffer(buf, count, ppos, note, note_len);
}

static ssize_t note_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	if (count > NOTE_MAX)
		return -EFBIG;
	if (copy_from_user(note, buf, count))
		return -EFAULT;
	note_len = count;
	proc_set_size(entry, note_len);
	pr_info("proc_owner: uid %u wrote %zu bytes\n",
		from_kuid(&init_user_ns, current_uid()), count);
	return count;
}

static const struct proc_ops note_ops = {
	.proc_read = note_read,
	.proc_write = note_write,
	.proc_lseek = default_llseek,
};

static int __init proc_owner_init(void)
{
	entry = proc_create("note", 0644, NULL, &note_ops);
	if (!entry)
		return -ENOMEM;
	proc_set_user(entry, make_kuid(&init_user_ns, owner), GLOBAL_ROOT_GID);
	proc_set_size(entry, note_len);
	return 0;
}

static void __exit proc_owner_exit(void)
{
	proc_remove(entry);
}

module_init(proc_owner_init);
module_exit(proc_owner_exit);
MODULE_LICENSE("GPL");
