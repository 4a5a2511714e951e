/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mem_device.h - one character device with a class and a node of its own,
 * the shape /dev/null, /dev/zero and /dev/console share.
 *
 * Linux keeps its memory-style devices in one table, drivers/char/mem.c's
 * devlist: for each minor of major 1 a name, a mode and a file_operations.
 * Here each of them is still a module of its own (null.ko, zero.ko,
 * console.ko: a lesson loads them one by one), so each driver fills one
 * such entry, and the registering and its undoing, in reverse order on
 * failure, are written once, below.
 */
#ifndef _DRIVERS_CHAR_MEM_DEVICE_H
#define _DRIVERS_CHAR_MEM_DEVICE_H

#include <linux/device.h>
#include <linux/fs.h>

struct mem_device {
	const char *name;   /* of the class and of the node in /dev */
	const char *region; /* the name /proc/devices shows for the major */
	unsigned int major, minor;
	const struct file_operations *fops;
	char *(*devnode)(const struct device *dev, umode_t *mode); /* its mode */
	struct class *class; /* made by mem_device_register */
};

/*
 * What mem.c's devices share: a write that swallows everything (write_null,
 * which mem.c also uses as write_zero), a position that stays at 0
 * (null_lseek, also zero's), and the node everyone may read and write.
 */
static inline ssize_t write_null(struct file *file, const char __user *buf, size_t count,
				 loff_t *ppos)
{
	return count; /* everything was "written" */
}

static inline loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

static inline char *mem_devnode_0666(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

/* The device number, then the class, then the node: undone in reverse. */
static inline int mem_device_register(struct mem_device *md)
{
	struct device *dev;
	int ret;

	ret = __register_chrdev(md->major, md->minor, 1, md->region, md->fops);
	if (ret < 0)
		return ret;

	md->class = class_create(md->name);
	if (IS_ERR(md->class)) {
		ret = PTR_ERR(md->class);
		goto out_chrdev;
	}
	md->class->devnode = md->devnode;

	dev = device_create(md->class, NULL, MKDEV(md->major, md->minor), NULL, "%s", md->name);
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto out_class;
	}
	return 0;

out_class:
	class_destroy(md->class);
out_chrdev:
	__unregister_chrdev(md->major, md->minor, 1, md->region);
	return ret;
}

static inline void mem_device_unregister(struct mem_device *md)
{
	device_destroy(md->class, MKDEV(md->major, md->minor));
	class_destroy(md->class);
	__unregister_chrdev(md->major, md->minor, 1, md->region);
}

/*
 * A module whose init and exit only register and unregister its one
 * device, as Linux's module_misc_device() and module_driver() write it.
 */
#define module_mem_device(__md)                                         \
	static int __init __md##_init(void)                             \
	{                                                               \
		return mem_device_register(&(__md));                    \
	}                                                               \
	module_init(__md##_init);                                       \
	static void __exit __md##_exit(void)                            \
	{                                                               \
		mem_device_unregister(&(__md));                         \
	}                                                               \
	module_exit(__md##_exit)

#endif /* _DRIVERS_CHAR_MEM_DEVICE_H */
