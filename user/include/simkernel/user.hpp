// user.hpp - user space's side of the system calls, like the raw
// syscall(2) wrappers of a C library: each packs its arguments into
// registers and traps into the kernel as the calling thread's task.
// They return what the kernel returned: >= 0, or -errno.
//
// This is the user library (user/, CMake target skuser): the shell and its
// tools link it and nothing of the kernel. It sees only the uapi headers
// (include/uapi/): a task is an opaque handle to it.
#pragma once

#include <uapi/simkernel/syscall.h>

#include <cstddef>
#include <fcntl.h>  // O_* flags for open
#include <string>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>

namespace sk::user {

// The task this thread runs as (set by whoever starts the program, and by
// run_child below). The first call also finds the kernel's entry.
void bind_thread(sk::Task* task);
sk::Task* bound_task();

long syscall6(long nr, unsigned long a0 = 0, unsigned long a1 = 0, unsigned long a2 = 0,
              unsigned long a3 = 0, unsigned long a4 = 0, unsigned long a5 = 0);

long open(const char* path, int flags, mode_t mode = 0);
long close(int fd);
long dup(int fd);
long dup2(int oldfd, int newfd);
long read(int fd, void* buf, size_t count);
long write(int fd, const void* buf, size_t count);
long lseek(int fd, long offset, int whence);
long ioctl(int fd, unsigned long cmd, unsigned long arg);
long stat(const char* path, struct ::stat* st);
long fstat(int fd, struct ::stat* st);
long getdents64(int fd, void* buf, size_t count);
long mknod(const char* path, mode_t mode, unsigned long dev);
long unlink(const char* path);
long mkdir(const char* path, mode_t mode);
long chmod(const char* path, mode_t mode);
long chdir(const char* path);
long getcwd(char* buf, size_t size);
long uname(struct ::utsname* u);
long getuid();
long getgid();
long getpid();
long kill(int pid, int sig);
long nanosleep(const struct timespec* req);
long syslog(int type, char* buf, int len);
long init_module(const void* image, size_t len, const char* params);
long finit_module(int fd, const char* params, int flags);
long delete_module(const char* name, unsigned flags);
// issue 14: waiting on many files, fcntl
long poll(void* fds, unsigned long nfds, int timeout_ms);
long select(int nfds, void* readfds, void* writefds, void* exceptfds, struct timeval* timeout);
long fcntl(int fd, unsigned int cmd, unsigned long arg = 0);

// Tasks. fork() makes a child of the bound task (a copy of its fd table,
// its working directory and credentials) and returns its pid, or -errno;
// *child is its handle, which bind_thread accepts (see <uapi/simkernel/syscall.h>).
// clone() is the general call under it (Linux's x86-64 argument order).
long clone(unsigned long flags, sk::Task** child);
long fork(sk::Task** child);
// exit(2) as the bound task: its files are closed and it stays a zombie
// until its parent reaps it; the thread is then bound to no task.
long exit(int status);
// wait4(2): pid > 0 that child, -1 any; *wstatus as <sys/wait.h> reads it.
long wait4(int pid, int* wstatus, int options);
long getppid();
long setresuid(uid_t ruid, uid_t euid, uid_t suid);  // (uid_t)-1: unchanged
long setresgid(gid_t rgid, gid_t egid, gid_t sgid);
long getresuid(uid_t* ruid, uid_t* euid, uid_t* suid);
long prctl(int option, unsigned long arg2);  // PR_SET_NAME, PR_GET_NAME
// Signals. A set has bit (sig - 1) for signal sig, as the kernel's sigset_t.
long rt_sigaction(int sig, const sk_kernel_sigaction* act, sk_kernel_sigaction* old);
long rt_sigprocmask(int how, const unsigned long* set, unsigned long* old);
long rt_sigpending(unsigned long* set);
// The lowest pending signal of set, taken: its number; -EAGAIN after timeout.
long rt_sigtimedwait(const unsigned long* set, const struct timespec* timeout);

// Convenience for tools: the whole content of a file, or -errno.
long read_file(const char* path, std::string* out);

}  // namespace sk::user
