// poll_select.cpp - poll, ppoll, select and pselect6 for bridged programs:
// simulated fds are waited on by the simulated kernel's own poll (each
// driver's f_op->poll), host fds by the host's, and a set that mixes both by
// the two at once. A set of host fds only is the host's call, untouched.
#include "poll_select.hpp"

#include "client_memory.hpp"
#include "sim_tasks.hpp"
#include "supervisor.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstddef>
#include <thread>
#include <vector>

namespace bridge {

namespace {

using Clock = std::chrono::steady_clock;

unsigned long ptr(const void* p) { return reinterpret_cast<unsigned long>(p); }

// Linux's RLIMIT_NOFILE default hard limit: more pollfds is EINVAL.
constexpr unsigned kMaxPollFds = 1u << 20;

// One host fd of the program, borrowed (pidfd_getfd) so that the
// supervisor can wait on it: the same open file, another number.
struct Borrowed {
    std::vector<pollfd> fds;  // our numbers, the program's events
    std::vector<size_t> at;   // index in the program's array
    ~Borrowed() {
        for (const pollfd& p : fds)
            if (p.fd >= 0) close(p.fd);
    }
};

// Waits for the host fds and the simulated ones together: a helper thread
// polls the host fds (and an eventfd that calls it off); if one is ready
// first it wakes the simulated poll as a signal would, and the simulated
// poll is asked again without waiting. Returns the simulated poll's result.
long wait_both(Call& c, std::vector<pollfd>& sim, Borrowed& host, int timeout_ms) {
    int stop = eventfd(0, EFD_CLOEXEC);
    if (stop < 0) return -ENOMEM;
    std::atomic<bool> host_ready{false};
    sk::Task* task = c.proc.task;
    std::thread helper([&] {
        std::vector<pollfd> set = host.fds;
        set.push_back({stop, POLLIN, 0});
        if (poll(set.data(), set.size(), timeout_ms) > 0 && !(set.back().revents & POLLIN)) {
            host_ready.store(true);
            sim_interrupt(task);
        }
    });
    long r = sim_call(task, __NR_poll, ptr(sim.data()), sim.size(), static_cast<unsigned long>(timeout_ms));
    uint64_t one = 1;
    (void)!write(stop, &one, sizeof one);
    helper.join();
    close(stop);
    if (host_ready.load()) {
        sim_clear_interrupt(task);
        if (r == -EINTR) r = sim_call(task, __NR_poll, ptr(sim.data()), sim.size(), 0);
    }
    return r;
}

// The program's pollfds (its fd numbers), answered in place: the number
// ready, -errno, or kHostsOwn if none of them is simulated.
constexpr long kHostsOwn = LONG_MIN;

long poll_set(Call& c, std::vector<pollfd>& fds, int timeout_ms) {
    // Most sets are host fds only (a shell waiting on its children's
    // pipes): the host's call, found without borrowing any fd.
    if (std::none_of(fds.begin(), fds.end(), [&c](const pollfd& p) { return p.fd >= 0 && sim_fd(c, p.fd); }))
        return kHostsOwn;
    std::vector<pollfd> sim;
    std::vector<size_t> sim_at;
    Borrowed host;
    int invalid = 0;
    for (size_t i = 0; i < fds.size(); ++i) {
        pollfd& p = fds[i];
        p.revents = 0;
        if (p.fd < 0) continue;  // ignored, as Linux does
        if (SimFd* f = sim_fd(c, p.fd)) {
            sim.push_back({f->sim_fd, p.events, 0});
            sim_at.push_back(i);
            continue;
        }
        int mine = static_cast<int>(syscall(SYS_pidfd_getfd, c.proc.pidfd, p.fd, 0));
        if (mine < 0) {  // not open in the program: POLLNVAL, ready at once
            p.revents = POLLNVAL;
            ++invalid;
            continue;
        }
        host.fds.push_back({mine, p.events, 0});
        host.at.push_back(i);
    }
    if (sim.empty()) return kHostsOwn;

    long r;
    if (host.fds.empty()) {
        r = sim_call(c.proc.task, __NR_poll, ptr(sim.data()), sim.size(), static_cast<unsigned long>(invalid ? 0 : timeout_ms));
    } else {
        int now = poll(host.fds.data(), host.fds.size(), 0);
        if (now < 0) return -errno;
        r = now > 0 || invalid ? sim_call(c.proc.task, __NR_poll, ptr(sim.data()), sim.size(), 0)
                               : wait_both(c, sim, host, timeout_ms);
    }
    if (r < 0) return r;
    long count = invalid;
    for (size_t j = 0; j < sim.size(); ++j) {
        fds[sim_at[j]].revents = sim[j].revents;
        if (sim[j].revents) ++count;
    }
    if (!host.fds.empty() && poll(host.fds.data(), host.fds.size(), 0) > 0) {
        for (size_t j = 0; j < host.fds.size(); ++j) {
            fds[host.at[j]].revents = host.fds[j].revents;
            if (host.fds[j].revents) ++count;
        }
    }
    return count;
}

// Milliseconds for a relative timespec, rounded up; -1 for none.
long timeout_of(const timespec& ts) {
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L) return -EINVAL;
    if (ts.tv_sec >= INT_MAX / 1000 - 1) return -1;
    return ts.tv_sec * 1000 + (ts.tv_nsec + 999999) / 1000000;
}

// What Linux writes back into a timeout (select, pselect6, ppoll): the time
// not slept, never below zero.
timespec time_left(Clock::time_point start, long timeout_ms) {
    auto spent = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
    long long left = std::max<long long>(0, static_cast<long long>(timeout_ms) * 1000000 - spent);
    return {static_cast<time_t>(left / 1000000000), static_cast<long>(left % 1000000000)};
}

Reply do_poll(Call& c, unsigned long ufds, unsigned long nfds, long timeout_ms, unsigned long uts) {
    if (nfds > kMaxPollFds) return Reply::value(-EINVAL);
    auto pid = static_cast<pid_t>(c.n.pid);
    std::vector<pollfd> fds(nfds);
    if (nfds && read_client(pid, ufds, fds.data(), nfds * sizeof(pollfd))) return Reply::value(-EFAULT);
    auto start = Clock::now();
    long r = poll_set(c, fds, static_cast<int>(timeout_ms));
    if (r == kHostsOwn) return Reply::cont();
    if (r < 0) return Reply::value(r);
    for (unsigned long i = 0; i < nfds; ++i)
        if (write_client(pid, ufds + i * sizeof(pollfd) + offsetof(pollfd, revents), &fds[i].revents, sizeof(short)))
            return Reply::value(-EFAULT);
    if (uts && timeout_ms >= 0) {
        timespec left = time_left(start, timeout_ms);
        write_client(pid, uts, &left, sizeof left);
    }
    return Reply::value(r);
}

// select's three bitmaps as one pollfd set, and the answer back.
constexpr short kSelectIn = POLLIN | POLLRDNORM | POLLRDBAND;
constexpr short kSelectOut = POLLOUT | POLLWRNORM | POLLWRBAND;
constexpr short kSelectEx = POLLPRI;
// What counts as ready for each set (Linux's POLLIN_SET, POLLOUT_SET, POLLEX_SET).
constexpr short kReadyIn = kSelectIn | POLLHUP | POLLERR;
constexpr short kReadyOut = kSelectOut | POLLERR;
constexpr short kReadyEx = POLLPRI;
constexpr size_t kBits = 8 * sizeof(unsigned long);

// Linux caps n at the process's fd limit.
constexpr int kMaxSelectFds = 1 << 16;

Reply do_select(Call& c, long n, unsigned long uin, unsigned long uout, unsigned long uex, long timeout_ms,
                unsigned long utime, bool timeval) {
    if (n < 0) return Reply::value(-EINVAL);
    n = std::min<long>(n, kMaxSelectFds);
    auto pid = static_cast<pid_t>(c.n.pid);
    size_t words = (static_cast<size_t>(n) + kBits - 1) / kBits;
    std::vector<unsigned long> in(words), out(words), ex(words);
    for (auto [u, set] : {std::pair{uin, &in}, std::pair{uout, &out}, std::pair{uex, &ex}})
        if (u && words && read_client(pid, u, set->data(), words * sizeof(unsigned long))) return Reply::value(-EFAULT);
    auto bit = [](const std::vector<unsigned long>& s, long fd) { return (s[fd / kBits] >> (fd % kBits)) & 1; };
    std::vector<pollfd> fds;
    for (long fd = 0; fd < n; ++fd) {
        short ev = (bit(in, fd) ? kSelectIn : 0) | (bit(out, fd) ? kSelectOut : 0) | (bit(ex, fd) ? kSelectEx : 0);
        if (ev) fds.push_back({static_cast<int>(fd), ev, 0});
    }
    auto start = Clock::now();
    long r = poll_set(c, fds, static_cast<int>(timeout_ms));
    if (r == kHostsOwn) return Reply::cont();
    if (r < 0) return Reply::value(r);
    std::vector<unsigned long> rin(words), rout(words), rex(words);
    long count = 0;
    for (const pollfd& p : fds) {
        if (p.revents & POLLNVAL) return Reply::value(-EBADF);  // select names only open fds
        auto set = [&](std::vector<unsigned long>& s, short want, short ready) {
            if ((p.events & want) && (p.revents & ready)) {
                s[p.fd / kBits] |= 1UL << (p.fd % kBits);
                ++count;
            }
        };
        set(rin, kSelectIn, kReadyIn);
        set(rout, kSelectOut, kReadyOut);
        set(rex, kSelectEx, kReadyEx);
    }
    for (auto [u, set] : {std::pair{uin, &rin}, std::pair{uout, &rout}, std::pair{uex, &rex}})
        if (u && words && write_client(pid, u, set->data(), words * sizeof(unsigned long))) return Reply::value(-EFAULT);
    if (utime && timeout_ms >= 0) {
        timespec left = time_left(start, timeout_ms);
        if (timeval) {
            struct timeval tv = {left.tv_sec, left.tv_nsec / 1000};
            write_client(pid, utime, &tv, sizeof tv);
        } else {
            write_client(pid, utime, &left, sizeof left);
        }
    }
    return Reply::value(count);
}

}  // namespace

