// namei.cpp - path lookup: normalise a path and find which filesystem
// answers for it; the path system calls, through that filesystem's
// operations (fs/namei.c). The mount table is the whole policy, in plain sight.
#include <simkernel/kernel.hpp>
#include <simkernel/vfs.hpp>

#include <vector>

namespace sk {

namespace {

// Where a host-backed mount keeps a path: its private data, as a
// superblock's s_fs_info (hostfs serves both the simulated root and the host).
std::string in_simulated_root(const Kernel& k, const std::string& path) { return (k.root() / path.substr(1)).string(); }
std::string on_host(const Kernel&, const std::string& path) { return path; }

struct Mount {
    const char* prefix;
    const FsOps* fs;
    std::string (*host)(const Kernel&, const std::string& path);  // null: the kernel's own files
};

// The first prefix that matches wins, so a mount inside another comes
// first; "/" (the host's files) catches the rest.
const Mount mounts[] = {
    {"/dev", &devfs_ops, nullptr},
    {"/proc", &procfs_ops, nullptr},
    {"/sys/kernel/debug", &debugfs_ops, nullptr},
    {"/sys", &sysfs_ops, nullptr},
    {"/lib/modules", &hostfs_ops, in_simulated_root},
    {"/etc/modprobe.d", &hostfs_ops, in_simulated_root},
    {"/etc/depmod.d", &hostfs_ops, in_simulated_root},
    {"/var/log", &hostfs_ops, in_simulated_root},
    {"/", &hostfs_ops, on_host},
};

std::string normalise(const std::string& cwd, std::string_view path) {
    std::string full = (!path.empty() && path[0] == '/') ? std::string(path)
                                                          : cwd + "/" + std::string(path);
    std::vector<std::string> parts;
    size_t i = 0;
    while (i <= full.size()) {
        size_t j = full.find('/', i);
        if (j == std::string::npos) j = full.size();
        std::string part = full.substr(i, j - i);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        i = j + 1;
    }
    std::string out;
    for (const auto& p : parts) out += "/" + p;
    return out.empty() ? "/" : out;
}

bool under(const std::string& path, const std::string& prefix) {
    if (prefix == "/") return true;
    return path == prefix || (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
                              path[prefix.size()] == '/');
}

}  // namespace

ResolvedPath resolve_path(const Kernel& k, const std::string& cwd, std::string_view path) {
    ResolvedPath r;
    r.path = normalise(cwd, path);
    for (const Mount& m : mounts) {
        if (!under(r.path, m.prefix)) continue;
        r.fs = m.fs;
        size_t len = strlen(m.prefix);
        r.rel = r.path.size() > len && len > 1 ? r.path.substr(len + 1) : (len == 1 ? r.path.substr(1) : "");
        if (m.host) r.host = m.host(k, r.path);
        return r;
    }
    r.fs = &hostfs_ops;  // not reached: "/" matches every path
    r.host = r.path;
    return r;
}

long vfs_stat(Kernel& k, Task& t, std::string_view path, struct stat* st) {
    if (path.empty()) return -ENOENT;
    ResolvedPath p = resolve_path(k, t.cwd, path);
    return p.fs->stat(k, t, p, st);
}

long vfs_mknod(Kernel& k, Task& t, std::string_view path, umode_t mode, __kernel_dev_t dev) {
    if (t.uid != 0) return -EPERM;  // CAP_MKNOD
    ResolvedPath p = resolve_path(k, t.cwd, path);
    if (!p.fs->mknod) return -EOPNOTSUPP;  // simkernel makes device nodes only in /dev
    return p.fs->mknod(k, t, p, mode, dev);
}

long vfs_unlink(Kernel& k, Task& t, std::string_view path) {
    ResolvedPath p = resolve_path(k, t.cwd, path);
    return p.fs->unlink ? p.fs->unlink(k, t, p) : -EPERM;
}

// mkdir(2) and chmod(2): on host files only (the simulated root and the
// host's own); /dev, /proc and /sys are the kernel's, and no one's to change.
long vfs_mkdir(Kernel& k, Task& t, std::string_view path, umode_t mode) {
    if (path.empty()) return -ENOENT;
    ResolvedPath p = resolve_path(k, t.cwd, path);
    return p.fs->mkdir ? p.fs->mkdir(k, t, p, mode) : -EPERM;
}

long vfs_chmod(Kernel& k, Task& t, std::string_view path, umode_t mode) {
    if (path.empty()) return -ENOENT;
    ResolvedPath p = resolve_path(k, t.cwd, path);
    return p.fs->chmod ? p.fs->chmod(k, t, p, mode) : -EPERM;
}

}  // namespace sk
