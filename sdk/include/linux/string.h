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
__attribute__((__format__(printf, 3, 4))) int snprintf(char *buf, size_t size, const char *fmt, ...);
__attribute__((__format__(printf, 2, 3))) int sprintf(char *buf, const char *fmt, ...);
__attribute__((__format__(printf, 3, 0))) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__attribute__((__format__(printf, 3, 4))) int scnprintf(char *buf, size_t size, const char *fmt, ...);
ssize_t strscpy(char *dest, const char *src, size_t count);
__SK_END_DECLS
#endif

#ifdef __SIMKERNEL_HOSTED__
__SK_BEGIN_DECLS
int scnprintf(char *buf, size_t size, const char *fmt, ...);
long strscpy(char *dest, const char *src, size_t count);
__SK_END_DECLS
#endif

#endif /* _LINUX_STRING_H */
