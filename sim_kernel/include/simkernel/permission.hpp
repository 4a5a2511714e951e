// permission.hpp - simulated credentials on the host's files: how host
// owners appear inside simkernel (kernel/user_namespace.c's uid_map), and
// the checks a task's uid, gid and the mode bits must pass before hostfs
// touches a file (fs/namei.c: generic_permission, may_open, may_create,
// may_delete). The table is in docs/security.md.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <string>

namespace sk {

class Kernel;
struct Task;

constexpr uid_t kStudentUid = 1000;
constexpr gid_t kStudentGid = 1000;
constexpr uid_t kOverflowUid = 65534;  // an owner the map does not cover: "nobody"
constexpr gid_t kOverflowGid = 65534;

// The map between host ids and simulated ids, fixed by who runs simkernel.
//   run by a user (euid != 0): that user <-> the student (1000), host root
//     <-> root (0), everyone else -> 65534 (as an unmapped id in a user
//     namespace), so a student can tell "mine", "root's" and "someone's".
//   run by host root: every id is itself (the identity map), so root's
//     files stay root's and the student is host uid 1000.
struct IdMap {
    uid_t host_uid;  // the user running simkernel
    gid_t host_gid;

    static IdMap of_this_process();
    bool identity() const { return host_uid == 0; }
    uid_t sim_uid(uid_t host) const;
    gid_t sim_gid(gid_t host) const;
    uid_t host_uid_of(uid_t sim) const;  // (uid_t)-1 if the simulated id has no host id
    gid_t host_gid_of(gid_t sim) const;
};

enum : int { kMayExec = 1, kMayWrite = 2, kMayRead = 4 };

// generic_permission(): may t do mask to a file of this (simulated) owner
// and mode? Root may read and write anything and search any directory.
bool may_access(const Task& t, uid_t uid, gid_t gid, mode_t mode, int mask);

// A host file as tasks see it: its stat, with the owner mapped. Files in
// the simulated root (--root) all appear as the student's, as a disk
// mounted with uid=1000,gid=1000 would: the student owns that machine.
void map_host_stat(const Kernel& k, const std::string& host_path, struct stat* st);

// The checks, each 0 or -errno, on a host path (ResolvedPath::host).
// Reaching host_path at all (stat): search permission on its directories.
long host_may_lookup(const Kernel& k, const Task& t, const std::string& host_path);
// open(2) with these flags; *creates tells whether it will make the file.
long host_may_open(const Kernel& k, const Task& t, const std::string& host_path, int flags, bool* creates);
long host_may_unlink(const Kernel& k, const Task& t, const std::string& host_path);
long host_may_mkdir(const Kernel& k, const Task& t, const std::string& host_path);
long host_may_chmod(const Kernel& k, const Task& t, const std::string& host_path);
// After t created host_path: when simkernel runs as host root, the file is
// given t's ids, so that the student's new file is the student's.
void host_created(const Task& t, int host_fd, const std::string& host_path);

}  // namespace sk
