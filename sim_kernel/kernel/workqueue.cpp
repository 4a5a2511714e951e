// workqueue.cpp - work queues (kernel/workqueue.c).
//
// Each queue has one worker, a kernel thread that takes items in order and
// runs them with the lock dropped (so an item may sleep, or queue itself
// again). system_wq ("events") exists from boot; modules may make more.
#include <simkernel/fault_inject.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/kthread.hpp>
#include <simkernel/workqueue.hpp>

#include <algorithm>
#include <cstdarg>
#include <deque>
#include <simkernel/export.hpp>

struct workqueue_struct {
    std::string name;
    const struct module* owner = nullptr;
    std::deque<struct work_struct*> items;
    struct work_struct* running = nullptr;
    uint64_t running_ticket = 0;
    sk::Task* worker = nullptr;
    bool started = false;  // the worker reached its first wait
    bool stopping = false;
};

extern "C" {
struct workqueue_struct* system_wq = nullptr;
EXPORT_SYMBOL(system_wq);
}

namespace sk {

// A work item's ticket lives in its `data` word while it is queued.
static uint64_t& ticket_of(struct work_struct* w) { return reinterpret_cast<uint64_t&>(w->data); }

Workqueues::Workqueues(KThreads& kthreads) : kthreads_(kthreads) {}
Workqueues::~Workqueues() = default;

struct workqueue_struct* Workqueues::create(const struct module* owner, std::string name) {
    auto wq = std::make_unique<struct workqueue_struct>();
    wq->name = std::move(name);
    wq->owner = owner;
    struct workqueue_struct* raw = wq.get();
    {
        std::lock_guard lock(mutex_);
        queues_.push_back(std::move(wq));
    }
    // The worker runs kernel code whoever asked for the queue: the queue,
    // not the thread, belongs to the module.
    raw->worker = kthreads_.create(nullptr, worker_main, raw, raw->name);
    if (!raw->worker) {
        std::lock_guard lock(mutex_);
        queues_.remove_if([raw](const auto& p) { return p.get() == raw; });
        return nullptr;
    }
    wake_up_process(&raw->worker->kts);
    // Return once the worker waits for work, as Linux's alloc_workqueue()
    // returns with its workers made: ps then shows a settled queue.
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [raw] { return raw->started; });
    return raw;
}

int Workqueues::worker_main(void* arg) {
    auto* wq = static_cast<struct workqueue_struct*>(arg);
    Workqueues& self = kernel().workqueues;
    std::unique_lock lock(self.mutex_);
    for (;;) {
        wq->worker->set_state(TASK_INTERRUPTIBLE);  // idle: ps shows S
        if (!wq->started) {
            wq->started = true;
            self.changed_.notify_all();
        }
        self.changed_.wait(lock, [&] { return !wq->items.empty() || wq->stopping; });
        wq->worker->set_state(TASK_RUNNING);
        if (wq->items.empty()) return 0;  // stopping, and nothing left to run
        struct work_struct* w = wq->items.front();
        wq->items.pop_front();
        self.pending_.erase(w);
        wq->running = w;
        wq->running_ticket = ticket_of(w);
        work_func_t fn = w->func;
        lock.unlock();
        run_trapped(OopsContext::WorkItem, [&] { fn(w); });  // may free w: not touched after this
        lock.lock();
        self.outstanding_.erase(wq->running_ticket);
        wq->running = nullptr;
        self.changed_.notify_all();
    }
}

void Workqueues::enqueue_locked(struct workqueue_struct* wq, struct work_struct* w) {
    uint64_t t = next_ticket_++;
    ticket_of(w) = t;
    outstanding_.insert(t);
    pending_[w] = wq;
    wq->items.push_back(w);
    changed_.notify_all();
}

bool Workqueues::queue(struct workqueue_struct* wq, struct work_struct* w) {
    if (!wq) {
        printk(KERN_WARNING "WARNING: queue_work() on a NULL workqueue\n");
        return false;
    }
    std::lock_guard lock(mutex_);
    if (pending_.count(w)) return false;  // queued once is enough
    if (wq->stopping) {
        printk(KERN_WARNING "WARNING: queue_work() on workqueue %s while it is being destroyed\n", wq->name.c_str());
        return false;
    }
    enqueue_locked(wq, w);
    return true;
}

