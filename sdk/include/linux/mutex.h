/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mutex.h - sleeping locks: a task that finds the mutex taken sleeps
 * until the holder unlocks it, instead of spinning.
 *
 * Linux's rules hold (Documentation/locking/mutex-design.rst): only the
 * holder may unlock; it may not be taken twice by the same task; it may not
 * be used from an interrupt handler or under a spinlock. simkernel checks all
 * of them and says so in the kernel log, as CONFIG_DEBUG_MUTEXES, lockdep and
 * might_sleep() do.
 *
 * mutex_lock_interruptible and mutex_lock_killable return 0: in simkernel
 * a signal does not interrupt a mutex wait (it does in Linux), so callers'
 * -EINTR paths are never taken here.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/ptrace.h>
#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/list.h>
#include <linux/string.h>
#include <asm/current.h>
#include <asm/page.h>
#include <linux/gfp_types.h>
#include <linux/ioctl.h>
#include <linux/spinlock.h> /* Linux: spinlock_types.h */
#include <linux/preempt.h>
#include <linux/bug.h>

struct mutex {
	int         state; /* 0 unlocked, 1 locked, 2 locked and someone waits */
	const void *owner; /* the holder, for the checks above */
	const char *name;  /* for the kernel log */
	const struct lock_class_key *key; /* lockdep's class: the init site (0: DEFINE_MUTEX, its own) */
};

#define __MUTEX_INITIALIZER(lockname) { 0, 0, #lockname, 0 }
#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

__SK_BEGIN_DECLS
void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock); /* 1 if it took the lock, 0 if not */
void mutex_unlock(struct mutex *lock);
__SK_END_DECLS

#define mutex_init(mutex)                                      \
	do {                                                   \
		static struct lock_class_key __key;            \
		__mutex_init((mutex), #mutex, &__key);         \
	} while (0)
#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
#define mutex_lock_interruptible_nested(lock, subclass) mutex_lock_interruptible(lock)

static inline void mutex_destroy(struct mutex *lock) { (void)lock; }

static inline bool mutex_is_locked(struct mutex *lock)
{
	return __atomic_load_n(&lock->state, __ATOMIC_RELAXED) != 0;
}

#endif /* _LINUX_MUTEX_H */
