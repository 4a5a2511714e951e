/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/device.h - device classes and devices: what makes a node appear in
 * /dev (udev does it on Linux; simkernel's devtmpfs does it at once).
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/export.h>
#include <linux/kdev_t.h>
#include <linux/errno.h>
#include <linux/sysfs.h>

struct module;
struct device;  /* opaque: the kernel's */

/* "class" is a keyword in C++: C++ code (a C++ module, the kernel) names
 * the same structure struct class_. */
#ifdef __cplusplus
#define __SK_CLASS class_
#else
#define __SK_CLASS class
#endif

/* A device class ("mem", "input", ...): made by class_create. */
struct __SK_CLASS {
	const char *name;
	/* Optional: choose the node's mode (and name) for each device. */
	char *(*devnode)(const struct device *dev, umode_t *mode);
};

/*
 * A file in the device's /sys directory, /sys/class/<class>/<device>/<name>:
 *     static ssize_t brightness_show(struct device *dev,
 *                                    struct device_attribute *attr, char *buf)
 *     { return sysfs_emit(buf, "%d\n", state); }
 *     static DEVICE_ATTR_RO(brightness);   // dev_attr_brightness, 0444
 *     ...
 *     device_create_file(dev, &dev_attr_brightness);
 * show() returns the length it printed (or -errno); store() the bytes it
 * consumed (or -errno, which write(2) returns).
 */
struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_WO(_name) struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

__SK_BEGIN_DECLS
struct __SK_CLASS *sk_class_create(struct module *owner, const char *name);
void class_destroy(const struct __SK_CLASS *cls);
__attribute__((__format__(printf, 6, 7))) struct device *sk_device_create(struct module *owner,
	const struct __SK_CLASS *cls, struct device *parent, __kernel_dev_t devt,
	void *drvdata, const char *fmt, ...);
void device_destroy(const struct __SK_CLASS *cls, __kernel_dev_t devt);
void *dev_get_drvdata(const struct device *dev);
const char *dev_name(const struct device *dev);
/* 0, -EEXIST (a file of that name is there), -EINVAL (bad device or name). */
int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
__SK_END_DECLS

/* Linux 6.4 dropped the owner argument of class_create; simkernel passes it for you. */
static inline struct __SK_CLASS *class_create(const char *name)
{
	return sk_class_create(THIS_MODULE, name);
}

#define device_create(cls, parent, devt, drvdata, fmt, ...) \
	sk_device_create(THIS_MODULE, cls, parent, devt, drvdata, fmt, ##__VA_ARGS__)

#endif /* _LINUX_DEVICE_H */
