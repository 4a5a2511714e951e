// SPDX-License-Identifier: GPL-2.0
/*
 * whoami_dev.c - a device that answers who is asking: reading it gives the
 * reader's command name, pid and uid (from current); writing it is for an
 * administrator only (capable(CAP_SYS_ADMIN)), others get EPERM.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/uaccess.h>

static ssize_t who_read(struct file *f, char __user *ubuf, size_t count, loff_t *ppos)
{
	char text[96];
	int len;

	len = scnprintf(text, sizeof(text), "comm=%s pid=%d uid=%u\n", current->comm,
			task_pid_nr(current), from_kuid(&init_user_ns, current_uid()));
	return simple_read_from_buffer(ubuf, count, ppos, text, len);
}

static ssize_t who_write(struct file *f, const char __user *ubuf, size_t count, loff_t *ppos)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	pr_info("whoami_dev: %zu bytes from an administrator\n", count);
	return count;
}

static const struct file_operations who_fops = {
	.owner = THIS_MODULE,
	.read = who_read,
	.write = who_write,
};

static struct miscdevice who_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "whoami",
	.fops = &who_fops,
	.mode = 0666,
};

static int __init who_init(void)
{
	return misc_register(&who_dev);
}

static void __exit who_exit(void)
{
	misc_deregister(&who_dev);
}

module_init(who_init);
module_exit(who_exit);
MODULE_LICENSE("GPL");
