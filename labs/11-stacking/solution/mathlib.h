/* SPDX-License-Identifier: GPL-2.0 */
/* mathlib.h - lab 11: what mathlib.ko offers other modules. */
#ifndef MATHLIB_H
#define MATHLIB_H

/* The greatest common divisor of a and b (both > 0). */
unsigned long mathlib_gcd(unsigned long a, unsigned long b);

#endif
