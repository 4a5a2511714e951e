/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/types.h - the kernel's fixed-size and system types.
 *
 * Nothing here comes from libc: modules are built with -nostdinc, as kbuild
 * builds them. Where glibc names the same type differently (dev_t is 64-bit
 * in glibc, 32-bit in the kernel), the kernel's C++ sees __kernel_dev_t only.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#ifdef __SIMKERNEL_HOSTED__
/* The kernel's own C++ also sees system headers that expect the UAPI
 * <linux/types.h> (__le32, __aligned_u64, ...): take it first. */
#include_next <linux/types.h>
#endif
#include <linux/compiler_types.h>
#include <linux/stddef.h>

typedef signed char        __s8;
typedef unsigned char      __u8;
typedef signed short       __s16;
typedef unsigned short     __u16;
typedef signed int         __s32;
typedef unsigned int       __u32;
typedef signed long long   __s64;
typedef unsigned long long __u64;

typedef __s8  s8;
typedef __u8  u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

typedef __u32 __kernel_dev_t;
typedef unsigned short umode_t;
typedef unsigned int gfp_t;
typedef unsigned int fmode_t;

#ifndef __SIMKERNEL_HOSTED__
/* The same names glibc uses, with the same widths where both exist. */
typedef __SIZE_TYPE__    size_t;
typedef long             ssize_t;
typedef __INTPTR_TYPE__  intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef long long        loff_t;
typedef long             off_t;
typedef __kernel_dev_t   dev_t;
typedef unsigned int     mode_t;
typedef int              pid_t;
typedef unsigned int     uid_t;
typedef unsigned int     gid_t;
typedef unsigned long    ino_t;
typedef long             time64_t;
typedef __INT8_TYPE__    int8_t;
typedef __UINT8_TYPE__   uint8_t;
typedef __INT16_TYPE__   int16_t;
typedef __UINT16_TYPE__  uint16_t;
typedef __INT32_TYPE__   int32_t;
typedef __UINT32_TYPE__  uint32_t;
typedef __INT64_TYPE__   int64_t;
typedef __UINT64_TYPE__  uint64_t;
#ifndef __cplusplus
typedef _Bool bool;
#endif
#endif /* !__SIMKERNEL_HOSTED__ */

#ifndef __SIMKERNEL_HOSTED__
/* Byte-order annotated types (the UAPI header gives them to the kernel). */
typedef __u16 __le16;
typedef __u16 __be16;
typedef __u32 __le32;
typedef __u32 __be32;
typedef __u64 __le64;
typedef __u64 __be64;
typedef unsigned char  unchar;
typedef unsigned short ushort;
typedef unsigned int   uint;
typedef unsigned long  ulong;
#endif

typedef unsigned long phys_addr_t;
typedef u64 resource_size_t;
typedef unsigned long irq_hw_number_t;

/* Atomic counters: the operations are in <linux/atomic.h>. */
typedef struct {
	int counter;
} atomic_t;
#define ATOMIC_INIT(i) { (i) }

typedef struct {
	s64 counter;
} atomic64_t;

#define BITS_PER_LONG 64
typedef unsigned int slab_flags_t;
typedef unsigned int __poll_t;

#define DECLARE_BITMAP(name, bits) unsigned long name[((bits) + 63) / 64]

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

/*
 * Linux reaches struct lock_class_key and SPINLOCK_MAGIC from almost every
 * header (asm/bug.h, linux/string.h, ...: through spinlock_types_raw.h);
 * here they come with the basic types.
 */
#include <linux/lockdep_types.h>

#endif /* _LINUX_TYPES_H */
