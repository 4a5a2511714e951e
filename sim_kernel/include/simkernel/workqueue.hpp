// workqueue.hpp - work queues: work items run later by a worker kernel
// thread of their queue.
#pragma once

#include <simkernel/kapi.h>

#include <linux/workqueue.h>

#include <condition_variable>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace sk {

class KThreads;

class Workqueues {
public:
    // Out of line: workqueue_struct is complete only in workqueue.cpp.
    explicit Workqueues(KThreads& kthreads);
    ~Workqueues();

    // nullptr if no worker thread could be made.
    struct workqueue_struct* create(const struct module* owner, std::string name);
    void destroy(struct workqueue_struct* wq);  // runs what is queued, then stops
    bool queue(struct workqueue_struct* wq, struct work_struct* w);
    void flush(struct workqueue_struct* wq);
    bool flush_work(struct work_struct* w);
    bool cancel(struct work_struct* w, bool sync);
    bool pending(const struct work_struct* w) const;

    // Delayed work: "pending" while its timer runs, then queued by it.
    bool mark_delayed(struct delayed_work* dw, struct workqueue_struct* wq);
    void timer_fired(struct delayed_work* dw);

    // Cancels the owner's items (waiting for running ones) and destroys its
    // queues; returns the items' functions and the queues' names.
    std::vector<const void*> cancel_owned_by(const struct module* owner);
    std::vector<std::string> destroy_owned_by(const struct module* owner);
    void stop_all();  // shutdown: every queue, system_wq last

private:
    static int worker_main(void* wq);
    void enqueue_locked(struct workqueue_struct* wq, struct work_struct* w);
    void remove_locked(struct work_struct* w);
    void wait_done_locked(std::unique_lock<std::mutex>& lock, uint64_t ticket);
    const struct workqueue_struct* running_queue_locked(const struct work_struct* w) const;

    KThreads& kthreads_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;  // something was queued, run or removed
    std::list<std::unique_ptr<struct workqueue_struct>> queues_;
    // Items pending: on a queue, or (nullptr) on their delayed_work timer.
    std::unordered_map<const struct work_struct*, struct workqueue_struct*> pending_;
    // Each queueing gets a ticket; a ticket stays here until its run ends or
    // it is cancelled. A flush waits for the tickets issued before it.
    std::set<uint64_t> outstanding_;
    uint64_t next_ticket_ = 1;
};

}  // namespace sk
