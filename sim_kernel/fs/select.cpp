// select.cpp - poll(2), select(2), ppoll(2), pselect6(2) (fs/select.c).
//
// Each call asks every file's driver, through f_op->poll, which events are
// true now. On the first pass the poll_table's queue function is set: each
// poll_wait() the driver makes puts the task on that wait queue. If nothing
// is ready, the task sleeps until a driver's wake_up() on one of those
// queues, a signal (EINTR), or the timeout; then it asks every driver again,
// without joining any queue twice. On the way out it leaves every queue.
#include "ksys.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/module_calls.hpp>
#include <simkernel/vfs.hpp>

#include <linux/jiffies.h>
#include <linux/poll.h>

#include <csignal>
#include <deque>
#include <memory>
#include <vector>

namespace sk {
namespace {

// Linux's struct pollfd (uapi/asm-generic/poll.h).
struct user_pollfd {
    int fd;
    short events;
    short revents;
};

// What a file without ->poll answers: always ready (regular files).
constexpr __poll_t DEFAULT_POLLMASK = EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM;

// One wait queue the task joined (poll_table_entry in Linux).
struct PollEntry {
    struct wait_queue_entry wait {};
    wait_queue_head_t* head = nullptr;
};

struct PollWqueues;

// The poll_table handed to drivers, first in a standard-layout struct so
// that pollwait() gets back from it to its PollWqueues (container_of).
struct PollTable {
    poll_table pt;
    PollWqueues* owner;
};

// The task's poll_table and every queue it joined (struct poll_wqueues).
struct PollWqueues {
    PollTable table {{}, this};
    poll_table& pt = table.pt;
    Task* task = nullptr;
    std::vector<std::unique_ptr<PollEntry>> entries;
    // Each module whose file is polled counts the task as inside it until
    // the call ends, so rmmod -f interrupts the poll (EINTR) instead of
    // freeing the wait queues the task is on.
    std::deque<ModuleCall> calls;

