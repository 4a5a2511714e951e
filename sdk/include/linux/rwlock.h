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
#include <linux/spinlock.h> /* __sk_lock_acquired */

typedef struct {
	int cnt; /* >0: that many readers; -1: a writer; 0: free */
	const struct lock_class_key *key; /* 0: a DEFINE_RWLOCK lock, its own class */
	const char *name;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(lockname) { 0, 0, #lockname }
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

static inline void __sk_rwlock_init(rwlock_t *lock, const char *name, const struct lock_class_key *key)
{
	lock->key = key;
	lock->name = name;
	__atomic_store_n(&lock->cnt, 0, __ATOMIC_RELEASE);
}
#define rwlock_init(lock)                                      \
	do {                                                   \
		static struct lock_class_key __key;            \
		__sk_rwlock_init((lock), #lock, &__key);       \
	} while (0)

static inline const void *__sk_rwlock_key(rwlock_t *lock)
{
	return lock->key ? (const void *)lock->key : (const void *)lock;
}

static __always_inline int __sk_read_trylock(rwlock_t *lock)
{
	int c = __atomic_load_n(&lock->cnt, __ATOMIC_RELAXED);
	return c >= 0 && __atomic_compare_exchange_n(&lock->cnt, &c, c + 1, 0,
						     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static __always_inline int __sk_write_trylock(rwlock_t *lock)
{
	int c = 0;
	return __atomic_compare_exchange_n(&lock->cnt, &c, -1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Taken locks are recorded for the Oops report (<linux/spinlock.h>). */
static __always_inline int __sk_read_lock(rwlock_t *lock, const char *name, int try_only)
{
	if (try_only) {
		if (!__sk_read_trylock(lock))
			return 0;
		__sk_lock_acquire(lock, __sk_rwlock_key(lock), lock->name ? lock->name : name, __SK_LOCK_READ, 1);
		return 1;
	}
	__sk_lock_acquire(lock, __sk_rwlock_key(lock), lock->name ? lock->name : name, __SK_LOCK_READ, 0);
	while (!__sk_read_trylock(lock))
		__builtin_ia32_pause();
	return 1;
}

static __always_inline int __sk_write_lock(rwlock_t *lock, const char *name, int try_only)
{
	if (try_only) {
		if (!__sk_write_trylock(lock))
			return 0;
		__sk_lock_acquire(lock, __sk_rwlock_key(lock), lock->name ? lock->name : name, __SK_LOCK_WRITE, 1);
		return 1;
	}
	__sk_lock_acquire(lock, __sk_rwlock_key(lock), lock->name ? lock->name : name, __SK_LOCK_WRITE, 0);
	while (!__sk_write_trylock(lock))
		__builtin_ia32_pause();
	return 1;
}

static __always_inline void read_unlock(rwlock_t *lock)
{
	__sk_lock_release(lock);
	__atomic_fetch_sub(&lock->cnt, 1, __ATOMIC_RELEASE);
}

static __always_inline void write_unlock(rwlock_t *lock)
{
	__sk_lock_release(lock);
	__atomic_store_n(&lock->cnt, 0, __ATOMIC_RELEASE);
}

#define read_lock(lock)     ((void)__sk_read_lock((lock), #lock, 0))
#define read_trylock(lock)  __sk_read_lock((lock), #lock, 1)
#define write_lock(lock)    ((void)__sk_write_lock((lock), #lock, 0))
#define write_trylock(lock) __sk_write_lock((lock), #lock, 1)

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
