// sys_misc.cpp - the smaller system calls: stat, cwd, uname, syslog, mknod.
#include "ksys.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/permission.hpp>
#include <simkernel/vfs.hpp>

#include <linux/jiffies.h>
#include <linux/utsname.h>

#include <fmt/format.h>

#include <climits>
#include <sys/sysmacros.h>

namespace sk {

long getname(const char* user, std::string* out) {
    if (!user) return -EFAULT;
    size_t n = strnlen(user, PATH_MAX);
    if (n == PATH_MAX) return -ENAMETOOLONG;
    out->assign(user, n);
    return 0;
}

long ksys_stat(Kernel& k, Task& t, const char* upath, struct stat* ust) {
    std::string path;
    if (long err = getname(upath, &path)) return err;
    struct stat st;
    if (long err = vfs_stat(k, t, path, &st)) return err;
    UserWindow w(t, ust, sizeof *ust);
    return copy_to_user(ust, &st, sizeof st) ? -EFAULT : 0;
}

long ksys_fstat(Task& t, int fd, struct stat* ust) {
    struct file* f = t.files.get(fd);
    if (!f) return -EBADF;
    KFile* kf = kfile(f);
    struct stat st {};
    if (kf->host_fd >= 0) {
        if (::fstat(kf->host_fd, &st) != 0) return -errno;
        st.st_uid = kf->inode.i_uid;  // the owner as mapped at open (permission.hpp)
        st.st_gid = kf->inode.i_gid;
    } else {
        st.st_mode = kf->inode.i_mode;
        st.st_uid = kf->inode.i_uid;
        st.st_gid = kf->inode.i_gid;
        st.st_size = kf->inode.i_size;
        st.st_nlink = 1;
        st.st_rdev = makedev(MAJOR(kf->inode.i_rdev), MINOR(kf->inode.i_rdev));
    }
    UserWindow w(t, ust, sizeof *ust);
    return copy_to_user(ust, &st, sizeof st) ? -EFAULT : 0;
}

long ksys_mknod(Kernel& k, Task& t, const char* upath, umode_t mode, unsigned long dev) {
    std::string path;
    if (long err = getname(upath, &path)) return err;
    // dev arrives in glibc's encoding (makedev); the kernel keeps MKDEV's.
    return vfs_mknod(k, t, path, mode, MKDEV(major(dev), minor(dev)));
}

long ksys_unlink(Kernel& k, Task& t, const char* upath) {
    std::string path;
    if (long err = getname(upath, &path)) return err;
    return vfs_unlink(k, t, path);
}

long ksys_mkdir(Kernel& k, Task& t, const char* upath, umode_t mode) {
    std::string path;
    if (long err = getname(upath, &path)) return err;
    return vfs_mkdir(k, t, path, mode);
}

long ksys_chmod(Kernel& k, Task& t, const char* upath, umode_t mode) {
    std::string path;
    if (long err = getname(upath, &path)) return err;
    return vfs_chmod(k, t, path, mode);
}

long ksys_chdir(Kernel& k, Task& t, const char* upath) {
    std::string path;
    if (long err = getname(upath, &path)) return err;
    struct file* f = nullptr;
    long err = vfs_open(k, t, path, O_RDONLY | O_DIRECTORY, 0, &f);
    if (err) return err;
    t.cwd = kfile(f)->path;
    fput(f);
    return 0;
}

long ksys_getcwd(Task& t, char* buf, size_t size) {
    if (t.cwd.size() + 1 > size) return -ERANGE;
    UserWindow w(t, buf, size);
    if (copy_to_user(buf, t.cwd.c_str(), t.cwd.size() + 1)) return -EFAULT;
    return static_cast<long>(t.cwd.size() + 1);
}

// nanosleep(2): an interruptible sleep; a signal ends it early with EINTR.
long ksys_nanosleep(Task& t, const struct timespec* ureq) {
    struct timespec req;
    {
        UserWindow w(t, ureq, sizeof req);
        if (copy_from_user(&req, ureq, sizeof req)) return -EFAULT;
    }
    if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= 1000000000L) return -EINVAL;
    long ticks = req.tv_sec * HZ + (req.tv_nsec * HZ + 999999999L) / 1000000000L;  // rounded up
    set_current_state_fn(TASK_INTERRUPTIBLE);
    long left = schedule_timeout(ticks);
    return left > 0 && t.has_signal() ? -ERESTARTSYS : 0;
}

