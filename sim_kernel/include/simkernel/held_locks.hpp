// held_locks.hpp - which locks this thread holds right now (the part of
// Linux's lockdep that keeps current->held_locks).
//
// spin_lock, read_lock/write_lock and mutex_lock record each lock they
// take, with the name the caller wrote ("&dev->lock") and the call site;
// unlocking removes it. An Oops names the locks its context still held:
// they stay held (as on Linux), and whoever takes one next waits forever,
// so the student needs to know which.
#pragma once

#include <cstdint>
#include <vector>

namespace sk {

enum class LockKind { Spinlock, Mutex, ReadLock, WriteLock, RwsemRead, RwsemWrite };

struct HeldLock {
    const void* lock = nullptr;
    const char* name = nullptr;  // as written at the init site, or at the lock call
    LockKind kind = LockKind::Spinlock;
    uintptr_t ip = 0;            // where it was taken
    const void* key = nullptr;   // its class (lockdep.cpp): the init site's key, or the lock
    bool trylock = false;        // taken by a trylock: it adds no order
    bool reported = false;       // already named as held at a return to user space
};

const char* lock_kind_name(LockKind kind);  // "spinlock", "mutex", "rwlock, read", ...
bool lock_kind_sleeps(LockKind kind);       // mutex, rw_semaphore

// Records a lock taken (checks come first: lockdep.cpp's lock_acquire).
void lock_acquired(const void* lock, const char* name, LockKind kind, uintptr_t ip, const void* key = nullptr,
                   bool trylock = false);
// Forgets it; false if this context did not hold it.
bool lock_released(const void* lock);
int held_lock_depth();  // this thread's, without copying
HeldLock* held_lock_stack();  // this thread's, oldest first (held_lock_depth() entries)

// This thread's locks, oldest first.
std::vector<HeldLock> held_locks();

// The context died: its locks stay taken, but this thread no longer holds
// them (it goes on running other tasks). Mutexes are handed to a dead owner
// so that taking one again is not mistaken for recursion.
void orphan_held_locks();
void mutex_orphan(const void* lock);  // mutex.cpp

}  // namespace sk
