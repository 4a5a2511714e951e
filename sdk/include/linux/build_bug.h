/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/build_bug.h - assertions the compiler checks: a build that breaks
 * one stops with an error, so nothing is left to check at run time.
 */
#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H

#include <linux/compiler.h>
#include <linux/types.h>

#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))
#ifdef __cplusplus
#define BUILD_BUG_ON_MSG(condition, msg) static_assert(!(condition), msg)
#else
#define BUILD_BUG_ON_MSG(condition, msg) _Static_assert(!(condition), msg)
#endif
#define BUILD_BUG_ON(condition) BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON failed: " #condition)
#define BUILD_BUG() BUILD_BUG_ON_MSG(1, "BUILD_BUG failed")

#endif /* _LINUX_BUILD_BUG_H */
