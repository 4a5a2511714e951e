/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dev_switch.h - the switch kernel's device-independent layer, as the rest
 * of the kernel calls it (dev_switch.c has the switches).
 *
 * A device is an int "kind": 0 is no device of this kernel, and every
 * device it was compiled with has its own number, known only to
 * dev_switch.c. dev_kind_of() says which device a device number is; each
 * dev_func_*() does one system call's work for one kind of device.
 */
#ifndef SIMKERNEL_DEV_SWITCH_H
#define SIMKERNEL_DEV_SWITCH_H

#ifdef __cplusplus
#include <simkernel/kapi.h>
#else
#include <linux/fs.h>
#endif

__SK_BEGIN_DECLS

/* The kind of the device at this major/minor, or 0 if this kernel has none. */
int dev_kind_of(__kernel_dev_t dev);

int dev_func_open(int dev, struct inode *inode, struct file *file);
int dev_func_close(int dev, struct inode *inode, struct file *file);
ssize_t dev_func_read(int dev, struct file *file, char __user *buf, size_t count, loff_t *pos);
ssize_t dev_func_write(int dev, struct file *file, const char __user *buf, size_t count, loff_t *pos);
loff_t dev_func_lseek(int dev, struct file *file, loff_t offset, int whence);
long dev_func_ioctl(int dev, struct file *file, unsigned int cmd, unsigned long arg);

__SK_END_DECLS

#endif /* SIMKERNEL_DEV_SWITCH_H */
