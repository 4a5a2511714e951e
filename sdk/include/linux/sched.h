/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sched.h - tasks, and sleeping.
 *
 * `current` is the task whose system call (or kernel thread) is running:
 * current->pid and current->comm name the process that called the driver.
 * A task sleeps in schedule() until something wakes it (wake_up on a wait
 * queue it joined) or a signal arrives.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/current.h>
#include <asm/signal.h>
#include <asm/unistd.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/random.h>
#include <linux/uidgid.h>
#include <linux/bug.h>

#define TASK_RUNNING         0x0000
#define TASK_INTERRUPTIBLE   0x0001 /* a signal ends the sleep */
#define TASK_UNINTERRUPTIBLE 0x0002 /* only a wake-up ends it */
#define TASK_KILLABLE        TASK_UNINTERRUPTIBLE
#define EXIT_ZOMBIE          0x0020 /* finished, not yet reaped */
#define TASK_NORMAL          (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_COMM_LEN        16

#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))

/* The part of a task that modules may read. */
struct task_struct {
	volatile long __state;
	pid_t pid;
	pid_t tgid;
	unsigned int uid;
	char comm[TASK_COMM_LEN];
};

__SK_BEGIN_DECLS
void set_current_state_fn(long state);
void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
int signal_pending(struct task_struct *p);
int fatal_signal_pending(struct task_struct *p);
int wake_up_process(struct task_struct *p);
void yield(void);
__SK_END_DECLS

#define set_current_state(state) set_current_state_fn(state)
#define __set_current_state(state) set_current_state_fn(state)
#define cond_resched() do { } while (0)

/* The task's pid and thread-group id (simkernel tasks are single-threaded). */
static inline pid_t task_pid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_tgid_nr(struct task_struct *tsk)
{
	return tsk->tgid;
}

#endif /* _LINUX_SCHED_H */
