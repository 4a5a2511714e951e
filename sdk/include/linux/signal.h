/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/signal.h - signal numbers (asm/signal.h), and the si_code values a
 * driver passes to kill_fasync() as the "band" (asm-generic/siginfo.h).
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/list.h>
#include <linux/string.h>
#include <asm/signal.h>
#include <asm-generic/siginfo.h>


#endif /* _LINUX_SIGNAL_H */
