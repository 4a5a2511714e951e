/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/uidgid.h - kuid_t and kgid_t: user and group ids inside the kernel,
 * wrapped in a structure so that a plain number cannot be mistaken for one.
 */
#ifndef _LINUX_UIDGID_H
#define _LINUX_UIDGID_H

#include <linux/types.h>

typedef struct {
	uid_t val;
} kuid_t;
typedef struct {
	gid_t val;
} kgid_t;

#define KUIDT_INIT(value) ((kuid_t){ value })
#define KGIDT_INIT(value) ((kgid_t){ value })
#define GLOBAL_ROOT_UID KUIDT_INIT(0)
#define GLOBAL_ROOT_GID KGIDT_INIT(0)
#define INVALID_UID KUIDT_INIT((uid_t)-1)
#define INVALID_GID KGIDT_INIT((gid_t)-1)

static inline uid_t __kuid_val(kuid_t uid) { return uid.val; }
static inline gid_t __kgid_val(kgid_t gid) { return gid.val; }
static inline bool uid_eq(kuid_t a, kuid_t b) { return a.val == b.val; }
static inline bool gid_eq(kgid_t a, kgid_t b) { return a.val == b.val; }
static inline bool uid_valid(kuid_t uid) { return uid.val != (uid_t)-1; }
static inline bool gid_valid(kgid_t gid) { return gid.val != (gid_t)-1; }

/* User namespaces: simkernel has one, init_user_ns, in which a kuid_t is
 * the uid itself. make_kuid gives INVALID_UID for (uid_t)-1; from_kuid
 * gives (uid_t)-1 (overflowuid would be 65534) for an invalid id. */
struct user_namespace;
__SK_BEGIN_DECLS
extern struct user_namespace init_user_ns;
kuid_t make_kuid(struct user_namespace *from, uid_t uid);
kgid_t make_kgid(struct user_namespace *from, gid_t gid);
uid_t from_kuid(struct user_namespace *to, kuid_t uid);
gid_t from_kgid(struct user_namespace *to, kgid_t gid);
uid_t from_kuid_munged(struct user_namespace *to, kuid_t uid);
gid_t from_kgid_munged(struct user_namespace *to, kgid_t gid);
__SK_END_DECLS

#endif /* _LINUX_UIDGID_H */
