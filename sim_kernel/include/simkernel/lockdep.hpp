// lockdep.hpp - lock checking, in Linux's words (kernel/locking/lockdep.c,
// kernel/sched/core.c's __might_sleep):
//
//   WARNING: possible circular locking dependency detected   an order that
//            contradicts one seen before (A then B, now B then A), the
//            first time it is taken, even if it does not deadlock this time
//   WARNING: possible recursive locking detected             a lock of a
//            class this context already holds
//   WARNING: bad unlock balance detected!                    unlocking what
//            this context does not hold
//   WARNING: lock held when returning to user space!         a system call
//            that returns with a lock taken
//   WARNING: kthread/5 still has locks held!                 a kernel thread
//            that ends holding one
//   BUG: sleeping function called from invalid context at F:L   mutex_lock,
//            msleep, kmalloc(GFP_KERNEL), copy_to_user, wait_event... under
//            a spinlock, or in a timer or an interrupt handler
//
// A lock's class is where it was initialised (spin_lock_init keeps a static
// key there, Linux's lock_class_key); a DEFINE_SPINLOCK/DEFINE_MUTEX lock is a
// class of its own. Orders are recorded between classes, so two devices of
// one driver share their orders, as on Linux.
//
// Each report is made once per lock class (pair of classes for an order),
// then the kernel goes on; Linux turns the checks off after its first
// report. /proc/sys/kernel/prove_locking (1 by default) turns them off and
// on; a taint that makes them unreliable (an Oops, slab corruption, a
// proprietary or forced module) turns them off, as Linux's debug_locks_off.
#pragma once

#include <simkernel/held_locks.hpp>

#include <atomic>
#include <cstdint>

namespace sk {

// Checks a lock about to be taken, then records it as held.
void lock_acquire(const void* lock, const void* key, const char* name, LockKind kind, uintptr_t ip, bool trylock);
// Forgets a lock about to be released; reports an unbalanced unlock.
void lock_release(const void* lock, uintptr_t ip);

// might_sleep(): file:line is where Linux 6.1 makes the check; caller the
// call site that would sleep.
void might_sleep_at(const char* file, int line, uintptr_t caller);

// On the way out of a system call: locks still held (lockdep_sys_exit).
void lockdep_report_held_at_exit();
inline void lockdep_sys_exit() {
    if (held_lock_depth()) lockdep_report_held_at_exit();
}
// A kernel thread ends: locks still held (debug_check_no_locks_held).
void lockdep_check_exit();

// An interrupt handler runs on this thread (IrqTable::raise).
class HardirqScope {
public:
    HardirqScope();
    ~HardirqScope();
    HardirqScope(const HardirqScope&) = delete;
    HardirqScope& operator=(const HardirqScope&) = delete;
};
bool (in_hardirq)();  // in parentheses: <linux/preempt.h> has a macro of that name

// /proc/sys/kernel/prove_locking, and Linux's debug_locks (0 after a taint
// that makes lock checking unreliable).
extern std::atomic<int> prove_locking;
bool lockdep_enabled();

// The number of lock classes and of recorded orders (for tests and docs).
size_t lockdep_class_count();
size_t lockdep_dependency_count();
// Forgets every class and order (a new boot).
void lockdep_reset();
// Forgets the classes whose key lies in [start, start + size): a module's
// static keys and DEFINE_ locks, when it is unloaded (lockdep_free_key_range).
void lockdep_free_key_range(uintptr_t start, size_t size);

}  // namespace sk
