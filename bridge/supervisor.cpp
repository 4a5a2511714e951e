// supervisor.cpp - receiving trapped calls on a pool of threads, one
// process's calls at a time, and noticing exits and abandoned calls.
#include "supervisor.hpp"

#include "sim_tasks.hpp"
#include "syscall_handlers.hpp"

#include <poll.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace bridge {

namespace {

// From Linux 6.6's <linux/seccomp.h> (Debian 12's headers are older).
constexpr unsigned long kNotifSetFlags = _IOW('!', 4, uint64_t);  // SECCOMP_IOCTL_NOTIF_SET_FLAGS
constexpr unsigned long kSyncWakeUp = 1;                          // SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP

constexpr int kMaxWorkers = 64;
// Wakes a worker out of SECCOMP_IOCTL_NOTIF_RECV when the supervisor stops
// (the watchdog has SIGRTMIN + 4).
int stop_signal() { return SIGRTMIN + 5; }
constexpr int kHousekeepingMs = 20;
constexpr int kDyingGraceMs = 500;

// "Tgid:" and "PPid:" of a host thread, from /proc; false if it is gone.
bool host_ids(pid_t tid, pid_t* tgid, pid_t* ppid) {
    std::ifstream in("/proc/" + std::to_string(tid) + "/status");
    std::string key;
    *tgid = *ppid = 0;
    while (in >> key) {
        if (key == "Tgid:") in >> *tgid;
        else if (key == "PPid:") in >> *ppid;
        in.ignore(4096, '\n');
    }
    return *tgid != 0;
}

std::string exe_of(pid_t pid) {
    char buf[4096];
    std::string link = "/proc/" + std::to_string(pid) + "/exe";
    ssize_t n = readlink(link.c_str(), buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

// The bridge's threads run driver code (calls, and release at exit): the
// kernel's trap signals stay open, so a fault there is an Oops (traps.cpp).
sigset_t all_but_traps() {
    sigset_t set;
    sigfillset(&set);
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP}) sigdelset(&set, sig);
    return set;
}

void block_all_signals() {
    sigset_t set = all_but_traps();
    pthread_sigmask(SIG_SETMASK, &set, nullptr);
}

// A worker takes only the stop signal (its handler does nothing: the
// point is the EINTR) and the watchdog's, which samples the thread a task
// runs on.
void worker_signals() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction sa {};
        sa.sa_handler = [](int) {};
        sigemptyset(&sa.sa_mask);
        sigaction(stop_signal(), &sa, nullptr);  // no SA_RESTART
    });
    sigset_t set = all_but_traps();
    sigdelset(&set, stop_signal());
    sigdelset(&set, SIGRTMIN + 4);
    pthread_sigmask(SIG_SETMASK, &set, nullptr);
}

void send_reply(int listener, unsigned long long id, const Reply& r) {
    if (r.kind == Reply::Kind::Sent) return;
    struct seccomp_notif_resp resp {};
    resp.id = id;
    if (r.kind == Reply::Kind::Continue) {
        resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
    } else if (r.val < 0) {
        resp.error = static_cast<int>(r.val);
    } else {
        resp.val = r.val;
    }
    // ENOENT: the program is gone or a signal took it out of the call.
    ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
}

}  // namespace

Supervisor::Supervisor(sk::Kernel& k, int listener)
    : kernel_(k), listener_(listener), epoll_fd_(epoll_create1(EPOLL_CLOEXEC)), own_exe_(exe_of(getpid())) {
    // Linux >= 6.6: the program and the worker hand the CPU to each other
    // (no scheduler round trip on each call). Older kernels: just slower.
    ioctl(listener_, kNotifSetFlags, kSyncWakeUp);
    idle_mark_ = open("/dev/null", O_WRONLY | O_CLOEXEC);
}

