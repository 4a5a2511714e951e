// SPDX-License-Identifier: GPL-2.0
/*
 * led0.c - /dev/led0: a simulated LED, switched with ioctl(2).
 *
 * An LED has no stream of bytes to read or write: it has a state, and
 * commands that change or report it. So the table fills one operation,
 * .unlocked_ioctl, with the commands of led0.h (built with _IOW, _IOR and
 * _IO, so the number itself says which way the int argument goes):
 *
 *   LED_SET     copies an int in with get_user: 0 off, 1 on, else EINVAL
 *   LED_GET     copies the state out with put_user
 *   LED_TOGGLE  flips it
 *
 * Any other command gets ENOTTY ("not a typewriter": this device does not
 * know that command), which is what ioctl(2) returns for an unknown one.
 * There is no .read or .write (read(2) and write(2) fail with EINVAL) and
 * no .llseek (lseek(2) fails with ESPIPE).
 *
 * The state is also a file in sysfs, as Linux shows its LEDs:
 * /sys/class/led/led0/brightness reads "0" or "1" (device_create_file with
 * a read-only device attribute). Only ioctl changes it.
 */
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#include "led0.h"

static int led0_major;
static struct class *led0_class;
static struct device *led0_dev;
static atomic_t led0_state = ATOMIC_INIT(LED_OFF);

static long led0_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int __user *uarg = (int __user *)arg;
	int val;

	switch (cmd) {
	case LED_SET:
		if (get_user(val, uarg))
			return -EFAULT;
		if (val != LED_OFF && val != LED_ON)
			return -EINVAL;
		atomic_set(&led0_state, val);
		return 0;
	case LED_GET:
		val = atomic_read(&led0_state);
		return put_user(val, uarg);
	case LED_TOGGLE:
		atomic_xor(1, &led0_state);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations led0_fops = {
	.owner          = THIS_MODULE,
	.unlocked_ioctl = led0_ioctl,
	.open           = nonseekable_open,
};

/* /sys/class/led/led0/brightness */
static ssize_t brightness_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&led0_state));
}
static DEVICE_ATTR_RO(brightness);

/* Everyone may switch the LED (it is the demo of ioctl). */
static char *led0_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static int __init led0_init(void)
{
	int ret;

	atomic_set(&led0_state, LED_OFF);

	led0_major = register_chrdev(0, "led", &led0_fops);
	if (led0_major < 0)
		return led0_major;

	led0_class = class_create("led");
	if (IS_ERR(led0_class)) {
		ret = PTR_ERR(led0_class);
		goto out_chrdev;
	}
	led0_class->devnode = led0_devnode;

	led0_dev = device_create(led0_class, NULL, MKDEV(led0_major, 0), NULL, "led0");
	if (IS_ERR(led0_dev)) {
		ret = PTR_ERR(led0_dev);
		goto out_class;
	}

	ret = device_create_file(led0_dev, &dev_attr_brightness);
	if (ret)
		goto out_device;

	pr_info("led0: /dev/led0 is %d:0, off\n", led0_major);
	return 0;

out_device:
	device_destroy(led0_class, MKDEV(led0_major, 0));
out_class:
	class_destroy(led0_class);
out_chrdev:
	unregister_chrdev(led0_major, "led");
	return ret;
}

static void __exit led0_exit(void)
{
	device_remove_file(led0_dev, &dev_attr_brightness);
	device_destroy(led0_class, MKDEV(led0_major, 0));
	class_destroy(led0_class);
	unregister_chrdev(led0_major, "led");
}

module_init(led0_init);
module_exit(led0_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/led0: a simulated LED controlled by ioctl");
MODULE_AUTHOR("simkernel");
