/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/current.h - `current`, the task whose system call (or kernel thread)
 * is running: current->pid and current->comm name the process that called
 * the driver. The fields are in <linux/sched.h>.
 */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/bug.h>

struct task_struct;

__SK_BEGIN_DECLS
struct task_struct *get_current(void);
__SK_END_DECLS

#ifndef __SIMKERNEL_HOSTED__ /* the kernel's C++ calls current_task() */
#define current get_current()
#endif

#endif /* _ASM_X86_CURRENT_H */