Supervisor::~Supervisor() {
    stopping_ = true;
    if (housekeeper_.joinable()) housekeeper_.join();
    // Each worker is in NOTIF_RECV or in a call: the stop signal takes it
    // out of the first (again until it sees it: it may have been about to
    // enter), an interruption out of a simulated sleep.
    for (;;) {
        bool running = false;
        {
            std::lock_guard lock(workers_mutex_);
            for (auto& w : workers_)
                if (!w.done->load()) {
                    running = true;
                    pthread_kill(w.thread.native_handle(), stop_signal());
                }
        }
        {
            std::lock_guard lock(inflight_mutex_);
            for (auto& [id, task] : inflight_) sim_interrupt(task);
        }
        if (!running) break;
        usleep(2000);
    }
    std::lock_guard lock(workers_mutex_);
    for (auto& w : workers_) w.thread.join();
    // Programs still running (left in the background) lose the kernel:
    // every call the filter traps now fails with ENOSYS. Say so once.
    int alive = processes_alive(kDyingGraceMs);
    if (alive)
        fprintf(stderr,
                "simkernel: the kernel is shutting down with %d program(s) of its own still running: their "
                "system calls on files now fail with ENOSYS (Function not implemented)\n",
                alive);
    for (auto& [tgid, p] : processes_) {
        std::lock_guard plock(p->mutex);
        end_process(*p);
        if (p->pidfd >= 0) close(p->pidfd);
    }
    if (idle_mark_ >= 0) close(idle_mark_);
    close(listener_);
    close(epoll_fd_);
}

// How many of the program's processes are still running, after up to
// grace_ms for those already dying: a job's own `kill 0` signals every
// process of its group at once, and the others may still be on their way
// out when the program itself has gone (slower under a sanitizer).
int Supervisor::processes_alive(int grace_ms) const {
    std::vector<pollfd> pfds;
    for (const auto& [tgid, p] : processes_)
        if (p->pidfd >= 0) pfds.push_back({p->pidfd, POLLIN, 0});
    for (int waited = 0;; waited += 2) {
        int alive = 0;
        for (auto& pfd : pfds)
            if (poll(&pfd, 1, 0) == 0) ++alive;
        if (alive == 0 || waited >= grace_ms) return alive;
        usleep(2000);
    }
}

std::shared_ptr<HostProcess> Supervisor::add_process(pid_t tgid, sk::Task* task) {
    auto p = std::make_shared<HostProcess>();
    p->tgid = tgid;
    p->task = task;
    p->pidfd = static_cast<int>(syscall(SYS_pidfd_open, tgid, 0));
    if (p->pidfd >= 0) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u32 = static_cast<uint32_t>(tgid);
        epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, p->pidfd, &ev);
    }
    processes_[tgid] = p;
    tgid_of_[tgid] = tgid;
    return p;
}

void Supervisor::adopt(pid_t pid, sk::Task* task) {
    std::lock_guard lock(table_mutex_);
    add_process(pid, task);
}

std::shared_ptr<HostProcess> Supervisor::process_of(pid_t tid) {
    std::shared_ptr<HostProcess> parent;
    {
        std::lock_guard lock(table_mutex_);
        if (auto it = tgid_of_.find(tid); it != tgid_of_.end())
            if (auto p = processes_.find(it->second); p != processes_.end()) return p->second;
    }
    pid_t tgid = 0, ppid = 0;
    if (!host_ids(tid, &tgid, &ppid)) return nullptr;
    {
        std::lock_guard lock(table_mutex_);
        if (auto p = processes_.find(tgid); p != processes_.end()) {  // a new thread
            tgid_of_[tid] = tgid;
            return p->second;
        }
        if (auto p = processes_.find(ppid); p != processes_.end()) parent = p->second;
    }
    // A new process: forked by one of ours, whose fork made its task (a
    // clone of the parent's, with its simulated files) and marked it; or
    // left by one that exited before it made a trapped call, or not
    // recognised: a child of init with no simulated files, as an orphan.
    sk::Task* task = nullptr;
    std::map<int, SimFd> fds;
    bool sim_cwd = false;
    PendingChild claimed;
    if (parent && claim_pending(*parent, tgid, &claimed)) {
        task = claimed.task;
        fds = std::move(claimed.fds);
        sim_cwd = claimed.sim_cwd;
        close(claimed.mark_read);
    } else {
        parent.reset();
        static std::mutex init_mutex;  // init's calls, one at a time
        std::lock_guard ilock(init_mutex);
        long err = 0;
        try {
            task = sim_clone(sim_init_task(kernel_), &err);
        } catch (const SimTaskKilled&) {  // init takes no signal; should it, no task
        }
        if (!task) return nullptr;
    }
    std::lock_guard lock(table_mutex_);
    if (auto p = processes_.find(tgid); p != processes_.end()) {  // another thread of it was first
        tgid_of_[tid] = tgid;
        sim_exit(task, 0);
        if (parent) ++parent->zombies;
        return p->second;
    }
    auto p = add_process(tgid, task);
    p->parent = parent;
    p->fds = std::move(fds);
    p->sim_cwd = sim_cwd;
    // Each inherited file is checked again before its first use.
    for (auto& [fd, f] : p->fds) f.verified = false;
    tgid_of_[tid] = tgid;
    return p;
}

