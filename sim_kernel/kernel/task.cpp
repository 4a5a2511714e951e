// task.cpp - tasks and their file-descriptor tables.
#include <simkernel/task.hpp>
#include <simkernel/vfs.hpp>

#include <algorithm>
#include <csignal>

namespace sk {

namespace {
// initial-exec: the kernel library is loaded at start-up, so `current` costs
// one %fs-relative load on the system-call path instead of a __tls_get_addr call.
thread_local Task* current_ __attribute__((tls_model("initial-exec"))) = nullptr;
}

Task* current_task() { return current_; }
void set_current_task(Task* t) { current_ = t; }

void Task::wake() {
    {
        std::lock_guard lock(sleep_mutex);
        woken = true;
    }
    sleep_cv.notify_all();
}

void Task::send_signal(int sig) {
    if (sig <= 0 || sig >= 64 || kthread) return;  // kernel threads ignore signals
    if (pid == 1) return;  // init gets only the signals it handles: none (SIGNAL_UNKILLABLE)
    if (sig != SIGKILL && (sigignored.load() & (1UL << sig))) return;
    sigpending.fetch_or(1UL << sig);
    wake();  // an interruptible sleep ends; the system call returns EINTR
}

int FdTable::install(struct file* f) {
    std::lock_guard lock(mutex_);
    for (size_t fd = 0; fd < fds_.size(); ++fd) {
        if (!fds_[fd]) {
            fds_[fd] = f;
            return static_cast<int>(fd);
        }
    }
    if (fds_.size() >= kMaxFds) return -EMFILE;
    fds_.push_back(f);
    return static_cast<int>(fds_.size() - 1);
}

int FdTable::install_at(int fd, struct file* f) {
    if (fd < 0 || fd >= kMaxFds) return -EBADF;
    struct file* old;
    {
        std::lock_guard lock(mutex_);
        if (static_cast<size_t>(fd) >= fds_.size()) fds_.resize(fd + 1, nullptr);
        old = fds_[fd];
        fds_[fd] = f;
    }
    if (old) fput(old);  // outside the lock: its release may take its time
    return fd;
}

struct file* FdTable::remove(int fd) {
    std::lock_guard lock(mutex_);
    struct file* f = get(fd);
    if (f) fds_[fd] = nullptr;
    while (!fds_.empty() && !fds_.back()) fds_.pop_back();
    return f;
}

std::vector<int> FdTable::open_fds() const {
    std::vector<int> out;
    for_each([&out](int fd, struct file*) { out.push_back(fd); });
    return out;
}

FdTable FdTable::clone() const {
    FdTable copy;
    std::lock_guard lock(mutex_);
    copy.fds_ = fds_;
    for (struct file* f : copy.fds_)
        if (f) get_file(f);
    return copy;
}

Task* TaskTable::spawn(const Task* parent, std::string comm, uid_t uid, gid_t gid) {
    auto t = std::make_unique<Task>();
    t->uid = t->suid = uid;
    t->gid = t->sgid = gid;
    t->comm = std::move(comm);
    t->kts.uid = uid;
    snprintf(t->kts.comm, sizeof t->kts.comm, "%s", t->comm.c_str());
    if (parent) {
        t->ppid = parent->pid;
        t->cwd = parent->cwd;
        t->files = parent->files.clone();
    }
    return publish(std::move(t));
}

Task* TaskTable::spawn_kthread(std::string comm) {
    auto t = std::make_unique<Task>();
    t->comm = std::move(comm);
    snprintf(t->kts.comm, sizeof t->kts.comm, "%s", t->comm.c_str());
    t->kthread = true;
    t->set_state(TASK_UNINTERRUPTIBLE);
    return publish(std::move(t));
}

Task* TaskTable::publish(std::unique_ptr<Task> t) {
    std::lock_guard lock(mutex_);
    t->pid = next_pid_++;
    t->kts.pid = t->kts.tgid = t->pid;
    tasks_.push_back(std::move(t));
    return tasks_.back().get();
}

void TaskTable::exit(Task* t) {
    for (int fd : t->files.open_fds()) fput(t->files.remove(fd));
    std::lock_guard lock(mutex_);
    std::erase_if(tasks_, [t](const auto& p) { return p.get() == t; });
}

Task* TaskTable::find(pid_t pid) const {
    std::lock_guard lock(mutex_);
    for (const auto& t : tasks_)
        if (t->pid == pid) return t.get();
    return nullptr;
}

int TaskTable::signal(pid_t pid, int sig, uid_t sender_uid) {
    std::lock_guard lock(mutex_);
    for (const auto& t : tasks_) {
        if (t->pid != pid) continue;
        if (sender_uid != 0 && sender_uid != t->uid) return -EPERM;
        if (sig) t->send_signal(sig);
        return 0;
    }
    return -ESRCH;
}

std::vector<Task*> TaskTable::all() const {
    std::lock_guard lock(mutex_);
    std::vector<Task*> out;
    for (const auto& t : tasks_) out.push_back(t.get());
    return out;
}

void TaskTable::exit_all(bool kthreads_too) {
    // Newest first, so children close their files before their parents.
    for (;;) {
        Task* t = nullptr;
        {
            std::lock_guard lock(mutex_);
            for (auto it = tasks_.rbegin(); it != tasks_.rend() && !t; ++it)
                if (kthreads_too || !(*it)->kthread) t = it->get();
        }
        if (!t) return;
        exit(t);
    }
}

}  // namespace sk
