// wait.cpp - sleeping and waking (kernel/sched/wait.c, kernel/sched/core.c).
//
// A task sleeps in schedule() on its own condition variable. Wait queues
// hold the tasks waiting for an event; __wake_up() wakes each of them. A
// signal wakes an interruptible sleeper too: it then sees signal_pending()
// and the wait returns -ERESTARTSYS.
#include <simkernel/kernel.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/timers.hpp>
#include <simkernel/softirq.hpp>

#include <linux/jiffies.h>

#include <chrono>
#include <thread>
#include <simkernel/export.hpp>

namespace sk {
namespace {

// Sleeps until woken, a signal (if interruptible), or timeout jiffies pass.
// Returns the jiffies left (MAX_SCHEDULE_TIMEOUT means no limit).
long sleep_current(long timeout) {
    Task* t = current_task();
    if (!t) {
        if (in_timer_callback()) {
            // Linux would corrupt the scheduler's state here; we refuse.
            printk(KERN_ERR "BUG: scheduling while atomic: %s tried to sleep; the sleep was skipped\n", softirq_what());
            kernel().add_taint(TAINT_WARN);
            return 0;
        }
        if (timeout == MAX_SCHEDULE_TIMEOUT) {
            printk(KERN_ERR "BUG: scheduling while not in a task\n");
            return 0;
        }
        // Kernel code outside any task (boot): nobody can wake it, so it
        // just waits out the time.
        std::this_thread::sleep_for(std::chrono::microseconds(timeout * 1000000 / HZ));
        return 0;
    }
    t->switches.fetch_add(1, std::memory_order_relaxed);  // the watchdog: it slept
    std::unique_lock lock(t->sleep_mutex);
    bool interruptible = t->state() & TASK_INTERRUPTIBLE;
    auto ready = [&] { return t->woken || (interruptible && t->has_signal()); };
    long left = timeout;
    if (t->state() == TASK_RUNNING) {
        // Woken between prepare and schedule: nothing to wait for.
    } else if (timeout == MAX_SCHEDULE_TIMEOUT) {
        t->sleep_cv.wait(lock, ready);
    } else {
        auto start = std::chrono::steady_clock::now();
        auto limit = std::chrono::microseconds(timeout * 1000000 / HZ);
        if (!t->sleep_cv.wait_for(lock, limit, ready)) {
            left = 0;
        } else {
            auto used = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::steady_clock::now() - start);
            left = std::max<long>(1, timeout - used.count() * HZ / 1000000);
        }
    }
    t->woken = false;
    t->set_state(TASK_RUNNING);
    return left;
}

}  // namespace
}  // namespace sk

using sk::current_task;

extern "C" struct task_struct* get_current(void) {
    sk::Task* t = current_task();
    return t ? &t->kts : nullptr;
}
EXPORT_SYMBOL(get_current);

extern "C" void set_current_state_fn(long state) {
    sk::Task* t = current_task();
    if (!t) return;
    if (state != TASK_RUNNING) {
        std::lock_guard lock(t->sleep_mutex);
        t->woken = false;  // a wake-up from now on ends the coming sleep
    }
    t->set_state(state);
}
EXPORT_SYMBOL(set_current_state_fn);

extern "C" void schedule(void) { sk::sleep_current(MAX_SCHEDULE_TIMEOUT); }
EXPORT_SYMBOL(schedule);

extern "C" long schedule_timeout(long timeout) {
    if (timeout < 0) {
        printk(KERN_ERR "schedule_timeout: wrong timeout value %lx\n", static_cast<unsigned long>(timeout));
        return 0;
    }
    return sk::sleep_current(timeout);
}
EXPORT_SYMBOL(schedule_timeout);

extern "C" long schedule_timeout_interruptible(long timeout) {
    set_current_state_fn(TASK_INTERRUPTIBLE);
    return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

extern "C" int signal_pending(struct task_struct* p) {
    return p && sk::task_of(p)->has_signal();
}
EXPORT_SYMBOL(signal_pending);

extern "C" int fatal_signal_pending(struct task_struct* p) { return signal_pending(p); }
EXPORT_SYMBOL(fatal_signal_pending);

extern "C" int wake_up_process(struct task_struct* p) {
    if (!p) return 0;
    sk::task_of(p)->wake();
    return 1;
}
EXPORT_SYMBOL(wake_up_process);

extern "C" void yield(void) { std::this_thread::yield(); }
EXPORT_SYMBOL(yield);

extern "C" void init_wait_entry(struct wait_queue_entry* e, int flags) {
    e->flags = static_cast<unsigned>(flags);
    e->private_ = current_task();
    INIT_LIST_HEAD(&e->entry);
}
EXPORT_SYMBOL(init_wait_entry);

extern "C" long prepare_to_wait_event(struct wait_queue_head* wq, struct wait_queue_entry* e, int state) {
    // wait_event*() may sleep (Linux's begins with might_sleep()).
    sk::might_sleep_at("include/linux/wait.h", 316, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
    sk::Task* t = current_task();
    if ((state & TASK_INTERRUPTIBLE) && t && t->has_signal()) {
        // Leave the queue: a wake-up must not be spent on a task that is going.
        spin_lock(&wq->lock);
        if (!list_empty(&e->entry)) list_del_init(&e->entry);
        spin_unlock(&wq->lock);
        return -ERESTARTSYS;
    }
    spin_lock(&wq->lock);
    if (list_empty(&e->entry)) list_add_tail(&e->entry, &wq->head);
    spin_unlock(&wq->lock);
    set_current_state_fn(state);
    return 0;
}
EXPORT_SYMBOL(prepare_to_wait_event);

extern "C" void finish_wait(struct wait_queue_head* wq, struct wait_queue_entry* e) {
    if (sk::Task* t = current_task()) t->set_state(TASK_RUNNING);
    spin_lock(&wq->lock);
    if (!list_empty(&e->entry)) list_del_init(&e->entry);
    spin_unlock(&wq->lock);
}
EXPORT_SYMBOL(finish_wait);

extern "C" void __wake_up(struct wait_queue_head* wq, unsigned int /*mode*/, int /*nr*/) {
    // Every waiter is woken; each rechecks its condition (no exclusive waits).
    spin_lock(&wq->lock);
    struct list_head* pos;
    list_for_each(pos, &wq->head) {
        auto* e = list_entry(pos, struct wait_queue_entry, entry);
        if (e->private_) static_cast<sk::Task*>(e->private_)->wake();
    }
    spin_unlock(&wq->lock);
}
EXPORT_SYMBOL(__wake_up);