bool Workqueues::mark_delayed(struct delayed_work* dw, struct workqueue_struct* wq) {
    std::lock_guard lock(mutex_);
    if (pending_.count(&dw->work)) return false;
    pending_[&dw->work] = nullptr;  // on its timer
    dw->wq = wq;
    return true;
}

void Workqueues::timer_fired(struct delayed_work* dw) {
    std::lock_guard lock(mutex_);
    auto it = pending_.find(&dw->work);
    if (it == pending_.end() || it->second) return;  // cancelled meanwhile
    pending_.erase(it);
    if (dw->wq && !dw->wq->stopping) enqueue_locked(dw->wq, &dw->work);
}

void Workqueues::remove_locked(struct work_struct* w) {
    auto it = pending_.find(w);
    if (it == pending_.end()) return;
    if (struct workqueue_struct* wq = it->second) {
        std::erase(wq->items, w);
        outstanding_.erase(ticket_of(w));
    }
    pending_.erase(it);
    changed_.notify_all();
}

const struct workqueue_struct* Workqueues::running_queue_locked(const struct work_struct* w) const {
    for (const auto& q : queues_)
        if (q->running == w) return q.get();
    return nullptr;
}

void Workqueues::wait_done_locked(std::unique_lock<std::mutex>& lock, uint64_t ticket) {
    changed_.wait(lock, [&] { return !outstanding_.count(ticket); });
}

// Waits for the item's latest queueing (or its run in progress) to finish.
bool Workqueues::flush_work(struct work_struct* w) {
    std::unique_lock lock(mutex_);
    uint64_t ticket = 0;
    if (auto it = pending_.find(w); it != pending_.end() && it->second) ticket = ticket_of(w);
    if (const struct workqueue_struct* q = running_queue_locked(w)) {
        if (current_task() == q->worker) {
            printk(KERN_WARNING "WARNING: flush_work() from the work item itself would wait forever; not waiting\n");
            return false;
        }
        ticket = std::max(ticket, q->running_ticket);
    }
    if (!ticket) return false;
    wait_done_locked(lock, ticket);
    return true;
}

void Workqueues::flush(struct workqueue_struct* wq) {
    if (!wq) return;
    std::unique_lock lock(mutex_);
    if (current_task() == wq->worker) {
        printk(KERN_WARNING "WARNING: flush_workqueue(%s) from its own worker would wait forever; not waiting\n",
               wq->name.c_str());
        return;
    }
    uint64_t last = next_ticket_ - 1;  // everything queued so far
    changed_.wait(lock, [&] { return outstanding_.empty() || *outstanding_.begin() > last; });
}

bool Workqueues::cancel(struct work_struct* w, bool sync) {
    std::unique_lock lock(mutex_);
    bool was_pending = pending_.count(w) != 0;
    remove_locked(w);
    if (sync) {
        const struct workqueue_struct* q = running_queue_locked(w);
        if (q && current_task() == q->worker) {
            printk(KERN_WARNING "WARNING: cancel_work_sync() from the work item itself; not waiting\n");
        } else if (q) {
            changed_.wait(lock, [&] { return !running_queue_locked(w); });
        }
    }
    return was_pending;
}

bool Workqueues::pending(const struct work_struct* w) const {
    std::lock_guard lock(mutex_);
    return pending_.count(w) != 0;
}

void Workqueues::destroy(struct workqueue_struct* wq) {
    if (!wq) return;
    {
        std::unique_lock lock(mutex_);
        wq->stopping = true;  // refuse new items; the worker drains the rest
        changed_.notify_all();
    }
    kthreads_.stop(wq->worker);  // returns once the worker has drained and left
    std::lock_guard lock(mutex_);
    queues_.remove_if([wq](const auto& p) { return p.get() == wq; });
}

std::vector<const void*> Workqueues::cancel_owned_by(const struct module* owner) {
    std::unique_lock lock(mutex_);
    std::vector<const void*> cancelled;
    std::vector<struct work_struct*> mine;
    for (const auto& [w, wq] : pending_)
        if (w->owner == owner) mine.push_back(const_cast<struct work_struct*>(w));
    for (struct work_struct* w : mine) {
        cancelled.push_back(reinterpret_cast<const void*>(w->func));
        remove_locked(w);
    }
    // Items of the owner that are running now: their code must stay mapped
    // until they return.
    changed_.wait(lock, [&] {
        return std::none_of(queues_.begin(), queues_.end(),
                            [&](const auto& q) { return q->running && q->running->owner == owner; });
    });
    return cancelled;
}

