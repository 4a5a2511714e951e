/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/printk.h - the kernel log.
 *
 * printk() appends one record to the kernel's ring buffer (read it with
 * dmesg); records more urgent than the console log level are also printed
 * on the console at once.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/types.h>
#include <linux/kern_levels.h>
#include <linux/stdarg.h>

__SK_BEGIN_DECLS

__attribute__((__format__(printf, 1, 2), __cold__)) int printk(const char *fmt, ...);
__attribute__((__format__(printf, 1, 0))) int vprintk(const char *fmt, va_list args);

__SK_END_DECLS

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)   printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)   printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)    printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)     printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)    printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning           pr_warn
#define pr_notice(fmt, ...)  printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)    printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)    printk(KERN_CONT fmt, ##__VA_ARGS__)

/* As in Linux: pr_debug compiles to nothing unless DEBUG is defined. */
#ifdef DEBUG
#define pr_debug(fmt, ...)   printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...) \
	({ if (0) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__); 0; })
#endif

#endif /* _LINUX_PRINTK_H */
