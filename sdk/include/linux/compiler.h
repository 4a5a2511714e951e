/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/compiler.h - likely/unlikely, barrier(), READ_ONCE/WRITE_ONCE; the
 * annotations and attribute shorthands are in <linux/compiler_types.h>.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>
#include <linux/types.h>

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define barrier() __asm__ __volatile__("" : : : "memory")
#define READ_ONCE(x)     (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif /* _LINUX_COMPILER_H */
