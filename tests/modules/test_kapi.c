// SPDX-License-Identifier: GPL-2.0
/*
 * test_kapi.c - one module that uses the device APIs of issue 5, for the
 * tests: alloc_chrdev_region + cdev_add (container_of on i_cdev), a misc
 * device, /proc entries written with seq_file, and a wait queue.
 *
 * /dev/kpipe (misc) is a one-slot pipe: read() sleeps until a write()
 * fills the slot (wait_event_interruptible / wake_up_interruptible).
 * /dev/kapi0 (cdev) reads back the name of its own struct, found with
 * container_of(inode->i_cdev, ...). /proc/kapi/stats counts the calls.
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

struct kapi_dev {
	const char *label;
	struct cdev cdev;
};

static struct kapi_dev kapi = { .label = "kapi_dev" };
static dev_t kapi_devt;
static struct class *kapi_class;
static struct proc_dir_entry *kapi_proc_dir;
static int reads, writes;

/* ---- /dev/kpipe ---- */
static DECLARE_WAIT_QUEUE_HEAD(kpipe_wait);
static DEFINE_SPINLOCK(kpipe_lock);
static char kpipe_buf[64];
static size_t kpipe_len;

static int kpipe_has_data(void)
{
	int has;

	spin_lock(&kpipe_lock);
	has = kpipe_len > 0;
	spin_unlock(&kpipe_lock);
	return has;
}

static ssize_t kpipe_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	char tmp[64];
	size_t n;

	if (wait_event_interruptible(kpipe_wait, kpipe_has_data()))
		return -ERESTARTSYS;
	spin_lock(&kpipe_lock);
	n = min(count, kpipe_len);
	memcpy(tmp, kpipe_buf, n);
	kpipe_len = 0;
	spin_unlock(&kpipe_lock);
	reads++;
	pr_info("kpipe: %s (pid %d) read %zu bytes\n", current->comm, current->pid, n);
	return copy_to_user(buf, tmp, n) ? -EFAULT : (ssize_t)n;
}

static ssize_t kpipe_write(struct file *f, const char __user *buf, size_t count, loff_t *pos)
{
	size_t n = min(count, sizeof(kpipe_buf));
	char tmp[64];

	if (copy_from_user(tmp, buf, n))
		return -EFAULT;
	spin_lock(&kpipe_lock);
	memcpy(kpipe_buf, tmp, n);
	kpipe_len = n;
	spin_unlock(&kpipe_lock);
	writes++;
	wake_up_interruptible(&kpipe_wait);
	return n;
}

static const struct file_operations kpipe_fops = {
	.owner = THIS_MODULE,
	.read  = kpipe_read,
	.write = kpipe_write,
};

static struct miscdevice kpipe_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name  = "kpipe",
	.fops  = &kpipe_fops,
	.mode  = 0666,
};

/* ---- /dev/kapi0 ---- */
static int kapi_open(struct inode *inode, struct file *f)
{
	f->private_data = container_of(inode->i_cdev, struct kapi_dev, cdev);
	return 0;
}

static ssize_t kapi_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	struct kapi_dev *dev = f->private_data;
	char line[96];
	/* What a driver may read of the file: its numbers, the name it was
	 * opened by (a node made with mknod may have any name), its flags. */
	int len = scnprintf(line, sizeof(line), "%s minor %u major %u via %s%s\n", dev->label,
			    iminor(file_inode(f)), imajor(file_inode(f)), f->f_path.dentry->d_name.name,
			    (f->f_flags & O_NONBLOCK) ? " nonblocking" : "");

	if (*pos >= len)
		return 0;
	if (count > (size_t)(len - *pos))
		count = len - *pos;
	if (copy_to_user(buf, line + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static const struct file_operations kapi_fops = {
	.owner = THIS_MODULE,
	.open  = kapi_open,
	.read  = kapi_read,
};

/* ---- /proc/kapi/stats ---- */
static int stats_show(struct seq_file *m, void *v)
{
	seq_printf(m, "reads %d\nwrites %d\n", reads, writes);
	seq_puts(m, "ok\n");
	return 0;
}

static int stats_open(struct inode *inode, struct file *file)
{
	return single_open(file, stats_show, NULL);
}

static const struct proc_ops stats_ops = {
	.proc_open    = stats_open,
	.proc_read    = seq_read,
	.proc_lseek   = seq_lseek,
	.proc_release = single_release,
};

static char *kapi_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0444;
	return NULL;
}

static int __init kapi_init(void)
{
	struct device *d;
	int ret;

	ret = alloc_chrdev_region(&kapi_devt, 0, 1, "kapi");
	if (ret)
		return ret;
	cdev_init(&kapi.cdev, &kapi_fops);
	kapi.cdev.owner = THIS_MODULE;
	ret = cdev_add(&kapi.cdev, kapi_devt, 1);
	if (ret)
		goto out_region;
	kapi_class = class_create("kapi");
	if (IS_ERR(kapi_class)) {
		ret = PTR_ERR(kapi_class);
		goto out_cdev;
	}
	kapi_class->devnode = kapi_devnode;
	d = device_create(kapi_class, NULL, kapi_devt, NULL, "kapi0");
	if (IS_ERR(d)) {
		ret = PTR_ERR(d);
		goto out_class;
	}
	ret = misc_register(&kpipe_misc);
	if (ret)
		goto out_device;
	kapi_proc_dir = proc_mkdir("kapi", NULL);
	if (!kapi_proc_dir || !proc_create("stats", 0444, kapi_proc_dir, &stats_ops)) {
		ret = -ENOMEM;
		goto out_proc;
	}
	return 0;

out_proc:
	proc_remove(kapi_proc_dir);
	misc_deregister(&kpipe_misc);
out_device:
	device_destroy(kapi_class, kapi_devt);
out_class:
	class_destroy(kapi_class);
out_cdev:
	cdev_del(&kapi.cdev);
out_region:
	unregister_chrdev_region(kapi_devt, 1);
	return ret;
}

static void __exit kapi_exit(void)
{
	proc_remove(kapi_proc_dir);
	misc_deregister(&kpipe_misc);
	device_destroy(kapi_class, kapi_devt);
	class_destroy(kapi_class);
	cdev_del(&kapi.cdev);
	unregister_chrdev_region(kapi_devt, 1);
}

module_init(kapi_init);
module_exit(kapi_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("cdev, misc, procfs, seq_file and wait queues, for the tests");
