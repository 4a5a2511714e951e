/* SPDX-License-Identifier: GPL-2.0 */
/* linux/minmax.h - min, max, clamp and their typed forms. */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#include <linux/compiler.h>
#include <linux/build_bug.h>

/* The kernel's own C++ has std::min from libstdc++; min/max macros would
 * break it. Modules (C or C++) have no libstdc++ and get them as Linux has. */
#if !(defined(__cplusplus) && defined(__SIMKERNEL_HOSTED__))
#define min(x, y) ({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); _x < _y ? _x : _y; })
#define max(x, y) ({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); _x > _y ? _x : _y; })
#define clamp(v, lo, hi) min(max(v, lo), hi)
#endif
#define min_t(type, x, y) ({ type _x = (x); type _y = (y); _x < _y ? _x : _y; })
#define max_t(type, x, y) ({ type _x = (x); type _y = (y); _x > _y ? _x : _y; })
#define clamp_t(type, v, lo, hi) min_t(type, max_t(type, v, lo), hi)

#endif /* _LINUX_MINMAX_H */
