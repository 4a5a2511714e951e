/* SPDX-License-Identifier: GPL-2.0 */
/* linux/cred.h - the current task's user and group ids. */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/capability.h>
#include <linux/uidgid.h>
#include <linux/sched.h>
#include <linux/gfp.h>
#include <linux/bug.h>

__SK_BEGIN_DECLS
kuid_t sk_current_uid(void);
kgid_t sk_current_gid(void);
__SK_END_DECLS

#define current_uid()  sk_current_uid()
#define current_gid()  sk_current_gid()
#define current_euid() sk_current_uid()
#define current_egid() sk_current_gid()
#define current_fsuid() sk_current_uid()

#endif /* _LINUX_CRED_H */
