/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sched/task.h - references to a task_struct.
 *
 * On Linux get_task_struct() keeps a task's structure alive after the task
 * exits, until put_task_struct(). In simkernel a kernel thread's task stays
 * until kthread_stop() reaps it, which is what modules hold references
 * for; a user task's structure goes when the task exits, references or
 * not (docs/module-api.md). So both only hand the task back.
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/bug.h>

static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	return t;
}

static inline void put_task_struct(struct task_struct *t)
{
	(void)t;
}

#endif /* _LINUX_SCHED_TASK_H */
