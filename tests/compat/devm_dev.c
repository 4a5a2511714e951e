// SPDX-License-Identifier: GPL-2.0
/*
 * devm_dev.c - a class device whose per-device state is managed memory:
 * devm_kzalloc() ties it to the device, so the error path and the exit
 * free nothing by hand; device_destroy() frees it.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/err.h>

struct devm_state {
	char label[32];
	int opens;
};

static struct class *devm_class;
static struct device *devm_device;
static dev_t devm_devt;

static ssize_t label_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct devm_state *st = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%s\n", st ? st->label : "(none)");
}
static DEVICE_ATTR_RO(label);

static int __init devm_dev_init(void)
{
	struct devm_state *st;
	char *copy;
	int err;

	err = alloc_chrdev_region(&devm_devt, 0, 1, "devm_dev");
	if (err)
		return err;
	devm_class = class_create(THIS_MODULE, "devm_demo");
	if (IS_ERR(devm_class)) {
		err = PTR_ERR(devm_class);
		goto out_region;
	}
	devm_device = device_create(devm_class, NULL, devm_devt, NULL, "devm0");
	if (IS_ERR(devm_device)) {
		err = PTR_ERR(devm_device);
		goto out_class;
	}
	st = devm_kzalloc(devm_device, sizeof(*st), GFP_KERNEL);
	copy = devm_kstrdup(devm_device, "managed", GFP_KERNEL);
	if (!st || !copy) {
		err = -ENOMEM;
		goto out_device;   /* device_destroy frees what was allocated */
	}
	snprintf(st->label, sizeof(st->label), "%s state", copy);
	devm_kfree(devm_device, copy);   /* one block may go early */
	dev_set_drvdata(devm_device, st);
	err = device_create_file(devm_device, &dev_attr_label);
	if (err)
		goto out_device;
	dev_info(devm_device, "state at the device, opens %d\n", st->opens);
	return 0;

out_device:
	device_destroy(devm_class, devm_devt);
out_class:
	class_destroy(devm_class);
out_region:
	unregister_chrdev_region(devm_devt, 1);
	return err;
}

static void __exit devm_dev_exit(void)
{
	device_remove_file(devm_device, &dev_attr_label);
	device_destroy(devm_class, devm_devt);   /* frees the devm_ memory */
	class_destroy(devm_class);
	unregister_chrdev_region(devm_devt, 1);
}

module_init(devm_dev_init);
module_exit(devm_dev_exit);
MODULE_LICENSE("GPL");
