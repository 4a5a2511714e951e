/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/lockdep_types.h - what lock checking keys a lock's class by: a
 * static struct lock_class_key at the place the lock is initialised
 * (spin_lock_init, mutex_init, rwlock_init, init_rwsem each keep one), as
 * Linux's lockdep does (simkernel's lockdep.cpp; docs/debugging.md).
 * Included by <linux/types.h>, so visible wherever Linux makes it visible.
 */
#ifndef __LINUX_LOCKDEP_TYPES_H
#define __LINUX_LOCKDEP_TYPES_H

#include <linux/types.h>

struct lock_class_key {
	char __one_per_init_site;
};

/* CONFIG_DEBUG_SPINLOCK's magic (Linux: linux/spinlock_types_raw.h, on the same path). */
#define SPINLOCK_MAGIC 0xdead4eadU

#endif /* __LINUX_LOCKDEP_TYPES_H */
