/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/compiler_types.h - annotations and attribute shorthands.
 *
 * Linux's kbuild includes its compiler_types.h into every file on the
 * command line; the SDK's headers include this one where they need it
 * (<linux/types.h> does, so nearly every module sees it).
 *
 * The SDK headers are read by three compilers: modules (C, -nostdinc, like
 * kbuild), built-in drivers (the same, without -DMODULE) and the kernel's
 * own C++ (which also sees glibc, and defines __SIMKERNEL_HOSTED__).
 */
#ifndef __LINUX_COMPILER_TYPES_H
#define __LINUX_COMPILER_TYPES_H

#ifdef __cplusplus
#define __SK_BEGIN_DECLS extern "C" {
#define __SK_END_DECLS }
#else
#define __SK_BEGIN_DECLS
#define __SK_END_DECLS
#endif

/* Address-space annotations: sparse checks them in Linux; here they document. */
#define __user
#define __kernel
#define __iomem
#define __force

/*
 * Short attribute names, for module code. The kernel's own C++ does not get
 * them: libstdc++ uses names such as __init and __cold for its own things.
 * SDK declarations therefore spell their attributes out.
 */
#ifndef __SIMKERNEL_HOSTED__
#define __section(s)      __attribute__((__section__(s)))
#define __used            __attribute__((__used__))
#define __maybe_unused    __attribute__((__unused__))
#define __always_unused   __attribute__((__unused__))
#define __must_check      __attribute__((__warn_unused_result__))
#define __printf(a, b)    __attribute__((__format__(printf, a, b)))
#define __aligned(x)      __attribute__((__aligned__(x)))
#define __packed          __attribute__((__packed__))
#define __weak            __attribute__((__weak__))
#define __cold            __attribute__((__cold__))
#define __visible         __attribute__((__visibility__("default")))
#define __noreturn        __attribute__((__noreturn__))
#ifndef __always_inline
#define __always_inline   inline __attribute__((__always_inline__))
#endif
#define noinline          __attribute__((__noinline__))
#define notrace
#endif /* !__SIMKERNEL_HOSTED__ */

/* A declaration that fails the build when cond is false, in C and C++. */
#ifdef __cplusplus
#define __SK_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define __SK_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

#define __stringify_1(x...) #x
#define __stringify(x...)   __stringify_1(x)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b)  ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#endif /* __LINUX_COMPILER_TYPES_H */
