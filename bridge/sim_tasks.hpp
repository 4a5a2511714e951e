// sim_tasks.hpp - the bridge's door into the kernel: every task is made,
// ended and reaped through the kernel's own system calls (clone, exit,
// wait4, setresuid, prctl), as the built-in shell's are. What is left that
// is not a system call: waking a task's sleep as a signal would (for a call
// its program abandoned), and a line in the kernel log.
#pragma once

#include <sys/types.h>

#include <string>

namespace sk {
struct Task;
class Kernel;
}  // namespace sk

namespace bridge {

// clone(2) as `parent`: a copy of it (open files, credentials), or nullptr
// with *err = -errno. Only while no other thread makes calls as parent.
sk::Task* sim_clone(sk::Task* parent, long* err);
// A child of parent for a new program, as uid/gid with root as its saved
// uid and gid (what simkernel's sudo takes back), named comm.
sk::Task* sim_fork(sk::Task* parent, const std::string& comm, uid_t uid, gid_t gid);
// exit(2) as the task: its files close (each driver's release runs); it is
// a zombie until its parent reaps it (or at once, if init is its parent).
void sim_exit(sk::Task* task, int code);
// wait4(-1, WNOHANG) as the parent until no zombie child is left.
void sim_reap_children(sk::Task* parent);
// The task's pid in the simulated kernel (getpid(2) as it).
long sim_pid(sk::Task* task);
void sim_set_comm(sk::Task* task, const std::string& comm);
std::string sim_comm(sk::Task* task);
sk::Task* sim_init_task(sk::Kernel& k);
// Makes the task's sleep end as if a signal came (-ERESTARTSYS, EINTR to
// the program): Linux's TIF_NOTIFY_SIGNAL, for a call the program left.
void sim_interrupt(sk::Task* task);
void sim_clear_interrupt(sk::Task* task);
// A line in the kernel log, at KERN_NOTICE.
void sim_log(const std::string& line);
// simkernel's sudo: uid and gid 0, through the kernel's setresuid/setresgid.
void sim_grant_root(sk::Task* task);
// The kernel ended the task during a call (an Oops, SIGKILL): sk::TaskKilled,
// seen from outside the kernel's headers.
struct SimTaskKilled {
    int sig;
};
// Passes it on to whoever called the bridge as that task (the shell, as
// for its own calls): sk::TaskKilled again.
[[noreturn]] void sim_rethrow(const SimTaskKilled& killed);

// A system call as the task, with the kernel's own entry: >= 0 or -errno.
// Throws SimTaskKilled where do_syscall throws sk::TaskKilled.
long sim_call(sk::Task* task, long nr, unsigned long a0 = 0, unsigned long a1 = 0, unsigned long a2 = 0,
              unsigned long a3 = 0, unsigned long a4 = 0, unsigned long a5 = 0);

}  // namespace bridge
