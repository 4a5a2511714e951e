// read_write.cpp - the device-independent read, write, lseek, ioctl and
// close (fs/read_write.c, fs/ioctl.c, fs/open.c in Linux).
//
// Each one: fd -> struct file -> check what the open allows -> call the
// driver's operation through f_op. No call here knows what device it is
// talking to; a missing operation gets Linux's error for it.
#include "ksys.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/module_calls.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/syscalls.hpp>
#include <simkernel/vfs.hpp>

#include <dirent.h>

#include <fmt/format.h>
#include <simkernel/export.hpp>

namespace sk {

namespace {
constexpr size_t MAX_RW_COUNT = 0x7ffff000;  // INT_MAX rounded down to a page
constexpr ssize_t kMaxErrno = 4095;          // -4095..-1 are errors (linux/err.h)
}  // namespace

long kernel_read_file(Task& t, struct file* f, std::vector<char>* out) {
    ModuleCall call(file_module(f));
    if (!call) return -ENODEV;
    const struct file_operations* fop = file_fops(f);
    if (!(f->f_mode & FMODE_READ) || !fop->read) return -EBADF;
    constexpr size_t kMax = 64 << 20;  // no module is this big
    // A file that knows its size (a host file) is read in one go, asking one
    // byte more to see it has not grown, then one small read to see the end;
    // a device is read 64 KiB at a time. (The buffer is zero-filled as it
    // grows: fixed 64 KiB steps cost a 17 KB module 128 KiB of it.)
    const size_t hint = f->f_inode && f->f_inode->i_size > 0 ? static_cast<size_t>(f->f_inode->i_size) : 0;
    if (hint > kMax) return -EFBIG;  // before a buffer of that size, not after
    out->clear();
    loff_t pos = 0;
    for (;;) {
        size_t old = out->size();
        size_t chunk = !hint ? 65536 : old < hint ? hint - old + 1 : 4096;
        out->resize(old + chunk);
        ssize_t n;
        {
            UserWindow w(t, out->data() + old, chunk);
            n = fop->read(f, out->data() + old, chunk, &pos);
        }
        if (n < 0) return n;
        out->resize(old + static_cast<size_t>(n));
        if (n == 0) return 0;
        if (out->size() > kMax) return -EFBIG;
    }
}

// A driver's read or write may return at most what it was asked for, or
// -errno. Anything else is named once and never passed on: user space
// would trust it (a read "of 4096 bytes" into a 10-byte buffer).
ssize_t checked_rw_result(const void* op, const char* what, ssize_t ret, size_t count) {
    if (ret <= static_cast<ssize_t>(count) && ret >= -kMaxErrno) return ret;
    driver_contract_violation(reinterpret_cast<uintptr_t>(op),
                              fmt::format("returned {} from a {} of {} bytes: it must return at most the count "
                                          "it was given, or -errno; the call fails with EIO",
                                          ret, what, count));
    return -EIO;
}

// fs/read_write.c's vfs_read and vfs_write: what the open allows, the
// user's buffer, then the driver through its dispatch table.
__attribute__((noinline)) ssize_t vfs_read(Task& t, struct file* f, char* buf, size_t count, loff_t* pos) {
    if (!(f->f_mode & FMODE_READ)) return -EBADF;
    ModuleCall call(file_module(f));  // the driver's code stays mapped until it returns
    if (!call) return -ENODEV;
    const struct file_operations* fop = file_fops(f);
    if (!fop->read) return -EINVAL;
    // As Linux's access_ok(): a "negative" count runs past user memory.
    if (static_cast<ssize_t>(count) < 0) return -EFAULT;
    if (count > MAX_RW_COUNT) count = MAX_RW_COUNT;
    UserWindow w(t, buf, count);
    return checked_rw_result(reinterpret_cast<const void*>(fop->read), "read", fop->read(f, buf, count, pos),
                             count);
}

__attribute__((noinline)) ssize_t vfs_write(Task& t, struct file* f, const char* buf, size_t count, loff_t* pos) {
    if (!(f->f_mode & FMODE_WRITE)) return -EBADF;
    ModuleCall call(file_module(f));
    if (!call) return -ENODEV;
    const struct file_operations* fop = file_fops(f);
    if (!fop->write) return -EINVAL;
    if (static_cast<ssize_t>(count) < 0) return -EFAULT;
    if (count > MAX_RW_COUNT) count = MAX_RW_COUNT;
    UserWindow w(t, buf, count);
    return checked_rw_result(reinterpret_cast<const void*>(fop->write), "write",
                             fop->write(f, buf, count, pos), count);
}

long ksys_read(Task& t, int fd, char* buf, size_t count) {
    struct file* f = t.files.get(fd);
    if (!f) return -EBADF;
    return vfs_read(t, f, buf, count, &f->f_pos);
}

long ksys_write(Task& t, int fd, const char* buf, size_t count) {
    struct file* f = t.files.get(fd);
    if (!f) return -EBADF;
    return vfs_write(t, f, buf, count, &f->f_pos);
}

long ksys_lseek(Task& t, int fd, long offset, int whence) {
    struct file* f = t.files.get(fd);
    if (!f) return -EBADF;
    if (whence < SEEK_SET || whence > SEEK_MAX) return -EINVAL;
    ModuleCall call(file_module(f));
    if (!call) return -ENODEV;
    const struct file_operations* fop = file_fops(f);
    if (!(f->f_mode & FMODE_LSEEK) || !fop->llseek) return -ESPIPE;
    return fop->llseek(f, offset, whence);
}

long ksys_ioctl(Task& t, int fd, unsigned int cmd, unsigned long arg) {
    struct file* f = t.files.get(fd);
    if (!f) return -EBADF;
    ModuleCall call(file_module(f));
    if (!call) return -ENODEV;
    const struct file_operations* fop = file_fops(f);
    if (!fop->unlocked_ioctl) return -ENOTTY;
    long ret = fop->unlocked_ioctl(f, cmd, arg);
    return ret == -ENOIOCTLCMD ? -ENOTTY : ret;
}

long ksys_close(Task& t, int fd) {
    struct file* f = t.files.remove(fd);
    if (!f) return -EBADF;
    long ret = 0;
    {
        ModuleCall call(file_module(f));
        const struct file_operations* fop = file_fops(f);
        if (call && fop && fop->flush) ret = fop->flush(f, &t);
    }
    fput(f);
    return ret;
}

long ksys_open(Kernel& k, Task& t, const char* path, int flags, umode_t mode) {
    struct file* f = nullptr;
    long err = vfs_open(k, t, path ? path : "", flags, mode, &f);
    if (err) return err;
    int fd = t.files.install(f);
    if (fd < 0) fput(f);
    return fd;
}

long ksys_dup(Task& t, int fd) {
    struct file* f = t.files.get(fd);
    if (!f) return -EBADF;
    get_file(f);
    int nfd = t.files.install(f);
    if (nfd < 0) fput(f);
    return nfd;
}

long ksys_dup2(Task& t, int oldfd, int newfd) {
    struct file* f = t.files.get(oldfd);
    if (!f) return -EBADF;
    if (oldfd == newfd) return newfd;
    get_file(f);
    int ret = t.files.install_at(newfd, f);  // closes what newfd held
    if (ret < 0) fput(f);
    return ret;
}

// getdents64: the directory's entries, from f_pos (an index) on.
long ksys_getdents64(Task& t, int fd, char* buf, size_t count) {
    struct file* f = t.files.get(fd);
    if (!f) return -EBADF;
    KFile* kf = kfile(f);
    if (!kf->is_dir) return -ENOTDIR;
    UserWindow w(t, buf, count);
    size_t used = 0;
    while (static_cast<size_t>(f->f_pos) < kf->dir.size()) {
        const DirEntry& e = kf->dir[static_cast<size_t>(f->f_pos)];
        size_t reclen = (offsetof(struct dirent64, d_name) + e.name.size() + 1 + 7) & ~size_t{7};
        if (used + reclen > count) {
            if (used == 0) return -EINVAL;  // not even one entry fits
            break;
        }
        char rec[sizeof(struct dirent64) + 256] = {};
        auto* d = reinterpret_cast<struct dirent64*>(rec);
        d->d_ino = static_cast<ino64_t>(f->f_pos + 1);
        d->d_off = f->f_pos + 1;
        d->d_reclen = static_cast<unsigned short>(reclen);
        d->d_type = e.type;
        memcpy(d->d_name, e.name.c_str(), std::min<size_t>(e.name.size() + 1, 256));
        if (copy_to_user(buf + used, rec, reclen)) return -EFAULT;
        used += reclen;
        ++f->f_pos;
    }
    return static_cast<long>(used);
}

namespace {
ssize_t dir_read(struct file*, char*, size_t, loff_t*) { return -EISDIR; }
}  // namespace

const struct file_operations dir_fops = {
    .owner = nullptr,
    .llseek = nullptr,
    .read = dir_read,
};

ssize_t snapshot_read(struct file* f, char* buf, size_t count, loff_t* pos) {
    const std::string& text = kfile(f)->content;
    return simple_read_from_buffer(buf, count, pos, text.data(), text.size());
}

}  // namespace sk

