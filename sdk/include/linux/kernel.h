/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kernel.h - the odds and ends every module reaches for: printk,
 * min/max, ARRAY_SIZE, container_of, kstrto*.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <linux/stdarg.h>
#include <linux/array_size.h>
#include <linux/container_of.h>
#include <linux/limits.h>
#include <linux/math.h>
#include <asm/barrier.h>
#include <linux/err.h>
#include <linux/bitops.h>
#include <linux/minmax.h>



__SK_BEGIN_DECLS
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtobool(const char *s, bool *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtos16(const char *s, unsigned int base, s16 *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtos8(const char *s, unsigned int base, s8 *res);
/* The same, reading at most count bytes from a user buffer (a write()). */
int kstrtoint_from_user(const char __user *s, size_t count, unsigned int base, int *res);
int kstrtouint_from_user(const char __user *s, size_t count, unsigned int base, unsigned int *res);
int kstrtol_from_user(const char __user *s, size_t count, unsigned int base, long *res);
int kstrtoul_from_user(const char __user *s, size_t count, unsigned int base, unsigned long *res);
int kstrtoll_from_user(const char __user *s, size_t count, unsigned int base, long long *res);
int kstrtoull_from_user(const char __user *s, size_t count, unsigned int base, unsigned long long *res);
int kstrtou8_from_user(const char __user *s, size_t count, unsigned int base, u8 *res);
int kstrtobool_from_user(const char __user *s, size_t count, bool *res);
__SK_END_DECLS
#define kstrtou64(s, base, res) kstrtoull(s, base, res)
#define kstrtos64(s, base, res) kstrtoll(s, base, res)
#define kstrtou32(s, base, res) kstrtouint(s, base, res)
#define kstrtos32(s, base, res) kstrtoint(s, base, res)
#define kstrtou64_from_user(s, count, base, res) kstrtoull_from_user(s, count, base, res)
#define kstrtos64_from_user(s, count, base, res) kstrtoll_from_user(s, count, base, res)
#define kstrtou32_from_user(s, count, base, res) kstrtouint_from_user(s, count, base, res)
#define kstrtos32_from_user(s, count, base, res) kstrtoint_from_user(s, count, base, res)

#include <linux/string.h>
#include <linux/bug.h>

#endif /* _LINUX_KERNEL_H */
