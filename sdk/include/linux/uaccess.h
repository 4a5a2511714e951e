/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/uaccess.h - the only way data crosses between a user buffer and the
 * kernel.
 *
 * copy_to_user / copy_from_user return the number of bytes they could NOT
 * copy (0 on success); a driver turns a non-zero result into -EFAULT. The
 * kernel checks each copy against the buffer the user passed to the system
 * call, so a driver that writes past the user's count is caught, not obeyed.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/errno.h>

__SK_BEGIN_DECLS
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);
__SK_END_DECLS

/* put_user(x, ptr) / get_user(x, ptr): one value of *ptr's type; 0 or -EFAULT. */
#define put_user(x, ptr)                                                  \
	({                                                                \
		__typeof__(*(ptr)) __pu_val = (x);                        \
		copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0; \
	})

#define get_user(x, ptr)                                                  \
	({                                                                \
		__typeof__(*(ptr)) __gu_val;                              \
		int __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
		(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu_val;        \
		__gu_err;                                                 \
	})

#endif /* _LINUX_UACCESS_H */
