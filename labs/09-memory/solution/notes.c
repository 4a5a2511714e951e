// SPDX-License-Identifier: GPL-2.0
/*
 * notes.c - lab 9: kernel memory, kmalloc and kfree (reference solution).
 *
 * Each write(2) to /dev/notes keeps one note: a struct note, from a
 * kmem_cache of its own, and a copy of the text, from kmalloc, on a list. read(2) lists them, numbered.
 * At most max_notes are kept; the module frees them all when removed.
 */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 9: kernel memory");

static int max_notes = 8;
module_param(max_notes, int, 0444);
MODULE_PARM_DESC(max_notes, "How many notes are kept at most");

#define NOTE_MAX 256	/* the longest note, in bytes */

struct note {
	struct list_head list;
	size_t len;
	char *text;	/* len bytes, from kmalloc */
};

/* The notes' own cache: /proc/slabinfo shows it as "note". */
static struct kmem_cache *note_cache;

static LIST_HEAD(notes);
static int note_count;
static DEFINE_MUTEX(notes_lock);

static ssize_t notes_write(struct file *file, const char __user *buf, size_t count, loff_t *f_pos)
{
	struct note *n;
	ssize_t ret;

	if (count == 0)
		return 0;
	if (count > NOTE_MAX)
		count = NOTE_MAX;
	n = kmem_cache_alloc(note_cache, GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	n->text = kmalloc(count, GFP_KERNEL);
	if (!n->text) {
		ret = -ENOMEM;
		goto out_note;
	}
	if (copy_from_user(n->text, buf, count)) {
		ret = -EFAULT;
		goto out_text;
	}
	n->len = count;

	mutex_lock(&notes_lock);
	if (note_count >= max_notes) {
		mutex_unlock(&notes_lock);
		ret = -ENOSPC;
		goto out_text;
	}
	list_add_tail(&n->list, &notes);
	note_count++;
	mutex_unlock(&notes_lock);
	return count;

out_text:
	kfree(n->text);
out_note:
	kmem_cache_free(note_cache, n);
	return ret;
}

static ssize_t notes_read(struct file *file, char __user *buf, size_t count, loff_t *f_pos)
{
	struct note *n;
	size_t size = 0, len = 0;
	char *text;
	int i = 0;
	ssize_t ret;

	/* The listing, made afresh for each read in a buffer of its own. */
	mutex_lock(&notes_lock);
	list_for_each_entry(n, &notes, list)
		size += n->len + 16;
	text = kmalloc(size + 1, GFP_KERNEL);
	if (!text) {
		mutex_unlock(&notes_lock);
		return -ENOMEM;
	}
	list_for_each_entry(n, &notes, list)
		len += snprintf(text + len, size + 1 - len, "%d: %.*s", ++i, (int)n->len, n->text);
	mutex_unlock(&notes_lock);

	ret = 0;
	if (*f_pos < len) {
		ret = min(count, (size_t)(len - *f_pos));
		if (copy_to_user(buf, text + *f_pos, ret))
			ret = -EFAULT;
		else
			*f_pos += ret;
	}
	kfree(text);
	return ret;
}

static const struct file_operations notes_fops = {
	.owner = THIS_MODULE,
	.read = notes_read,
	.write = notes_write,
};

static struct miscdevice notes_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "notes",
	.fops = &notes_fops,
	.mode = 0666,
};

static int __init notes_init(void)
{
	int ret;

	note_cache = kmem_cache_create("note", sizeof(struct note), 0, 0, NULL);
	if (!note_cache)
		return -ENOMEM;
	ret = misc_register(&notes_dev);
	if (ret)
		kmem_cache_destroy(note_cache);	/* the error path undoes what came before */
	return ret;
}

static void __exit notes_exit(void)
{
	struct note *n, *next;

	misc_deregister(&notes_dev);
	list_for_each_entry_safe(n, next, &notes, list) {
		list_del(&n->list);
		kfree(n->text);
		kmem_cache_free(note_cache, n);
	}
	kmem_cache_destroy(note_cache);	/* empty now: every note went back */
}

module_init(notes_init);
module_exit(notes_exit);
