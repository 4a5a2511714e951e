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
#include <linux/bug.h>

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

/*
 * Caches of same-size objects: kmem_cache_create("scullq", sizeof(struct
 * q), 0, SLAB_HWCACHE_ALIGN, NULL). Objects are charged to the module that
 * made the cache; kmem_cache_destroy refuses (and says so) while objects
 * are still allocated. Every object is cache-line aligned already.
 */
#define SLAB_HWCACHE_ALIGN ((slab_flags_t)0x00002000U)
#define SLAB_PANIC         ((slab_flags_t)0x00040000U)
#define SLAB_ACCOUNT       ((slab_flags_t)0x04000000U)
#define SLAB_RECLAIM_ACCOUNT ((slab_flags_t)0x00020000U)

struct kmem_cache;
__SK_BEGIN_DECLS
struct kmem_cache *sk_kmem_cache_create(struct module *owner, const char *name, unsigned int size,
					unsigned int align, slab_flags_t flags, void (*ctor)(void *));
void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags);
void kmem_cache_free(struct kmem_cache *cachep, void *objp);
void kmem_cache_destroy(struct kmem_cache *cachep);
unsigned int kmem_cache_size(struct kmem_cache *cachep);
__SK_END_DECLS

static inline struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
						   unsigned int align, slab_flags_t flags,
						   void (*ctor)(void *))
{
	return sk_kmem_cache_create(THIS_MODULE, name, size, align, flags, ctor);
}
static inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags)
{
	return kmem_cache_alloc(k, flags | __GFP_ZERO);
}
/* KMEM_CACHE(struct_name, flags): a cache named after the structure. */
#define KMEM_CACHE(__struct, __flags) \
	kmem_cache_create(#__struct, sizeof(struct __struct), __alignof__(struct __struct), (__flags), NULL)

#endif /* _LINUX_SLAB_H */
