// timers.hpp - struct timer_list: functions run at a jiffies value, on one
// kernel thread (Linux's timer softirq).
#pragma once

#include <simkernel/kapi.h>

#include <linux/timer.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace sk {

class LogBuffer;

// jiffies now: INITIAL_JIFFIES plus HZ per second since boot.
unsigned long jiffies_now();
// True in softirq context: on the timer thread, or in a tasklet's function
// (softirq.cpp). Code there must not sleep.
bool in_timer_callback();

class TimerBase {
public:
    TimerBase();
    ~TimerBase() { stop(); }
    TimerBase(const TimerBase&) = delete;
    TimerBase& operator=(const TimerBase&) = delete;

    int mod(struct timer_list* t, unsigned long expires);  // 1 if it was pending
    int del(struct timer_list* t, bool sync);              // 1 if it was pending
    bool pending(const struct timer_list* t) const;
    // Ends the thread (after a running function returns); pending timers
    // never fire. At shutdown, once no module is left to own one.
    void stop();
    // Deletes (and waits for) the owner's timers; returns them, for the
    // warning (their memory is still the owner's).
    std::vector<struct timer_list*> release_owned_by(const struct module* owner);
    // Deletes the pending timers inside [p, p + size): memory being freed.
    std::vector<const void*> release_in_range(const void* p, size_t size);

private:
    using Clock = std::chrono::steady_clock;
    void run();
    void dequeue_locked(struct timer_list* t);
    void wait_not_running_locked(std::unique_lock<std::mutex>& lock, const struct timer_list* t);

    mutable std::mutex mutex_;
    std::condition_variable wake_;      // the thread: a timer was added, or stop
    std::condition_variable finished_;  // del_timer_sync: a callback returned
    std::multimap<Clock::time_point, struct timer_list*> queue_;
    std::unordered_map<const struct timer_list*, decltype(queue_)::iterator> where_;
    // queue_.size(), readable without the lock: kfree's fast path.
    std::atomic<size_t> pending_count_{0};
    const struct timer_list* running_ = nullptr;
    bool stopping_ = false;
    std::thread thread_;  // last: started once the rest is ready
};

}  // namespace sk
