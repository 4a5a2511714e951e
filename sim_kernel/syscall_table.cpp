// syscall_table.cpp - the system-call entry and the table it dispatches
// through (arch/x86/entry/syscall_64.c in Linux).
//
// sys_call_table[nr] points at sys_<name>(regs), which unpacks the
// registers and calls ksys_<name>. The table is exported: a module may
// replace an entry with its own function (and must put the old one back).
#include "ksys.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/loader.hpp>
#include <simkernel/syscalls.hpp>

#include <csignal>

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
    {__NR_unlink, "unlink", sys_unlink},
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
    for (int sig : {SIGKILL, SIGINT, SIGTERM, SIGHUP, SIGQUIT})
        if (pending & (1UL << sig)) throw TaskKilled{sig};
}

long do_syscall(Task* task, long nr, const struct pt_regs* regs) {
    if (nr < 0 || nr >= NR_syscalls || !task) return -ENOSYS;
    sys_call_ptr_t fn = sys_call_table[nr];
    if (!fn) return -ENOSYS;
    Task* saved = current_task();
    set_current_task(task);
    long ret = fn(regs);
    set_current_task(saved);
    // Interrupted calls restart inside the kernel; user space sees EINTR.
    if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR) ret = -EINTR;
    if (task->has_signal()) deliver_signal(task);
    return ret;
}

}  // namespace sk

extern "C" {
sys_call_ptr_t sys_call_table[NR_syscalls];
}
