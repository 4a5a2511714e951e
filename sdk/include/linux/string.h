/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/string.h - the string functions the kernel exports to modules.
 * Their bodies are the host C library's; only these names are exported, so a
 * module calling any other libc function (printf, malloc) is refused at load.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>
#include <linux/stdarg.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/array_size.h>
#include <linux/limits.h>
#include <linux/bug.h>

#ifdef __SIMKERNEL_HOSTED__
#include <string.h>
#include <stdio.h>
#else
__SK_BEGIN_DECLS
void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t n);
char *strcat(char *dest, const char *src);
char *strncat(char *dest, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
/* Linux's printf (lib/vsprintf.c: %p hashed, %pS, %pe, %ph, ... and %n
 * refused), not the C library's: these names are bound to the kernel's. */
__attribute__((__format__(printf, 3, 4))) int snprintf(char *buf, size_t size, const char *fmt, ...) __asm__("sk_snprintf");
__attribute__((__format__(printf, 2, 3))) int sprintf(char *buf, const char *fmt, ...) __asm__("sk_sprintf");
__attribute__((__format__(printf, 3, 0))) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args) __asm__("sk_vsnprintf");
__attribute__((__format__(printf, 2, 0))) int vsprintf(char *buf, const char *fmt, va_list args) __asm__("sk_vsprintf");
__attribute__((__format__(printf, 3, 4))) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__attribute__((__format__(printf, 3, 0))) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
ssize_t strscpy(char *dest, const char *src, size_t count);
__SK_END_DECLS
#endif

#ifdef __SIMKERNEL_HOSTED__
__SK_BEGIN_DECLS
/* The kernel's printf (sim_kernel/lib/vsprintf.cpp), under names apart from the
 * C library's, which the rest of the simulator keeps using. */
int sk_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int sk_vsprintf(char *buf, const char *fmt, va_list args);
int sk_snprintf(char *buf, size_t size, const char *fmt, ...);
int sk_sprintf(char *buf, const char *fmt, ...);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int scnprintf(char *buf, size_t size, const char *fmt, ...);
long strscpy(char *dest, const char *src, size_t count);
__SK_END_DECLS
#endif

#ifndef __SIMKERNEL_HOSTED__
__SK_BEGIN_DECLS
char *strsep(char **s, const char *ct);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *cs, const char *ct);
int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);
__SK_END_DECLS
#endif

struct module;
__SK_BEGIN_DECLS
char *strim(char *s);
/* Copies into kmalloc'ed memory charged to the calling module (kfree them). */
char *sk_kstrndup(struct module *owner, const char *s, size_t max, gfp_t gfp);
void *sk_kmemdup(struct module *owner, const void *src, size_t len, gfp_t gfp);
void *sk_memdup_user(struct module *owner, const void __user *src, size_t len);
char *sk_strndup_user(struct module *owner, const char __user *s, long n);
__attribute__((__format__(printf, 3, 0)))
char *sk_kvasprintf(struct module *owner, gfp_t gfp, const char *fmt, va_list ap);
__SK_END_DECLS

static inline char *kstrdup(const char *s, gfp_t gfp) { return sk_kstrndup(THIS_MODULE, s, (size_t)-1, gfp); }
static inline char *kstrndup(const char *s, size_t max, gfp_t gfp) { return sk_kstrndup(THIS_MODULE, s, max, gfp); }
static inline const char *kstrdup_const(const char *s, gfp_t gfp) { return kstrdup(s, gfp); }
static inline void *kmemdup(const void *src, size_t len, gfp_t gfp) { return sk_kmemdup(THIS_MODULE, src, len, gfp); }
/* ERR_PTR(-EFAULT) or ERR_PTR(-ENOMEM) on failure, as Linux's. */
static inline void *memdup_user(const void __user *src, size_t len) { return sk_memdup_user(THIS_MODULE, src, len); }
static inline char *strndup_user(const char __user *s, long n) { return sk_strndup_user(THIS_MODULE, s, n); }
static inline __attribute__((__format__(printf, 2, 0))) char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap)
{
	return sk_kvasprintf(THIS_MODULE, gfp, fmt, ap);
}
static __attribute__((__format__(printf, 2, 3))) __attribute__((__unused__)) char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = sk_kvasprintf(THIS_MODULE, gfp, fmt, ap);
	va_end(ap);
	return p;
}
#define strstrip strim

#endif /* _LINUX_STRING_H */
