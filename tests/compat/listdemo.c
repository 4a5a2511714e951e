// SPDX-License-Identifier: GPL-2.0
/*
 * listdemo.c - the kernel's linked list: each write to /dev/listdemo adds
 * a line as a new node (a queue: list_add_tail); reading walks the list
 * with list_for_each_entry; writing "clear" frees every node with the
 * _safe walk. The exit frees what is left.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/uaccess.h>

struct line {
	struct list_head node;
	int number;
	char text[32];
};

static LIST_HEAD(lines);
static DEFINE_MUTEX(lines_lock);
static int next_number = 1;

static void free_all(void)
{
	struct line *l, *tmp;

	list_for_each_entry_safe(l, tmp, &lines, node) {
		list_del(&l->node);
		kfree(l);
	}
}

static ssize_t ld_write(struct file *f, const char __user *ubuf, size_t count, loff_t *ppos)
{
	struct line *l;
	size_t n = min(count, sizeof(l->text) - 1);

	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return -ENOMEM;
	if (copy_from_user(l->text, ubuf, n)) {
		kfree(l);
		return -EFAULT;
	}
	strim(l->text);
	mutex_lock(&lines_lock);
	if (!strcmp(l->text, "clear")) {
		free_all();
		next_number = 1;
		kfree(l);
	} else {
		l->number = next_number++;
		list_add_tail(&l->node, &lines);
	}
	mutex_unlock(&lines_lock);
	return count;
}

static ssize_t ld_read(struct file *f, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct line *l;
	char *text;
	size_t len = 0;
	ssize_t ret;

	text = kzalloc(PAGE_SIZE, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	mutex_lock(&lines_lock);
	if (list_empty(&lines))
		len = scnprintf(text, PAGE_SIZE, "(no lines)\n");
	list_for_each_entry(l, &lines, node)
		len += scnprintf(text + len, PAGE_SIZE - len, "%d: %s\n", l->number, l->text);
	mutex_unlock(&lines_lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, text, len);
	kfree(text);
	return ret;
}

static const struct file_operations ld_fops = {
	.owner = THIS_MODULE,
	.read = ld_read,
	.write = ld_write,
};

static struct miscdevice ld_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "listdemo",
	.fops = &ld_fops,
	.mode = 0666,
};

static int __init ld_init(void)
{
	return misc_register(&ld_dev);
}

static void __exit ld_exit(void)
{
	misc_deregister(&ld_dev);
	free_all();
}

module_init(ld_init);
module_exit(ld_exit);
MODULE_LICENSE("GPL");
