/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/spinlock.h - busy-waiting locks for short critical sections, such as
 * between an interrupt handler and a read.
 * simkernel has no interrupts to disable: the _irqsave forms lock and set
 * flags to 0 so that code written for Linux compiles and is correct here.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>

typedef struct spinlock {
	unsigned char locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { 0 }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock) { __atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE); }

static inline void spin_lock(spinlock_t *lock)
{
	while (__atomic_test_and_set(&lock->locked, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&lock->locked, __ATOMIC_RELAXED))
			__builtin_ia32_pause();
}

static inline int spin_trylock(spinlock_t *lock)
{
	return !__atomic_test_and_set(&lock->locked, __ATOMIC_ACQUIRE);
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_clear(&lock->locked, __ATOMIC_RELEASE);
}

#define spin_lock_irqsave(lock, flags)      do { (flags) = 0; spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) do { (void)(flags); spin_unlock(lock); } while (0)
#define spin_lock_irq(lock)    spin_lock(lock)
#define spin_unlock_irq(lock)  spin_unlock(lock)
#define spin_lock_bh(lock)     spin_lock(lock)
#define spin_unlock_bh(lock)   spin_unlock(lock)

#include <linux/rwlock.h>

#endif /* _LINUX_SPINLOCK_H */