    ~PollWqueues() {  // poll_freewait: leave every queue
        for (auto& e : entries) {
            spin_lock(&e->head->lock);
            if (!list_empty(&e->wait.entry)) list_del_init(&e->wait.entry);
            spin_unlock(&e->head->lock);
        }
    }
};

// poll_wait()'s work on the first pass (__pollwait): join the queue.
void pollwait(struct file*, wait_queue_head_t* head, poll_table* pt) {
    PollWqueues* pw = reinterpret_cast<PollTable*>(pt)->owner;
    auto e = std::make_unique<PollEntry>();
    e->head = head;
    e->wait.private_ = pw->task;  // __wake_up wakes it
    INIT_LIST_HEAD(&e->wait.entry);
    spin_lock(&head->lock);
    list_add_tail(&e->wait.entry, &head->head);
    spin_unlock(&head->lock);
    pw->entries.push_back(std::move(e));
}

// vfs_poll: what the driver says, or the default for a file without ->poll.
__poll_t file_poll(PollWqueues& pw, struct file* f, __poll_t events, bool first_pass) {
    if (first_pass && !pw.calls.emplace_back(file_module(f))) return EPOLLERR | EPOLLHUP;
    if (module_closed(file_module(f))) return EPOLLERR | EPOLLHUP;
    const struct file_operations* fop = file_fops(f);
    if (!fop || !fop->poll) return DEFAULT_POLLMASK;
    pw.pt._key = events | EPOLLERR | EPOLLHUP;
    return fop->poll(f, &pw.pt);
}

// Forgets a wake-up that came before this pass: the pass itself will see
// what it announced. A wake-up after it ends the coming sleep at once.
void clear_wakeup(Task& t) {
    std::lock_guard lock(t.sleep_mutex);
    t.woken = false;
}

// Sleeps for at most *left jiffies (MAX_SCHEDULE_TIMEOUT: no limit).
void poll_sleep(Task& t, long* left) {
    t.set_state(TASK_INTERRUPTIBLE);  // not set_current_state: it would forget a wake-up
    *left = schedule_timeout(*left);
}

// One pass over the pollfds: fills revents, returns how many are ready.
int poll_pass(Task& t, PollWqueues& pw, std::vector<user_pollfd>& fds, bool first_pass) {
    int count = 0;
    for (user_pollfd& p : fds) {
        p.revents = 0;
        if (p.fd < 0) continue;  // ignored, as Linux ignores it
        struct file* f = t.files.get(p.fd);
        __poll_t mask = EPOLLNVAL;
        if (f) {
            __poll_t events = static_cast<unsigned short>(p.events);
            mask = file_poll(pw, f, events, first_pass) & (events | EPOLLERR | EPOLLHUP);
            if (mask) pw.pt._qproc = nullptr;  // something is ready: no need to wait on the rest
        }
        p.revents = static_cast<short>(mask);
        if (mask) ++count;
    }
    return count;
}

// Jiffies for a relative timespec, rounded up; MAX_SCHEDULE_TIMEOUT for none.
long timespec_to_jiffies_up(const struct timespec& ts) {
    constexpr long kNsPerJiffy = 1000000000L / HZ;
    if (ts.tv_sec >= MAX_SCHEDULE_TIMEOUT / HZ - 1) return MAX_SCHEDULE_TIMEOUT;
    return ts.tv_sec * HZ + (ts.tv_nsec + kNsPerJiffy - 1) / kNsPerJiffy;
}

bool copy_in(Task& t, void* dst, const void* usrc, size_t n) {
    if (!usrc) return false;
    UserWindow w(t, usrc, n);
    return copy_from_user(dst, usrc, n) == 0;
}

bool copy_out(Task& t, void* udst, const void* src, size_t n) {
    if (!udst) return false;
    UserWindow w(t, udst, n);
    return copy_to_user(udst, src, n) == 0;
}

// ppoll and pselect6 swap in the caller's signal mask for the call.
struct SigmaskScope {
    Task& t;
    unsigned long saved;
    bool active = false;
    explicit SigmaskScope(Task& task) : t(task), saved(task.sigblocked.load()) {}
    long set(const void* umask, size_t size) {
        if (!umask) return 0;
        if (size != sizeof(unsigned long)) return -EINVAL;
        unsigned long user_mask;
        if (!copy_in(t, &user_mask, umask, sizeof user_mask)) return -EFAULT;
        // A sigset_t has signal n at bit n-1; the task's masks at bit n.
        unsigned long mask = user_mask << 1;
        mask &= ~((1UL << SIGKILL) | (1UL << SIGSTOP));  // never blocked
        t.sigblocked.store(mask);
        active = true;
        return 0;
    }
    ~SigmaskScope() {
        if (active) t.sigblocked.store(saved);
    }
};

}  // namespace

long do_sys_poll(Task& t, void* ufds, unsigned int nfds, long timeout_jiffies) {
    if (nfds > FdTable::kMaxFds) return -EINVAL;  // RLIMIT_NOFILE
    std::vector<user_pollfd> fds(nfds);
    if (nfds && !copy_in(t, fds.data(), ufds, nfds * sizeof(user_pollfd))) return -EFAULT;

    PollWqueues pw;
    pw.task = &t;
    pw.pt._qproc = timeout_jiffies ? pollwait : nullptr;  // poll(.., 0) never waits
    long left = timeout_jiffies;
    long count = 0;
    for (bool first = true;; first = false) {
        clear_wakeup(t);
        count = poll_pass(t, pw, fds, first);
        pw.pt._qproc = nullptr;  // joined every queue once
        if (count || left == 0) break;
        if (t.has_signal()) {
            count = -ERESTARTSYS;  // EINTR; Linux does not restart poll after a handler either
            break;
        }
        poll_sleep(t, &left);
    }
    if (count < 0) return count;
    // revents go back even for a timeout (all zero), as Linux writes them.
    for (unsigned i = 0; i < nfds; ++i) {
        auto* u = static_cast<user_pollfd*>(ufds) + i;
        if (!copy_out(t, &u->revents, &fds[i].revents, sizeof u->revents)) return -EFAULT;
    }
    return count;
}

long ksys_poll(Task& t, void* ufds, unsigned int nfds, int timeout_ms) {
    long j = timeout_ms < 0 ? MAX_SCHEDULE_TIMEOUT : static_cast<long>(msecs_to_jiffies(static_cast<unsigned>(timeout_ms)));
    return do_sys_poll(t, ufds, nfds, j);
}

long ksys_ppoll(Task& t, void* ufds, unsigned int nfds, const struct timespec* utsp, const void* usigmask,
                size_t sigsetsize) {
    long j = MAX_SCHEDULE_TIMEOUT;
    if (utsp) {
        struct timespec ts;
        if (!copy_in(t, &ts, utsp, sizeof ts)) return -EFAULT;
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L) return -EINVAL;
        j = timespec_to_jiffies_up(ts);
    }
    SigmaskScope mask(t);
    if (long err = mask.set(usigmask, sigsetsize)) return err;
    return do_sys_poll(t, ufds, nfds, j);
}

// select: three bitmaps of fds in, the ready ones out.
namespace {

constexpr size_t kBitsPerLong = 8 * sizeof(unsigned long);

struct FdSets {
    std::vector<unsigned long> in, out, ex, res_in, res_out, res_ex;
};

bool get_fdset(Task& t, const void* u, size_t words, std::vector<unsigned long>* set) {
    set->assign(words, 0);
    return !u || copy_in(t, set->data(), u, words * sizeof(unsigned long));
}

bool test_bit_in(const std::vector<unsigned long>& s, int fd) { return (s[fd / kBitsPerLong] >> (fd % kBitsPerLong)) & 1; }
void set_bit_in(std::vector<unsigned long>& s, int fd) { s[fd / kBitsPerLong] |= 1UL << (fd % kBitsPerLong); }

// Linux's POLLIN_SET, POLLOUT_SET, POLLEX_SET.
constexpr __poll_t POLLIN_SET = EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR;
constexpr __poll_t POLLOUT_SET = EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR;
constexpr __poll_t POLLEX_SET = EPOLLPRI;

}  // namespace

