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

__SK_BEGIN_DECLS
struct __SK_CLASS *sk_class_create(struct module *owner, const char *name);
void class_destroy(const struct __SK_CLASS *cls);
__attribute__((__format__(printf, 6, 7))) struct device *sk_device_create(struct module *owner,
	const struct __SK_CLASS *cls, struct device *parent, __kernel_dev_t devt,
	void *drvdata, const char *fmt, ...);
void device_destroy(const struct __SK_CLASS *cls, __kernel_dev_t devt);
void *dev_get_drvdata(const struct device *dev);
const char *dev_name(const struct device *dev);
__SK_END_DECLS

/* Linux 6.4 dropped the owner argument of class_create; simkernel passes it for you. */
static inline struct __SK_CLASS *class_create(const char *name)
{
	return sk_class_create(THIS_MODULE, name);
}

#define device_create(cls, parent, devt, drvdata, fmt, ...) \
	sk_device_create(THIS_MODULE, cls, parent, devt, drvdata, fmt, ##__VA_ARGS__)

#endif /* _LINUX_DEVICE_H */
