// vfs.hpp - from a path to a struct file.
//
// A path is routed by the mount table (namei.cpp): /dev, /proc, /sys and
// /sys/kernel/debug are the kernel's own; /lib/modules, /etc/modprobe.d,
// /etc/depmod.d and /var/log live in the simulated root directory; anything
// else is the host's file of the same name. Each mounted filesystem answers
// through its FsOps table; an open builds a KFile, whose f_op is the
// dispatch table the read/write/lseek/ioctl system calls call through.
#pragma once

#include <simkernel/kapi.h>

#include <atomic>
#include <string>
#include <string_view>
#include <vector>

namespace sk {

class Kernel;
struct Task;
struct Module;

struct KFile;
struct ResolvedPath;

// What a mounted filesystem does, as Linux's super_operations and
// inode_operations, cut to what simkernel's system calls ask: the path
// arrives resolved (its rel part inside the mount). A null operation
// answers as Linux does for a filesystem that has none.
struct FsOps {
    const char* name;  // as /proc/mounts would say: "devtmpfs", "proc", ...
    long (*open)(Kernel& k, Task& t, const ResolvedPath& p, int flags, umode_t mode, KFile* kf);
    long (*stat)(Kernel& k, Task& t, const ResolvedPath& p, struct stat* st);
    long (*mknod)(Kernel& k, Task& t, const ResolvedPath& p, umode_t mode, __kernel_dev_t dev);  // null: EOPNOTSUPP
    long (*unlink)(Kernel& k, Task& t, const ResolvedPath& p);                // null: EPERM
    long (*mkdir)(Kernel& k, Task& t, const ResolvedPath& p, umode_t mode);  // null: EPERM
    long (*chmod)(Kernel& k, Task& t, const ResolvedPath& p, umode_t mode);  // null: EPERM
};

// Each filesystem's table (devfs.cpp, procfs.cpp, sysfs.cpp, debugfs.cpp, hostfs.cpp).
extern const FsOps devfs_ops, procfs_ops, sysfs_ops, debugfs_ops, hostfs_ops;

struct ResolvedPath {
    const FsOps* fs;
    std::string path;  // absolute, normalised, as the user sees it
    std::string rel;   // inside the filesystem ("null" for /dev/null)
    std::string host;  // the host path, for filesystems kept on the host
};

// Joins path to the task's cwd, removes "." and "..", routes it.
ResolvedPath resolve_path(const Kernel& k, const std::string& cwd, std::string_view path);

struct DirEntry {
    std::string name;
    unsigned char type;  // DT_DIR, DT_REG, DT_CHR
};

// An open file and the objects its struct file points at. The struct file
// comes first, so a struct file* from a driver converts back.
struct KFile {
    struct file f {};
    struct inode inode {};
    struct dentry dentry {};
    std::string name;          // what d_name points at
    std::string path;          // for diagnostics
    Module* module = nullptr;  // held (try_module_get) while open
    int host_fd = -1;          // hostfs
    std::string content;       // procfs: the text, made at open
    std::vector<DirEntry> dir; // directories: the entries, read at open
    bool is_dir = false;
    int dev_kind = 0;          // the switch kernel: which device (switch/dev_switch.c)
    const void* fs_private = nullptr;  // the filesystem's (procfs: the module's proc_ops)
};

inline KFile* kfile(struct file* f) { return reinterpret_cast<KFile*>(f); }

// A file's f_op and module, as a system call reads them: rmmod -f may
// replace both from another thread at any time (detach_module_files).
inline const struct file_operations* file_fops(struct file* f) {
    return std::atomic_ref(f->f_op).load(std::memory_order_acquire);
}
inline Module* file_module(struct file* f) {
    return std::atomic_ref(kfile(f)->module).load(std::memory_order_acquire);
}

// Opens path for task; on success *out holds one reference.
long vfs_open(Kernel& k, Task& t, std::string_view path, int flags, umode_t mode,
              struct file** out);
void get_file(struct file* f);
void fput(struct file* f);  // the last reference calls ->release

// rmmod -f of a module with files still open on it: each such file is
// detached from the module (its calls fail with ENODEV, its close calls
// nothing) instead of calling into freed code later. Returns their paths.
std::vector<std::string> detach_module_files(Kernel& k, const Module* m);

// The path system calls, through the path's filesystem (namei.cpp):
// stat(2) fills a Linux x86-64 struct stat (glibc's layout).
long vfs_stat(Kernel& k, Task& t, std::string_view path, struct stat* st);
long vfs_mknod(Kernel& k, Task& t, std::string_view path, umode_t mode, __kernel_dev_t dev);
long vfs_unlink(Kernel& k, Task& t, std::string_view path);
long vfs_mkdir(Kernel& k, Task& t, std::string_view path, umode_t mode);
long vfs_chmod(Kernel& k, Task& t, std::string_view path, umode_t mode);

// The read of a file whose text was made at open (KFile::content): procfs
// and sysfs snapshots, as seq_file gives a small file.
ssize_t snapshot_read(struct file* f, char* buf, size_t count, loff_t* pos);

// Attach an already-open host descriptor (the terminal) as a file.
struct file* hostfs_wrap_fd(int host_fd, int flags, const std::string& name);
// Give a task the host's terminal as fds 0, 1 and 2, as init gets a console.
void attach_host_terminal(Task& t);

// chrdev_open: the one open every device node shares; it looks up the
// driver by major/minor and switches f_op to the driver's table.
long chrdev_open(Kernel& k, KFile* kf);

// The file_operations of a directory: only getdents reads it.
extern const struct file_operations dir_fops;

}  // namespace sk
