// user_namespace.cpp - the one user namespace (kernel/user_namespace.c).
//
// Linux maps ids between namespaces; simkernel has only the initial one,
// where a kuid_t holds the uid itself. The functions exist because modules
// call them (from_kuid(&init_user_ns, current_uid()) to print a uid).
#include <simkernel/kapi.h>

#include <linux/uidgid.h>
#include <simkernel/export.hpp>

struct user_namespace {
    int level;  // 0: the initial namespace
};

struct user_namespace init_user_ns = {0};
EXPORT_SYMBOL_GPL(init_user_ns);

extern "C" kuid_t make_kuid(struct user_namespace*, uid_t uid) { return kuid_t{uid}; }
EXPORT_SYMBOL(make_kuid);
extern "C" kgid_t make_kgid(struct user_namespace*, gid_t gid) { return kgid_t{gid}; }
EXPORT_SYMBOL(make_kgid);
extern "C" uid_t from_kuid(struct user_namespace*, kuid_t uid) { return uid.val; }
EXPORT_SYMBOL(from_kuid);
extern "C" gid_t from_kgid(struct user_namespace*, kgid_t gid) { return gid.val; }
EXPORT_SYMBOL(from_kgid);
// "munged": an id with no mapping shows as the overflow id, 65534.
extern "C" uid_t from_kuid_munged(struct user_namespace*, kuid_t uid) {
    return uid.val == static_cast<uid_t>(-1) ? 65534 : uid.val;
}
EXPORT_SYMBOL(from_kuid_munged);
extern "C" gid_t from_kgid_munged(struct user_namespace*, kgid_t gid) {
    return gid.val == static_cast<gid_t>(-1) ? 65534 : gid.val;
}
EXPORT_SYMBOL(from_kgid_munged);
