// softirq.cpp - tasklets (kernel/softirq.c's tasklet_action and friends).
//
// Scheduled tasklets wait in two queues, the high-priority one first (Linux's
// HI_SOFTIRQ before TASKLET_SOFTIRQ). One kernel thread takes the first whose
// count is 0, clears its SCHED bit (so the function may schedule it again)
// and runs it with the lock dropped, the RUN bit set. A disabled tasklet
// stays queued until tasklet_enable(). The thread is softirq context: might
// sleep checks and "scheduling while atomic" apply, as on the timer thread.
#include <simkernel/kernel.hpp>
#include <simkernel/host_thread.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/softirq.hpp>
#include <simkernel/timers.hpp>

#include <algorithm>
#include <simkernel/export.hpp>

namespace sk {

namespace {
thread_local bool running_tasklet = false;

void set_bit_in(unsigned long* word, int bit) { __atomic_fetch_or(word, 1UL << bit, __ATOMIC_SEQ_CST); }
void clear_bit_in(unsigned long* word, int bit) { __atomic_fetch_and(word, ~(1UL << bit), __ATOMIC_SEQ_CST); }
bool test_and_set_bit_in(unsigned long* word, int bit) {
    return __atomic_fetch_or(word, 1UL << bit, __ATOMIC_SEQ_CST) & (1UL << bit);
}
int count_of(const struct tasklet_struct* t) { return __atomic_load_n(&t->count.counter, __ATOMIC_SEQ_CST); }
}  // namespace

bool in_tasklet() { return running_tasklet; }

const char* softirq_what() {
    if (running_tasklet) return "a tasklet";
    if (in_timer_callback()) return "a timer callback";
    return nullptr;
}

const void* tasklet_function(const struct tasklet_struct* t) {
    return t->use_callback ? reinterpret_cast<const void*>(t->callback) : reinterpret_cast<const void*>(t->func);
}

TaskletQueue::TaskletQueue() : thread_(start_kernel_thread([this] { run(); })) {}

void TaskletQueue::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void TaskletQueue::schedule(struct tasklet_struct* t, struct module* caller, bool hi) {
    if (test_and_set_bit_in(&t->state, TASKLET_STATE_SCHED)) return;  // queued already: runs once
    std::lock_guard lock(mutex_);
    if (!t->owner) t->owner = caller;  // set up by hand, not by tasklet_init: the scheduler owns it
    (hi ? hi_ : normal_).push_back(t);
    pending_.store(hi_.size() + normal_.size(), std::memory_order_relaxed);
    wake_.notify_all();
}

void TaskletQueue::enable(struct tasklet_struct* t) {
    if (__atomic_sub_fetch(&t->count.counter, 1, __ATOMIC_SEQ_CST) < 0)
        printk(KERN_WARNING "WARNING: tasklet_enable() of a tasklet that was not disabled (count is now %d)\n",
               count_of(t));
    std::lock_guard lock(mutex_);
    wake_.notify_all();
}

struct tasklet_struct* TaskletQueue::take_runnable_locked() {
    for (auto* q : {&hi_, &normal_}) {
        auto it = std::find_if(q->begin(), q->end(), [](const struct tasklet_struct* t) { return count_of(t) == 0; });
        if (it == q->end()) continue;
        struct tasklet_struct* t = *it;
        q->erase(it);
        pending_.store(hi_.size() + normal_.size(), std::memory_order_relaxed);
        return t;
    }
    return nullptr;
}

void TaskletQueue::wait_not_running_locked(std::unique_lock<std::mutex>& lock, const struct tasklet_struct* t) {
    if (running_ == t && running_tasklet) {
        printk(KERN_WARNING "WARNING: a tasklet waited for itself to finish (tasklet_kill or tasklet_disable "
                            "in its own function); not waiting\n");
        return;
    }
    finished_.wait(lock, [&] { return running_ != t; });
}

void TaskletQueue::kill(struct tasklet_struct* t) {
    if (softirq_what() || (in_hardirq)()) printk(KERN_NOTICE "Attempt to kill tasklet from interrupt\n");
    std::unique_lock lock(mutex_);
    auto queued = [&] {
        return std::find(hi_.begin(), hi_.end(), t) != hi_.end() ||
               std::find(normal_.begin(), normal_.end(), t) != normal_.end();
    };
    if (queued() && count_of(t) != 0) {
        // Linux waits for it to run, which a disabled tasklet never does.
        printk(KERN_WARNING "WARNING: tasklet_kill() of a disabled tasklet that is scheduled (function %s): "
                            "Linux would wait here forever; simkernel removed it without running it\n",
               describe_code_address(tasklet_function(t)).c_str());
        std::erase(hi_, t);
        std::erase(normal_, t);
        pending_.store(hi_.size() + normal_.size(), std::memory_order_relaxed);
    } else if (!(running_ == t && running_tasklet)) {
        finished_.wait(lock, [&] { return !queued() || stopping_; });  // as Linux: let it run first
    }
    wait_not_running_locked(lock, t);
    clear_bit_in(&t->state, TASKLET_STATE_SCHED);
}

void TaskletQueue::unlock_wait(struct tasklet_struct* t) {
    std::unique_lock lock(mutex_);
    wait_not_running_locked(lock, t);
}

std::vector<struct tasklet_struct*> TaskletQueue::remove_locked(
    bool (*match)(const struct tasklet_struct*, const void*), const void* arg) {
    std::vector<struct tasklet_struct*> removed;
    for (auto* q : {&hi_, &normal_}) {
        std::erase_if(*q, [&](struct tasklet_struct* t) {
            if (!match(t, arg)) return false;
            clear_bit_in(&t->state, TASKLET_STATE_SCHED);
            removed.push_back(t);
            return true;
        });
    }
    pending_.store(hi_.size() + normal_.size(), std::memory_order_relaxed);
    if (!removed.empty()) finished_.notify_all();  // a tasklet_kill waiting on one
    return removed;
}

std::vector<struct tasklet_struct*> TaskletQueue::release_owned_by(const struct module* owner) {
    std::unique_lock lock(mutex_);
    std::vector<struct tasklet_struct*> released;
    auto owned_running = [&] { return running_ && running_->owner == owner; };
    // A function of the owner may be running and schedule its tasklet again:
    // let it return, remove, and look again until neither is left.
    do {
        finished_.wait(lock, [&] { return !owned_running(); });
        for (struct tasklet_struct* t : remove_locked(
                 [](const struct tasklet_struct* t, const void* o) { return t->owner == o; }, owner))
            if (std::find(released.begin(), released.end(), t) == released.end()) released.push_back(t);
    } while (owned_running());
    return released;
}

std::vector<struct tasklet_struct*> TaskletQueue::release_in_range(const void* p, size_t size) {
    if (pending_.load(std::memory_order_relaxed) == 0) return {};  // kfree's usual case: one load
    struct Range {
        const char* lo;
        size_t size;
    } range{static_cast<const char*>(p), size};
    std::unique_lock lock(mutex_);
    return remove_locked(
        [](const struct tasklet_struct* t, const void* r) {
            auto* range = static_cast<const Range*>(r);
            auto* at = reinterpret_cast<const char*>(t);
            return at >= range->lo && at < range->lo + range->size;
        },
        &range);
}

void TaskletQueue::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        struct tasklet_struct* t = take_runnable_locked();
        if (!t) {
            wake_.wait(lock);
            continue;
        }
        set_bit_in(&t->state, TASKLET_STATE_RUN);
        clear_bit_in(&t->state, TASKLET_STATE_SCHED);  // from here it may be scheduled again
        running_ = t;
        lock.unlock();
        running_tasklet = true;
        run_trapped(OopsContext::Tasklet, [&] {
            if (t->use_callback)
                t->callback(t);
            else
                t->func(t->data);
        });  // an Oops drops this call; the tasklets go on
        running_tasklet = false;
        lock.lock();
        clear_bit_in(&t->state, TASKLET_STATE_RUN);
        running_ = nullptr;
        finished_.notify_all();
    }
}

}  // namespace sk

