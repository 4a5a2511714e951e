/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/preempt.h - preemption control and "where am I running?".
 *
 * simkernel's kernel code runs on host threads that the host schedules, so
 * preempt_disable() cannot stop preemption; it is accepted (a spinlock is
 * what protects data here). in_interrupt() says whether an interrupt
 * handler (hard interrupt context: in_hardirq(), in_irq()) or a timer or
 * tasklet function (softirq context: in_softirq()) runs on this thread.
 */
#ifndef __LINUX_PREEMPT_H
#define __LINUX_PREEMPT_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/current.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/gfp_types.h>
#include <linux/ioctl.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/bug.h>

__SK_BEGIN_DECLS
int sk_in_interrupt(void);
int sk_in_hardirq(void);
__SK_END_DECLS

#define preempt_disable()         barrier()
#define preempt_enable()          barrier()
#define preempt_enable_no_resched() barrier()
#define preempt_count()           0
#define in_interrupt()            sk_in_interrupt()
#define in_irq()                  sk_in_hardirq()
#define in_hardirq()              sk_in_hardirq()
#define in_softirq()              (sk_in_interrupt() && !sk_in_hardirq())
#define in_task()                 (!sk_in_interrupt())
#define in_atomic()               sk_in_interrupt()

#endif /* __LINUX_PREEMPT_H */
