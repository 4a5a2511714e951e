/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/syscall.h - the system-call table: one function pointer per number.
 * The kernel's entry code calls sys_call_table[nr](regs); a missing entry
 * answers -ENOSYS.
 */
#ifndef _ASM_SYSCALL_H
#define _ASM_SYSCALL_H

#include <asm/ptrace.h>
#include <asm/unistd.h>
#include <linux/compiler.h>
#include <linux/sched.h>
#include <linux/bug.h>

typedef long (*sys_call_ptr_t)(const struct pt_regs *);

__SK_BEGIN_DECLS
extern sys_call_ptr_t sys_call_table[NR_syscalls];
__SK_END_DECLS

#endif
