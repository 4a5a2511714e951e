/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/semaphore.h - counting semaphores: down() takes one unit, sleeping
 * while none is left; up() gives one back and wakes the sleepers. LDD3's
 * scull guards each device with one (sema_init(&sem, 1), a sleeping lock);
 * new code uses a mutex.
 */
#ifndef __LINUX_SEMAPHORE_H
#define __LINUX_SEMAPHORE_H

#include <linux/types.h>
#include <linux/wait.h>
#include <linux/spinlock.h>
#include <linux/bug.h>

struct semaphore {
	int count;
	struct wait_queue_head wait;
};

#define __SEMAPHORE_INITIALIZER(name, n) \
	{ (n), __WAIT_QUEUE_HEAD_INITIALIZER((name).wait) }
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

__SK_BEGIN_DECLS
void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
/* 0, or -EINTR when a signal ended the wait (the unit is not taken). */
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
/* 0 if taken, 1 if not: the opposite of mutex_trylock. */
int down_trylock(struct semaphore *sem);
/* 0, or -ETIME after timeout jiffies. */
int down_timeout(struct semaphore *sem, long timeout);
void up(struct semaphore *sem);
__SK_END_DECLS

#endif /* __LINUX_SEMAPHORE_H */
