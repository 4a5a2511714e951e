/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/init.h - module_init / module_exit and the __init family.
 *
 * In a module (-DMODULE) module_init(fn) makes init_module an alias of fn,
 * which is the name the kernel looks up when it loads the .ko. Built into
 * the kernel, module_init(fn) adds fn to the boot-time initcall list.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#ifndef __SIMKERNEL_HOSTED__
/* Linux frees __init code after boot; simkernel keeps it (it is tiny). */
#define __init      __cold
#define __exit      __cold
#define __initdata
#define __exitdata
#define __initconst
#define __init_or_module
#define __exit_p(x) x
#endif

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

__SK_BEGIN_DECLS
/* The two entry points of every module. Declared here so that they stay
 * visible to the loader even though modules are built -fvisibility=hidden. */
extern __attribute__((__visibility__("default"))) int init_module(void);
extern __attribute__((__visibility__("default"))) void cleanup_module(void);
__SK_END_DECLS

#if defined(MODULE) && !defined(__cplusplus)

/* The alias takes the attributes of the function (__init's __cold), as Linux's __copy does. */
#if defined(__has_attribute) && __has_attribute(__copy__)
#define __sk_copy(fn) __attribute__((__copy__(fn)))
#else
#define __sk_copy(fn)
#endif

#define module_init(initfn)                                         \
	static inline initcall_t __maybe_unused __inittest(void)        \
	{ return initfn; }                                              \
	int init_module(void) __sk_copy(initfn) __attribute__((__alias__(#initfn)))

#define module_exit(exitfn)                                         \
	static inline exitcall_t __maybe_unused __exittest(void)        \
	{ return exitfn; }                                              \
	void cleanup_module(void) __sk_copy(exitfn) __attribute__((__alias__(#exitfn)))

#elif defined(MODULE) /* C++: an alias would need initfn's mangled name */

#define module_init(initfn)                                         \
	static inline initcall_t __maybe_unused __inittest(void)        \
	{ return initfn; }                                              \
	extern "C" int init_module(void) { return initfn(); }

#define module_exit(exitfn)                                         \
	static inline exitcall_t __maybe_unused __exittest(void)        \
	{ return exitfn; }                                              \
	extern "C" void cleanup_module(void) { exitfn(); }

#elif !defined(__SIMKERNEL_HOSTED__) /* built into the kernel */

__SK_BEGIN_DECLS
void sk_builtin_set_init(const char *name, initcall_t init);
void sk_builtin_set_exit(const char *name, exitcall_t exit_fn);
__SK_END_DECLS

#ifndef KBUILD_MODNAME
#error "built-in drivers are compiled with -DKBUILD_MODNAME=\"name\""
#endif

/*
 * A constructor records the driver when the kernel library is loaded; boot
 * calls every recorded init in link order and shutdown every exit in reverse.
 */
#define module_init(initfn)                                              \
	static void __attribute__((__constructor__)) __sk_builtin_init(void) \
	{ sk_builtin_set_init(KBUILD_MODNAME, initfn); }
#define module_exit(exitfn)                                              \
	static void __attribute__((__constructor__)) __sk_builtin_exit(void) \
	{ sk_builtin_set_exit(KBUILD_MODNAME, exitfn); }

#endif /* MODULE */

#endif /* _LINUX_INIT_H */
