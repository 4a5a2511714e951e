// fork.cpp - clone(2) and fork(2): a child task (kernel/fork.c in Linux).
//
// The child is a copy of the caller: the same open files (each one
// reference more), working directory, credentials, blocked and ignored
// signals. It does not run by itself: a host thread runs it by making system
// calls as it, so the caller also gets the child's handle (uapi/simkernel/syscall.h).
#include "ksys.hpp"

#include <simkernel/kernel.hpp>

#include <csignal>
#include <sched.h>

namespace sk {

long ksys_clone(Kernel& k, Task& t, unsigned long flags, Task** child_out) {
    // Only a copy: the sharing flags (CLONE_VM, CLONE_FILES, CLONE_THREAD...)
    // would need threads of one process, which simkernel has not.
    if (flags & ~static_cast<unsigned long>(CSIGNAL)) return -EINVAL;
    unsigned long exit_signal = flags & CSIGNAL;
    if (exit_signal != 0 && exit_signal != SIGCHLD) return -EINVAL;
    Task* child = k.tasks.spawn(&t, t.comm, t.uid, t.gid);
    child->suid = t.suid;
    child->sgid = t.sgid;
    child->sigblocked.store(t.sigblocked.load());
    child->sigignored.store(t.sigignored.load());
    if (child_out) {
        UserWindow w(t, child_out, sizeof *child_out);
        if (copy_to_user(child_out, &child, sizeof child)) {
            // Nobody could ever run or reap it: it never existed.
            k.tasks.exit(child);
            return -EFAULT;
        }
    }
    return child->pid;
}

}  // namespace sk
