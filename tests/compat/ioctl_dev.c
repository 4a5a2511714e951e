// SPDX-License-Identifier: GPL-2.0
/* ioctl_dev.c - a misc device with _IOR/_IOW commands, as drivers books
 * show ioctl: set and get a value, and ENOTTY for unknown commands. */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/uaccess.h>

#define IOC_MAGIC 'k'
#define IOC_SET _IOW(IOC_MAGIC, 1, int)
#define IOC_GET _IOR(IOC_MAGIC, 2, int)
#define IOC_RESET _IO(IOC_MAGIC, 3)

static int value = 7;

static long id_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int v;

	if (_IOC_TYPE(cmd) != IOC_MAGIC)
		return -ENOTTY;
	switch (cmd) {
	case IOC_SET:
		if (get_user(v, (int __user *)arg))
			return -EFAULT;
		value = v;
		pr_info("ioctl_dev: set %d\n", value);
		return 0;
	case IOC_GET:
		return put_user(value, (int __user *)arg);
	case IOC_RESET:
		value = 0;
		pr_info("ioctl_dev: reset\n");
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations id_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = id_ioctl,
};

static struct miscdevice id_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ioctl_dev",
	.fops = &id_fops,
	.mode = 0666,
};

static int __init id_init(void)
{
	pr_info("ioctl_dev: IOC_SET=%#x IOC_GET=%#x IOC_RESET=%#x\n", IOC_SET, IOC_GET, IOC_RESET);
	return misc_register(&id_misc);
}

static void __exit id_exit(void)
{
	misc_deregister(&id_misc);
}

module_init(id_init);
module_exit(id_exit);
MODULE_LICENSE("GPL");
