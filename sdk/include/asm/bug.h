/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/bug.h - how BUG() and WARN() reach the kernel (arch/x86/include/asm/bug.h
 * and include/asm-generic/bug.h in Linux).
 *
 * As on x86, BUG() ends in the ud2 instruction, in the caller's own code,
 * so that the Oops's RIP is the line of the BUG(); simkernel records the
 * file and line just before it. WARN() calls into the kernel, which prints
 * the warning with a call trace and taints the kernel W.
 */
#ifndef _ASM_X86_BUG_H
#define _ASM_X86_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/printk.h> /* as asm-generic/bug.h */

__SK_BEGIN_DECLS
void __sk_bug_site(const char *file, int line);
void __sk_warn(const char *file, int line);
void __sk_warn_printf(const char *file, int line, const char *fmt, ...)
	__attribute__((__format__(printf, 3, 4)));
__SK_END_DECLS

#define BUG() do { __sk_bug_site(__FILE__, __LINE__); __builtin_trap(); } while (0)
#define BUG_ON(condition) do { if (__builtin_expect(!!(condition), 0)) BUG(); } while (0)

#define __WARN() __sk_warn(__FILE__, __LINE__)
#define __WARN_printf(taint, ...) __sk_warn_printf(__FILE__, __LINE__, __VA_ARGS__)

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (__builtin_expect(__ret_warn_on, 0))				\
		__sk_warn(__FILE__, __LINE__);				\
	__builtin_expect(__ret_warn_on, 0);				\
})

#define WARN(condition, ...) ({						\
	int __ret_warn_on = !!(condition);				\
	if (__builtin_expect(__ret_warn_on, 0))				\
		__sk_warn_printf(__FILE__, __LINE__, __VA_ARGS__);	\
	__builtin_expect(__ret_warn_on, 0);				\
})

#define WARN_TAINT(condition, taint, ...) WARN(condition, __VA_ARGS__)

/* The _ONCE forms keep a flag per call site, in the caller's data. */
#define WARN_ON_ONCE(condition) ({					\
	static int __warned;						\
	int __ret_warn_once = !!(condition);				\
	if (__builtin_expect(__ret_warn_once && !__warned, 0)) {	\
		__warned = 1;						\
		__sk_warn(__FILE__, __LINE__);				\
	}								\
	__builtin_expect(__ret_warn_once, 0);				\
})

#define WARN_ONCE(condition, ...) ({					\
	static int __warned;						\
	int __ret_warn_once = !!(condition);				\
	if (__builtin_expect(__ret_warn_once && !__warned, 0)) {	\
		__warned = 1;						\
		__sk_warn_printf(__FILE__, __LINE__, __VA_ARGS__);	\
	}								\
	__builtin_expect(__ret_warn_once, 0);				\
})

#define WARN_TAINT_ONCE(condition, taint, ...) WARN_ONCE(condition, __VA_ARGS__)

#endif /* _ASM_X86_BUG_H */
