// ksys.hpp - the system calls' bodies, with typed arguments. The table in
// syscall_table.cpp unpacks registers and calls these. Private to the kernel.
#pragma once

#include <simkernel/kapi.h>
#include <simkernel/task.hpp>

#include <string>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <uapi/simkernel/syscall.h>
#include <vector>

namespace sk {

class Kernel;
struct Task;

long ksys_read(Task& t, int fd, char* buf, size_t count);
long ksys_write(Task& t, int fd, const char* buf, size_t count);
long ksys_lseek(Task& t, int fd, long offset, int whence);
long ksys_ioctl(Task& t, int fd, unsigned int cmd, unsigned long arg);
long ksys_open(Kernel& k, Task& t, const char* path, int flags, umode_t mode);
long ksys_close(Task& t, int fd);
long ksys_dup(Task& t, int fd);
long ksys_dup2(Task& t, int oldfd, int newfd);
long ksys_getdents64(Task& t, int fd, char* buf, size_t count);
long ksys_stat(Kernel& k, Task& t, const char* path, struct stat* st);
long ksys_fstat(Task& t, int fd, struct stat* st);
long ksys_mknod(Kernel& k, Task& t, const char* path, umode_t mode, unsigned long dev);
long ksys_unlink(Kernel& k, Task& t, const char* path);
long ksys_mkdir(Kernel& k, Task& t, const char* path, umode_t mode);
long ksys_chmod(Kernel& k, Task& t, const char* path, umode_t mode);
long ksys_chdir(Kernel& k, Task& t, const char* path);
long ksys_getcwd(Task& t, char* buf, size_t size);
long ksys_nanosleep(Task& t, const struct timespec* req);
long ksys_kill(Kernel& k, Task& t, pid_t pid, int sig);
long ksys_uname(Task& t, struct utsname* u);
long ksys_syslog(Kernel& k, Task& t, int type, char* buf, int len);
long ksys_init_module(Kernel& k, Task& t, const void* image, unsigned long len, const char* params);
long ksys_finit_module(Kernel& k, Task& t, int fd, const char* params, int flags);
long ksys_delete_module(Kernel& k, Task& t, const char* name, unsigned flags);
// select.cpp, fcntl.cpp (issue 14)
long ksys_poll(Task& t, void* ufds, unsigned int nfds, int timeout_ms);
long ksys_ppoll(Task& t, void* ufds, unsigned int nfds, const struct timespec* tsp, const void* sigmask,
                size_t sigsetsize);
long ksys_select(Task& t, int n, void* in, void* out, void* ex, struct timeval* tvp);
long ksys_pselect6(Task& t, int n, void* in, void* out, void* ex, struct timespec* tsp, const void* sig);
long ksys_fcntl(Kernel& k, Task& t, int fd, unsigned int cmd, unsigned long arg);
// Tasks (fork.cpp, exit.cpp, sys.cpp, signal.cpp).
long ksys_clone(Kernel& k, Task& t, unsigned long flags, Task** child_out);
long ksys_exit(Task& t, int code);
long ksys_wait4(Kernel& k, Task& t, pid_t pid, int* wstatus, int options, struct rusage* ru);
long ksys_setresuid(Task& t, uid_t r, uid_t e, uid_t s);
long ksys_setresgid(Task& t, gid_t r, gid_t e, gid_t s);
long ksys_getresuid(Task& t, uid_t* r, uid_t* e, uid_t* s);
long ksys_prctl(Task& t, int option, unsigned long arg2);
long ksys_rt_sigaction(Task& t, int sig, const struct sk_kernel_sigaction* act,
                       struct sk_kernel_sigaction* oact, size_t sigsetsize);
long ksys_rt_sigprocmask(Task& t, int how, const unsigned long* set, unsigned long* oset, size_t sigsetsize);
long ksys_rt_sigpending(Task& t, unsigned long* set, size_t sigsetsize);
long ksys_rt_sigtimedwait(Task& t, const unsigned long* set, void* info, const struct timespec* ts,
                          size_t sigsetsize);

// A path or string argument copied in from the user, as getname() does.
long getname(const char* user, std::string* out);
// Everything a file holds, read through its f_op (finit_module).
long kernel_read_file(Task& t, struct file* f, std::vector<char>* out);
// The user's buffer for the length of one call: copy_*_user checks against
// it. Inline: it is on every read and write.
struct UserWindow {
    Task& t;
    UserWindow(Task& task, const void* buf, size_t len) : t(task) {
        t.user_buf = static_cast<const char*>(buf);
        t.user_len = len;
        t.user_window = true;
    }
    ~UserWindow() { t.user_window = false; }
};

}  // namespace sk
