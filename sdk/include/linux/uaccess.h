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
#include <linux/sched.h>
#include <linux/bug.h>

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

/* The value goes through a byte buffer, so that ptr may point to const
 * (get_user(c, (const char __user *)buf) is common and kbuild accepts it). */
#define get_user(x, ptr)                                                  \
	({                                                                \
		union {                                                   \
			__typeof__(*(ptr)) __v;                           \
			unsigned char __b[sizeof(*(ptr))];                \
		} __gu;                                                   \
		int __gu_err = copy_from_user(__gu.__b, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
		(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu.__v;        \
		__gu_err;                                                 \
	})

/* Linux's unchecked forms skip access_ok; simkernel checks every copy. */
#define __put_user(x, ptr) put_user(x, ptr)
#define __get_user(x, ptr) get_user(x, ptr)
#define __copy_to_user(to, from, n)   copy_to_user(to, from, n)
#define __copy_from_user(to, from, n) copy_from_user(to, from, n)

/*
 * access_ok(addr, size): the range lies in user space (below x86-64's
 * TASK_SIZE_MAX) and does not wrap, which is all Linux's checks; whether the
 * memory is really there is found by the copy itself.
 */
#define access_ok(addr, size)                                                        \
	({                                                                           \
		unsigned long __ao_a = (unsigned long)(addr), __ao_s = (unsigned long)(size); \
		__ao_a + __ao_s >= __ao_a && __ao_a + __ao_s <= TASK_SIZE_MAX;       \
	})

#endif /* _LINUX_UACCESS_H */
