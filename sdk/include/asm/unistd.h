/* SPDX-License-Identifier: GPL-2.0 */
/* asm/unistd.h - system call numbers (x86-64's, for those simkernel has). */
#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

#ifdef __SIMKERNEL_HOSTED__
/* glibc's <sys/syscall.h> wants the full list: take the system's. */
#include_next <asm/unistd.h>
#else
#define __NR_read            0
#define __NR_write           1
#define __NR_open            2
#define __NR_close           3
#define __NR_stat            4
#define __NR_fstat           5
#define __NR_lseek           8
#define __NR_ioctl          16
#define __NR_dup            32
#define __NR_dup2           33
#define __NR_nanosleep      35
#define __NR_getpid         39
#define __NR_kill           62
#define __NR_uname          63
#define __NR_getcwd         79
#define __NR_chdir          80
#define __NR_unlink         87
#define __NR_getuid        102
#define __NR_syslog        103
#define __NR_getgid        104
#define __NR_geteuid       107
#define __NR_getppid       110
#define __NR_mknod         133
#define __NR_init_module   175
#define __NR_delete_module 176
#define __NR_getdents64    217
#define __NR_finit_module  313
/* issue 14: waiting on many files, fcntl */
#define __NR_poll            7
#define __NR_select         23
#define __NR_fcntl          72
#define __NR_pselect6      270
#define __NR_ppoll         271
#endif

#define NR_syscalls        314

#endif
