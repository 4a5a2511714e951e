/* SPDX-License-Identifier: GPL-2.0 */
/* linux/math.h - integer rounding: DIV_ROUND_UP, round_up, round_down. */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/types.h>
#include <linux/compiler.h>

#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define round_up(x, y) ((((x) - 1) | ((__typeof__(x))((y) - 1))) + 1)
#define round_down(x, y) ((x) & ~((__typeof__(x))((y) - 1)))

#endif /* _LINUX_MATH_H */
