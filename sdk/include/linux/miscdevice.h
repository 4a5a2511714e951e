/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/miscdevice.h - the easy way to one device node: a misc device lives
 * on major 10 with a minor of its own (MISC_DYNAMIC_MINOR: any free one),
 * and misc_register() makes /dev/<name> at once.
 */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/types.h>
#include <linux/export.h>
#include <linux/list.h>
#include <linux/device.h>
#include <linux/bug.h>

#define MISC_MAJOR          10
#define MISC_DYNAMIC_MINOR  255

struct device;
struct file_operations;
struct module;

struct miscdevice {
	int minor;                          /* in: wanted or MISC_DYNAMIC_MINOR; out: given */
	const char *name;                   /* the node: /dev/<name> */
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const char *nodename;               /* if set, the node's name instead of name */
	umode_t mode;                       /* the node's mode; 0 means 0600 */
};

__SK_BEGIN_DECLS
int sk_misc_register(struct module *owner, struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);
__SK_END_DECLS

static inline int misc_register(struct miscdevice *misc)
{
	return sk_misc_register(THIS_MODULE, misc);
}

#endif /* _LINUX_MISCDEVICE_H */
