// permission.cpp - simulated credentials on host files (fs/namei.c's
// generic_permission, may_open, may_create, may_delete; the id map of
// kernel/user_namespace.c). See permission.hpp and docs/security.md.
//
// Each check runs before hostfs asks the host to do anything. The host then
// checks again, as the user running simkernel: so simulated root may do
// what that user may do, and no more.
#include <simkernel/kernel.hpp>
#include <simkernel/permission.hpp>

#include <climits>
#include <cstdlib>
#include <unistd.h>

namespace sk {

IdMap IdMap::of_this_process() { return {geteuid(), getegid()}; }

uid_t IdMap::sim_uid(uid_t host) const {
    if (identity() || host == 0) return host;
    return host == host_uid ? kStudentUid : kOverflowUid;
}

gid_t IdMap::sim_gid(gid_t host) const {
    if (identity() || host == 0) return host;
    return host == host_gid ? kStudentGid : kOverflowGid;
}

uid_t IdMap::host_uid_of(uid_t sim) const {
    if (identity() || sim == 0) return sim;
    return sim == kStudentUid ? host_uid : static_cast<uid_t>(-1);
}

gid_t IdMap::host_gid_of(gid_t sim) const {
    if (identity() || sim == 0) return sim;
    return sim == kStudentGid ? host_gid : static_cast<gid_t>(-1);
}

bool may_access(const Task& t, uid_t uid, gid_t gid, mode_t mode, int mask) {
    if (t.uid == 0) {
        // CAP_DAC_OVERRIDE: anything but running a file no one may run.
        if (!(mask & kMayExec) || S_ISDIR(mode)) return true;
        return (mode & 0111) != 0;
    }
    mode_t bits = t.uid == uid ? mode >> 6 : t.gid == gid ? mode >> 3 : mode;
    return (static_cast<int>(bits) & mask & 7) == mask;
}

namespace {

std::string real_path(const std::string& p) {
    char buf[PATH_MAX];
    return ::realpath(p.c_str(), buf) ? std::string(buf) : std::string();
}

bool inside(const std::string& path, const std::string& dir) {
    if (dir.empty()) return false;
    if (dir == "/") return true;
    return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

std::string parent_of(const std::string& path) {
    size_t slash = path.find_last_of('/');
    return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

// The owner of a file whose real (symlink-free) path is real.
void map_owner(const Kernel& k, const std::string& real, struct stat* st) {
    if (inside(real, real_path(k.root().string()))) {
        st->st_uid = kStudentUid;
        st->st_gid = kStudentGid;
        return;
    }
    IdMap map = IdMap::of_this_process();
    st->st_uid = map.sim_uid(st->st_uid);
    st->st_gid = map.sim_gid(st->st_gid);
}

// stat(2), following links, with the owner mapped.
long stat_mapped(const Kernel& k, const std::string& path, struct stat* st) {
    if (::stat(path.c_str(), st) != 0) return -errno;
    map_host_stat(k, path, st);
    return 0;
}

// Search permission on each directory of path, from the top of the
// filesystem it is in ("/", or the simulated root for a path inside it).
long may_search_each(const Kernel& k, const Task& t, const std::string& path, const std::string& sim_root) {
    std::string top = inside(path, sim_root) ? sim_root : "/";
    std::string cur = top;
    size_t pos = top.size();
    for (;;) {
        struct stat st;
        if (long err = stat_mapped(k, cur, &st)) return err;
        if (!S_ISDIR(st.st_mode)) return -ENOTDIR;
        if (!may_access(t, st.st_uid, st.st_gid, st.st_mode, kMayExec)) return -EACCES;
        if (pos >= path.size()) return 0;
        size_t next = path.find('/', pos + 1);
        if (next == std::string::npos) next = path.size();
        cur = path.substr(0, next);
        pos = next;
    }
}

// path_lookupat's permission half: search permission on every directory
// leading to dir, both as written (each prefix) and as the links lead (its
// real path), so neither a link nor a ".." gets around a closed directory.
long may_walk(const Kernel& k, const Task& t, const std::string& dir) {
    if (t.uid == 0) return 0;
    if (long err = may_search_each(k, t, dir, k.root().string())) return err;
    std::string real = real_path(dir);
    if (real.empty()) return -errno;
    return may_search_each(k, t, real, real_path(k.root().string()));
}

// fs.protected_symlinks (on by default in Debian): in a sticky
// world-writable directory (/tmp), a link is followed only if the follower
// owns it or the directory's owner does; else a planted link could lead a
// victim anywhere.
long may_follow_link(const Kernel& k, const Task& t, const std::string& path) {
    struct stat lst;
    if (t.uid == 0 || ::lstat(path.c_str(), &lst) != 0 || !S_ISLNK(lst.st_mode)) return 0;
    struct stat dir;
    std::string parent = parent_of(path);
    if (stat_mapped(k, parent, &dir) != 0) return 0;
    if (!(dir.st_mode & S_ISVTX) || !(dir.st_mode & S_IWOTH)) return 0;
    map_owner(k, real_path(parent) + "/" + path.substr(path.find_last_of('/') + 1), &lst);
    return lst.st_uid == t.uid || lst.st_uid == dir.st_uid ? 0 : -EACCES;
}

// may_create: write and search permission on the directory.
long may_create_in(const Kernel& k, const Task& t, const std::string& parent) {
    if (t.uid == 0) return 0;
    struct stat dir;
    if (long err = stat_mapped(k, parent, &dir)) return err;
    if (!S_ISDIR(dir.st_mode)) return -ENOTDIR;
    return may_access(t, dir.st_uid, dir.st_gid, dir.st_mode, kMayWrite | kMayExec) ? 0 : -EACCES;
}

}  // namespace

void map_host_stat(const Kernel& k, const std::string& host_path, struct stat* st) {
    std::string real = real_path(host_path);
    map_owner(k, real.empty() ? host_path : real, st);
}

long host_may_lookup(const Kernel& k, const Task& t, const std::string& host_path) {
    return may_walk(k, t, parent_of(host_path));
}

long host_may_open(const Kernel& k, const Task& t, const std::string& host_path, int flags, bool* creates) {
    *creates = false;
    std::string parent = parent_of(host_path);
    if (long err = may_walk(k, t, parent)) return err;
    if (long err = may_follow_link(k, t, host_path)) return err;
    struct stat st;
    if (::stat(host_path.c_str(), &st) != 0) {
        if (errno != ENOENT || !(flags & O_CREAT)) return -errno;
        struct stat lst;
        // A dangling link: the file would be made wherever it points.
        // simkernel does not follow it for a user (Linux would, checking
        // the directory it lands in).
        if (t.uid != 0 && ::lstat(host_path.c_str(), &lst) == 0) return -EACCES;
        if (long err = may_create_in(k, t, parent)) return err;
        *creates = true;
        return 0;
    }
    if ((flags & O_CREAT) && (flags & O_EXCL)) return -EEXIST;
    map_host_stat(k, host_path, &st);
    int acc = flags & O_ACCMODE;
    int mask = 0;
    if (acc == O_RDONLY || acc == O_RDWR) mask |= kMayRead;
    if (acc == O_WRONLY || acc == O_RDWR || (flags & O_TRUNC)) mask |= kMayWrite;
    if (S_ISDIR(st.st_mode) && (mask & kMayWrite)) return -EISDIR;
    return may_access(t, st.st_uid, st.st_gid, st.st_mode, mask) ? 0 : -EACCES;
}

long host_may_unlink(const Kernel& k, const Task& t, const std::string& host_path) {
    if (t.uid == 0) return 0;
    std::string parent = parent_of(host_path);
    if (long err = may_walk(k, t, parent)) return err;
    struct stat lst;
    if (::lstat(host_path.c_str(), &lst) != 0) return -errno;
    if (S_ISDIR(lst.st_mode)) return -EISDIR;
    if (long err = may_create_in(k, t, parent)) return err;
    // may_delete: in a sticky directory only the file's or the directory's
    // owner may remove it.
    struct stat dir;
    if (long err = stat_mapped(k, parent, &dir)) return err;
    if (dir.st_mode & S_ISVTX) {
        map_owner(k, real_path(parent) + "/" + host_path.substr(host_path.find_last_of('/') + 1), &lst);
        if (lst.st_uid != t.uid && dir.st_uid != t.uid) return -EPERM;
    }
    return 0;
}

long host_may_mkdir(const Kernel& k, const Task& t, const std::string& host_path) {
    std::string parent = parent_of(host_path);
    if (long err = may_walk(k, t, parent)) return err;
    struct stat lst;
    if (::lstat(host_path.c_str(), &lst) == 0) return -EEXIST;
    return may_create_in(k, t, parent);
}

long host_may_chmod(const Kernel& k, const Task& t, const std::string& host_path) {
    if (long err = may_walk(k, t, parent_of(host_path))) return err;
    struct stat st;
    if (long err = stat_mapped(k, host_path, &st)) return err;
    // Only the owner (or root, CAP_FOWNER) may change a file's mode.
    return t.uid == 0 || t.uid == st.st_uid ? 0 : -EPERM;
}

void host_created(const Task& t, int host_fd, const std::string& host_path) {
    IdMap map = IdMap::of_this_process();
    if (!map.identity() || t.uid == 0) return;  // the host user's file is the student's already
    uid_t uid = map.host_uid_of(t.uid);
    gid_t gid = map.host_gid_of(t.gid);
    int ret = host_fd >= 0 ? ::fchown(host_fd, uid, gid) : ::lchown(host_path.c_str(), uid, gid);
    (void)ret;  // the file exists either way; its owner is then root's, which stat shows
}

}  // namespace sk
