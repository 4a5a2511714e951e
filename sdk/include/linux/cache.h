/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/cache.h - cache-line alignment.
 *
 * Two CPUs that write data in the same 64-byte cache line slow each other
 * down even when the data are unrelated ("false sharing"): the line goes back
 * and forth between their caches. A structure written often by one CPU,
 * such as one device of a driver that has several, is aligned to a line of
 * its own with ____cacheline_aligned_in_smp. kmalloc returns memory aligned
 * to a cache line, so an array of such structures keeps them apart.
 */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <linux/export.h>
#include <asm/cache.h>

#define SMP_CACHE_BYTES L1_CACHE_BYTES

#define ____cacheline_aligned __attribute__((__aligned__(SMP_CACHE_BYTES)))
#define ____cacheline_aligned_in_smp ____cacheline_aligned
#define __cacheline_aligned ____cacheline_aligned
#define __cacheline_aligned_in_smp ____cacheline_aligned

#endif /* _LINUX_CACHE_H */
