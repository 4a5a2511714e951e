// task.hpp - a task (process): pid, credentials, working directory and the
// file-descriptor table its system calls index.
#pragma once

#include <simkernel/kapi.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sk {

// The fd table: small integers -> struct file. Only the task's own thread
// changes it, so its own look-ups (get, on the read path) take no lock; the
// changes take the table's lock, and so does another thread's look
// (for_each, open_fds: rmmod -f detaching files, /proc).
class FdTable {
public:
    static constexpr int kMaxFds = 1024;  // RLIMIT_NOFILE

    FdTable() = default;
    FdTable(FdTable&& o) noexcept : fds_(std::move(o.fds_)) {}
    FdTable& operator=(FdTable&& o) noexcept {
        std::lock_guard lock(mutex_);
        fds_ = std::move(o.fds_);
        return *this;
    }

    struct file* get(int fd) const {  // the owner's own thread only
        return (fd >= 0 && static_cast<size_t>(fd) < fds_.size()) ? fds_[fd] : nullptr;
    }
    int install(struct file* f);             // lowest free fd, or -EMFILE
    int install_at(int fd, struct file* f);  // for stdin/stdout/stderr
    struct file* remove(int fd);             // nullptr if fd was not open
    std::vector<int> open_fds() const;
    FdTable clone() const;  // fork: the same files, each one reference more

    // fn(fd, file) for each open file, under the lock: the owner cannot
    // close one meanwhile. Any thread.
    template <typename Fn>
    void for_each(Fn fn) const {
        std::lock_guard lock(mutex_);
        for (size_t fd = 0; fd < fds_.size(); ++fd)
            if (fds_[fd]) fn(static_cast<int>(fd), fds_[fd]);
    }

private:
    mutable std::mutex mutex_;  // taken under TaskTable's lock (rmmod -f), never the other way round
    std::vector<struct file*> fds_;  // written under mutex_ (by the owner only); the owner reads without it
};

struct Task {
    // What modules see as current (pid, comm): first, so that a
    // struct task_struct* converts back to the Task.
    struct task_struct kts {};

    pid_t pid = 0;   // set once by TaskTable::publish, before the task is visible
    pid_t ppid = 0;  // guarded by TaskTable's lock (exit_to_zombie re-parents to init)
    // Credentials. simkernel keeps one uid for real and effective (uid) and
    // Linux's saved set-user-ID (suid): a program that dropped root keeps
    // the right to take it back, as the shell's sudo does (setresuid(2)).
    uid_t uid = 0;
    gid_t gid = 0;
    uid_t suid = 0;
    gid_t sgid = 0;
    // exit(2) (exit.cpp): the wait status the parent's wait4 collects, and
    // the signal that killed the task, if one did (set as it is delivered).
    int exit_status = 0;  // written by the task itself before it becomes a zombie; read under TaskTable's lock
    int killed_by = 0;    // the task's own thread only
    bool exit_pending = false;  // exit(2) was called: do_syscall's last act makes it a zombie
    std::string comm;
    std::string cwd = "/";
    FdTable files;  // its own lock (FdTable): changes, and any other thread's look

    // Signals and sleep. A sleeping task waits on sleep_cv until wake() or a
    // signal; wait queues and signal delivery both come through here.
    std::atomic<unsigned long> sigpending{0};  // bit n: signal n is pending
    // Dispositions (sigaction's SIG_IGN, sigprocmask): an ignored signal is
    // dropped when sent (SIGKILL never is); a blocked one stays pending and
    // interrupts nothing until unblocked. The shell uses both (shell.cpp).
    std::atomic<unsigned long> sigignored{0};
    std::atomic<unsigned long> sigblocked{0};
    // Linux's TIF_NOTIFY_SIGNAL: signal_pending() without a signal. rmmod -f
    // sets it on the tasks inside the module, so that they leave it.
    std::atomic<bool> notify_signal{false};
    std::mutex sleep_mutex;
    std::condition_variable sleep_cv;
    bool woken = false;  // guarded by sleep_mutex
    bool kthread = false;                   // a kernel thread: no signals, [name] in ps
    std::atomic<bool> should_stop{false};  // kthread_stop() was called

