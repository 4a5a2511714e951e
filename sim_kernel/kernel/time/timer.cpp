// timer.cpp - timers (kernel/time/timer.c).
//
// Pending timers sit in a queue ordered by expiry time. One thread sleeps
// until the earliest is due, takes it off the queue and calls its function
// with the lock dropped, so the function may re-arm its own timer. While a
// function runs, running_ names its timer: del_timer_sync() waits on that.
#include <simkernel/kernel.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/host_thread.hpp>
#include <simkernel/timers.hpp>
#include <simkernel/softirq.hpp>

#include <algorithm>
#include <simkernel/export.hpp>

namespace sk {

namespace {
thread_local bool on_timer_thread = false;
}

bool in_timer_callback() { return on_timer_thread || in_tasklet(); }

unsigned long jiffies_now() {
    Kernel* k = kernel_if_running();
    uint64_t usec = k ? k->log.usec_since_boot() : 0;
    return INITIAL_JIFFIES + static_cast<unsigned long>(usec * HZ / 1000000);
}

TimerBase::TimerBase() : thread_(start_kernel_thread([this] { run(); })) {}

void TimerBase::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

int TimerBase::mod(struct timer_list* t, unsigned long expires) {
    // Signed distance from now: wrap-safe, as time_after() is.
    long ticks = static_cast<long>(expires - jiffies_now());
    auto due = Clock::now() + std::chrono::microseconds(std::max(0L, ticks) * (1000000 / HZ));
    std::lock_guard lock(mutex_);
    int was_pending = where_.count(t) ? 1 : 0;
    if (was_pending) dequeue_locked(t);
    t->expires = expires;
    if (!t->function) return was_pending;  // shut down: may not be re-armed
    bool earliest = queue_.empty() || due < queue_.begin()->first;
    where_[t] = queue_.emplace(due, t);
    pending_count_.store(queue_.size(), std::memory_order_relaxed);
    if (earliest) wake_.notify_all();
    return was_pending;
}

void TimerBase::dequeue_locked(struct timer_list* t) {
    auto it = where_.find(t);
    queue_.erase(it->second);
    where_.erase(it);
    pending_count_.store(queue_.size(), std::memory_order_relaxed);
}

void TimerBase::wait_not_running_locked(std::unique_lock<std::mutex>& lock, const struct timer_list* t) {
    if (running_ == t && on_timer_thread) {
        // Waiting for ourselves would never end; Linux warns here too.
        printk(KERN_WARNING "WARNING: del_timer_sync() called from the timer's own function; not waiting\n");
        return;
    }
    finished_.wait(lock, [&] { return running_ != t; });
}

int TimerBase::del(struct timer_list* t, bool sync) {
    std::unique_lock lock(mutex_);
    int was_pending = where_.count(t) ? 1 : 0;
    if (was_pending) dequeue_locked(t);
    if (sync) wait_not_running_locked(lock, t);
    return was_pending;
}

bool TimerBase::pending(const struct timer_list* t) const {
    std::lock_guard lock(mutex_);
    return where_.count(t) != 0;
}

std::vector<struct timer_list*> TimerBase::release_owned_by(const struct module* owner) {
    std::unique_lock lock(mutex_);
    std::vector<struct timer_list*> released;
    auto owned_running = [&] { return running_ && running_->owner == owner; };
    // A callback of the owner may be running and re-arm its timer: dequeue,
    // let it return, and look again until neither is left.
    do {
        finished_.wait(lock, [&] { return !owned_running(); });
        for (auto it = queue_.begin(); it != queue_.end();) {
            struct timer_list* t = it->second;
            if (t->owner != owner) {
                ++it;
                continue;
            }
            if (std::find(released.begin(), released.end(), t) == released.end()) released.push_back(t);
            where_.erase(t);
            it = queue_.erase(it);
        }
        pending_count_.store(queue_.size(), std::memory_order_relaxed);
    } while (owned_running());
    return released;
}

std::vector<const void*> TimerBase::release_in_range(const void* p, size_t size) {
    // kfree calls this for every block: with no timer pending anywhere (the
    // usual case) it costs one load, not the timer lock.
    if (pending_count_.load(std::memory_order_relaxed) == 0) return {};
    auto lo = static_cast<const char*>(p);
    std::unique_lock lock(mutex_);
    std::vector<const void*> released;
    for (auto it = queue_.begin(); it != queue_.end();) {
        auto* at = reinterpret_cast<const char*>(it->second);
        if (at < lo || at >= lo + size) {
            ++it;
            continue;
        }
        released.push_back(it->second);
        where_.erase(it->second);
        it = queue_.erase(it);
    }
    pending_count_.store(queue_.size(), std::memory_order_relaxed);
    return released;
}

void TimerBase::run() {
    on_timer_thread = true;
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (queue_.empty()) {
            wake_.wait(lock);
            continue;
        }
        auto due = queue_.begin()->first;
        if (Clock::now() < due) {
            wake_.wait_until(lock, due);
            continue;
        }
        struct timer_list* t = queue_.begin()->second;
        dequeue_locked(t);
        void (*fn)(struct timer_list*) = t->function;
        running_ = t;
        lock.unlock();
        run_trapped(OopsContext::Timer, [&] { fn(t); });  // an Oops drops this call; the timers go on
        lock.lock();
        running_ = nullptr;
        finished_.notify_all();
    }
}

}  // namespace sk

using sk::kernel;

extern "C" void sk_timer_init(struct module* owner, struct timer_list* timer, void (*func)(struct timer_list*),
                              unsigned int flags) {
    INIT_LIST_HEAD(&timer->entry);
    timer->expires = 0;
    timer->function = func;
    timer->flags = flags;
    timer->owner = owner;
}
EXPORT_SYMBOL(sk_timer_init);

extern "C" int mod_timer(struct timer_list* timer, unsigned long expires) {
    return kernel().timers.mod(timer, expires);
}
EXPORT_SYMBOL(mod_timer);

extern "C" void add_timer(struct timer_list* timer) {
    if (kernel().timers.pending(timer))
        printk(KERN_WARNING "WARNING: add_timer() of a timer that is already pending (use mod_timer)\n");
    kernel().timers.mod(timer, timer->expires);
}
EXPORT_SYMBOL(add_timer);

extern "C" int del_timer(struct timer_list* timer) { return kernel().timers.del(timer, false); }
EXPORT_SYMBOL(del_timer);

extern "C" int del_timer_sync(struct timer_list* timer) { return kernel().timers.del(timer, true); }
EXPORT_SYMBOL(del_timer_sync);

extern "C" int timer_shutdown_sync(struct timer_list* timer) {
    int ret = kernel().timers.del(timer, true);
    timer->function = nullptr;  // mod_timer() now leaves it idle
    return ret;
}
EXPORT_SYMBOL(timer_shutdown_sync);

extern "C" int timer_pending(const struct timer_list* timer) { return kernel().timers.pending(timer); }
EXPORT_SYMBOL(timer_pending);
