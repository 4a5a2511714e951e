/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/cache.h - the size of a cache line (64 bytes on x86-64).
 */
#ifndef _ASM_X86_CACHE_H
#define _ASM_X86_CACHE_H

#include <linux/export.h>

#define L1_CACHE_SHIFT 6
#define L1_CACHE_BYTES (1 << L1_CACHE_SHIFT)

#endif /* _ASM_X86_CACHE_H */
