// fcntl.cpp - fcntl(2) and asynchronous notification: F_SETOWN, O_ASYNC,
// fasync_helper, kill_fasync (fs/fcntl.c).
//
// A program asks for SIGIO in two steps: fcntl(fd, F_SETOWN, pid) names who
// gets the signal, fcntl(fd, F_SETFL, flags | O_ASYNC) calls the driver's
// ->fasync, which puts the file on the driver's list with fasync_helper().
// When data arrives the driver calls kill_fasync() on that list, and the
// owner of each file on it gets SIGIO (or the F_SETSIG signal). The last
// close of a file still on a list calls ->fasync(-1, file, 0) (fput).
#include "ksys.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/module_calls.hpp>
#include <simkernel/vfs.hpp>

#include <linux/signal.h>

#include <mutex>
#include <simkernel/export.hpp>

namespace sk {
namespace {

// Guards every driver's fasync list (Linux's fasync_lock; readers use RCU).
std::mutex fasync_mutex;

// The flags F_SETFL may change (Linux's SETFL_MASK; O_ASYNC goes through
// ->fasync, which sets FASYNC itself).
constexpr unsigned kSetflMask = O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME;
// Linux's O_LARGEFILE (glibc defines it as 0 on x86-64, where it is implied).
constexpr unsigned kLinuxLargefile = 0100000;

long f_setown(Kernel& k, Task& t, struct file* f, long who) {
    if (who < 0) return -ESRCH;  // process groups: simkernel has none
    if (who > 0 && !k.tasks.with_task(static_cast<pid_t>(who), [](Task&) {})) return -ESRCH;
    std::lock_guard lock(fasync_mutex);
    f->f_owner.pid = static_cast<int>(who);
    f->f_owner.uid = KUIDT_INIT(t.uid);
    f->f_owner.euid = KUIDT_INIT(t.uid);
    return 0;
}

long setfl(Task& t, struct file* f, int fd, unsigned long arg) {
    // As Linux: O_NOATIME is for the file's owner (or root); O_DIRECT needs
    // a filesystem that can do direct I/O, and simkernel has none.
    if ((arg & O_NOATIME) && !(f->f_flags & O_NOATIME) && t.uid != 0 && t.uid != kfile(f)->inode.i_uid)
        return -EPERM;
    if (arg & O_DIRECT) return -EINVAL;
    if (((arg ^ f->f_flags) & FASYNC)) {
        ModuleCall call(file_module(f));
        if (!call) return -ENODEV;
        const struct file_operations* fop = file_fops(f);
        if (fop && fop->fasync) {
            int err = fop->fasync(fd, f, (arg & FASYNC) != 0);
            if (err < 0) return err;
        }
    }
    unsigned flags = __atomic_load_n(&f->f_flags, __ATOMIC_RELAXED);
    __atomic_store_n(&f->f_flags, (static_cast<unsigned>(arg) & kSetflMask) | (flags & ~kSetflMask),
                     __ATOMIC_RELAXED);
    return 0;
}

// send_sigio: the owner gets the signal if whoever set it may signal it.
void send_sigio(const struct fown_struct& owner, int sig) {
    if (owner.pid <= 0) return;
    uid_t setter = __kuid_val(owner.euid);
    kernel().tasks.with_task(owner.pid, [&](Task& target) {
        if (setter == 0 || setter == target.uid) target.send_signal(owner.signum ? owner.signum : sig);
    });
}

}  // namespace

namespace {

long getfl(Kernel&, Task&, struct file* f, int, unsigned long) {
    // A 64-bit Linux opens every file O_LARGEFILE (force_o_largefile), so
    // F_GETFL always shows it; simkernel's open does not store it.
    return __atomic_load_n(&f->f_flags, __ATOMIC_RELAXED) | kLinuxLargefile;
}
long setfl_cmd(Kernel&, Task& t, struct file* f, int fd, unsigned long arg) { return setfl(t, f, fd, arg); }
long getown(Kernel&, Task&, struct file* f, int, unsigned long) {
    std::lock_guard lock(fasync_mutex);
    return f->f_owner.pid;
}
long setown(Kernel& k, Task& t, struct file* f, int, unsigned long arg) {
    return f_setown(k, t, f, static_cast<int>(arg));
}
long getsig(Kernel&, Task&, struct file* f, int, unsigned long) {
    std::lock_guard lock(fasync_mutex);
    return f->f_owner.signum;
}
long setsig(Kernel&, Task&, struct file* f, int, unsigned long arg) {
    if (arg > 64) return -EINVAL;  // valid_signal(): 1..64 (Linux's _NSIG); 0 means SIGIO again
    std::lock_guard lock(fasync_mutex);
    f->f_owner.signum = static_cast<int>(arg);
    return 0;
}

// F_DUPFD: the lowest free fd at or above arg (a shell saves its own fds
// up there, out of the way of the fds its commands name). F_DUPFD_CLOEXEC
// is the same: simkernel's tasks never exec.
long dupfd(Kernel&, Task& t, struct file* f, int, unsigned long arg) {
    if (arg >= static_cast<unsigned long>(FdTable::kMaxFds)) return -EINVAL;
    for (int fd = static_cast<int>(arg); fd < FdTable::kMaxFds; ++fd) {
        if (t.files.get(fd)) continue;
        get_file(f);
        return t.files.install_at(fd, f);
    }
    return -EMFILE;
}

struct FcntlCommand {
    unsigned int cmd;
    long (*fn)(Kernel&, Task&, struct file*, int fd, unsigned long arg);
};

// The commands simkernel has (fs/fcntl.c's do_fcntl has more:
// F_GETFD/F_SETFD, record locks, leases; those answer EINVAL here).
const FcntlCommand fcntl_commands[] = {
    {F_DUPFD, dupfd}, {F_DUPFD_CLOEXEC, dupfd},
    {F_GETFL, getfl}, {F_SETFL, setfl_cmd}, {F_GETOWN, getown},
    {F_SETOWN, setown}, {F_GETSIG, getsig}, {F_SETSIG, setsig},
};

}  // namespace

long ksys_fcntl(Kernel& k, Task& t, int fd, unsigned int cmd, unsigned long arg) {
    struct file* f = t.files.get(fd);
    if (!f) return -EBADF;
    for (const FcntlCommand& c : fcntl_commands)
        if (c.cmd == cmd) return c.fn(k, t, f, fd, arg);
    return -EINVAL;
}

}  // namespace sk

