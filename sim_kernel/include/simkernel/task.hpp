// task.hpp - a task (process): pid, credentials, working directory and the
// file-descriptor table its system calls index.
#pragma once

#include <simkernel/kapi.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sk {

// The fd table: small integers -> struct file. Only the task's own thread
// touches it, so the read path takes no lock.
class FdTable {
public:
    static constexpr int kMaxFds = 1024;  // RLIMIT_NOFILE

    struct file* get(int fd) const {
        return (fd >= 0 && static_cast<size_t>(fd) < fds_.size()) ? fds_[fd] : nullptr;
    }
    int install(struct file* f);             // lowest free fd, or -EMFILE
    int install_at(int fd, struct file* f);  // for stdin/stdout/stderr
    struct file* remove(int fd);             // nullptr if fd was not open
    std::vector<int> open_fds() const;
    FdTable clone() const;  // fork: the same files, each one reference more

private:
    std::vector<struct file*> fds_;
};

struct Task {
    // What modules see as current (pid, comm): first, so that a
    // struct task_struct* converts back to the Task.
    struct task_struct kts {};

    pid_t pid = 0;
    pid_t ppid = 0;
    uid_t uid = 0;
    gid_t gid = 0;
    std::string comm;
    std::string cwd = "/";
    FdTable files;

    // Signals and sleep. A sleeping task waits on sleep_cv until wake() or a
    // signal; wait queues and signal delivery both come through here.
    std::atomic<unsigned long> sigpending{0};  // bit n: signal n is pending
    std::mutex sleep_mutex;
    std::condition_variable sleep_cv;
    bool woken = false;  // guarded by sleep_mutex
    bool kthread = false;                   // a kernel thread: no signals, [name] in ps
    std::atomic<bool> should_stop{false};  // kthread_stop() was called

    // The state (TASK_RUNNING, TASK_INTERRUPTIBLE, ...): set by the task
    // itself, read by /proc from any thread, so always accessed atomically.
    long state() const { return __atomic_load_n(&kts.__state, __ATOMIC_RELAXED); }
    void set_state(long s) { __atomic_store_n(&kts.__state, s, __ATOMIC_RELAXED); }

    void wake();
    void send_signal(int sig);
    bool has_signal() const { return sigpending.load() != 0; }

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
    void exit(Task* t);  // closes its files, forgets it
    Task* find(pid_t pid) const;
    // Sends sig to pid if it exists and `sender_uid` may signal it (root, or
    // the same uid): 0, -ESRCH or -EPERM. Under the table lock, so the task
    // cannot exit half-way.
    int signal(pid_t pid, int sig, uid_t sender_uid);
    std::vector<Task*> all() const;
    void exit_all(bool kthreads_too);  // kernel threads are stopped by their owners first

private:
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Task>> tasks_;
    pid_t next_pid_ = 1;
};

}  // namespace sk
