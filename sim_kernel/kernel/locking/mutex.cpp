// mutex.cpp - struct mutex, the sleeping lock (kernel/locking/mutex.c).
//
// The state word is the classic futex mutex: 0 unlocked, 1 locked, 2 locked
// with waiters. A waiter sleeps in std::atomic_ref::wait (a futex on Linux
// hosts) until the holder's unlock wakes one. The owner is the host thread
// that took the lock: each thread runs one simulated task at a time, so a
// thread locking what it already holds is the task deadlocking on itself.
#include <simkernel/held_locks.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/kernel.hpp>

#include <linux/mutex.h>

#include <atomic>
#include <simkernel/export.hpp>

namespace {

thread_local char this_thread;
const void* self() { return &this_thread; }

std::atomic_ref<int> state_of(struct mutex* lock) { return std::atomic_ref<int>(lock->state); }
std::atomic_ref<const void*> owner_of(struct mutex* lock) { return std::atomic_ref<const void*>(lock->owner); }

const char* name_of(const struct mutex* lock) { return lock->name ? lock->name : "(unnamed mutex)"; }

// Who is running, for the kernel log: "insmod/42", as lockdep names tasks.
std::string current_name() {
    sk::Task* t = sk::current_task();
    if (!t) return "kernel";
    return t->comm + "/" + std::to_string(t->pid);
}

void taint_warn() {
    if (sk::Kernel* k = sk::kernel_if_running()) k->add_taint(sk::TAINT_WARN);
}

void lock_slowpath(struct mutex* lock, int c) {
    auto s = state_of(lock);
    if (owner_of(lock).load(std::memory_order_relaxed) == self() && !sk::lockdep_enabled()) {
        // lockdep said it already, in Linux's words, when it is on.
        // Linux hangs here too; lockdep says why first.
        printk(KERN_ERR "============================================\n");
        printk(KERN_ERR "WARNING: possible recursive locking detected\n");
        printk(KERN_ERR "%s is trying to acquire lock %s (%p) but already holds it\n",
               current_name().c_str(), name_of(lock), static_cast<void*>(lock));
        printk(KERN_ERR "*** DEADLOCK ***\n");
        taint_warn();
    }
    if (c != 2) c = s.exchange(2, std::memory_order_acquire);
    if (c == 0) return;
    // Waiting for a mutex is an uninterruptible sleep ("D" in ps), as on
    // Linux: the hung-task detector, not the soft-lockup one, looks at it.
    sk::Task* t = sk::current_task();
    long state = t ? t->state() : 0;
    if (t) {
        t->set_state(TASK_UNINTERRUPTIBLE);
        t->switches.fetch_add(1, std::memory_order_relaxed);
    }
    while (c != 0) {
        s.wait(2, std::memory_order_relaxed);
        c = s.exchange(2, std::memory_order_acquire);
    }
    if (t) {
        t->switches.fetch_add(1, std::memory_order_relaxed);
        t->set_state(state);
    }
}

}  // namespace

namespace {
const char dead_task = 0;  // the owner of a mutex whose holder died in an Oops
}

// The holder died: the mutex stays locked (as on Linux) by no live thread.
void sk::mutex_orphan(const void* lock) {
    owner_of(static_cast<struct mutex*>(const_cast<void*>(lock))).store(&dead_task, std::memory_order_relaxed);
}

extern "C" void __mutex_init(struct mutex* lock, const char* name, struct lock_class_key* key) {
    lock->state = 0;
    lock->owner = nullptr;
    lock->name = name;
    lock->key = key;
}
EXPORT_SYMBOL(__mutex_init);

namespace {
// lockdep's checks come before the lock is taken: a deadlock is reported
// before it happens.
void mutex_lock_from(struct mutex* lock, uintptr_t ip) {
    sk::lock_acquire(lock, lock->key, name_of(lock), sk::LockKind::Mutex, ip, false);
    int c = 0;
    if (!state_of(lock).compare_exchange_strong(c, 1, std::memory_order_acquire))
        lock_slowpath(lock, c);
    owner_of(lock).store(self(), std::memory_order_relaxed);
}
}  // namespace

extern "C" void mutex_lock(struct mutex* lock) {
    mutex_lock_from(lock, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}
EXPORT_SYMBOL(mutex_lock);

// A mutex wait is a futex wait, which a simkernel signal does not end.
extern "C" int mutex_lock_interruptible(struct mutex* lock) {
    mutex_lock_from(lock, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
    return 0;
}
EXPORT_SYMBOL(mutex_lock_interruptible);

extern "C" int mutex_lock_killable(struct mutex* lock) {
    mutex_lock_from(lock, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
    return 0;
}
EXPORT_SYMBOL(mutex_lock_killable);

extern "C" int mutex_trylock(struct mutex* lock) {
    int c = 0;
    if (!state_of(lock).compare_exchange_strong(c, 1, std::memory_order_acquire)) return 0;
    owner_of(lock).store(self(), std::memory_order_relaxed);
    sk::lock_acquire(lock, lock->key, name_of(lock), sk::LockKind::Mutex,
                     reinterpret_cast<uintptr_t>(__builtin_return_address(0)), true);
    return 1;
}
EXPORT_SYMBOL(mutex_trylock);

extern "C" void mutex_unlock(struct mutex* lock) {
    auto s = state_of(lock);
    auto ip = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
    sk::lock_release(lock, ip);  // lockdep: "bad unlock balance" if this context does not hold it
    // CONFIG_DEBUG_MUTEXES's own checks, as Linux prints them beside lockdep's.
    if (s.load(std::memory_order_relaxed) == 0) {
        printk(KERN_WARNING "DEBUG_LOCKS_WARN_ON(!mutex_is_locked(lock))\n");
        printk(KERN_WARNING "WARNING: %s unlocks mutex %s, which is not locked\n", current_name().c_str(),
               name_of(lock));
        taint_warn();
        return;
    }
    if (owner_of(lock).load(std::memory_order_relaxed) != self()) {
        printk(KERN_WARNING "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)\n");
        printk(KERN_WARNING "WARNING: %s unlocks mutex %s, which another task holds\n",
               current_name().c_str(), name_of(lock));
        taint_warn();
    }
    owner_of(lock).store(nullptr, std::memory_order_relaxed);
    if (s.fetch_sub(1, std::memory_order_release) != 1) {
        s.store(0, std::memory_order_release);
        s.notify_one();
    }
}
EXPORT_SYMBOL(mutex_unlock);
