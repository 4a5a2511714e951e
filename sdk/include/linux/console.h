/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/console.h - the system console: where the kernel's urgent messages
 * appear, and where /dev/console's writes go.
 *
 * On Linux a console driver (struct console, register_console) puts bytes
 * on a screen or a serial line. simkernel has one console, the terminal the
 * shell runs in, and gives drivers one function to reach it. It is
 * simkernel's own (not Linux's): drivers/char/console.c is its one user.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/bug.h>

__SK_BEGIN_DECLS
/*
 * Writes len bytes from buf (kernel memory: copy user data in first) to
 * the console, in order with printk's console messages. Never blocks on a
 * reader, never fails; with no console attached the bytes are dropped.
 */
void sk_console_write(const char *buf, size_t len);
__SK_END_DECLS

#endif /* _LINUX_CONSOLE_H */
