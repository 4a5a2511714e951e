// sys.cpp - a task's credentials and name: setresuid, setresgid,
// getresuid, prctl(PR_SET_NAME) (kernel/sys.c in Linux).
//
// simkernel keeps one uid for real and effective, and the saved uid (suid):
// setresuid's ruid and euid, when both are given, must agree.
#include "ksys.hpp"

#include <simkernel/kernel.hpp>

#include <sys/prctl.h>

namespace sk {
namespace {

constexpr unsigned kUnchanged = static_cast<unsigned>(-1);

// The rule of setresuid(2) and setresgid(2): with CAP_SETUID (root) any
// value; otherwise each new value must be one the task already has.
template <class Id>
long set_ids(Task& t, Id r, Id e, Id s, Id& id, Id& saved) {
    if (r != kUnchanged && e != kUnchanged && r != e) return -EINVAL;
    Id next = e != kUnchanged ? e : r;
    if (t.uid != 0) {
        for (Id v : {next, s})
            if (v != kUnchanged && v != id && v != saved) return -EPERM;
    }
    if (next != kUnchanged) id = next;
    if (s != kUnchanged) saved = s;
    t.kts.uid = t.uid;  // what modules see as current_uid()
    return 0;
}

}  // namespace

long ksys_setresuid(Task& t, uid_t r, uid_t e, uid_t s) { return set_ids<uid_t>(t, r, e, s, t.uid, t.suid); }
long ksys_setresgid(Task& t, gid_t r, gid_t e, gid_t s) { return set_ids<gid_t>(t, r, e, s, t.gid, t.sgid); }

long ksys_getresuid(Task& t, uid_t* ur, uid_t* ue, uid_t* us) {
    for (auto [user, v] : {std::pair{ur, t.uid}, std::pair{ue, t.uid}, std::pair{us, t.suid}}) {
        UserWindow w(t, user, sizeof *user);
        if (copy_to_user(user, &v, sizeof v)) return -EFAULT;
    }
    return 0;
}

// prctl(2): PR_SET_NAME and PR_GET_NAME, the task's comm (16 bytes with
// the NUL, as TASK_COMM_LEN). Other options: EINVAL.
long ksys_prctl(Task& t, int option, unsigned long arg2) {
    char* user = reinterpret_cast<char*>(arg2);
    if (option == PR_SET_NAME) {
        std::string name;
        if (long err = getname(user, &name)) return err;
        name.resize(std::min(name.size(), sizeof t.kts.comm - 1));
        t.comm = name;
        snprintf(t.kts.comm, sizeof t.kts.comm, "%s", name.c_str());
        return 0;
    }
    if (option == PR_GET_NAME) {
        UserWindow w(t, user, sizeof t.kts.comm);
        return copy_to_user(user, t.kts.comm, sizeof t.kts.comm) ? -EFAULT : 0;
    }
    return -EINVAL;
}

}  // namespace sk
