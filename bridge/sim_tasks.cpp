// sim_tasks.cpp - task creation, exit and credentials for bridged host
// processes (see sim_tasks.hpp), and the one door for system calls.
#include "sim_tasks.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/syscalls.hpp>
#include <simkernel/task.hpp>

#include <simkernel/kapi.h>

#include <cstdio>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <csignal>

namespace bridge {

sk::Task* sim_clone(sk::Task* parent, long* err) {
    sk::Task* child = nullptr;
    long pid = sim_call(parent, __NR_clone, SIGCHLD, 0, 0, 0, 0, reinterpret_cast<unsigned long>(&child));
    *err = pid < 0 ? pid : 0;
    return pid < 0 ? nullptr : child;
}

sk::Task* sim_fork(sk::Task* parent, const std::string& comm, uid_t uid, gid_t gid) {
    long err = 0;
    sk::Task* t = sim_clone(parent, &err);
    if (!t) return nullptr;
    // A copy of its parent (init or the shell: root, or the student with
    // root saved), then down to uid/gid with root kept as the saved ids, as
    // the shell's own task: simkernel's sudo takes it back (setresuid).
    sim_call(t, __NR_setresgid, 0, 0, 0);
    sim_call(t, __NR_setresuid, 0, 0, 0);
    sim_call(t, __NR_setresgid, gid, gid, 0);
    sim_call(t, __NR_setresuid, uid, uid, 0);
    sim_set_comm(t, comm);
    return t;
}

void sim_exit(sk::Task* task, int code) {
    try {
        sim_call(task, __NR_exit, static_cast<unsigned long>(code));
    } catch (const SimTaskKilled&) {
        // exit(2) delivers no signal; nothing to do if a driver's release oopsed
    }
}

void sim_reap_children(sk::Task* parent) {
    while (sim_call(parent, __NR_wait4, static_cast<unsigned long>(-1), 0, WNOHANG) > 0) {
    }
}

long sim_pid(sk::Task* task) { return sim_call(task, __NR_getpid); }

void sim_set_comm(sk::Task* task, const std::string& comm) {
    std::string name = comm.substr(0, 15);
    sim_call(task, __NR_prctl, PR_SET_NAME, reinterpret_cast<unsigned long>(name.c_str()));
}

void sim_grant_root(sk::Task* task) {
    // The kernel's own rule lets a task take back a saved uid 0 (the
    // launch keeps it, as login does for the shell): setresuid(2).
    sim_call(task, __NR_setresgid, 0, 0, static_cast<unsigned long>(-1));
    sim_call(task, __NR_setresuid, 0, 0, static_cast<unsigned long>(-1));
}

std::string sim_comm(sk::Task* task) {
    char name[16] = {};
    sim_call(task, __NR_prctl, PR_GET_NAME, reinterpret_cast<unsigned long>(name));
    return name;
}

sk::Task* sim_init_task(sk::Kernel& k) { return k.init_task(); }

void sim_interrupt(sk::Task* task) {
    task->notify_signal.store(true);
    task->wake();
}

void sim_clear_interrupt(sk::Task* task) { task->notify_signal.store(false); }

void sim_log(const std::string& line) { printk(KERN_NOTICE "%s\n", line.c_str()); }

void sim_rethrow(const SimTaskKilled& killed) { throw sk::TaskKilled{killed.sig}; }

long sim_call(sk::Task* task, long nr, unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
              unsigned long a4, unsigned long a5) {
    pt_regs regs{};
    regs.di = a0;
    regs.si = a1;
    regs.dx = a2;
    regs.r10 = a3;
    regs.r8 = a4;
    regs.r9 = a5;
    regs.orig_ax = static_cast<unsigned long>(nr);
    try {
        return sk::do_syscall(task, nr, &regs);
    } catch (const sk::TaskKilled& k) {
        throw SimTaskKilled{k.sig};
    }
}

}  // namespace bridge
