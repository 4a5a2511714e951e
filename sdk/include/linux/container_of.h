/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/container_of.h - from a pointer to a member back to the structure
 * that holds it: container_of(ptr, struct my_dev, cdev).
 */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <linux/stddef.h>
#include <linux/err.h>
#include <linux/build_bug.h>

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif /* _LINUX_CONTAINER_OF_H */
