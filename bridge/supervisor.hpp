// supervisor.hpp - the kernel's side of the bridge: receives the trapped
// system calls of one tree of host processes (seccomp user notification),
// keeps each process's simulated task and its simulated fds, and answers.
#pragma once

#include <linux/seccomp.h>
#include <sys/types.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace sk {
class Kernel;
struct Task;
}  // namespace sk

namespace bridge {

// Simulated files get host fd numbers from here up (or 0-2, by dup2): the
// filter traps fd-based calls only on those, so host files never pay.
constexpr int kSimFdBase = 512;

// One simulated open file as a host process sees it. The host fd is a
// placeholder (an empty memfd named after the file); its inode tells the
// bridge, after fork or exec, whether the fd is still the same one.
struct SimFd {
    int sim_fd = -1;    // in the process's simulated task
    ino_t ino = 0;      // the placeholder's inode
    bool cloexec = false;
    bool verified = true;  // false after fork/exec until checked again
    int flags = 0;         // open flags, for F_GETFL
    std::string path;      // for openat relative to it
};

// A task made by a program's fork (clone, vfork, clone3) for the child
// that the host is about to create, until that child's first trapped call
// claims it. The child is recognised by the fork mark it inherited: the
// write end of a pipe whose read end is here (see mark_fork).
struct PendingChild {
    ino_t mark_ino = 0;
    int mark_read = -1;        // POLLHUP: nobody holds the mark any more
    sk::Task* task = nullptr;  // the simulated clone(2) of the parent
    std::map<int, SimFd> fds;  // the parent's simulated fds at the fork
    bool sim_cwd = false;      // ... and where its working directory was
};

struct HostProcess {
    pid_t tgid = 0;
    sk::Task* task = nullptr;
    int pidfd = -1;
    std::mutex mutex;         // one system call at a time per process
    std::map<int, SimFd> fds;  // host fd -> simulated file
    bool gone = false;         // exited: its task is no more (under mutex)
    // Its working directory is a simulated one (cd /sys/module/x): the
    // task's cwd in the simulated kernel, the host's left where it was.
    bool sim_cwd = false;
    std::weak_ptr<HostProcess> parent;  // the host parent, if it is ours
    // Fork marks (under mutex): the fd number the mark lives at in this
    // program, and whether the last one must be replaced (a fork happened).
    int mark_slot = -1;
    bool mark_armed = false;
    std::mutex pending_mutex;  // its children claim from here on other threads
    std::vector<PendingChild> pending;
    std::atomic<int> zombies{0};  // exited children whose tasks it must reap
};
class Supervisor {
public:
    Supervisor(sk::Kernel& k, int listener);
    ~Supervisor();  // stops; the tasks of processes still running end
    Supervisor(const Supervisor&) = delete;
    Supervisor& operator=(const Supervisor&) = delete;

    // The first process of the tree, before it runs anything.
    void adopt(pid_t pid, sk::Task* task);
    void start();

    sk::Kernel& kernel() { return kernel_; }
    int listener() const { return listener_; }
    // The same program as this one (simkernel's sudo): its exe path.
    const std::string& own_exe() const { return own_exe_; }

    // The process a thread belongs to; a new process (fork) gets a task,
    // a child of its parent's, with the parent's simulated fds.
    std::shared_ptr<HostProcess> process_of(pid_t tid);

    // A fork, clone, vfork or clone3 of a new process by `c`'s program:
    // the simulated task is cloned now, as the parent (which is in this
    // call), and waits for the child (syscall_handlers.cpp's h_clone).
    long prepare_child(const struct seccomp_notif& n, HostProcess& parent);
    // A program's wait4 or waitid: its children that have exited, trapped
    // or not, end in the simulated kernel first, and it reaps their tasks.
    void settle_children(HostProcess& parent);

private:
    void worker(std::shared_ptr<std::atomic<bool>> done);
    void spawn_worker();
    void housekeeping();  // process exits, interrupted calls
    void handle(const struct seccomp_notif& n);
    void reap(pid_t tgid);
    void end_process(HostProcess& p);  // p.mutex held
    // At each trapped call, before its handler (p.mutex held): closes seen
    // late, the fork mark, children gone, zombies reaped.
    void before_call(HostProcess& p, unsigned long long id);
    bool claim_pending(HostProcess& parent, pid_t child, PendingChild* out);
    int idle_mark_ = -1;  // what replaces a fork mark once the fork is done
    std::shared_ptr<HostProcess> add_process(pid_t tgid, sk::Task* task);  // table_mutex_ held
    int processes_alive(int grace_ms) const;

    sk::Kernel& kernel_;
    int listener_;
    int epoll_fd_;  // the processes' pidfds
    std::string own_exe_;
    std::atomic<bool> stopping_{false};

    std::mutex table_mutex_;
    std::unordered_map<pid_t, std::shared_ptr<HostProcess>> processes_;  // by tgid
    std::unordered_map<pid_t, pid_t> tgid_of_;                            // tid -> tgid

    std::mutex workers_mutex_;
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::vector<Worker> workers_;
    std::atomic<int> idle_{0};
    std::thread housekeeper_;

    // Calls being answered, so that one the program abandoned (a signal
    // interrupted it, or it died) can interrupt the simulated sleep.
    std::mutex inflight_mutex_;
    std::map<unsigned long long, sk::Task*> inflight_;
};

}  // namespace bridge
