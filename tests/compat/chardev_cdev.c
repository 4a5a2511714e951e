// SPDX-License-Identifier: GPL-2.0
/* chardev_cdev.c - the LDD3 way: alloc_chrdev_region, cdev_init/cdev_add,
 * a class and a device node, and a read that tells each open apart. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/uaccess.h>

static dev_t devno;
static struct cdev cdev;
static struct class *cls;
static int opens;

static int cd_open(struct inode *inode, struct file *f)
{
	opens++;
	pr_info("chardev_cdev: open %d of minor %u\n", opens, iminor(inode));
	return 0;
}

static ssize_t cd_read(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	char msg[48];
	int len = snprintf(msg, sizeof(msg), "I have been opened %d times\n", opens);

	if (*ppos >= len)
		return 0;
	if (count > len - *ppos)
		count = len - *ppos;
	if (copy_to_user(buf, msg + *ppos, count))
		return -EFAULT;
	*ppos += count;
	return count;
}

static int cd_release(struct inode *inode, struct file *f)
{
	return 0;
}

static const struct file_operations cd_fops = {
	.owner = THIS_MODULE,
	.open = cd_open,
	.read = cd_read,
	.release = cd_release,
};

static int __init cd_init(void)
{
	struct device *d;
	int err = alloc_chrdev_region(&devno, 0, 1, "chardev_cdev");

	if (err < 0)
		return err;
	cdev_init(&cdev, &cd_fops);
	cdev.owner = THIS_MODULE;
	err = cdev_add(&cdev, devno, 1);
	if (err)
		goto out_region;
	cls = class_create(THIS_MODULE, "chardev_cdev");
	if (IS_ERR(cls)) {
		err = PTR_ERR(cls);
		goto out_cdev;
	}
	d = device_create(cls, NULL, devno, NULL, "chardev0");
	if (IS_ERR(d)) {
		err = PTR_ERR(d);
		goto out_class;
	}
	return 0;
out_class:
	class_destroy(cls);
out_cdev:
	cdev_del(&cdev);
out_region:
	unregister_chrdev_region(devno, 1);
	return err;
}

static void __exit cd_exit(void)
{
	device_destroy(cls, devno);
	class_destroy(cls);
	cdev_del(&cdev);
	unregister_chrdev_region(devno, 1);
}

module_init(cd_init);
module_exit(cd_exit);
MODULE_LICENSE("GPL");