    // The state (TASK_RUNNING, TASK_INTERRUPTIBLE, ...): set by the task
    // itself, read by /proc from any thread, so always accessed atomically.
    long state() const { return __atomic_load_n(&kts.__state, __ATOMIC_RELAXED); }
    void set_state(long s) { __atomic_store_n(&kts.__state, s, __ATOMIC_RELAXED); }

    // For the watchdog (watchdog.cpp): system calls in progress, and a
    // count that moves at every kernel entry, exit and sleep; a task in the
    // kernel, running, whose count stands still, is stuck.
    std::atomic<int> in_syscall{0};
    std::atomic<unsigned long> switches{0};
    std::atomic<unsigned long> host_thread{0};  // the pthread_t running it
    // The watchdog's questions to the task's own thread (from a signal):
    // where are you (sample_*), and, for a task with a fatal signal stuck
    // in module code, unwind if you are still inside [force_lo, force_hi).
    std::atomic<int> sample_state{0};  // 0 none, 1 asked, 2 answered
    uintptr_t sample_ip = 0;
    void* sample_frames[32] = {};
    int sample_nframes = 0;
    std::atomic<uintptr_t> force_lo{0}, force_hi{0};

    void wake();
    void send_signal(int sig);
    bool has_signal() const { return (sigpending.load() & ~sigblocked.load()) != 0 || notify_signal.load(); }

    // The user buffer of the system call in progress: copy_to_user and
    // copy_from_user may only touch [user_buf, user_buf + user_len).
    const char* user_buf = nullptr;
    size_t user_len = 0;
    bool user_window = false;
};

// The task whose system call this thread is running (Linux's `current`).
Task* current_task();
void set_current_task(Task* t);

inline Task* task_of(struct task_struct* p) { return reinterpret_cast<Task*>(p); }

class TaskTable {
public:
    Task* spawn(const Task* parent, std::string comm, uid_t uid, gid_t gid);
    // A kernel thread's task: root, no parent, kthread set and asleep before
    // the watchdog (which walks the table) can see it.
    Task* spawn_kthread(std::string comm);
    void exit(Task* t);  // closes its files, forgets it
    Task* find(pid_t pid) const;
    // Sends sig to pid if it exists and `sender_uid` may signal it (root, or
    // the same uid): 0, -ESRCH or -EPERM. Under the table lock, so the task
    // cannot exit half-way.
    int signal(pid_t pid, int sig, uid_t sender_uid);
    std::vector<Task*> all() const;
    // fn(task) for each task, under the table's lock: none can exit meanwhile.
    template <typename Fn>
    void for_each(Fn fn) const {
        std::lock_guard lock(mutex_);
        for (const auto& t : tasks_) fn(t.get());
    }
    // fn(task) for the task pid, under the table's lock; false if none.
    template <typename Fn>
    bool with_task(pid_t pid, Fn fn) const {
        std::lock_guard lock(mutex_);
        for (const auto& t : tasks_)
            if (t->pid == pid) {
                fn(*t);
                return true;
            }
        return false;
    }
    void exit_all(bool kthreads_too);  // kernel threads are stopped by their owners first

    // exit(2) and wait4(2) (exit.cpp). Makes t a zombie holding its
    // exit_status and wakes its parent; a task whose parent is init or gone is reaped at once,
    // as Linux's init reaps orphans. Zombie children of t are reaped too.
    void exit_to_zombie(Task* t);
    // A zombie child of `parent` (pid > 0: that one; -1: any) is reaped:
    // its pid, with *wstatus set; 0 if there are children but none has
    // exited; -ECHILD if there is no such child.
    long reap_child(const Task& parent, pid_t pid, int* wstatus);

private:
    Task* publish(std::unique_ptr<Task> t);  // gives it a pid and makes it visible

    // Lock order (docs/architecture.md, "Locks"): taken with the module
    // list's load_mutex held (rmmod -f); under it, a task's FdTable lock and
    // its sleep_mutex (a wake) may be taken, nothing else.
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Task>> tasks_;  // guarded by mutex_, as each task's ppid and zombie state
    pid_t next_pid_ = 1;                        // guarded by mutex_
};

}  // namespace sk