Reply h_poll(Call& c) {
    int ms = static_cast<int>(c.arg(2));
    return do_poll(c, c.arg(0), c.arg(1), ms < 0 ? -1 : ms, 0);
}

Reply h_ppoll(Call& c) {
    long ms = -1;
    if (c.arg(2)) {
        timespec ts{};
        if (read_client(static_cast<pid_t>(c.n.pid), c.arg(2), &ts, sizeof ts)) return Reply::value(-EFAULT);
        ms = timeout_of(ts);
        if (ms == -EINVAL) return Reply::value(-EINVAL);
    }
    return do_poll(c, c.arg(0), c.arg(1), ms, c.arg(2));
}

Reply h_select(Call& c) {
    long ms = -1;
    if (c.arg(4)) {
        struct timeval tv {};
        if (read_client(static_cast<pid_t>(c.n.pid), c.arg(4), &tv, sizeof tv)) return Reply::value(-EFAULT);
        if (tv.tv_sec < 0 || tv.tv_usec < 0) return Reply::value(-EINVAL);
        // Linux folds excess microseconds into seconds.
        timespec ts = {tv.tv_sec + tv.tv_usec / 1000000, (tv.tv_usec % 1000000) * 1000};
        ms = timeout_of(ts);
    }
    return do_select(c, static_cast<long>(static_cast<int>(c.arg(0))), c.arg(1), c.arg(2), c.arg(3), ms, c.arg(4), true);
}

Reply h_pselect6(Call& c) {
    long ms = -1;
    if (c.arg(4)) {
        timespec ts{};
        if (read_client(static_cast<pid_t>(c.n.pid), c.arg(4), &ts, sizeof ts)) return Reply::value(-EFAULT);
        ms = timeout_of(ts);
        if (ms == -EINVAL) return Reply::value(-EINVAL);
    }
    return do_select(c, static_cast<long>(static_cast<int>(c.arg(0))), c.arg(1), c.arg(2), c.arg(3), ms, c.arg(4), false);
}

}  // namespace bridge
