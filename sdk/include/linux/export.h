/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/export.h - EXPORT_SYMBOL: make a function or variable usable by
 * other modules.
 *
 * Modules are built with -fvisibility=hidden, so everything a module does not
 * export stays private to it. EXPORT_SYMBOL(sym) gives sym default visibility
 * and records it as Linux does: its name in __ksymtab_strings and an entry
 * __ksymtab_<sym> in section __ksymtab (or __ksymtab_gpl), which is where the
 * loader and depmod look for exports.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>

struct module;

/* THIS_MODULE: the running module's struct module, or NULL for the kernel. */
#ifdef MODULE
__SK_BEGIN_DECLS
extern struct module __this_module;
__SK_END_DECLS
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

struct kernel_symbol {
	unsigned long value;
	const char *name;
	const char *namespace_;
};

#ifdef MODULE
#define __EXPORT_SYMBOL(sym, sec)                                          \
	extern __typeof__(sym) sym __visible;                                 \
	static const char __kstrtab_##sym[] __used                            \
		__section("__ksymtab_strings") __aligned(1) = #sym;           \
	static const struct kernel_symbol __ksymtab_##sym __used              \
		__section(sec) __aligned(8) =                                 \
		{ (unsigned long)&sym, __kstrtab_##sym, "" }
#else
/* Built-in code is part of the kernel: its exports are in the kernel's table. */
#define __EXPORT_SYMBOL(sym, sec) extern __typeof__(sym) sym __visible
#endif

#define EXPORT_SYMBOL(sym)       __EXPORT_SYMBOL(sym, "__ksymtab")
#define EXPORT_SYMBOL_GPL(sym)   __EXPORT_SYMBOL(sym, "__ksymtab_gpl")
#define EXPORT_SYMBOL_NS(sym, ns)     EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns) EXPORT_SYMBOL_GPL(sym)

#endif /* _LINUX_EXPORT_H */
