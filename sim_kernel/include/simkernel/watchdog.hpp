// watchdog.hpp - the soft-lockup and hung-task detectors (kernel/watchdog.c,
// kernel/hung_task.c in Linux), and the end of a task stuck in module code.
//
// A thread samples every task four times a second. A task that stays
// running inside the kernel, without sleeping or leaving, for twice
// /proc/sys/kernel/watchdog_thresh seconds is in a soft lockup; one asleep
// uninterruptibly for /proc/sys/kernel/hung_task_timeout_secs is hung.
// Both are reported once per stall, in Linux's words.
//
// Better than Linux: a task stuck in a loop in module code that gets a
// fatal signal (Ctrl-C, kill -9) is ended: the watchdog interrupts its
// thread, and if it is still inside the module's code the call is unwound
// as after an Oops, with a line in the log that says it was forced.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace sk {

class Kernel;
struct Task;

class Watchdog {
public:
    static constexpr int kTickMs = 250;

    explicit Watchdog(Kernel& k);
    ~Watchdog() { stop(); }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;
    void stop();

    std::atomic<int> watchdog_thresh{10};           // seconds; a soft lockup after twice this
    std::atomic<int> hung_task_timeout_secs{120};   // 0: never report

private:
    struct Sample {
        unsigned long seq = 0;       // the task's kernel entries and sleeps, last tick
        int running_ticks = 0;       // ticks it stayed running without either
        int blocked_ticks = 0;       // ticks it stayed asleep uninterruptibly
        bool lockup_reported = false;
        bool hung_reported = false;
    };
    void run();
    void check(Task& t, Sample& s);

    Kernel& k_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::map<const Task*, Sample> samples_;  // only the watchdog thread touches it
    std::thread thread_;
};

// The part of the watchdog that runs on the stuck task's own thread, from
// a signal: where it is (for the report), and, if asked, the forced end.
void watchdog_signal_init();
bool sample_task(Task& t, uintptr_t* ip, void** frames, int* nframes);  // waits briefly for the thread

}  // namespace sk