using sk::kernel;

extern "C" void sk_tasklet_init(struct module* owner, struct tasklet_struct* t, void (*func)(unsigned long),
                                unsigned long data) {
    t->next = nullptr;
    t->state = 0;
    t->count.counter = 0;
    t->use_callback = false;
    t->func = func;
    t->data = data;
    t->owner = owner;
}
EXPORT_SYMBOL(sk_tasklet_init);

extern "C" void sk_tasklet_setup(struct module* owner, struct tasklet_struct* t,
                                 void (*callback)(struct tasklet_struct*)) {
    sk_tasklet_init(owner, t, nullptr, 0);
    t->use_callback = true;
    t->callback = callback;
}
EXPORT_SYMBOL(sk_tasklet_setup);

extern "C" void sk_tasklet_schedule(struct module* caller, struct tasklet_struct* t, int hi) {
    kernel().tasklets.schedule(t, caller, hi != 0);
}
EXPORT_SYMBOL(sk_tasklet_schedule);

extern "C" void sk_tasklet_enable(struct tasklet_struct* t) { kernel().tasklets.enable(t); }
EXPORT_SYMBOL(sk_tasklet_enable);
extern "C" void tasklet_kill(struct tasklet_struct* t) { kernel().tasklets.kill(t); }
EXPORT_SYMBOL(tasklet_kill);
extern "C" void tasklet_unlock_wait(struct tasklet_struct* t) { kernel().tasklets.unlock_wait(t); }
EXPORT_SYMBOL(tasklet_unlock_wait);