// ---- seek helpers for drivers (fs/read_write.c) ----

extern "C" loff_t default_llseek(struct file* file, loff_t offset, int whence) {
    loff_t pos;
    switch (whence) {
    case SEEK_SET: pos = offset; break;
    case SEEK_CUR:
        if (__builtin_add_overflow(file->f_pos, offset, &pos)) return -EINVAL;  // past s_maxbytes, as Linux
        break;
    case SEEK_END:
        if (__builtin_add_overflow(file->f_inode->i_size, offset, &pos)) return -EINVAL;
        break;
    default: return -EINVAL;
    }
    if (pos < 0) return -EINVAL;
    file->f_pos = pos;
    return pos;
}
EXPORT_SYMBOL(default_llseek);

extern "C" loff_t fixed_size_llseek(struct file* file, loff_t offset, int whence, loff_t size) {
    loff_t pos;
    switch (whence) {
    case SEEK_SET: pos = offset; break;
    case SEEK_CUR:
        if (__builtin_add_overflow(file->f_pos, offset, &pos)) return -EINVAL;
        break;
    case SEEK_END:
        if (__builtin_add_overflow(size, offset, &pos)) return -EINVAL;
        break;
    default: return -EINVAL;
    }
    if (pos < 0 || pos > size) return -EINVAL;
    file->f_pos = pos;
    return pos;
}
EXPORT_SYMBOL(fixed_size_llseek);

extern "C" loff_t noop_llseek(struct file* file, loff_t, int) { return file->f_pos; }
EXPORT_SYMBOL(noop_llseek);
extern "C" loff_t no_llseek(struct file*, loff_t, int) { return -ESPIPE; }
EXPORT_SYMBOL(no_llseek);

extern "C" int nonseekable_open(struct inode*, struct file* filp) {
    filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
    return 0;
}
EXPORT_SYMBOL(nonseekable_open);

extern "C" int stream_open(struct inode* inode, struct file* filp) {
    return nonseekable_open(inode, filp);
}
EXPORT_SYMBOL(stream_open);
