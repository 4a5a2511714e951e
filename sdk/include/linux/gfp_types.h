/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/gfp_types.h - the allocation flags (GFP_KERNEL, GFP_ATOMIC, ...).
 * simkernel honours __GFP_ZERO; the others say where Linux may sleep or
 * which zone to use, and are accepted as is.
 */
#ifndef __LINUX_GFP_TYPES_H
#define __LINUX_GFP_TYPES_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bits.h>
#include <linux/build_bug.h>

#define __GFP_DMA       ((gfp_t)0x01u)
#define __GFP_HIGHMEM   ((gfp_t)0x02u)
#define __GFP_DMA32     ((gfp_t)0x04u)
#define __GFP_IO        ((gfp_t)0x40u)
#define __GFP_FS        ((gfp_t)0x80u)
#define __GFP_ZERO      ((gfp_t)0x100u)
#define __GFP_HIGH      ((gfp_t)0x20u)
#define __GFP_NOWARN    ((gfp_t)0x2000u)
#define __GFP_RECLAIM   ((gfp_t)0xc00u)

#define GFP_ATOMIC      (__GFP_HIGH)
#define GFP_NOWAIT      ((gfp_t)0)
#define GFP_KERNEL      (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOIO        (__GFP_RECLAIM)
#define GFP_NOFS        (__GFP_RECLAIM | __GFP_IO)
#define GFP_USER        (GFP_KERNEL)
#define GFP_DMA         __GFP_DMA

#endif /* __LINUX_GFP_TYPES_H */
