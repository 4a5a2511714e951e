/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/random.h - random numbers from the kernel's generator (the host's
 * getrandom(2) in simkernel, so they are as good as Linux's).
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/once.h>
#include <linux/preempt.h>
#include <linux/bug.h>

__SK_BEGIN_DECLS
void get_random_bytes(void *buf, size_t len);
u8 get_random_u8(void);
u16 get_random_u16(void);
u32 get_random_u32(void);
u64 get_random_u64(void);
/* A number in [0, ceil): without the bias of get_random_u32() % ceil. */
u32 get_random_u32_below(u32 ceil);
__SK_END_DECLS

static inline unsigned long get_random_long(void) { return (unsigned long)get_random_u64(); }
static inline u32 get_random_int(void) { return get_random_u32(); }
static inline u32 prandom_u32_max(u32 ceil) { return get_random_u32_below(ceil); }

#endif /* _LINUX_RANDOM_H */
