// devfs.cpp - opening /dev: the node gives type, permissions and the
// device number; chrdev_open() then finds the driver.
#include <simkernel/kernel.hpp>
#include <simkernel/permission.hpp>
#include <simkernel/vfs.hpp>

#include <dirent.h>
#include <sys/sysmacros.h>

namespace sk {

namespace {

// Unix permission check: owner, group, then other bits; root passes.
bool may_open(const Task& t, const DevNode& n, int flags) {
    if (t.uid == 0) return true;
    unsigned shift = t.uid == n.uid ? 6 : (t.gid == n.gid ? 3 : 0);
    unsigned perm = (n.mode >> shift) & 7;
    int acc = flags & O_ACCMODE;
    if ((acc == O_RDONLY || acc == O_RDWR) && !(perm & 4)) return false;
    if ((acc == O_WRONLY || acc == O_RDWR) && !(perm & 2)) return false;
    return true;
}

void fill_stat(const Kernel& k, const DevNode& n, struct stat* st) {
    memset(st, 0, sizeof *st);
    st->st_mtime = st->st_atime = st->st_ctime = k.boot_time();
    st->st_mode = n.mode;
    st->st_uid = n.uid;
    st->st_gid = n.gid;
    st->st_nlink = 1;
    st->st_rdev = makedev(MAJOR(n.rdev), MINOR(n.rdev));
    st->st_dev = makedev(0, 5);  // devtmpfs
    st->st_ino = n.rdev;         // the same number devfs_open gives the inode
    st->st_blksize = 4096;
}

long devfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, umode_t, KFile* kf) {
    if (p.rel.empty()) {
        kf->is_dir = true;
        kf->inode.i_mode = S_IFDIR | 0755;
        kf->f.f_op = &dir_fops;
        for (const DevNode& n : k.devfs.list()) kf->dir.push_back({n.name, DT_CHR});
        return 0;
    }
    auto node = k.devfs.lookup(p.rel);
    if (!node) return (flags & O_CREAT) ? -EACCES : -ENOENT;
    if ((flags & O_CREAT) && (flags & O_EXCL)) return -EEXIST;
    if (!may_open(t, *node, flags)) return -EACCES;
    kf->inode.i_mode = node->mode;
    kf->inode.i_uid = node->uid;
    kf->inode.i_gid = node->gid;
    kf->inode.i_rdev = node->rdev;
    kf->inode.i_ino = MKDEV(MAJOR(node->rdev), MINOR(node->rdev));
    return chrdev_open(k, kf);
}

long devfs_stat(Kernel& k, Task&, const ResolvedPath& p, struct stat* st) {
    if (p.rel.empty()) {
        memset(st, 0, sizeof *st);
        st->st_mode = S_IFDIR | 0755;
        st->st_nlink = 2;
        st->st_ino = 1;  // the root of devtmpfs
        st->st_dev = makedev(0, 5);
        st->st_mtime = st->st_atime = st->st_ctime = k.boot_time();
        return 0;
    }
    auto node = k.devfs.lookup(p.rel);
    if (!node) return -ENOENT;
    fill_stat(k, *node, st);
    return 0;
}

long devfs_mknod(Kernel& k, Task&, const ResolvedPath& p, umode_t mode, __kernel_dev_t dev) {
    if (p.rel.empty() || p.rel.find('/') != std::string::npos)
        return -EOPNOTSUPP;  // simkernel's /dev is flat
    if (!S_ISCHR(mode)) return -EINVAL;
    return k.devfs.create_node({p.rel, mode, 0, 0, dev, nullptr, nullptr});
}

long devfs_unlink(Kernel& k, Task& t, const ResolvedPath& p) {
    if (p.rel.empty()) return -EISDIR;
    if (t.uid != 0) return -EACCES;
    return k.devfs.remove_node(p.rel) ? 0 : -ENOENT;
}

}  // namespace

const FsOps devfs_ops = {
    .name = "devtmpfs",
    .open = devfs_open,
    .stat = devfs_stat,
    .mknod = devfs_mknod,
    .unlink = devfs_unlink,
};

}  // namespace sk
