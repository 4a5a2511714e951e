// syscall_handlers.cpp - each trapped system call: run on the host
// (CONTINUE), on a host file under the simulated root (the supervisor opens
// it and hands the program a real fd), or on the simulated kernel through
// sk::do_syscall as the program's task, with its buffers copied across.
#include "syscall_handlers.hpp"

#include "client_memory.hpp"
#include "path_route.hpp"
#include "poll_select.hpp"
#include "sim_tasks.hpp"
#include "supervisor.hpp"

#include <fcntl.h>
#include <sched.h>
#include <linux/audit.h>
#include <linux/close_range.h>
#include <linux/ioctl.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

namespace bridge {

// The simulated file behind host fd `fd` of the process, or nullptr for a
// host fd. After fork or exec an entry is checked once: the placeholder's
// inode must still be at that number.
SimFd* sim_fd(Call& c, int fd) {
    auto it = c.proc.fds.find(fd);
    if (it == c.proc.fds.end()) return nullptr;
    SimFd& f = it->second;
    if (!f.verified) {
        struct stat st {};
        std::string p = "/proc/" + std::to_string(c.proc.tgid) + "/fd/" + std::to_string(fd);
        if (stat(p.c_str(), &st) == 0 && st.st_ino == f.ino) {
            f.verified = true;
        } else {  // closed on exec, or replaced: the task drops it too
            sim_call(c.proc.task, __NR_close, static_cast<unsigned long>(f.sim_fd));
            c.proc.fds.erase(it);
            return nullptr;
        }
    }
    return &f;
}

namespace {

constexpr size_t kMaxIo = 1 << 20;       // one call moves at most this much (a short read/write)
constexpr size_t kMaxModule = 256 << 20;  // init_module's image

unsigned long ptr(const void* p) { return reinterpret_cast<unsigned long>(p); }

char* io_buffer(size_t n) {
    thread_local std::vector<char> buf;
    if (buf.size() < n) buf.resize(n);
    return buf.data();
}

std::string proc_link(pid_t pid, const std::string& what) {
    char buf[PATH_MAX];
    std::string link = "/proc/" + std::to_string(pid) + "/" + what;
    ssize_t n = readlink(link.c_str(), buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

// Forgets host fd `fd` if it was simulated (the host closes the placeholder).
void drop_sim_fd(Call& c, int fd) {
    if (SimFd* f = sim_fd(c, fd)) {
        sim_call(c.proc.task, __NR_close, static_cast<unsigned long>(f->sim_fd));
        c.proc.fds.erase(fd);
    }
}

// The program closed or replaced the fd its fork marks live at: the next
// fork puts its mark elsewhere.
void forget_mark(Call& c, int fd) {
    if (fd == c.proc.mark_slot && !c.proc.mark_armed) c.proc.mark_slot = -1;
}

// The task's working directory in the simulated kernel (getcwd(2) as it).
std::string sim_getcwd(Call& c) {
    char buf[PATH_MAX];
    long n = sim_call(c.proc.task, __NR_getcwd, ptr(buf), sizeof buf);
    return n > 0 ? std::string(buf) : std::string();
}

// The absolute path a (dirfd, path) pair names, routed. -errno on a bad path.
long resolve(Call& c, int dirfd, unsigned long addr, RoutedPath* out) {
    std::string path;
    if (long err = read_client_string(static_cast<pid_t>(c.n.pid), addr, &path, PATH_MAX)) return err;
    if (path.empty()) return -ENOENT;
    if (path[0] != '/') {
        std::string base;
        if (dirfd == AT_FDCWD) base = c.proc.sim_cwd ? sim_getcwd(c) : proc_link(static_cast<pid_t>(c.n.pid), "cwd");
        else if (SimFd* f = sim_fd(c, dirfd)) base = f->path;
        else base = proc_link(c.proc.tgid, "fd/" + std::to_string(dirfd));
        if (base.empty()) return -EBADF;
        path = base + "/" + path;
    }
    *out = route_path(c.sv.kernel(), path);
    return 0;
}

// Gives the program host fd `hostfd` (ours) as its lowest free fd, and
// answers the call with that number.
Reply inject_host_fd(Call& c, int hostfd, bool cloexec) {
    struct seccomp_notif_addfd add {};
    add.id = c.n.id;
    add.flags = SECCOMP_ADDFD_FLAG_SEND;
    add.srcfd = static_cast<uint32_t>(hostfd);
    add.newfd_flags = cloexec ? O_CLOEXEC : 0;
    int r = ioctl(c.sv.listener(), SECCOMP_IOCTL_NOTIF_ADDFD, &add);
    close(hostfd);
    return r < 0 ? Reply::value(-errno) : Reply::sent();
}

bool host_fd_open(pid_t tgid, int fd) {
    std::string p = "/proc/" + std::to_string(tgid) + "/fd/" + std::to_string(fd);
    return faccessat(AT_FDCWD, p.c_str(), F_OK, AT_SYMLINK_NOFOLLOW) == 0;
}

// Gives the program a placeholder fd for simulated fd `simfd`: at `exact`,
// or the lowest free number >= max(at_least, kSimFdBase). Answers the call.
Reply place(Call& c, int simfd, const std::string& path, int flags, bool cloexec, int at_least, int exact = -1) {
    auto fail = [&](long err) {
        sim_call(c.proc.task, __NR_close, static_cast<unsigned long>(simfd));
        return Reply::value(err);
    };
    std::string name = "simkernel:" + path.substr(0, 200);
    int mfd = memfd_create(name.c_str(), MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (mfd < 0) return fail(-EMFILE);
    fcntl(mfd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SHRINK);
    struct stat st {};
    fstat(mfd, &st);
    int slot = exact;
    if (slot < 0) {
        slot = std::max(at_least, kSimFdBase);
        while (c.proc.fds.count(slot) || host_fd_open(c.proc.tgid, slot)) ++slot;
    }
    if (slot > 2 && slot < kSimFdBase) {
        // The filter passes read and write on this number to the host: the
        // placeholder is reopened write-only, so that a read fails (EBADF)
        // and a write too (EPERM: it is sealed) instead of seeing an empty
        // file. The same inode: the checks after fork and exec still hold.
        int wo = open(("/proc/self/fd/" + std::to_string(mfd)).c_str(), O_WRONLY | O_CLOEXEC);
        if (wo < 0) {
            close(mfd);
            return fail(-EMFILE);
        }
        close(mfd);
        mfd = wo;
    }
    if (auto old = c.proc.fds.find(slot); old != c.proc.fds.end()) {  // dup2 onto a simulated fd
        sim_call(c.proc.task, __NR_close, static_cast<unsigned long>(old->second.sim_fd));
        c.proc.fds.erase(old);
    }
    c.proc.fds[slot] = SimFd{simfd, st.st_ino, cloexec, true, flags & ~O_CLOEXEC, path};
    struct seccomp_notif_addfd add {};
    add.id = c.n.id;
    add.flags = SECCOMP_ADDFD_FLAG_SETFD | SECCOMP_ADDFD_FLAG_SEND;
    add.srcfd = static_cast<uint32_t>(mfd);
    add.newfd = static_cast<uint32_t>(slot);
    add.newfd_flags = cloexec ? O_CLOEXEC : 0;
    int r = ioctl(c.sv.listener(), SECCOMP_IOCTL_NOTIF_ADDFD, &add);
    int err = errno;
    close(mfd);
    if (r < 0) {
        c.proc.fds.erase(slot);
        return fail(err == EMFILE || err == EBADF ? -EMFILE : -err);
    }
    return Reply::sent();
}

// ---- open ----

Reply do_open(Call& c, int dirfd, unsigned long path, int flags, mode_t mode) {
    RoutedPath rp;
    if (long err = resolve(c, dirfd, path, &rp)) return err == -EFAULT ? Reply::value(err) : Reply::cont();
    const bool cloexec = flags & O_CLOEXEC;
    if (rp.route == Route::Host) return Reply::cont();
    if (rp.route == Route::Root) {
        int fd = open(rp.host.c_str(), (flags & ~O_CLOEXEC) | O_CLOEXEC, mode);
        if (fd < 0) return Reply::value(-errno);
        return inject_host_fd(c, fd, cloexec);
    }
    long simfd = sim_call(c.proc.task, __NR_open, ptr(rp.path.c_str()), static_cast<unsigned long>(flags & ~O_CLOEXEC), mode);
    if (simfd < 0) return Reply::value(simfd);
    return place(c, static_cast<int>(simfd), rp.path, flags, cloexec, 0);
}

Reply h_open(Call& c) { return do_open(c, AT_FDCWD, c.arg(0), static_cast<int>(c.arg(1)), static_cast<mode_t>(c.arg(2))); }
Reply h_creat(Call& c) { return do_open(c, AT_FDCWD, c.arg(0), O_CREAT | O_WRONLY | O_TRUNC, static_cast<mode_t>(c.arg(1))); }
Reply h_openat(Call& c) {
    return do_open(c, c.fd_arg(0), c.arg(1), static_cast<int>(c.arg(2)), static_cast<mode_t>(c.arg(3)));
}
Reply h_openat2(Call& c) {
    struct {
        uint64_t flags, mode, resolve;
    } how{};
    if (c.arg(3) < 24 || read_client(static_cast<pid_t>(c.n.pid), c.arg(2), &how, sizeof how)) return Reply::cont();
    return do_open(c, c.fd_arg(0), c.arg(1), static_cast<int>(how.flags), static_cast<mode_t>(how.mode));
}

// ---- read and write ----

Reply h_read(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    size_t n = std::min<size_t>(c.arg(2), kMaxIo);
    char* buf = io_buffer(n);
    long r = sim_call(c.proc.task, __NR_read, static_cast<unsigned long>(f->sim_fd), ptr(buf), n);
    if (r > 0 && write_client(static_cast<pid_t>(c.n.pid), c.arg(1), buf, static_cast<size_t>(r))) return Reply::value(-EFAULT);
    return Reply::value(r);
}

Reply h_write(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    size_t n = std::min<size_t>(c.arg(2), kMaxIo);
    char* buf = io_buffer(n);
    if (read_client(static_cast<pid_t>(c.n.pid), c.arg(1), buf, n)) return Reply::value(-EFAULT);
    return Reply::value(sim_call(c.proc.task, __NR_write, static_cast<unsigned long>(f->sim_fd), ptr(buf), n));
}

// pread/pwrite: the simulated kernel has only the file position; move it
// there and back (as the kernel would, without the atomicity).
template <long Nr>
long positioned(Call& c, int simfd, unsigned long buf, size_t n, long pos) {
    long cur = sim_call(c.proc.task, __NR_lseek, static_cast<unsigned long>(simfd), 0, SEEK_CUR);
    if (cur < 0) return cur;
    if (pos < 0) return -EINVAL;
    long r = sim_call(c.proc.task, __NR_lseek, static_cast<unsigned long>(simfd), static_cast<unsigned long>(pos), SEEK_SET);
    if (r >= 0) r = sim_call(c.proc.task, Nr, static_cast<unsigned long>(simfd), buf, n);
    sim_call(c.proc.task, __NR_lseek, static_cast<unsigned long>(simfd), static_cast<unsigned long>(cur), SEEK_SET);
    return r;
}

Reply h_pread(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    size_t n = std::min<size_t>(c.arg(2), kMaxIo);
    char* buf = io_buffer(n);
    long r = positioned<__NR_read>(c, f->sim_fd, ptr(buf), n, static_cast<long>(c.arg(3)));
    if (r > 0 && write_client(static_cast<pid_t>(c.n.pid), c.arg(1), buf, static_cast<size_t>(r))) return Reply::value(-EFAULT);
    return Reply::value(r);
}

Reply h_pwrite(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    size_t n = std::min<size_t>(c.arg(2), kMaxIo);
    char* buf = io_buffer(n);
    if (read_client(static_cast<pid_t>(c.n.pid), c.arg(1), buf, n)) return Reply::value(-EFAULT);
    return Reply::value(positioned<__NR_write>(c, f->sim_fd, ptr(buf), n, static_cast<long>(c.arg(3))));
}

long read_iovecs(Call& c, std::vector<iovec>* iov, size_t* total) {
    size_t cnt = c.arg(2);
    if (cnt > IOV_MAX) return -EINVAL;
    iov->resize(cnt);
    if (read_client(static_cast<pid_t>(c.n.pid), c.arg(1), iov->data(), cnt * sizeof(iovec))) return -EFAULT;
    *total = 0;
    for (const iovec& v : *iov) *total += v.iov_len;
    *total = std::min(*total, kMaxIo);
    return 0;
}

// readv/writev (and preadv/pwritev with pos >= 0): one simulated call over
// the gathered buffer, as a driver sees one read of the total length.
Reply vector_io(Call& c, bool is_write, long pos) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    std::vector<iovec> iov;
    size_t total = 0;
    if (long err = read_iovecs(c, &iov, &total)) return Reply::value(err);
    char* buf = io_buffer(total);
    auto pid = static_cast<pid_t>(c.n.pid);
    if (is_write) {
        size_t off = 0;
        for (const iovec& v : iov) {
            size_t n = std::min(v.iov_len, total - off);
            if (read_client(pid, ptr(v.iov_base), buf + off, n)) return Reply::value(-EFAULT);
            off += n;
        }
        long r = pos < 0 ? sim_call(c.proc.task, __NR_write, static_cast<unsigned long>(f->sim_fd), ptr(buf), total)
                         : positioned<__NR_write>(c, f->sim_fd, ptr(buf), total, pos);
        return Reply::value(r);
    }
    long r = pos < 0 ? sim_call(c.proc.task, __NR_read, static_cast<unsigned long>(f->sim_fd), ptr(buf), total)
                     : positioned<__NR_read>(c, f->sim_fd, ptr(buf), total, pos);
    size_t off = 0;
    for (const iovec& v : iov) {
        if (r <= 0 || off >= static_cast<size_t>(r)) break;
        size_t n = std::min(v.iov_len, static_cast<size_t>(r) - off);
        if (write_client(pid, ptr(v.iov_base), buf + off, n)) return Reply::value(-EFAULT);
        off += n;
    }
    return Reply::value(r);
}

Reply h_readv(Call& c) { return vector_io(c, false, -1); }
Reply h_writev(Call& c) { return vector_io(c, true, -1); }
Reply h_preadv(Call& c) { return vector_io(c, false, static_cast<long>(c.arg(3))); }
Reply h_pwritev(Call& c) { return vector_io(c, true, static_cast<long>(c.arg(3))); }

Reply h_lseek(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    return Reply::value(sim_call(c.proc.task, __NR_lseek, static_cast<unsigned long>(f->sim_fd), c.arg(1), c.arg(2)));
}

// The argument of an ioctl whose number encodes a size (_IOR, _IOW, _IOWR)
// is copied in, and back out for _IOR: the driver's copy_*_user sees the
// supervisor's copy. A _IO command's argument is passed as a value.
Reply h_ioctl(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    auto cmd = static_cast<unsigned>(c.arg(1));
    size_t size = _IOC_SIZE(cmd);
    unsigned dir = _IOC_DIR(cmd);
    auto pid = static_cast<pid_t>(c.n.pid);
    if (dir == _IOC_NONE || size == 0 || c.arg(2) == 0)
        return Reply::value(sim_call(c.proc.task, __NR_ioctl, static_cast<unsigned long>(f->sim_fd), cmd, c.arg(2)));
    std::vector<char> arg(size);
    if (read_client(pid, c.arg(2), arg.data(), size) && (dir & _IOC_WRITE)) return Reply::value(-EFAULT);
    long r = sim_call(c.proc.task, __NR_ioctl, static_cast<unsigned long>(f->sim_fd), cmd, ptr(arg.data()));
    if (r >= 0 && (dir & _IOC_READ) && write_client(pid, c.arg(2), arg.data(), size)) return Reply::value(-EFAULT);
    return Reply::value(r);
}

Reply h_getdents64(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    size_t n = std::min<size_t>(c.arg(2), kMaxIo);
    char* buf = io_buffer(n);
    long r = sim_call(c.proc.task, __NR_getdents64, static_cast<unsigned long>(f->sim_fd), ptr(buf), n);
    if (r > 0 && write_client(static_cast<pid_t>(c.n.pid), c.arg(1), buf, static_cast<size_t>(r))) return Reply::value(-EFAULT);
    return Reply::value(r);
}

// ---- fd table ----

Reply h_close(Call& c) {
    drop_sim_fd(c, c.fd_arg(0));
    forget_mark(c, c.fd_arg(0));
    return Reply::cont();  // the host closes the placeholder (or the host file)
}

Reply h_close_range(Call& c) {
    auto first = static_cast<unsigned>(c.arg(0)), last = static_cast<unsigned>(c.arg(1));
    std::vector<int> in_range;
    for (auto& [fd, f] : c.proc.fds)
        if (static_cast<unsigned>(fd) >= first && static_cast<unsigned>(fd) <= last) in_range.push_back(fd);
    for (int fd : in_range) {
        if (c.arg(2) & CLOSE_RANGE_CLOEXEC) c.proc.fds[fd].cloexec = true;
        else drop_sim_fd(c, fd);
    }
    if (c.proc.mark_slot >= 0 && static_cast<unsigned>(c.proc.mark_slot) >= first &&
        static_cast<unsigned>(c.proc.mark_slot) <= last)
        forget_mark(c, c.proc.mark_slot);
    return Reply::cont();
}

Reply dup_to(Call& c, SimFd* f, bool cloexec, int at_least, int exact) {
    long simfd = sim_call(c.proc.task, __NR_dup, static_cast<unsigned long>(f->sim_fd));
    if (simfd < 0) return Reply::value(simfd);
    SimFd copy = *f;  // place() may erase the map entry f points at
    return place(c, static_cast<int>(simfd), copy.path, copy.flags, cloexec, at_least, exact);
}

Reply h_dup(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    return f ? dup_to(c, f, false, 0, -1) : Reply::cont();
}

// dup2/dup3 onto any fd. One onto fds 3..kSimFdBase-1 is a number the
// filter lets through for read, write and the other hot calls (host files
// live there): every call that is trapped on it (dup2, dup3, fcntl, close,
// poll, select, fstat by path) reaches the simulated file, so a shell's
// `exec 5</dev/x; cmd <&5` works; the program's own read or write on it
// reaches the placeholder, which refuses them (see place()).
Reply do_dup3(Call& c, bool is_dup2) {
    int oldfd = c.fd_arg(0), newfd = c.fd_arg(1);
    if (oldfd != newfd) forget_mark(c, newfd);
    SimFd* f = sim_fd(c, oldfd);
    if (!f) {
        if (oldfd != newfd && newfd >= 0 && host_fd_open(c.proc.tgid, oldfd)) drop_sim_fd(c, newfd);
        return Reply::cont();
    }
    if (oldfd == newfd) return Reply::value(is_dup2 ? newfd : -EINVAL);
    if (newfd < 0) return Reply::value(-EBADF);
    if (!is_dup2 && (c.arg(2) & ~static_cast<unsigned long>(O_CLOEXEC))) return Reply::value(-EINVAL);
    bool cloexec = !is_dup2 && (c.arg(2) & O_CLOEXEC);
    return dup_to(c, f, cloexec, 0, newfd);
}

Reply h_dup2(Call& c) { return do_dup3(c, true); }
Reply h_dup3(Call& c) { return do_dup3(c, false); }

// fcntl: the fd table's commands (F_DUPFD, F_GETFD, F_SETFD) are the
// bridge's, since the program's fd numbers are host numbers; the open
// file's (F_GETFL, F_SETFL O_NONBLOCK, ...) are the simulated kernel's
// fcntl, so a driver's read sees O_NONBLOCK and returns EAGAIN.
Reply h_fcntl(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    int cmd = static_cast<int>(c.arg(1));
    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
        if (c.arg(2) >= static_cast<unsigned long>(INT_MAX)) return Reply::value(-EINVAL);
        return dup_to(c, f, cmd == F_DUPFD_CLOEXEC, static_cast<int>(c.arg(2)), -1);
    }
    if (cmd == F_GETFD) return Reply::cont();
    if (cmd == F_SETFD) {
        f->cloexec = c.arg(2) & FD_CLOEXEC;
        return Reply::cont();
    }
    return Reply::value(sim_call(c.proc.task, __NR_fcntl, static_cast<unsigned long>(f->sim_fd), static_cast<unsigned long>(cmd), c.arg(2)));
}

// sendfile, copy_file_range, splice on a simulated file: EINVAL, on which
// cp, cat and the C library fall back to read and write.
Reply h_no_splice(Call& c) {
    int a = c.fd_arg(0), b = c.n.data.nr == __NR_sendfile || c.n.data.nr == __NR_tee ? c.fd_arg(1) : c.fd_arg(2);
    return sim_fd(c, a) || sim_fd(c, b) ? Reply::value(-EINVAL) : Reply::cont();
}

Reply h_fd_einval(Call& c) { return sim_fd(c, c.fd_arg(0)) ? Reply::value(-EINVAL) : Reply::cont(); }

// ---- stat, access ----

long sim_stat(Call& c, const std::string& path, struct stat* st) {
    return sim_call(c.proc.task, __NR_stat, ptr(path.c_str()), ptr(st));
}

void to_statx(const struct stat& st, struct statx* sx) {
    *sx = {};
    sx->stx_mask = STATX_BASIC_STATS;
    sx->stx_blksize = static_cast<uint32_t>(st.st_blksize);
    sx->stx_nlink = static_cast<uint32_t>(st.st_nlink);
    sx->stx_uid = st.st_uid;
    sx->stx_gid = st.st_gid;
    sx->stx_mode = static_cast<uint16_t>(st.st_mode);
    sx->stx_ino = st.st_ino;
    sx->stx_size = static_cast<uint64_t>(st.st_size);
    sx->stx_blocks = static_cast<uint64_t>(st.st_blocks);
    sx->stx_atime = {st.st_atim.tv_sec, static_cast<uint32_t>(st.st_atim.tv_nsec), 0};
    sx->stx_mtime = {st.st_mtim.tv_sec, static_cast<uint32_t>(st.st_mtim.tv_nsec), 0};
    sx->stx_ctime = {st.st_ctim.tv_sec, static_cast<uint32_t>(st.st_ctim.tv_nsec), 0};
    sx->stx_rdev_major = major(st.st_rdev);
    sx->stx_rdev_minor = minor(st.st_rdev);
    sx->stx_dev_major = major(st.st_dev);
    sx->stx_dev_minor = minor(st.st_dev);
}

// The stat of (dirfd, path) or of fd alone (AT_EMPTY_PATH): 1 if the host
// should answer, 0 with *st filled, or -errno.
long stat_target(Call& c, int dirfd, unsigned long path_addr, int flags, struct stat* st) {
    std::string path;
    if (long err = read_client_string(static_cast<pid_t>(c.n.pid), path_addr, &path, PATH_MAX)) return err;
    if (path.empty() && (flags & AT_EMPTY_PATH)) {
        SimFd* f = sim_fd(c, dirfd);
        if (!f) return 1;
        return sim_call(c.proc.task, __NR_fstat, static_cast<unsigned long>(f->sim_fd), ptr(st));
    }
    RoutedPath rp;
    if (long err = resolve(c, dirfd, path_addr, &rp)) return err == -ENOENT ? 1 : err;
    if (rp.route == Route::Host) return 1;
    if (rp.route == Route::Root)
        return fstatat(AT_FDCWD, rp.host.c_str(), st, flags & AT_SYMLINK_NOFOLLOW) == 0 ? 0 : -errno;
    return sim_stat(c, rp.path, st);
}

Reply stat_reply(Call& c, long r, const struct stat& st, unsigned long out) {
    if (r == 1) return Reply::cont();
    if (r < 0) return Reply::value(r);
    return Reply::value(write_client(static_cast<pid_t>(c.n.pid), out, &st, sizeof st));
}

Reply h_stat(Call& c) {
    struct stat st {};
    return stat_reply(c, stat_target(c, AT_FDCWD, c.arg(0), 0, &st), st, c.arg(1));
}
Reply h_lstat(Call& c) {
    struct stat st {};
    return stat_reply(c, stat_target(c, AT_FDCWD, c.arg(0), AT_SYMLINK_NOFOLLOW, &st), st, c.arg(1));
}
Reply h_newfstatat(Call& c) {
    struct stat st {};
    return stat_reply(c, stat_target(c, c.fd_arg(0), c.arg(1), static_cast<int>(c.arg(3)), &st), st, c.arg(2));
}
Reply h_fstat(Call& c) {
    SimFd* f = sim_fd(c, c.fd_arg(0));
    if (!f) return Reply::cont();
    struct stat st {};
    long r = sim_call(c.proc.task, __NR_fstat, static_cast<unsigned long>(f->sim_fd), ptr(&st));
    return stat_reply(c, r, st, c.arg(1));
}
Reply h_statx(Call& c) {
    struct stat st {};
    long r = stat_target(c, c.fd_arg(0), c.arg(1), static_cast<int>(c.arg(2)), &st);
    if (r != 0) return r == 1 ? Reply::cont() : Reply::value(r);
    struct statx sx {};
    to_statx(st, &sx);
    return Reply::value(write_client(static_cast<pid_t>(c.n.pid), c.arg(4), &sx, sizeof sx));
}

// access(2) on a simulated file: the mode bits against the task's uid.
Reply do_access(Call& c, int dirfd, unsigned long path, int mode) {
    RoutedPath rp;
    if (long err = resolve(c, dirfd, path, &rp)) return err == -EFAULT ? Reply::value(err) : Reply::cont();
    if (rp.route == Route::Host) return Reply::cont();
    if (rp.route == Route::Root) return Reply::value(access(rp.host.c_str(), mode) == 0 ? 0 : -errno);
    struct stat st {};
    if (long r = sim_stat(c, rp.path, &st); r < 0) return Reply::value(r);
    if (mode == F_OK) return Reply::value(0);
    auto uid = static_cast<uid_t>(sim_call(c.proc.task, __NR_getuid));
    auto gid = static_cast<gid_t>(sim_call(c.proc.task, __NR_getgid));
    unsigned bits = uid == 0 ? 7 : uid == st.st_uid ? (st.st_mode >> 6) & 7 : gid == st.st_gid ? (st.st_mode >> 3) & 7 : st.st_mode & 7;
    if (uid == 0 && (mode & X_OK) && !S_ISDIR(st.st_mode) && !(st.st_mode & 0111)) bits &= ~1u;
    return Reply::value((static_cast<unsigned>(mode) & ~bits) ? -EACCES : 0);
}

Reply h_access(Call& c) { return do_access(c, AT_FDCWD, c.arg(0), static_cast<int>(c.arg(1))); }
Reply h_faccessat(Call& c) { return do_access(c, c.fd_arg(0), c.arg(1), static_cast<int>(c.arg(2))); }

// Simulated files are never symbolic links.
Reply do_readlink(Call& c, int dirfd, unsigned long path, unsigned long buf, size_t size) {
    RoutedPath rp;
    if (long err = resolve(c, dirfd, path, &rp)) return err == -EFAULT ? Reply::value(err) : Reply::cont();
    if (rp.route == Route::Host) return Reply::cont();
    if (rp.route == Route::Root) {
        std::vector<char> out(std::max<size_t>(size, 1));
        ssize_t n = readlink(rp.host.c_str(), out.data(), size);
        if (n < 0) return Reply::value(-errno);
        return Reply::value(write_client(static_cast<pid_t>(c.n.pid), buf, out.data(), static_cast<size_t>(n)) ? -EFAULT : n);
    }
    struct stat st {};
    long r = sim_stat(c, rp.path, &st);
    return Reply::value(r < 0 ? r : -EINVAL);
}
Reply h_readlink(Call& c) { return do_readlink(c, AT_FDCWD, c.arg(0), c.arg(1), c.arg(2)); }
Reply h_readlinkat(Call& c) { return do_readlink(c, c.fd_arg(0), c.arg(1), c.arg(2), c.arg(3)); }

// Extended attributes (ls -l asks for ACLs): simulated files have none,
// and say so as a filesystem without them does.
Reply do_xattr(Call& c, int dirfd, unsigned long path) {
    RoutedPath rp;
    if (long err = resolve(c, dirfd, path, &rp)) return err == -EFAULT ? Reply::value(err) : Reply::cont();
    if (rp.route != Route::Sim) return Reply::cont();
    struct stat st {};
    long r = sim_stat(c, rp.path, &st);
    return Reply::value(r < 0 ? r : -EOPNOTSUPP);
}
Reply h_xattr(Call& c) { return do_xattr(c, AT_FDCWD, c.arg(0)); }
Reply h_fxattr(Call& c) { return sim_fd(c, c.fd_arg(0)) ? Reply::value(-EOPNOTSUPP) : Reply::cont(); }

// ---- changing names: mkdir, unlink, mknod, chmod ----

// `host_op` runs a Root path on the host; the simulated kernel gets `sim_nr`.
template <typename HostOp>
Reply path_op(Call& c, int dirfd, unsigned long path, long sim_nr, unsigned long a1, unsigned long a2, HostOp host_op) {
    RoutedPath rp;
    if (long err = resolve(c, dirfd, path, &rp)) return err == -EFAULT ? Reply::value(err) : Reply::cont();
    if (rp.route == Route::Host) return Reply::cont();
    if (rp.route == Route::Root) return Reply::value(host_op(rp.host.c_str()) == 0 ? 0 : -errno);
    return Reply::value(sim_call(c.proc.task, sim_nr, ptr(rp.path.c_str()), a1, a2));
}

Reply h_mkdir(Call& c) {
    auto mode = static_cast<mode_t>(c.arg(1));
    return path_op(c, AT_FDCWD, c.arg(0), __NR_mkdir, mode, 0, [mode](const char* p) { return mkdir(p, mode); });
}
Reply h_mkdirat(Call& c) {
    auto mode = static_cast<mode_t>(c.arg(2));
    return path_op(c, c.fd_arg(0), c.arg(1), __NR_mkdir, mode, 0, [mode](const char* p) { return mkdir(p, mode); });
}
Reply h_unlink(Call& c) {
    return path_op(c, AT_FDCWD, c.arg(0), __NR_unlink, 0, 0, [](const char* p) { return unlink(p); });
}
Reply h_rmdir(Call& c) {
    return path_op(c, AT_FDCWD, c.arg(0), __NR_rmdir, 0, 0, [](const char* p) { return rmdir(p); });
}
Reply h_unlinkat(Call& c) {
    bool dir = c.arg(2) & AT_REMOVEDIR;
    return path_op(c, c.fd_arg(0), c.arg(1), dir ? __NR_rmdir : __NR_unlink, 0, 0,
                   [dir](const char* p) { return dir ? rmdir(p) : unlink(p); });
}
Reply h_mknod(Call& c) {
    auto mode = static_cast<mode_t>(c.arg(1));
    dev_t dev = c.arg(2);
    return path_op(c, AT_FDCWD, c.arg(0), __NR_mknod, mode, dev, [mode, dev](const char* p) { return mknod(p, mode, dev); });
}
Reply h_mknodat(Call& c) {
    auto mode = static_cast<mode_t>(c.arg(2));
    dev_t dev = c.arg(3);
    return path_op(c, c.fd_arg(0), c.arg(1), __NR_mknod, mode, dev, [mode, dev](const char* p) { return mknod(p, mode, dev); });
}
Reply h_chmod(Call& c) {
    auto mode = static_cast<mode_t>(c.arg(1));
    return path_op(c, AT_FDCWD, c.arg(0), __NR_chmod, mode, 0, [mode](const char* p) { return chmod(p, mode); });
}
Reply h_fchmodat(Call& c) {
    auto mode = static_cast<mode_t>(c.arg(2));
    return path_op(c, c.fd_arg(0), c.arg(1), __NR_chmod, mode, 0, [mode](const char* p) { return chmod(p, mode); });
}

// ---- the working directory ----

// chdir into a simulated directory (cd /sys/module/hello) is the simulated
// kernel's chdir: the task's cwd moves, the host's stays where it was, and
// relative paths are joined to the task's from then on. Back to a host
// directory, the host's chdir runs, given an absolute path (as bash's cd
// gives): the program's host cwd cannot be set from here, so a relative
// path out of a simulated directory (chdir("..") in /sys) is refused.
Reply do_chdir(Call& c, const RoutedPath& rp, bool relative) {
    if (rp.route == Route::Sim) {
        long r = sim_call(c.proc.task, __NR_chdir, ptr(rp.path.c_str()));
        if (r == 0) c.proc.sim_cwd = true;
        return Reply::value(r);
    }
    if (c.proc.sim_cwd && relative) {
        sim_log("simkernel bridge: chdir to " + rp.path + " by a relative path from the simulated directory " +
                sim_getcwd(c) + " refused: use an absolute path to leave a simulated directory");
        return Reply::value(-EXDEV);
    }
    c.proc.sim_cwd = false;
    return Reply::cont();
}

Reply h_chdir(Call& c) {
    std::string path;
    if (long err = read_client_string(static_cast<pid_t>(c.n.pid), c.arg(0), &path, PATH_MAX)) return Reply::value(err);
    RoutedPath rp;
    if (long err = resolve(c, AT_FDCWD, c.arg(0), &rp)) return Reply::value(err);
    return do_chdir(c, rp, path[0] != '/');
}

Reply h_fchdir(Call& c) {
    if (SimFd* f = sim_fd(c, c.fd_arg(0))) {
        RoutedPath rp;
        rp.route = Route::Sim;
        rp.path = f->path;
        return do_chdir(c, rp, false);
    }
    c.proc.sim_cwd = false;
    return Reply::cont();
}

Reply h_getcwd(Call& c) {
    if (!c.proc.sim_cwd) return Reply::cont();
    std::string cwd = sim_getcwd(c);
    if (cwd.size() + 1 > c.arg(1)) return Reply::value(-ERANGE);
    if (write_client(static_cast<pid_t>(c.n.pid), c.arg(0), cwd.c_str(), cwd.size() + 1)) return Reply::value(-EFAULT);
    return Reply::value(static_cast<long>(cwd.size() + 1));
}

// ---- exec ----

// The fds marked close-on-exec are checked again at their next use (the
// exec may fail); the task takes the program's name, for ps.
Reply h_execve(Call& c) {
    int path_arg = c.n.data.nr == __NR_execveat ? 1 : 0;
    std::string path;
    if (read_client_string(static_cast<pid_t>(c.n.pid), c.arg(path_arg), &path, PATH_MAX) == 0 && !path.empty())
        sim_set_comm(c.proc.task, path.substr(path.find_last_of('/') + 1));
    for (auto& [fd, f] : c.proc.fds)
        if (f.cloexec) f.verified = false;
    forget_mark(c, c.proc.mark_slot);  // close-on-exec
    return Reply::cont();
}

// ---- processes: fork and wait ----

// A new process (fork, vfork, clone or clone3 without CLONE_THREAD): its
// task is cloned now, as Linux's clone makes the child in the parent's
// call; the host then forks. A new thread is the same process and task.
Reply h_clone(Call& c) {
    unsigned long flags = 0;
    if (c.n.data.nr == __NR_clone) {
        flags = c.arg(0);
    } else if (c.n.data.nr == __NR_clone3) {
        uint64_t f = 0;
        if (c.arg(1) < sizeof f || read_client(static_cast<pid_t>(c.n.pid), c.arg(0), &f, sizeof f)) return Reply::cont();
        flags = f;
    }
    if (flags & CLONE_THREAD) return Reply::cont();
    long err = c.sv.prepare_child(c.n, c.proc);
    return err < 0 ? Reply::value(err) : Reply::cont();
}

// wait4, waitid: children that have exited end in the simulated kernel
// before their parent learns it (their files closed, drivers released),
// and their tasks are reaped; then the host waits.
Reply h_wait(Call& c) {
    c.sv.settle_children(c.proc);
    return Reply::cont();
}

// ---- modules ----

Reply h_init_module(Call& c) {
    size_t len = c.arg(1);
    if (len > kMaxModule) return Reply::value(-EFBIG);
    std::vector<char> image(len);
    std::string params;
    auto pid = static_cast<pid_t>(c.n.pid);
    if (read_client(pid, c.arg(0), image.data(), len) || read_client_string(pid, c.arg(2), &params)) return Reply::value(-EFAULT);
    return Reply::value(sim_call(c.proc.task, __NR_init_module, ptr(image.data()), len, ptr(params.c_str())));
}

// finit_module on a host file (insmod's usual case): the simulated kernel
// opens the same file by its path, with the task's permissions.
Reply h_finit_module(Call& c) {
    std::string params;
    if (read_client_string(static_cast<pid_t>(c.n.pid), c.arg(1), &params)) return Reply::value(-EFAULT);
    if (SimFd* f = sim_fd(c, c.fd_arg(0)))
        return Reply::value(sim_call(c.proc.task, __NR_finit_module, static_cast<unsigned long>(f->sim_fd), ptr(params.c_str()), c.arg(2)));
    std::string path = proc_link(c.proc.tgid, "fd/" + std::to_string(c.fd_arg(0)));
    if (path.empty() || path[0] != '/') return Reply::value(-EBADF);
    long simfd = sim_call(c.proc.task, __NR_open, ptr(path.c_str()), O_RDONLY, 0);
    if (simfd < 0) return Reply::value(simfd);
    long r = sim_call(c.proc.task, __NR_finit_module, static_cast<unsigned long>(simfd), ptr(params.c_str()), c.arg(2));
    sim_call(c.proc.task, __NR_close, static_cast<unsigned long>(simfd));
    return Reply::value(r);
}

Reply h_delete_module(Call& c) {
    std::string name;
    if (read_client_string(static_cast<pid_t>(c.n.pid), c.arg(0), &name, 64)) return Reply::value(-EFAULT);
    return Reply::value(sim_call(c.proc.task, __NR_delete_module, ptr(name.c_str()), c.arg(1)));
}

// ---- the machine: uname, the kernel log ----

Reply h_uname(Call& c) {
    struct utsname u {};
    long r = sim_call(c.proc.task, __NR_uname, ptr(&u));
    if (r < 0) return Reply::value(r);
    return Reply::value(write_client(static_cast<pid_t>(c.n.pid), c.arg(0), &u, sizeof u));
}

Reply h_syslog(Call& c) {
    int type = static_cast<int>(c.arg(0));
    int len = static_cast<int>(c.arg(2));
    const bool reads = type == 2 || type == 3 || type == 4;  // SYSLOG_ACTION_READ, READ_ALL, READ_CLEAR
    if (!reads) return Reply::value(sim_call(c.proc.task, __NR_syslog, static_cast<unsigned long>(type), 0, static_cast<unsigned long>(len)));
    if (len < 0) return Reply::value(-EINVAL);
    size_t n = std::min<size_t>(static_cast<size_t>(len), kMaxIo);
    char* buf = io_buffer(n);
    long r = sim_call(c.proc.task, __NR_syslog, static_cast<unsigned long>(type), ptr(buf), n);
    if (r > 0 && write_client(static_cast<pid_t>(c.n.pid), c.arg(1), buf, static_cast<size_t>(r))) return Reply::value(-EFAULT);
    return Reply::value(r);
}

// ---- credentials: the simulated task's, never the host's ----

Reply h_getuid(Call& c) { return Reply::value(sim_call(c.proc.task, __NR_getuid)); }
Reply h_getgid(Call& c) { return Reply::value(sim_call(c.proc.task, __NR_getgid)); }
Reply getres(Call& c, long nr) {
    auto id = static_cast<unsigned>(sim_call(c.proc.task, nr));
    auto pid = static_cast<pid_t>(c.n.pid);
    for (int i = 0; i < 3; ++i)
        if (write_client(pid, c.arg(i), &id, sizeof id)) return Reply::value(-EFAULT);
    return Reply::value(0);
}
Reply h_getresuid(Call& c) { return getres(c, __NR_getuid); }
Reply h_getresgid(Call& c) { return getres(c, __NR_getgid); }

// The set*id calls become the kernel's setresuid/setresgid (Linux's
// rules: root may set anything, others only ids they have, saved included).
// One more rule: only simkernel's sudo (this program, run as `sudo`) may
// take back root, as the built-in shell's sudo does: a student's program
// that calls setuid(0) gets EPERM, as it would on Linux.
Reply h_setid(Call& c) {
    const int nr = c.n.data.nr;
    const bool is_uid = nr == __NR_setuid || nr == __NR_setreuid || nr == __NR_setresuid;
    const unsigned long keep = static_cast<unsigned>(-1);
    unsigned long r = keep, e = keep, s = keep;
    sk::Task* t = c.proc.task;
    const bool root = sim_call(t, __NR_geteuid) == 0;
    auto id = [&c](int i) { return static_cast<unsigned long>(static_cast<unsigned>(c.arg(i))); };
    if (nr == __NR_setuid || nr == __NR_setgid) {
        e = id(0);
        if (root) r = s = e;  // setuid(2) as root sets all three
    } else if (nr == __NR_setreuid || nr == __NR_setregid) {
        r = id(0);
        e = id(1);
    } else {
        r = id(0);
        e = id(1);
        s = id(2);
    }
    if (!root && is_uid && (r == 0 || e == 0)) {
        if (proc_link(c.proc.tgid, "exe") != c.sv.own_exe()) return Reply::value(-EPERM);
        sim_grant_root(t);
        return Reply::value(sim_call(t, __NR_geteuid) == 0 ? 0 : -EPERM);
    }
    if (r != keep && e == keep) e = r;  // simkernel keeps one uid for both
    if (e != keep && r == keep) r = e;
    return Reply::value(sim_call(t, is_uid ? __NR_setresuid : __NR_setresgid, r, e, s));
}

// ---- the table ----

enum class Trap {
    Always,
    Fd0,   // when argument 0 is 0-2 or >= kSimFdBase
    Fd01,  // ... argument 0 or 1
    Fd02,  // ... argument 0 or 2
};

struct TrappedCall {
    int nr;
    Trap when;
    Handler fn;
};

// The hot calls first: the filter checks in this order.
const TrappedCall trapped[] = {
    {__NR_read, Trap::Fd0, h_read},
    {__NR_write, Trap::Fd0, h_write},
    {__NR_fstat, Trap::Fd0, h_fstat},
    {__NR_lseek, Trap::Fd0, h_lseek},
    {__NR_ioctl, Trap::Fd0, h_ioctl},
    {__NR_pread64, Trap::Fd0, h_pread},
    {__NR_pwrite64, Trap::Fd0, h_pwrite},
    {__NR_readv, Trap::Fd0, h_readv},
    {__NR_writev, Trap::Fd0, h_writev},
    {__NR_preadv, Trap::Fd0, h_preadv},
    {__NR_pwritev, Trap::Fd0, h_pwritev},
    {__NR_preadv2, Trap::Fd0, h_preadv},
    {__NR_pwritev2, Trap::Fd0, h_pwritev},
    {__NR_getdents64, Trap::Fd0, h_getdents64},
    {__NR_dup, Trap::Fd0, h_dup},
    {__NR_fsync, Trap::Fd0, h_fd_einval},
    {__NR_fdatasync, Trap::Fd0, h_fd_einval},
    {__NR_ftruncate, Trap::Fd0, h_fd_einval},
    {__NR_fallocate, Trap::Fd0, h_fd_einval},
    {__NR_sendfile, Trap::Fd01, h_no_splice},
    {__NR_tee, Trap::Fd01, h_no_splice},
    {__NR_copy_file_range, Trap::Fd02, h_no_splice},
    {__NR_splice, Trap::Fd02, h_no_splice},
    // Which fds a poll or select names is in its memory, out of the
    // filter's sight: every one is trapped (a set of host fds only is then
    // the host's call).
    {__NR_poll, Trap::Always, h_poll},
    {__NR_ppoll, Trap::Always, h_ppoll},
    {__NR_select, Trap::Always, h_select},
    {__NR_pselect6, Trap::Always, h_pselect6},
    // fcntl, dup2, dup3 on any fd: a simulated file may sit at 3..511 (dup2
    // put it there), where the calls above pass to the host. Not close,
    // the most frequent of them: a close there is noticed at the program's
    // next trapped call (Supervisor::before_call).
    {__NR_close, Trap::Fd0, h_close},
    {__NR_fcntl, Trap::Always, h_fcntl},
    {__NR_dup2, Trap::Always, h_dup2},
    {__NR_dup3, Trap::Always, h_dup3},
    {__NR_close_range, Trap::Always, h_close_range},
    {__NR_openat, Trap::Always, h_openat},
    {__NR_open, Trap::Always, h_open},
    {__NR_creat, Trap::Always, h_creat},
    {__NR_openat2, Trap::Always, h_openat2},
    {__NR_newfstatat, Trap::Always, h_newfstatat},
    {__NR_statx, Trap::Always, h_statx},
    {__NR_stat, Trap::Always, h_stat},
    {__NR_lstat, Trap::Always, h_lstat},
    {__NR_access, Trap::Always, h_access},
    {__NR_faccessat, Trap::Always, h_faccessat},
    {__NR_faccessat2, Trap::Always, h_faccessat},
    {__NR_readlink, Trap::Always, h_readlink},
    {__NR_readlinkat, Trap::Always, h_readlinkat},
    {__NR_mkdir, Trap::Always, h_mkdir},
    {__NR_mkdirat, Trap::Always, h_mkdirat},
    {__NR_unlink, Trap::Always, h_unlink},
    {__NR_unlinkat, Trap::Always, h_unlinkat},
    {__NR_rmdir, Trap::Always, h_rmdir},
    {__NR_mknod, Trap::Always, h_mknod},
    {__NR_mknodat, Trap::Always, h_mknodat},
    {__NR_chmod, Trap::Always, h_chmod},
    {__NR_fchmodat, Trap::Always, h_fchmodat},
    {__NR_getxattr, Trap::Always, h_xattr},
    {__NR_lgetxattr, Trap::Always, h_xattr},
    {__NR_listxattr, Trap::Always, h_xattr},
    {__NR_llistxattr, Trap::Always, h_xattr},
    {__NR_fgetxattr, Trap::Fd0, h_fxattr},
    {__NR_flistxattr, Trap::Fd0, h_fxattr},
    {__NR_clone, Trap::Always, h_clone},
    {__NR_clone3, Trap::Always, h_clone},
    {__NR_fork, Trap::Always, h_clone},
    {__NR_vfork, Trap::Always, h_clone},
    {__NR_wait4, Trap::Always, h_wait},
    {__NR_waitid, Trap::Always, h_wait},
    {__NR_chdir, Trap::Always, h_chdir},
    {__NR_fchdir, Trap::Always, h_fchdir},
    {__NR_getcwd, Trap::Always, h_getcwd},
    {__NR_execve, Trap::Always, h_execve},
    {__NR_execveat, Trap::Always, h_execve},
    {__NR_init_module, Trap::Always, h_init_module},
    {__NR_finit_module, Trap::Always, h_finit_module},
    {__NR_delete_module, Trap::Always, h_delete_module},
    {__NR_uname, Trap::Always, h_uname},
    {__NR_syslog, Trap::Always, h_syslog},
    {__NR_getuid, Trap::Always, h_getuid},
    {__NR_geteuid, Trap::Always, h_getuid},
    {__NR_getgid, Trap::Always, h_getgid},
    {__NR_getegid, Trap::Always, h_getgid},
    {__NR_getresuid, Trap::Always, h_getresuid},
    {__NR_getresgid, Trap::Always, h_getresgid},
    {__NR_setuid, Trap::Always, h_setid},
    {__NR_setreuid, Trap::Always, h_setid},
    {__NR_setresuid, Trap::Always, h_setid},
    {__NR_setgid, Trap::Always, h_setid},
    {__NR_setregid, Trap::Always, h_setid},
    {__NR_setresgid, Trap::Always, h_setid},
};

sock_filter stmt(uint16_t code, uint32_t k) { return BPF_STMT(code, k); }
sock_filter jump(uint16_t code, uint32_t k, uint8_t jt, uint8_t jf) { return BPF_JUMP(code, k, jt, jf); }

uint32_t arg_offset(int i) { return static_cast<uint32_t>(offsetof(struct seccomp_data, args) + 8 * i); }

// Traps when argument i (as a 32-bit fd) is 0-2 or >= kSimFdBase; jumps
// `on_host` instructions ahead otherwise. 3 instructions.
void fd_check(std::vector<sock_filter>& p, int i, uint8_t to_trap, uint8_t on_host) {
    p.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, arg_offset(i)));
    p.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, kSimFdBase, static_cast<uint8_t>(to_trap + 1), 0));
    p.push_back(jump(BPF_JMP | BPF_JGT | BPF_K, 2, on_host, to_trap));
}

}  // namespace