namespace {

// "pipe:[1234]" -> 1234, or 0.
ino_t pipe_ino(pid_t pid, int fd) {
    char buf[64];
    std::string link = "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd);
    ssize_t n = readlink(link.c_str(), buf, sizeof buf - 1);
    if (n <= 6 || strncmp(buf, "pipe:[", 6) != 0) return 0;
    buf[n] = 0;
    return static_cast<ino_t>(strtoull(buf + 6, nullptr, 10));
}

// The host wait status's exit code of a process that has exited and is
// not yet reaped (/proc/PID/stat's 52nd field), or 0.
int host_exit_code(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) return 0;
    size_t paren = line.rfind(')');
    if (paren == std::string::npos) return 0;
    std::istringstream fields(line.substr(paren + 2));
    std::string f;
    int status = 0;
    for (int i = 3; fields >> f; ++i)
        if (i == 52) status = std::atoi(f.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 0;
}

bool add_fd(int listener, unsigned long long id, int src, int slot) {
    struct seccomp_notif_addfd add {};
    add.id = id;
    add.flags = SECCOMP_ADDFD_FLAG_SETFD;
    add.srcfd = static_cast<uint32_t>(src);
    add.newfd = static_cast<uint32_t>(slot);
    add.newfd_flags = O_CLOEXEC;
    return ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, &add) >= 0;
}

bool fd_open_in(pid_t pid, int fd) {
    std::string p = "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd);
    return faccessat(AT_FDCWD, p.c_str(), F_OK, AT_SYMLINK_NOFOLLOW) == 0;
}

// Where fork marks go: high, out of the way of the program's own fds and
// of the placeholders (kSimFdBase up), below the usual limit of 1024 fds.
constexpr int kMarkTop = 1023;

}  // namespace

// Which pending task is this child's: the fork mark it inherited (at the
// number the parent had it at, or anywhere in its fd table).
bool Supervisor::claim_pending(HostProcess& parent, pid_t child, PendingChild* out) {
    std::vector<ino_t> pipes;
    {
        std::lock_guard lock(parent.pending_mutex);
        if (parent.pending.empty()) return false;
    }
    std::string dir = "/proc/" + std::to_string(child) + "/fd";
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d))
            if (e->d_name[0] != '.')
                if (ino_t ino = pipe_ino(child, atoi(e->d_name))) pipes.push_back(ino);
        closedir(d);
    }
    std::lock_guard lock(parent.pending_mutex);
    for (auto it = parent.pending.begin(); it != parent.pending.end(); ++it)
        if (std::find(pipes.begin(), pipes.end(), it->mark_ino) != pipes.end()) {
            *out = std::move(*it);
            parent.pending.erase(it);
            return true;
        }
    return false;
}

// The fork's half of a new process: the simulated clone, made now, as the
// parent (which is in this call, so its task is free), and the mark the
// child will inherit: the write end of a pipe, put into the parent at
// mark_slot before the host forks. Once the parent's next trapped call
// has replaced the mark, the pipe's read end here says POLLHUP when the
// child has gone too, whether or not it ever made a trapped call.
long Supervisor::prepare_child(const struct seccomp_notif& n, HostProcess& parent) {
    long err = 0;
    sk::Task* child = sim_clone(parent.task, &err);
    if (!child) return err;
    int pfd[2];
    if (pipe2(pfd, O_CLOEXEC) < 0) {
        sim_exit(child, 0);
        ++parent.zombies;
        return -EAGAIN;
    }
    struct stat st {};
    fstat(pfd[1], &st);
    bool placed = parent.mark_slot >= 0 && add_fd(listener_, n.id, pfd[1], parent.mark_slot);
    for (int slot = kMarkTop; !placed && slot >= kSimFdBase; --slot) {
        if (parent.fds.count(slot) || fd_open_in(parent.tgid, slot)) continue;
        placed = add_fd(listener_, n.id, pfd[1], slot);
        if (placed) parent.mark_slot = slot;
    }
    close(pfd[1]);
    if (!placed) {  // the child will not be recognised: it will be init's
        close(pfd[0]);
        sim_exit(child, 0);
        ++parent.zombies;
        return 0;
    }
    parent.mark_armed = true;
    std::lock_guard lock(parent.pending_mutex);
    parent.pending.push_back({st.st_ino, pfd[0], child, parent.fds, parent.sim_cwd});
    return 0;
}

