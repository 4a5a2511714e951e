/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/vmalloc.h - large allocations. Linux maps them page by page into
 * virtual memory; in simkernel every allocation is host memory, so vmalloc
 * is kmalloc with GFP_KERNEL (owned by the module, freed with vfree).
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/bug.h>

#define vmalloc(size)  kmalloc(size, GFP_KERNEL)
#define vzalloc(size)  kzalloc(size, GFP_KERNEL)
#define vfree(addr)    kfree(addr)

#endif /* _LINUX_VMALLOC_H */
