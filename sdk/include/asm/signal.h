/* SPDX-License-Identifier: GPL-2.0 */
/* asm/signal.h - the signal numbers of x86-64 (uapi/asm/signal.h). */
#ifndef _ASM_X86_SIGNAL_H
#define _ASM_X86_SIGNAL_H

/* What Linux's asm/signal.h reaches (linux/linkage.h, ...), as far as the
 * SDK has it: tests/sdk/header_graph.py checks it. */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/ioctl.h>
#include <linux/gfp_types.h>
#include <linux/time64.h>
#include <linux/time.h>
#include <linux/ratelimit_types.h>
#include <linux/once.h>
#include <asm/current.h>
#include <asm/page.h>
#include <asm/cache.h>
#include <asm/ptrace.h>
#include <asm-generic/siginfo.h>

#ifndef SIGHUP /* glibc defines the same values for the hosted kernel */
#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGIOT     6
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPOLL   SIGIO
#define SIGPWR    30
#define SIGSYS    31
#endif
#ifndef _NSIG
#define _NSIG 64
#endif

#endif /* _ASM_X86_SIGNAL_H */
