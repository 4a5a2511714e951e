// hostfs.cpp - the host's own files, reached through the same system calls:
// a .ko the student built, the simulated root under --root, the terminal.
// Every access is first checked against the task's simulated uid and gid
// (permission.cpp), then done by the host as the user running simkernel.
#include <simkernel/kernel.hpp>
#include <simkernel/permission.hpp>
#include <simkernel/vfs.hpp>

#include <dirent.h>

namespace sk {

namespace {

ssize_t host_read(struct file* f, char* buf, size_t count, loff_t* pos) {
    // Read into a bounce buffer, then copy_to_user: the same path a driver takes.
    char chunk[65536];
    size_t want = std::min(count, sizeof chunk);
    ssize_t n = kfile(f)->f.f_mode & FMODE_PREAD ? ::pread(kfile(f)->host_fd, chunk, want, *pos)
                                                  : ::read(kfile(f)->host_fd, chunk, want);
    if (n < 0) return -errno;
    if (copy_to_user(buf, chunk, static_cast<size_t>(n))) return -EFAULT;
    *pos += n;
    return n;
}

ssize_t host_write(struct file* f, const char* buf, size_t count, loff_t* pos) {
    char chunk[65536];
    size_t want = std::min(count, sizeof chunk);
    if (copy_from_user(chunk, buf, want)) return -EFAULT;
    int fd = kfile(f)->host_fd;
    ssize_t n;
    if ((f->f_flags & O_APPEND) || !(f->f_mode & FMODE_PWRITE)) {
        n = ::write(fd, chunk, want);
        if (n >= 0 && (f->f_mode & FMODE_PWRITE)) *pos = ::lseek(fd, 0, SEEK_CUR);
    } else {
        n = ::pwrite(fd, chunk, want, *pos);
        if (n > 0) *pos += n;
    }
    return n < 0 ? -errno : n;
}

loff_t host_llseek(struct file* f, loff_t offset, int whence) {
    struct stat st;
    if (fstat(kfile(f)->host_fd, &st) == 0) f->f_inode->i_size = st.st_size;
    return default_llseek(f, offset, whence);
}

const struct file_operations host_fops = {
    .owner = nullptr,
    .llseek = host_llseek,
    .read = host_read,
    .write = host_write,
};

long hostfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, umode_t mode, KFile* kf) {
    bool creates = false;
    if (long err = host_may_open(k, t, p.host, flags, &creates)) return err;
    int fd = ::open(p.host.c_str(), flags | O_CLOEXEC, mode);
    if (fd < 0 && errno == EISDIR) fd = ::open(p.host.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -errno;
    kf->host_fd = fd;
    if (creates) host_created(t, fd, p.host);
    struct stat st;
    if (fstat(fd, &st) != 0) return -errno;
    map_host_stat(k, p.host, &st);
    kf->inode.i_mode = static_cast<umode_t>(st.st_mode);
    kf->inode.i_size = st.st_size;
    kf->inode.i_uid = st.st_uid;
    kf->inode.i_gid = st.st_gid;
    kf->inode.i_ino = st.st_ino;
    if (S_ISDIR(st.st_mode)) {
        kf->is_dir = true;
        kf->f.f_op = &dir_fops;
        DIR* d = fdopendir(::dup(fd));
        if (!d) return -errno;
        while (struct dirent* e = readdir(d)) {
            std::string name = e->d_name;
            if (name != "." && name != "..") kf->dir.push_back({name, e->d_type});
        }
        closedir(d);
        return 0;
    }
    kf->f.f_op = &host_fops;
    if (!S_ISREG(st.st_mode)) {  // a pipe or terminal: no positions
        kf->f.f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
    }
    return 0;
}

long hostfs_stat(Kernel& k, Task& t, const ResolvedPath& p, struct stat* st) {
    // stat needs search permission on the directories, not on the file.
    if (long err = host_may_lookup(k, t, p.host)) return err;
    if (::stat(p.host.c_str(), st) != 0) return -errno;
    map_host_stat(k, p.host, st);
    return 0;
}

long hostfs_unlink(Kernel& k, Task& t, const ResolvedPath& p) {
    if (long err = host_may_unlink(k, t, p.host)) return err;
    return ::unlink(p.host.c_str()) == 0 ? 0 : -errno;
}

long hostfs_mkdir(Kernel& k, Task& t, const ResolvedPath& p, umode_t mode) {
    if (long err = host_may_mkdir(k, t, p.host)) return err;
    if (::mkdir(p.host.c_str(), mode & 07777) != 0) return -errno;
    host_created(t, -1, p.host);
    return 0;
}

long hostfs_chmod(Kernel& k, Task& t, const ResolvedPath& p, umode_t mode) {
    if (long err = host_may_chmod(k, t, p.host)) return err;
    return ::chmod(p.host.c_str(), mode & 07777) == 0 ? 0 : -errno;
}

}  // namespace

const FsOps hostfs_ops = {
    .name = "hostfs",
    .open = hostfs_open,
    .stat = hostfs_stat,
    .mknod = nullptr,
    .unlink = hostfs_unlink,
    .mkdir = hostfs_mkdir,
    .chmod = hostfs_chmod,
};

struct file* hostfs_wrap_fd(int host_fd, int flags, const std::string& name) {
    auto* kf = new KFile;
    kf->name = name;
    kf->path = name;
    kf->host_fd = host_fd;
    kf->dentry.d_name = {kf->name.c_str(), static_cast<unsigned>(kf->name.size())};
    kf->dentry.d_inode = &kf->inode;
    kf->f.f_path.dentry = &kf->dentry;
    kf->f.f_inode = &kf->inode;
    kf->f.f_flags = static_cast<unsigned>(flags);
    kf->f.f_mode = (flags & O_ACCMODE) == O_RDONLY ? FMODE_READ
                   : (flags & O_ACCMODE) == O_WRONLY ? FMODE_WRITE
                                                     : FMODE_READ | FMODE_WRITE;
    kf->f.f_count = 1;
    kf->f.f_op = &host_fops;
    kf->inode.i_mode = S_IFCHR | 0620;
    struct stat st;
    if (::fstat(host_fd, &st) == 0) {
        IdMap map = IdMap::of_this_process();
        kf->inode.i_uid = map.sim_uid(st.st_uid);
        kf->inode.i_gid = map.sim_gid(st.st_gid);
    }
    return &kf->f;
}

void attach_host_terminal(Task& t) {
    t.files.install_at(0, hostfs_wrap_fd(::dup(STDIN_FILENO), O_RDONLY, "stdin"));
    t.files.install_at(1, hostfs_wrap_fd(::dup(STDOUT_FILENO), O_WRONLY, "stdout"));
    t.files.install_at(2, hostfs_wrap_fd(::dup(STDERR_FILENO), O_WRONLY, "stderr"));
}

}  // namespace sk
