/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/dev_printk.h - printk for a driver's device: each message starts
 * with the device's class (or bus) and name, "hello_class hello0: ...", as
 * Linux's dev_printk, so the log says which of several devices spoke.
 */
#ifndef _DEVICE_PRINTK_H_
#define _DEVICE_PRINTK_H_

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/ratelimit_types.h>
#include <linux/once.h>
#include <linux/sched.h>
#include <linux/bug.h>

struct device;

__SK_BEGIN_DECLS
__attribute__((__format__(printf, 3, 4), __cold__))
void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
__SK_END_DECLS

#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif

#define dev_printk(level, dev, fmt, ...) _dev_printk(level, dev, fmt, ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...)  _dev_printk(KERN_EMERG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)  _dev_printk(KERN_ALERT, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)   _dev_printk(KERN_CRIT, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)    _dev_printk(KERN_ERR, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)   _dev_printk(KERN_WARNING, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_printk(KERN_NOTICE, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)   _dev_printk(KERN_INFO, dev, dev_fmt(fmt), ##__VA_ARGS__)
/* As pr_debug: nothing unless DEBUG is defined (the arguments are still checked). */
#ifdef DEBUG
#define dev_dbg(dev, fmt, ...)    _dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...) \
	({ if (0) _dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__); })
#endif
#define dev_err_once(dev, fmt, ...)  DO_ONCE_LITE(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_once(dev, fmt, ...) DO_ONCE_LITE(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_info_once(dev, fmt, ...) DO_ONCE_LITE(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_level_ratelimited(dev_level, dev, fmt, ...)                        \
	do {                                                                   \
		static struct ratelimit_state _rs =                            \
			RATELIMIT_STATE_INIT(_rs, DEFAULT_RATELIMIT_INTERVAL,  \
					     DEFAULT_RATELIMIT_BURST);         \
		if (__ratelimit(&_rs))                                         \
			dev_level(dev, fmt, ##__VA_ARGS__);                    \
	} while (0)
#define dev_err_ratelimited(dev, fmt, ...)  dev_level_ratelimited(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_info_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_info, dev, fmt, ##__VA_ARGS__)

#endif /* _DEVICE_PRINTK_H_ */
