/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/poll.h - a driver's .poll: it calls poll_wait() for each wait queue
 * that may change its answer, then returns the EPOLL* bits true now.
 *
 * poll(2), select(2), ppoll and pselect6 call it (fs/select.c, here
 * sim_kernel/fs/select.cpp): on the first call poll_wait() puts the task on
 * each queue; if no bit the caller wants is set, the task sleeps until a
 * wake_up() on one of them, a signal or the timeout, and asks again.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/compiler.h>
#include <linux/ktime.h>
#include <linux/wait.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/bug.h>

#define EPOLLIN     ((__poll_t)0x00000001)
#define EPOLLPRI    ((__poll_t)0x00000002)
#define EPOLLOUT    ((__poll_t)0x00000004)
#define EPOLLERR    ((__poll_t)0x00000008)
#define EPOLLHUP    ((__poll_t)0x00000010)
#define EPOLLNVAL   ((__poll_t)0x00000020)
#define EPOLLRDNORM ((__poll_t)0x00000040)
#define EPOLLRDBAND ((__poll_t)0x00000080)
#define EPOLLWRNORM ((__poll_t)0x00000100)
#define EPOLLWRBAND ((__poll_t)0x00000200)
#define EPOLLMSG    ((__poll_t)0x00000400)
#define EPOLLRDHUP  ((__poll_t)0x00002000)
#ifndef POLLIN /* glibc defines the same values for the hosted kernel */
#define POLLIN      0x0001
#define POLLPRI     0x0002
#define POLLOUT     0x0004
#define POLLERR     0x0008
#define POLLHUP     0x0010
#define POLLNVAL    0x0020
#define POLLRDNORM  0x0040
#define POLLRDBAND  0x0080
#define POLLWRNORM  0x0100
#define POLLWRBAND  0x0200
#endif

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *, wait_queue_head_t *, struct poll_table_struct *);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;  /* what poll_wait calls: joins the queue */
	__poll_t _key;           /* the events the caller waits for */
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

static inline __poll_t poll_requested_events(const poll_table *p)
{
	return p ? p->_key : ~(__poll_t)0;
}

#endif /* _LINUX_POLL_H */
