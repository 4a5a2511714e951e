// SPDX-License-Identifier: GPL-2.0
/*
 * procfs_rw.c - LKMPG's procfs2 in our own words: a /proc file that keeps
 * what was last written to it (up to a small buffer) and gives it back.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#define PROCFS_MAX_SIZE 32
#define PROCFS_NAME "buffer1k"

static struct proc_dir_entry *our_proc_file;
static char procfs_buffer[PROCFS_MAX_SIZE];
static unsigned long procfs_buffer_size;

static ssize_t procfile_read(struct file *file, char __user *buffer, size_t length, loff_t *offset)
{
	if (*offset >= procfs_buffer_size)
		return 0;
	if (length > procfs_buffer_size - *offset)
		length = procfs_buffer_size - *offset;
	if (copy_to_user(buffer, procfs_buffer + *offset, length))
		return -EFAULT;
	*offset += length;
	pr_info("procfile read %s\n", file->f_path.dentry->d_name.name);
	return length;
}

static ssize_t procfile_write(struct file *file, const char __user *buff, size_t len, loff_t *off)
{
	procfs_buffer_size = len;
	if (procfs_buffer_size > PROCFS_MAX_SIZE)
		procfs_buffer_size = PROCFS_MAX_SIZE;
	if (copy_from_user(procfs_buffer, buff, procfs_buffer_size))
		return -EFAULT;
	pr_info("procfile write: kept %lu of %zu bytes\n", procfs_buffer_size, len);
	return procfs_buffer_size;
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 6, 0)
static const struct proc_ops proc_file_fops = {
	.proc_read = procfile_read,
	.proc_write = procfile_write,
};
#else
static const struct file_operations proc_file_fops = {
	.read = procfile_read,
	.write = procfile_write,
};
#endif

static int __init procfs_rw_init(void)
{
	our_proc_file = proc_create(PROCFS_NAME, 0644, NULL, &proc_file_fops);
	if (!our_proc_file) {
		pr_alert("Error: could not initialize /proc/%s\n", PROCFS_NAME);
		return -ENOMEM;
	}
	pr_info("/proc/%s created\n", PROCFS_NAME);
	return 0;
}

static void __exit procfs_rw_exit(void)
{
	proc_remove(our_proc_file);
	pr_info("/proc/%s removed\n", PROCFS_NAME);
}

module_init(procfs_rw_init);
module_exit(procfs_rw_exit);
MODULE_LICENSE("GPL");
