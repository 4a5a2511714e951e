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
#include <asm/ptrace.h>
#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/list.h>
#include <linux/string.h>
#include <asm/current.h>
#include <asm/page.h>
#include <linux/gfp_types.h>
#include <linux/ioctl.h>
#include <linux/preempt.h>
#include <linux/compiler.h>
#include <linux/lockdep_types.h> /* struct lock_class_key, SPINLOCK_MAGIC */

/*
 * Lock checking (simkernel's lockdep.cpp, Linux's kernel/locking/lockdep.c):
 * every lock taken is checked before it is taken (the order against the
 * orders seen before, recursion, a sleeping lock in atomic context) and
 * recorded for the current context, with the name written at the call, so
 * that an Oops can say which locks its context died holding. A lock's class
 * is its init site: spin_lock_init() and friends keep a static key there, as
 * Linux's lock_class_key; a DEFINE_SPINLOCK lock is a class of its own.
 */
__SK_BEGIN_DECLS
void __sk_lock_acquire(const void *lock, const void *key, const char *name, int kind, int trylock);
void __sk_lock_release(const void *lock);
void __sk_spin_check_magic(void *lock, unsigned int magic, const char *name);
/* Older SDKs' entry points, kept for modules built with them. */
void __sk_lock_acquired(const void *lock, const char *name, int kind);
void __sk_lock_released(const void *lock);
__SK_END_DECLS
#define __SK_LOCK_SPIN  0
#define __SK_LOCK_READ  2
#define __SK_LOCK_WRITE 3

typedef struct spinlock {
	unsigned char locked;
	unsigned int magic;
	const struct lock_class_key *key; /* 0: a DEFINE_SPINLOCK lock, its own class */
	const char *name;                 /* as written at the init site */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname) { 0, SPINLOCK_MAGIC, 0, #lockname }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void __sk_spin_lock_init(spinlock_t *lock, const char *name, const struct lock_class_key *key)
{
	lock->magic = SPINLOCK_MAGIC;
	lock->key = key;
	lock->name = name;
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}
#define spin_lock_init(lock)                                   \
	do {                                                   \
		static struct lock_class_key __key;            \
		__sk_spin_lock_init((lock), #lock, &__key);    \
	} while (0)

static inline const void *__sk_spin_key(spinlock_t *lock)
{
	return lock->key ? (const void *)lock->key : (const void *)lock;
}

static __always_inline void __sk_spin_lock(spinlock_t *lock, const char *name)
{
	if (__builtin_expect(lock->magic != SPINLOCK_MAGIC, 0))
		__sk_spin_check_magic(lock, lock->magic, name);
	__sk_lock_acquire(lock, __sk_spin_key(lock), lock->name ? lock->name : name, __SK_LOCK_SPIN, 0);
	while (__atomic_test_and_set(&lock->locked, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&lock->locked, __ATOMIC_RELAXED))
			__builtin_ia32_pause();
}

static __always_inline int __sk_spin_trylock(spinlock_t *lock, const char *name)
{
	if (__atomic_test_and_set(&lock->locked, __ATOMIC_ACQUIRE))
		return 0;
	__sk_lock_acquire(lock, __sk_spin_key(lock), lock->name ? lock->name : name, __SK_LOCK_SPIN, 1);
	return 1;
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
	__sk_lock_release(lock);
	__atomic_clear(&lock->locked, __ATOMIC_RELEASE);
}

#define spin_lock(lock)    __sk_spin_lock((lock), #lock)
#define spin_trylock(lock) __sk_spin_trylock((lock), #lock)

#define spin_lock_irqsave(lock, flags)      do { (flags) = 0; spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) do { (void)(flags); spin_unlock(lock); } while (0)
#define spin_lock_irq(lock)    spin_lock(lock)
#define spin_unlock_irq(lock)  spin_unlock(lock)
#define spin_lock_bh(lock)     spin_lock(lock)
#define spin_unlock_bh(lock)   spin_unlock(lock)

#include <linux/rwlock.h>
#include <linux/bug.h>

#endif /* _LINUX_SPINLOCK_H */
