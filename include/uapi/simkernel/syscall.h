/*
 * include/uapi/simkernel/syscall.h - what crosses the system-call boundary,
 * and nothing else: the registers a call is made with, the entry's type, and
 * how the kernel tells a program that its task was killed. Shared by the
 * kernel (sim_kernel/) and the user library (user/); neither sees the other's
 * internals (docs/architecture.md, "The boundary").
 */
#ifndef _UAPI_SIMKERNEL_SYSCALL_H
#define _UAPI_SIMKERNEL_SYSCALL_H

/* The registers of x86-64's syscall instruction, in pt_regs order: the
 * arguments in di, si, dx, r10, r8, r9 and the number in orig_ax. The
 * kernel checks that its struct pt_regs has this layout. */
struct sk_syscall_regs {
    unsigned long di;
    unsigned long si;
    unsigned long dx;
    unsigned long r10;
    unsigned long r8;
    unsigned long r9;
    unsigned long orig_ax;
};

/* rt_sigaction(2)'s structure as the x86-64 kernel reads it (not glibc's
 * struct sigaction): the handler is SIG_DFL (0) or SIG_IGN (1), since a
 * simulated program has no signal frame a handler could run on. */
struct sk_kernel_sigaction {
    unsigned long handler;
    unsigned long flags;
    unsigned long restorer;
    unsigned long mask; /* one bit per signal: bit (sig - 1) */
};

#ifdef __cplusplus
#include <signal.h>

namespace sk {

/* A task, as user space sees it: a handle it passes back, never looks into
 * (the CPU context a system call is made from). */
struct Task;

/* The entry: the one function through which user space reaches the kernel.
 * The kernel exports it under this name, as Linux maps its vDSO into every
 * process; the user library finds it in the process at run time (dlsym), so
 * neither links against the other. */
using SyscallEntryFn = long (*)(Task* task, long nr, const sk_syscall_regs* regs);
inline constexpr const char* kSyscallEntrySymbol = "sk_syscall_entry";

/* The signals whose default action ends a task, most urgent first: the
 * order in which the way back to user space delivers them. The kernel's
 * entry, its watchdog and the shell all read this one list. */
inline constexpr int kTerminatingSignals[] = {SIGKILL, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGIO};

/* On the way back to user space a pending fatal signal is delivered (one of
 * kTerminatingSignals ends the task). A simulated program has
 * no process of its own to end, so the entry throws this instead of
 * returning; whoever runs the program catches it and calls exit(2), which
 * records the task as killed by sig (wait4 then reports WIFSIGNALED). */
struct TaskKilled {
    int sig;
};

}  // namespace sk
#endif

/*
 * clone(2) and fork(2): Linux's x86-64 arguments (flags, stack, parent_tid,
 * child_tid, tls). A simulated child does not start running by itself: a
 * host thread runs its code by making system calls as it. So the kernel
 * also hands back the child's task handle through the sixth register (r9),
 * if it is not 0: *(sk::Task**)r9 = child. The handle stays valid until the
 * parent reaps the child with wait4(2).
 */

#endif /* _UAPI_SIMKERNEL_SYSCALL_H */
