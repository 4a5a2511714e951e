/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rwsem.h - reader/writer semaphores: any number of readers
 * (down_read) or one writer (down_write) at a time; a sleeping lock.
 *
 * count is the number of readers inside, or -1 while a writer is.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/types.h>
#include <linux/wait.h>
#include <linux/spinlock.h>
#include <linux/bug.h>

struct rw_semaphore {
	int count;
	struct wait_queue_head wait;
	const struct lock_class_key *key; /* lockdep's class: the init site (0: DECLARE_RWSEM, its own) */
	const char *name;
};

#define __RWSEM_INITIALIZER(name) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((name).wait), 0, #name }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

__SK_BEGIN_DECLS
void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);
#define init_rwsem(sem)                                        \
	do {                                                   \
		static struct lock_class_key __key;            \
		__init_rwsem((sem), #sem, &__key);             \
	} while (0)
void down_read(struct rw_semaphore *sem);
int down_read_interruptible(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
/* 1 if taken, 0 if not (unlike down_trylock). */
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
/* The writer becomes one of the readers, letting other readers in. */
void downgrade_write(struct rw_semaphore *sem);
int rwsem_is_locked(struct rw_semaphore *sem);
__SK_END_DECLS

#endif /* _LINUX_RWSEM_H */
