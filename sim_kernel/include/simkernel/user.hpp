// user.hpp - user space's side of the system calls, like the raw
// syscall(2) wrappers of a C library: each packs its arguments into
// registers and traps into the kernel as the calling thread's task.
// They return what the kernel returned: >= 0, or -errno.
#pragma once

#include <cstddef>
#include <string>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>

namespace sk {
struct Task;
}

namespace sk::user {

// The task this thread runs as (set by whoever starts the program).
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

// Convenience for tools: the whole content of a file, or -errno.
long read_file(const char* path, std::string* out);

}  // namespace sk::user
