/* SPDX-License-Identifier: GPL-2.0 */
/* linux/fcntl.h - open flags (x86-64 values). */
#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

#include <linux/stat.h>
#include <linux/bug.h>

#ifndef O_ACCMODE /* glibc defines the same values for the hosted kernel */
#define O_ACCMODE   00000003
#define O_RDONLY    00000000
#define O_WRONLY    00000001
#define O_RDWR      00000002
#define O_CREAT     00000100
#define O_EXCL      00000200
#define O_NOCTTY    00000400
#define O_TRUNC     00001000
#define O_APPEND    00002000
#define O_NONBLOCK  00004000
#define O_DSYNC     00010000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW  00400000
#define O_CLOEXEC   02000000
#endif
#ifndef O_ASYNC
#define O_ASYNC     00020000
#endif
#define FASYNC O_ASYNC /* fcntl(F_SETFL, O_ASYNC) calls f_op->fasync */

#ifndef F_GETFL /* fcntl(2) commands (uapi/asm-generic/fcntl.h) */
#define F_DUPFD  0
#define F_GETFD  1
#define F_SETFD  2
#define F_GETFL  3
#define F_SETFL  4
#define F_SETOWN 8
#define F_GETOWN 9
#define F_SETSIG 10
#define F_GETSIG 11
#define FD_CLOEXEC 1
#endif

#ifndef O_NDELAY
#define O_NDELAY O_NONBLOCK
#endif

#endif /* _LINUX_FCNTL_H */
