/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/limits.h - the ranges of the integer types (INT_MAX, U32_MAX, ...).
 */
#ifdef __SIMKERNEL_HOSTED__
/* glibc's <limits.h> includes the UAPI <linux/limits.h> (PATH_MAX, ...) and
 * the kernel's own C++ finds this one first: take that one too
 * (before this guard: it uses the same name). */
#include_next <linux/limits.h>
#endif

#ifndef _SK_LINUX_LIMITS_H
#define _SK_LINUX_LIMITS_H
#define _LINUX_LIMITS_H

#include <linux/types.h>

#ifndef __SIMKERNEL_HOSTED__ /* glibc's <limits.h> has these */
#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define LONG_MIN (-LONG_MAX - 1)
#define ULONG_MAX (~0UL)
#endif
#define U8_MAX  ((u8)~0U)
#define S8_MAX  ((s8)(U8_MAX >> 1))
#define U16_MAX ((u16)~0U)
#define S16_MAX ((s16)(U16_MAX >> 1))
#define U32_MAX ((u32)~0U)
#define S32_MAX ((s32)(U32_MAX >> 1))

#endif /* _SK_LINUX_LIMITS_H */