std::vector<std::string> Workqueues::destroy_owned_by(const struct module* owner) {
    std::vector<struct workqueue_struct*> mine;
    {
        std::lock_guard lock(mutex_);
        for (const auto& q : queues_)
            if (q->owner == owner) mine.push_back(q.get());
    }
    std::vector<std::string> names;
    for (struct workqueue_struct* wq : mine) {
        names.push_back(wq->name);
        destroy(wq);
    }
    return names;
}

void Workqueues::stop_all() {
    std::vector<struct workqueue_struct*> all;
    {
        std::lock_guard lock(mutex_);
        for (const auto& q : queues_) all.push_back(q.get());
    }
    std::reverse(all.begin(), all.end());  // newest first: system_wq goes last
    for (struct workqueue_struct* wq : all) destroy(wq);
}

}  // namespace sk

using sk::kernel;

extern "C" void delayed_work_timer_fn(struct timer_list* t) {
    kernel().workqueues.timer_fired(container_of(t, struct delayed_work, timer));
}
EXPORT_SYMBOL(delayed_work_timer_fn);

extern "C" struct workqueue_struct* sk_alloc_workqueue(struct module* owner, const char* fmt, unsigned int /*flags*/,
                                                        int max_active, ...) {
    if (sk::should_fail("alloc_workqueue", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return nullptr;  // fault injection
    char name[64];
    va_list ap;
    va_start(ap, max_active);
    sk_vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    return kernel().workqueues.create(owner, name);
}
EXPORT_SYMBOL_GPL(sk_alloc_workqueue);

extern "C" void destroy_workqueue(struct workqueue_struct* wq) { kernel().workqueues.destroy(wq); }
EXPORT_SYMBOL_GPL(destroy_workqueue);
extern "C" void flush_workqueue(struct workqueue_struct* wq) { kernel().workqueues.flush(wq); }
EXPORT_SYMBOL(flush_workqueue);
extern "C" bool queue_work(struct workqueue_struct* wq, struct work_struct* work) {
    return kernel().workqueues.queue(wq, work);
}
EXPORT_SYMBOL(queue_work);

extern "C" bool queue_delayed_work(struct workqueue_struct* wq, struct delayed_work* dwork, unsigned long delay) {
    if (!delay) return queue_work(wq, &dwork->work);
    if (!kernel().workqueues.mark_delayed(dwork, wq)) return false;
    mod_timer(&dwork->timer, sk::jiffies_now() + delay);
    return true;
}
EXPORT_SYMBOL(queue_delayed_work);

extern "C" bool mod_delayed_work(struct workqueue_struct* wq, struct delayed_work* dwork, unsigned long delay) {
    bool was = cancel_delayed_work(dwork);
    queue_delayed_work(wq, dwork, delay);
    return was;
}
EXPORT_SYMBOL(mod_delayed_work);

extern "C" bool flush_work(struct work_struct* work) { return kernel().workqueues.flush_work(work); }
EXPORT_SYMBOL(flush_work);

extern "C" bool flush_delayed_work(struct delayed_work* dwork) {
    // Still on its timer: queue it now instead of waiting for the timer.
    if (del_timer_sync(&dwork->timer)) delayed_work_timer_fn(&dwork->timer);
    return flush_work(&dwork->work);
}
EXPORT_SYMBOL(flush_delayed_work);

extern "C" bool cancel_work(struct work_struct* work) { return kernel().workqueues.cancel(work, false); }
EXPORT_SYMBOL(cancel_work);
extern "C" bool cancel_work_sync(struct work_struct* work) { return kernel().workqueues.cancel(work, true); }
EXPORT_SYMBOL(cancel_work_sync);

extern "C" bool cancel_delayed_work(struct delayed_work* dwork) {
    bool on_timer = del_timer(&dwork->timer);
    return kernel().workqueues.cancel(&dwork->work, false) || on_timer;
}
EXPORT_SYMBOL(cancel_delayed_work);

extern "C" bool cancel_delayed_work_sync(struct delayed_work* dwork) {
    bool on_timer = del_timer_sync(&dwork->timer);
    return kernel().workqueues.cancel(&dwork->work, true) || on_timer;
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

extern "C" bool work_pending(const struct work_struct* work) { return kernel().workqueues.pending(work); }
EXPORT_SYMBOL(work_pending);
