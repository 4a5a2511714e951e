/*
 * kapi.h - how the kernel's own C++ sees the module API headers.
 *
 * The SDK headers describe the ABI shared with modules (struct file, struct
 * file_operations, ...). The kernel is compiled against glibc too, which
 * disagrees on one name: dev_t is 64-bit in glibc and 32-bit in the kernel.
 * glibc's types are pulled in first; while the SDK headers are read, dev_t
 * means the kernel's 32-bit type, so struct layouts match the modules' view.
 */
#ifndef SIMKERNEL_KAPI_H
#define SIMKERNEL_KAPI_H

#ifndef __SIMKERNEL_HOSTED__
#define __SIMKERNEL_HOSTED__ 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define dev_t __kernel_dev_t
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioctl.h>
#include <linux/version.h>
#include <linux/vermagic.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/list.h>
#include <linux/cdev.h>
#include <linux/miscdevice.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#undef dev_t

#endif /* SIMKERNEL_KAPI_H */
