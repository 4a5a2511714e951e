// semaphore.cpp - counting semaphores and reader/writer semaphores
// (kernel/locking/semaphore.c, rwsem.c), on a wait queue: each waiter
// sleeps until its atomic test-and-take succeeds.
#include <simkernel/kapi.h>
#include <simkernel/lockdep.hpp>

#include <linux/rwsem.h>
#include <linux/semaphore.h>
#include <simkernel/export.hpp>

namespace {
bool sk_sem_take(struct semaphore *sem)
{
	int c = __atomic_load_n(&sem->count, __ATOMIC_SEQ_CST);

	while (c > 0)
		if (__atomic_compare_exchange_n(&sem->count, &c, c - 1, false,
						__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return true;
	return false;
}
bool sk_rwsem_take_read(struct rw_semaphore *sem)
{
	int c = __atomic_load_n(&sem->count, __ATOMIC_SEQ_CST);

	while (c >= 0)
		if (__atomic_compare_exchange_n(&sem->count, &c, c + 1, false,
						__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return true;
	return false;
}
bool sk_rwsem_take_write(struct rw_semaphore *sem)
{
	int free_ = 0;

	return __atomic_compare_exchange_n(&sem->count, &free_, -1, false,
					   __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
}  // namespace

extern "C" void sema_init(struct semaphore *sem, int val)
{
	sem->count = val;
	init_waitqueue_head(&sem->wait);
}
EXPORT_SYMBOL(sema_init);


// A semaphore may sleep (Linux's down() begins with might_sleep()); it has
// no owner, so lockdep does not order it (as on Linux).
#define SK_DOWN_MIGHT_SLEEP() \
	sk::might_sleep_at("kernel/locking/semaphore.c", 54, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))

extern "C" void down(struct semaphore *sem)
{
	SK_DOWN_MIGHT_SLEEP();
	wait_event(sem->wait, sk_sem_take(sem));
}
EXPORT_SYMBOL(down);
extern "C" int down_interruptible(struct semaphore *sem)
{
	SK_DOWN_MIGHT_SLEEP();
	return wait_event_interruptible(sem->wait, sk_sem_take(sem)) ? -EINTR : 0;
}
EXPORT_SYMBOL(down_interruptible);
extern "C" int down_killable(struct semaphore *sem)
{
	return down_interruptible(sem);
}
EXPORT_SYMBOL(down_killable);
extern "C" int down_trylock(struct semaphore *sem)
{
	return sk_sem_take(sem) ? 0 : 1;
}
EXPORT_SYMBOL(down_trylock);
extern "C" int down_timeout(struct semaphore *sem, long timeout)
{
	SK_DOWN_MIGHT_SLEEP();
	return wait_event_timeout(sem->wait, sk_sem_take(sem), timeout) ? 0 : -ETIME;
}
EXPORT_SYMBOL(down_timeout);
extern "C" void up(struct semaphore *sem)
{
	__atomic_fetch_add(&sem->count, 1, __ATOMIC_SEQ_CST);
	wake_up(&sem->wait);
}
EXPORT_SYMBOL(up);

extern "C" void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
	sem->count = 0;
	init_waitqueue_head(&sem->wait);
	sem->key = key;
	sem->name = name;
}
EXPORT_SYMBOL(__init_rwsem);

// An rw_semaphore is checked by lockdep as Linux checks it: each down_* is
// ordered against the locks held, each up_* must match one.
namespace {
void rwsem_acquire(struct rw_semaphore *sem, sk::LockKind kind, uintptr_t ip, bool trylock)
{
	sk::lock_acquire(sem, sem->key, sem->name ? sem->name : "rw_semaphore", kind, ip, trylock);
}
void rwsem_release(struct rw_semaphore *sem, uintptr_t ip) { sk::lock_release(sem, ip); }
uintptr_t caller_ip(void *ret) { return reinterpret_cast<uintptr_t>(ret); }

// Every down_*: tell lockdep, then wait until take() gets the semaphore
// (a signal ends an interruptible wait with -EINTR, and lockdep forgets it).
using Take = bool (*)(struct rw_semaphore *);
int rwsem_down(struct rw_semaphore *sem, sk::LockKind kind, uintptr_t ip, Take take, bool interruptible)
{
	rwsem_acquire(sem, kind, ip, false);
	if (!interruptible) {
		wait_event(sem->wait, take(sem));
		return 0;
	}
	if (wait_event_interruptible(sem->wait, take(sem))) {
		sk::lock_released(sem);
		return -EINTR;
	}
	return 0;
}
int rwsem_trydown(struct rw_semaphore *sem, sk::LockKind kind, uintptr_t ip, Take take)
{
	if (!take(sem))
		return 0;
	rwsem_acquire(sem, kind, ip, true);
	return 1;
}
}  // namespace
#define SK_IP caller_ip(__builtin_return_address(0))
#define SK_RWSEM_READ sk::LockKind::RwsemRead, SK_IP, sk_rwsem_take_read
#define SK_RWSEM_WRITE sk::LockKind::RwsemWrite, SK_IP, sk_rwsem_take_write

// Linux's *_killable wait only for fatal signals; here any signal ends them.
extern "C" void down_read(struct rw_semaphore *sem) { rwsem_down(sem, SK_RWSEM_READ, false); }
EXPORT_SYMBOL(down_read);
extern "C" int down_read_interruptible(struct rw_semaphore *sem) { return rwsem_down(sem, SK_RWSEM_READ, true); }
EXPORT_SYMBOL(down_read_interruptible);
extern "C" int down_read_killable(struct rw_semaphore *sem) { return rwsem_down(sem, SK_RWSEM_READ, true); }
EXPORT_SYMBOL(down_read_killable);
extern "C" int down_read_trylock(struct rw_semaphore *sem) { return rwsem_trydown(sem, SK_RWSEM_READ); }
EXPORT_SYMBOL(down_read_trylock);
extern "C" void up_read(struct rw_semaphore *sem)
{
	rwsem_release(sem, SK_IP);
	if (__atomic_sub_fetch(&sem->count, 1, __ATOMIC_SEQ_CST) == 0)
		wake_up(&sem->wait);
}
EXPORT_SYMBOL(up_read);

extern "C" void down_write(struct rw_semaphore *sem) { rwsem_down(sem, SK_RWSEM_WRITE, false); }
EXPORT_SYMBOL(down_write);
extern "C" int down_write_killable(struct rw_semaphore *sem) { return rwsem_down(sem, SK_RWSEM_WRITE, true); }
EXPORT_SYMBOL(down_write_killable);
extern "C" int down_write_trylock(struct rw_semaphore *sem) { return rwsem_trydown(sem, SK_RWSEM_WRITE); }
EXPORT_SYMBOL(down_write_trylock);
extern "C" void up_write(struct rw_semaphore *sem)
{
	rwsem_release(sem, SK_IP);
	__atomic_store_n(&sem->count, 0, __ATOMIC_SEQ_CST);
	wake_up(&sem->wait);
}
EXPORT_SYMBOL(up_write);
extern "C" void downgrade_write(struct rw_semaphore *sem)
{
	sk::HeldLock *held = sk::held_lock_stack();
	for (int i = 0; i < sk::held_lock_depth(); ++i)
		if (held[i].lock == sem)
			held[i].kind = sk::LockKind::RwsemRead;
	__atomic_store_n(&sem->count, 1, __ATOMIC_SEQ_CST);
	wake_up(&sem->wait);
}
EXPORT_SYMBOL(downgrade_write);
extern "C" int rwsem_is_locked(struct rw_semaphore *sem) { return __atomic_load_n(&sem->count, __ATOMIC_SEQ_CST) != 0; }
EXPORT_SYMBOL(rwsem_is_locked);
