/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/param.h - HZ, the number of timer ticks (jiffies) per second.
 */
#ifndef _ASM_GENERIC_PARAM_H
#define _ASM_GENERIC_PARAM_H

#define HZ 250
#define USER_HZ 100

#endif /* _ASM_GENERIC_PARAM_H */