long do_select(Task& t, int n, void* uin, void* uout, void* uex, long* left) {
    if (n < 0) return -EINVAL;
    n = std::min(n, FdTable::kMaxFds);
    size_t words = (static_cast<size_t>(n) + kBitsPerLong - 1) / kBitsPerLong;
    FdSets s;
    if (!get_fdset(t, uin, words, &s.in) || !get_fdset(t, uout, words, &s.out) || !get_fdset(t, uex, words, &s.ex))
        return -EFAULT;
    // Every fd named must be open (max_select_fd): EBADF before any waiting.
    for (int fd = 0; fd < n; ++fd)
        if ((test_bit_in(s.in, fd) || test_bit_in(s.out, fd) || test_bit_in(s.ex, fd)) && !t.files.get(fd))
            return -EBADF;

    PollWqueues pw;
    pw.task = &t;
    pw.pt._qproc = *left ? pollwait : nullptr;
    long count = 0;
    for (bool first = true;; first = false) {
        clear_wakeup(t);
        s.res_in.assign(words, 0);
        s.res_out.assign(words, 0);
        s.res_ex.assign(words, 0);
        for (int fd = 0; fd < n; ++fd) {
            bool want_in = test_bit_in(s.in, fd), want_out = test_bit_in(s.out, fd), want_ex = test_bit_in(s.ex, fd);
            if (!want_in && !want_out && !want_ex) continue;
            __poll_t events = (want_in ? POLLIN_SET : 0) | (want_out ? POLLOUT_SET : 0) | (want_ex ? POLLEX_SET : 0);
            __poll_t mask = file_poll(pw, t.files.get(fd), events, first);
            if (want_in && (mask & POLLIN_SET)) set_bit_in(s.res_in, fd), ++count, pw.pt._qproc = nullptr;
            if (want_out && (mask & POLLOUT_SET)) set_bit_in(s.res_out, fd), ++count, pw.pt._qproc = nullptr;
            if (want_ex && (mask & POLLEX_SET)) set_bit_in(s.res_ex, fd), ++count, pw.pt._qproc = nullptr;
        }
        pw.pt._qproc = nullptr;
        if (count || *left == 0) break;
        if (t.has_signal()) return -ERESTARTSYS;  // EINTR; the sets are left as they were
        poll_sleep(t, left);
    }
    size_t bytes = words * sizeof(unsigned long);
    if ((uin && !copy_out(t, uin, s.res_in.data(), bytes)) || (uout && !copy_out(t, uout, s.res_out.data(), bytes)) ||
        (uex && !copy_out(t, uex, s.res_ex.data(), bytes)))
        return -EFAULT;
    return count;
}

long ksys_select(Task& t, int n, void* uin, void* uout, void* uex, struct timeval* utv) {
    long left = MAX_SCHEDULE_TIMEOUT;
    struct timeval tv {};
    if (utv) {
        if (!copy_in(t, &tv, utv, sizeof tv)) return -EFAULT;
        if (tv.tv_sec < 0 || tv.tv_usec < 0) return -EINVAL;
        // Linux folds excess microseconds into seconds.
        struct timespec ts = {tv.tv_sec + tv.tv_usec / 1000000, (tv.tv_usec % 1000000) * 1000};
        left = timespec_to_jiffies_up(ts);
    }
    long ret = do_select(t, n, uin, uout, uex, &left);
    if (utv) {
        // As Linux (without STICKY_TIMEOUTS): the time not slept is written back.
        long rem_us = (left == MAX_SCHEDULE_TIMEOUT ? 0 : left) * (1000000 / HZ);
        struct timeval rem = {rem_us / 1000000, rem_us % 1000000};
        if (!copy_out(t, utv, &rem, sizeof rem) && ret >= 0) ret = -EFAULT;
    }
    return ret;
}

// pselect6's sixth argument: { const sigset_t *ss; size_t ss_len; }.
long ksys_pselect6(Task& t, int n, void* uin, void* uout, void* uex, struct timespec* utsp, const void* usig) {
    long left = MAX_SCHEDULE_TIMEOUT;
    if (utsp) {
        struct timespec ts;
        if (!copy_in(t, &ts, utsp, sizeof ts)) return -EFAULT;
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L) return -EINVAL;
        left = timespec_to_jiffies_up(ts);
    }
    SigmaskScope mask(t);
    if (usig) {
        struct {
            const void* ss;
            size_t ss_len;
        } data;
        if (!copy_in(t, &data, usig, sizeof data)) return -EFAULT;
        if (long err = mask.set(data.ss, data.ss_len)) return err;
    }
    return do_select(t, n, uin, uout, uex, &left);
}

}  // namespace sk
