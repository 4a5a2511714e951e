// syscall_table.cpp - the system-call entry and the table it dispatches
// through (arch/x86/entry/syscall_64.c in Linux).
//
// sys_call_table[nr] points at sys_<name>(regs), which unpacks the
// registers and calls ksys_<name>. The table is exported: a module may
// replace an entry with its own function (and must put the old one back).
#include "ksys.hpp"

#include <simkernel/lockdep.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/loader.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/syscalls.hpp>

#include <pthread.h>

#include <csignal>
#include <simkernel/export.hpp>

namespace sk {
namespace {

Task& cur() { return *current_task(); }

template <typename T>
T arg(unsigned long v) {
    if constexpr (std::is_pointer_v<T>) return reinterpret_cast<T>(v);
    else return static_cast<T>(v);
}

long sys_read(const pt_regs* r) { return ksys_read(cur(), arg<int>(r->di), arg<char*>(r->si), r->dx); }
long sys_write(const pt_regs* r) { return ksys_write(cur(), arg<int>(r->di), arg<const char*>(r->si), r->dx); }
long sys_open(const pt_regs* r) {
    return ksys_open(kernel(), cur(), arg<const char*>(r->di), arg<int>(r->si), arg<umode_t>(r->dx));
}
long sys_close(const pt_regs* r) { return ksys_close(cur(), arg<int>(r->di)); }
long sys_stat(const pt_regs* r) { return ksys_stat(kernel(), cur(), arg<const char*>(r->di), arg<struct stat*>(r->si)); }
long sys_fstat(const pt_regs* r) { return ksys_fstat(cur(), arg<int>(r->di), arg<struct stat*>(r->si)); }
long sys_lseek(const pt_regs* r) { return ksys_lseek(cur(), arg<int>(r->di), arg<long>(r->si), arg<int>(r->dx)); }
long sys_ioctl(const pt_regs* r) { return ksys_ioctl(cur(), arg<int>(r->di), arg<unsigned>(r->si), r->dx); }
long sys_dup(const pt_regs* r) { return ksys_dup(cur(), arg<int>(r->di)); }
long sys_dup2(const pt_regs* r) { return ksys_dup2(cur(), arg<int>(r->di), arg<int>(r->si)); }
long sys_nanosleep(const pt_regs* r) { return ksys_nanosleep(cur(), arg<const struct timespec*>(r->di)); }
long sys_kill(const pt_regs* r) { return ksys_kill(kernel(), cur(), arg<pid_t>(r->di), arg<int>(r->si)); }
long sys_getpid(const pt_regs*) { return cur().pid; }
long sys_getppid(const pt_regs*) { return cur().ppid; }
long sys_uname(const pt_regs* r) { return ksys_uname(cur(), arg<struct utsname*>(r->di)); }
long sys_getcwd(const pt_regs* r) { return ksys_getcwd(cur(), arg<char*>(r->di), r->si); }
long sys_chdir(const pt_regs* r) { return ksys_chdir(kernel(), cur(), arg<const char*>(r->di)); }
long sys_unlink(const pt_regs* r) { return ksys_unlink(kernel(), cur(), arg<const char*>(r->di)); }
long sys_mkdir(const pt_regs* r) { return ksys_mkdir(kernel(), cur(), arg<const char*>(r->di), arg<umode_t>(r->si)); }
long sys_chmod(const pt_regs* r) { return ksys_chmod(kernel(), cur(), arg<const char*>(r->di), arg<umode_t>(r->si)); }
long sys_getuid(const pt_regs*) { return cur().uid; }
long sys_getgid(const pt_regs*) { return cur().gid; }
long sys_syslog(const pt_regs* r) {
    return ksys_syslog(kernel(), cur(), arg<int>(r->di), arg<char*>(r->si), arg<int>(r->dx));
}
long sys_mknod(const pt_regs* r) {
    return ksys_mknod(kernel(), cur(), arg<const char*>(r->di), arg<umode_t>(r->si), r->dx);
}
long sys_init_module(const pt_regs* r) {
    return ksys_init_module(kernel(), cur(), arg<const void*>(r->di), r->si, arg<const char*>(r->dx));
}
long sys_delete_module(const pt_regs* r) {
    return ksys_delete_module(kernel(), cur(), arg<const char*>(r->di), arg<unsigned>(r->si));
}
long sys_getdents64(const pt_regs* r) {
    return ksys_getdents64(cur(), arg<int>(r->di), arg<char*>(r->si), r->dx);
}
long sys_finit_module(const pt_regs* r) {
    return ksys_finit_module(kernel(), cur(), arg<int>(r->di), arg<const char*>(r->si), arg<int>(r->dx));
}
// issue 14: waiting on many files, fcntl (select.cpp, fcntl.cpp)
long sys_poll(const pt_regs* r) { return ksys_poll(cur(), arg<void*>(r->di), arg<unsigned>(r->si), arg<int>(r->dx)); }
long sys_select(const pt_regs* r) {
    return ksys_select(cur(), arg<int>(r->di), arg<void*>(r->si), arg<void*>(r->dx), arg<void*>(r->r10),
                       arg<struct timeval*>(r->r8));
}
long sys_pselect6(const pt_regs* r) {
    return ksys_pselect6(cur(), arg<int>(r->di), arg<void*>(r->si), arg<void*>(r->dx), arg<void*>(r->r10),
                         arg<struct timespec*>(r->r8), arg<const void*>(r->r9));
}
long sys_ppoll(const pt_regs* r) {
    return ksys_ppoll(cur(), arg<void*>(r->di), arg<unsigned>(r->si), arg<const struct timespec*>(r->dx),
                      arg<const void*>(r->r10), r->r8);
}
long sys_fcntl(const pt_regs* r) {
    return ksys_fcntl(kernel(), cur(), arg<int>(r->di), arg<unsigned>(r->si), r->dx);
}
long sys_clone(const pt_regs* r) { return ksys_clone(kernel(), cur(), r->di, arg<Task**>(r->r9)); }
long sys_fork(const pt_regs* r) { return ksys_clone(kernel(), cur(), SIGCHLD, arg<Task**>(r->r9)); }
long sys_exit(const pt_regs* r) { return ksys_exit(cur(), arg<int>(r->di)); }
long sys_wait4(const pt_regs* r) {
    return ksys_wait4(kernel(), cur(), arg<pid_t>(r->di), arg<int*>(r->si), arg<int>(r->dx), arg<struct rusage*>(r->r10));
}
long sys_setresuid(const pt_regs* r) { return ksys_setresuid(cur(), arg<uid_t>(r->di), arg<uid_t>(r->si), arg<uid_t>(r->dx)); }
long sys_setresgid(const pt_regs* r) { return ksys_setresgid(cur(), arg<gid_t>(r->di), arg<gid_t>(r->si), arg<gid_t>(r->dx)); }
long sys_getresuid(const pt_regs* r) {
    return ksys_getresuid(cur(), arg<uid_t*>(r->di), arg<uid_t*>(r->si), arg<uid_t*>(r->dx));
}
long sys_prctl(const pt_regs* r) { return ksys_prctl(cur(), arg<int>(r->di), r->si); }
long sys_rt_sigaction(const pt_regs* r) {
    return ksys_rt_sigaction(cur(), arg<int>(r->di), arg<const sk_kernel_sigaction*>(r->si),
                             arg<sk_kernel_sigaction*>(r->dx), r->r10);
}
long sys_rt_sigprocmask(const pt_regs* r) {
    return ksys_rt_sigprocmask(cur(), arg<int>(r->di), arg<const unsigned long*>(r->si), arg<unsigned long*>(r->dx), r->r10);
}
long sys_rt_sigpending(const pt_regs* r) { return ksys_rt_sigpending(cur(), arg<unsigned long*>(r->di), r->si); }
long sys_rt_sigtimedwait(const pt_regs* r) {
    return ksys_rt_sigtimedwait(cur(), arg<const unsigned long*>(r->di), arg<void*>(r->si),
                                arg<const struct timespec*>(r->dx), r->r10);
}

struct SyscallEntry {
    long nr;
    const char* name;
    sys_call_ptr_t fn;
};

// Every system call simkernel has.
const SyscallEntry syscalls[] = {
    {__NR_read, "read", sys_read},
    {__NR_write, "write", sys_write},
    {__NR_open, "open", sys_open},
    {__NR_close, "close", sys_close},
    {__NR_stat, "stat", sys_stat},
    {__NR_fstat, "fstat", sys_fstat},
    {__NR_lseek, "lseek", sys_lseek},
    {__NR_ioctl, "ioctl", sys_ioctl},
    {__NR_dup, "dup", sys_dup},
    {__NR_dup2, "dup2", sys_dup2},
    {__NR_nanosleep, "nanosleep", sys_nanosleep},
    {__NR_getpid, "getpid", sys_getpid},
    {__NR_kill, "kill", sys_kill},
    {__NR_uname, "uname", sys_uname},
    {__NR_getcwd, "getcwd", sys_getcwd},
    {__NR_chdir, "chdir", sys_chdir},
    {__NR_mkdir, "mkdir", sys_mkdir},
    {__NR_unlink, "unlink", sys_unlink},
    {__NR_chmod, "chmod", sys_chmod},
    {__NR_getuid, "getuid", sys_getuid},
    {__NR_syslog, "syslog", sys_syslog},
    {__NR_getgid, "getgid", sys_getgid},
    {__NR_geteuid, "geteuid", sys_getuid},
    {__NR_getppid, "getppid", sys_getppid},
    {__NR_mknod, "mknod", sys_mknod},
    {__NR_init_module, "init_module", sys_init_module},
    {__NR_delete_module, "delete_module", sys_delete_module},
    {__NR_getdents64, "getdents64", sys_getdents64},
    {__NR_finit_module, "finit_module", sys_finit_module},
    // issue 14
    {__NR_poll, "poll", sys_poll},
    {__NR_select, "select", sys_select},
    {__NR_fcntl, "fcntl", sys_fcntl},
    {__NR_pselect6, "pselect6", sys_pselect6},
    {__NR_ppoll, "ppoll", sys_ppoll},
    // Tasks: what a shell needs to run programs (fork.cpp, exit.cpp, sys.cpp, signal.cpp).
    {__NR_clone, "clone", sys_clone},
    {__NR_fork, "fork", sys_fork},
    {__NR_exit, "exit", sys_exit},
    {__NR_exit_group, "exit_group", sys_exit},  // one thread per task: the same
    {__NR_wait4, "wait4", sys_wait4},
    {__NR_setresuid, "setresuid", sys_setresuid},
    {__NR_getresuid, "getresuid", sys_getresuid},
    {__NR_setresgid, "setresgid", sys_setresgid},
    {__NR_prctl, "prctl", sys_prctl},
    {__NR_rt_sigaction, "rt_sigaction", sys_rt_sigaction},
    {__NR_rt_sigprocmask, "rt_sigprocmask", sys_rt_sigprocmask},
    {__NR_rt_sigpending, "rt_sigpending", sys_rt_sigpending},
    {__NR_rt_sigtimedwait, "rt_sigtimedwait", sys_rt_sigtimedwait},
};

}  // namespace

// Boot fills the table afresh, so a module's patch never outlives the kernel.
void reset_syscall_table() {
    for (auto& fn : sys_call_table) fn = nullptr;
    for (const SyscallEntry& e : syscalls) sys_call_table[e.nr] = e.fn;
}

const char* syscall_name(long nr) {
    for (const SyscallEntry& e : syscalls)
        if (e.nr == nr) return e.name;
    return "?";
}

// exit_to_user_mode: the default action of the terminating signals.
void deliver_signal(Task* task) {
    unsigned long pending = task->sigpending.exchange(0);
    for (int sig : kTerminatingSignals)
        if (pending & (1UL << sig)) {
            task->killed_by = sig;  // what its exit(2) reports to the parent
            throw TaskKilled{sig};
        }
}

// A counter only its owner's thread writes: a plain load and store.
template <class T>
void add_own(std::atomic<T>& counter, T n) {
    counter.store(counter.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
}

namespace {
// The entry's body: do_syscall and sk_syscall_entry (user space's way in)
// are each one frame, which a call trace names do_syscall_64 (kallsyms.cpp).
__attribute__((always_inline)) inline long syscall_body(Task* task, long nr, const struct pt_regs* regs) {
    if (nr < 0 || nr >= NR_syscalls || !task) return -ENOSYS;
    sys_call_ptr_t fn = sys_call_table[nr];
    if (!fn) return -ENOSYS;
    long ret;
    {
        Task* saved = current_task();
        set_current_task(task);
        // For the watchdog: this task is in the kernel, on this thread. Only
        // the task's own thread writes these, so plain loads and stores do (no
        // locked instruction on the system-call path); the watchdog only reads.
        struct InKernel {
            Task* t;
            explicit InKernel(Task* task) : t(task) {
                auto self = static_cast<unsigned long>(pthread_self());
                if (t->host_thread.load(std::memory_order_relaxed) != self)
                    t->host_thread.store(self, std::memory_order_relaxed);
                add_own(t->in_syscall, 1);
                add_own(t->switches, 1UL);
            }
            ~InKernel() {
                add_own(t->switches, 1UL);
                add_own(t->in_syscall, -1);
            }
        } in_kernel(task);
        try {
            TrapScope scope;  // a fault in here is this task's Oops
            ret = fn(regs);
        } catch (const KernelFault& f) {
            oops_in_context(f, OopsContext::Task);  // reports it; the task gets SIGKILL
            ret = -EFAULT;
        }
        if (task->in_syscall.load(std::memory_order_relaxed) == 1) lockdep_sys_exit();  // locks left held
        set_current_task(saved);
        // Interrupted calls restart inside the kernel; user space sees EINTR.
        if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR) ret = -EINTR;
        if (task->has_signal()) deliver_signal(task);
    }
    // exit(2): the task's thread has left the kernel (the block above);
    // only now may its parent see it a zombie and free it.
    if (task->exit_pending) [[unlikely]]
        kernel().tasks.exit_to_zombie(task);
    return ret;
}
}  // namespace

long do_syscall(Task* task, long nr, const struct pt_regs* regs) { return syscall_body(task, nr, regs); }

}  // namespace sk

static_assert(sizeof(sk_syscall_regs) == sizeof(pt_regs) && offsetof(sk_syscall_regs, r9) == offsetof(pt_regs, r9) &&
                  offsetof(sk_syscall_regs, orig_ax) == offsetof(pt_regs, orig_ax),
              "the uapi registers are the kernel's pt_regs");

extern "C" long sk_syscall_entry(sk::Task* task, long nr, const sk_syscall_regs* regs) {
    return sk::syscall_body(task, nr, reinterpret_cast<const pt_regs*>(regs));
}

extern "C" {
sys_call_ptr_t sys_call_table[NR_syscalls];
EXPORT_SYMBOL(sys_call_table);
}
