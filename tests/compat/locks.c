// SPDX-License-Identifier: GPL-2.0
/* locks.c - every lock kind on one counter: mutex, spinlock, rwlock,
 * and the trylock answers while each is held. */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

static DEFINE_MUTEX(m);
static DEFINE_SPINLOCK(s);
static DEFINE_RWLOCK(rw);
static int counter;

static int __init locks_init(void)
{
	unsigned long flags;

	mutex_lock(&m);
	counter++;
	pr_info("locks: mutex held, trylock=%d locked=%d\n", mutex_trylock(&m), mutex_is_locked(&m));
	mutex_unlock(&m);
	spin_lock_irqsave(&s, flags);
	counter++;
	pr_info("locks: spinlock held, trylock=%d\n", spin_trylock(&s));
	spin_unlock_irqrestore(&s, flags);
	read_lock(&rw);
	pr_info("locks: reader in, write_trylock=%d\n", write_trylock(&rw));
	read_unlock(&rw);
	write_lock(&rw);
	counter++;
	write_unlock(&rw);
	pr_info("locks: counter=%d\n", counter);
	return 0;
}

static void __exit locks_exit(void)
{
}

module_init(locks_init);
module_exit(locks_exit);
MODULE_LICENSE("GPL");
