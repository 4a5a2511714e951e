/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/siginfo.h - the si_code values of SIGPOLL/SIGIO: what a
 * driver passes to kill_fasync() as the "band" (POLL_IN when data came
 * in, POLL_OUT when there is room again).
 */
#ifndef _UAPI_ASM_GENERIC_SIGINFO_H
#define _UAPI_ASM_GENERIC_SIGINFO_H

#include <linux/compiler.h>
#include <linux/types.h>

#ifndef POLL_IN /* glibc defines the same values for the hosted kernel */
#define POLL_IN  1 /* data input available */
#define POLL_OUT 2 /* output buffers available */
#define POLL_MSG 3 /* input message available */
#define POLL_ERR 4 /* i/o error */
#define POLL_PRI 5 /* high priority input available */
#define POLL_HUP 6 /* device disconnected */
#endif

#endif /* _UAPI_ASM_GENERIC_SIGINFO_H */
