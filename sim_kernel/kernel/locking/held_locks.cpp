// held_locks.cpp - the locks each thread holds (current->held_locks in
// kernel/locking/lockdep.c).
#include <simkernel/held_locks.hpp>

#include <algorithm>
#include <simkernel/export.hpp>

namespace sk {

namespace {

// Linux's MAX_LOCK_DEPTH: deeper nesting than this is a bug of its own.
constexpr int kMaxLockDepth = 48;

struct HeldStack {
    HeldLock locks[kMaxLockDepth];
    int depth;
};
thread_local HeldStack held = {{}, 0};

}  // namespace

const char* lock_kind_name(LockKind kind) {
    static const char* const names[] = {"spinlock", "mutex", "rwlock, read", "rwlock, write",
                                        "rw_semaphore, read", "rw_semaphore, write"};
    return names[static_cast<int>(kind)];
}

bool lock_kind_sleeps(LockKind kind) {
    return kind == LockKind::Mutex || kind == LockKind::RwsemRead || kind == LockKind::RwsemWrite;
}

void lock_acquired(const void* lock, const char* name, LockKind kind, uintptr_t ip, const void* key, bool trylock) {
    if (held.depth < kMaxLockDepth)
        held.locks[held.depth++] = {lock, name, kind, ip, key ? key : lock, trylock, false};
}

bool lock_released(const void* lock) {
    // Usually the newest, but locks may be released in any order.
    for (int i = held.depth - 1; i >= 0; --i) {
        if (held.locks[i].lock != lock) continue;
        std::copy(held.locks + i + 1, held.locks + held.depth, held.locks + i);
        --held.depth;
        return true;
    }
    return false;
}

int held_lock_depth() { return held.depth; }
HeldLock* held_lock_stack() { return held.locks; }

std::vector<HeldLock> held_locks() { return {held.locks, held.locks + held.depth}; }

void orphan_held_locks() {
    for (int i = 0; i < held.depth; ++i)
        if (held.locks[i].kind == LockKind::Mutex) mutex_orphan(held.locks[i].lock);
    held.depth = 0;
}

}  // namespace sk

// What modules built with an older SDK call (the SDK's lock functions now
// call lockdep.cpp's __sk_lock_acquire); the return address is the module's
// call site.
extern "C" void __sk_lock_acquired(const void* lock, const char* name, int kind) {
    sk::lock_acquired(lock, name, static_cast<sk::LockKind>(kind),
                      reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}
EXPORT_SYMBOL(__sk_lock_acquired);

extern "C" void __sk_lock_released(const void* lock) { sk::lock_released(lock); }
EXPORT_SYMBOL(__sk_lock_released);
