/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/array_size.h - ARRAY_SIZE(arr): the number of elements of an array.
 */
#ifndef _LINUX_ARRAY_SIZE_H
#define _LINUX_ARRAY_SIZE_H

#include <linux/compiler.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))

#endif /* _LINUX_ARRAY_SIZE_H */