// kill(2): a user may signal its own tasks; root any task.
long ksys_kill(Kernel& k, Task& t, pid_t pid, int sig) {
    if (sig < 0 || sig >= 64) return -EINVAL;
    return k.tasks.signal(pid, sig, t.uid);
}

long ksys_uname(Task& t, struct utsname* uu) {
    const struct new_utsname* k = init_utsname();
    struct utsname u {};
    snprintf(u.sysname, sizeof u.sysname, "%s", k->sysname);
    snprintf(u.nodename, sizeof u.nodename, "%s", k->nodename);
    snprintf(u.release, sizeof u.release, "%s", k->release);
    snprintf(u.version, sizeof u.version, "%s", k->version);
    snprintf(u.machine, sizeof u.machine, "%s", k->machine);
    snprintf(u.domainname, sizeof u.domainname, "%s", k->domainname);
    UserWindow w(t, uu, sizeof *uu);
    return copy_to_user(uu, &u, sizeof u) ? -EFAULT : 0;
}

// syslog(2), what dmesg uses. Actions as in <sys/klog.h>.
long ksys_syslog(Kernel& k, Task& t, int type, char* buf, int len) {
    enum { CLOSE = 0, OPEN = 1, READ = 2, READ_ALL = 3, READ_CLEAR = 4, CLEAR = 5,
           CONSOLE_OFF = 6, CONSOLE_ON = 7, CONSOLE_LEVEL = 8, SIZE_UNREAD = 9, SIZE_BUFFER = 10 };
    // dmesg_restrict=0: anyone may read the log; changing it needs root.
    bool privileged = t.uid == 0;
    switch (type) {
    case CLOSE:
    case OPEN: return 0;
    case READ_ALL:
    case READ_CLEAR: {
        if (type == READ_CLEAR && !privileged) return -EPERM;
        if (!buf || len < 0) return -EINVAL;
        std::string text;
        auto records = k.log.snapshot();
        if (uint64_t dropped = k.log.dropped(); dropped && !records.empty())
            text += fmt::format("<4>[{:5}.{:06}] ** {} printk messages dropped **\n",
                                records.front().ts_usec / 1000000, records.front().ts_usec % 1000000,
                                dropped);
        for (const LogRecord& r : records) text += fmt::format("<{}>{}\n", r.level, format_log_line(r));
        // Like Linux, return the newest messages that fit.
        size_t n = std::min(text.size(), static_cast<size_t>(len));
        size_t start = text.size() - n;
        if (start) {  // start on a whole line
            size_t nl = text.find('\n', start - 1);
            start = nl == std::string::npos ? text.size() : nl + 1;
            n = text.size() - start;
        }
        UserWindow w(t, buf, static_cast<size_t>(len));
        if (copy_to_user(buf, text.data() + start, n)) return -EFAULT;
        if (type == READ_CLEAR) k.log.clear();
        return static_cast<long>(n);
    }
    case CLEAR:
        if (!privileged) return -EPERM;
        k.log.clear();
        return 0;
    case CONSOLE_LEVEL:
        if (!privileged) return -EPERM;
        if (len < 1 || len > 8) return -EINVAL;
        k.log.set_console_loglevel(len);
        return 0;
    case CONSOLE_OFF:
    case CONSOLE_ON:
        if (!privileged) return -EPERM;
        k.log.set_console_loglevel(type == CONSOLE_OFF ? 1 : LogBuffer::kDefaultConsoleLevel);
        return 0;
    case SIZE_UNREAD:
    case SIZE_BUFFER: return static_cast<long>(k.log.capacity());
    default: return -EINVAL;
    }
}

}  // namespace sk
