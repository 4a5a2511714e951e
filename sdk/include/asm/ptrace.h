/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/ptrace.h - the registers a system call arrives with.
 * As on x86-64: arguments in di, si, dx, r10, r8, r9; the number in orig_ax.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <linux/kernel.h>
#include <asm/cache.h>
#include <asm/page.h>
#include <linux/bug.h>

struct pt_regs {
	unsigned long di;
	unsigned long si;
	unsigned long dx;
	unsigned long r10;
	unsigned long r8;
	unsigned long r9;
	unsigned long orig_ax;
};

#endif
