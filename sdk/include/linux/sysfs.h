/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sysfs.h - attributes: the one-value files of /sys.
 *
 * A driver describes each file with a struct attribute (name and mode)
 * inside a typed wrapper (struct device_attribute in <linux/device.h>)
 * that adds show() and store(). Reading the file calls show(), which
 * prints the value into a page-sized buffer with sysfs_emit(); writing it
 * calls store() with what was written.
 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stat.h>
#include <linux/gfp.h>
#include <linux/sched.h>

#include <asm/page.h> /* PAGE_SIZE: what a show() may fill */
#include <linux/bug.h>

struct attribute {
	const char *name;
	umode_t     mode; /* 0444 read-only, 0644 read-write, 0200 write-only */
};

#define __ATTR(_name, _mode, _show, _store) {                                  \
	.attr = { .name = __stringify(_name), .mode = (_mode) },               \
	.show = _show,                                                         \
	.store = _store,                                                       \
}
#define __ATTR_RO(_name) __ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_WO(_name) __ATTR(_name, 0200, NULL, _name##_store)

__SK_BEGIN_DECLS
/* printf into a show() buffer; returns the length, at most PAGE_SIZE - 1. */
__attribute__((__format__(printf, 2, 3))) int sysfs_emit(char *buf, const char *fmt, ...);
__SK_END_DECLS

#endif /* _LINUX_SYSFS_H */
