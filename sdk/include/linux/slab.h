/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/slab.h - kernel memory: kmalloc / kzalloc / kfree.
 *
 * Every allocation is charged to the module that made it (the inline
 * wrappers pass THIS_MODULE), so rmmod can report what a module leaked.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/export.h>
#include <linux/gfp.h>

struct module;

__SK_BEGIN_DECLS
void *sk_kmalloc(struct module *owner, size_t size, gfp_t flags);
void *sk_krealloc(struct module *owner, const void *p, size_t new_size, gfp_t flags);
void kfree(const void *objp);
size_t ksize(const void *objp);
__SK_END_DECLS

#define KMALLOC_MAX_SIZE ((size_t)1 << 22)
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

static inline void *kmalloc(size_t size, gfp_t flags)
{
	return sk_kmalloc(THIS_MODULE, size, flags);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return sk_kmalloc(THIS_MODULE, size, flags | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;
	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return sk_kmalloc(THIS_MODULE, bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	return sk_krealloc(THIS_MODULE, p, new_size, flags);
}

#define kvmalloc kmalloc
#define kvzalloc kzalloc
#define kvfree   kfree
#define vmalloc(size)  kmalloc(size, GFP_KERNEL)
#define vzalloc(size)  kzalloc(size, GFP_KERNEL)
#define vfree          kfree

#endif /* _LINUX_SLAB_H */
