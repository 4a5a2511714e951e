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
#include <linux/module.h>
#include <linux/dev_printk.h>
#include <linux/ioport.h>
#include <linux/gfp.h>
#include <linux/bug.h>

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
/* The driver's data for the device (device_create's drvdata, replaced). */
void dev_set_drvdata(struct device *dev, void *data);
const char *dev_name(const struct device *dev);
/* 0, -EEXIST (a file of that name is there), -EINVAL (bad device or name). */
int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);

/* Managed memory (drivers/base/devres.c): freed with the device, when
 * device_destroy() removes it; devm_kfree() frees one block sooner. */
void *sk_devm_kmalloc(struct module *owner, struct device *dev, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
char *sk_devm_kstrdup(struct module *owner, struct device *dev, const char *s, gfp_t gfp);
__SK_END_DECLS

static inline void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return sk_devm_kmalloc(THIS_MODULE, dev, size, gfp);
}

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return sk_devm_kmalloc(THIS_MODULE, dev, size, gfp | __GFP_ZERO);
}

static inline void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return sk_devm_kmalloc(THIS_MODULE, dev, bytes, flags);
}

static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}

static inline char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	return sk_devm_kstrdup(THIS_MODULE, dev, s, gfp);
}

/*
 * class_create(THIS_MODULE, "name") until Linux 6.3 (Debian 12's 6.1), and
 * class_create("name") since 6.4: both are accepted; the class is owned by
 * the calling module either way.
 */
static inline struct __SK_CLASS *__sk_class_create_named(const char *name)
{
	return sk_class_create(THIS_MODULE, name);
}
static inline struct __SK_CLASS *__sk_class_create_owned(struct module *owner, const char *name)
{
	return sk_class_create(owner, name);
}
#define __SK_CLASS_CREATE_PICK(_1, _2, fn, ...) fn
#define class_create(...) \
	__SK_CLASS_CREATE_PICK(__VA_ARGS__, __sk_class_create_owned, __sk_class_create_named)(__VA_ARGS__)

#define device_create(cls, parent, devt, drvdata, fmt, ...) \
	sk_device_create(THIS_MODULE, cls, parent, devt, drvdata, fmt, ##__VA_ARGS__)

#endif /* _LINUX_DEVICE_H */
