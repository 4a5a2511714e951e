// watchdog.cpp - soft lockups, hung tasks, and ending a task stuck in
// module code (kernel/watchdog.c and kernel/hung_task.c in Linux).
#include <simkernel/host_thread.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/watchdog.hpp>
#include <uapi/simkernel/syscall.h>  // kTerminatingSignals

#include <execinfo.h>
#include <pthread.h>
#include <signal.h>
#include <ucontext.h>

#include <fmt/format.h>

#include <chrono>
#include <csignal>

namespace sk {

namespace {

constexpr unsigned TAINT_SOFTLOCKUP = 14;  // L

unsigned long fatal_signals() {
    unsigned long mask = 0;
    for (int sig : kTerminatingSignals) mask |= 1UL << sig;
    return mask;
}

int first_fatal_signal(const Task& t) {
    unsigned long pending = t.sigpending.load();
    for (int sig : kTerminatingSignals)
        if (pending & (1UL << sig)) return sig;
    return 0;
}

// On the task's own thread: answer the watchdog, and unwind if told to.
void on_watchdog_signal(int, siginfo_t*, void* uctx) {
    Task* t = current_task();
    if (!t || !uctx) return;
    auto ip = static_cast<uintptr_t>(static_cast<ucontext_t*>(uctx)->uc_mcontext.gregs[REG_RIP]);
    if (t->sample_state.load(std::memory_order_acquire) == 1) {
        void* raw[40];
        int n = backtrace(raw, 40);
        int first = 0;
        while (first < n && reinterpret_cast<uintptr_t>(raw[first]) != ip) ++first;
        t->sample_ip = ip;
        t->sample_nframes = 0;
        for (int i = first + 1; i < n && t->sample_nframes < 32; ++i) t->sample_frames[t->sample_nframes++] = raw[i];
        t->sample_state.store(2, std::memory_order_release);
    }
    uintptr_t lo = t->force_lo.load(), hi = t->force_hi.load();
    if (lo && ip >= lo && ip < hi && in_trap_scope()) {
        t->force_lo.store(0);
        t->force_hi.store(0);
        KernelFault f;
        f.kind = FaultKind::SoftLockup;
        f.ip = ip;
        f.signo = first_fatal_signal(*t);
        throw f;  // from module code: its unwind tables take it out
    }
}

// The code range of the module that holds ip, or false.
bool module_range(Kernel& k, uintptr_t ip, uintptr_t* lo, uintptr_t* hi) {
    for (Module* m : k.modules.all()) {
        if (ip >= m->base && ip < m->base + m->size) {
            *lo = m->base;
            *hi = m->base + m->size;
            return true;
        }
    }
    return false;
}

}  // namespace

void watchdog_signal_init() {
    struct sigaction sa {};
    sa.sa_sigaction = on_watchdog_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(watchdog_signal(), &sa, nullptr);
}

bool sample_task(Task& t, uintptr_t* ip, void** frames, int* nframes) {
    unsigned long thread = t.host_thread.load();
    if (!thread) return false;
    t.sample_state.store(1, std::memory_order_release);
    if (pthread_kill(static_cast<pthread_t>(thread), watchdog_signal()) != 0) {
        t.sample_state.store(0);
        return false;
    }
    for (int i = 0; i < 100 && t.sample_state.load(std::memory_order_acquire) != 2; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    bool answered = t.sample_state.exchange(0) == 2;
    if (answered) {
        *ip = t.sample_ip;
        *nframes = t.sample_nframes;
        for (int i = 0; i < t.sample_nframes; ++i) frames[i] = t.sample_frames[i];
    }
    return answered;
}

Watchdog::Watchdog(Kernel& k) : k_(k) {
    static std::once_flag once;
    std::call_once(once, watchdog_signal_init);
    thread_ = start_kernel_thread([this] { run(); });
}

void Watchdog::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Watchdog::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(kTickMs), [this] { return stopping_; })) {
        lock.unlock();
        std::map<const Task*, Sample> next;
        k_.tasks.for_each([&](Task* t) {
            Sample s = samples_.count(t) ? samples_[t] : Sample{};
            check(*t, s);
            next[t] = s;
        });
        samples_.swap(next);  // tasks that exited are forgotten
        lock.lock();
    }
}

// One tick for one task (under the task table's lock).
void Watchdog::check(Task& t, Sample& s) {
    bool in_kernel = t.kthread || t.in_syscall.load() > 0;
    unsigned long seq = t.switches.load();
    long state = t.state();
    if (!in_kernel || seq != s.seq || (state != TASK_RUNNING && state != TASK_UNINTERRUPTIBLE)) {
        s = Sample{};
        s.seq = seq;
        return;
    }
    if (state == TASK_RUNNING) {
        s.blocked_ticks = 0;
        ++s.running_ticks;
        int lockup_ticks = 2 * watchdog_thresh.load() * 1000 / kTickMs;
        if (watchdog_thresh.load() > 0 && s.running_ticks >= lockup_ticks && !s.lockup_reported) {
            s.lockup_reported = true;
            uintptr_t ip = 0;
            void* frames[32];
            int n = 0;
            bool sampled = sample_task(t, &ip, frames, &n);
            report_stuck_task(t, fmt::format("watchdog: BUG: soft lockup - CPU#0 stuck for {}s! [{}:{}]",
                                             s.running_ticks * kTickMs / 1000, t.comm, t.pid),
                              sampled ? ip : 0, frames, n);
            k_.add_taint(TAINT_SOFTLOCKUP);
        }
        // Better than Linux: a fatal signal ends a loop in module code.
        if (s.running_ticks >= 2 && !t.kthread && (t.sigpending.load() & fatal_signals())) {
            uintptr_t ip = 0, lo = 0, hi = 0;
            void* frames[32];
            int n = 0;
            if (sample_task(t, &ip, frames, &n) && module_range(k_, ip, &lo, &hi)) {
                t.force_lo.store(lo);
                t.force_hi.store(hi);
                pthread_kill(static_cast<pthread_t>(t.host_thread.load()), watchdog_signal());
            }
        }
        return;
    }
    s.running_ticks = 0;
    ++s.blocked_ticks;
    int timeout = hung_task_timeout_secs.load();
    if (timeout > 0 && s.blocked_ticks * kTickMs >= timeout * 1000 && !s.hung_reported) {
        s.hung_reported = true;
        uintptr_t ip = 0;
        void* frames[32];
        int n = 0;
        bool sampled = sample_task(t, &ip, frames, &n);
        report_hung_task(t, timeout, sampled ? ip : 0, frames, n);
    }
}

}  // namespace sk
