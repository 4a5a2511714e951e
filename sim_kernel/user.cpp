// user.cpp - user space's system-call stubs (what libc's syscall() is).
// They put the arguments in registers and enter the kernel as the task this
// thread is bound to; nothing else of the kernel is reachable from here.
#include <simkernel/syscalls.hpp>
#include <simkernel/task.hpp>
#include <simkernel/user.hpp>

namespace sk::user {

namespace {
// initial-exec, as `current` in task.cpp: every system call reads this, and
// the default model for a shared library costs a __tls_get_addr call each time.
thread_local sk::Task* bound __attribute__((tls_model("initial-exec"))) = nullptr;
}

void bind_thread(sk::Task* task) { bound = task; }
sk::Task* bound_task() { return bound; }

long syscall6(long nr, unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
              unsigned long a4, unsigned long a5) {
    struct pt_regs regs = {a0, a1, a2, a3, a4, a5, static_cast<unsigned long>(nr)};
    return sk::do_syscall(bound, nr, &regs);
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

long read_file(const char* path, std::string* out) {
    long fd = open(path, O_RDONLY);
    if (fd < 0) return fd;
    out->clear();
    char buf[65536];
    for (;;) {
        long n = read(static_cast<int>(fd), buf, sizeof buf);
        if (n < 0) {
            close(static_cast<int>(fd));
            return n;
        }
        if (n == 0) break;
        out->append(buf, static_cast<size_t>(n));
    }
    close(static_cast<int>(fd));
    return static_cast<long>(out->size());
}

}  // namespace sk::user
