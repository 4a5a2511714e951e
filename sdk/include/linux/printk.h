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
#include <linux/export.h>
#include <linux/init.h>
#include <linux/ratelimit_types.h>
#include <linux/once.h>
#include <linux/build_bug.h>

__SK_BEGIN_DECLS

__attribute__((__format__(printf, 1, 2), __cold__)) int printk(const char *fmt, ...);
__attribute__((__format__(printf, 1, 0))) int vprintk(const char *fmt, va_list args);

/* %pV: a format and its arguments, formatted in place (lib/vsprintf.c). */
struct va_format {
	const char *fmt;
	va_list *va;
};

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

/* Once per call site, for as long as the module is loaded. */
#define printk_once(fmt, ...) DO_ONCE_LITE(printk, fmt, ##__VA_ARGS__)
#define pr_emerg_once(fmt, ...)  printk_once(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert_once(fmt, ...)  printk_once(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit_once(fmt, ...)   printk_once(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...)    printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)   printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_once(fmt, ...) printk_once(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...)   printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/* At most 10 messages per 5 seconds per call site; the rest are counted
 * and reported as "callbacks suppressed", as Linux does. */
#define printk_ratelimited(fmt, ...)                                           \
	({                                                                     \
		static struct ratelimit_state _rs =                            \
			RATELIMIT_STATE_INIT(_rs, DEFAULT_RATELIMIT_INTERVAL,  \
					     DEFAULT_RATELIMIT_BURST);         \
		if (__ratelimit(&_rs))                                         \
			printk(fmt, ##__VA_ARGS__);                            \
	})
#define pr_emerg_ratelimited(fmt, ...)  printk_ratelimited(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert_ratelimited(fmt, ...)  printk_ratelimited(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit_ratelimited(fmt, ...)   printk_ratelimited(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_ratelimited(fmt, ...)    printk_ratelimited(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...)   printk_ratelimited(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_ratelimited(fmt, ...) printk_ratelimited(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...)   printk_ratelimited(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/* print_hex_dump: lines of "prefix offset: hex bytes  ascii", as lib/hexdump.c. */
enum {
	DUMP_PREFIX_NONE,
	DUMP_PREFIX_ADDRESS,
	DUMP_PREFIX_OFFSET
};

__SK_BEGIN_DECLS
int hex_dump_to_buffer(const void *buf, size_t len, int rowsize, int groupsize,
		       char *linebuf, size_t linebuflen, bool ascii);
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len, bool ascii);
__SK_END_DECLS
#define print_hex_dump_bytes(prefix_str, prefix_type, buf, len) \
	print_hex_dump(KERN_DEBUG, prefix_str, prefix_type, 16, 1, buf, len, true)
#define print_hex_dump_debug(prefix_str, prefix_type, rowsize, groupsize, buf, len, ascii) \
	print_hex_dump(KERN_DEBUG, prefix_str, prefix_type, rowsize, groupsize, buf, len, ascii)

#endif /* _LINUX_PRINTK_H */
