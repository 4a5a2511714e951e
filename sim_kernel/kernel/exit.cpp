// exit.cpp - exit(2) and wait4(2): a task ends, its parent collects its
// status (kernel/exit.c in Linux).
//
// exit closes the task's files and records its wait status; the task stays
// in the table as a zombie until its parent's wait4 reaps it. The zombie is
// published only once its thread has left the kernel (do_syscall's last
// act), so that a parent woken at once never frees a task still in use.
#include "ksys.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/vfs.hpp>

#include <linux/sched.h>

#include <algorithm>
#include <csignal>
#include <sys/wait.h>

namespace sk {

long ksys_exit(Task& t, int code) {
    // Killed by a signal (the program caught TaskKilled and is leaving):
    // the parent learns the signal, as WIFSIGNALED.
    t.exit_status = t.killed_by ? (t.killed_by & 0x7f) : (code & 0xff) << 8;
    for (int fd : t.files.open_fds()) fput(t.files.remove(fd));
    // Nothing may stop it now: no signal is delivered on the way out.
    t.sigblocked.store(~0UL);
    t.sigpending.store(0);
    t.exit_pending = true;  // do_syscall hands the task to exit_to_zombie
    return 0;
}

void TaskTable::exit_to_zombie(Task* t) {
    std::lock_guard lock(mutex_);
    auto reaps_orphans = [this](pid_t ppid) {  // init, or nobody
        if (ppid == 1) return true;
        return std::none_of(tasks_.begin(), tasks_.end(), [ppid](const auto& p) { return p->pid == ppid; });
    };
    // Its children now belong to init, which reaps the zombies among them.
    for (auto& c : tasks_)
        if (c->ppid == t->pid && c.get() != t) c->ppid = 1;
    std::erase_if(tasks_, [](const auto& c) { return c->ppid == 1 && c->state() == EXIT_ZOMBIE; });
    if (reaps_orphans(t->ppid)) {
        std::erase_if(tasks_, [t](const auto& p) { return p.get() == t; });
        return;
    }
    t->set_state(EXIT_ZOMBIE);
    for (auto& p : tasks_)
        if (p->pid == t->ppid) p->wake();  // a parent in wait4 looks again
}

long TaskTable::reap_child(const Task& parent, pid_t pid, int* wstatus) {
    std::lock_guard lock(mutex_);
    bool any = false;
    for (auto it = tasks_.begin(); it != tasks_.end(); ++it) {
        Task& c = **it;
        if (c.ppid != parent.pid || c.kthread || (pid > 0 && c.pid != pid)) continue;
        any = true;
        if (c.state() != EXIT_ZOMBIE) continue;
        *wstatus = c.exit_status;
        pid_t reaped = c.pid;
        tasks_.erase(it);
        return reaped;
    }
    return any ? 0 : -ECHILD;
}

// wait4(2). simkernel has one process group, so pid 0 and pid < -1 mean
// any child, as -1 does; there are no stopped tasks, so WUNTRACED and
// WCONTINUED change nothing; there is no accounting: *rusage is zeroed.
long ksys_wait4(Kernel& k, Task& t, pid_t pid, int* ustatus, int options, struct rusage* ru) {
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED)) return -EINVAL;
    for (;;) {
        set_current_state_fn(TASK_INTERRUPTIBLE);  // a child's exit from now on wakes us
        int wstatus = 0;
        long ret = k.tasks.reap_child(t, pid > 0 ? pid : -1, &wstatus);
        if (ret == 0 && !(options & WNOHANG)) {
            if (t.has_signal()) {
                set_current_state_fn(TASK_RUNNING);
                return -ERESTARTSYS;
            }
            schedule_timeout(MAX_SCHEDULE_TIMEOUT);
            continue;
        }
        set_current_state_fn(TASK_RUNNING);
        if (ret > 0 && ustatus) {
            UserWindow w(t, ustatus, sizeof *ustatus);
            if (copy_to_user(ustatus, &wstatus, sizeof wstatus)) return -EFAULT;
        }
        if (ret > 0 && ru) {
            struct rusage zero {};
            UserWindow w(t, ru, sizeof *ru);
            if (copy_to_user(ru, &zero, sizeof zero)) return -EFAULT;
        }
        return ret;
    }
}

}  // namespace sk
