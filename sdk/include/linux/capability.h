/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/capability.h - capable(CAP_...): may the current task do this
 * privileged thing? simkernel has no capability sets: root (uid 0, as after
 * sudo) holds every capability and other users none, which is what a
 * default Linux system gives.
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>
#include <linux/uidgid.h>

#define CAP_CHOWN            0
#define CAP_DAC_OVERRIDE     1
#define CAP_DAC_READ_SEARCH  2
#define CAP_FOWNER           3
#define CAP_KILL             5
#define CAP_SETGID           6
#define CAP_SETUID           7
#define CAP_NET_ADMIN        12
#define CAP_NET_RAW          13
#define CAP_IPC_LOCK         14
#define CAP_SYS_MODULE       16
#define CAP_SYS_RAWIO        17
#define CAP_SYS_PTRACE       19
#define CAP_SYS_ADMIN        21
#define CAP_SYS_BOOT         22
#define CAP_SYS_NICE         23
#define CAP_SYS_RESOURCE     24
#define CAP_SYS_TIME         25
#define CAP_SYS_TTY_CONFIG   26
#define CAP_MKNOD            27
#define CAP_SYSLOG           34
#define CAP_LAST_CAP         40
#define cap_valid(x) ((x) >= 0 && (x) <= CAP_LAST_CAP)

__SK_BEGIN_DECLS
bool capable(int cap);
__SK_END_DECLS

#endif /* _LINUX_CAPABILITY_H */