extern "C" int fasync_helper(int fd, struct file* filp, int on, struct fasync_struct** fapp) {
    std::lock_guard lock(sk::fasync_mutex);
    struct fasync_struct** pp = fapp;
    for (; *pp; pp = &(*pp)->fa_next)
        if ((*pp)->fa_file == filp) break;
    if (!on) {  // fasync_remove_entry
        if (!*pp) return 0;
        struct fasync_struct* fa = *pp;
        *pp = fa->fa_next;
        fa->magic = 0;
        delete fa;
        __atomic_and_fetch(&filp->f_flags, ~static_cast<unsigned>(FASYNC), __ATOMIC_RELAXED);
        return 1;
    }
    if (*pp) {  // already there: only the fd changes
        (*pp)->fa_fd = fd;
        return 0;
    }
    auto* fa = new (std::nothrow) fasync_struct{FASYNC_MAGIC, fd, *fapp, filp};
    if (!fa) return -ENOMEM;
    *fapp = fa;
    __atomic_or_fetch(&filp->f_flags, static_cast<unsigned>(FASYNC), __ATOMIC_RELAXED);
    return 1;
}
EXPORT_SYMBOL(fasync_helper);

extern "C" void kill_fasync(struct fasync_struct** fp, int sig, int /*band*/) {
    if (!fp) return;
    std::lock_guard lock(sk::fasync_mutex);
    for (struct fasync_struct* fa = *fp; fa; fa = fa->fa_next) {
        if (fa->magic != FASYNC_MAGIC) {
            printk(KERN_ERR "kill_fasync: bad magic number in fasync_struct!\n");
            return;
        }
        sk::send_sigio(fa->fa_file->f_owner, sig);
    }
}
EXPORT_SYMBOL(kill_fasync);
