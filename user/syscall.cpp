// syscall.cpp - user space's system-call stubs (what libc's syscall() is).
// They put the arguments in registers and enter the kernel as the task this
// thread is bound to. The numbers are Linux's x86-64 ones (<sys/syscall.h>);
// the only way in is the entry the kernel exports (uapi/simkernel/syscall.h),
// found at run time: this library links nothing of the kernel.
#include <simkernel/user.hpp>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include <atomic>
#include <cerrno>
#include <type_traits>

namespace sk::user {

namespace {
// Static library linked into the executable: initial-exec costs one
// %fs-relative load per system call.
thread_local sk::Task* bound __attribute__((tls_model("initial-exec"))) = nullptr;

// The kernel's entry, found once (the vDSO's role): nullptr until then.
std::atomic<SyscallEntryFn> entry{nullptr};

void find_entry() {
    if (entry.load(std::memory_order_acquire)) return;
    void* sym = dlsym(RTLD_DEFAULT, kSyscallEntrySymbol);
    entry.store(reinterpret_cast<SyscallEntryFn>(sym), std::memory_order_release);
}
}  // namespace

void bind_thread(sk::Task* task) {
    if (task) find_entry();
    bound = task;
}
sk::Task* bound_task() { return bound; }

long syscall6(long nr, unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
              unsigned long a4, unsigned long a5) {
    sk_syscall_regs regs = {a0, a1, a2, a3, a4, a5, static_cast<unsigned long>(nr)};
    SyscallEntryFn enter = entry.load(std::memory_order_relaxed);
    if (!enter) return -ENOSYS;  // no kernel in this process
    return enter(bound, nr, &regs);
}

namespace {
template <typename T>
unsigned long u(T v) {
    if constexpr (std::is_pointer_v<T>) return reinterpret_cast<unsigned long>(v);
    else return static_cast<unsigned long>(v);
}
}  // namespace

long open(const char* path, int flags, mode_t mode) { return syscall6(__NR_open, u(path), u(flags), u(mode)); }
long close(int fd) { return syscall6(__NR_close, u(fd)); }
long dup(int fd) { return syscall6(__NR_dup, u(fd)); }
long dup2(int oldfd, int newfd) { return syscall6(__NR_dup2, u(oldfd), u(newfd)); }
long read(int fd, void* buf, size_t count) { return syscall6(__NR_read, u(fd), u(buf), count); }
long write(int fd, const void* buf, size_t count) { return syscall6(__NR_write, u(fd), u(buf), count); }
long lseek(int fd, long offset, int whence) { return syscall6(__NR_lseek, u(fd), u(offset), u(whence)); }
long ioctl(int fd, unsigned long cmd, unsigned long arg) { return syscall6(__NR_ioctl, u(fd), cmd, arg); }
long stat(const char* path, struct ::stat* st) { return syscall6(__NR_stat, u(path), u(st)); }
long fstat(int fd, struct ::stat* st) { return syscall6(__NR_fstat, u(fd), u(st)); }
long getdents64(int fd, void* buf, size_t count) { return syscall6(__NR_getdents64, u(fd), u(buf), count); }
long mknod(const char* path, mode_t mode, unsigned long dev) { return syscall6(__NR_mknod, u(path), u(mode), dev); }
long unlink(const char* path) { return syscall6(__NR_unlink, u(path)); }
long mkdir(const char* path, mode_t mode) { return syscall6(__NR_mkdir, u(path), mode); }
long chmod(const char* path, mode_t mode) { return syscall6(__NR_chmod, u(path), mode); }
long chdir(const char* path) { return syscall6(__NR_chdir, u(path)); }
long getcwd(char* buf, size_t size) { return syscall6(__NR_getcwd, u(buf), size); }
long uname(struct ::utsname* un) { return syscall6(__NR_uname, u(un)); }
long getuid() { return syscall6(__NR_getuid); }
long getgid() { return syscall6(__NR_getgid); }
long getpid() { return syscall6(__NR_getpid); }
long nanosleep(const struct timespec* req) { return syscall6(__NR_nanosleep, u(req)); }
long kill(int pid, int sig) { return syscall6(__NR_kill, u(pid), u(sig)); }
long syslog(int type, char* buf, int len) { return syscall6(__NR_syslog, u(type), u(buf), u(len)); }
long init_module(const void* image, size_t len, const char* params) {
    return syscall6(__NR_init_module, u(image), len, u(params));
}
long finit_module(int fd, const char* params, int flags) {
    return syscall6(__NR_finit_module, u(fd), u(params), u(flags));
}
long delete_module(const char* name, unsigned flags) { return syscall6(__NR_delete_module, u(name), u(flags)); }
long poll(void* fds, unsigned long nfds, int timeout_ms) { return syscall6(__NR_poll, u(fds), nfds, u(timeout_ms)); }
long select(int nfds, void* rfds, void* wfds, void* efds, struct timeval* tv) {
    return syscall6(__NR_select, u(nfds), u(rfds), u(wfds), u(efds), u(tv));
}
long fcntl(int fd, unsigned int cmd, unsigned long arg) { return syscall6(__NR_fcntl, u(fd), u(cmd), arg); }

long clone(unsigned long flags, sk::Task** child) { return syscall6(__NR_clone, flags, 0, 0, 0, 0, u(child)); }
long fork(sk::Task** child) { return syscall6(__NR_fork, 0, 0, 0, 0, 0, u(child)); }
long exit(int status) {
    long ret = syscall6(__NR_exit, u(status));
    if (ret == 0) bound = nullptr;  // the task is gone: nothing more runs as it
    return ret;
}
long wait4(int pid, int* wstatus, int options) {
    return syscall6(__NR_wait4, u(pid), u(wstatus), u(options), 0);
}
long getppid() { return syscall6(__NR_getppid); }
long setresuid(uid_t r, uid_t e, uid_t s) { return syscall6(__NR_setresuid, r, e, s); }
long setresgid(gid_t r, gid_t e, gid_t s) { return syscall6(__NR_setresgid, r, e, s); }
long getresuid(uid_t* r, uid_t* e, uid_t* s) { return syscall6(__NR_getresuid, u(r), u(e), u(s)); }
long prctl(int option, unsigned long arg2) { return syscall6(__NR_prctl, u(option), arg2); }
long rt_sigaction(int sig, const sk_kernel_sigaction* act, sk_kernel_sigaction* old) {
    return syscall6(__NR_rt_sigaction, u(sig), u(act), u(old), sizeof(unsigned long));
}
long rt_sigprocmask(int how, const unsigned long* set, unsigned long* old) {
    return syscall6(__NR_rt_sigprocmask, u(how), u(set), u(old), sizeof(unsigned long));
}
long rt_sigpending(unsigned long* set) { return syscall6(__NR_rt_sigpending, u(set), sizeof(unsigned long)); }
long rt_sigtimedwait(const unsigned long* set, const struct timespec* timeout) {
    return syscall6(__NR_rt_sigtimedwait, u(set), 0, u(timeout), sizeof(unsigned long));
}

long read_file(const char* path, std::string* out) {
    long fd = open(path, O_RDONLY);
    if (fd < 0) return fd;
    // Straight into the string, sized by fstat when the file has a size
    // (depmod reads thousands of modules; /proc files say 0 and grow).
    struct ::stat st;
    size_t size = sk::user::fstat(static_cast<int>(fd), &st) == 0 && st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0;
    out->resize(size + 1);
    size_t done = 0;
    for (;;) {
        if (done == out->size()) out->resize(out->size() + 65536);
        long n = sk::user::read(static_cast<int>(fd), out->data() + done, out->size() - done);
        if (n < 0) {
            close(static_cast<int>(fd));
            out->clear();
            return n;
        }
        if (n == 0) break;
        done += static_cast<size_t>(n);
    }
    out->resize(done);
    close(static_cast<int>(fd));
    return static_cast<long>(done);
}

}  // namespace sk::user
