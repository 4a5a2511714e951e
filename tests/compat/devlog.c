// SPDX-License-Identifier: GPL-2.0
/* devlog.c - dev_info/dev_err on a class device, and kmemdup/kstrndup. */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/slab.h>

static dev_t devno;
static struct class *cls;
static struct device *dev;

static int __init devlog_init(void)
{
	int err = alloc_chrdev_region(&devno, 0, 1, "devlog");
	char *copy;

	if (err)
		return err;
	cls = class_create(THIS_MODULE, "devlog_class");
	if (IS_ERR(cls)) {
		unregister_chrdev_region(devno, 1);
		return PTR_ERR(cls);
	}
	dev = device_create(cls, NULL, devno, NULL, "devlog%d", 0);
	if (IS_ERR(dev)) {
		class_destroy(cls);
		unregister_chrdev_region(devno, 1);
		return PTR_ERR(dev);
	}
	copy = kstrndup("truncated here", 9, GFP_KERNEL);
	dev_info(dev, "created, copy='%s'\n", copy);
	dev_err(dev, "an error line\n");
	dev_dbg(dev, "not shown without DEBUG\n");
	kfree(copy);
	return 0;
}

static void __exit devlog_exit(void)
{
	dev_info(dev, "going away\n");
	device_destroy(cls, devno);
	class_destroy(cls);
	unregister_chrdev_region(devno, 1);
}

module_init(devlog_init);
module_exit(devlog_exit);
MODULE_LICENSE("GPL");
