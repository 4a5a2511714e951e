// mutex.cpp - struct mutex, the sleeping lock (kernel/locking/mutex.c).
//
// The state word is the classic futex mutex: 0 unlocked, 1 locked, 2 locked
// with waiters. A waiter sleeps in std::atomic_ref::wait (a futex on Linux
// hosts) until the holder's unlock wakes one. The owner is the host thread
// that took the lock: each thread runs one simulated task at a time, so a
// thread locking what it already holds is the task deadlocking on itself.
#include <simkernel/kernel.hpp>

#include <linux/mutex.h>

#include <atomic>

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
    if (owner_of(lock).load(std::memory_order_relaxed) == self()) {
        // Linux hangs here too; lockdep says why first.
        printk(KERN_ERR "============================================\n");
        printk(KERN_ERR "WARNING: possible recursive locking detected\n");
        printk(KERN_ERR "%s is trying to acquire lock %s (%p) but already holds it\n",
               current_name().c_str(), name_of(lock), static_cast<void*>(lock));
        printk(KERN_ERR "*** DEADLOCK ***\n");
        taint_warn();
    }
    if (c != 2) c = s.exchange(2, std::memory_order_acquire);
    while (c != 0) {
        s.wait(2, std::memory_order_relaxed);
        c = s.exchange(2, std::memory_order_acquire);
    }
}

}  // namespace

extern "C" void __mutex_init(struct mutex* lock, const char* name) {
    lock->state = 0;
    lock->owner = nullptr;
    lock->name = name;
}

extern "C" void mutex_lock(struct mutex* lock) {
    int c = 0;
    if (!state_of(lock).compare_exchange_strong(c, 1, std::memory_order_acquire))
        lock_slowpath(lock, c);
    owner_of(lock).store(self(), std::memory_order_relaxed);
}

// A mutex wait is a futex wait, which a simkernel signal does not end.
extern "C" int mutex_lock_interruptible(struct mutex* lock) {
    mutex_lock(lock);
    return 0;
}

extern "C" int mutex_lock_killable(struct mutex* lock) {
    mutex_lock(lock);
    return 0;
}

extern "C" int mutex_trylock(struct mutex* lock) {
    int c = 0;
    if (!state_of(lock).compare_exchange_strong(c, 1, std::memory_order_acquire)) return 0;
    owner_of(lock).store(self(), std::memory_order_relaxed);
    return 1;
}

extern "C" void mutex_unlock(struct mutex* lock) {
    auto s = state_of(lock);
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
