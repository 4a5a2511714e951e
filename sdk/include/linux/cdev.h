/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/cdev.h - a character device: the file_operations behind a range of
 * device numbers. The usual sequence (Linux Device Drivers, chapter 3):
 *
 *     alloc_chrdev_region(&dev, 0, 1, "scull");   numbers, by name
 *     cdev_init(&my->cdev, &scull_fops);           the table
 *     my->cdev.owner = THIS_MODULE;
 *     cdev_add(&my->cdev, dev, 1);                 live: open() reaches it
 *
 * and, in open(), container_of(inode->i_cdev, struct my_dev, cdev) gets
 * back to the driver's own structure.
 */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/types.h>
#include <linux/export.h>
#include <linux/kdev_t.h>
#include <linux/device.h>
#include <linux/bug.h>

struct file_operations;
struct module;

struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	__kernel_dev_t dev;
	unsigned int count;
};

__SK_BEGIN_DECLS
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *sk_cdev_alloc(struct module *owner);
int sk_cdev_add(struct module *owner, struct cdev *p, __kernel_dev_t dev, unsigned count);
void cdev_del(struct cdev *p);
__SK_END_DECLS

static inline struct cdev *cdev_alloc(void) { return sk_cdev_alloc(THIS_MODULE); }

static inline int cdev_add(struct cdev *p, __kernel_dev_t dev, unsigned count)
{
	return sk_cdev_add(THIS_MODULE, p, dev, count);
}

#endif /* _LINUX_CDEV_H */
