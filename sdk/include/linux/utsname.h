/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/utsname.h - what uname(2) reports: init_utsname()->release is the
 * kernel release ("6.8.0-simkernel"), ->nodename the host name.
 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#include <linux/types.h>
#include <linux/sched.h>
#include <linux/bug.h>

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

__SK_BEGIN_DECLS
struct new_utsname *init_utsname(void);
__SK_END_DECLS
#define utsname() init_utsname()

#endif /* _LINUX_UTSNAME_H */
