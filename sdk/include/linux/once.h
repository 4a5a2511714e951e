/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/once.h - DO_ONCE-style helpers: a flag per call site, set by the
 * first caller (atomically, so two threads never both run the body).
 */
#ifndef _LINUX_ONCE_H
#define _LINUX_ONCE_H

#include <linux/types.h>
#include <linux/compiler.h>

/* True for the first evaluation at this call site only. */
#define __SK_FIRST_TIME()                                                      \
	({                                                                     \
		static bool __sk_once_done;                                    \
		!__atomic_exchange_n(&__sk_once_done, true, __ATOMIC_SEQ_CST); \
	})

#define DO_ONCE_LITE(func, ...) \
	do { if (__SK_FIRST_TIME()) func(__VA_ARGS__); } while (0)
#define DO_ONCE_LITE_IF(cond, func, ...) \
	({ bool __ret_do_once = !!(cond); if (__ret_do_once && __SK_FIRST_TIME()) func(__VA_ARGS__); __ret_do_once; })

#endif /* _LINUX_ONCE_H */
