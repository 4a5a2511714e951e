/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rwlock.h - a spinning lock that many readers may hold at once, or
 * one writer alone. For data read often and changed rarely, in sections
 * too short to sleep in. (Read by <linux/spinlock.h>, as in Linux.)
 *
 * The lock word counts readers; a writer sets it to -1. Readers are not
 * kept out while a writer waits, so a steady stream of readers can starve
 * a writer: Linux's rwlock_t has the same weakness, which is why new code
 * prefers RCU or a plain spinlock.
 */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <linux/types.h>

typedef struct {
	int cnt; /* >0: that many readers; -1: a writer; 0: free */
} rwlock_t;

#define __RW_LOCK_UNLOCKED(name) { 0 }
#define DEFINE_RWLOCK(name) rwlock_t name = __RW_LOCK_UNLOCKED(name)

static inline void rwlock_init(rwlock_t *lock) { __atomic_store_n(&lock->cnt, 0, __ATOMIC_RELEASE); }

static inline int read_trylock(rwlock_t *lock)
{
	int c = __atomic_load_n(&lock->cnt, __ATOMIC_RELAXED);
	return c >= 0 && __atomic_compare_exchange_n(&lock->cnt, &c, c + 1, 0,
						     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void read_lock(rwlock_t *lock)
{
	while (!read_trylock(lock))
		__builtin_ia32_pause();
}

static inline void read_unlock(rwlock_t *lock)
{
	__atomic_fetch_sub(&lock->cnt, 1, __ATOMIC_RELEASE);
}

static inline int write_trylock(rwlock_t *lock)
{
	int c = 0;
	return __atomic_compare_exchange_n(&lock->cnt, &c, -1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void write_lock(rwlock_t *lock)
{
	while (!write_trylock(lock))
		__builtin_ia32_pause();
}

static inline void write_unlock(rwlock_t *lock)
{
	__atomic_store_n(&lock->cnt, 0, __ATOMIC_RELEASE);
}

/* No interrupts to disable in simkernel: these are the plain forms. */
#define read_lock_irqsave(lock, flags)       do { (flags) = 0; read_lock(lock); } while (0)
#define read_unlock_irqrestore(lock, flags)  do { (void)(flags); read_unlock(lock); } while (0)
#define write_lock_irqsave(lock, flags)      do { (flags) = 0; write_lock(lock); } while (0)
#define write_unlock_irqrestore(lock, flags) do { (void)(flags); write_unlock(lock); } while (0)
#define read_lock_irq(lock)    read_lock(lock)
#define read_unlock_irq(lock)  read_unlock(lock)
#define write_lock_irq(lock)   write_lock(lock)
#define write_unlock_irq(lock) write_unlock(lock)
#define read_lock_bh(lock)     read_lock(lock)
#define read_unlock_bh(lock)   read_unlock(lock)
#define write_lock_bh(lock)    write_lock(lock)
#define write_unlock_bh(lock)  write_unlock(lock)

#endif /* _LINUX_RWLOCK_H */
