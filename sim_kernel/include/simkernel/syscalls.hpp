// syscalls.hpp - the system-call boundary.
//
// Everything user space asks of the kernel enters here as (task, number,
// registers) and leaves as one long: >= 0 a result, < 0 a negated errno.
// Nothing else crosses: this is where a crash in a driver will be caught and
// where a process outside the kernel could one day call in.
#pragma once

#include <simkernel/kapi.h>
#include <asm/syscall.h>
#include <uapi/simkernel/syscall.h>  // sk_syscall_regs, TaskKilled: what user space shares

namespace sk {

struct Task;

long do_syscall(Task* task, long nr, const struct pt_regs* regs);

// On the way back to user space a pending signal is delivered. Those of
// kTerminatingSignals (uapi/simkernel/syscall.h) end the task: do_syscall throws
// TaskKilled (uapi/simkernel/syscall.h) instead of returning, and whoever
// runs the task's program catches it (the shell, for each command) and calls
// exit(2). Other signals are discarded.

// Boot fills sys_call_table with the kernel's own system calls.
void reset_syscall_table();

// For strace-style output: "read", "write", ...
const char* syscall_name(long nr);

}  // namespace sk

// The entry user space calls (found by name, as a vDSO symbol): do_syscall
// with the registers in their uapi layout.
extern "C" long sk_syscall_entry(sk::Task* task, long nr, const sk_syscall_regs* regs);
