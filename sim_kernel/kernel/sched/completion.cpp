// completion.cpp - completions (kernel/sched/completion.c).
//
// done counts complete() calls not yet consumed by a waiter; UINT_MAX means
// complete_all(). It changes only under the wait queue's lock, so a waiter
// that checks it and a completer that bumps it cannot miss each other; the
// sleeping itself is the wait queue's. A sleeper's condition reads it without
// the lock, so every access is atomic.
#include <simkernel/kernel.hpp>

#include <linux/completion.h>

#include <climits>
#include <simkernel/export.hpp>

namespace {

constexpr unsigned kAll = UINT_MAX;

// Takes one completion if there is one.
bool try_consume(struct completion* x) {
    spin_lock(&x->wait.lock);
    unsigned done = __atomic_load_n(&x->done, __ATOMIC_RELAXED);
    bool got = done > 0;
    if (got && done != kAll) __atomic_store_n(&x->done, done - 1, __ATOMIC_RELAXED);
    spin_unlock(&x->wait.lock);
    return got;
}

bool available(struct completion* x) { return __atomic_load_n(&x->done, __ATOMIC_ACQUIRE) > 0; }

// The one loop behind every wait_for_completion*: returns jiffies left (>0)
// on success, 0 on timeout, -ERESTARTSYS on a signal.
long do_wait(struct completion* x, long timeout, int state) {
    const bool forever = timeout == MAX_SCHEDULE_TIMEOUT;
    for (;;) {
        if (try_consume(x)) return forever ? timeout : std::max(timeout, 1L);
        if (!forever && timeout <= 0) return 0;
        // Sleep until one is available; another waiter may still take it
        // first, and then the loop sleeps again with what time is left.
        if (state == TASK_INTERRUPTIBLE) {
            long r = forever ? wait_event_interruptible(x->wait, available(x))
                             : wait_event_interruptible_timeout(x->wait, available(x), timeout);
            if (r < 0) return r;
            if (!forever) timeout = r;
        } else if (forever) {
            wait_event(x->wait, available(x));
        } else {
            timeout = wait_event_timeout(x->wait, available(x), timeout);
        }
    }
}

}  // namespace

extern "C" void complete(struct completion* x) {
    spin_lock(&x->wait.lock);
    unsigned done = __atomic_load_n(&x->done, __ATOMIC_RELAXED);
    if (done != kAll) __atomic_store_n(&x->done, done + 1, __ATOMIC_RELEASE);
    spin_unlock(&x->wait.lock);
    wake_up(&x->wait);
}
EXPORT_SYMBOL(complete);

extern "C" void complete_all(struct completion* x) {
    spin_lock(&x->wait.lock);
    __atomic_store_n(&x->done, kAll, __ATOMIC_RELEASE);
    spin_unlock(&x->wait.lock);
    wake_up_all(&x->wait);
}
EXPORT_SYMBOL(complete_all);

extern "C" void wait_for_completion(struct completion* x) { do_wait(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE); }
EXPORT_SYMBOL(wait_for_completion);

extern "C" int wait_for_completion_interruptible(struct completion* x) {
    long r = do_wait(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
    return r < 0 ? static_cast<int>(r) : 0;
}
EXPORT_SYMBOL(wait_for_completion_interruptible);

extern "C" int wait_for_completion_killable(struct completion* x) {
    return wait_for_completion_interruptible(x);
}
EXPORT_SYMBOL(wait_for_completion_killable);

extern "C" unsigned long wait_for_completion_timeout(struct completion* x, unsigned long timeout) {
    return static_cast<unsigned long>(do_wait(x, static_cast<long>(timeout), TASK_UNINTERRUPTIBLE));
}
EXPORT_SYMBOL(wait_for_completion_timeout);

extern "C" long wait_for_completion_interruptible_timeout(struct completion* x, unsigned long timeout) {
    return do_wait(x, static_cast<long>(timeout), TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_interruptible_timeout);

extern "C" bool try_wait_for_completion(struct completion* x) { return try_consume(x); }
EXPORT_SYMBOL(try_wait_for_completion);

extern "C" bool completion_done(struct completion* x) { return available(x); }
EXPORT_SYMBOL(completion_done);