// At each trapped call of a program, before its handler: a fork mark left
// from its last fork is replaced (the fork is done: its child has it);
// tasks made for children that have gone without ever making a trapped
// call end; its children's zombie tasks are reaped, as its wait would.
void Supervisor::before_call(HostProcess& p, unsigned long long id) {
    // A simulated file at 3..kSimFdBase-1 whose placeholder is no longer
    // there was closed (or replaced) by an untrapped close: it closes now.
    for (auto it = p.fds.upper_bound(2); it != p.fds.end() && it->first < kSimFdBase;) {
        struct stat st {};
        std::string at = "/proc/" + std::to_string(p.tgid) + "/fd/" + std::to_string(it->first);
        if (stat(at.c_str(), &st) == 0 && st.st_ino == it->second.ino) {
            ++it;
            continue;
        }
        sim_call(p.task, __NR_close, static_cast<unsigned long>(it->second.sim_fd));
        it = p.fds.erase(it);
    }
    if (p.mark_armed) {
        p.mark_armed = false;
        if (idle_mark_ < 0 || !add_fd(listener_, id, idle_mark_, p.mark_slot)) p.mark_slot = -1;
    }
    std::vector<PendingChild> gone;
    {
        std::lock_guard lock(p.pending_mutex);
        for (auto it = p.pending.begin(); it != p.pending.end();) {
            pollfd pfd{it->mark_read, POLLIN, 0};
            if (!p.mark_armed && poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLHUP)) {
                gone.push_back(std::move(*it));
                it = p.pending.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (PendingChild& g : gone) {
        close(g.mark_read);
        sim_exit(g.task, 0);
        ++p.zombies;
    }
    if (p.zombies.load() > 0) {
        p.zombies = 0;
        sim_reap_children(p.task);
    }
}

void Supervisor::settle_children(HostProcess& parent) {
    std::vector<std::shared_ptr<HostProcess>> exited;
    {
        std::lock_guard lock(table_mutex_);
        for (auto& [tgid, c] : processes_) {
            if (c->parent.lock().get() != &parent) continue;
            pollfd pfd{c->pidfd, POLLIN, 0};
            if (c->pidfd >= 0 && poll(&pfd, 1, 0) > 0) exited.push_back(c);
        }
    }
    for (auto& c : exited) {
        reap(c->tgid);
        // The housekeeper may have taken it first: its end is done once
        // `gone` is set (under the process's lock, for at most a second).
        for (int i = 0; i < 2000; ++i) {
            {
                std::lock_guard lock(c->mutex);
                if (c->gone) break;
            }
            usleep(500);
        }
    }
    if (parent.zombies.load() > 0) {
        parent.zombies = 0;
        sim_reap_children(parent.task);
    }
}

// The program has exited: the tasks made for children it forked that never
// made a trapped call end, then its own (its files close, each driver's
// release runs). Its task is a zombie for its parent's to reap.
void Supervisor::end_process(HostProcess& p) {
    std::vector<PendingChild> pending;
    {
        std::lock_guard lock(p.pending_mutex);
        pending.swap(p.pending);
    }
    for (PendingChild& g : pending) {
        close(g.mark_read);
        sim_exit(g.task, 0);
    }
    sim_exit(p.task, host_exit_code(p.tgid));
    if (auto parent = p.parent.lock()) ++parent->zombies;
    p.gone = true;
}

void Supervisor::start() {
    housekeeper_ = std::thread([this] { housekeeping(); });
    spawn_worker();
}

void Supervisor::worker(std::shared_ptr<std::atomic<bool>> done) {
    worker_signals();
    std::vector<char> buf(sizeof(struct seccomp_notif) + 256);
    while (!stopping_) {
        auto* n = reinterpret_cast<struct seccomp_notif*>(buf.data());
        memset(n, 0, buf.size());
        // Blocks until a call comes (or the stop signal): no poll first, so
        // the program's wake-up goes straight to this thread.
        if (ioctl(listener_, SECCOMP_IOCTL_NOTIF_RECV, n) < 0) continue;
        // Keep one thread receiving while this one may sleep in a driver.
        if (--idle_ == 0) spawn_worker();
        handle(*n);
        ++idle_;
    }
    done->store(true);
}

void Supervisor::spawn_worker() {
    std::lock_guard lock(workers_mutex_);
    if (stopping_ || workers_.size() >= kMaxWorkers) return;
    ++idle_;
    auto done = std::make_shared<std::atomic<bool>>(false);
    workers_.push_back({std::thread([this, done] { worker(done); }), done});
}

void Supervisor::handle(const struct seccomp_notif& n) {
    std::shared_ptr<HostProcess> p = process_of(static_cast<pid_t>(n.pid));
    if (!p) {
        send_reply(listener_, n.id, Reply::value(-ESRCH));
        return;
    }
    Handler fn = handler_for(n.data.nr);
    if (!fn) {
        send_reply(listener_, n.id, Reply::cont());
        return;
    }
    std::lock_guard lock(p->mutex);
    if (p->gone) {  // it exited while this call waited for the lock
        send_reply(listener_, n.id, Reply::value(-ESRCH));
        return;
    }
    {
        std::lock_guard il(inflight_mutex_);
        inflight_[n.id] = p->task;
    }
    Reply r = Reply::value(-EINTR);
    Call call{*this, n, *p};
    try {
        before_call(*p, n.id);
        r = fn(call);
    } catch (const SimTaskKilled& k) {
        // The simulated kernel ended the task: an Oops (SIGKILL, as Linux
        // kills the task that oopsed) or a simulated kill. The host process
        // gets the same signal.
        kill(p->tgid, k.sig);
    }
    {
        std::lock_guard il(inflight_mutex_);
        inflight_.erase(n.id);
    }
    sim_clear_interrupt(p->task);
    send_reply(listener_, n.id, r);
}

void Supervisor::reap(pid_t tgid) {
    std::shared_ptr<HostProcess> p;
    {
        std::lock_guard lock(table_mutex_);
        auto it = processes_.find(tgid);
        if (it == processes_.end()) return;
        p = it->second;
        processes_.erase(it);
        std::erase_if(tgid_of_, [tgid](const auto& e) { return e.second == tgid; });
    }
    // A call it left in the kernel was interrupted by the check above;
    // once it has returned, the task's files close (drivers' release runs)
    // and any lock it held was released on the way out of its call.
    std::lock_guard lock(p->mutex);
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, p->pidfd, nullptr);
    end_process(*p);
    close(p->pidfd);
}

void Supervisor::housekeeping() {
    block_all_signals();
    while (!stopping_) {
        // Calls whose program no longer waits (a signal, or death): wake the
        // simulated sleep with a pending "signal", so the call returns EINTR.
        {
            std::lock_guard il(inflight_mutex_);
            for (auto& [id, task] : inflight_) {
                unsigned long long nid = id;
                if (ioctl(listener_, SECCOMP_IOCTL_NOTIF_ID_VALID, &nid) < 0) {
                    sim_interrupt(task);
                }
            }
        }
        epoll_event evs[16];
        int n = epoll_wait(epoll_fd_, evs, 16, kHousekeepingMs);
        for (int i = 0; i < n; ++i) {
            auto tgid = static_cast<pid_t>(evs[i].data.u32);
            // Its last call must have been interrupted first (see above).
            {
                std::lock_guard il(inflight_mutex_);
                for (auto& [id, task] : inflight_) {
                    unsigned long long nid = id;
                    if (ioctl(listener_, SECCOMP_IOCTL_NOTIF_ID_VALID, &nid) < 0) {
                        sim_interrupt(task);
                    }
                }
            }
            reap(tgid);
        }
    }
}

}  // namespace bridge
