/* SPDX-License-Identifier: GPL-2.0 */
/* linux/time.h - time units and struct timespec64 (the clocks: <linux/ktime.h>). */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>
#include <linux/time64.h>
#include <asm/current.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/gfp_types.h>
#include <linux/ioctl.h>
#include <linux/string.h>
#include <linux/bug.h>

#endif /* _LINUX_TIME_H */
