// syscalls.hpp - the system-call boundary.
//
// Everything user space asks of the kernel enters here as (task, number,
// registers) and leaves as one long: >= 0 a result, < 0 a negated errno.
// Nothing else crosses: this is where a crash in a driver will be caught and
// where a process outside the kernel could one day call in.
#pragma once

#include <simkernel/kapi.h>
#include <asm/syscall.h>

namespace sk {

struct Task;

long do_syscall(Task* task, long nr, const struct pt_regs* regs);

// On the way back to user space a pending signal is delivered. SIGINT,
// SIGTERM, SIGKILL, SIGHUP and SIGQUIT end the task: do_syscall throws
// TaskKilled instead of returning, and whoever runs the task's program
// catches it (the shell, for each command). Other signals are discarded.
struct TaskKilled {
    int sig;
};

// Boot fills sys_call_table with the kernel's own system calls.
void reset_syscall_table();

// For strace-style output: "read", "write", ...
const char* syscall_name(long nr);

}  // namespace sk
