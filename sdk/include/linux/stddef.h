/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#ifdef __cplusplus
#ifndef NULL
#define NULL nullptr
#endif
#else
#undef NULL
#define NULL ((void *)0)
enum { false = 0, true = 1 };
#endif

#ifndef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#endif
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))

#endif /* _LINUX_STDDEF_H */
