// signal.cpp - what a task does with signals: ignore (rt_sigaction), block
// (rt_sigprocmask), look (rt_sigpending) and take them (rt_sigtimedwait),
// as kernel/signal.c. Sending is kill(2) (sys_misc.cpp); delivering, the
// default action on the way out of a system call (syscall_table.cpp).
//
// A user-space sigset's bit (sig - 1) is signal sig; the task keeps bit sig.
// One difference from Linux, for the shell's sake: a task may block SIGKILL
// too. The shell's own code must never be unwound half-way, so every signal
// waits, pending, until the shell looks between commands.
#include "ksys.hpp"

#include <simkernel/kernel.hpp>

#include <linux/sched.h>

#include <csignal>
#include <uapi/simkernel/syscall.h>

namespace sk {
namespace {

constexpr size_t kSigsetSize = sizeof(unsigned long);  // 64 signals

unsigned long from_user_set(unsigned long set) { return set << 1; }
unsigned long to_user_set(unsigned long bits) { return bits >> 1; }

long get_set(Task& t, const unsigned long* uset, unsigned long* out) {
    UserWindow w(t, uset, sizeof *uset);
    if (copy_from_user(out, uset, sizeof *out)) return -EFAULT;
    *out = from_user_set(*out);
    return 0;
}

long put_set(Task& t, unsigned long* uset, unsigned long bits) {
    unsigned long v = to_user_set(bits);
    UserWindow w(t, uset, sizeof *uset);
    return copy_to_user(uset, &v, sizeof v) ? -EFAULT : 0;
}

}  // namespace

long ksys_rt_sigaction(Task& t, int sig, const struct sk_kernel_sigaction* uact,
                       struct sk_kernel_sigaction* uoact, size_t sigsetsize) {
    if (sigsetsize != kSigsetSize) return -EINVAL;
    if (sig < 1 || sig >= 64) return -EINVAL;
    unsigned long bit = 1UL << sig;
    if (uoact) {
        struct sk_kernel_sigaction old {};
        old.handler = (t.sigignored.load() & bit) ? 1 : 0;
        UserWindow w(t, uoact, sizeof *uoact);
        if (copy_to_user(uoact, &old, sizeof old)) return -EFAULT;
    }
    if (!uact) return 0;
    struct sk_kernel_sigaction act;
    {
        UserWindow w(t, uact, sizeof *uact);
        if (copy_from_user(&act, uact, sizeof act)) return -EFAULT;
    }
    if (sig == SIGKILL || sig == SIGSTOP) return -EINVAL;
    // A handler would need a signal frame in the program: simkernel runs
    // programs as host code and cannot enter one.
    if (act.handler > 1) return -EINVAL;
    if (act.handler == 1) {
        t.sigignored.fetch_or(bit);
        t.sigpending.fetch_and(~bit);  // a pending signal set to SIG_IGN is discarded
    } else {
        t.sigignored.fetch_and(~bit);
    }
    return 0;
}

long ksys_rt_sigprocmask(Task& t, int how, const unsigned long* uset, unsigned long* uoset, size_t sigsetsize) {
    if (sigsetsize != kSigsetSize) return -EINVAL;
    unsigned long old = t.sigblocked.load();
    unsigned long set = 0;
    if (uset) {
        if (long err = get_set(t, uset, &set)) return err;
        if (how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK) return -EINVAL;
    }
    if (uoset)
        if (long err = put_set(t, uoset, old)) return err;
    if (!uset) return 0;
    unsigned long now = how == SIG_BLOCK ? old | set : how == SIG_UNBLOCK ? old & ~set : set;
    t.sigblocked.store(now);
    return 0;
}

long ksys_rt_sigpending(Task& t, unsigned long* uset, size_t sigsetsize) {
    if (sigsetsize > kSigsetSize) return -EINVAL;
    return put_set(t, uset, t.sigpending.load() & t.sigblocked.load());
}

// Takes the lowest pending signal of the set: its number. With a zero
// timeout it only looks (-EAGAIN if none); else it sleeps until one comes,
// the time passes (-EAGAIN) or another signal interrupts it.
long ksys_rt_sigtimedwait(Task& t, const unsigned long* uset, void* uinfo, const struct timespec* uts,
                          size_t sigsetsize) {
    if (sigsetsize != kSigsetSize) return -EINVAL;
    unsigned long set = 0;
    if (long err = get_set(t, uset, &set)) return err;
    long ticks = MAX_SCHEDULE_TIMEOUT;
    if (uts) {
        struct timespec ts;
        UserWindow w(t, uts, sizeof ts);
        if (copy_from_user(&ts, uts, sizeof ts)) return -EFAULT;
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L) return -EINVAL;
        ticks = ts.tv_sec * HZ + (ts.tv_nsec * HZ + 999999999L) / 1000000000L;
    }
    for (;;) {
        set_current_state_fn(TASK_INTERRUPTIBLE);  // a signal from now on wakes us
        unsigned long got = t.sigpending.load() & set;
        if (got) {
            set_current_state_fn(TASK_RUNNING);
            int sig = __builtin_ctzl(got);
            t.sigpending.fetch_and(~(1UL << sig));
            if (uinfo) {
                siginfo_t info {};
                info.si_signo = sig;
                UserWindow w(t, uinfo, sizeof info);
                if (copy_to_user(uinfo, &info, sizeof info)) return -EFAULT;
            }
            return sig;
        }
        if (t.has_signal()) {
            set_current_state_fn(TASK_RUNNING);
            return -EINTR;
        }
        if (ticks == 0) {
            set_current_state_fn(TASK_RUNNING);
            return -EAGAIN;
        }
        ticks = schedule_timeout(ticks);
    }
}

}  // namespace sk
