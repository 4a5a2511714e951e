// SPDX-License-Identifier: GPL-2.0
/* userbuf.c - a misc device whose read and write are one buffer, with
 * simple_read_from_buffer/simple_write_to_buffer, and a /proc file that
 * takes a number with kstrtoint_from_user. */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

static char store[64] = "initial contents\n";
static size_t store_len = 17;
static int number;

static ssize_t ub_read(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	return simple_read_from_buffer(buf, count, ppos, store, store_len);
}

static ssize_t ub_write(struct file *f, const char __user *buf, size_t count, loff_t *ppos)
{
	ssize_t n = simple_write_to_buffer(store, sizeof(store), ppos, buf, count);

	if (n > 0 && *ppos > store_len)
		store_len = *ppos;
	return n;
}

static const struct file_operations ub_fops = {
	.owner = THIS_MODULE,
	.read = ub_read,
	.write = ub_write,
	.llseek = default_llseek,
};

static struct miscdevice ub_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "userbuf",
	.fops = &ub_fops,
	.mode = 0666,
};

static ssize_t num_write(struct file *f, const char __user *buf, size_t count, loff_t *ppos)
{
	int err = kstrtoint_from_user(buf, count, 0, &number);
	char c;

	if (err)
		return err;
	if (get_user(c, (const char __user *)buf))
		return -EFAULT;
	pr_info("userbuf: number=%d (first char '%c')\n", number, c);
	return count;
}

static ssize_t num_read(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	char tmp[16];
	int len = snprintf(tmp, sizeof(tmp), "%d\n", number);

	return simple_read_from_buffer(buf, count, ppos, tmp, len);
}

static const struct proc_ops num_ops = {
	.proc_read = num_read,
	.proc_write = num_write,
};

static int __init ub_init(void)
{
	int err = misc_register(&ub_misc);

	if (err)
		return err;
	if (!proc_create("userbuf_number", 0666, NULL, &num_ops)) {
		misc_deregister(&ub_misc);
		return -ENOMEM;
	}
	return 0;
}

static void __exit ub_exit(void)
{
	remove_proc_entry("userbuf_number", NULL);
	misc_deregister(&ub_misc);
}

module_init(ub_init);
module_exit(ub_exit);
MODULE_LICENSE("GPL");
