// vfs.hpp - from a path to a struct file.
//
// A path is routed by the mount table (namei.cpp): /dev, /proc and /sys
// are the kernel's own; /lib/modules, /etc/modprobe.d, /etc/depmod.d and
// /var/log live in the simulated root directory; anything else is the host's
// file of the same name. Each open builds a KFile, whose f_op is the
// dispatch table the read/write/lseek/ioctl system calls call through.
#pragma once

#include <simkernel/kapi.h>

#include <string>
#include <string_view>
#include <vector>

namespace sk {

class Kernel;
struct Task;
struct Module;

enum class FsKind { Dev, Proc, Sys, Root, Host };

struct ResolvedPath {
    FsKind fs;
    std::string path;  // absolute, normalised, as the user sees it
    std::string rel;   // inside the filesystem ("null" for /dev/null)
    std::string host;  // the host path, for Root and Host
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

// Opens path for task; on success *out holds one reference.
long vfs_open(Kernel& k, Task& t, std::string_view path, int flags, umode_t mode,
              struct file** out);
void get_file(struct file* f);
void fput(struct file* f);  // the last reference calls ->release

// rmmod -f of a module with files still open on it: each such file is
// detached from the module (its calls fail with ENODEV, its close calls
// nothing) instead of calling into freed code later. Returns their paths.
std::vector<std::string> detach_module_files(Kernel& k, const Module* m);

// stat(2): fills a Linux x86-64 struct stat (glibc's layout).
long vfs_stat(Kernel& k, Task& t, std::string_view path, struct stat* st);
long vfs_fstat(struct file* f, struct stat* st);
long vfs_mknod(Kernel& k, Task& t, std::string_view path, umode_t mode, __kernel_dev_t dev);
long vfs_unlink(Kernel& k, Task& t, std::string_view path);

// Per filesystem (devfs.cpp, procfs.cpp, hostfs.cpp).
long devfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, KFile* kf);
long devfs_stat(Kernel& k, const ResolvedPath& p, struct stat* st);
long procfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, KFile* kf);
long procfs_stat(Kernel& k, const ResolvedPath& p, struct stat* st);
long sysfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, KFile* kf);
long sysfs_stat(Kernel& k, const ResolvedPath& p, struct stat* st);
long hostfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, umode_t mode, KFile* kf);
long hostfs_stat(const ResolvedPath& p, struct stat* st);

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
