/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kthread.h - kernel threads: a task that runs kernel code only.
 *
 *     static int worker(void *data)
 *     {
 *             while (!kthread_should_stop()) {
 *                     ...                    // do a piece of work
 *                     msleep_interruptible(100);
 *             }
 *             return 0;
 *     }
 *     t = kthread_run(worker, dev, "mydev-%d", n);   // in init
 *     if (IS_ERR(t)) return PTR_ERR(t);
 *     ...
 *     kthread_stop(t);                               // in cleanup
 *
 * A kernel thread is a task with its own pid (`ps` lists it in brackets,
 * [mydev-0]); `current` in its code is itself. Signals do not reach it.
 * kthread_stop() asks it to stop (kthread_should_stop() turns true and the
 * thread is woken), waits for its function to return, and returns what it
 * returned. A module removed with a thread still running would crash
 * Linux; simkernel stops the thread itself and says so.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/types.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/bug.h>

struct module;
struct completion;

__SK_BEGIN_DECLS
/* Creates the thread asleep: wake_up_process() starts it. */
struct task_struct *sk_kthread_create(struct module *owner, int (*threadfn)(void *data), void *data,
				      const char *namefmt, ...) __attribute__((__format__(printf, 4, 5)));
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
/* Ends the calling kernel thread at once, as if its function had returned
 * result (kthread_stop() returns it). Only a kernel thread may call it. */
__attribute__((__noreturn__)) void kthread_exit(long result);
/* complete(comp), then kthread_exit(code): for a module that waits on comp
 * before it goes away, so the thread is out of its code by then. */
__attribute__((__noreturn__)) void kthread_complete_and_exit(struct completion *comp, long code);
__SK_END_DECLS

#define kthread_create(threadfn, data, namefmt, ...) \
	sk_kthread_create(THIS_MODULE, (threadfn), (data), namefmt, ##__VA_ARGS__)

/* Create and start: the thread or an ERR_PTR. */
#define kthread_run(threadfn, data, namefmt, ...)                                   \
	({                                                                          \
		struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))                                                   \
			wake_up_process(__k);                                       \
		__k;                                                                \
	})

#endif /* _LINUX_KTHREAD_H */
