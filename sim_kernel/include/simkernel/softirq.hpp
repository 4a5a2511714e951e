// softirq.hpp - tasklets (kernel/softirq.c): functions an interrupt handler
// defers, run soon after on one kernel thread in softirq context.
#pragma once

#include <simkernel/kapi.h>

#include <linux/interrupt.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace sk {

// True while a tasklet's function runs on this thread: it must not sleep.
bool in_tasklet();
// What runs in softirq context on this thread, for messages ("a timer
// callback", "a tasklet"), or nullptr outside softirq context.
const char* softirq_what();
// The function a tasklet calls (func or callback), for messages.
const void* tasklet_function(const struct tasklet_struct* t);

class TaskletQueue {
public:
    TaskletQueue();
    ~TaskletQueue() { stop(); }
    TaskletQueue(const TaskletQueue&) = delete;
    TaskletQueue& operator=(const TaskletQueue&) = delete;

    // Queues it unless it is scheduled already (Linux's TASKLET_STATE_SCHED).
    void schedule(struct tasklet_struct* t, struct module* caller, bool hi);
    void enable(struct tasklet_struct* t);  // count drops; run it if it waits
    void kill(struct tasklet_struct* t);    // waits until it ran, and is not running
    void unlock_wait(struct tasklet_struct* t);
    // Removes the owner's scheduled tasklets, after its running one returns;
    // returns them, for the warning.
    std::vector<struct tasklet_struct*> release_owned_by(const struct module* owner);
    // Removes the scheduled tasklets inside [p, p + size): memory being freed.
    std::vector<struct tasklet_struct*> release_in_range(const void* p, size_t size);
    void stop();

private:
    void run();
    struct tasklet_struct* take_runnable_locked();  // hi first; skips disabled ones
    void wait_not_running_locked(std::unique_lock<std::mutex>& lock, const struct tasklet_struct* t);
    std::vector<struct tasklet_struct*> remove_locked(bool (*match)(const struct tasklet_struct*, const void*),
                                                      const void* arg);

    std::mutex mutex_;
    std::condition_variable wake_;      // the thread: a tasklet was scheduled or enabled, or stop
    std::condition_variable finished_;  // kill, unlock_wait: a function returned
    std::deque<struct tasklet_struct*> hi_, normal_;
    std::atomic<size_t> pending_{0};  // hi_.size() + normal_.size(), readable without the lock: kfree's fast path
    const struct tasklet_struct* running_ = nullptr;
    bool stopping_ = false;
    std::thread thread_;  // last: started once the rest is ready
};

}  // namespace sk