Handler handler_for(int nr) {
    for (const TrappedCall& t : trapped)
        if (t.nr == nr) return t.fn;
    return nullptr;
}

std::vector<sock_filter> build_filter() {
    const uint32_t trap = SECCOMP_RET_USER_NOTIF, allow = SECCOMP_RET_ALLOW;
    std::vector<sock_filter> p;
    // Only x86-64 system calls: a 32-bit or x32 call could reach the host's
    // /dev unseen, so it fails with ENOSYS.
    p.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
    p.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
    p.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS));
    p.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
    p.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1));  // __X32_SYSCALL_BIT
    p.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS));
    for (const TrappedCall& t : trapped) {
        std::vector<sock_filter> body;
        if (t.when == Trap::Always) {
            body.push_back(stmt(BPF_RET | BPF_K, trap));
        } else {
            // [checks...] trap: RET USER_NOTIF; host: RET ALLOW
            int second = t.when == Trap::Fd01 ? 1 : 2;
            if (t.when == Trap::Fd0) {
                fd_check(body, 0, 0, 1);
            } else {
                // first arg: on host, go on to the second check (0 ahead)
                body.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, arg_offset(0)));
                body.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, kSimFdBase, 4, 0));
                body.push_back(jump(BPF_JMP | BPF_JGT | BPF_K, 2, 0, 3));
                fd_check(body, second, 0, 1);
            }
            body.push_back(stmt(BPF_RET | BPF_K, trap));
            body.push_back(stmt(BPF_RET | BPF_K, allow));
        }
        p.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(t.nr), 0, static_cast<uint8_t>(body.size())));
        p.insert(p.end(), body.begin(), body.end());
    }
    p.push_back(stmt(BPF_RET | BPF_K, allow));
    return p;
}

}  // namespace bridge
