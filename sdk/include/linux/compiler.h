/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/compiler.h - attributes and annotations the rest of the SDK uses.
 *
 * The SDK headers are read by three compilers: modules (C, -nostdinc, like
 * kbuild), built-in drivers (the same, without -DMODULE) and the kernel's
 * own C++ (which also sees glibc, and defines __SIMKERNEL_HOSTED__).
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

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
#ifndef __always_inline
#define __always_inline   inline __attribute__((__always_inline__))
#endif
#define noinline          __attribute__((__noinline__))
#define notrace
#endif /* !__SIMKERNEL_HOSTED__ */

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define barrier() __asm__ __volatile__("" : : : "memory")
#define READ_ONCE(x)     (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

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

#endif /* _LINUX_COMPILER_H */
